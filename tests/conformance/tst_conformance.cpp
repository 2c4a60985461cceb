// Server conformance: what nsqd does on the wire, checked through raw sockets.
// By default against the embedded broker; with NSQD_TCP_ADDRESS (and NSQD_HTTP_ADDRESS) set,
// against those servers instead. Every case uses fresh random names, so a shared server is fine.
#include "rawclient.h"
#include "servertarget.h"

#include <broker/broker.h>
#include <broker/lookupd.h>
#include <client/address.h>
#include <protocol/bytes.h>
#include <protocol/commands.h>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTest>
#include <QUrl>

#include <memory>

using namespace nsq;

namespace {

constexpr int kWait = 15000;
const MessageId kUnknownId = MessageId::fromBytes("0123456789abcdef");

// Every key path of a JSON value, arrays as "[]" (their first element stands for all).
QStringList keyPaths(const QJsonValue &v, const QString &prefix = {})
{
    QStringList out;
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            out += keyPaths(it.value(),
                            prefix.isEmpty() ? it.key() : prefix + QLatin1Char('/') + it.key());
    } else if (v.isArray()) {
        const QJsonArray a = v.toArray();
        out += a.isEmpty() ? QStringList{prefix + QLatin1String("[]")}
                           : keyPaths(a.first(), prefix + QLatin1String("[]"));
    } else {
        out << prefix;
    }
    out.removeDuplicates();
    out.sort();
    return out;
}

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

class TstConformance : public QObject
{
    Q_OBJECT

    ServerTarget m_target;

    // One number from the channel "c" of the topic in /stats; -1 when absent.
    int channelCount(const QString &topic, const char *key)
    {
        return m_target.channelStats(topic, QStringLiteral("c"))
            .value(QLatin1String(key))
            .toInt(-1);
    }

    std::unique_ptr<RawClient> client()
    {
        auto c = std::make_unique<RawClient>();
        if (!c->connectTo(m_target.host(), m_target.tcpPort()))
            return nullptr;
        return c;
    }

    // A subscribed consumer with RDY n and the given IDENTIFY settings.
    std::unique_ptr<RawClient> consumer(const QString &topic, const QString &channel, int rdy,
                                        const QJsonObject &identify = {})
    {
        auto c = client();
        if (!c)
            return nullptr;
        if (!identify.isEmpty() && !c->identify(json(identify)))
            return nullptr;
        if (!c->subscribe(topic, channel))
            return nullptr;
        c->send(cmd::rdy(rdy));
        return c;
    }

    bool publish(const QString &topic, const QByteArray &body)
    {
        auto c = client();
        if (!c)
            return false;
        c->send(cmd::pub(topic.toLatin1(), body));
        const auto f = c->next(kWait);
        return f && f->isResponse() && f->data == "OK";
    }

    // The error frame a command provokes, and whether the server then hung up.
    struct Outcome
    {
        QByteArray error;
        bool closed = false;
    };
    Outcome errorAfter(RawClient &c, const QByteArray &command)
    {
        Outcome o;
        c.send(command);
        const auto f = c.next(kWait);
        if (f && f->isError())
            o.error = f->data;
        o.closed = c.waitForClosed(o.error.startsWith("E_FIN_FAILED") ||
                                           o.error.startsWith("E_REQ_FAILED") ||
                                           o.error.startsWith("E_TOUCH_FAILED")
                                       ? 300
                                       : kWait);
        return o;
    }

    // Proves the connection is alive and in step: a PUB answered with OK.
    bool stillWorks(RawClient &c)
    {
        c.send(cmd::pub(ServerTarget::freshName("alive").toLatin1(), "x"));
        const auto f = c.next(kWait);
        return f && f->isResponse() && f->data == "OK";
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString error = m_target.start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        qInfo("conformance target: %s", qPrintable(m_target.describe()));
    }

    void identifyWithFeatureNegotiationAnswersSettings()
    {
        auto c = client();
        QVERIFY(c);
        const auto answer = c->identify(R"({"feature_negotiation":true,"client_id":"conf"})");
        QVERIFY(answer);
        const QJsonObject o = QJsonDocument::fromJson(*answer).object();
        for (const char *key :
             {"max_rdy_count", "version", "max_msg_timeout", "msg_timeout", "tls_v1", "deflate",
              "deflate_level", "max_deflate_level", "snappy", "sample_rate", "auth_required",
              "output_buffer_size", "output_buffer_timeout"})
            QVERIFY2(o.contains(QLatin1String(key)), key);
        QCOMPARE(o.value(QLatin1String("max_rdy_count")).toInt(), 2500);
        QCOMPARE(o.value(QLatin1String("msg_timeout")).toInt(), 60000);
        QCOMPARE(o.value(QLatin1String("max_msg_timeout")).toInt(), 900000);
    }

    void identifyWithoutNegotiationAnswersOk()
    {
        auto c = client();
        QVERIFY(c);
        const auto answer = c->identify(R"({"client_id":"conf"})");
        QVERIFY(answer);
        QCOMPARE(*answer, QByteArray("OK"));
    }

    void secondIdentifyBeforeSubIsAnsweredAgain()
    {
        // nsqd takes IDENTIFY again until SUB, and answers it like the first (observed).
        auto c = client();
        QVERIFY(c);
        QVERIFY(c->identify(R"({"feature_negotiation":true})"));
        const auto again = c->identify(R"({"feature_negotiation":true,"msg_timeout":5000})");
        QVERIFY(again);
        QCOMPARE(
            QJsonDocument::fromJson(*again).object().value(QLatin1String("msg_timeout")).toInt(),
            5000);
        QVERIFY(stillWorks(*c));
    }

    void identifyWithoutNegotiationIgnoresCompressionChoices()
    {
        // Without feature_negotiation nsqd answers OK before looking at snappy/deflate, and
        // enables neither (observed).
        auto c = client();
        QVERIFY(c);
        const auto answer = c->identify(R"({"snappy":true,"deflate":true})");
        QVERIFY(answer);
        QCOMPARE(*answer, QByteArray("OK"));
        QVERIFY(stillWorks(*c)); // answered in plain text
    }

    void identifyAfterSubIsInvalid()
    {
        auto c = client();
        QVERIFY(c);
        QVERIFY(c->subscribe(ServerTarget::freshName("t"), QStringLiteral("c")));
        const Outcome o = errorAfter(*c, cmd::identify(R"({"feature_negotiation":true})"));
        QCOMPARE(o.error, QByteArray("E_INVALID cannot IDENTIFY in current state"));
        QVERIFY(o.closed);
    }

