// The Publish dock, offscreen with real widgets, against the embedded broker: each way in
// arrives byte for byte, bad input is said next to its field with nothing sent, and a JSON Lines
// export replays into identical messages.
#include "mainwindow.h"
#include "publishpanel.h"

#include <broker/broker.h>
#include <broker/topic.h>
#include <protocol/messagerecord.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace nsq;
using namespace nsqui;

namespace {
constexpr int kWait = 20000;
}

class TstPublish : public QObject
{
    Q_OBJECT

    std::unique_ptr<Broker> m_broker;
    int m_topics = 0;

    QString freshTopic() { return QStringLiteral("pubtest%1").arg(++m_topics); }
    QString tcp() const { return QStringLiteral("127.0.0.1:%1").arg(m_broker->tcpPort()); }
    QString http() const { return QStringLiteral("127.0.0.1:%1").arg(m_broker->httpPort()); }

    QByteArrayList bodiesIn(const QString &topic) const
    {
        QByteArrayList out;
        if (const Topic *t = m_broker->topic(topic))
            for (const Topic::Pending &p : t->backlog)
                out << p.message.body;
        return out;
    }
    template <typename T> static T *w(PublishPanel &p, const char *name)
    {
        return p.findChild<T *>(QString::fromLatin1(name));
    }
    // Types into the panel's fields as a user would, then presses Publish and waits for the end.
    static QString publish(PublishPanel &p, const QString &topic, int via, const QString &address,
                           int mode, const QString &text)
    {
        w<QLineEdit>(p, "publishTopic")->clear();
        QTest::keyClicks(w<QLineEdit>(p, "publishTopic"), topic);
        w<QComboBox>(p, "publishVia")->setCurrentIndex(via);
        w<QLineEdit>(p, "publishAddress")->clear();
        QTest::keyClicks(w<QLineEdit>(p, "publishAddress"), address);
        w<QComboBox>(p, "publishMode")->setCurrentIndex(mode);
        w<QPlainTextEdit>(p, "publishEditor")->setPlainText(text);
        QSignalSpy done(&p, &PublishPanel::finished);
        const PublishJob *before = p.job();
        QTest::mouseClick(w<QPushButton>(p, "publishButton"), Qt::LeftButton);
        if (p.job() == before && done.isEmpty())
            return QStringLiteral("(nothing sent)"); // refused before anything started
        if (done.isEmpty() && !done.wait(kWait))
            return QStringLiteral("(no end)");
        return done.first().first().toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_broker = std::make_unique<Broker>();
        QCOMPARE(m_broker->start(), QString());
    }

    void eachWayArrivesByteForByte_data()
    {
        QTest::addColumn<int>("via");
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("expected");
        const QString unicode = QStringLiteral("héllo 中文\nsecond line");
        QTest::newRow("text over TCP") << 0 << 0 << unicode << unicode.toUtf8();
        QTest::newRow("text over HTTP") << 1 << 0 << unicode << unicode.toUtf8();
        QTest::newRow("JSON over TCP")
            << 0 << 1 << QStringLiteral("{\"a\": [1, 2]}") << QByteArray("{\"a\": [1, 2]}");
        QTest::newRow("hex over TCP")
            << 0 << 2 << QStringLiteral("ff 00 01\n0a 41") << QByteArray("\xff\x00\x01\x0a\x41", 5);
        QTest::newRow("hex over HTTP")
            << 1 << 2 << QStringLiteral("ff000d0a") << QByteArray("\xff\x00\x0d\x0a", 4);
    }

    void eachWayArrivesByteForByte()
    {
        QFETCH(int, via);
        QFETCH(int, mode);
        QFETCH(QString, text);
        QFETCH(QByteArray, expected);
        PublishPanel p;
        p.show();
        const QString topic = freshTopic();
        const QString summary = publish(p, topic, via, via == 0 ? tcp() : http(), mode, text);
        QVERIFY2(summary.startsWith(QLatin1String("Published 1 of 1")), qPrintable(summary));
        QCOMPARE(bodiesIn(topic), QByteArrayList{expected});
    }

