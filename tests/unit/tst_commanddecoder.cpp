#include <protocol/commanddecoder.h>
#include <protocol/commands.h>

#include <QTest>

using namespace nsq;

class TstCommandDecoder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decodesWhatTheEncodersProduce()
    {
        const MessageId id = MessageId::fromBytes("0123456789abcdef");
        const QByteArray stream = cmd::magic() + cmd::identify("{}") + cmd::sub("t", "c") +
                                  cmd::rdy(5) + cmd::fin(id) + cmd::req(id, 7) +
                                  cmd::mpub("t", {"a", "b"}) + cmd::nop();
        CommandDecoder d;
        QList<Command> got;
        for (char c : stream) {
            d.feed(QByteArrayView(&c, 1));
            while (d.next() == CommandDecoder::Status::CommandReady)
                got << d.command();
        }
        QCOMPARE(got.size(), 7);
        QCOMPARE(got[0].name, QByteArray("IDENTIFY"));
        QCOMPARE(got[0].body, QByteArray("{}"));
        QCOMPARE(got[1].params, QByteArrayList({"t", "c"}));
        QCOMPARE(got[2].params, QByteArrayList({"5"}));
        QCOMPARE(got[4].params, QByteArrayList({"0123456789abcdef", "7"}));
        QCOMPARE(got[5].name, QByteArray("MPUB"));
        QVERIFY(got[5].hasBody);
        QCOMPARE(got[6].name, QByteArray("NOP"));
    }

    void acceptsCrLf()
    {
        CommandDecoder d;
        d.feed("  V2NOP\r\n");
        QCOMPARE(d.next(), CommandDecoder::Status::CommandReady);
        QCOMPARE(d.command().name, QByteArray("NOP"));
    }

    void badMagicFails()
    {
        CommandDecoder d;
        d.feed("GET / HTTP/1.1\r\n");
        QCOMPARE(d.next(), CommandDecoder::Status::Failed);
        QCOMPARE(d.error(), CommandDecoder::Error::BadMagic);
    }

    void giantBodySizeFailsWithoutAllocating()
    {
        CommandDecoder d(1024);
        d.feed(QByteArray("  V2PUB t\n") + QByteArray("\x7f\xff\xff\xff", 4));
        QCOMPARE(d.next(), CommandDecoder::Status::Failed);
        QCOMPARE(d.error(), CommandDecoder::Error::BodyTooLarge);
        QCOMPARE(d.lastDeclaredBodySize(), qint64(0x7fffffff));
    }

    void bodySizeLimitIsExact_data()
    {
        QTest::addColumn<int>("bodySize");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("one below") << 99 << true;
        QTest::newRow("at the limit") << 100 << true;
        QTest::newRow("one above") << 101 << false;
    }
    void bodySizeLimitIsExact()
    {
        QFETCH(int, bodySize);
        QFETCH(bool, accepted);
        CommandDecoder d(100);
        d.feed("  V2");
        d.feed(cmd::pub("t", QByteArray(bodySize, 'x')));
        const auto status = d.next();
        QCOMPARE(status,
                 accepted ? CommandDecoder::Status::CommandReady : CommandDecoder::Status::Failed);
        if (accepted)
            QCOMPARE(d.command().body.size(), bodySize);
        else
            QCOMPARE(d.error(), CommandDecoder::Error::BodyTooLarge);
    }

    void messageSizeIsCheckedForPubAndDpubOnly()
    {
        // PUB and DPUB are checked against the message limit as soon as the size is read;
        // MPUB against the body limit.
        for (const QByteArray &verb : {QByteArray("PUB t\n"), QByteArray("DPUB t 5\n")}) {
            CommandDecoder d(1000);
            d.setMaxMessageSize(100);
            d.feed("  V2" + verb + QByteArray::fromHex("00000065")); // 101, and no body yet
            QCOMPARE(d.next(), CommandDecoder::Status::Failed);
            QCOMPARE(d.error(), CommandDecoder::Error::BodyTooLarge);
            QCOMPARE(d.lastDeclaredBodySize(), 101);
        }
        CommandDecoder d(1000);
        d.setMaxMessageSize(100);
        d.feed("  V2" + cmd::mpub("t", {QByteArray(60, 'a'), QByteArray(60, 'b')}));
        QCOMPARE(d.next(), CommandDecoder::Status::CommandReady);
    }

    void endlessLineFails()
    {
        CommandDecoder d(1024, 64);
        d.feed(QByteArray("  V2") + QByteArray(100, 'A'));
        QCOMPARE(d.next(), CommandDecoder::Status::Failed);
        QCOMPARE(d.error(), CommandDecoder::Error::LineTooLong);
    }
};

QTEST_GUILESS_MAIN(TstCommandDecoder)
#include "tst_commanddecoder.moc"