    // Bad input to every command, and nsqd's exact answer to it; each closes the connection.
    void badInputIsRefusedAsNsqdRefusesIt_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("error");
        const auto size = [](quint32 n) {
            QByteArray b;
            appendBigEndian32(b, n);
            return b;
        };
        const QByteArray sub = cmd::sub("conformance-bad", "c");
        const QByteArray hbOff = cmd::identify(R"({"heartbeat_interval":-1})");
        QTest::newRow("IDENTIFY not JSON")
            << cmd::identify("not json")
            << QByteArray("E_BAD_BODY IDENTIFY failed to decode JSON body");
        QTest::newRow("IDENTIFY empty body")
            << "IDENTIFY\n" + size(0) << QByteArray("E_BAD_BODY IDENTIFY invalid body size 0");
        QTest::newRow("IDENTIFY body above max")
            << "IDENTIFY\n" + size(5242881)
            << QByteArray("E_BAD_BODY IDENTIFY body too big 5242881 > 5242880");
        QTest::newRow("IDENTIFY heartbeat_interval")
            << cmd::identify(R"({"heartbeat_interval":999})")
            << QByteArray("E_BAD_BODY IDENTIFY heartbeat interval (999) is invalid");
        QTest::newRow("IDENTIFY sample_rate")
            << cmd::identify(R"({"sample_rate":100})")
            << QByteArray("E_BAD_BODY IDENTIFY sample rate (100) is invalid");
        QTest::newRow("IDENTIFY msg_timeout")
            << cmd::identify(R"({"msg_timeout":999})")
            << QByteArray("E_BAD_BODY IDENTIFY msg timeout (999) is invalid");
        QTest::newRow("IDENTIFY output_buffer_size")
            << cmd::identify(R"({"output_buffer_size":10})")
            << QByteArray("E_BAD_BODY IDENTIFY output buffer size (10) is invalid");
        QTest::newRow("IDENTIFY output_buffer_timeout")
            << cmd::identify(R"({"output_buffer_timeout":3600000})")
            << QByteArray("E_BAD_BODY IDENTIFY output buffer timeout (3600000) is invalid");
        QTest::newRow("IDENTIFY snappy and deflate")
            << cmd::identify(R"({"feature_negotiation":true,"snappy":true,"deflate":true})")
            << QByteArray("E_IDENTIFY_FAILED cannot enable both deflate and snappy compression");
        QTest::newRow("AUTH on a server without it")
            << cmd::auth("secret") << QByteArray("E_AUTH_DISABLED AUTH disabled");
        QTest::newRow("AUTH empty body")
            << "AUTH\n" + size(0) << QByteArray("E_BAD_BODY AUTH invalid body size 0");
        QTest::newRow("AUTH with a parameter")
            << "AUTH x\n" + size(1) + "s"
            << QByteArray("E_INVALID AUTH invalid number of parameters");
        QTest::newRow("SUB with heartbeats off")
            << hbOff + sub << QByteArray("E_INVALID cannot SUB with heartbeats disabled");
        QTest::newRow("SUB bad channel")
            << QByteArray("SUB conformance-bad bad!\n")
            << QByteArray("E_BAD_CHANNEL SUB channel name \"bad!\" is not valid");
        QTest::newRow("SUB too few parameters")
            << QByteArray("SUB t\n")
            << QByteArray("E_INVALID SUB insufficient number of parameters");
        QTest::newRow("RDY not a number") << sub + "RDY x\n"
                                          << QByteArray("E_INVALID RDY could not parse count x");
        QTest::newRow("FIN before SUB")
            << cmd::fin(kUnknownId) << QByteArray("E_INVALID cannot FIN in current state");
        QTest::newRow("REQ before SUB")
            << cmd::req(kUnknownId, 0) << QByteArray("E_INVALID cannot REQ in current state");
        QTest::newRow("TOUCH before SUB")
            << cmd::touch(kUnknownId) << QByteArray("E_INVALID cannot TOUCH in current state");
        QTest::newRow("FIN short ID") << sub + "FIN 123\n"
                                      << QByteArray("E_INVALID invalid message ID");
        QTest::newRow("FIN no ID") << sub + "FIN\n"
                                   << QByteArray("E_INVALID FIN insufficient number of params");
        QTest::newRow("REQ no timeout")
            << sub + "REQ 0123456789abcdef\n"
            << QByteArray("E_INVALID REQ insufficient number of params");
        QTest::newRow("CLS before SUB")
            << cmd::cls() << QByteArray("E_INVALID cannot CLS in current state");
        QTest::newRow("PUB no topic")
            << "PUB\n" + size(1) + "x"
            << QByteArray("E_INVALID PUB insufficient number of parameters");
        QTest::newRow("PUB bad topic")
            << "PUB bad!\n" + size(1) + "x"
            << QByteArray("E_BAD_TOPIC PUB topic name \"bad!\" is not valid");
        QTest::newRow("PUB empty body")
            << "PUB t\n" + size(0) << QByteArray("E_BAD_MESSAGE PUB invalid message body size 0");
        QTest::newRow("DPUB timeout not a number")
            << "DPUB t x\n" + size(1) + "x"
            << QByteArray("E_INVALID DPUB could not parse timeout x");
        QTest::newRow("DPUB timeout above max")
            << "DPUB t 3600001\n" + size(1) + "x"
            << QByteArray("E_INVALID DPUB timeout 3600001 out of range 0-3600000");
        QTest::newRow("DPUB empty body")
            << "DPUB t 10\n" + size(0)
            << QByteArray("E_BAD_MESSAGE DPUB invalid message body size 0");
        QTest::newRow("DPUB too big")
            << "DPUB t 10\n" + size(1048577)
            << QByteArray("E_BAD_MESSAGE DPUB message too big 1048577 > 1048576");
        QTest::newRow("DPUB no timeout")
            << "DPUB t\n" + size(1) + "x"
            << QByteArray("E_INVALID DPUB insufficient number of parameters");
        QTest::newRow("MPUB bad topic")
            << "MPUB bad!\n" + size(9) + size(1) + size(1) + "x"
            << QByteArray("E_BAD_TOPIC E_BAD_TOPIC MPUB topic name \"bad!\" is not valid");
        QTest::newRow("MPUB empty body")
            << "MPUB t\n" + size(0) << QByteArray("E_BAD_BODY MPUB invalid body size 0");
        QTest::newRow("MPUB count 0") << "MPUB t\n" + size(4) + size(0)
                                      << QByteArray("E_BAD_BODY MPUB invalid message count 0");
        QTest::newRow("MPUB count above what fits")
            << "MPUB t\n" + size(8) + size(1048576)
            << QByteArray("E_BAD_BODY MPUB invalid message count 1048576");
        QTest::newRow("MPUB empty message")
            << "MPUB t\n" + size(8) + size(1) + size(0)
            << QByteArray("E_BAD_MESSAGE MPUB invalid message(0) body size 0");
        QTest::newRow("MPUB message too big")
            << "MPUB t\n" + size(2000000) + size(1) + size(1048577)
            << QByteArray("E_BAD_MESSAGE MPUB message too big 1048577 > 1048576");
    }
    void badInputIsRefusedAsNsqdRefusesIt()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, error);
        auto c = client();
        QVERIFY(c);
        c->send(input);
        // Answers to what went before (IDENTIFY, SUB) come first; the error is what counts.
        auto f = c->next(kWait);
        while (f && !f->isError())
            f = c->next(kWait);
        QVERIFY2(f, "no error frame");
        QCOMPARE(f->data, error);
        QVERIFY(c->waitForClosed(kWait));
        QVERIFY(publish(ServerTarget::freshName("t"), "still serving"));
    }

    void subWorksWithoutIdentify()
    {
        auto c = client();
        QVERIFY(c);
        QVERIFY(c->subscribe(ServerTarget::freshName("t"), QStringLiteral("c")));
    }

    void secondSubIsInvalid()
    {
        auto c = client();
        QVERIFY(c);
        const QString topic = ServerTarget::freshName("t");
        QVERIFY(c->subscribe(topic, QStringLiteral("c")));
        const Outcome o = errorAfter(*c, cmd::sub(topic.toLatin1(), "other"));
        QCOMPARE(o.error, QByteArray("E_INVALID cannot SUB in current state"));
        QVERIFY(o.closed);
    }

    void subWithBadNames_data()
    {
        QTest::addColumn<QByteArray>("topic");
        QTest::addColumn<QByteArray>("channel");
        QTest::addColumn<QByteArray>("code");
        QTest::newRow("topic") << QByteArray("bad!topic") << QByteArray("c")
                               << QByteArray("E_BAD_TOPIC");
        QTest::newRow("channel") << QByteArray("t") << QByteArray("bad!channel")
                                 << QByteArray("E_BAD_CHANNEL");
    }
    void subWithBadNames()
    {
        QFETCH(QByteArray, topic);
        QFETCH(QByteArray, channel);
        QFETCH(QByteArray, code);
        auto c = client();
        QVERIFY(c);
        const Outcome o = errorAfter(*c, cmd::sub(topic, channel));
        QVERIFY2(o.error.startsWith(code + ' '), o.error.constData());
        QVERIFY(o.closed);
    }

    void rdyBeforeSubIsInvalid()
    {
        auto c = client();
        QVERIFY(c);
        const Outcome o = errorAfter(*c, cmd::rdy(1));
        QCOMPARE(o.error, QByteArray("E_INVALID cannot RDY in current state"));
        QVERIFY(o.closed);
    }

    void rdyAboveMaxIsInvalid()
    {
        auto c = client();
        QVERIFY(c);
        QVERIFY(c->subscribe(ServerTarget::freshName("t"), QStringLiteral("c")));
        const Outcome o = errorAfter(*c, cmd::rdy(3000));
        QCOMPARE(o.error, QByteArray("E_INVALID RDY count 3000 out of range 0-2500"));
        QVERIFY(o.closed);
    }

    void finUnknownIdKeepsConnection()
    {
        auto c = client();
        QVERIFY(c);
        QVERIFY(c->subscribe(ServerTarget::freshName("t"), QStringLiteral("c")));
        const Outcome o = errorAfter(*c, cmd::fin(kUnknownId));
        QCOMPARE(o.error, QByteArray("E_FIN_FAILED FIN 0123456789abcdef failed ID not in flight"));
        QVERIFY(!o.closed);
        QVERIFY(stillWorks(*c));
    }

    void touchUnknownIdKeepsConnection()
    {
        auto c = client();
        QVERIFY(c);
        QVERIFY(c->subscribe(ServerTarget::freshName("t"), QStringLiteral("c")));
        const Outcome o = errorAfter(*c, cmd::touch(kUnknownId));
        QVERIFY2(o.error.startsWith("E_TOUCH_FAILED TOUCH 0123456789abcdef failed"),
                 o.error.constData());
        QVERIFY(!o.closed);
        QVERIFY(stillWorks(*c));
    }

    void reqUnknownIdKeepsConnection()
    {
        auto c = client();
        QVERIFY(c);
        QVERIFY(c->subscribe(ServerTarget::freshName("t"), QStringLiteral("c")));
        const Outcome o = errorAfter(*c, cmd::req(kUnknownId, 0));
        QVERIFY2(o.error.startsWith("E_REQ_FAILED REQ 0123456789abcdef failed"),
                 o.error.constData());
        QVERIFY(!o.closed);
        QVERIFY(stillWorks(*c));
    }

    void reqNegativeClosesConnection()
    {
        auto c = client();
        QVERIFY(c);
        QVERIFY(c->subscribe(ServerTarget::freshName("t"), QStringLiteral("c")));
        const Outcome o = errorAfter(*c, cmd::req(kUnknownId, -1));
        QCOMPARE(o.error, QByteArray("E_INVALID REQ could not parse timeout -1"));
        QVERIFY(o.closed);
    }

    void reqAboveMaxIsClampedSilently()
    {
        const QString topic = ServerTarget::freshName("t");
        auto c = consumer(topic, QStringLiteral("c"), 1);
        QVERIFY(c);
        QVERIFY(publish(topic, "clamp me"));
        const auto m = c->nextMessage(kWait);
        QVERIFY(m);
        c->send(cmd::req(m->id, 99999999999LL));
        QVERIFY(stillWorks(*c)); // no error frame came first, and the connection is open
        // Taken, not refused: the message waits in the deferred queue.
        QCOMPARE(m_target.channelStats(topic, QStringLiteral("c"))
                     .value(QLatin1String("deferred_count"))
                     .toInt(),
                 1);
    }

    void clsAnswersCloseWait()
    {
        auto c = client();
        QVERIFY(c);
        QVERIFY(c->subscribe(ServerTarget::freshName("t"), QStringLiteral("c")));
        c->send(cmd::cls());
        const auto f = c->next(kWait);
        QVERIFY(f);
        QVERIFY(f->isResponse());
        QCOMPARE(f->data, QByteArray("CLOSE_WAIT"));
    }

    void nopAnswersNothing()
    {
        auto c = client();
        QVERIFY(c);
        c->send(cmd::nop());
        QVERIFY(stillWorks(*c)); // the first frame back is the PUB's OK
    }

    void unknownCommandClosesConnection()
    {
        auto c = client();
        QVERIFY(c);
        const Outcome o = errorAfter(*c, "BOGUS\n");
        QCOMPARE(o.error, QByteArray("E_INVALID invalid command BOGUS"));
        QVERIFY(o.closed);
    }

    void pubMpubDpubAreDelivered()
    {
        const QString topic = ServerTarget::freshName("t");
        auto c = consumer(topic, QStringLiteral("c"), 10);
        QVERIFY(c);
        auto p = client();
        QVERIFY(p);
        p->send(cmd::pub(topic.toLatin1(), "one"));
        p->send(cmd::mpub(topic.toLatin1(), {"two", "three"}));
        p->send(cmd::dpub(topic.toLatin1(), 0, "four"));
        for (int i = 0; i < 3; ++i) {
            const auto f = p->next(kWait);
            QVERIFY(f && f->isResponse() && f->data == "OK");
        }
        QSet<QByteArray> bodies;
        for (int i = 0; i < 4; ++i) {
            const auto m = c->nextMessage(kWait);
            QVERIFY(m);
            QCOMPARE(m->attempts, quint16(1));
            bodies.insert(m->body);
            c->send(cmd::fin(m->id));
        }
        QCOMPARE(bodies, QSet<QByteArray>({"one", "two", "three", "four"}));
    }

    void dpubWaitsForItsDelay()
    {
        const QString topic = ServerTarget::freshName("t");
        auto c = consumer(topic, QStringLiteral("c"), 10);
        QVERIFY(c);
        auto p = client();
        QVERIFY(p);
        QElapsedTimer sinceSend;
        sinceSend.start();
        p->send(cmd::dpub(topic.toLatin1(), 1000, "later"));
        const auto ok = p->next(kWait);
        QVERIFY(ok && ok->data == "OK");
        const auto m = c->nextMessage(kWait);
        QVERIFY(m);
        QCOMPARE(m->body, QByteArray("later"));
        // A lower bound only: the message must not come early. How late is not asserted.
        QVERIFY2(sinceSend.elapsed() >= 950, qPrintable(QString::number(sinceSend.elapsed())));
    }

    void dpubToATopicWithoutChannelKeepsItsDelay()
    {
        const QString topic = ServerTarget::freshName("t");
        auto p = client();
        QVERIFY(p);
        p->send(cmd::dpub(topic.toLatin1(), 1500, "deferred"));
        const auto ok = p->next(kWait);
        QVERIFY(ok && ok->data == "OK");
        QTest::qWait(1000); // the topic spends a while with no channel: part of the case
        QElapsedTimer sinceSub;
        sinceSub.start();
        auto c = consumer(topic, QStringLiteral("c"), 10);
        QVERIFY(c);
        const auto m = c->nextMessage(kWait);
        QVERIFY(m);
        QCOMPARE(m->body, QByteArray("deferred"));
        // nsqd starts the delay when the message reaches the channel, not when it was published.
        QVERIFY2(sinceSub.elapsed() >= 1450, qPrintable(QString::number(sinceSub.elapsed())));
    }

    void dpubWhileTheTopicIsPausedKeepsItsDelay()
    {
        const QString topic = ServerTarget::freshName("t");
        auto c = consumer(topic, QStringLiteral("c"), 10);
        QVERIFY(c);
        QCOMPARE(m_target.http().post(QStringLiteral("/topic/pause?topic=") + topic).status, 200);
        auto p = client();
        QVERIFY(p);
        p->send(cmd::dpub(topic.toLatin1(), 1500, "deferred"));
        const auto ok = p->next(kWait);
        QVERIFY(ok && ok->data == "OK");
        QTest::qWait(1000); // paused for a while: part of the case
        QElapsedTimer sinceUnpause;
        sinceUnpause.start();
        QCOMPARE(m_target.http().post(QStringLiteral("/topic/unpause?topic=") + topic).status, 200);
        const auto m = c->nextMessage(kWait);
        QVERIFY(m);
        QCOMPARE(m->body, QByteArray("deferred"));
        QVERIFY2(sinceUnpause.elapsed() >= 1450,
                 qPrintable(QString::number(sinceUnpause.elapsed())));
    }

    void touchExtendsTheMessageTimeout()
    {
        const QString topic = ServerTarget::freshName("t");
        auto c = consumer(topic, QStringLiteral("c"), 1,
                          QJsonObject{{QStringLiteral("msg_timeout"), 1000}});
        QVERIFY(c);
        QVERIFY(publish(topic, "kept"));
        const auto m = c->nextMessage(kWait);
        QVERIFY(m);
        // Seven msg_timeouts (nsqd scans a new channel's timeouts only every 5 s), each one
        // renewed by a TOUCH in time: the message is never taken back nor handed out again.
        QElapsedTimer held;
        held.start();
        while (held.elapsed() < 7000) {
            c->send(cmd::touch(m->id));
            const auto f = c->next(400); // the pace of the touching, and nothing may arrive
            QVERIFY2(!f, f ? f->data.constData() : "");
        }
        c->send(cmd::fin(m->id));
        QVERIFY(stillWorks(*c)); // a refused FIN would have come before this OK
        const QJsonObject ch = m_target.channelStats(topic, QStringLiteral("c"));
        QCOMPARE(ch.value(QLatin1String("timeout_count")).toInt(), 0);
        QCOMPARE(ch.value(QLatin1String("in_flight_count")).toInt(), 0);
    }

    void touchStopsAtMaxMsgTimeout()
    {
        const QString topic = ServerTarget::freshName("t");
        // The embedded broker gets a small max_msg_timeout of its own; a real nsqd must be
        // started with one.
        std::unique_ptr<Broker> small;
        QString host = m_target.host();
        quint16 port = m_target.tcpPort();
        if (m_target.broker()) {
            BrokerConfig bc;
            bc.maxMsgTimeout = 3000;
            bc.msgTimeout = 2000;
            small = std::make_unique<Broker>(bc);
            QCOMPARE(small->start(), QString());
            port = small->tcpPort();
        }
        auto c = std::make_unique<RawClient>(), p = std::make_unique<RawClient>();
        QVERIFY(c->connectTo(host, port) && p->connectTo(host, port));
        const auto answer = c->identify(R"({"feature_negotiation":true,"msg_timeout":1000})");
        QVERIFY(answer);
        const int maxMsgTimeout = QJsonDocument::fromJson(*answer)
                                      .object()
                                      .value(QLatin1String("max_msg_timeout"))
                                      .toInt();
        if (maxMsgTimeout > 3000)
            QSKIP("needs an nsqd with max_msg_timeout of 3 s at most (--max-msg-timeout=3s)");
        QVERIFY(c->subscribe(topic, QStringLiteral("c")));
        c->send(cmd::rdy(1));
        p->send(cmd::pub(topic.toLatin1(), "capped"));
        const auto published = p->next(kWait);
        QVERIFY(published && published->data == "OK");
        const auto m = c->nextMessage(kWait);
        QVERIFY(m);
        // Touching for ever does not keep it: past max_msg_timeout nsqd takes it back.
        QElapsedTimer held;
        held.start();
        std::optional<Message> again;
        while (!again && held.elapsed() < kWait) {
            c->send(cmd::touch(m->id));
            again = c->nextMessage(300);
        }
        QVERIFY(again);
        QCOMPARE(again->id, m->id);
        QCOMPARE(again->attempts, quint16(2));
        QVERIFY2(held.elapsed() >= maxMsgTimeout - 100,
                 qPrintable(QString::number(held.elapsed())));
    }

    void messagesWaitInTopicUntilAChannelExists()
    {
        const QString topic = ServerTarget::freshName("t");
        QVERIFY(publish(topic, "early"));
        auto c = consumer(topic, QStringLiteral("c"), 1);
        QVERIFY(c);
        const auto m = c->nextMessage(kWait);
        QVERIFY(m);
        QCOMPARE(m->body, QByteArray("early"));
    }

    void redeliveryAfterMsgTimeout()
    {
        const QString topic = ServerTarget::freshName("t");
        auto c = consumer(topic, QStringLiteral("c"), 1,
                          QJsonObject{{QStringLiteral("msg_timeout"), 1000}});
        QVERIFY(c);
        QVERIFY(publish(topic, "timeout me"));
        const auto first = c->nextMessage(kWait);
        QVERIFY(first);
        QCOMPARE(first->attempts, quint16(1));
        // Neither FIN nor REQ nor TOUCH: the server takes it back and hands it out again.
        const auto second = c->nextMessage(kWait);
        QVERIFY(second);
        QCOMPARE(second->id, first->id);
        QCOMPARE(second->attempts, quint16(2));
        QCOMPARE(second->body, QByteArray("timeout me"));
    }

    void requeueRedeliversWithAttemptsPlusOne()
    {
        const QString topic = ServerTarget::freshName("t");
        auto c = consumer(topic, QStringLiteral("c"), 1);
        QVERIFY(c);
        QVERIFY(publish(topic, "again"));
        const auto first = c->nextMessage(kWait);
        QVERIFY(first);
        c->send(cmd::req(first->id, 0));
        const auto second = c->nextMessage(kWait);
        QVERIFY(second);
        QCOMPARE(second->id, first->id);
        QCOMPARE(second->attempts, quint16(2));
    }

    void rdyLimitsMessagesInFlight()
    {
        const QString topic = ServerTarget::freshName("t");
        auto c = consumer(topic, QStringLiteral("c"), 2);
        QVERIFY(c);
        auto p = client();
        QVERIFY(p);
        p->send(cmd::mpub(topic.toLatin1(), {"1", "2", "3", "4"}));
        QVERIFY(p->next(kWait));
        const auto a = c->nextMessage(kWait);
        const auto b = c->nextMessage(kWait);
        QVERIFY(a && b);
        // With two in flight and RDY 2 the server holds the other two back (its own count is the
        // judge: a frame not sent cannot be waited for), and a third only comes after a FIN.
        QTRY_COMPARE_WITH_TIMEOUT(channelCount(topic, "in_flight_count"), 2, kWait);
        QCOMPARE(channelCount(topic, "depth"), 2);
        c->send(cmd::fin(a->id));
        const auto third = c->nextMessage(kWait);
        QVERIFY(third);
        QVERIFY(third->id != a->id && third->id != b->id);
        QTRY_COMPARE_WITH_TIMEOUT(channelCount(topic, "depth"), 1, kWait);
        QCOMPARE(channelCount(topic, "in_flight_count"), 2);
    }

    void sampleRateDeliversAboutThatShare()
    {
        // sample_rate 50: each message goes to this client with a chance of about a half; the
        // others are dropped for it (nsqd takes them off the channel all the same).
        const QString topic = ServerTarget::freshName("t");
        auto c = consumer(topic, QStringLiteral("c"), 2500,
                          QJsonObject{{QStringLiteral("sample_rate"), 50}});
        QVERIFY(c);
        auto p = client();
        QVERIFY(p);
        QByteArrayList bodies;
        for (int i = 0; i < 400; ++i)
            bodies << QByteArray::number(i);
        p->send(cmd::mpub(topic.toLatin1(), bodies));
        QVERIFY(p->next(kWait));
        // The channel has handed out or dropped every one: what it delivered is in flight.
        QTRY_COMPARE_WITH_TIMEOUT(channelCount(topic, "depth"), 0, kWait);
        const int delivered = channelCount(topic, "in_flight_count");
        int received = 0;
        while (received < delivered && c->nextMessage(kWait))
            ++received;
        QCOMPARE(received, delivered);
        // Binomial(400, ~0.5): 120 and 290 are more than eight standard deviations out.
        QVERIFY2(delivered > 120 && delivered < 290, qPrintable(QString::number(delivered)));
    }

    void fanOutToTwoChannels()
    {
        const QString topic = ServerTarget::freshName("t");
        auto a = consumer(topic, QStringLiteral("a"), 1);
        auto b = consumer(topic, QStringLiteral("b"), 1);
        QVERIFY(a && b);
        QVERIFY(publish(topic, "everyone"));
        const auto ma = a->nextMessage(kWait);
        const auto mb = b->nextMessage(kWait);
        QVERIFY(ma && mb);
        QCOMPARE(ma->body, QByteArray("everyone"));
        QCOMPARE(mb->body, QByteArray("everyone"));
        QCOMPARE(ma->id, mb->id);
    }

    void heartbeatSentAndSilentClientClosed()
    {
        auto c = client();
        QVERIFY(c);
        QVERIFY(c->identify(R"({"feature_negotiation":true,"heartbeat_interval":1000})"));
        QElapsedTimer t;
        t.start();
        const auto beat = c->next(kWait, true);
        QVERIFY(beat);
        QCOMPARE(beat->data, QByteArray("_heartbeat_"));
        // Not answered: after two missed heartbeats the server hangs up.
        QVERIFY(c->waitForClosed(kWait));
        QVERIFY2(t.elapsed() >= 1500, qPrintable(QString::number(t.elapsed())));
    }

    void answeredHeartbeatsKeepClientOpen()
    {
        auto c = client();
        QVERIFY(c);
        QVERIFY(c->identify(R"({"feature_negotiation":true,"heartbeat_interval":1000})"));
        for (int i = 0; i < 4; ++i) {
            const auto beat = c->next(kWait, true);
            QVERIFY(beat && beat->data == "_heartbeat_");
            c->send(cmd::nop());
        }
        QVERIFY(stillWorks(*c));
    }

    // Bad input: the server answers or hangs up, and keeps serving everyone else.
    void badMagicIsRejected()
    {
        RawClient c;
        QVERIFY(c.connectTo(m_target.host(), m_target.tcpPort(), false));
        c.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(c.waitForClosed(kWait));
        QVERIFY(publish(ServerTarget::freshName("t"), "still serving"));
    }

    void giantBodySizeIsRejected()
    {
        auto c = client();
        QVERIFY(c);
        const Outcome o = errorAfter(*c, QByteArray("PUB t\n") + QByteArray("\x7f\xff\xff\xff", 4));
        QVERIFY2(o.error.startsWith("E_BAD_MESSAGE PUB message too big"), o.error.constData());
        QVERIFY(o.closed);
        QVERIFY(publish(ServerTarget::freshName("t"), "still serving"));
    }

    // nsqd's defaults: --max-msg-size 1048576, --max-body-size 5242880.
    void sizeLimitsAreExact_data()
    {
        QTest::addColumn<QByteArray>("command");
        QTest::addColumn<QByteArray>("error"); // empty: accepted
        const QByteArray topic = ServerTarget::freshName("t").toLatin1();
        QTest::newRow("PUB at max-msg-size")
            << cmd::pub(topic, QByteArray(1048576, 'x')) << QByteArray();
        // Above a limit only the size goes out: the server answers as soon as it has read it,
        // and a body it never reads would make its close a reset that can swallow the answer.
        const auto head = [](const QByteArray &command) {
            return command.left(command.indexOf('\n') + 5);
        };
        QTest::newRow("PUB one above") << head(cmd::pub(topic, QByteArray(1048577, 'x')))
                                       << QByteArray("E_BAD_MESSAGE PUB message too big");
        // 4 (count) + 5 × (4 + 1048000) + (4 + 2852) = 5242880 bytes of MPUB body.
        QByteArrayList bodies(5, QByteArray(1048000, 'y'));
        QTest::newRow("MPUB at max-body-size")
            << cmd::mpub(topic, bodies + QByteArrayList{QByteArray(2852, 'z')}) << QByteArray();
        QTest::newRow("MPUB one above")
            << head(cmd::mpub(topic, bodies + QByteArrayList{QByteArray(2853, 'z')}))
            << QByteArray("E_BAD_BODY MPUB body too big");
    }
    void sizeLimitsAreExact()
    {
        QFETCH(QByteArray, command);
        QFETCH(QByteArray, error);
        auto c = client();
        QVERIFY(c);
        if (error.isEmpty()) {
            c->send(command);
            const auto f = c->next(kWait);
            QVERIFY(f);
            QCOMPARE(f->data, QByteArray("OK"));
            return;
        }
        const Outcome o = errorAfter(*c, command);
        QVERIFY2(o.error.startsWith(error), o.error.constData());
        QVERIFY(o.closed);
    }

    void mpubReadsItsMessagesPastTheDeclaredBodySize()
    {
        // nsqd reads MPUB's messages from the stream, whatever the declared body size: a count
        // larger than the body waits for more bytes, and the bytes that follow are taken as the
        // remaining messages (observed).
        const QString topic = ServerTarget::freshName("t");
        auto c = client();
        QVERIFY(c);
        QByteArray head = "MPUB " + topic.toLatin1() + "\n";
        appendBigEndian32(head, 4); // "4 bytes of body", then the count: two messages
        appendBigEndian32(head, 2);
        c->send(head);
        c->socket().flush();
        // Nothing comes back while the server waits for the messages it was promised: the PUB on
        // a second connection is answered, this one is not.
        QVERIFY(publish(ServerTarget::freshName("t"), "other connection"));
        QVERIFY(c->isOpen());
        QByteArray rest;
        for (const QByteArray &body : {QByteArray("one"), QByteArray("two")}) {
            appendBigEndian32(rest, quint32(body.size()));
            rest += body;
        }
        c->send(rest);
        const auto f = c->next(kWait);
        QVERIFY(f && f->isResponse());
        QCOMPARE(f->data, QByteArray("OK"));
        QCOMPARE(m_target.topicStats(topic).value(QLatin1String("message_count")).toInt(), 2);
        QVERIFY(stillWorks(*c));
    }

    void halfCommandThenSilenceIsClosed()
    {
        auto c = client();
        QVERIFY(c);
        QVERIFY(c->identify(R"({"feature_negotiation":true,"heartbeat_interval":1000})"));
        c->send("PUB t\n\x00\x00"); // half a size field, then nothing
        QVERIFY(c->waitForClosed(kWait));
        QVERIFY(publish(ServerTarget::freshName("t"), "still serving"));
    }

    void garbageBytesAreRejected()
    {
        auto c = client();
        QVERIFY(c);
        QByteArray junk(4096, '\0');
        QRandomGenerator rng(7);
        for (auto &b : junk)
            b = char(rng.bounded(256));
        junk[0] = 'X'; // not a known command
        c->send(junk);
        QVERIFY(c->waitForClosed(kWait));
        QVERIFY(publish(ServerTarget::freshName("t"), "still serving"));
    }

    void slowClientDoesNotStallOthers()
    {
        // A consumer with a large RDY that never reads its socket.
        const QString topic = ServerTarget::freshName("t");
        auto slow = consumer(topic, QStringLiteral("slow"), 2500);
        QVERIFY(slow);
        auto p = client();
        QVERIFY(p);
        QByteArrayList batch;
        for (int i = 0; i < 200; ++i)
            batch << QByteArray(4096, 'x');
        p->send(cmd::mpub(topic.toLatin1(), batch));
        QVERIFY(p->next(kWait));
        // Another client on the same server is served at once.
        QVERIFY(publish(ServerTarget::freshName("t"), "not stuck"));
        auto fast = consumer(topic, QStringLiteral("fast"), 1);
        QVERIFY(fast);
        QVERIFY(publish(topic, "for fast"));
        QVERIFY(fast->nextMessage(kWait));
    }

    // ---- HTTP API ----
    // Status, content types and error code of every endpoint the broker serves, as nsqd 1.3.0
    // answers them (go-nsq and nsqadmin only read unwrapped JSON when X-NSQ-Content-Type is set).
    void httpAnswersAsNsqdDoes_data()
    {
        QTest::addColumn<QByteArray>("verb");
        QTest::addColumn<QString>("path"); // T: this case's topic
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("answer"); // the body, or the error code
        const QByteArray json = "application/json; charset=utf-8";
        const QByteArray text = "text/plain; charset=utf-8";
        const auto row = [](const char *name, const char *verb, const char *path,
                            const QByteArray &body, int status, const QByteArray &type,
                            const QByteArray &answer) {
            QTest::newRow(name) << QByteArray(verb) << QString::fromLatin1(path) << body << status
                                << type << answer;
        };
        row("ping", "GET", "/ping", {}, 200, text, "OK");
        row("ping by POST", "POST", "/ping", {}, 405, json, "METHOD_NOT_ALLOWED");
        row("pub by PUT", "PUT", "/pub?topic=T", "x", 405, json, "METHOD_NOT_ALLOWED");
        row("topic create by PUT", "PUT", "/topic/create?topic=T", {}, 405, json,
            "METHOD_NOT_ALLOWED");
        row("info by POST", "POST", "/info", {}, 405, json, "METHOD_NOT_ALLOWED");
        row("stats by POST", "POST", "/stats", {}, 405, json, "METHOD_NOT_ALLOWED");
        row("stats by PUT", "PUT", "/stats?format=json", "x", 405, json, "METHOD_NOT_ALLOWED");
        row("config by POST", "POST", "/config/msg_timeout", {}, 405, json, "METHOD_NOT_ALLOWED");
        row("config set, empty", "PUT", "/config/max_msg_size", {}, 413, json, "INVALID_VALUE");
        row("config set, fixed", "PUT", "/config/max_msg_size", "1", 400, json, "INVALID_OPTION");
        row("config msg_timeout", "GET", "/config/msg_timeout", {}, 200, json, "60000000000");
        row("config unknown", "GET", "/config/no_such_option", {}, 400, json, "INVALID_OPTION");
        row("pub", "POST", "/pub?topic=T", "x", 200, text, "OK");
        row("pub deferred", "POST", "/pub?topic=T&defer=10", "x", 200, text, "OK");
        row("pub bad defer", "POST", "/pub?topic=T&defer=x", "x", 400, json, "INVALID_DEFER");
        row("pub empty", "POST", "/pub?topic=T", {}, 400, json, "MSG_EMPTY");
        row("pub empty without topic", "POST", "/pub", {}, 400, json, "MSG_EMPTY");
        row("pub bad topic", "POST", "/pub?topic=bad!", "x", 400, json, "INVALID_TOPIC");
        row("pub no topic", "POST", "/pub", "x", 400, json, "MISSING_ARG_TOPIC");
        row("pub by GET", "GET", "/pub?topic=T", {}, 405, json, "METHOD_NOT_ALLOWED");
        row("mpub lines", "POST", "/mpub?topic=T", "a\nb", 200, text, "OK");
        row("mpub blank lines", "POST", "/mpub?topic=T", "\n\n", 200, text, "OK");
        row("mpub binary too short", "POST", "/mpub?topic=T&binary=true", "xx", 413, json,
            "BAD_BODY");
        row("topic create", "POST", "/topic/create?topic=T", {}, 200, {}, {});
        row("topic pause", "POST", "/topic/pause?topic=T", {}, 200, {}, {});
        row("topic unpause", "POST", "/topic/unpause?topic=T", {}, 200, {}, {});
        row("topic empty", "POST", "/topic/empty?topic=T", {}, 200, {}, {});
        row("topic unknown", "POST", "/topic/pause?topic=nope-T", {}, 404, json, "TOPIC_NOT_FOUND");
        row("topic verb unknown", "POST", "/topic/bogus?topic=T", {}, 404, json, "NOT_FOUND");
        row("channel create", "POST", "/channel/create?topic=T&channel=c", {}, 200, {}, {});
        row("channel create, no topic", "POST", "/channel/create?topic=nope-T&channel=c", {}, 404,
            json, "TOPIC_NOT_FOUND");
        row("channel, bad topic", "POST", "/channel/create?topic=bad!&channel=c", {}, 400, json,
            "INVALID_ARG_TOPIC");
        row("topic create, bad name", "POST", "/topic/create?topic=bad!", {}, 400, json,
            "INVALID_TOPIC");
        row("topic empty, bad name", "POST", "/topic/empty?topic=bad!", {}, 400, json,
            "INVALID_TOPIC");
        row("topic delete, bad name", "POST", "/topic/delete?topic=bad!", {}, 404, json,
            "TOPIC_NOT_FOUND");
        row("topic pause, bad name", "POST", "/topic/pause?topic=bad!", {}, 404, json,
            "TOPIC_NOT_FOUND");
        row("channel no name", "POST", "/channel/create?topic=T", {}, 400, json,
            "MISSING_ARG_CHANNEL");
        row("channel pause", "POST", "/channel/pause?topic=T&channel=c", {}, 200, {}, {});
        row("channel unpause", "POST", "/channel/unpause?topic=T&channel=c", {}, 200, {}, {});
        row("channel empty", "POST", "/channel/empty?topic=T&channel=c", {}, 200, {}, {});
        row("channel unknown", "POST", "/channel/empty?topic=T&channel=nope", {}, 404, json,
            "CHANNEL_NOT_FOUND");
        row("channel delete", "POST", "/channel/delete?topic=T&channel=c", {}, 200, {}, {});
        row("stats as JSON", "GET", "/stats?format=json&topic=T", {}, 200, json, {});
        row("stats as text", "GET", "/stats?topic=T", {}, 200, text, {});
        row("topic delete", "POST", "/topic/delete?topic=T", {}, 200, {}, {});
        row("topic delete again", "POST", "/topic/delete?topic=T", {}, 404, json,
            "TOPIC_NOT_FOUND");
        row("unknown path", "GET", "/nope", {}, 404, json, "NOT_FOUND");
    }
    void httpAnswersAsNsqdDoes()
    {
        QFETCH(QByteArray, verb);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, answer);
        // Each row runs on a topic of its own that has what the row needs.
        const QString topic = ServerTarget::freshName("h");
        QVERIFY(publish(topic, "setup"));
        if (path.contains(QLatin1String("channel=c")) && !path.contains(QLatin1String("create")))
            QCOMPARE(m_target.http()
                         .post(QStringLiteral("/channel/create?topic=%1&channel=c").arg(topic))
                         .status,
                     200);
        if (QTest::currentDataTag() == QByteArray("topic delete again"))
            QCOMPARE(m_target.http().post(QStringLiteral("/topic/delete?topic=") + topic).status,
                     200);
        path.replace(QLatin1String("=T"), QLatin1String("=") + topic)
            .replace(QLatin1String("nope-T"), QLatin1String("nope-") + topic);
        const HttpResult r = m_target.http().request(verb, path, body);
        QCOMPARE(r.status, status);
        QCOMPARE(r.contentType, contentType);
        QCOMPARE(r.nsqContentType, path == QLatin1String("/ping") && verb == "GET"
                                       ? QByteArray()
                                       : QByteArray("nsq; version=1.0"));
        if (contentType.startsWith("application/json") && !answer.isEmpty() && status >= 400)
            QCOMPARE(r.json().value(QLatin1String("message")).toString().toUtf8(), answer);
        else if (!answer.isEmpty() || contentType.isEmpty())
            QCOMPARE(r.body, answer);
    }

    // The JSON keys of /info, /stats and the lookupd answers, recursively, as nsqd's.
    void statsAsTextShowsChannelsAndClients()
    {
        // nsqd's plain-text /stats, which people read in a terminal: a line per channel and a
        // line per client, with the same labels.
        const QString topic = ServerTarget::freshName("x");
        auto c = consumer(topic, QStringLiteral("txt"), 1,
                          QJsonObject{{QStringLiteral("client_id"), QStringLiteral("texter")}});
        QVERIFY(c);
        QVERIFY(publish(topic, "x"));
        QVERIFY(c->nextMessage(kWait));
        const HttpResult r = m_target.http().get(QStringLiteral("/stats?topic=") + topic);
        QCOMPARE(r.status, 200);
        const QString text = QString::fromUtf8(r.body);
        QVERIFY2(text.contains(QLatin1String("[") + topic), qPrintable(text));
        const QStringList lines = text.split(QLatin1Char('\n'));
        const auto lineWith = [&lines](const QString &needle) {
            for (const QString &l : lines)
                if (l.contains(needle))
                    return l;
            return QString();
        };
        const QString channel = lineWith(QStringLiteral("[txt"));
        for (const char *label :
             {"depth:", "be-depth:", "inflt:", "def:", "re-q:", "timeout:", "msgs:", "e2e%:"})
            QVERIFY2(channel.contains(QLatin1String(label)), qPrintable(channel));
        const QString client = lineWith(QStringLiteral("[V2 "));
        for (const char *label :
             {"state:", "inflt:", "rdy:", "fin:", "re-q:", "msgs:", "connected:"})
            QVERIFY2(client.contains(QLatin1String(label)), qPrintable(client));
        QVERIFY2(client.contains(QLatin1String("inflt: 1")), qPrintable(client));
    }

    void httpJsonKeysAsNsqds()
    {
        QVERIFY2(m_target.lookup(), "needs NSQLOOKUPD_HTTP_ADDRESS");
        const QString topic = ServerTarget::freshName("k");
        auto c = consumer(topic, QStringLiteral("c"), 1,
                          QJsonObject{{QStringLiteral("client_id"), QStringLiteral("keys")}});
        QVERIFY(c);
        QVERIFY(publish(topic, "x"));
        QVERIFY(c->nextMessage(kWait));
        const auto keys = [](const QJsonObject &o) { return keyPaths(o); };
        QCOMPARE(keys(m_target.http().get(QStringLiteral("/info")).json()),
                 QStringList({"broadcast_address", "hostname", "http_port", "max_deflate_level",
                              "max_heartbeat_interval", "max_output_buffer_size",
                              "max_output_buffer_timeout", "start_time", "tcp_port", "version"}));
        const QStringList stats =
            keys(m_target.http().get(QStringLiteral("/stats?format=json&topic=") + topic).json());
        const QString client = QStringLiteral("topics[]/channels[]/clients[]/");
        for (const QString &k : {QStringLiteral("version"),
                                 QStringLiteral("health"),
                                 QStringLiteral("start_time"),
                                 QStringLiteral("memory/heap_objects"),
                                 QStringLiteral("memory/gc_total_runs"),
                                 QStringLiteral("topics[]/topic_name"),
                                 QStringLiteral("topics[]/depth"),
                                 QStringLiteral("topics[]/backend_depth"),
                                 QStringLiteral("topics[]/message_count"),
                                 QStringLiteral("topics[]/message_bytes"),
                                 QStringLiteral("topics[]/paused"),
                                 QStringLiteral("topics[]/e2e_processing_latency/count"),
                                 QStringLiteral("topics[]/channels[]/channel_name"),
                                 QStringLiteral("topics[]/channels[]/depth"),
                                 QStringLiteral("topics[]/channels[]/in_flight_count"),
                                 QStringLiteral("topics[]/channels[]/deferred_count"),
                                 QStringLiteral("topics[]/channels[]/requeue_count"),
                                 QStringLiteral("topics[]/channels[]/timeout_count"),
                                 QStringLiteral("topics[]/channels[]/client_count"),
                                 QStringLiteral("topics[]/channels[]/paused"),
                                 client + QLatin1String("client_id"),
                                 client + QLatin1String("hostname"),
                                 client + QLatin1String("remote_address"),
                                 client + QLatin1String("state"),
                                 client + QLatin1String("ready_count"),
                                 client + QLatin1String("in_flight_count"),
                                 client + QLatin1String("message_count"),
                                 client + QLatin1String("finish_count"),
                                 client + QLatin1String("requeue_count"),
                                 client + QLatin1String("connect_ts"),
                                 client + QLatin1String("sample_rate"),
                                 client + QLatin1String("deflate"),
                                 client + QLatin1String("snappy"),
                                 client + QLatin1String("user_agent"),
                                 client + QLatin1String("tls"),
                                 client + QLatin1String("tls_version"),
                                 client + QLatin1String("tls_cipher_suite")})
            QVERIFY2(stats.contains(k), qPrintable(k));
        QVERIFY(!stats.contains(client + QLatin1String("authed"))); // left out unless AUTHed
        TestHttp &lookup = *m_target.lookup();
        QCOMPARE(keys(lookup.get(QStringLiteral("/info")).json()), QStringList{"version"});
        QJsonObject found;
        QTRY_VERIFY_WITH_TIMEOUT(
            !(found = lookup.get(QStringLiteral("/lookup?topic=") + topic).json())
                 .value(QLatin1String("producers"))
                 .toArray()
                 .isEmpty(),
            kWait);
        QCOMPARE(keys(found),
                 QStringList({"channels[]", "producers[]/broadcast_address", "producers[]/hostname",
                              "producers[]/http_port", "producers[]/remote_address",
                              "producers[]/tcp_port", "producers[]/version"}));
        const QStringList nodes = keys(lookup.get(QStringLiteral("/nodes")).json());
        for (const char *k : {"producers[]/broadcast_address", "producers[]/tcp_port",
                              "producers[]/topics[]", "producers[]/tombstones[]"})
            QVERIFY2(nodes.contains(QLatin1String(k)), k);
        QCOMPARE(keys(lookup.get(QStringLiteral("/topics")).json()), QStringList{"topics[]"});
        QCOMPARE(keys(lookup.get(QStringLiteral("/channels?topic=") + topic).json()),
                 QStringList{"channels[]"});
        const HttpResult missing = lookup.get(QStringLiteral("/lookup?topic=nope-") + topic);
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.json().value(QLatin1String("message")).toString(),
                 QStringLiteral("TOPIC_NOT_FOUND"));
        QCOMPARE(missing.nsqContentType, QByteArray("nsq; version=1.0"));
    }

    void httpPingAndInfo()
    {
        const HttpResult ping = m_target.http().get(QStringLiteral("/ping"));
        QCOMPARE(ping.status, 200);
        QCOMPARE(ping.body, QByteArray("OK"));
        const QJsonObject info = m_target.http().get(QStringLiteral("/info")).json();
        QVERIFY(info.contains(QLatin1String("version")));
        QCOMPARE(info.value(QLatin1String("tcp_port")).toInt(), int(m_target.tcpPort()));
        QVERIFY(info.value(QLatin1String("http_port")).toInt() > 0);
    }

    void httpPublishIsDelivered()
    {
        const QString topic = ServerTarget::freshName("t");
        auto c = consumer(topic, QStringLiteral("c"), 10);
        QVERIFY(c);
        QCOMPARE(m_target.http().post(QStringLiteral("/pub?topic=") + topic, "one").status, 200);
        QCOMPARE(
            m_target.http().post(QStringLiteral("/mpub?topic=") + topic, "two\nthree\n").status,
            200);
        QByteArray binary("\x00\x00\x00\x01\x00\x00\x00\x04"
                          "four",
                          12);
        QCOMPARE(
            m_target.http().post(QStringLiteral("/mpub?binary=true&topic=") + topic, binary).status,
            200);
        QSet<QByteArray> bodies;
        for (int i = 0; i < 4; ++i) {
            const auto m = c->nextMessage(kWait);
            QVERIFY(m);
            bodies.insert(m->body);
            c->send(cmd::fin(m->id));
        }
        QCOMPARE(bodies, QSet<QByteArray>({"one", "two", "three", "four"}));
    }

    void httpPublishErrors()
    {
        const HttpResult missing = m_target.http().post(QStringLiteral("/pub"), "x");
        QCOMPARE(missing.status, 400);
        QCOMPARE(missing.json().value(QLatin1String("message")).toString(),
                 QStringLiteral("MISSING_ARG_TOPIC"));
        const HttpResult invalid = m_target.http().post(QStringLiteral("/pub?topic=bad!name"), "x");
        QCOMPARE(invalid.status, 400);
        QCOMPARE(invalid.json().value(QLatin1String("message")).toString(),
                 QStringLiteral("INVALID_TOPIC"));
        const HttpResult empty = m_target.http().post(
            QStringLiteral("/pub?topic=") + ServerTarget::freshName("t"), QByteArray());
        QCOMPARE(empty.status, 400);
        QCOMPARE(empty.json().value(QLatin1String("message")).toString(),
                 QStringLiteral("MSG_EMPTY"));
        const HttpResult wrongMethod =
            m_target.http().get(QStringLiteral("/pub?topic=") + ServerTarget::freshName("t"));
        QCOMPARE(wrongMethod.status, 405);
    }

    void httpTopicAndChannelAdmin()
    {
        const QString topic = ServerTarget::freshName("t");
        QCOMPARE(m_target.http().post(QStringLiteral("/topic/create?topic=") + topic).status, 200);
        QVERIFY(!m_target.topicStats(topic).isEmpty());
        QCOMPARE(m_target.http()
                     .post(QStringLiteral("/channel/create?topic=%1&channel=c").arg(topic))
                     .status,
                 200);
        QVERIFY(!m_target.channelStats(topic, QStringLiteral("c")).isEmpty());

        QCOMPARE(m_target.http().post(QStringLiteral("/topic/pause?topic=") + topic).status, 200);
        QCOMPARE(m_target.topicStats(topic).value(QLatin1String("paused")).toBool(), true);
        QCOMPARE(m_target.http().post(QStringLiteral("/topic/unpause?topic=") + topic).status, 200);
        QCOMPARE(m_target.topicStats(topic).value(QLatin1String("paused")).toBool(), false);
        QCOMPARE(m_target.http()
                     .post(QStringLiteral("/channel/pause?topic=%1&channel=c").arg(topic))
                     .status,
                 200);
        QCOMPARE(m_target.channelStats(topic, QStringLiteral("c"))
                     .value(QLatin1String("paused"))
                     .toBool(),
                 true);
        QCOMPARE(m_target.http()
                     .post(QStringLiteral("/channel/unpause?topic=%1&channel=c").arg(topic))
                     .status,
                 200);

        QCOMPARE(m_target.http().post(QStringLiteral("/pub?topic=") + topic, "a").status, 200);
        QCOMPARE(m_target.http().post(QStringLiteral("/pub?topic=") + topic, "b").status, 200);
        QCOMPARE(
            m_target.channelStats(topic, QStringLiteral("c")).value(QLatin1String("depth")).toInt(),
            2);
        QCOMPARE(m_target.http()
                     .post(QStringLiteral("/channel/empty?topic=%1&channel=c").arg(topic))
                     .status,
                 200);
        QCOMPARE(
            m_target.channelStats(topic, QStringLiteral("c")).value(QLatin1String("depth")).toInt(),
            0);

        QCOMPARE(m_target.http()
                     .post(QStringLiteral("/channel/delete?topic=%1&channel=c").arg(topic))
                     .status,
                 200);
        QVERIFY(m_target.channelStats(topic, QStringLiteral("c")).isEmpty());
        const HttpResult noChannel =
            m_target.http().post(QStringLiteral("/channel/delete?topic=%1&channel=c").arg(topic));
        QCOMPARE(noChannel.status, 404);
        QCOMPARE(noChannel.json().value(QLatin1String("message")).toString(),
                 QStringLiteral("CHANNEL_NOT_FOUND"));

        // With no channel the topic holds what is published; /topic/empty drops it.
        QCOMPARE(m_target.http().post(QStringLiteral("/pub?topic=") + topic, "held").status, 200);
        QCOMPARE(m_target.topicStats(topic).value(QLatin1String("depth")).toInt(), 1);
        QCOMPARE(m_target.http().post(QStringLiteral("/topic/empty?topic=") + topic).status, 200);
        QCOMPARE(m_target.topicStats(topic).value(QLatin1String("depth")).toInt(), 0);

        QCOMPARE(m_target.http().post(QStringLiteral("/topic/delete?topic=") + topic).status, 200);
        QVERIFY(m_target.topicStats(topic).isEmpty());
        const HttpResult noTopic =
            m_target.http().post(QStringLiteral("/topic/delete?topic=") + topic);
        QCOMPARE(noTopic.status, 404);
        QCOMPARE(noTopic.json().value(QLatin1String("message")).toString(),
                 QStringLiteral("TOPIC_NOT_FOUND"));
    }

    void pausedChannelHoldsMessages()
    {
        const QString topic = ServerTarget::freshName("t");
        auto c = consumer(topic, QStringLiteral("c"), 5);
        QVERIFY(c);
        QCOMPARE(m_target.http()
                     .post(QStringLiteral("/channel/pause?topic=%1&channel=c").arg(topic))
                     .status,
                 200);
        QVERIFY(publish(topic, "wait"));
        // Nothing goes out while paused: the server keeps it queued, not in flight.
        QTRY_COMPARE_WITH_TIMEOUT(channelCount(topic, "depth"), 1, kWait);
        QCOMPARE(channelCount(topic, "in_flight_count"), 0);
        QCOMPARE(m_target.http()
                     .post(QStringLiteral("/channel/unpause?topic=%1&channel=c").arg(topic))
                     .status,
                 200);
        QVERIFY(c->nextMessage(kWait));
    }

    void statsCountFinishRequeueAndTimeout()
    {
        const QString topic = ServerTarget::freshName("t");
        auto c = consumer(topic, QStringLiteral("c"), 3,
                          QJsonObject{{QStringLiteral("msg_timeout"), 1000}});
        QVERIFY(c);
        auto p = client();
        QVERIFY(p);
        p->send(cmd::mpub(topic.toLatin1(), {"fin", "req", "timeout"}));
        QVERIFY(p->next(kWait));
        QHash<QByteArray, Message> got;
        for (int i = 0; i < 3; ++i) {
            const auto m = c->nextMessage(kWait);
            QVERIFY(m);
            got.insert(m->body, *m);
        }
        c->send(cmd::fin(got["fin"].id));
        c->send(cmd::req(got["req"].id, 60000));
        const auto again = c->nextMessage(kWait); // the third one, back after its timeout
        QVERIFY(again);
        QCOMPARE(again->body, QByteArray("timeout"));
        QCOMPARE(again->attempts, quint16(2));
        c->send(cmd::fin(again->id));
        QVERIFY(stillWorks(*c)); // the FIN has been read by the server

        const QJsonObject ch = m_target.channelStats(topic, QStringLiteral("c"));
        QCOMPARE(ch.value(QLatin1String("depth")).toInt(), 0);
        QCOMPARE(ch.value(QLatin1String("in_flight_count")).toInt(), 0);
        QCOMPARE(ch.value(QLatin1String("deferred_count")).toInt(), 1);
        QCOMPARE(ch.value(QLatin1String("message_count")).toInt(), 3);
        QCOMPARE(ch.value(QLatin1String("requeue_count")).toInt(), 1);
        QCOMPARE(ch.value(QLatin1String("timeout_count")).toInt(), 1);
        const QJsonArray clients = ch.value(QLatin1String("clients")).toArray();
        QCOMPARE(clients.size(), 1);
        const QJsonObject cl = clients.first().toObject();
        QCOMPARE(cl.value(QLatin1String("ready_count")).toInt(), 3);
        QCOMPARE(cl.value(QLatin1String("in_flight_count")).toInt(), 0);
        QCOMPARE(cl.value(QLatin1String("message_count")).toInt(), 4);
        QCOMPARE(cl.value(QLatin1String("finish_count")).toInt(), 2);
        QCOMPARE(cl.value(QLatin1String("requeue_count")).toInt(), 1);
    }

    void ephemeralTopicGoesWithItsLastChannel()
    {
        const QString topic = ServerTarget::freshName("t") + QStringLiteral("#ephemeral");
        const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(topic));
        QCOMPARE(m_target.http().post(QStringLiteral("/topic/create?topic=") + encoded).status,
                 200);
        QCOMPARE(m_target.http()
                     .post(QStringLiteral("/channel/create?topic=%1&channel=c").arg(encoded))
                     .status,
                 200);
        QVERIFY(!m_target.topicStats(topic).isEmpty());
        QCOMPARE(m_target.http()
                     .post(QStringLiteral("/channel/delete?topic=%1&channel=c").arg(encoded))
                     .status,
                 200);
        QTRY_VERIFY_WITH_TIMEOUT(m_target.topicStats(topic).isEmpty(), kWait);
    }

    void ephemeralChannelGoesWithItsLastClient()
    {
        const QString topic = ServerTarget::freshName("t");
        const QString channel = QStringLiteral("tail#ephemeral");
        {
            auto c = consumer(topic, channel, 1);
            QVERIFY(c);
            QVERIFY(!m_target.channelStats(topic, channel).isEmpty());
            c->socket().disconnectFromHost();
            QVERIFY(c->waitForClosed(kWait));
        }
        QTRY_VERIFY_WITH_TIMEOUT(m_target.channelStats(topic, channel).isEmpty(), kWait);
    }

    void httpLimitsHoldBeforeTheBodyIsSent_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("limitOption");
        QTest::addColumn<QByteArray>("code");
        QTest::newRow("pub") << QStringLiteral("/pub?topic=T") << QStringLiteral("max_msg_size")
                             << QByteArray("MSG_TOO_BIG");
        QTest::newRow("mpub") << QStringLiteral("/mpub?topic=T") << QStringLiteral("max_body_size")
                              << QByteArray("BODY_TOO_BIG");
    }

    void httpLimitsHoldBeforeTheBodyIsSent()
    {
        // A Content-Length over the limit is answered 413 on the headers alone: nothing waits
        // for (or buffers) a body it would refuse.
        QFETCH(QString, path);
        QFETCH(QString, limitOption);
        QFETCH(QByteArray, code);
        const qint64 limit =
            m_target.http().get(QStringLiteral("/config/") + limitOption).body.toLongLong();
        QVERIFY(limit > 0);
        const QUrl base(m_target.http().base());
        QTcpSocket s;
        QByteArray answer;
        connect(&s, &QTcpSocket::readyRead, &s, [&] { answer += s.readAll(); });
        s.connectToHost(base.host(), quint16(base.port()));
        QVERIFY(s.waitForConnected(kWait));
        s.write("POST " +
                path.replace(QLatin1String("T"), ServerTarget::freshName("t")).toLatin1() +
                " HTTP/1.1\r\nHost: x\r\nContent-Length: " + QByteArray::number(limit + 1) +
                "\r\n\r\n");
        QVERIFY2(QTest::qWaitFor([&] { return answer.contains(code); }, kWait), answer.constData());
        QVERIFY2(answer.startsWith("HTTP/1.1 413 "), answer.constData());
    }

    void httpHeadersPastOneMebibyteAre431()
    {
        const QUrl base(m_target.http().base());
        QTcpSocket s;
        QByteArray answer;
        connect(&s, &QTcpSocket::readyRead, &s, [&] { answer += s.readAll(); });
        s.connectToHost(base.host(), quint16(base.port()));
        QVERIFY(s.waitForConnected(kWait));
        s.write("GET /ping HTTP/1.1\r\nHost: x\r\nX-Big: " + QByteArray(2 * 1024 * 1024, 'a'));
        QVERIFY2(QTest::qWaitFor([&] { return answer.contains("\r\n\r\n"); }, kWait),
                 answer.constData());
        QVERIFY2(answer.startsWith("HTTP/1.1 431 Request Header Fields Too Large\r\n"),
                 answer.constData());
        // Still serving everyone else.
        QCOMPARE(m_target.http().get(QStringLiteral("/ping")).body, QByteArray("OK"));
    }

    // ---- nsqlookupd ----
    void lookupdTombstoneHidesTheNodeFromLookup()
    {
        QVERIFY2(m_target.lookup(),
                 "set NSQLOOKUPD_HTTP_ADDRESS to the lookupd the nsqd registers with");
        const QString topic = ServerTarget::freshName("t");
        QCOMPARE(m_target.http().post(QStringLiteral("/topic/create?topic=") + topic).status, 200);
        // The node as nsqlookupd names it: broadcast_address:http_port.
        QString node;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const auto &p : m_target.lookup()
                                         ->get(QStringLiteral("/lookup?topic=") + topic)
                                         .json()
                                         .value(QLatin1String("producers"))
                                         .toArray()) {
                    const QJsonObject o = p.toObject();
                    if (o.value(QLatin1String("tcp_port")).toInt() == int(m_target.tcpPort()))
                        node = QStringLiteral("%1:%2").arg(
                            o.value(QLatin1String("broadcast_address")).toString(),
                            QString::number(o.value(QLatin1String("http_port")).toInt()));
                }
                return !node.isEmpty();
            }(),
            kWait);
        QCOMPARE(m_target.lookup()->post(QStringLiteral("/topic/tombstone?topic=") + topic).status,
                 400); // MISSING_ARG_NODE
        const HttpResult noChannel = m_target.lookup()->post(
            QStringLiteral("/channel/delete?topic=%1&channel=nope").arg(topic));
        QCOMPARE(noChannel.status, 404);
        QCOMPARE(noChannel.json().value(QLatin1String("message")).toString(),
                 QStringLiteral("CHANNEL_NOT_FOUND"));
        QCOMPARE(m_target.lookup()
                     ->post(QStringLiteral("/topic/tombstone?topic=%1&node=%2").arg(topic, node))
                     .status,
                 200);
        const HttpResult after = m_target.lookup()->get(QStringLiteral("/lookup?topic=") + topic);
        QCOMPARE(after.status, 200);
        for (const auto &p : after.json().value(QLatin1String("producers")).toArray())
            QVERIFY(p.toObject().value(QLatin1String("tcp_port")).toInt() !=
                    int(m_target.tcpPort()));
        bool marked = false;
        for (const auto &p : m_target.lookup()
                                 ->get(QStringLiteral("/nodes"))
                                 .json()
                                 .value(QLatin1String("producers"))
                                 .toArray()) {
            const QJsonObject o = p.toObject();
            if (o.value(QLatin1String("tcp_port")).toInt() != int(m_target.tcpPort()))
                continue;
            const QJsonArray topics = o.value(QLatin1String("topics")).toArray();
            const QJsonArray tombstones = o.value(QLatin1String("tombstones")).toArray();
            for (int i = 0; i < topics.size(); ++i)
                marked |= topics.at(i).toString() == topic && tombstones.at(i).toBool();
        }
        QVERIFY(marked);
    }

    void lookupdKnowsTopicsChannelsAndNodes()
    {
        QVERIFY2(m_target.lookup(),
                 "set NSQLOOKUPD_HTTP_ADDRESS to the lookupd the nsqd registers with");
        QCOMPARE(m_target.lookup()->get(QStringLiteral("/ping")).body, QByteArray("OK"));
        // Queries are GET only, as nsqlookupd's.
        QCOMPARE(m_target.lookup()->post(QStringLiteral("/ping")).status, 405);
        QCOMPARE(m_target.lookup()->post(QStringLiteral("/lookup?topic=x")).status, 405);
        for (const char *query : {"/info", "/topics", "/channels?topic=x", "/nodes"}) {
            const HttpResult r = m_target.lookup()->post(QString::fromLatin1(query));
            QVERIFY2(r.status == 405, query);
            QCOMPARE(r.json().value(QLatin1String("message")).toString(),
                     QStringLiteral("METHOD_NOT_ALLOWED"));
        }
        const QString topic = ServerTarget::freshName("t");
        const HttpResult unknown = m_target.lookup()->get(QStringLiteral("/lookup?topic=") + topic);
        QCOMPARE(unknown.status, 404);
        QCOMPARE(m_target.http().post(QStringLiteral("/topic/create?topic=") + topic).status, 200);
        QCOMPARE(m_target.http()
                     .post(QStringLiteral("/channel/create?topic=%1&channel=c").arg(topic))
                     .status,
                 200);
        // A real nsqd registers with lookupd asynchronously.
        QJsonObject lookup;
        QTRY_VERIFY_WITH_TIMEOUT(
            (lookup = m_target.lookup()->get(QStringLiteral("/lookup?topic=") + topic).json())
                .value(QLatin1String("channels"))
                .toArray()
                .contains(QStringLiteral("c")),
            kWait);
        bool found = false;
        for (const auto &p : lookup.value(QLatin1String("producers")).toArray()) {
            const QJsonObject o = p.toObject();
            QVERIFY(o.contains(QLatin1String("broadcast_address")));
            QVERIFY(o.contains(QLatin1String("http_port")));
            found |= o.value(QLatin1String("tcp_port")).toInt() == int(m_target.tcpPort());
        }
        QVERIFY(found);
        QVERIFY(m_target.lookup()
                    ->get(QStringLiteral("/topics"))
                    .json()
                    .value(QLatin1String("topics"))
                    .toArray()
                    .contains(topic));
        QVERIFY(m_target.lookup()
                    ->get(QStringLiteral("/channels?topic=") + topic)
                    .json()
                    .value(QLatin1String("channels"))
                    .toArray()
                    .contains(QStringLiteral("c")));
        bool node = false;
        for (const auto &p : m_target.lookup()
                                 ->get(QStringLiteral("/nodes"))
                                 .json()
                                 .value(QLatin1String("producers"))
                                 .toArray())
            node |=
                p.toObject().value(QLatin1String("tcp_port")).toInt() == int(m_target.tcpPort()) &&
                p.toObject().value(QLatin1String("topics")).toArray().contains(topic);
        QVERIFY(node);
        QCOMPARE(m_target.http().post(QStringLiteral("/topic/delete?topic=") + topic).status, 200);
    }
};

QTEST_GUILESS_MAIN(TstConformance)
#include "tst_conformance.moc"
