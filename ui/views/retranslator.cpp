// QCustomPlot's header uses the signals and foreach keywords, which the project turns off: it
// is read first, in this file only, with them on.
#undef QT_NO_KEYWORDS
#undef QT_NO_FOREACH
#include <qcustomplot.h>

#include "retranslator.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextEdit>
#include <QTreeWidget>
#include <QXmlStreamReader>

namespace nsqui {

namespace {

// Enough fixed text that a pattern cannot match what is only data ("%1: %2" would match any
// address and error).
bool distinctive(const QString &fixedText)
{
    int letters = 0;
    for (const QChar c : fixedText)
        if (c.isLetter())
            ++letters;
    return letters >= 3;
}

} // namespace

const Retranslator &Retranslator::zhCN()
{
    static const Retranslator instance = [] {
        QFile f(QStringLiteral(":/i18n-src/nsq-inspector_zh_CN.ts"));
        return Retranslator(f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray());
    }();
    return instance;
}

Retranslator::Retranslator(const QByteArray &tsDocument)
{
    QXmlStreamReader xml(tsDocument);
    QString source;
    QString translation;
    bool finished = false;
    bool numerus = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("message")) {
                source.clear();
                translation.clear();
                numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            } else if (name == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (name == QLatin1String("translation")) {
                const auto type = xml.attributes().value(QLatin1String("type"));
                finished = type.isEmpty();
                if (!numerus)
                    translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            if (numerus || !finished || source.isEmpty() || translation.isEmpty() ||
                source == translation)
                continue;
            static const QRegularExpression placeholder(QStringLiteral("%L?[1-9]"));
            if (source.contains(placeholder)) {
                addPattern(&m_toChinese, source, translation);
                addPattern(&m_toEnglish, translation, source);
            } else {
                m_toChinese.exact.insert(source, translation);
                m_toEnglish.exact.insert(translation, source);
            }
        }
    }
}

