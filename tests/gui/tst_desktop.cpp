// The window as a desktop application: closing with held messages, the language switched while
// connected, keyboard reach and the shortcut list, the version it reports. Offscreen, real
// widgets, against the embedded broker.
// QCustomPlot's header needs Qt's keywords, which the project switches off: read it first.
#undef QT_NO_KEYWORDS
#undef QT_NO_FOREACH
#include <qcustomplot.h>

#include "clusterpanel.h"
#include "gaveuppanel.h"
#include "language.h"
#include "lifediagram.h"
#include "mainwindow.h"
#include "models/gaveupmodel.h"
#include "models/messagemodel.h"
#include "models/timelinemodel.h"
#include "models/tourmodel.h"
#include "models/tracemodel.h"
#include "payloadview.h"
#include "plotspanel.h"
#include "publishpanel.h"
#include "retranslator.h"
#include "session/clusterpoller.h"
#include "session/inspectorsession.h"
#include "theme.h"
#include "timeformat.h"

#include <broker/broker.h>
#include <broker/topic.h>

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QDialog>
#include <QDockWidget>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QStyleOptionComboBox>
#include <QTableView>
#include <QTableWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <cmath>
#include <memory>

using namespace nsq;
using namespace nsqui;

namespace {
constexpr int kWait = 30000;
}

class TstDesktop : public QObject
{
    Q_OBJECT

    std::unique_ptr<Broker> m_broker;
    int m_serial = 0;