    void repeatedInBatchesAndDeferred()
    {
        PublishPanel p;
        p.show();
        const QString topic = freshTopic();
        w<QSpinBox>(p, "publishCount")->setValue(250);
        w<QCheckBox>(p, "publishBatch")->setChecked(true);
        QString summary = publish(p, topic, 0, tcp(), 0, QStringLiteral("load"));
        QVERIFY2(summary.startsWith(QLatin1String("Published 250 of 250")), qPrintable(summary));
        QCOMPARE(bodiesIn(topic).size(), 250);
        QCOMPARE(w<QProgressBar>(p, "publishProgress")->value(), 250);

        // DPUB: held back by the broker, both ways.
        const QString later = freshTopic();
        QCOMPARE(m_broker->createChannel(later, QStringLiteral("c")), QString());
        w<QSpinBox>(p, "publishCount")->setValue(1);
        w<QSpinBox>(p, "publishDelay")->setValue(60000);
        summary = publish(p, later, 0, tcp(), 0, QStringLiteral("later"));
        QVERIFY2(summary.startsWith(QLatin1String("Published 1 of 1")), qPrintable(summary));
        summary = publish(p, later, 1, http(), 0, QStringLiteral("later too"));
        QVERIFY2(summary.startsWith(QLatin1String("Published 1 of 1")), qPrintable(summary));
        const Channel *c = m_broker->topic(later)->channels.at(QStringLiteral("c")).get();
        QCOMPARE(c->deferred.size(), size_t(2));
        QCOMPARE(c->depth(), 0);
    }

    void badInputIsSaidNextToItsFieldAndNothingIsSent()
    {
        PublishPanel p;
        p.show();
        p.setMaxDelayMs(1000);
        auto *bodyError = w<QLabel>(p, "publishBodyError");
        auto *targetError = w<QLabel>(p, "publishTargetError");
        // JSON is checked as it is typed (once typing pauses).
        w<QComboBox>(p, "publishMode")->setCurrentIndex(1);
        QTest::keyClicks(w<QPlainTextEdit>(p, "publishEditor"), QStringLiteral("{\"a\": "));
        QTRY_VERIFY(bodyError->isVisible());
        QVERIFY2(bodyError->text().startsWith(QLatin1String("JSON:")),
                 qPrintable(bodyError->text()));
        QTest::keyClicks(w<QPlainTextEdit>(p, "publishEditor"), QStringLiteral("1}"));
        QTRY_VERIFY(!bodyError->isVisible());

        const QString topic = freshTopic();
        const auto refused = [&](int mode, const QString &text, const QString &topicName,
                                 QLabel *label, const char *why) {
            const QString summary = publish(p, topicName, 0, tcp(), mode, text);
            return summary == QLatin1String("(nothing sent)") && label->isVisible() &&
                   label->text().contains(QLatin1String(why)) && !m_broker->topic(topicName);
        };
        QVERIFY(refused(1, QStringLiteral("{broken"), topic, bodyError, "JSON:"));
        QVERIFY(refused(2, QStringLiteral("ff 0"), topic, bodyError, "odd number"));
        QVERIFY(refused(2, QStringLiteral("zz"), topic, bodyError, "not a hex digit"));
        QVERIFY(refused(0, QString(), topic, bodyError, "empty"));
        QVERIFY(refused(0, QStringLiteral("x"), QStringLiteral("bad topic!"), targetError,
                        "not a valid topic name"));
        w<QSpinBox>(p, "publishDelay")->setValue(5000);
        QVERIFY(refused(0, QStringLiteral("x"), topic, w<QLabel>(p, "publishOptionsError"),
                        "beyond the server's maximum"));
    }

