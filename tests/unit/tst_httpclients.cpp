#include <broker/broker.h>
#include <broker/lookupd.h>
#include <http/httpclients.h>
#include <protocol/commands.h>

#include "rawclient.h"

#include <QHostInfo>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <optional>

using namespace nsq;

namespace {
constexpr int kWait = 15000;

template <typename T, typename Call> std::optional<Result<T>> await(Call call)
{
    std::optional<Result<T>> out;
    call([&out](Result<T> r) { out = std::move(r); });
    (void)QTest::qWaitFor([&] { return out.has_value(); }, kWait);
    return out;
}
// A server that answers every request with these bytes (after reading the request head),
// then closes; dripMs > 0 sends the head, then the body a byte at a time with that pause between
// bytes.
struct CannedServer : QTcpServer
{
    QByteArray answer;
    int dripMs = 0;
    CannedServer(QByteArray a, int drip = 0) : answer(std::move(a)), dripMs(drip)
    {
        listen(QHostAddress::LocalHost);
        connect(this, &QTcpServer::newConnection, this, [this] {
            QTcpSocket *s = nextPendingConnection();
            connect(s, &QTcpSocket::readyRead, s, [this, s] {
                if (!s->readAll().contains("\r\n\r\n") || s->property("answered").toBool())
                    return;
                s->setProperty("answered", true);
                if (dripMs == 0) {
                    s->write(answer);
                    s->disconnectFromHost();
                    return;
                }
                // The head at once, then the body a byte at a time.
                const qsizetype head = answer.indexOf("\r\n\r\n") + 4;
                s->write(answer.left(head));
                auto *t = new QTimer(s);
                auto pos = std::make_shared<qsizetype>(head);
                connect(t, &QTimer::timeout, s, [s, t, pos, this] {
                    if (*pos >= answer.size()) {
                        t->stop();
                        s->disconnectFromHost();
                        return;
                    }
                    s->write(answer.mid((*pos)++, 1));
                });
                t->start(dripMs);
            });
        });
    }
    QString address() const { return QStringLiteral("127.0.0.1:%1").arg(serverPort()); }
};

} // namespace

