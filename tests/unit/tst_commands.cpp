#include <protocol/commands.h>

#include <QTest>

using namespace nsq;

namespace {
const MessageId kId = MessageId::fromBytes("0a1b2c3d4e5f6789");

QByteArray be32(quint32 v)
{
    QByteArray b(4, 0);
    b[0] = char(v >> 24);
    b[1] = char(v >> 16);
    b[2] = char(v >> 8);
    b[3] = char(v);
    return b;
}
} // namespace

class TstCommands : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void encodesByteForByte_data()
    {
        QTest::addColumn<QByteArray>("actual");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("magic") << cmd::magic() << QByteArray("  V2");
        QTest::newRow("identify") << cmd::identify("{\"a\":1}")
                                  << QByteArray("IDENTIFY\n") + be32(7) + "{\"a\":1}";
        QTest::newRow("auth") << cmd::auth("s3cret") << QByteArray("AUTH\n") + be32(6) + "s3cret";
        QTest::newRow("sub") << cmd::sub("events", "archive#ephemeral")
                             << QByteArray("SUB events archive#ephemeral\n");
        QTest::newRow("rdy") << cmd::rdy(2500) << QByteArray("RDY 2500\n");
        QTest::newRow("rdy0") << cmd::rdy(0) << QByteArray("RDY 0\n");
        QTest::newRow("fin") << cmd::fin(kId) << QByteArray("FIN 0a1b2c3d4e5f6789\n");
        QTest::newRow("req") << cmd::req(kId, 90000) << QByteArray("REQ 0a1b2c3d4e5f6789 90000\n");
        QTest::newRow("req0") << cmd::req(kId, 0) << QByteArray("REQ 0a1b2c3d4e5f6789 0\n");
        QTest::newRow("touch") << cmd::touch(kId) << QByteArray("TOUCH 0a1b2c3d4e5f6789\n");
        QTest::newRow("cls") << cmd::cls() << QByteArray("CLS\n");
        QTest::newRow("nop") << cmd::nop() << QByteArray("NOP\n");
        QTest::newRow("pub") << cmd::pub("t", "hello") << QByteArray("PUB t\n") + be32(5) + "hello";
        QTest::newRow("pub-binary") << cmd::pub("t", QByteArray("\0\n\xff", 3))
                                    << QByteArray("PUB t\n") + be32(3) + QByteArray("\0\n\xff", 3);
        QTest::newRow("mpub") << cmd::mpub("t", {"ab", "", "xyz"})
                              << QByteArray("MPUB t\n") + be32(4 + 4 + 2 + 4 + 0 + 4 + 3) +
                                     be32(3) + be32(2) + "ab" + be32(0) + be32(3) + "xyz";
        QTest::newRow("dpub") << cmd::dpub("t", 1500, "later")
                              << QByteArray("DPUB t 1500\n") + be32(5) + "later";
    }
    void encodesByteForByte()
    {
        QFETCH(QByteArray, actual);
        QFETCH(QByteArray, expected);
        QCOMPARE(actual.toHex(' '), expected.toHex(' '));
    }

    void appendFormsBatchCommands()
    {
        QByteArray out;
        cmd::appendFin(out, kId);
        cmd::appendReq(out, kId, 10);
        cmd::appendTouch(out, kId);
        cmd::appendRdy(out, 1);
        QCOMPARE(out, QByteArray("FIN 0a1b2c3d4e5f6789\nREQ 0a1b2c3d4e5f6789 10\n"
                                 "TOUCH 0a1b2c3d4e5f6789\nRDY 1\n"));
    }

    void negativeNumbersEncodeAsText()
    {
        // Not something Conn sends (it refuses), but the encoder itself stays exact.
        QCOMPARE(cmd::req(kId, -1), QByteArray("REQ 0a1b2c3d4e5f6789 -1\n"));
        QCOMPARE(cmd::rdy(std::numeric_limits<qint64>::min()),
                 QByteArray("RDY -9223372036854775808\n"));
    }
};

QTEST_GUILESS_MAIN(TstCommands)
#include "tst_commands.moc"