    void bytesAreNeverChangedOnTheWay()
    {
        // Found by review: a loaded file with CR, CRLF, a no-break space or U+2028 opened as
        // text, and the editor changed them (29 bytes sent as 25); hex switched to text did too.
        PublishPanel p;
        p.show();
        const QByteArray tricky("line1\r\nline2\rx\xc2\xa0y\xe2\x80\xa8z\tend\x00nul", 29);
        p.setBody(tricky);
        QCOMPARE(w<QComboBox>(p, "publishMode")->currentIndex(), 2); // opened in hex
        QCOMPARE(p.body(), tricky);
        // Hex to text is refused for such bytes, and they stay.
        w<QComboBox>(p, "publishMode")->setCurrentIndex(0);
        QCOMPARE(w<QComboBox>(p, "publishMode")->currentIndex(), 2);
        QVERIFY(w<QLabel>(p, "publishBodyError")->isVisible());
        QCOMPARE(p.body(), tricky);
        const QString topic = freshTopic();
        w<QLineEdit>(p, "publishTopic")->setText(topic);
        w<QLineEdit>(p, "publishAddress")->setText(tcp());
        QSignalSpy done(&p, &PublishPanel::finished);
        QTest::mouseClick(w<QPushButton>(p, "publishButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, kWait);
        QCOMPARE(bodiesIn(topic), QByteArrayList{tricky});

        // Plain text opens as text; JSON mode keeps what was typed (no reordering, no
        // rounding) and takes any JSON value.
        p.setBody("plain text\n");
        QCOMPARE(w<QComboBox>(p, "publishMode")->currentIndex(), 0);
        const QString typed = QStringLiteral(R"({"z":1,"a":9007199254740993,"f":1.50})");
        w<QPlainTextEdit>(p, "publishEditor")->setPlainText(typed);
        w<QComboBox>(p, "publishMode")->setCurrentIndex(1);
        QCOMPARE(w<QPlainTextEdit>(p, "publishEditor")->toPlainText(), typed);
        QCOMPARE(p.body(), typed.toUtf8());
        w<QPlainTextEdit>(p, "publishEditor")->setPlainText(QStringLiteral("42"));
        QCOMPARE(p.body(), QByteArray("42"));
        w<QPlainTextEdit>(p, "publishEditor")->setPlainText(QStringLiteral("1 2"));
        QString error;
        p.body(&error);
        QVERIFY2(error.startsWith(QLatin1String("JSON:")), qPrintable(error));
    }

    void batchesStayUnderTheBodyLimit()
    {
        // Found by review: 100 messages of 100 KB in one MPUB (10 MB) were refused whole.
        PublishPanel p;
        p.show();
        const QString topic = freshTopic();
        w<QSpinBox>(p, "publishCount")->setValue(100);
        w<QCheckBox>(p, "publishBatch")->setChecked(true);
        p.setBody(QByteArray(100 * 1000, 'b'));
        w<QLineEdit>(p, "publishTopic")->setText(topic);
        w<QLineEdit>(p, "publishAddress")->setText(tcp());
        QSignalSpy done(&p, &PublishPanel::finished);
        QTest::mouseClick(w<QPushButton>(p, "publishButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, kWait);
        QVERIFY2(done.first().first().toString().startsWith(QLatin1String("Published 100 of 100")),
                 qPrintable(done.first().first().toString()));
    }

    void stopDoesNotWaitForANodeThatNeverAnswers()
    {
        QTcpServer silent; // accepts, never answers
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        PublishPanel p;
        p.show();
        w<QSpinBox>(p, "publishCount")->setValue(10);
        w<QLineEdit>(p, "publishTopic")->setText(freshTopic());
        w<QLineEdit>(p, "publishAddress")
            ->setText(QStringLiteral("127.0.0.1:%1").arg(silent.serverPort()));
        w<QPlainTextEdit>(p, "publishEditor")->setPlainText(QStringLiteral("x"));
        QSignalSpy done(&p, &PublishPanel::finished);
        QTest::mouseClick(w<QPushButton>(p, "publishButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(silent.hasPendingConnections() || silent.isListening(), kWait);
        QTest::mouseClick(w<QPushButton>(p, "publishStop"), Qt::LeftButton);
        QCOMPARE(done.size(), 1); // at once, not after the read timeout
        QVERIFY2(done.first().first().toString().contains(QLatin1String("stopped")),
                 qPrintable(done.first().first().toString()));
        QVERIFY(w<QPushButton>(p, "publishButton")->isEnabled());
    }

    void aFailureSaysWhy()
    {
        PublishPanel p;
        p.show();
        const QString summary =
            publish(p, freshTopic(), 0, QStringLiteral("127.0.0.1:1"), 0, QStringLiteral("x"));
        QVERIFY2(summary.startsWith(QLatin1String("Published 0 of 1")) &&
                     summary.contains(QLatin1String("refused")),
                 qPrintable(summary));
    }

    void stopEndsARunEarly()
    {
        PublishPanel p;
        p.show();
        const QString topic = freshTopic();
        w<QSpinBox>(p, "publishCount")->setValue(100000);
        w<QSpinBox>(p, "publishRate")->setValue(50);
        w<QLineEdit>(p, "publishTopic")->setText(topic);
        w<QLineEdit>(p, "publishAddress")->setText(tcp());
        w<QPlainTextEdit>(p, "publishEditor")->setPlainText(QStringLiteral("slow"));
        QSignalSpy done(&p, &PublishPanel::finished);
        QTest::mouseClick(w<QPushButton>(p, "publishButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(bodiesIn(topic).size() >= 2, kWait);
        QTest::mouseClick(w<QPushButton>(p, "publishStop"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, kWait);
        const QString summary = done.first().first().toString();
        QVERIFY2(summary.contains(QLatin1String("then: stopped")), qPrintable(summary));
        const qsizetype sent = bodiesIn(topic).size();
        QVERIFY(sent < 100000);
        QVERIFY(w<QPushButton>(p, "publishButton")->isEnabled());
    }

    void aJsonLinesExportReplaysIdentically()
    {
        // Bodies of every kind, written as the window's export and `tail --format jsonl` write
        // them.
        const QByteArrayList bodies{QByteArray("plain"), QByteArray("two\nlines\r\n"),
                                    QByteArray("\xff\x00\x01binary", 9), QByteArray("\"q\" \\")};
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("export.jsonl"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        qint64 ts = 1795659698800655409;
        for (const QByteArray &b : bodies) {
            Message m;
            m.body = b;
            m.timestamp = (ts += 20 * 1000000); // 20 ms apart
            f.write(encodeMessageRecord(m, tcp(), QStringLiteral("orig")) + '\n');
        }
        f.close();
        for (const bool paced : {false, true}) {
            PublishPanel p;
            p.show();
            const QString topic = freshTopic();
            w<QLineEdit>(p, "publishTopic")->setText(topic);
            w<QLineEdit>(p, "publishAddress")->setText(tcp());
            w<QCheckBox>(p, "publishPacing")->setChecked(paced);
            QSignalSpy done(&p, &PublishPanel::finished);
            QCOMPARE(p.replay(path), QString());
            QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, kWait);
            QVERIFY2(done.first().first().toString().startsWith(QLatin1String("Published 4 of 4")),
                     qPrintable(done.first().first().toString()));
            QCOMPARE(bodiesIn(topic), bodies); // in order, byte for byte
        }

        // A record without a timestamp is sent right after the one before, even paced.
        const QString stampless = dir.filePath(QStringLiteral("stampless.jsonl"));
        QFile h(stampless);
        QVERIFY(h.open(QIODevice::WriteOnly));
        h.write(
            "{\"body\":\"first\"}\n{\"body\":\"second\",\"timestamp\":\"1795659698800655409\"}\n");
        h.close();
        {
            PublishPanel p;
            const QString topic = freshTopic();
            w<QLineEdit>(p, "publishTopic")->setText(topic);
            w<QLineEdit>(p, "publishAddress")->setText(tcp());
            w<QCheckBox>(p, "publishPacing")->setChecked(true);
            QSignalSpy done(&p, &PublishPanel::finished);
            QCOMPARE(p.replay(stampless), QString());
            QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, kWait);
            QCOMPARE(bodiesIn(topic), (QByteArrayList{"first", "second"}));
        }

        // A file with a bad line is refused whole, by line number.
        const QString bad = dir.filePath(QStringLiteral("bad.jsonl"));
        QFile g(bad);
        QVERIFY(g.open(QIODevice::WriteOnly));
        g.write("{\"body\":\"ok\"}\nnot a record\n");
        g.close();
        PublishPanel p;
        const QString topic = freshTopic();
        w<QLineEdit>(p, "publishTopic")->setText(topic);
        w<QLineEdit>(p, "publishAddress")->setText(tcp());
        const QString error = p.replay(bad);
        QVERIFY2(error.contains(QLatin1String("line 2")) &&
                     error.contains(QLatin1String("nothing was sent")),
                 qPrintable(error));
        QVERIFY(!m_broker->topic(topic));
    }

    void theWindowHasThePublishDock()
    {
        MainWindow win;
        auto *dock = win.findChild<QDockWidget *>(QStringLiteral("publishDock"));
        QVERIFY(dock);
        QCOMPARE(dock->widget(), static_cast<QWidget *>(win.publisher()));
    }
};

QTEST_MAIN(TstPublish)
#include "tst_publish.moc"