void Retranslator::addPattern(Direction *d, const QString &from, const QString &to)
{
    static const QRegularExpression placeholder(QStringLiteral("%L?([1-9])"));
    QString regex = QStringLiteral("^");
    QString fixed;
    Pattern p;
    qsizetype at = 0;
    for (auto it = placeholder.globalMatch(from); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString literal = from.mid(at, m.capturedStart() - at);
        fixed += literal;
        regex += QRegularExpression::escape(literal) + QStringLiteral("(.*?)");
        p.argument << m.captured(1).toInt();
        at = m.capturedEnd();
    }
    fixed += from.mid(at);
    regex += QRegularExpression::escape(from.mid(at)) + QLatin1Char('$');
    if (!distinctive(fixed))
        return;
    p.from = QRegularExpression(regex, QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression localised(QStringLiteral("%L([1-9])"));
    p.to = QString(to).replace(localised, QStringLiteral("%\\1"));
    p.fixedLength = int(fixed.size());
    // The most specific first: "发生于 %1，连接 %2" before "发生于 %1".
    const auto place = std::find_if(d->patterns.begin(), d->patterns.end(), [&p](const Pattern &q) {
        return q.fixedLength < p.fixedLength;
    });
    d->patterns.insert(place, p);
}

QString Retranslator::map(const Direction &d, const QString &text)
{
    if (text.isEmpty())
        return text;
    const auto exact = d.exact.constFind(text);
    if (exact != d.exact.cend())
        return *exact;
    static const QRegularExpression han(QStringLiteral("[\\x{3000}-\\x{9fff}\\x{ff00}-\\x{ffef}]"));
    for (const Pattern &p : d.patterns) {
        const QRegularExpressionMatch m = p.from.match(text);
        if (!m.hasMatch())
            continue;
        // A capture with Chinese in it took in more than an argument (a text made of two
        // translated pieces): another, longer pattern, or the panel itself, does it better.
        bool swallowed = false;
        for (int i = 1; i <= m.lastCapturedIndex(); ++i)
            swallowed |= m.captured(i).contains(han);
        if (swallowed)
            continue;
        // Arguments are put back by their number, in one pass, so an argument that itself
        // holds "%2" is not substituted again.
        QString out;
        for (qsizetype i = 0; i < p.to.size(); ++i) {
            if (p.to.at(i) == QLatin1Char('%') && i + 1 < p.to.size() && p.to.at(i + 1) >= '1' &&
                p.to.at(i + 1) <= '9') {
                const int n = p.to.at(i + 1).digitValue();
                const int capture = int(p.argument.indexOf(n)) + 1;
                // An argument is carried over already in the other language when it is ours
                // ("requeued" inside "State: %1").
                out += capture > 0 ? map(d, m.captured(capture)) : QString();
                ++i;
            } else {
                out += p.to.at(i);
            }
        }
        return out;
    }
    // A tooltip with its shortcut after it: "FIN the selected messages (F)".
    static const QRegularExpression shortcut(QStringLiteral("^(.+) (\\([^()]+\\))$"));
    if (const QRegularExpressionMatch m = shortcut.match(text); m.hasMatch()) {
        const QString head = map(d, m.captured(1));
        if (head != m.captured(1))
            return head + QLatin1Char(' ') + m.captured(2);
    }
    return text;
}

QString Retranslator::toChinese(const QString &text) const
{
    return map(m_toChinese, text);
}

QString Retranslator::toEnglish(const QString &text) const
{
    return map(m_toEnglish, text);
}

void Retranslator::retranslateApplication(const QString &from, const QString &to) const
{
    if (from == to)
        return;
    const bool toChinese = to == QLatin1String("zh_CN");
    const Direction &d = toChinese ? m_toChinese : m_toEnglish;
    // Two English texts can share one translation ("topic", "Topic"): each object remembers
    // the English it showed, and gets it back while it still shows what it was given.
    const auto tr = [&d, toChinese](QObject *o, const QString &key, const QString &text) {
        const QByteArray english = "nsqEnglish_" + key.toUtf8();
        const QByteArray chinese = "nsqChinese_" + key.toUtf8();
        if (!toChinese && o->property(chinese.constData()).toString() == text && !text.isEmpty())
            return o->property(english.constData()).toString();
        const QString out = map(d, text);
        if (toChinese && out != text) {
            o->setProperty(english.constData(), text);
            o->setProperty(chinese.constData(), out);
        }
        return out;
    };

    for (QWidget *w : QApplication::allWidgets()) {
        if (!w->windowTitle().isEmpty() && !w->isWindow())
            w->setWindowTitle(tr(w, QStringLiteral("title"),
                                 w->windowTitle())); // docks; windows keep the app's name
        if (!w->toolTip().isEmpty())
            w->setToolTip(tr(w, QStringLiteral("tip"), w->toolTip()));
        if (!w->statusTip().isEmpty())
            w->setStatusTip(tr(w, QStringLiteral("status"), w->statusTip()));
        if (auto *label = qobject_cast<QLabel *>(w)) {
            if (!label->text().isEmpty())
                label->setText(tr(w, QStringLiteral("text"), label->text()));
            if (label->wordWrap())
                label->updateGeometry(); // its height for the new words
        } else if (auto *button = qobject_cast<QAbstractButton *>(w)) {
            if (!button->text().isEmpty())
                button->setText(tr(w, QStringLiteral("text"), button->text()));
        } else if (auto *group = qobject_cast<QGroupBox *>(w)) {
            group->setTitle(tr(w, QStringLiteral("text"), group->title()));
        } else if (auto *line = qobject_cast<QLineEdit *>(w)) {
            line->setPlaceholderText(
                tr(w, QStringLiteral("text"), line->placeholderText())); // its text is the user's
        } else if (auto *plain = qobject_cast<QPlainTextEdit *>(w)) {
            plain->setPlaceholderText(tr(w, QStringLiteral("text"), plain->placeholderText()));
        } else if (auto *rich = qobject_cast<QTextEdit *>(w)) {
            rich->setPlaceholderText(tr(w, QStringLiteral("text"), rich->placeholderText()));
        } else if (auto *combo = qobject_cast<QComboBox *>(w); combo && !combo->isEditable()) {
            // An editable combo holds the user's words (topics, profiles): never translated.
            for (int i = 0; i < combo->count(); ++i)
                combo->setItemText(i, tr(w, QStringLiteral("item%1").arg(i), combo->itemText(i)));
            // Its width was taken from the old words when first shown: take it again.
            if (combo->sizeAdjustPolicy() == QComboBox::AdjustToContentsOnFirstShow)
                combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        } else if (auto *tabs = qobject_cast<QTabWidget *>(w)) {
            for (int i = 0; i < tabs->count(); ++i) {
                tabs->setTabText(i, tr(w, QStringLiteral("tab%1").arg(i), tabs->tabText(i)));
                tabs->setTabToolTip(i,
                                    tr(w, QStringLiteral("tabtip%1").arg(i), tabs->tabToolTip(i)));
            }
        } else if (auto *spin = qobject_cast<QSpinBox *>(w)) {
            spin->setPrefix(tr(w, QStringLiteral("prefix"), spin->prefix()));
            spin->setSuffix(tr(w, QStringLiteral("suffix"), spin->suffix()));
            spin->setSpecialValueText(tr(w, QStringLiteral("special"), spin->specialValueText()));
        } else if (auto *dspin = qobject_cast<QDoubleSpinBox *>(w)) {
            dspin->setPrefix(tr(w, QStringLiteral("prefix"), dspin->prefix()));
            dspin->setSuffix(tr(w, QStringLiteral("suffix"), dspin->suffix()));
            dspin->setSpecialValueText(tr(w, QStringLiteral("special"), dspin->specialValueText()));
        } else if (auto *menu = qobject_cast<QMenu *>(w)) {
            menu->setTitle(tr(w, QStringLiteral("text"), menu->title()));
        } else if (auto *plot = qobject_cast<QCustomPlot *>(w)) {
            for (QCPAxis *axis : plot->axisRect() ? plot->axisRect()->axes() : QList<QCPAxis *>())
                axis->setLabel(tr(axis, QStringLiteral("label"), axis->label()));
            for (QCPLayoutElement *e : plot->plotLayout()->elements(true))
                if (auto *caption = qobject_cast<QCPTextElement *>(e))
                    caption->setText(tr(caption, QStringLiteral("text"), caption->text()));
            for (int i = 0; i < plot->plottableCount(); ++i)
                plot->plottable(i)->setName(
                    tr(plot->plottable(i), QStringLiteral("name"), plot->plottable(i)->name()));
            plot->replot(QCustomPlot::rpQueuedReplot);
        }
        if (auto *table = qobject_cast<QTableWidget *>(w)) {
            for (int c = 0; c < table->columnCount(); ++c)
                if (QTableWidgetItem *item = table->horizontalHeaderItem(c))
                    item->setText(tr(w, QStringLiteral("header%1").arg(c), item->text()));
        } else if (auto *tree = qobject_cast<QTreeWidget *>(w)) {
            QTreeWidgetItem *header = tree->headerItem();
            for (int c = 0; header && c < header->columnCount(); ++c)
                header->setText(c, tr(w, QStringLiteral("header%1").arg(c), header->text(c)));
        } else if (auto *view = qobject_cast<QAbstractItemView *>(w)) {
            // Our models answer headers and cells with tr() when asked: ask again.
            if (QAbstractItemModel *model = view->model()) {
                if (model->columnCount() > 0)
                    Q_EMIT model->headerDataChanged(Qt::Horizontal, 0, model->columnCount() - 1);
                view->viewport()->update();
            }
        }
        for (QAction *a : w->actions()) {
            if (!a->text().isEmpty())
                a->setText(tr(a, QStringLiteral("text"), a->text()));
            if (!a->toolTip().isEmpty())
                a->setToolTip(tr(a, QStringLiteral("tip"), a->toolTip()));
            if (!a->statusTip().isEmpty())
                a->setStatusTip(tr(a, QStringLiteral("status"), a->statusTip()));
        }
    }
    // Actions not on any widget (kept by a window for its menus and shortcuts).
    for (QWidget *w : QApplication::topLevelWidgets())
        for (QAction *a : w->findChildren<QAction *>())
            if (a->associatedObjects().isEmpty()) {
                a->setText(tr(a, QStringLiteral("text"), a->text()));
                a->setToolTip(tr(a, QStringLiteral("tip"), a->toolTip()));
            }
}

} // namespace nsqui
