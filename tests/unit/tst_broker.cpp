// Embedded-broker features a stock nsqd only has with extra flags (TLS, AUTH) or that are ours
// (the memory cap), checked end to end with our Conn and with raw sockets.
#include "httpget.h"
#include "rawclient.h"
#include "scriptedserver.h"

#include <broker/broker.h>
#include <broker/brokerclient.h>
#include <client/conn.h>
#include <protocol/commands.h>
#include <protocol/compression.h>
#include <protocol/framedecoder.h>

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

using namespace nsq;

namespace {
constexpr int kWait = 15000;
}

class TstBroker : public QObject
{
    Q_OBJECT

    // Connects a Conn, subscribes to topic/ch with RDY 10, publishes `body` and returns what came.
    QByteArray roundTrip(Broker &broker, const Config &cfg, Conn::State *finalState = nullptr)
    {
        Conn conn(cfg);
        QSignalSpy messages(&conn, &Conn::messageReceived);
        conn.connectToNsqd(QStringLiteral("127.0.0.1"), broker.tcpPort());
        if (!QTest::qWaitFor(
                [&] {
                    return conn.state() == Conn::State::Connected ||
                           conn.state() == Conn::State::Disconnected;
                },
                kWait))
            return "timeout";
        if (finalState)
            *finalState = conn.state();
        if (conn.state() != Conn::State::Connected)
            return "error: " + conn.errorString().toUtf8();
        conn.subscribe(QStringLiteral("secure"), QStringLiteral("ch"));
        conn.setReady(10);
        conn.publish(QStringLiteral("secure"), QByteArray(50000, 'p') + "end");
        if (!QTest::qWaitFor([&] { return !messages.isEmpty(); }, kWait))
            return "no message";
        const Message m = messages.first().first().value<Message>();
        conn.finish(m.id);
        return m.body.right(3);
    }

private Q_SLOTS:
    void aDeflateBombIsRefused()
    {
        // After IDENTIFY with deflate, a small stream that inflates to 16 MiB of NOP: the
        // broker takes it in bounded pieces and, past its inflate ratio, answers E_BAD_BODY and
        // closes, instead of inflating it all at once (it used to take 816 MB for 510 KB).
        Broker broker;
        QCOMPARE(broker.start(), QString());
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, broker.tcpPort());
        QVERIFY(s.waitForConnected(kWait));
        const QByteArray json = R"({"deflate":true,"deflate_level":9,"feature_negotiation":true})";
        QByteArray identify = "  V2IDENTIFY\n";
        for (int shift = 24; shift >= 0; shift -= 8)
            identify.append(char((json.size() >> shift) & 0xff));
        s.write(identify + json);
        // The answer (plain), then the OK that confirms compression (deflated).
        FrameDecoder plainFrames;
        QVERIFY(QTest::qWaitFor(
            [&] {
                plainFrames.feed(s.readAll());
                return plainFrames.next() == FrameDecoder::Status::FrameReady;
            },
            kWait));
        QVERIFY(plainFrames.frame().data.contains("\"deflate\":true"));
        auto out = makeDeflateStream(9);
        auto in = makeDeflateStream(9);
        QByteArray wire = plainFrames.takeBuffered();
        const QByteArray nops = QByteArray("NOP\n").repeated(256 * 1024); // 1 MiB
        QByteArray bomb;
        for (int i = 0; i < 16; ++i)
            bomb += out->compress(nops);
        QVERIFY2(bomb.size() < 1024 * 1024, QByteArray::number(bomb.size()).constData());
        s.write(bomb);
        QByteArray answers;
        QVERIFY(QTest::qWaitFor(
            [&] {
                wire += s.readAll();
                in->decompress(std::exchange(wire, {}), answers);
                return answers.contains("E_BAD_BODY") ||
                       s.state() == QAbstractSocket::UnconnectedState;
            },
            kWait));
        QVERIFY2(answers.contains("E_BAD_BODY compressed stream inflates more than 250 to 1"),
                 answers.constData());
        QVERIFY(s.state() == QAbstractSocket::UnconnectedState || s.waitForDisconnected(kWait));
    }

    void tlsWithCompression_data()
    {
        QTest::addColumn<bool>("tls");
        QTest::addColumn<QString>("compression");
        QTest::newRow("tls") << true << "";
        QTest::newRow("snappy") << false << "snappy";
        QTest::newRow("deflate") << false << "deflate";
        QTest::newRow("tls+snappy") << true << "snappy";
        QTest::newRow("tls+deflate") << true << "deflate";
    }
    void tlsWithCompression()
    {
        QFETCH(bool, tls);
        QFETCH(QString, compression);
        BrokerConfig bc;
        bc.tlsCertFile = testCertPath("server.pem");
        bc.tlsKeyFile = testCertPath("server.key");
        Broker broker(bc);
        QCOMPARE(broker.start(), QString());
        Config cfg;
        cfg.tlsV1 = tls;
        cfg.tlsRootCaFile = testCertPath("ca.pem");
        cfg.snappy = compression == QLatin1String("snappy");
        cfg.deflate = compression == QLatin1String("deflate");
        QCOMPARE(roundTrip(broker, cfg), QByteArray("end"));
        QTRY_COMPARE_WITH_TIMEOUT(broker.clients().size(), 0,
                                  kWait); // the Conn went, so did its client
    }

    void tlsNotConfiguredIsDeclined()
    {
        Broker broker;
        QCOMPARE(broker.start(), QString());
        Config cfg;
        cfg.tlsV1 = true;
        Conn::State state{};
        const QByteArray result = roundTrip(broker, cfg, &state);
        QCOMPARE(state, Conn::State::Disconnected);
        QVERIFY2(result.contains("did not enable it"), result.constData());
    }

    void authAcceptedAndRefused()
    {
        BrokerConfig bc;
        bc.authSecret = QStringLiteral("letmein");
        bc.authIdentity = QStringLiteral("teacher");
        Broker broker(bc);
        QCOMPARE(broker.start(), QString());
        Config good;
        good.authSecret = QStringLiteral("letmein");
        QCOMPARE(roundTrip(broker, good), QByteArray("end"));
        Config bad;
        bad.authSecret = QStringLiteral("guess");
        const QByteArray refused = roundTrip(broker, bad);
        QVERIFY2(refused.contains("AUTH failed: E_AUTH_FAILED"), refused.constData());
        const QByteArray missing = roundTrip(broker, Config{});
        QVERIFY2(missing.contains("no auth secret"), missing.constData());
    }

    void authRequiredBeforeSubAndPub()
    {
        BrokerConfig bc;
        bc.authSecret = QStringLiteral("letmein");
        Broker broker(bc);
        QCOMPARE(broker.start(), QString());
        // Each refusal closes the connection, so each command gets a connection of its own.
        const QList<std::pair<QByteArray, QByteArray>> cases = {
            {cmd::sub("t", "c"), "E_AUTH_FIRST AUTH required before SUB"},
            {cmd::pub("t", "x"), "E_AUTH_FIRST AUTH required before PUB"},
            {cmd::mpub("t", {"x"}), "E_AUTH_FIRST AUTH required before MPUB"},
            {cmd::dpub("t", 10, "x"), "E_AUTH_FIRST AUTH required before DPUB"},
        };
        for (const auto &[command, error] : cases) {
            RawClient c;
            QVERIFY(c.connectTo(QStringLiteral("127.0.0.1"), broker.tcpPort()));
            c.send(command);
            const auto f = c.next(kWait);
            QVERIFY(f && f->isError());
            QCOMPARE(f->data, error);
            QVERIFY(c.waitForClosed(kWait));
        }
        QVERIFY(!broker.topic(QStringLiteral("t"))); // nothing was published or created
        // With the secret, the same PUB goes through.
        RawClient ok;
        QVERIFY(ok.connectTo(QStringLiteral("127.0.0.1"), broker.tcpPort()));
        QVERIFY(ok.identify(R"({"feature_negotiation":true})"));
        ok.send(cmd::auth("letmein"));
        const auto auth = ok.next(kWait);
        QVERIFY(auth && auth->isResponse());
        ok.send(cmd::pub("t", "x"));
        const auto published = ok.next(kWait);
        QVERIFY(published && published->data == "OK");
        QCOMPARE(broker.topic(QStringLiteral("t"))->messageCount, quint64(1));
    }

    void clientThatStopsReadingIsHeldBackThenClosed()
    {
        BrokerConfig bc;
        bc.maxPendingOutput = 256 * 1024;
        Broker broker(bc);
        QCOMPARE(broker.start(), QString());
        RawClient stuck;
        QVERIFY(stuck.connectTo(QStringLiteral("127.0.0.1"), broker.tcpPort()));
        QVERIFY(stuck.identify(R"({"heartbeat_interval":1000})"));
        QVERIFY(stuck.subscribe(QStringLiteral("t"), QStringLiteral("c")));
        stuck.socket().setReadBufferSize(1024); // from now on it takes 1 KiB and no more
        stuck.send(cmd::rdy(2500));
        QTRY_COMPARE_WITH_TIMEOUT(broker.clients().size(), 1, kWait);
        const BrokerClient *client = broker.clients().first();
        QTRY_COMPARE_WITH_TIMEOUT(client->readyCount(), 2500, kWait);
        qint64 peak = 0;
        QTimer sample;
        connect(&sample, &QTimer::timeout, this, [&] {
            if (!broker.clients().isEmpty())
                peak = qMax(peak, broker.clients().first()->pendingOutput());
        });
        sample.start(1);
        // Far more than the socket buffers and the limit hold.
        const QByteArrayList bodies(400, QByteArray(64 * 1024, 'x'));
        QCOMPARE(broker.publish(QStringLiteral("t"), bodies), QString());
        // What waits for it stays near the limit (one message beyond at most), right after the
        // publish and all the while it is closed for not reading ...
        peak = client->pendingOutput();
        QVERIFY2(peak > 0, "nothing was sent to the client");
        // ... the rest waits in the channel, and a client that reads nothing, not even its
        // heartbeats, is closed after two heartbeat intervals.
        QTRY_COMPARE_WITH_TIMEOUT(broker.clients().size(), 0, kWait);
        QVERIFY2(peak <= bc.maxPendingOutput + 64 * 1024 + 1024, qPrintable(QString::number(peak)));
        const Channel *ch =
            broker.topic(QStringLiteral("t"))->channels.at(QStringLiteral("c")).get();
        QVERIFY(ch->depth() > 300);
        // The others are still served.
        RawClient fine;
        QVERIFY(fine.connectTo(QStringLiteral("127.0.0.1"), broker.tcpPort()));
        fine.send(cmd::pub("t2", "ok"));
        const auto f = fine.next(kWait);
        QVERIFY(f && f->data == "OK");
    }

    void fullTopicAnswersPubFailed()
    {
        BrokerConfig bc;
        bc.maxTopicMessages = 3;
        Broker broker(bc);
        QCOMPARE(broker.start(), QString());
        RawClient c;
        QVERIFY(c.connectTo(QStringLiteral("127.0.0.1"), broker.tcpPort()));
        c.send(cmd::mpub("capped", {"1", "2", "3"}));
        const auto ok = c.next(kWait);
        QVERIFY(ok && ok->data == "OK");
        c.send(cmd::pub("capped", "one too many"));
        const auto f = c.next(kWait);
        QVERIFY(f && f->isError());
        QVERIFY2(f->data.startsWith("E_PUB_FAILED PUB failed topic capped is full"),
                 f->data.constData());
        QVERIFY(f->data.contains("at most 3"));
        QVERIFY(c.waitForClosed(kWait)); // like nsqd, E_PUB_FAILED ends the connection
        // Nothing was lost from what was accepted.
        QCOMPARE(broker.topic(QStringLiteral("capped"))->backlog.size(), size_t(3));
    }

    void memoryIsBoundedInBytesAcrossTopics()
    {
        // 1,200 messages of 1 MB over three topics held 1.2 GB with no topic near its message
        // cap; the bound is in bytes, over all topics and each channel's copy.
        BrokerConfig bc;
        const qint64 cost = 1000 + Broker::kMessageOverhead;
        bc.maxMemoryBytes = 10 * cost;
        Broker broker(bc);
        QCOMPARE(broker.start(), QString());
        const QByteArray body(1000, 'm');
        QCOMPARE(broker.publish(QStringLiteral("a"), {body, body, body}), QString());
        QCOMPARE(broker.publish(QStringLiteral("b"), {body, body, body}), QString());
        // Two channels share the bodies: two messages cost two, not four.
        QCOMPARE(broker.createChannel(QStringLiteral("c"), QStringLiteral("x")), QString());
        QCOMPARE(broker.createChannel(QStringLiteral("c"), QStringLiteral("y")), QString());
        QCOMPARE(broker.publish(QStringLiteral("c"), {body, body}), QString());
        QCOMPARE(broker.heldBytes(), 8 * cost);
        QCOMPARE(broker.publish(QStringLiteral("c"), {body, body}), QString());
        QCOMPARE(broker.heldBytes(), 10 * cost);
        const QString refused = broker.publish(QStringLiteral("d"), {"small"});
        QVERIFY2(refused.contains(QLatin1String("broker is full")) &&
                     refused.contains(QLatin1String("--max-memory")),
                 qPrintable(refused));
        QVERIFY(!broker.topic(QStringLiteral("d")) ||
                broker.topic(QStringLiteral("d"))->backlog.empty());

        // Over TCP, the refusal is E_PUB_FAILED with the reason; over HTTP, 503 with it.
        RawClient c;
        QVERIFY(c.connectTo(QStringLiteral("127.0.0.1"), broker.tcpPort()));
        c.send(cmd::pub("a", "more"));
        const auto f = c.next(kWait);
        QVERIFY(f && f->isError());
        QVERIFY2(f->data.startsWith("E_PUB_FAILED PUB failed the embedded broker is full"),
                 f->data.constData());
        TestHttp http(QStringLiteral("http://127.0.0.1:%1").arg(broker.httpPort()));
        const HttpResult r = http.post(QStringLiteral("/pub?topic=a"), "more");
        QCOMPARE(r.status, 503);
        QVERIFY2(r.body.contains("broker is full"), r.body.constData());

        // Whatever lets go of messages gives the room back.
        QCOMPARE(broker.emptyTopic(QStringLiteral("a")), QString());
        QCOMPARE(broker.heldBytes(), 7 * cost);
        // Emptied in one channel, the messages are still held by the other.
        QCOMPARE(broker.emptyChannel(QStringLiteral("c"), QStringLiteral("x")), QString());
        QCOMPARE(broker.heldBytes(), 7 * cost);
        QCOMPARE(broker.deleteChannel(QStringLiteral("c"), QStringLiteral("y")), QString());
        QCOMPARE(broker.heldBytes(), 3 * cost);
        QCOMPARE(broker.publish(QStringLiteral("a"), {body, body, body}), QString());
        QCOMPARE(broker.deleteTopic(QStringLiteral("b")), QString());
        QCOMPARE(broker.heldBytes(), 3 * cost);
        // A backlog drained into a new channel moves, it is not counted twice.
        QCOMPARE(broker.createChannel(QStringLiteral("a"), QStringLiteral("z")), QString());
        QCOMPARE(broker.heldBytes(), 3 * cost);

        // Delivery and FIN: a finished message is no longer held.
        Conn conn{Config()};
        QSignalSpy messages(&conn, &Conn::messageReceived);
        conn.connectToNsqd(QStringLiteral("127.0.0.1"), broker.tcpPort());
        QVERIFY(QTest::qWaitFor([&] { return conn.state() == Conn::State::Connected; }, kWait));
        conn.subscribe(QStringLiteral("a"), QStringLiteral("z"));
        conn.setReady(10);
        QTRY_COMPARE_WITH_TIMEOUT(messages.size(), 3, kWait);
        QCOMPARE(broker.heldBytes(), 3 * cost); // in flight is still held
        for (const auto &args : std::as_const(messages))
            conn.finish(args.first().value<Message>().id);
        QTRY_COMPARE_WITH_TIMEOUT(broker.heldBytes(), qint64(0), kWait);
    }

    void pausedFanOutAndSamplingKeepTheCountTrue()
    {
        // Found by review: unpausing a topic with many channels counted its backlog once per
        // channel (50 channels: 2.4 GiB "held" for 52 MB), and a consumer's sample_rate leaked
        // the cost of every message it skipped until the broker refused all publishes.
        BrokerConfig bc;
        const qint64 cost = 1000 + Broker::kMessageOverhead;
        bc.maxMemoryBytes = 20 * cost;
        Broker broker(bc);
        QCOMPARE(broker.start(), QString());
        for (int i = 0; i < 10; ++i)
            QCOMPARE(broker.createChannel(QStringLiteral("p"), QStringLiteral("c%1").arg(i)),
                     QString());
        QCOMPARE(broker.setTopicPaused(QStringLiteral("p"), true), QString());
        const QByteArray body(1000, 'p');
        QCOMPARE(broker.publish(QStringLiteral("p"), {body, body, body, body, body}), QString());
        QCOMPARE(broker.setTopicPaused(QStringLiteral("p"), false), QString());
        QCOMPARE(broker.heldBytes(), 5 * cost);
        QCOMPARE(broker.publish(QStringLiteral("p"), {body}), QString());
        QCOMPARE(broker.deleteTopic(QStringLiteral("p")), QString());
        QCOMPARE(broker.heldBytes(), qint64(0));

        // A consumer that samples 1 %: what it skips is dropped, and no longer held.
        RawClient c;
        QVERIFY(c.connectTo(QStringLiteral("127.0.0.1"), broker.tcpPort()));
        c.send(cmd::identify(R"({"sample_rate":1,"feature_negotiation":true})"));
        QVERIFY(c.next(kWait));
        c.send(cmd::sub("s", "c"));
        QVERIFY(c.next(kWait));
        c.send(cmd::rdy(1000));
        QTRY_VERIFY_WITH_TIMEOUT(
            !broker.clients().isEmpty() && broker.clients().first()->readyCount() == 1000, kWait);
        for (int i = 0; i < 100; ++i)
            QCOMPARE(broker.publish(QStringLiteral("s"), {body}), QString());
        QTRY_VERIFY_WITH_TIMEOUT(
            broker.topic(QStringLiteral("s"))->channels.at(QStringLiteral("c"))->depth() == 0,
            kWait);
        const qint64 inFlight =
            broker.topic(QStringLiteral("s"))->channels.at(QStringLiteral("c"))->inFlight.size();
        QCOMPARE(broker.heldBytes(), inFlight * cost);
    }

    void secondClientOnChannelSharesTheMessages()
    {
        Broker broker;
        QCOMPARE(broker.start(), QString());
        RawClient a, b, p;
        for (RawClient *c : {&a, &b}) {
            QVERIFY(c->connectTo(QStringLiteral("127.0.0.1"), broker.tcpPort()));
            QVERIFY(c->subscribe(QStringLiteral("shared"), QStringLiteral("ch")));
            c->send(cmd::rdy(100));
        }
        QVERIFY(p.connectTo(QStringLiteral("127.0.0.1"), broker.tcpPort()));
        QByteArrayList bodies;
        for (int i = 0; i < 20; ++i)
            bodies << QByteArray::number(i);
        p.send(cmd::mpub("shared", bodies));
        QVERIFY(p.next(kWait));
        int fromA = 0, fromB = 0;
        // Each message goes to exactly one of the two, and both get some.
        QVERIFY(QTest::qWaitFor(
            [&] {
                while (a.nextMessage(0))
                    ++fromA;
                while (b.nextMessage(0))
                    ++fromB;
                return fromA + fromB == 20;
            },
            kWait));
        QVERIFY(fromA > 0 && fromB > 0);
    }

    void unknownMessageIdsAreSafe()
    {
        Broker broker;
        QCOMPARE(broker.start(), QString());
        RawClient c;
        QVERIFY(c.connectTo(QStringLiteral("127.0.0.1"), broker.tcpPort()));
        QVERIFY(c.subscribe(QStringLiteral("t"), QStringLiteral("c")));
        c.send("FIN short\n");
        const auto f = c.next(kWait);
        QVERIFY(f && f->isError());
        QCOMPARE(f->data, QByteArray("E_INVALID invalid message ID"));
        QVERIFY(c.waitForClosed(kWait));
    }
};

QTEST_GUILESS_MAIN(TstBroker)
#include "tst_broker.moc"