    QString tcp() const { return QStringLiteral("127.0.0.1:%1").arg(m_broker->tcpPort()); }
    const Channel *channel(const QString &topic) const
    {
        const Topic *t = m_broker->topic(topic);
        if (!t)
            return nullptr;
        const auto it = t->channels.find(QStringLiteral("desk"));
        return it == t->channels.end() ? nullptr : it->second.get();
    }
    // A window holding n messages of a fresh topic on channel "desk".
    QString holdIn(MainWindow &w, int n)
    {
        const QString topic = QStringLiteral("desk%1").arg(++m_serial);
        m_broker->getOrCreateChannel(m_broker->getOrCreateTopic(topic), QStringLiteral("desk"));
        QByteArrayList bodies;
        for (int i = 0; i < n; ++i)
            bodies << "held " + QByteArray::number(i);
        [&] { QCOMPARE(m_broker->publish(topic, bodies), QString()); }();
        SessionSettings s;
        s.nsqdAddresses = {tcp()};
        s.topic = topic;
        s.channel = QStringLiteral("desk");
        [&] { QCOMPARE(w.connectTo(s), QStringList()); }();
        [&] { QTRY_COMPARE_WITH_TIMEOUT(w.model()->heldCount(), n, kWait); }();
        return topic;
    }
    static QMessageBox *heldQuestion(MainWindow &w)
    {
        QMessageBox *box = nullptr;
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(
                (box = w.findChild<QMessageBox *>(QStringLiteral("heldOnClose"))) != nullptr,
                kWait);
        }();
        return box;
    }
    static void click(QMessageBox *box, const char *button)
    {
        auto *b = box->findChild<QPushButton *>(QLatin1String(button));
        QVERIFY(b);
        QTest::mouseClick(b, Qt::LeftButton);
    }
    // Every text a person reads in the window: labels, buttons, titles, menus, actions, headers.
    static QStringList visibleTexts(MainWindow &w)
    {
        QStringList out;
        for (QWidget *c : w.findChildren<QWidget *>()) {
            // The status bar's labels are live figures (the connection state, counts): they
            // change by themselves between two looks.
            if (w.statusBar()->isAncestorOf(c))
                continue;
            if (auto *l = qobject_cast<QLabel *>(c))
                out << l->text();
            else if (auto *b = qobject_cast<QAbstractButton *>(c))
                out << b->text();
            if (auto *d = qobject_cast<QDockWidget *>(c))
                out << d->windowTitle();
            if (auto *e = qobject_cast<QLineEdit *>(c))
                out << e->placeholderText();
        }
        for (QAction *a : w.findChildren<QAction *>())
            out << a->text();
        for (QAction *a : w.menuBar()->actions())
            out << a->text();
        for (int c = 0; c < w.model()->columnCount(); ++c)
            out << w.model()->headerData(c, Qt::Horizontal).toString();
        out.removeAll(QString());
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().remove(QStringLiteral("view/retention")); // a run cut short may have left it
        m_broker = std::make_unique<Broker>();
        QCOMPARE(m_broker->start(), QString());
    }

    void closingWithHeldMessagesAsksAndCancelKeepsTheWindow()
    {
        MainWindow w;
        w.show();
        const QString topic = holdIn(w, 2);
        w.close();
        QMessageBox *box = heldQuestion(w);
        QVERIFY(box->text().contains(QLatin1String("2 messages")));
        click(box, "closeCancel");
        QTRY_VERIFY_WITH_TIMEOUT(!w.findChild<QMessageBox *>(QStringLiteral("heldOnClose")), kWait);
        QVERIFY(w.isVisible());
        QVERIFY(w.session()->isActive());
        QCOMPARE(w.model()->heldCount(), 2);
        QCOMPARE(channel(topic)->inFlight.size(), qsizetype(2));
    }

    void closingAndRequeueing()
    {
        QString topic;
        {
            MainWindow w;
            w.show();
            topic = holdIn(w, 3);
            w.close();
            click(heldQuestion(w), "closeRequeue");
            QTRY_VERIFY_WITH_TIMEOUT(!w.isVisible(), kWait);
        }
        QCOMPARE(channel(topic)->inFlight.size(), qsizetype(0));
        QCOMPARE(channel(topic)->depth(), qint64(3)); // back now, not at msg_timeout
    }

    void closingAndFinishing()
    {
        QString topic;
        {
            MainWindow w;
            w.show();
            topic = holdIn(w, 3);
            w.close();
            click(heldQuestion(w), "closeFinish");
            QTRY_VERIFY_WITH_TIMEOUT(!w.isVisible(), kWait);
        }
        QCOMPARE(channel(topic)->inFlight.size(), qsizetype(0));
        QCOMPARE(channel(topic)->depth(), qint64(0));
        QCOMPARE(channel(topic)->requeueCount, quint64(0));
    }

    void closingAndKeeping()
    {
        QString topic;
        {
            MainWindow w;
            w.show();
            topic = holdIn(w, 3);
            w.close();
            click(heldQuestion(w), "closeKeep");
            QTRY_VERIFY_WITH_TIMEOUT(!w.isVisible(), kWait);
        }
        // Unanswered, as chosen: nsqd delivers them again when their msg_timeout passes.
        QTRY_VERIFY_WITH_TIMEOUT(channel(topic)->clients.isEmpty(), kWait);
        QCOMPARE(channel(topic)->inFlight.size(), qsizetype(3));
        QCOMPARE(channel(topic)->requeueCount, quint64(0));
    }

    void theLanguageSwitchesWhileConnected()
    {
        MainWindow w;
        w.show();
        holdIn(w, 2);
        const QStringList english = visibleTexts(w);
        QVERIFY(english.contains(QStringLiteral("&Finish")));
        QVERIFY(Retranslator::zhCN().size() > 400);

        // What the user typed or picked is theirs: a topic named like one of our words stays.
        auto *topic = w.findChild<QComboBox *>(QStringLiteral("topic"));
        topic->addItem(QStringLiteral("messages"));
        topic->setCurrentText(QStringLiteral("messages"));
        w.findChild<QAction *>(QStringLiteral("language_zh_CN"))->trigger();
        QCOMPARE(Language::current(), QStringLiteral("zh_CN"));
        QCOMPARE(topic->currentText(), QStringLiteral("messages"));
        QCOMPARE(topic->itemText(topic->count() - 1), QStringLiteral("messages"));
        // Even Qt's own buttons: the question on closing says Cancel in Chinese.
        w.close();
        QMessageBox *box = heldQuestion(w);
        auto *cancel = box->findChild<QPushButton *>(QStringLiteral("closeCancel"));
        QCOMPARE(cancel->text(), QStringLiteral("取消"));
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_VERIFY(!w.findChild<QMessageBox *>(QStringLiteral("heldOnClose")));
        // Nothing that has a translation is left in English; the session goes on.
        const Retranslator &zh = Retranslator::zhCN();
        for (const QString &text : visibleTexts(w))
            QVERIFY2(zh.toChinese(text) == text,
                     qPrintable(QStringLiteral("still English: ") + text));
        QVERIFY(visibleTexts(w).contains(QStringLiteral("完成(&F)")));
        QCOMPARE(w.findChild<QDockWidget *>(QStringLiteral("publishDock"))->windowTitle(),
                 zh.toChinese(QStringLiteral("Publish")));
        QVERIFY(w.session()->isActive());
        QCOMPARE(w.model()->heldCount(), 2);

        // And back: no Chinese left.
        w.findChild<QAction *>(QStringLiteral("language_en"))->trigger();
        // (A panel that builds its text from pieces redoes it itself, on the language change.)
        static const QRegularExpression han(QStringLiteral("[\\x{4e00}-\\x{9fff}]"));
        const auto chineseLeft = [&w] {
            QStringList left;
            for (const QString &text : visibleTexts(w))
                if (text != QStringLiteral("简体中文") && text.contains(han))
                    left << text; // (a language is named in its own)
            return left;
        };
        QTRY_COMPARE(chineseLeft(), QStringList());
        QCOMPARE(visibleTexts(w), english);
        QCOMPARE(w.model()->heldCount(), 2);
        // "System default" is the desktop's language again, whatever was chosen before.
        w.setLanguage(QStringLiteral("zh_CN"));
        w.setLanguage(QString());
        QCOMPARE(Language::current(), QLocale::system().language() == QLocale::Chinese
                                          ? QStringLiteral("zh_CN")
                                          : QStringLiteral("en"));
    }

    void patternsCarryTheirArgumentsOver()
    {
        const QByteArray ts = R"(<TS><context><name>X</name>
<message><source>%1 older messages dropped from view</source><translation>%1 条旧消息</translation></message>
<message><source>Export to %1 failed: %2</source><translation>导出 %2 失败：%1</translation></message>
<message><source>%1: %2</source><translation>%1：%2</translation></message>
<message><source>Requeue</source><translation>重新入队</translation></message>
<message><source>Draft</source><translation type="unfinished">草稿</translation></message>
</context></TS>)";
        const Retranslator r(ts);
        QCOMPARE(r.toChinese(QStringLiteral("12 older messages dropped from view")),
                 QStringLiteral("12 条旧消息"));
        QCOMPARE(r.toEnglish(QStringLiteral("12 条旧消息")),
                 QStringLiteral("12 older messages dropped from view"));
        QCOMPARE(r.toChinese(QStringLiteral("Export to a.jsonl failed: %2 disk")),
                 QStringLiteral("导出 %2 disk 失败：a.jsonl")); // an argument holding %2 stays
        // Too little fixed text to tell data from ours: left alone.
        QCOMPARE(r.toChinese(QStringLiteral("host: refused")), QStringLiteral("host: refused"));
        QCOMPARE(r.toChinese(QStringLiteral("Requeue (R)")), QStringLiteral("重新入队 (R)"));
        QCOMPARE(r.toChinese(QStringLiteral("Draft")), QStringLiteral("Draft"));
        QCOMPARE(r.toChinese(QStringLiteral("a topic")), QStringLiteral("a topic"));
    }

    void lettersGoToAnOpenMenuNotToTheMessages()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const QString topic = holdIn(w, 1);
        QApplication::setActiveWindow(&w);
        w.table()->setFocus();
        w.table()->selectRow(0);
        QMenu *view = nullptr;
        for (QAction *a : w.menuBar()->actions())
            if (a->text() == QLatin1String("&View"))
                view = a->menu();
        QVERIFY(view);
        view->popup(w.mapToGlobal(QPoint(40, 40)));
        QTRY_COMPARE(QApplication::activePopupWidget(), static_cast<QWidget *>(view));
        // T: the Theme submenu's letter, and also TOUCH in the message list behind the menu.
        QTest::keyClick(view, Qt::Key_T);
        auto *theme = w.findChild<QMenu *>(QStringLiteral("themeMenu"));
        QTRY_COMPARE(QApplication::activePopupWidget(), static_cast<QWidget *>(theme));
        QVERIFY(!w.statusBar()->currentMessage().contains(QLatin1String("TOUCH")));
        theme->close();
        view->close();
        // With no menu open, T still touches.
        QTRY_VERIFY(!QApplication::activePopupWidget());
        w.table()->setFocus();
        QTest::keyClick(w.table(), Qt::Key_T);
        QTRY_VERIFY(w.statusBar()->currentMessage().contains(QLatin1String("TOUCH")));
        Q_UNUSED(topic);
    }

    void keyboardReachesEveryPartAndListsItsShortcuts()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QApplication::setActiveWindow(&w);
        QTest::keyClick(&w, Qt::Key_F, Qt::ControlModifier);
        QTRY_COMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("filterText"));
        QTest::keyClick(&w, Qt::Key_1, Qt::ControlModifier);
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(w.table()));
        auto *publish = w.findChild<QDockWidget *>(QStringLiteral("publishDock"));
        QTest::keyClick(&w, Qt::Key_8, Qt::AltModifier);
        QTRY_VERIFY(publish->isAncestorOf(QApplication::focusWidget()));

        // Every action with a key is in the list, with that key.
        const QList<QStringList> rows = w.shortcutList();
        for (QAction *a : w.findChildren<QAction *>()) {
            if (a->shortcut().isEmpty())
                continue;
            const QString key = a->shortcut().toString(QKeySequence::NativeText);
            QVERIFY2(std::any_of(rows.cbegin(), rows.cend(),
                                 [&](const QStringList &r) { return r.at(1) == key; }),
                     qPrintable(key));
        }
        // Help > Keyboard shortcuts opens them, F1 too.
        QTest::keyClick(&w, Qt::Key_F1);
        QDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = w.findChild<QDialog *>(QStringLiteral("shortcutsDialog"))));
        auto *table = dialog->findChild<QTableWidget *>();
        QCOMPARE(table->rowCount(), int(rows.size()));
        bool finishListed = false;
        for (int r = 0; r < table->rowCount(); ++r)
            finishListed |= table->item(r, 0)->text() == QLatin1String("Finish") &&
                            table->item(r, 1)->text() == QLatin1String("F");
        QVERIFY(finishListed);
        dialog->close();
    }

    void theDarkThemeAndBack()
    {
        MainWindow w;
        w.show();
        const QColor systemWindow = QApplication::palette().color(QPalette::Window);
        w.findChild<QAction *>(QStringLiteral("theme_dark"))->trigger();
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
        QVERIFY(QApplication::palette().color(QPalette::Text).lightness() > 180);
        QCOMPARE(QSettings().value(QStringLiteral("ui/theme")).toString(), QStringLiteral("dark"));
        // The plots follow: dark background, light axis text.
        QCustomPlot *plot = w.plots()->ratePlot();
        QTRY_VERIFY(
            plot->grab().toImage().pixelColor(plot->width() / 2, plot->height() / 2).lightness() <
            80);
        QTRY_VERIFY2(plot->xAxis->tickLabelColor().lightness() > 180,
                     qPrintable(plot->xAxis->tickLabelColor().name()));
        w.findChild<QAction *>(QStringLiteral("theme_system"))->trigger();
        QCOMPARE(QApplication::palette().color(QPalette::Window), systemWindow);
        QTRY_VERIFY(
            plot->grab().toImage().pixelColor(plot->width() / 2, plot->height() / 2).lightness() >
            180);
        QCOMPARE(QSettings().value(QStringLiteral("ui/theme")).toString(), QString());
    }

    void aBigExportShowsProgressAndCanBeCancelled()
    {
        MainWindow w;
        w.show();
        const QString topic = QStringLiteral("export%1").arg(++m_serial);
        QByteArrayList bodies;
        for (int i = 0; i < 5000; ++i)
            bodies << "row " + QByteArray::number(i);
        QCOMPARE(m_broker->publish(topic, bodies), QString());
        SessionSettings s;
        s.nsqdAddresses = {tcp()};
        s.topic = topic;
        s.mode = Mode::Tail;
        QCOMPARE(w.connectTo(s), QStringList());
        QTRY_COMPARE_WITH_TIMEOUT(w.receivedCount(), quint64(5000), kWait);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("all.jsonl"));
        QList<QPair<int, int>> steps;
        QCOMPARE(w.exportMessages(path, false,
                                  [&](int done, int total) {
                                      steps << qMakePair(done, total);
                                      return true;
                                  }),
                 QString());
        QCOMPARE(steps.first(), qMakePair(0, 5000));
        QCOMPARE(steps.last(), qMakePair(5000, 5000));
        QVERIFY(steps.size() >= 4);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll().count('\n'), 5000);
        // Cancelled half way: nothing is written, and it says so.
        const QString cancelled = dir.filePath(QStringLiteral("cancelled.jsonl"));
        const QString error =
            w.exportMessages(cancelled, false, [](int done, int) { return done < 2000; });
        QVERIFY2(error.contains(QLatin1String("cancelled")), qPrintable(error));
        QVERIFY(!QFile::exists(cancelled));
        // The state is written in English whatever the window's language.
        w.setLanguage(QStringLiteral("zh_CN"));
        QCOMPARE(w.exportMessages(path, false), QString());
        w.setLanguage(QString());
        QVERIFY(f.seek(0));
        QCOMPARE(QJsonDocument::fromJson(f.readLine()).object().value(QLatin1String("state")),
                 QJsonValue(QStringLiteral("finished")));
    }

    void aClusterRefreshShowsProgressAndStops()
    {
        // A node that takes the connection and never answers.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        ClusterPanel panel;
        panel.show();
        panel.poller()->setRequestTimeout(60000);
        panel.setDefaultSources({}, {QStringLiteral("127.0.0.1:%1").arg(silent.serverPort())});
        QVERIFY(panel.applySources());
        panel.refresh();
        auto *bar = panel.findChild<QProgressBar *>(QStringLiteral("clusterProgress"));
        auto *stop = panel.findChild<QPushButton *>(QStringLiteral("clusterStop"));
        QTRY_VERIFY(bar->isVisible());
        QCOMPARE(bar->maximum(), 1);
        QVERIFY(stop->isVisible());
        QTest::mouseClick(stop, Qt::LeftButton);
        QVERIFY(!bar->isVisible());
        QVERIFY(!panel.poller()->busy());
        // And the next refresh is asked at once, not after the stopped one.
        panel.refresh();
        QTRY_VERIFY(bar->isVisible());
    }

    void tabGoesThroughEachFormInReadingOrder()
    {
        MainWindow w;
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        for (const char *dockName : {"connectionDock", "publishDock", "clusterDock"}) {
            auto *dock = w.findChild<QDockWidget *>(QLatin1String(dockName));
            dock->show();
            dock->raise();
            QWidget *panel = dock->widget();
            QTRY_VERIFY(panel->isVisible());
            // The focus chain inside the panel, from its first field, as Tab walks it.
            QList<QWidget *> chain;
            QWidget *first = nullptr;
            for (QWidget *c = panel->nextInFocusChain(); c != panel; c = c->nextInFocusChain()) {
                if (!panel->isAncestorOf(c))
                    continue;
                if (c->isVisible() && c->isEnabled() && (c->focusPolicy() & Qt::TabFocus) &&
                    !c->focusProxy()) {
                    if (!first)
                        first = c;
                    chain << c;
                }
            }
            QVERIFY(chain.size() > 3);
            // Reading order: each next field is below the last, or on its line and to its right.
            for (int i = 1; i < chain.size(); ++i) {
                const QRect a(chain.at(i - 1)->mapTo(panel, QPoint()), chain.at(i - 1)->size());
                const QRect b(chain.at(i)->mapTo(panel, QPoint()), chain.at(i)->size());
                const bool sameLine = qAbs(a.center().y() - b.center().y()) < a.height() / 2 + 2;
                const bool inOrder = sameLine ? b.left() >= a.left() : b.top() >= a.top();
                QVERIFY2(inOrder,
                         qPrintable(QStringLiteral("%1: %2 (%3,%4) then %5 (%6,%7)")
                                        .arg(QLatin1String(dockName), chain.at(i - 1)->objectName(),
                                             QString::number(a.x()), QString::number(a.y()),
                                             chain.at(i)->objectName())
                                        .arg(b.x())
                                        .arg(b.y())));
            }
        }
    }

    void noTextIsClippedAt1280x800()
    {
        MainWindow w;
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        holdIn(w, 3);
        // The bottom docks pulled up tall, as a user does to read the cluster tree.
        w.resizeDocks({w.findChild<QDockWidget *>(QStringLiteral("logDock"))}, {430}, Qt::Vertical);
        // And back: a wrapped hint laid out for the shorter Chinese must grow again.
        for (const QString &language :
             {QStringLiteral("en"), QStringLiteral("zh_CN"), QStringLiteral("en")}) {
            w.setLanguage(language);
            for (QDockWidget *dock : w.findChildren<QDockWidget *>()) {
                dock->show();
                dock->raise();
                // Labels that changed text (the connection state) are laid out again first.
                QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
                QCoreApplication::processEvents();
                // The status bar's labels change with every stats tick: laid out now, measured
                // before any other event comes.
                w.statusBar()->layout()->activate();
                for (QWidget *c : w.findChildren<QWidget *>()) {
                    if (!c->isVisible() || c->visibleRegion().isEmpty())
                        continue;
                    QString text;
                    int room = 0, needed = 0;
                    if (auto *b = qobject_cast<QPushButton *>(c)) {
                        text = b->text();
                        room = b->width();
                        needed = b->minimumSizeHint().width();
                    } else if (auto *l = qobject_cast<QLabel *>(c); l && l->wordWrap()) {
                        // Wrapped: all its lines fit in its height.
                        if (l->text().isEmpty())
                            continue;
                        const int high = l->heightForWidth(l->width());
                        QVERIFY2(high <= l->height() + 1,
                                 qPrintable(QStringLiteral("%1 / %2: '%3' needs %4 px high, has %5")
                                                .arg(language, dock->objectName(), l->text())
                                                .arg(high)
                                                .arg(l->height())));
                        continue;
                    } else if (auto *l = qobject_cast<QLabel *>(c);
                               l && !l->wordWrap() && l->textFormat() != Qt::RichText) {
                        text = l->text();
                        room = l->contentsRect().width();
                        needed = l->fontMetrics().horizontalAdvance(
                            QString(text.section(QLatin1Char('\n'), 0, 0))
                                .remove(QLatin1Char('&')));
                    } else if (auto *combo = qobject_cast<QComboBox *>(c);
                               combo && !combo->isEditable()) {
                        text = combo->currentText();
                        QStyleOptionComboBox option;
                        option.initFrom(combo);
                        option.currentText = text;
                        option.editable = false;
                        room = combo->style()
                                   ->subControlRect(QStyle::CC_ComboBox, &option,
                                                    QStyle::SC_ComboBoxEditField, combo)
                                   .width();
                        needed = combo->fontMetrics().horizontalAdvance(text);
                    }
                    if (text.isEmpty() || text.contains(QLatin1Char('<')))
                        continue;
                    QVERIFY2(needed <= room + 1,
                             qPrintable(QStringLiteral("%1 / %2: '%3' needs %4 px, has %5")
                                            .arg(language, dock->objectName(), text)
                                            .arg(needed)
                                            .arg(room)));
                }
            }
        }
        // The connection options opened (the longest form) still fit: the form scrolls rather
        // than pushing the window past the screen.
        w.setLanguage(QStringLiteral("zh_CN"));
        w.findChild<QToolButton *>(QStringLiteral("optionsToggle"))->click();
        QTRY_VERIFY(w.findChild<QWidget *>(QStringLiteral("connectionOptions"))->isVisible());
        QVERIFY2(w.minimumSizeHint().height() <= 800,
                 qPrintable(QString::number(w.minimumSizeHint().height())));
        QVERIFY(w.minimumSize().height() <= 800);
        w.setLanguage(QString());
    }

    void followSelectionAndPagingWhileMessagesFlood()
    {
        MainWindow w;
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.findChild<QSpinBox *>(QStringLiteral("retention"))->setValue(300);
        const QString topic = QStringLiteral("flood%1").arg(++m_serial);
        const auto publish = [&](int n, int from) {
            QByteArrayList bodies;
            for (int i = 0; i < n; ++i)
                bodies << "flood " + QByteArray::number(from + i);
            QCOMPARE(m_broker->publish(topic, bodies), QString());
        };
        publish(200, 0);
        SessionSettings s;
        s.nsqdAddresses = {tcp()};
        s.topic = topic;
        s.mode = Mode::Tail;
        QCOMPARE(w.connectTo(s), QStringList());
        QTRY_COMPARE_WITH_TIMEOUT(w.receivedCount(), quint64(200), kWait);

        // Go to sequence, oldest, newest.
        QCOMPARE(w.goToSequence(50), QString());
        QCOMPARE(w.table()->currentIndex().data().toULongLong(), quint64(50));
        w.findChild<QAction *>(QStringLiteral("goOldest"))->trigger();
        QCOMPARE(w.table()->currentIndex().data().toULongLong(), quint64(1));
        w.findChild<QAction *>(QStringLiteral("goNewest"))->trigger();
        QCOMPARE(w.table()->currentIndex().data().toULongLong(), quint64(200));
        const QString beyond = w.goToSequence(9999);
        QVERIFY2(beyond.contains(QLatin1String("no message #9999 yet")), qPrintable(beyond));

        // Not following: the selected row and what is in view stay while old rows are dropped.
        QVERIFY(!w.findChild<QAction *>(QStringLiteral("follow"))->isChecked());
        QCOMPARE(w.goToSequence(180), QString());
        const Delivery chosen = w.model()->rowAt(w.model()->rowOfSeq(180)).delivery;
        QScrollBar *bar = w.table()->verticalScrollBar();
        bar->setValue(bar->value()); // as the user left it
        const auto seqAtTop = [&w] {
            return w.table()->indexAt(QPoint(5, 5)).siblingAtColumn(0).data().toULongLong();
        };
        const quint64 topBefore = seqAtTop();
        publish(400, 200); // 600 in all: 300 dropped from view
        QTRY_COMPARE_WITH_TIMEOUT(w.receivedCount(), quint64(600), kWait);
        QTRY_COMPARE(w.model()->firstSeq(), quint64(301));
        // The selected #180 was dropped: nothing else is chosen for the user, and the payload
        // still shows #180, marked as gone from the list.
        QVERIFY(w.table()->selectionModel()->selectedRows().isEmpty());
        QVERIFY(!w.table()->currentIndex().isValid()); // the first key goes to the oldest kept
        QVERIFY(w.payloadView()->isShowing(chosen.message.id, chosen.message.attempts,
                                           chosen.receivedMs));
        QVERIFY2(w.payloadView()->stateText().contains(QLatin1String("no longer in the list")),
                 qPrintable(w.payloadView()->stateText()));
        QVERIFY(w.payloadView()->note().contains(QLatin1String("no longer in the list")));
        // Focus gives the table a current row; that is not the user choosing another message.
        QFocusEvent focusIn(QEvent::FocusIn, Qt::TabFocusReason);
        QApplication::sendEvent(w.table(), &focusIn);
        QVERIFY(w.payloadView()->isShowing(chosen.message.id, chosen.message.attempts,
                                           chosen.receivedMs));
        // Arrivals meanwhile do not scroll the list after a current row nobody chose.
        QTRY_VERIFY(!w.table()->currentIndex().isValid());
        bar->setValue(bar->maximum() / 2);
        const quint64 middle = seqAtTop();
        publish(10, 600);
        QTRY_COMPARE_WITH_TIMEOUT(w.receivedCount(), quint64(610), kWait);
        QTRY_COMPARE(w.model()->firstSeq(), quint64(311));
        QCOMPARE(seqAtTop(), middle);
        // The first key picks the row next to the one that went: the oldest kept.
        w.table()->setFocus();
        QTest::keyClick(w.table(), Qt::Key_Down);
        QCOMPARE(w.table()->selectionModel()->selectedRows().size(), 1);
        QCOMPARE(w.table()->currentIndex().siblingAtColumn(0).data().toULongLong(), quint64(311));
        QVERIFY(w.payloadView()->note().isEmpty());
        // Chosen again and dropped again, with the view scrolled away from it: the batch that
        // drops it does not scroll the list either.
        w.table()->selectRow(0);
        bar->setValue(bar->maximum() / 2);
        const quint64 away = seqAtTop();
        publish(5, 610);
        QTRY_COMPARE_WITH_TIMEOUT(w.receivedCount(), quint64(615), kWait);
        QTRY_VERIFY(!w.payloadView()->note().isEmpty());
        QCOMPARE(seqAtTop(), away);
        const Delivery chosen2 = *w.payloadView()->shownDelivery();
        // Following, the first key goes on from the newest; not following, from no row.
        QAction *followNow = w.findChild<QAction *>(QStringLiteral("follow"));
        followNow->setChecked(true);
        QCOMPARE(w.table()->currentIndex().row(), w.table()->model()->rowCount() - 1);
        followNow->setChecked(false);
        QVERIFY(!w.table()->currentIndex().isValid());
        QVERIFY(w.payloadView()->isShowing(chosen2.message.id, chosen2.message.attempts,
                                           chosen2.receivedMs));
        // Edit and resend takes the message shown (it can be resent, no longer finished).
        w.findChild<QAction *>(QStringLiteral("editResend"))->trigger();
        QCOMPARE(w.findChild<QPlainTextEdit *>(QStringLiteral("publishEditor"))->toPlainText(),
                 QString::fromUtf8(chosen2.message.body));
        QVERIFY(w.goToSequence(100).contains(QLatin1String("dropped from view")));
        // #180 was dropped too; one that is kept stays selected, and the rows in view stay put.
        QCOMPARE(w.goToSequence(450), QString());
        w.table()->scrollTo(w.table()->currentIndex(), QAbstractItemView::PositionAtCenter);
        const quint64 top = seqAtTop();
        QVERIFY2(top > 401 && top <= 450, qPrintable(QString::number(top)));
        publish(85, 615);
        QTRY_COMPARE_WITH_TIMEOUT(w.receivedCount(), quint64(700), kWait);
        QTRY_COMPARE(w.model()->firstSeq(), quint64(401));
        QCOMPARE(w.table()->currentIndex().data().toULongLong(), quint64(450));
        QCOMPARE(w.table()->selectionModel()->selectedRows().size(), 1);
        QCOMPARE(seqAtTop(), top);
        Q_UNUSED(topBefore);

        // Following: the newest stays in view while messages flood in ...
        w.findChild<QAction *>(QStringLiteral("follow"))->setChecked(true);
        publish(500, 700);
        QTRY_COMPARE_WITH_TIMEOUT(w.receivedCount(), quint64(1200), kWait);
        QTRY_COMPARE(bar->value(), bar->maximum());
        QVERIFY(w.table()
                    ->visualRect(w.table()->model()->index(w.table()->model()->rowCount() - 1, 0))
                    .intersects(w.table()->viewport()->rect()));
        // ... until the user scrolls away,
        bar->triggerAction(QAbstractSlider::SliderPageStepSub);
        QTRY_VERIFY(!w.findChild<QAction *>(QStringLiteral("follow"))->isChecked());
        // or moves to an older row with the keys: that row stays in view as more arrive.
        QAction *follow = w.findChild<QAction *>(QStringLiteral("follow"));
        follow->setChecked(true);
        w.findChild<QAction *>(QStringLiteral("goNewest"))->trigger();
        QVERIFY(follow->isChecked());
        w.table()->setFocus();
        QTest::keyClick(w.table(), Qt::Key_PageUp);
        QVERIFY(!follow->isChecked());
        const QModelIndex picked = w.table()->currentIndex();
        const quint64 pickedSeq = picked.siblingAtColumn(0).data().toULongLong();
        publish(100, 1200);
        QTRY_COMPARE_WITH_TIMEOUT(w.receivedCount(), quint64(1300), kWait);
        QCOMPARE(w.table()->currentIndex().siblingAtColumn(0).data().toULongLong(), pickedSeq);
        QVERIFY(w.table()
                    ->visualRect(w.table()->currentIndex())
                    .intersects(w.table()->viewport()->rect()));
        w.findChild<QSpinBox *>(QStringLiteral("retention"))->setValue(100000); // as it was
    }

    void clearListKeepsTheNumbersOfHeldMessages()
    {
        MainWindow w;
        w.resize(1280, 800);
        w.show();
        const QString topic = holdIn(w, 3);
        QCOMPARE(w.goToSequence(1), QString());
        w.findChild<QAction *>(QStringLiteral("finish"))->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(w.model()->heldCount(), 2, kWait);
        QCOMPARE(w.goToSequence(3), QString());
        w.findChild<QAction *>(QStringLiteral("clearList"))->trigger();
        // The held #2 and #3 stay, under the numbers the user read; #3 stays selected.
        QCOMPARE(w.model()->rowCount(), 2);
        QCOMPARE(w.model()->firstSeq(), quint64(2));
        QCOMPARE(w.table()->currentIndex().siblingAtColumn(0).data().toULongLong(), quint64(3));
        QVERIFY(w.goToSequence(1).contains(QLatin1String("cleared")));
        QCOMPARE(w.goToSequence(2), QString());
        QCOMPARE(w.table()->currentIndex().siblingAtColumn(0).data().toULongLong(), quint64(2));
        // The next message is #4, and events still find the rows kept across the gap.
        QCOMPARE(m_broker->publish(topic, {"after the clear"}), QString());
        QTRY_COMPARE_WITH_TIMEOUT(w.model()->lastSeq(), quint64(4), kWait);
        QCOMPARE(w.goToSequence(3), QString());
        w.findChild<QAction *>(QStringLiteral("finish"))->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(w.model()->rowAt(w.model()->rowOfSeq(3)).state,
                                  MessageState::Finished, kWait);
        QCOMPARE(w.model()->rowAt(w.model()->rowOfSeq(2)).state, MessageState::InFlight);
        QCOMPARE(w.model()->rowAt(w.model()->rowOfSeq(4)).state, MessageState::InFlight);
        w.findChild<QAction *>(QStringLiteral("finishAll"))->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(w.model()->heldCount(), 0, kWait);
    }

    void theDesktopsLanguageIsPickedAtStart()
    {
        QTemporaryDir home;
        for (const auto &[lang, expected] :
             {std::pair{"zh_CN.UTF-8", "zh_CN"}, {"C.UTF-8", "en"}}) {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
            env.insert(QStringLiteral("HOME"), home.path());
            env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
            env.insert(QStringLiteral("LANG"), QLatin1String(lang));
            env.remove(QStringLiteral("LC_ALL"));
            env.remove(QStringLiteral("LC_MESSAGES"));
            env.remove(QStringLiteral("LANGUAGE"));
            env.insert(QStringLiteral("NSQ_INSPECTOR_DEMO_REPORT"), QStringLiteral("1"));
            p.setProcessEnvironment(env);
            p.start(QStringLiteral(NSQ_GUI_PATH), {QStringLiteral("--demo")});
            QVERIFY(p.waitForFinished(60000));
            const QByteArray out = p.readAllStandardOutput();
            QVERIFY2(out.contains("(language " + QByteArray(expected) + ")"), out.constData());
        }
    }

    void editAndResendFinishesTheOriginalOnlyWhenAsked()
    {
        MainWindow w;
        w.show();
        const QString topic = holdIn(w, 2);
        const QString target = QStringLiteral("resent%1").arg(++m_serial);
        m_broker->getOrCreateChannel(m_broker->getOrCreateTopic(target), QStringLiteral("c"));
        const auto *resent = [&] {
            const Topic *t = m_broker->topic(target);
            return t->channels.find(QStringLiteral("c"))->second.get();
        }();
        auto *editor = w.findChild<QPlainTextEdit *>(QStringLiteral("publishEditor"));
        auto *topicField = w.findChild<QLineEdit *>(QStringLiteral("publishTopic"));
        auto *finish = w.findChild<QCheckBox *>(QStringLiteral("finishOriginal"));
        auto *publish = w.findChild<QPushButton *>(QStringLiteral("publishButton"));
        QVERIFY(editor && topicField && finish && publish);
        for (int pass = 0; pass < 2; ++pass) {
            const int row = pass; // "held 0", then "held 1"
            w.table()->selectRow(w.table()->model()->index(row, 0).row());
            const QByteArray original = "held " + QByteArray::number(pass);
            QTRY_VERIFY(w.table()->currentIndex().isValid());
            w.findChild<QAction *>(QStringLiteral("editResend"))->trigger();
            QVERIFY(w.findChild<QDockWidget *>(QStringLiteral("publishDock"))->isVisible());
            QCOMPARE(topicField->text(), topic);
            QCOMPARE(editor->toPlainText().toUtf8(),
                     w.model()
                         ->rowAt(w.model()->rowOf(w.model()->rowAt(row).delivery.message.id))
                         .delivery.message.body);
            QVERIFY(finish->isVisible());
            QVERIFY(!finish->isChecked());
            editor->setPlainText(QStringLiteral("edited %1").arg(pass));
            topicField->setText(target);
            if (pass == 1) {
                QTRY_VERIFY(finish->height() > 0); // laid out since it was shown
                QTest::mouseClick(finish, Qt::LeftButton, {}, QPoint(8, finish->height() / 2));
                QVERIFY(finish->isChecked());
            }
            QTest::mouseClick(publish, Qt::LeftButton);
            QTRY_COMPARE_WITH_TIMEOUT(resent->messageCount, quint64(pass + 1), kWait);
            QCOMPARE(resent->queue.back().body, QByteArray("edited ") + QByteArray::number(pass));
            Q_UNUSED(original);
            if (pass == 0) {
                // Not asked: once nsqd has answered, the original is still held.
                QTRY_VERIFY_WITH_TIMEOUT(w.findChild<QLabel *>(QStringLiteral("publishResult"))
                                             ->text()
                                             .contains(QLatin1String("without the new")),
                                         kWait);
                QCOMPARE(channel(topic)->inFlight.size(), qsizetype(2));
                QCOMPARE(w.model()->heldCount(), 2);
            } else {
                QTRY_VERIFY_WITH_TIMEOUT(w.findChild<QLabel *>(QStringLiteral("publishResult"))
                                             ->text()
                                             .contains(QLatin1String("without the new")),
                                         kWait);
                QVERIFY2(finish->isChecked(), "checked");
                QTRY_COMPARE_WITH_TIMEOUT(w.model()->heldCount(), 1, 5000);
                QTRY_COMPARE_WITH_TIMEOUT(channel(topic)->inFlight.size(), qsizetype(1), kWait);
            }
        }
        QVERIFY(w.findChild<QLabel *>(QStringLiteral("publishResult"))
                    ->text()
                    .contains(QLatin1String("FIN sent for 1 original")));
    }

    void resendingKeepsToItsOwnJobAndSaysWhatBecameOfTheOriginals()
    {
        MainWindow w;
        w.show();
        const QString topic = holdIn(w, 3);
        const QString target = QStringLiteral("again%1").arg(++m_serial);
        m_broker->getOrCreateChannel(m_broker->getOrCreateTopic(target), QStringLiteral("c"));
        const auto arrived = [&]() -> const Channel * {
            return m_broker->topic(target)->channels.find(QStringLiteral("c"))->second.get();
        };
        auto *editor = w.findChild<QPlainTextEdit *>(QStringLiteral("publishEditor"));
        auto *topicField = w.findChild<QLineEdit *>(QStringLiteral("publishTopic"));
        auto *address = w.findChild<QLineEdit *>(QStringLiteral("publishAddress"));
        auto *finish = w.findChild<QCheckBox *>(QStringLiteral("finishOriginal"));
        auto *publish = w.findChild<QPushButton *>(QStringLiteral("publishButton"));
        auto *result = w.findChild<QLabel *>(QStringLiteral("publishResult"));
        auto *mode = w.findChild<QComboBox *>(QStringLiteral("publishMode"));
        const auto tick = [&] {
            QTRY_VERIFY(finish->isVisible() && finish->height() > 0);
            QTest::mouseClick(finish, Qt::LeftButton, {}, QPoint(8, finish->height() / 2));
            QVERIFY(finish->isChecked());
        };

        // 1. A job already running is not the resend's: it ends without finishing anything.
        topicField->setText(target);
        editor->setPlainText(QStringLiteral("load"));
        w.findChild<QSpinBox *>(QStringLiteral("publishCount"))->setValue(6);
        w.findChild<QSpinBox *>(QStringLiteral("publishRate"))->setValue(20);
        QTest::mouseClick(publish, Qt::LeftButton);
        QVERIFY(w.publisher()->job() && w.publisher()->job()->running());
        w.table()->selectRow(0);
        w.findChild<QAction *>(QStringLiteral("editResend"))->trigger();
        tick();
        QTRY_COMPARE_WITH_TIMEOUT(arrived()->messageCount, quint64(6), kWait);
        QTRY_VERIFY_WITH_TIMEOUT(publish->isEnabled(), kWait);
        QCOMPARE(w.model()->heldCount(), 3);
        QVERIFY(finish->isVisible() && finish->isChecked()); // still this resend's to send

        // 2. A resend that fails keeps what it resends; fixed, it goes, and the original with it.
        topicField->setText(target);
        const QString good = address->text();
        address->clear();
        QTest::keyClicks(address, QStringLiteral("127.0.0.1:1"));
        QTest::mouseClick(publish, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(publish->isEnabled(), kWait);
        QVERIFY2(result->text().contains(QLatin1String("left as they were")),
                 qPrintable(result->text()));
        QVERIFY(finish->isVisible() && finish->isChecked());
        address->setText(good);
        QTest::mouseClick(publish, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(arrived()->messageCount, quint64(7), kWait);
        QTRY_COMPARE_WITH_TIMEOUT(w.model()->heldCount(), 2, kWait);
        QVERIFY(!finish->isVisible());

        // 3. An original answered meanwhile is not finished, and the panel says so.
        w.table()->selectRow(1);
        w.findChild<QAction *>(QStringLiteral("editResend"))->trigger();
        tick();
        w.findChild<QAction *>(QStringLiteral("finish"))->trigger(); // the user finished it
        QTRY_COMPARE_WITH_TIMEOUT(w.model()->heldCount(), 1, kWait);
        topicField->setText(target);
        QTest::mouseClick(publish, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(arrived()->messageCount, quint64(8), kWait);
        QTRY_VERIFY2_WITH_TIMEOUT(result->text().contains(QLatin1String("no longer held here")),
                                  qPrintable(result->text()), kWait);
        QVERIFY(!result->text().contains(QLatin1String("FIN sent")));

        // 4. A selection: one JSON record a line, each edited and sent, each original finished.
        QCOMPARE(m_broker->publish(topic, {QByteArray("\xff\x00bin", 5)}), QString());
        QTRY_COMPARE_WITH_TIMEOUT(w.model()->heldCount(), 2, kWait);
        w.table()->selectAll();
        QTRY_COMPARE(w.table()->selectionModel()->selectedRows().size(), 4);
        w.findChild<QAction *>(QStringLiteral("editResend"))->trigger();
        QCOMPARE(mode->currentText(), QStringLiteral("JSON Lines"));
        QStringList lines = editor->toPlainText().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 4);
        QVERIFY2(finish->text().contains(QLatin1String("(2 of 4)")), qPrintable(finish->text()));
        QVERIFY(lines.at(3).contains(QLatin1String("base64"))); // the binary one, byte for byte
        QVERIFY2(lines.at(0).startsWith(QLatin1String("{\"id\":")), qPrintable(lines.at(0)));
        lines[2].replace(QLatin1String("held 2"), QLatin1String("held 2, edited"));
        lines.removeAt(1); // finished before: not sent
        lines.removeAt(0);
        editor->setPlainText(lines.join(QLatin1Char('\n')));
        topicField->setText(target);
        tick();
        QTest::mouseClick(publish, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(arrived()->messageCount, quint64(10), kWait);
        QByteArrayList bodies;
        for (const auto &m : arrived()->queue)
            bodies << m.body;
        QVERIFY(bodies.contains(QByteArray("held 2, edited")));
        QVERIFY(bodies.contains(QByteArray("\xff\x00bin", 5)));
        QTRY_COMPARE_WITH_TIMEOUT(w.model()->heldCount(), 0, kWait);
        QTRY_VERIFY2(result->text().contains(QLatin1String("FIN sent for 2 original")),
                     qPrintable(result->text()));

        // 5. Records are sent once each: Count is off in JSON Lines; an original given twice is
        // refused before anything is sent.
        QVERIFY(!w.findChild<QSpinBox *>(QStringLiteral("publishCount"))->isEnabled());
        w.table()->selectRow(0);
        QCOMPARE(m_broker->publish(topic, {QByteArray("twice")}), QString());
        QTRY_COMPARE_WITH_TIMEOUT(w.model()->heldCount(), 1, kWait);
        w.goToSequence(w.model()->lastSeq());
        w.findChild<QAction *>(QStringLiteral("editResend"))->trigger();
        mode->setCurrentText(QStringLiteral("JSON Lines"));
        const QString once = editor->toPlainText();
        editor->setPlainText(once + QLatin1Char('\n') + once);
        topicField->setText(target);
        tick();
        QTest::mouseClick(publish, Qt::LeftButton);
        auto *bodyError = w.findChild<QLabel *>(QStringLiteral("publishBodyError"));
        QVERIFY2(bodyError->isVisible() && bodyError->text().contains(QLatin1String("as line 1")),
                 qPrintable(bodyError->text()));
        QCOMPARE(arrived()->messageCount, quint64(10));
        editor->setPlainText(once);
        QTest::mouseClick(publish, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(arrived()->messageCount, quint64(11), kWait);
        QTRY_COMPARE_WITH_TIMEOUT(w.model()->heldCount(), 0, kWait);
        mode->setCurrentText(QStringLiteral("Text"));
        QVERIFY(w.findChild<QSpinBox *>(QStringLiteral("publishCount"))->isEnabled());

        // 6. A body too large to edit comfortably is sent as it is, without freezing the editor.
        const QByteArray big(600 * 1024, 'j');
        w.publisher()->setBody(big);
        QVERIFY(editor->isReadOnly());
        QVERIFY(editor->toPlainText().isEmpty());
        QVERIFY(w.findChild<QPushButton *>(QStringLiteral("publishEditLarge"))->isVisible());
        QCOMPARE(w.publisher()->body(), big);
        QTest::mouseClick(publish, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(arrived()->messageCount, quint64(12), kWait);
        QCOMPARE(arrived()->queue.back().body, big);
        QTest::mouseClick(w.findChild<QPushButton *>(QStringLiteral("publishEditLarge")),
                          Qt::LeftButton);
        QVERIFY(!editor->isReadOnly());
        QCOMPARE(editor->lineWrapMode(), QPlainTextEdit::NoWrap); // one 600 KB line
        QCOMPARE(w.publisher()->body(), big);
    }

    void theTimeModeChangesEveryView()
    {
        MainWindow w;
        w.show();
        w.findChild<QAction *>(QStringLiteral("recordTrace"))->setChecked(true);
        holdIn(w, 1);
        QTRY_VERIFY_WITH_TIMEOUT(w.trace()->rowCount() > 0 && w.timeline()->rowCount() > 0, kWait);
        const auto texts = [&w] {
            return QStringList{w.model()->index(0, MessageModel::Received).data().toString(),
                               w.model()->index(0, MessageModel::Timestamp).data().toString(),
                               w.trace()->index(0, 0).data().toString(),
                               w.timeline()->index(0, 0).data().toString(),
                               w.tour()
                                   ->index(TourModel::Connect)
                                   .data()
                                   .toString()
                                   .section(QChar(0x2014), 1)
                                   .trimmed()};
        };
        static const QRegularExpression local(QStringLiteral("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3}$"));
        static const QRegularExpression utc(QStringLiteral("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"));
        static const QRegularExpression ago(QStringLiteral("^\\d+\\.\\d s ago$"));
        for (const auto &[name, pattern] :
             {std::pair{"time_utc", &utc}, {"time_relative", &ago}, {"time_local", &local}}) {
            w.findChild<QAction *>(QLatin1String(name))->trigger();
            for (const QString &t : texts())
                QVERIFY2(pattern->match(t).hasMatch(), qPrintable(QLatin1String(name) + ": " + t));
            QCOMPARE(QSettings().value(QStringLiteral("view/timeMode")).toString(),
                     QString::fromLatin1(name).mid(5));
        }
        // The plots' time axis too.
        auto *ticker =
            dynamic_cast<QCPAxisTickerDateTime *>(w.plots()->ratePlot()->xAxis->ticker().data());
        QVERIFY(ticker);
        QCOMPARE(ticker->dateTimeSpec(), Qt::LocalTime);
        w.findChild<QAction *>(QStringLiteral("time_utc"))->trigger();
        ticker =
            dynamic_cast<QCPAxisTickerDateTime *>(w.plots()->ratePlot()->xAxis->ticker().data());
        QCOMPARE(ticker->dateTimeSpec(), Qt::UTC);
        // Relative: ticks at whole steps back from now, all in one unit ("-4 min … -1 min, now").
        w.findChild<QAction *>(QStringLiteral("time_relative"))->trigger();
        for (const double span : {40.0, 300.0, 3 * 3600.0}) {
            const double now = double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
            QVector<double> ticks, subTicks;
            QVector<QString> labels;
            w.plots()->ratePlot()->xAxis->ticker()->generate(QCPRange(now - span, now),
                                                             QLocale::c(), QLatin1Char('g'), 6,
                                                             ticks, &subTicks, &labels);
            QVERIFY(labels.size() >= 2);
            static const QRegularExpression form(QStringLiteral(R"(^-(\d+) (s|min|h)$)"));
            QList<int> amounts;
            QString unit;
            for (const QString &label : std::as_const(labels)) {
                if (label == QLatin1String("now"))
                    continue;
                const auto m = form.match(label);
                QVERIFY2(m.hasMatch(), qPrintable(label));
                QVERIFY2(unit.isEmpty() || unit == m.captured(2), qPrintable(labels.join(',')));
                unit = m.captured(2);
                amounts << m.captured(1).toInt();
            }
            for (int i = 2; i < amounts.size(); ++i)
                QVERIFY2(amounts[i - 2] - amounts[i - 1] == amounts[i - 1] - amounts[i],
                         qPrintable(labels.join(',')));
        }
        // Exports carry UTC ISO-8601 whatever is shown.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("x.jsonl"));
        QCOMPARE(w.exportMessages(path, false), QString());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(QJsonDocument::fromJson(f.readLine())
                    .object()
                    .value(QLatin1String("received"))
                    .toString()
                    .endsWith(QLatin1Char('Z')));
        w.findChild<QAction *>(QStringLiteral("time_local"))->trigger();
    }

    void aPartlyRefusedResendFinishesOnlyTheOriginalsNsqdTook()
    {
        // Over HTTP several requests are out at once, answered in any order: the originals
        // finished are those whose own record nsqd took, not the first N.
        BrokerConfig config;
        config.maxMsgSize = 40;
        Broker small(config);
        QCOMPARE(small.start(), QString());
        MainWindow w;
        w.show();
        holdIn(w, 5);
        const QString target = QStringLiteral("partly%1").arg(++m_serial);
        small.getOrCreateChannel(small.getOrCreateTopic(target), QStringLiteral("c"));
        w.table()->selectAll();
        w.findChild<QAction *>(QStringLiteral("editResend"))->trigger();
        auto *editor = w.findChild<QPlainTextEdit *>(QStringLiteral("publishEditor"));
        QStringList lines = editor->toPlainText().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 5);
        const QString tooBig = QStringLiteral("held 1, now longer than the forty bytes allowed");
        lines[1].replace(QLatin1String("held 1"), tooBig);
        editor->setPlainText(lines.mid(0, 4).join(QLatin1Char('\n'))); // "held 4" left out
        w.findChild<QLineEdit *>(QStringLiteral("publishTopic"))->setText(target);
        w.findChild<QComboBox *>(QStringLiteral("publishVia"))->setCurrentIndex(1); // HTTP
        auto *address = w.findChild<QLineEdit *>(QStringLiteral("publishAddress"));
        address->clear();
        QTest::keyClicks(address, QStringLiteral("127.0.0.1:%1").arg(small.httpPort()));
        auto *finish = w.findChild<QCheckBox *>(QStringLiteral("finishOriginal"));
        QTRY_VERIFY(finish->isVisible() && finish->height() > 0);
        QTest::mouseClick(finish, Qt::LeftButton, {}, QPoint(8, finish->height() / 2));
        auto *publish = w.findChild<QPushButton *>(QStringLiteral("publishButton"));
        QTest::mouseClick(publish, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(publish->isEnabled(), kWait);
        // The three that went are finished; "held 1", whose record was refused, is still held,
        // and so is "held 4", which was not sent.
        QTRY_COMPARE_WITH_TIMEOUT(w.model()->heldCount(), 2, kWait);
        for (int row = 0; row < w.model()->rowCount(); ++row)
            if (w.model()->rowAt(row).state == MessageState::InFlight)
                QVERIFY(w.model()->rowAt(row).delivery.message.body == "held 1" ||
                        w.model()->rowAt(row).delivery.message.body == "held 4");
        const Topic *t = small.topic(target);
        QVERIFY(t);
        QCOMPARE(t->channels.find(QStringLiteral("c"))->second->messageCount, quint64(3));
        // The editor keeps only the refused record, to fix and send again.
        QVERIFY2(editor->toPlainText().split(QLatin1Char('\n')).size() == 1 &&
                     editor->toPlainText().contains(tooBig),
                 qPrintable(editor->toPlainText()));
        QVERIFY(finish->isVisible());
        QVERIFY2(finish->text().contains(QLatin1String("(1 of 1)")), qPrintable(finish->text()));
        // A record nsqd already took, put back, is refused: it would be sent twice.
        editor->setPlainText(editor->toPlainText() + QLatin1Char('\n') + lines.at(0));
        QTest::mouseClick(publish, Qt::LeftButton);
        auto *bodyError = w.findChild<QLabel *>(QStringLiteral("publishBodyError"));
        QVERIFY2(bodyError->isVisible() && bodyError->text().contains(QLatin1String("already")),
                 qPrintable(bodyError->text()));
        QCOMPARE(t->channels.find(QStringLiteral("c"))->second->messageCount, quint64(3));
        w.findChild<QAction *>(QStringLiteral("finishAll"))->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(w.model()->heldCount(), 0, kWait);
    }

    void timesCarryTheirDateAndEveryForm()
    {
        TimeFormat &f = TimeFormat::instance();
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const qint64 daysAgo = now - 3 * 86'400'000LL;
        // A message published days ago (or by a clock ahead) does not read like one just sent.
        f.setMode(TimeFormat::Mode::Utc);
        QVERIFY(f.when(now).endsWith(QLatin1Char('Z')) && !f.when(now).contains(QLatin1Char('T')));
        QCOMPARE(f.when(daysAgo), TimeFormat::isoUtc(daysAgo));
        QCOMPARE(f.when(now + 2 * 86'400'000LL), TimeFormat::isoUtc(now + 2 * 86'400'000LL));
        f.setMode(TimeFormat::Mode::Local);
        QVERIFY(f.when(daysAgo).startsWith(
            QDateTime::fromMSecsSinceEpoch(daysAgo).toString(QStringLiteral("yyyy-MM-dd "))));
        // The full local time names its offset: the two 01:30 of a DST change differ.
        QVERIFY(QRegularExpression(QStringLiteral(R"( [+-]\d\d:\d\d$)"))
                    .match(f.dateTime(now))
                    .hasMatch());
        // Every form in the tooltip.
        const QStringList forms = f.allForms(now).split(QLatin1Char('\n'));
        QCOMPARE(forms.size(), 3);
        QCOMPARE(forms.at(1), TimeFormat::isoUtc(now));
        // Relative: minutes from 60 s on, days past a day, and no "at" in a sentence.
        QCOMPARE(TimeFormat::relative(0, 59'960), QStringLiteral("1 min 0 s ago"));
        QCOMPARE(TimeFormat::relative(0, 3 * 86'400'000LL + 7'200'000),
                 QStringLiteral("3 d 2 h ago"));
        f.setMode(TimeFormat::Mode::Relative);
        QVERIFY(f.atTime(now).endsWith(QLatin1String(" ago")));
        QVERIFY(!f.atTime(now).startsWith(QLatin1String("at ")));
        f.setMode(TimeFormat::Mode::Utc);
        QVERIFY(f.atTime(now).startsWith(QLatin1String("at ")));
        f.setMode(TimeFormat::Mode::Local);
    }

    void messagesGivenUpOnAreListedAndResent()
    {
        MainWindow w;
        w.show();
        const QString topic = QStringLiteral("giveup%1").arg(++m_serial);
        m_broker->getOrCreateChannel(m_broker->getOrCreateTopic(topic), QStringLiteral("desk"));
        QCOMPARE(m_broker->publish(topic, {QByteArray("poison"), QByteArray("late")}), QString());
        SessionSettings s;
        s.nsqdAddresses = {tcp()};
        s.topic = topic;
        s.channel = QStringLiteral("desk");
        s.giveUpAfter = 2;
        s.config.msgTimeout = 1000;
        QCOMPARE(w.connectTo(s), QStringList());
        QTRY_COMPARE_WITH_TIMEOUT(w.model()->heldCount(), 2, kWait);
        const auto idOf = [&w](const QByteArray &body) {
            for (int i = 0; i < w.model()->rowCount(); ++i)
                if (w.model()->rowAt(i).delivery.message.body == body)
                    return w.model()->rowAt(i).delivery.message.id;
            return nsq::MessageId{};
        };
        // Requeued twice: the third delivery passes the 2 attempts allowed and is given up on.
        const nsq::MessageId poison = idOf("poison");
        for (int attempt = 1; attempt <= 2; ++attempt) {
            QTRY_VERIFY_WITH_TIMEOUT(
                w.model()->rowOf(poison) >= 0 &&
                    w.model()->rowAt(w.model()->rowOf(poison)).state == MessageState::InFlight &&
                    w.model()->rowAt(w.model()->rowOf(poison)).delivery.message.attempts == attempt,
                kWait);
            w.session()->requeue({poison}, 0);
        }
        QTRY_COMPARE_WITH_TIMEOUT(w.gaveUp()->rowCount(), 1, kWait);
        QCOMPARE(w.gaveUp()->rowAt(0).message.body, QByteArray("poison"));
        QCOMPARE(w.gaveUp()->rowAt(0).message.attempts, quint16(3));
        QVERIFY(GaveUpModel::whyText(w.gaveUp()->rowAt(0)).contains(QLatin1String("2 attempts")));
        QCOMPARE(w.gaveUp()->rowAt(0).nsqd, tcp());
        // The list shows the attempt it was given up at, as the Gave up tab does.
        QTRY_COMPARE(w.model()->rowAt(w.model()->rowOf(poison)).delivery.message.attempts,
                     quint16(3));
        QTRY_VERIFY_WITH_TIMEOUT(channel(topic)->inFlight.size() == 1, kWait); // finished

        // Hold mode: a FIN that nsqd refuses (the message timed out while paused) goes there too.
        w.session()->setPaused(true);
        QTRY_VERIFY_WITH_TIMEOUT(channel(topic)->timeoutCount >= 1, kWait);
        w.session()->finish({idOf("late")});
        QTRY_COMPARE_WITH_TIMEOUT(w.gaveUp()->rowCount(), 2, kWait);
        QCOMPARE(w.gaveUp()->rowAt(1).message.body, QByteArray("late"));

        // Resent to a topic of the user's choice: a manual dead-letter queue.
        const QString dead = topic + QStringLiteral("_dead");
        m_broker->getOrCreateChannel(m_broker->getOrCreateTopic(dead), QStringLiteral("c"));
        auto *panel = w.findChild<QWidget *>(QStringLiteral("gaveUpDock"));
        QVERIFY(panel);
        w.findChild<QLineEdit *>(QStringLiteral("gaveUpTopic"))->setText(dead);
        auto *resend = w.findChild<QPushButton *>(QStringLiteral("gaveUpResend"));
        resend->click();
        QVERIFY(!resend->isEnabled()); // a second click would send them twice
        const Topic *deadTopic = m_broker->topic(dead);
        QTRY_COMPARE_WITH_TIMEOUT(
            deadTopic->channels.find(QStringLiteral("c"))->second->messageCount, quint64(2), kWait);
        QTRY_VERIFY(resend->isEnabled());
        // And exported, with why.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("dead.jsonl"));
        QCOMPARE(w.gaveUpPanel()->exportTo(path), QString());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject first = QJsonDocument::fromJson(f.readLine()).object();
        QCOMPARE(first.value(QLatin1String("body")).toString(), QStringLiteral("poison"));
        QCOMPARE(first.value(QLatin1String("gave_up")).toString(), QStringLiteral("max_attempts"));
        QCOMPARE(first.value(QLatin1String("gave_up_detail")).toString(), QStringLiteral("2"));
        QCOMPARE(first.value(QLatin1String("nsqd")).toString(), tcp());
        static const QRegularExpression iso(
            QStringLiteral(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$)"));
        for (const char *key : {"gave_up_at", "published"})
            QVERIFY2(iso.match(first.value(QLatin1String(key)).toString()).hasMatch(), key);
        const QJsonObject second = QJsonDocument::fromJson(f.readLine()).object();
        QCOMPARE(second.value(QLatin1String("gave_up")).toString(), QStringLiteral("fin_refused"));
        QVERIFY(second.value(QLatin1String("gave_up_detail"))
                    .toString()
                    .contains(QLatin1String("E_FIN_FAILED")));
        // The refused FIN meant nsqd took "late" back: delivered again, it leaves the list.
        w.session()->setPaused(false);
        QTRY_COMPARE_WITH_TIMEOUT(w.gaveUp()->rowCount(), 1, kWait);
        QCOMPARE(w.gaveUp()->rowAt(0).message.body, QByteArray("poison"));
        // It outlives the connection.
        w.session()->finish({idOf("late")});
        w.session()->stop();
        QTRY_VERIFY_WITH_TIMEOUT(!w.session()->isActive(), kWait);
        QCOMPARE(w.gaveUp()->rowCount(), 1);
    }

    void peekNeverGivesUp()
    {
        // Peek promises to leave every message in the channel, and each look is an attempt.
        MainWindow w;
        w.show();
        const QString topic = QStringLiteral("peekgive%1").arg(++m_serial);
        m_broker->getOrCreateChannel(m_broker->getOrCreateTopic(topic), QStringLiteral("desk"));
        QCOMPARE(m_broker->publish(topic, {QByteArray("look at me")}), QString());
        SessionSettings s;
        s.nsqdAddresses = {tcp()};
        s.topic = topic;
        s.channel = QStringLiteral("desk");
        s.mode = Mode::Peek;
        s.giveUpAfter = 1;
        QCOMPARE(w.connectTo(s), QStringList());
        QTRY_VERIFY_WITH_TIMEOUT(w.model()->rowCount() == 1 &&
                                     w.model()->rowAt(0).delivery.message.attempts >= 3,
                                 kWait);
        w.session()->stop();
        QTRY_VERIFY_WITH_TIMEOUT(!w.session()->isActive(), kWait);
        QCOMPARE(w.gaveUp()->rowCount(), 0);
        QCOMPARE(channel(topic)->depth() + qint64(channel(topic)->inFlight.size()), qint64(1));
    }

    void theGaveUpListIsBounded()
    {
        GaveUpModel model;
        QSignalSpy dropped(&model, &GaveUpModel::droppedChanged);
        for (int i = 0; i < GaveUpModel::kMostRows + 5; ++i) {
            GaveUpModel::Row r;
            r.message.id = MessageId::fromBytes(QByteArray::number(i).rightJustified(16, '0'));
            r.message.body = "x";
            model.add(std::move(r));
        }
        QCOMPARE(model.rowCount(), GaveUpModel::kMostRows);
        QCOMPARE(model.dropped(), quint64(5));
        QCOMPARE(dropped.size(), 5);
        QCOMPARE(model.rowAt(0).message.id.toString(), QStringLiteral("0000000000000005"));
        // The same ID again is the same row, with the later reason.
        GaveUpModel::Row again;
        again.message.id = MessageId::fromBytes("0000000000000009");
        again.why = GaveUpModel::Why::ReqRefused;
        model.add(std::move(again));
        QCOMPARE(model.rowCount(), GaveUpModel::kMostRows);
        QCOMPARE(model.rowAt(4).why, GaveUpModel::Why::ReqRefused);
        QCOMPARE(model.rowAt(4).message.body, QByteArray("x")); // the body it had is kept
        QCOMPARE(model.removeDelivered({MessageId::fromBytes("0000000000000009")}), 1);
        QCOMPARE(model.rowCount(), GaveUpModel::kMostRows - 1);
    }

    void aMessagesLifeIsDrawnAsItWent()
    {
        MainWindow w;
        w.show();
        holdIn(w, 1);
        const nsq::MessageId id = w.model()->rowAt(0).delivery.message.id;
        w.table()->selectRow(0);
        w.payloadView()->tabs()->setCurrentWidget(w.payloadView()->life());
        LifeDiagram *life = w.payloadView()->life();
        QTRY_COMPARE(life->pathSteps().size(), 1);
        QVERIFY(life->pathSteps().first().startsWith(QLatin1String("delivered (attempt 1)")));
        // Requeued once, delivered again, then finished.
        w.session()->requeue({id}, 0);
        QTRY_VERIFY_WITH_TIMEOUT(
            w.model()->rowAt(w.model()->rowOf(id)).delivery.message.attempts == 2, kWait);
        w.session()->finish({id});
        QTRY_COMPARE_WITH_TIMEOUT(life->pathSteps().size(), 4, kWait);
        QStringList kinds;
        for (const QString &step : life->pathSteps())
            kinds << step.section(QLatin1Char(' '), 0, 0);
        QCOMPARE(kinds, (QStringList{"delivered", "requeued", "delivered", "finished"}));
        QVERIFY(life->pathSteps().at(2).startsWith(QLatin1String("delivered again (attempt 2)")));
        QCOMPARE(life->litNodes(),
                 (QSet<int>{LifeDiagram::Delivered, LifeDiagram::InFlight, LifeDiagram::Requeued,
                            LifeDiagram::Redelivered, LifeDiagram::Finished}));
        QVERIFY(life->litEdges().contains({LifeDiagram::Requeued, LifeDiagram::Redelivered}));
        QVERIFY(!life->litNodes().contains(LifeDiagram::TimedOut));
        QVERIFY(!life->grab().isNull()); // it paints
    }

    void aLongLifeKeepsItsDrawingAndBoundsItsWords()
    {
        using Step = MessageModel::LifeStep;
        const qint64 t0 = 1'700'000'000'000;
        QList<Step> steps{{Step::Kind::Delivered, t0, 1}};
        int attempt = 1;
        const auto round = [&](Step::Kind how) {
            const qint64 at = t0 + attempt * 60'000;
            steps << Step{how, at, 0} << Step{Step::Kind::Delivered, at, ++attempt};
        };
        for (int i = 0; i < 8; ++i)
            round(Step::Kind::Requeued);
        for (int i = 0; i < 20; ++i)
            round(Step::Kind::TimedOut);
        LifeDiagram life;
        life.setLife(steps);
        // Each repeated stretch is written once, with its count.
        QCOMPARE(life.pathSteps().size(), 3);
        QVERIFY2(life.pathSteps().at(2).startsWith(
                     QStringLiteral("timed out → delivered again, 20 times (+9 min 0 s … ")),
                 qPrintable(life.pathSteps().at(2)));
        // In flight 29 times: the first and the latest, the running one, are timed.
        QCOMPARE(life.nodeLabel(LifeDiagram::InFlight),
                 QStringLiteral("in flight\n+0.0 s … +28 min 0 s ×29"));
        life.show();
        QVERIFY(QTest::qWaitForWindowExposed(&life));
        // In a small pane, a low wide one and a roomy one, the drawing keeps its room (scrolled
        // to if need be): every box is there with room for what it says, and the words stay
        // within a few lines.
        const QFontMetrics fm = life.fontMetrics();
        for (const QSize size : {QSize(300, 120), QSize(880, 150), QSize(880, 400)}) {
            life.resize(size);
            QTRY_COMPARE(life.size(), size);
            QVERIFY2(life.words()->height() <= 4 * fm.lineSpacing(),
                     qPrintable(QString::number(life.words()->height())));
            QVERIFY(life.drawing()->height() >= life.drawing()->minimumHeight());
            QVERIFY(life.drawing()->height() >= 10 * fm.lineSpacing());
            for (int n = 0; n < LifeDiagram::NodeCount; ++n) {
                const QRectF box = life.nodeRect(n);
                QVERIFY(life.drawing()->rect().contains(box.toRect()));
                const QRect needs =
                    fm.boundingRect(QRect(0, 0, int(box.width()) - 8, 10000),
                                    Qt::AlignCenter | Qt::TextWordWrap, life.nodeLabel(n));
                QVERIFY2(needs.height() <= box.height() - 4,
                         qPrintable(QStringLiteral("%1 at %2x%3: needs %4 px, has %5")
                                        .arg(life.nodeLabel(n))
                                        .arg(size.width())
                                        .arg(size.height())
                                        .arg(needs.height())
                                        .arg(box.height())));
            }
        }
    }

    void aLifeLongerThanItsCapKeepsItsFirstDelivery()
    {
        MessageModel model;
        nsq::Delivery d;
        d.message.id = MessageId::fromBytes("0123456789abcdef");
        d.message.attempts = 1;
        d.source = QStringLiteral("127.0.0.1:4150");
        const qint64 t0 = 1'700'000'000'000;
        d.receivedMs = t0;
        model.addDeliveries({d});
        // Left to time out 39 times: 79 steps, 15 more than are kept.
        for (int attempt = 2; attempt <= 40; ++attempt) {
            ConsumerEvent e;
            e.kind = ConsumerEvent::Kind::TimedOut;
            e.id = d.message.id;
            e.atMs = d.receivedMs + 60'000;
            model.applyEvents({e});
            d.message.attempts = quint16(attempt);
            d.receivedMs = e.atMs;
            model.addDeliveries({d});
        }
        const MessageModel::Row &r = model.rowAt(0);
        QCOMPARE(r.life.size(), qsizetype(MessageModel::kLifeSteps));
        QCOMPARE(r.lifeDropped, 79 - MessageModel::kLifeSteps);
        QCOMPARE(r.life.first().kind, MessageModel::LifeStep::Kind::Delivered);
        QCOMPARE(r.life.first().atMs, t0);
        QCOMPARE(r.life.first().value, qint64(1));
        QCOMPARE(r.life.at(1).value, qint64(9)); // what went is the oldest after the first
        QCOMPARE(r.life.last().value, qint64(40));

        LifeDiagram life;
        life.setLife(r.life, r.lifeDropped);
        const QStringList words = life.pathSteps();
        QVERIFY2(words.first().startsWith(QLatin1String("delivered (attempt 1) at ")),
                 qPrintable(words.first()));
        QCOMPARE(words.at(1), QStringLiteral("… 15 steps not kept …"));
        // Times still count from the first delivery.
        QCOMPARE(words.last(), QStringLiteral("delivered again (attempt 40) +39 min 0 s"));
        // Counts past the steps not kept are floors; a first visit among them is not guessed.
        QCOMPARE(life.nodeLabel(LifeDiagram::Delivered), QStringLiteral("delivered\n+0.0 s"));
        QCOMPARE(life.nodeLabel(LifeDiagram::InFlight),
                 QStringLiteral("in flight\n+0.0 s … +39 min 0 s ×33+"));
        QCOMPARE(life.nodeLabel(LifeDiagram::TimedOut),
                 QStringLiteral("timed out\n… +39 min 0 s ×31+"));
    }

    void inRelativeTimeTheLifeSaysAgoWithoutAt()
    {
        using Step = MessageModel::LifeStep;
        const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - 70'000;
        LifeDiagram life;
        const TimeFormat::Mode was = TimeFormat::instance().mode();
        TimeFormat::instance().setMode(TimeFormat::Mode::Relative);
        life.setLife({{Step::Kind::Delivered, t0, 1}});
        const QString first = life.pathSteps().first();
        TimeFormat::instance().setMode(was);
        QVERIFY2(first.startsWith(QLatin1String("delivered (attempt 1) 1 min 1")) &&
                     first.endsWith(QLatin1String(" s ago")),
                 qPrintable(first));
    }

    void unlitArrowsStandOutInTheDarkAndTheLightTheme()
    {
        // WCAG's relative luminance and contrast ratio.
        const auto luminance = [](const QColor &c) {
            const auto lin = [](qreal v) {
                return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
            };
            return 0.2126 * lin(c.redF()) + 0.7152 * lin(c.greenF()) + 0.0722 * lin(c.blueF());
        };
        const auto contrast = [&](const QColor &a, const QColor &b) {
            const qreal la = luminance(a), lb = luminance(b);
            return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
        };
        for (const QString &theme : {QStringLiteral("dark"), QStringLiteral("light")}) {
            Theme::apply(theme);
            LifeDiagram life;
            life.setLife({{MessageModel::LifeStep::Kind::Delivered, 1'700'000'000'000, 1}});
            const QColor back = life.palette().color(life.backgroundRole());
            const qreal plain = contrast(life.edgeColour(false), back);
            const qreal lit = contrast(life.edgeColour(true), back);
            QVERIFY2(plain >= 3.0, qPrintable(QStringLiteral("%1: %2").arg(theme).arg(plain)));
            QVERIFY2(lit > plain * 1.2,
                     qPrintable(QStringLiteral("%1: %2 vs %3").arg(theme).arg(lit).arg(plain)));
        }
        Theme::apply(QString());
    }

    void versionNamesQtQCustomPlotAndTheProtocol()
    {
        QProcess p;
        p.start(QStringLiteral(NSQ_GUI_PATH), {QStringLiteral("--version")});
        QVERIFY(p.waitForFinished(kWait));
        QCOMPARE(p.exitCode(), 0);
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(out.contains(QLatin1String("NSQ Inspector " NSQ_INSPECTOR_VERSION)),
                 qPrintable(out));
        QVERIFY(out.contains(QStringLiteral("Qt %1").arg(QLatin1String(qVersion()))));
        QVERIFY(out.contains(QLatin1String("QCustomPlot 2.")));
        QVERIFY(out.contains(QLatin1String("protocol V2")));
    }
};

QTEST_MAIN(TstDesktop)
#include "tst_desktop.moc"
