// Messages as JSON Lines records: every body comes back byte for byte, and bad lines say why.
#include <protocol/messagerecord.h>

#include <QJsonDocument>
#include <QTest>

using namespace nsq;

class TstMessageRecord : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("encoding");
        QTest::newRow("text") << QByteArray("hello") << "utf-8";
        QTest::newRow("unicode") << QByteArray("h\xc3\xa9llo \xe4\xb8\xad") << "utf-8";
        QTest::newRow("newlines and quotes")
            << QByteArray("line 1\nline 2\r\n\"quoted\"\t\\") << "utf-8";
        QTest::newRow("nul byte") << QByteArray("a\0b", 3) << "utf-8";
        QTest::newRow("invalid utf-8") << QByteArray("\xff\xfe\x00\x01", 4) << "base64";
        QTest::newRow("truncated sequence") << QByteArray("ok \xe4\xb8") << "base64";
        QTest::newRow("overlong encoding") << QByteArray("\xc0\xaf") << "base64";
        QTest::newRow("surrogate half") << QByteArray("\xed\xa0\x80") << "base64";
        QByteArray all;
        for (int i = 0; i < 256; ++i)
            all.append(char(i));
        QTest::newRow("every byte") << all << "base64";
    }

    void roundTrip()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, encoding);
        Message m;
        m.id = MessageId::fromBytes("0123456789abcdef");
        m.timestamp = 1795659698800655409; // past 2^53: must not lose digits
        m.attempts = 3;
        m.body = body;
        const QByteArray line =
            encodeMessageRecord(m, QStringLiteral("127.0.0.1:4150"), QStringLiteral("events"));
        QVERIFY(!line.contains('\n'));
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        QCOMPARE(o.value(QLatin1String("body_encoding")).toString(), encoding);
        QCOMPARE(o.value(QLatin1String("published")).toString(),
                 QStringLiteral("2026-11-26T02:21:38.800Z"));
        const auto r = decodeMessageRecord(line);
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(r.value().message.body, body);
        QCOMPARE(r.value().message.timestamp, m.timestamp);
        QCOMPARE(r.value().message.attempts, quint16(3));
        QCOMPARE(r.value().message.id, m.id);
        QCOMPARE(r.value().nsqd, QStringLiteral("127.0.0.1:4150"));
        QCOMPARE(r.value().topic, QStringLiteral("events"));
    }

    void readsTheOlderExport()
    {
        const auto r = decodeMessageRecord(
            R"({"id":"0123456789abcdef","body_base64":"/w==","source":"h:1","state":"held"})");
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(r.value().message.body, QByteArray("\xff"));
        QCOMPARE(r.value().nsqd, QStringLiteral("h:1"));
    }

    void badLinesSayWhy_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("why");
        QTest::newRow("not json") << QByteArray("hello") << "not JSON";
        QTest::newRow("array") << QByteArray("[1]") << "not a JSON object";
        QTest::newRow("no body") << QByteArray(R"({"id":"x"})") << "no \"body\"";
        QTest::newRow("body not a string") << QByteArray(R"({"body":3})") << "no \"body\"";
        QTest::newRow("bad base64")
            << QByteArray(R"({"body":"!!","body_encoding":"base64"})") << "not valid base64";
        QTest::newRow("unknown encoding")
            << QByteArray(R"({"body":"x","body_encoding":"rot13"})") << "unknown \"body_encoding\"";
        QTest::newRow("lone surrogate")
            << QByteArray(R"({"body":"a\ud800b"})") << "half a UTF-16 surrogate pair";
        QTest::newRow("bad timestamp")
            << QByteArray(R"({"body":"x","timestamp":"soon"})") << "not nanoseconds";
    }

    void badLinesSayWhy()
    {
        QFETCH(QByteArray, line);
        QFETCH(QString, why);
        const auto r = decodeMessageRecord(line);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().contains(why), qPrintable(r.error()));
    }
};

QTEST_MAIN(TstMessageRecord)
#include "tst_messagerecord.moc"