class TstHttpClients : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void statsAreTyped()
    {
        Broker b;
        QCOMPARE(b.start(), QString());
        b.getOrCreateChannel(b.getOrCreateTopic(QStringLiteral("orders")),
                             QStringLiteral("billing"));
        b.publish(QStringLiteral("orders"), {"1", "2"});
        NsqdHttpClient http(QStringLiteral("127.0.0.1:%1").arg(b.httpPort()));
        // A consumer on the channel holding one of the two: its entry is parsed too.
        RawClient consumer;
        QVERIFY(consumer.connectTo(QStringLiteral("127.0.0.1"), b.tcpPort()));
        QVERIFY(consumer.identify(
            R"({"client_id":"stats-client","hostname":"stats-host","user_agent":"ua/1"})"));
        QVERIFY(consumer.subscribe(QStringLiteral("orders"), QStringLiteral("billing")));
        consumer.send(cmd::rdy(1));
        QVERIFY(consumer.nextMessage(kWait));
        const auto r = await<NsqdStats>([&](auto done) { http.stats({}, {}, done); });
        QVERIFY(r && r->ok());
        QCOMPARE(r->value().health, QStringLiteral("OK"));
        QCOMPARE(r->value().topics.size(), 1);
        const TopicStats &t = r->value().topics.first();
        QCOMPARE(t.name, QStringLiteral("orders"));
        QCOMPARE(t.messageCount, 2);
        QCOMPARE(t.channels.size(), 1);
        const ChannelStats &c = t.channels.first();
        QCOMPARE(c.name, QStringLiteral("billing"));
        QCOMPARE(c.depth, 1);
        QCOMPARE(c.inFlightCount, 1);
        QCOMPARE(c.clients.size(), 1);
        const ClientStats &client = c.clients.first();
        QCOMPARE(client.clientId, QStringLiteral("stats-client"));
        QCOMPARE(client.hostname, QStringLiteral("stats-host"));
        QCOMPARE(client.userAgent, QStringLiteral("ua/1"));
        QVERIFY2(client.remoteAddress.contains(QString::number(consumer.socket().localPort())),
                 qPrintable(client.remoteAddress));
        QCOMPARE(client.readyCount, 1);
        QCOMPARE(client.inFlightCount, 1);
        QCOMPARE(client.messageCount, 1);
        QCOMPARE(client.finishCount, 0);
    }

    void topicAndChannelVerbs()
    {
        Broker b;
        QCOMPARE(b.start(), QString());
        NsqdHttpClient http(QStringLiteral("http://127.0.0.1:%1").arg(b.httpPort()));
        for (const char *verb : {"create", "pause", "unpause", "empty"}) {
            const auto r = await<QByteArray>([&](auto done) {
                http.topicAction(QLatin1String(verb), QStringLiteral("t"), done);
            });
            QVERIFY2(r && r->ok(), verb);
        }
        for (const char *verb : {"create", "pause", "unpause", "empty", "delete"}) {
            const auto r = await<QByteArray>([&](auto done) {
                http.channelAction(QLatin1String(verb), QStringLiteral("t"), QStringLiteral("c"),
                                   done);
            });
            QVERIFY2(r && r->ok(), verb);
        }
        QVERIFY(await<QByteArray>([&](auto done) {
                    http.topicAction(QStringLiteral("delete"), QStringLiteral("t"), done);
                })->ok());
        const auto missing = await<QByteArray>([&](auto done) {
            http.topicAction(QStringLiteral("delete"), QStringLiteral("t"), done);
        });
        QVERIFY(missing && !missing->ok());
        QVERIFY2(missing->error().contains(QLatin1String("HTTP 404 TOPIC_NOT_FOUND")),
                 qPrintable(missing->error()));
        const auto badName = await<QByteArray>([&](auto done) {
            http.topicAction(QStringLiteral("create"), QStringLiteral("no way"), done);
        });
        QVERIFY(badName && badName->error().contains(QLatin1String("not a valid topic name")));
    }

    void unreachableAndBadAddresses()
    {
        quint16 dead = 0;
        {
            QTcpServer s;
            s.listen(QHostAddress::LocalHost);
            dead = s.serverPort();
        }
        NsqdHttpClient down(QStringLiteral("127.0.0.1:%1").arg(dead));
        const auto r = await<NsqdStats>([&](auto done) { down.stats({}, {}, done); });
        QVERIFY(r && !r->ok());
        QVERIFY2(r->error().contains(QStringLiteral("127.0.0.1:%1").arg(dead)),
                 qPrintable(r->error()));
        NsqdHttpClient bad(QStringLiteral("not an address"));
        QVERIFY(!bad.addressError().isEmpty());
        const auto r2 = await<NsqdStats>([&](auto done) { bad.stats({}, {}, done); });
        QVERIFY(r2 && !r2->ok());
    }

    void brokenAnswersAreFailuresThatNameTheServer_data()
    {
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<QString>("error");
        QTest::newRow("cut short") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n"
                                                 "Content-Type: application/json\r\n\r\n"
                                                 R"({"version":"1.3.0","topics":[]})")
                                   << "the answer broke off";
        QTest::newRow("redirect")
            << QByteArray("HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:1/stats\r\n"
                          "Content-Length: 0\r\n\r\n")
            << "HTTP 302 redirect to http://127.0.0.1:1/stats not followed";
        QTest::newRow("escape sequences")
            << QByteArray("HTTP/1.1 500 Oops\r\nContent-Length: 11\r\n\r\n\x1b[31mboom!")
            << "HTTP 500 \\x1b[31mboom!";
        QTest::newRow("not JSON") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 8\r\n\r\n"
                                                "not json")
                                  << "nsqd /stats answer is not a JSON object";
        QTest::newRow("too big") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 300000000\r\n"
                                               "\r\n{")
                                 << "answer larger than 1048576 bytes";
    }

    void brokenAnswersAreFailuresThatNameTheServer()
    {
        QFETCH(QByteArray, answer);
        QFETCH(QString, error);
        CannedServer server(answer);
        NsqdHttpClient http(server.address());
        http.setMaxBodySize(1024 * 1024);
        const auto r = await<NsqdStats>([&](auto done) { http.stats({}, {}, done); });
        QVERIFY(r);
        QVERIFY(!r->ok());
        QVERIFY2(r->error().contains(error), qPrintable(r->error()));
        QVERIFY2(r->error().contains(server.address()), qPrintable(r->error()));
        QVERIFY(!r->error().contains(QChar(0x1b)));
    }

    void aDrippingServerIsBoundInTotalTime()
    {
        // A byte every 100 ms keeps resetting the transfer timeout (1 s); the whole request
        // is bounded all the same.
        CannedServer server(QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n") +
                                QByteArray(1000, ' '),
                            100);
        NsqdHttpClient http(server.address());
        http.setTimeout(1000);
        const auto r = await<NsqdStats>([&](auto done) { http.stats({}, {}, done); });
        QVERIFY(r && !r->ok());
        QVERIFY2(r->error().contains(QLatin1String("no complete answer within 3 s")),
                 qPrintable(r->error()));
    }

    void silentServerTimesOut()
    {
        QTcpServer silent; // accepts, never answers
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        NsqdHttpClient http(QStringLiteral("127.0.0.1:%1").arg(silent.serverPort()));
        http.setTimeout(300);
        const auto r = await<NsqdStats>([&](auto done) { http.stats({}, {}, done); });
        QVERIFY(r && !r->ok());
        QVERIFY2(r->error().contains(QLatin1String("no answer in time")), qPrintable(r->error()));
    }

    void lookupdClient()
    {
        Broker b;
        QCOMPARE(b.start(), QString());
        b.getOrCreateChannel(b.getOrCreateTopic(QStringLiteral("t")), QStringLiteral("c"));
        Lookupd lookupd;
        lookupd.addBroker(&b);
        QVERIFY(lookupd.listen() != 0);
        LookupdHttpClient http(QStringLiteral("127.0.0.1:%1").arg(lookupd.httpPort()));
        const auto l =
            await<LookupResult>([&](auto done) { http.lookup(QStringLiteral("t"), done); });
        QVERIFY(l && l->ok());
        QCOMPARE(l->value().producers.size(), 1);
        QCOMPARE(l->value().producers.first().tcpPort, b.tcpPort());
        QCOMPARE(l->value().channels, QStringList{QStringLiteral("c")});
        const auto topics = await<QStringList>([&](auto done) { http.topics(done); });
        QVERIFY(topics && topics->ok());
        QCOMPARE(topics->value(), QStringList{QStringLiteral("t")});
        const auto channels =
            await<QStringList>([&](auto done) { http.channels(QStringLiteral("t"), done); });
        QVERIFY(channels && channels->ok());
        QCOMPARE(channels->value(), QStringList{QStringLiteral("c")});
        const auto nodes = await<QList<NodeInfo>>([&](auto done) { http.nodes(done); });
        QVERIFY(nodes && nodes->ok() && nodes->value().size() == 1);
        QCOMPARE(nodes->value().first().topics, QStringList{QStringLiteral("t")});
        const auto none =
            await<LookupResult>([&](auto done) { http.lookup(QStringLiteral("nope"), done); });
        QVERIFY(none && !none->ok() && none->error().contains(QLatin1String("TOPIC_NOT_FOUND")));
    }

    void lookupdAdvertisesWhatConsumersCanReach_data()
    {
        QTest::addColumn<QString>("listen");
        QTest::addColumn<QString>("broadcast");
        QTest::addColumn<QString>("expected");
        QTest::newRow("loopback") << "127.0.0.1"
                                  << ""
                                  << "127.0.0.1";
        // nsqd's default: its host name, when it listens everywhere (it used to say 127.0.0.1,
        // sending consumers on other hosts to their own loopback).
        QTest::newRow("every interface") << "0.0.0.0"
                                         << "" << QHostInfo::localHostName();
        QTest::newRow("given") << "0.0.0.0"
                               << "nsq.example"
                               << "nsq.example";
    }

    void lookupdAdvertisesWhatConsumersCanReach()
    {
        QFETCH(QString, listen);
        QFETCH(QString, broadcast);
        QFETCH(QString, expected);
        BrokerConfig config;
        config.tcpAddress = QHostAddress(listen);
        config.broadcastAddress = broadcast;
        Broker b(config);
        QCOMPARE(b.start(), QString());
        b.getOrCreateTopic(QStringLiteral("t"));
        Lookupd lookupd;
        lookupd.addBroker(&b);
        QVERIFY(lookupd.listen() != 0);
        LookupdHttpClient http(QStringLiteral("127.0.0.1:%1").arg(lookupd.httpPort()));
        const auto l =
            await<LookupResult>([&](auto done) { http.lookup(QStringLiteral("t"), done); });
        QVERIFY(l && l->ok());
        QCOMPARE(l->value().producers.first().broadcastAddress, expected);
        QCOMPARE(l->value().producers.first().tcpAddress(), joinHostPort(expected, b.tcpPort()));
        NsqdHttpClient nsqd(QStringLiteral("127.0.0.1:%1").arg(b.httpPort()));
        const auto info =
            await<QByteArray>([&](auto done) { nsqd.get(QStringLiteral("/info"), {}, done); });
        QVERIFY(info && info->ok());
        QVERIFY2(info->value().contains("\"broadcast_address\":\"" + expected.toUtf8() + '"'),
                 info->value().constData());
    }

    void ipv6NodesAreBracketed()
    {
        // A node lookupd announces by an IPv6 address is dialled and asked as [host]:port, the
        // form the address parser reads back (it was "::1:4150" and then refused).
        const auto r = LookupResult::parse(
            R"({"channels":[],"producers":[{"broadcast_address":"::1","hostname":"h",)"
            R"("tcp_port":4150,"http_port":4151,"version":"1.3.0"}]})");
        QVERIFY(r.ok());
        const NodeInfo &n = r.value().producers.first();
        QCOMPARE(n.tcpAddress(), QStringLiteral("[::1]:4150"));
        QCOMPARE(n.httpAddress(), QStringLiteral("[::1]:4151"));
        QString host;
        quint16 port = 0;
        QCOMPARE(parseHostPort(n.httpAddress(), &host, &port), QString());
        QCOMPARE(host, QStringLiteral("::1"));
        QCOMPARE(port, quint16(4151));
        QCOMPARE(joinHostPort(QStringLiteral("127.0.0.1"), 4150), QStringLiteral("127.0.0.1:4150"));
        QCOMPARE(joinHostPort(QStringLiteral("nsqd.example"), 1), QStringLiteral("nsqd.example:1"));
    }

    void lookupParsesBothAnswerShapes_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("plain") << QByteArray(kPlain);
        QTest::newRow("wrapped") << QByteArray(kWrapped);
    }
    void lookupParsesBothAnswerShapes()
    {
        QFETCH(QByteArray, json);
        const auto r = LookupResult::parse(json);
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(r.value().producers.first().tcpAddress(), QStringLiteral("10.0.0.7:4150"));
        QCOMPARE(r.value().channels, QStringList{QStringLiteral("c")});
    }

    void lookupRejectsNonsense()
    {
        QVERIFY(!LookupResult::parse("<html>").ok());
        QVERIFY(!LookupResult::parse(R_NO_PORT).ok());
    }

private:
    static constexpr const char *kPlain =
        "{\"channels\":[\"c\"],\"producers\":[{\"broadcast_address\":\"10.0.0.7\",\"tcp_port\":"
        "4150,\"http_port\":4151}]}";
    static constexpr const char *kWrapped =
        "{\"status_code\":200,\"status_txt\":\"OK\",\"data\":{\"channels\":[\"c\"],\"producers\":"
        "[{\"broadcast_address\":\"10.0.0.7\",\"tcp_port\":4150,\"http_port\":4151}]}}";
    static constexpr const char *R_NO_PORT = "{\"producers\":[{\"broadcast_address\":\"x\"}]}";
};

QTEST_GUILESS_MAIN(TstHttpClients)
#include "tst_httpclients.moc"
