// nsq-inspector-cli tail, pub, stats and bench, run as real processes against an embedded broker
// (and the lookupd role) living in this test process.
#include "scriptedserver.h"

#include <broker/broker.h>
#include <broker/brokerclient.h>
#include <broker/lookupd.h>
#include <broker/topic.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QProcess>
#include <QScopeGuard>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include "gzip.h"

#include <memory>

#include <csignal>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace nsq;

namespace {
constexpr int kWait = 60000;

struct Run
{
    int code = -1;
    QByteArray out, err;
};
} // namespace

class TstCliCommands : public QObject
{
    Q_OBJECT

    std::unique_ptr<Broker> m_broker;
    std::unique_ptr<Lookupd> m_lookupd;

    QString tcp() const { return QStringLiteral("127.0.0.1:%1").arg(m_broker->tcpPort()); }
    QString http() const { return QStringLiteral("127.0.0.1:%1").arg(m_broker->httpPort()); }
    QString lookup() const { return QStringLiteral("127.0.0.1:%1").arg(m_lookupd->httpPort()); }

    // The broker lives in this thread, so the event loop must keep running while the CLI works.
    Run cli(const QStringList &args, const QByteArray &input = {})
    {
        QProcess p;
        p.start(QStringLiteral(NSQ_CLI_PATH), args);
        Run r;
        if (!p.waitForStarted(kWait))
            return r;
        if (!input.isEmpty())
            p.write(input);
        p.closeWriteChannel();
        if (!QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, kWait)) {
            p.kill();
            p.waitForFinished();
            return r;
        }
        r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_broker = std::make_unique<Broker>();
        QCOMPARE(m_broker->start(), QString());
        m_lookupd = std::make_unique<Lookupd>();
        m_lookupd->addBroker(m_broker.get());
        QVERIFY(m_lookupd->listen() != 0);
    }

    void pubThenTail()
    {
        QByteArray lines;
        for (int i = 0; i < 300; ++i)
            lines += "line " + QByteArray::number(i) + "\n";
        lines += "\n"; // an empty line is skipped, not sent
        const Run pub = cli({QStringLiteral("pub"), QStringLiteral("--nsqd-tcp-address"), tcp(),
                             QStringLiteral("--topic"), QStringLiteral("pubtail"),
                             QStringLiteral("--batch"), QStringLiteral("64")},
                            lines);
        QCOMPARE(pub.code, 0);
        QVERIFY2(pub.err.contains("published 300 messages"), pub.err.constData());
        QVERIFY(pub.err.contains("skipped 1 empty lines"));
        QCOMPARE(m_broker->topic(QStringLiteral("pubtail"))->messageCount, quint64(300));

        const Run tail = cli({QStringLiteral("tail"), QStringLiteral("--nsqd-tcp-address"), tcp(),
                              QStringLiteral("--topic"), QStringLiteral("pubtail"),
                              QStringLiteral("-n"), QStringLiteral("300")});
        QVERIFY2(tail.code == 0, tail.err.right(4000).constData());
        QStringList got = QString::fromUtf8(tail.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(got.size(), 300);
        got.sort();
        QVERIFY(got.contains(QStringLiteral("line 0")) && got.contains(QStringLiteral("line 299")));
    }

    void tailDecodesBodies()
    {
        // A gzip'd JSON, a MsgPack map, a CBOR map and a protobuf shop.Order (hand-encoded).
        const QByteArray json = "{\"user\":{\"id\":42},\"kind\":\"gz\"}";
        const QByteArray gz = gzip(json);
        const QByteArray msgpack = QByteArray::fromHex("82a475736572"
                                                       "81a26964"
                                                       "07"
                                                       "a46b696e64a26d70");
        const QByteArray cbor = QByteArray::fromHex("a2"
                                                    "6475736572"
                                                    "a1626964"
                                                    "182a"
                                                    "646b696e64"
                                                    "6463626f72");
        const QByteArray order = QByteArray::fromHex("08a946"
                                                     "120341646"
                                                     "1"
                                                     "1802");
        QCOMPARE(m_broker->publish(QStringLiteral("decoded"), {gz, msgpack, cbor}), QString());
        const Run all =
            cli({QStringLiteral("tail"), QStringLiteral("--nsqd-tcp-address"), tcp(),
                 QStringLiteral("--topic"), QStringLiteral("decoded"), QStringLiteral("--decode"),
                 QStringLiteral("auto"), QStringLiteral("-n"), QStringLiteral("3")});
        QCOMPARE(all.code, 0);
        QStringList lines = QString::fromUtf8(all.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        lines.sort();
        QCOMPARE(lines, (QStringList{"{\"kind\":\"cbor\",\"user\":{\"id\":42}}",
                                     "{\"kind\":\"gz\",\"user\":{\"id\":42}}",
                                     "{\"kind\":\"mp\",\"user\":{\"id\":7}}"}));
        // --where keeps the matching ones; the others are read and finished too.
        QCOMPARE(m_broker->publish(QStringLiteral("decoded"), {gz, msgpack, cbor}), QString());
        const Run where =
            cli({QStringLiteral("tail"), QStringLiteral("--nsqd-tcp-address"), tcp(),
                 QStringLiteral("--topic"), QStringLiteral("decoded"), QStringLiteral("--channel"),
                 QStringLiteral("w"), QStringLiteral("--where"),
                 QStringLiteral("user.id == 42 and kind ~ /^c/"), QStringLiteral("-n"),
                 QStringLiteral("1")});
        QCOMPARE(where.code, 0);
        QCOMPARE(where.out, QByteArray("{\"kind\":\"cbor\",\"user\":{\"id\":42}}\n"));
        // With the schema: field names and the enum by name.
        QCOMPARE(m_broker->publish(QStringLiteral("orders"), {order}), QString());
        const Run proto = cli(
            {QStringLiteral("tail"), QStringLiteral("--nsqd-tcp-address"), tcp(),
             QStringLiteral("--topic"), QStringLiteral("orders"), QStringLiteral("--decode"),
             QStringLiteral("protobuf"), QStringLiteral("--proto"),
             QStringLiteral(NSQ_FIXTURE_DIR "/proto/order.proto"), QStringLiteral("--proto-path"),
             QStringLiteral(NSQ_FIXTURE_DIR "/proto"), QStringLiteral("--message-type"),
             QStringLiteral("shop.Order"), QStringLiteral("-n"), QStringLiteral("1")});
        QCOMPARE(proto.code, 0);
        QCOMPARE(proto.out,
                 QByteArray("{\"customer\":\"Ada\",\"id\":9001,\"status\":\"SHIPPED\"}\n"));
        // A body that is not what was asked: printed with why, never dropped.
        QCOMPARE(m_broker->publish(QStringLiteral("notjson"), {QByteArray("{\"a\": [1,,2]}")}),
                 QString());
        const Run bad =
            cli({QStringLiteral("tail"), QStringLiteral("--nsqd-tcp-address"), tcp(),
                 QStringLiteral("--topic"), QStringLiteral("notjson"), QStringLiteral("--decode"),
                 QStringLiteral("json"), QStringLiteral("-n"), QStringLiteral("1")});
        QCOMPARE(bad.code, 0);
        QVERIFY2(bad.out.startsWith("{\"$base64\":"), bad.out.constData());
        QVERIFY(bad.out.contains("\"$offset\":"));
        QVERIFY2(bad.err.contains("does not decode"), bad.err.constData());
    }

    void pubHonoursRate()
    {
        // 20 lines at 40/s cannot finish in less than about half a second; that is all we check.
        QByteArray lines;
        for (int i = 0; i < 20; ++i)
            lines += "r\n";
        QElapsedTimer t;
        t.start();
        const Run pub = cli({QStringLiteral("pub"), QStringLiteral("--nsqd-tcp-address"), tcp(),
                             QStringLiteral("--topic"), QStringLiteral("rated"),
                             QStringLiteral("--rate"), QStringLiteral("40")},
                            lines);
        QCOMPARE(pub.code, 0);
        QVERIFY2(t.elapsed() >= 400, qPrintable(QString::number(t.elapsed())));
    }

    void aWriteErrorIsReported_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("error");
        QTest::newRow("tail")
            << QStringList{"tail", "--topic", "full", "-n", "2"}
            << QByteArray("nsq-inspector-cli tail: cannot write output: No space left on device");
        QTest::newRow("stats")
            << QStringList{"stats"}
            << QByteArray("nsq-inspector-cli stats: cannot write output: No space left on device");
    }

    void aWriteErrorIsReported()
    {
        // `tail > /dev/full` and `stats > /dev/full` used to exit 0 and say nothing.
        QFETCH(QStringList, args);
        QFETCH(QByteArray, error);
        QCOMPARE(m_broker->publish(QStringLiteral("full"), {"a", "b"}), QString());
        if (args.first() == QLatin1String("tail"))
            args << QStringLiteral("--nsqd-tcp-address") << tcp();
        else
            args << QStringLiteral("--nsqd-http-address") << http();
        QProcess p;
        p.setStandardOutputFile(QStringLiteral("/dev/full"));
        p.start(QStringLiteral(NSQ_CLI_PATH), args);
        QVERIFY(QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, kWait));
        QCOMPARE(p.exitCode(), 1);
        const QByteArray err = p.readAllStandardError();
        QVERIFY2(err.contains(error), err.constData());
    }

    void ctrlCEndsItWhileItsOutputIsBlocked()
    {
        // tail writing into a pipe nobody reads (`tail | sleep 30`): the first SIGINT used to
        // wait behind the blocked write for good. Now it ends the run cleanly (CLS, the message
        // being written requeued) with the pipe still full.
        QTemporaryDir dir;
        const QByteArray fifo = QFile::encodeName(dir.filePath(QStringLiteral("out")));
        QCOMPARE(::mkfifo(fifo.constData(), 0600), 0);
        const int reader = ::open(fifo.constData(), O_RDONLY | O_NONBLOCK); // opened, never read
        QVERIFY(reader >= 0);
        const auto closeReader = qScopeGuard([reader] { ::close(reader); });
        QByteArrayList bodies;
        for (int i = 0; i < 2000; ++i)
            bodies << QByteArray(200, 'x');
        QCOMPARE(m_broker->publish(QStringLiteral("stuck"), bodies), QString());
        QProcess p;
        p.setStandardOutputFile(QFile::decodeName(fifo));
        p.start(QStringLiteral(NSQ_CLI_PATH),
                {QStringLiteral("tail"), QStringLiteral("--nsqd-tcp-address"), tcp(),
                 QStringLiteral("--topic"), QStringLiteral("stuck")});
        QVERIFY(p.waitForStarted(kWait));
        // Wait until the pipe is full (64 KiB and more were written).
        const Channel *ch = nullptr;
        QVERIFY(QTest::qWaitFor(
            [&] {
                const Topic *t = m_broker->topic(QStringLiteral("stuck"));
                if (!t || t->channels.empty())
                    return false;
                ch = t->channels.begin()->second.get();
                return ch->depth() < 2000 - 400;
            },
            kWait));
        QElapsedTimer stopping;
        stopping.start();
        ::kill(pid_t(p.processId()), SIGINT);
        QVERIFY(QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, kWait));
        qInfo("ended %lld ms after SIGINT", stopping.elapsed());
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        const QByteArray err = p.readAllStandardError();
        QVERIFY2(p.exitCode() == 0, err.constData());
        QVERIFY2(!err.contains("cannot write"), err.constData());
    }

    void badOptionsExitTwo_data()
    {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("error");
        QTest::newRow("secret file") << "auth_secret=@/nonexistent/secret"
                                     << "auth_secret: cannot read '/nonexistent/secret'";
        QTest::newRow("secret variable")
            << "auth_secret=env:NSQ_NO_SUCH_VARIABLE"
            << "the environment variable NSQ_NO_SUCH_VARIABLE is not set";
        // It used to wrap to 1000 ms on the wire.
        QTest::newRow("out of range") << "msg_timeout=4294968296"
                                      << "msg_timeout: '4294968296' is out of range";
        QTest::newRow("not a duration") << "dial_timeout=5x"
                                        << "is not a duration";
    }

    void badOptionsExitTwo()
    {
        QFETCH(QString, option);
        QFETCH(QString, error);
        const Run r = cli({QStringLiteral("tail"), QStringLiteral("--nsqd-tcp-address"), tcp(),
                           QStringLiteral("--topic"), QStringLiteral("t"),
                           QStringLiteral("--consumer-opt"), option});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(error.toUtf8()), r.err.constData());
    }

    void optionsReachTheConnection()
    {
        // A broker that offers TLS and requires AUTH: each option must reach the server.
        BrokerConfig bc;
        bc.tlsCertFile = testCertPath("server.pem");
        bc.tlsKeyFile = testCertPath("server.key");
        bc.authSecret = QStringLiteral("s3cret");
        Broker secure(bc);
        QCOMPARE(secure.start(), QString());
        const QString address = QStringLiteral("127.0.0.1:%1").arg(secure.tcpPort());
        const QString ca = QStringLiteral("tls_root_ca_file=") + testCertPath("ca.pem");
        const auto clientNamed = [&secure](const QString &id) -> BrokerClient * {
            for (BrokerClient *c : secure.clients())
                if (c->clientId() == id && (c->state() == 1 || c->authorised()))
                    return c;
            return nullptr;
        };

        // The secret from a file for tail, from the environment for pub: never in argv.
        QTemporaryDir dir;
        const QString secretFile = dir.filePath(QStringLiteral("secret"));
        {
            QFile f(secretFile);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("s3cret\n");
        }
        QProcess tail;
        tail.start(QStringLiteral(NSQ_CLI_PATH), {QStringLiteral("tail"),
                                                  QStringLiteral("--nsqd-tcp-address"),
                                                  address,
                                                  QStringLiteral("--topic"),
                                                  QStringLiteral("opted"),
                                                  QStringLiteral("-n"),
                                                  QStringLiteral("1"),
                                                  QStringLiteral("--consumer-opt"),
                                                  QStringLiteral("tls_v1=true"),
                                                  QStringLiteral("--consumer-opt"),
                                                  ca,
                                                  QStringLiteral("--consumer-opt"),
                                                  QStringLiteral("snappy=true"),
                                                  QStringLiteral("--consumer-opt"),
                                                  QStringLiteral("auth_secret=@") + secretFile,
                                                  QStringLiteral("--consumer-opt"),
                                                  QStringLiteral("client_id=opt-tail"),
                                                  QStringLiteral("--consumer-opt"),
                                                  QStringLiteral("user_agent=agent/7"),
                                                  QStringLiteral("--consumer-opt"),
                                                  QStringLiteral("msg_timeout=5s"),
                                                  QStringLiteral("--consumer-opt"),
                                                  QStringLiteral("heartbeat_interval=7000")});
        BrokerClient *seen = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((seen = clientNamed(QStringLiteral("opt-tail"))), kWait);
        QVERIFY(seen->tls());
        QVERIFY(seen->snappy());
        QVERIFY(!seen->deflate());
        QVERIFY(seen->authorised());
        QCOMPARE(seen->userAgent(), QStringLiteral("agent/7"));
        QCOMPARE(seen->msgTimeout(), 5000);
        QCOMPARE(seen->heartbeatInterval(), 7000);
        QTRY_COMPARE_WITH_TIMEOUT(seen->state(), 1, kWait); // subscribed

        QProcess pub;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("NSQ_TEST_SECRET"), QStringLiteral("s3cret"));
        pub.setProcessEnvironment(env);
        pub.start(QStringLiteral(NSQ_CLI_PATH),
                  {QStringLiteral("pub"), QStringLiteral("--nsqd-tcp-address"), address,
                   QStringLiteral("--topic"), QStringLiteral("opted"),
                   QStringLiteral("--producer-opt"), QStringLiteral("tls_v1=true"),
                   QStringLiteral("--producer-opt"), ca, QStringLiteral("--producer-opt"),
                   QStringLiteral("deflate=true"), QStringLiteral("--producer-opt"),
                   QStringLiteral("deflate_level=3"), QStringLiteral("--producer-opt"),
                   QStringLiteral("auth_secret=env:NSQ_TEST_SECRET"),
                   QStringLiteral("--producer-opt"), QStringLiteral("client_id=opt-pub")});
        QVERIFY(pub.waitForStarted(kWait));
        pub.write("compressed\n"); // stdin stays open: the connection stays up to be looked at
        QTRY_VERIFY_WITH_TIMEOUT((seen = clientNamed(QStringLiteral("opt-pub"))), kWait);
        QVERIFY(seen->tls());
        QVERIFY(seen->deflate());
        QCOMPARE(seen->deflateLevel(), 3);
        QVERIFY(!seen->snappy());
        QVERIFY(seen->authorised());
        pub.closeWriteChannel();
        QTRY_COMPARE_WITH_TIMEOUT(pub.state(), QProcess::NotRunning, kWait);
        QCOMPARE(pub.exitCode(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(tail.state(), QProcess::NotRunning, kWait);
        QCOMPARE(tail.exitCode(), 0);
        QCOMPARE(tail.readAllStandardOutput(), QByteArray("compressed\n"));
    }

    void pubPublishesEachLineAsItArrives()
    {
        // tail -f log | pub: a line is published when it arrives, not when a batch fills up.
        QProcess pub;
        pub.start(QStringLiteral(NSQ_CLI_PATH),
                  {QStringLiteral("pub"), QStringLiteral("--nsqd-tcp-address"), tcp(),
                   QStringLiteral("--topic"), QStringLiteral("streamed")});
        QVERIFY(pub.waitForStarted(kWait));
        const auto count = [this] {
            const Topic *t = m_broker->topic(QStringLiteral("streamed"));
            return t ? t->messageCount : 0;
        };
        pub.write("first\n");
        QTRY_COMPARE_WITH_TIMEOUT(count(), quint64(1), kWait);
        pub.write("second\nthird");
        QTRY_COMPARE_WITH_TIMEOUT(count(), quint64(2), kWait);
        QCOMPARE(pub.state(), QProcess::Running);
        pub.closeWriteChannel(); // the last line needs no newline
        QTRY_COMPARE_WITH_TIMEOUT(pub.state(), QProcess::NotRunning, kWait);
        QCOMPARE(pub.exitCode(), 0);
        QCOMPARE(count(), quint64(3));
    }

    void serverTextNeverReachesTheTerminalRaw()
    {
        // A hostile server's names and addresses carry escape sequences (set the window title,
        // colour the screen): stats and tail print them as \x1b, never raw.
        const QByteArray esc = "evil\x1b]0;PWNED\x07\x1b[31m";
        const auto canned = [](const QByteArray &json) {
            auto *server = new QTcpServer;
            server->listen(QHostAddress::LocalHost);
            QObject::connect(server, &QTcpServer::newConnection, server, [server, json] {
                QTcpSocket *sock = server->nextPendingConnection();
                QObject::connect(sock, &QTcpSocket::readyRead, sock, [sock, json] {
                    if (!sock->readAll().contains("\r\n\r\n"))
                        return;
                    sock->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                "Content-Length: " +
                                QByteArray::number(json.size()) + "\r\n\r\n" + json);
                    sock->disconnectFromHost();
                });
            });
            return std::unique_ptr<QTcpServer>(server);
        };
        const auto stats =
            canned(R"({"version":"1.3.0","health":"OK","topics":[{"topic_name":")" + esc +
                   R"(","channels":[{"channel_name":")" + esc + R"(","clients":[]}]}]})");
        const Run s = cli({QStringLiteral("stats"), QStringLiteral("--nsqd-http-address"),
                           QStringLiteral("127.0.0.1:%1").arg(stats->serverPort())});
        QVERIFY2(!s.out.contains('\x1b') && !s.out.contains('\x07'), s.out.constData());
        QVERIFY2(s.out.contains("evil\\x1b]0;PWNED\\x07"), s.out.constData());

        const auto lookupd =
            canned(R"({"channels":[],"producers":[{"broadcast_address":")" + esc +
                   R"(","hostname":"h","tcp_port":1,"http_port":2,"version":"1"}]})");
        QProcess tail;
        tail.start(QStringLiteral(NSQ_CLI_PATH),
                   {QStringLiteral("tail"), QStringLiteral("--lookupd-http-address"),
                    QStringLiteral("127.0.0.1:%1").arg(lookupd->serverPort()),
                    QStringLiteral("--topic"), QStringLiteral("t")});
        QByteArray err;
        QVERIFY(QTest::qWaitFor(
            [&] {
                err += tail.readAllStandardError();
                return err.contains("evil");
            },
            kWait));
        tail.terminate();
        QVERIFY(tail.waitForFinished(kWait));
        err += tail.readAllStandardError();
        QVERIFY2(!err.contains('\x1b') && !err.contains('\x07'), err.constData());
    }

    void jsonlFromTailPublishesBackByteForByte()
    {
        // tail --format jsonl | pub --format jsonl: binary bodies and bodies with newlines,
        // which line mode cannot carry, arrive unchanged.
        const QByteArrayList bodies{QByteArray("plain"), QByteArray("two\nlines\r\n"),
                                    QByteArray("\xff\x00\x01binary", 9),
                                    QByteArray("h\xc3\xa9 \"q\" \\")};
        QCOMPARE(m_broker->publish(QStringLiteral("jsrc"), bodies), QString());
        const Run tail =
            cli({QStringLiteral("tail"), QStringLiteral("--nsqd-tcp-address"), tcp(),
                 QStringLiteral("--topic"), QStringLiteral("jsrc"), QStringLiteral("--format"),
                 QStringLiteral("jsonl"), QStringLiteral("-n"), QStringLiteral("4")});
        QCOMPARE(tail.code, 0);
        const QByteArrayList lines = tail.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 4);
        const QJsonObject first = QJsonDocument::fromJson(lines.first()).object();
        QCOMPARE(first.value(QLatin1String("nsqd")).toString(), tcp());
        QCOMPARE(first.value(QLatin1String("topic")).toString(), QStringLiteral("jsrc"));
        QCOMPARE(first.value(QLatin1String("attempts")).toInt(), 1);

        const Run pub = cli({QStringLiteral("pub"), QStringLiteral("--nsqd-tcp-address"), tcp(),
                             QStringLiteral("--topic"), QStringLiteral("jcopy"),
                             QStringLiteral("--format"), QStringLiteral("jsonl")},
                            tail.out);
        QVERIFY2(pub.code == 0, pub.err.constData());
        const Topic *copy = m_broker->topic(QStringLiteral("jcopy"));
        QVERIFY(copy);
        QByteArrayList arrived;
        for (const Topic::Pending &p : copy->backlog)
            arrived << p.message.body;
        QByteArrayList expected = bodies, got = arrived;
        std::sort(expected.begin(), expected.end());
        std::sort(got.begin(), got.end());
        QCOMPARE(got, expected);
    }

    void jsonlLinesThatAreNotRecordsAreNamed()
    {
        const Run pub = cli({QStringLiteral("pub"), QStringLiteral("--nsqd-tcp-address"), tcp(),
                             QStringLiteral("--topic"), QStringLiteral("jbad"),
                             QStringLiteral("--format"), QStringLiteral("jsonl")},
                            "{\"body\":\"ok\"}\nnot json\n\n{\"nobody\":1}\n{\"body\":\"ok2\"}\n");
        QCOMPARE(pub.code, 1);
        QVERIFY2(pub.err.contains("2 lines are not message records and were not published: "
                                  "line 2, 4 (first: not JSON"),
                 pub.err.constData());
        QVERIFY2(pub.err.contains("published 2 messages"), pub.err.constData());
        QCOMPARE(m_broker->topic(QStringLiteral("jbad"))->messageCount, quint64(2));
    }

    void pubKeepsItsConnectionThroughIdleInputAndReconnects()
    {
        // (echo a; sleep; echo b) | pub: while input is idle the connection answers heartbeats
        // (the broker would drop it after two unanswered ones), and when the server closes it
        // anyway the next line reconnects instead of failing.
        QProcess pub;
        pub.start(QStringLiteral(NSQ_CLI_PATH),
                  {QStringLiteral("pub"), QStringLiteral("--nsqd-tcp-address"), tcp(),
                   QStringLiteral("--topic"), QStringLiteral("idle"), QStringLiteral("--batch"),
                   QStringLiteral("1"), QStringLiteral("--producer-opt"),
                   QStringLiteral("heartbeat_interval=1s")});
        QVERIFY(pub.waitForStarted(kWait));
        const auto count = [this] {
            const Topic *t = m_broker->topic(QStringLiteral("idle"));
            return t ? t->messageCount : 0;
        };
        const auto client = [this]() -> BrokerClient * {
            for (BrokerClient *c : m_broker->clients())
                if (c->heartbeatInterval() == 1000)
                    return c;
            return nullptr;
        };
        pub.write("a\n");
        QTRY_COMPARE_WITH_TIMEOUT(count(), quint64(1), kWait);
        QPointer<BrokerClient> first = client();
        QVERIFY(first);
        // Idle for three and a half heartbeat intervals: the same connection is still there.
        QElapsedTimer idle;
        idle.start();
        QVERIFY(!QTest::qWaitFor([&] { return !first || idle.elapsed() > 3500; }, kWait) || first);
        QVERIFY2(first, "the idle connection was dropped");
        QCOMPARE(pub.state(), QProcess::Running);

        first->closeConnection(); // the server goes away while pub waits for input
        QTRY_VERIFY_WITH_TIMEOUT(!first, kWait);
        pub.write("b\n");
        QTRY_COMPARE_WITH_TIMEOUT(count(), quint64(2), kWait);
        pub.closeWriteChannel();
        QTRY_COMPARE_WITH_TIMEOUT(pub.state(), QProcess::NotRunning, kWait);
        const QByteArray err = pub.readAllStandardError();
        QVERIFY2(pub.exitCode() == 0, err.constData());
        QVERIFY2(err.contains("published 2 messages"), err.constData());
    }

    void pubReconnectsWhenNsqdComesBack()
    {
        // nsqd restarts under `tail -f log | pub`: the lines that come meanwhile wait, and go out
        // once it is back on its port; none is lost and the run ends well.
        auto first = std::make_unique<Broker>();
        QCOMPARE(first->start(), QString());
        const quint16 port = first->tcpPort();
        QProcess pub;
        pub.start(QStringLiteral(NSQ_CLI_PATH),
                  {QStringLiteral("pub"), QStringLiteral("--nsqd-tcp-address"),
                   QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--topic"),
                   QStringLiteral("restart")});
        QVERIFY(pub.waitForStarted(kWait));
        const auto count = [](const Broker &b) {
            const Topic *t = b.topic(QStringLiteral("restart"));
            return t ? t->messageCount : 0;
        };
        pub.write("before\n");
        QTRY_COMPARE_WITH_TIMEOUT(count(*first), quint64(1), kWait);
        first.reset(); // nsqd goes away
        pub.write("during 1\n");
        QVERIFY(QTest::qWaitFor([&] { return pub.bytesToWrite() == 0; }, kWait));
        pub.write("during 2\n");
        QByteArray said;
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         said += pub.readAllStandardError();
                         return said.contains("reconnecting");
                     },
                     kWait),
                 said.constData());
        BrokerConfig again;
        again.tcpPort = port;
        Broker second(again);
        QCOMPARE(second.start(), QString());
        QTRY_COMPARE_WITH_TIMEOUT(count(second), quint64(2), kWait);
        pub.closeWriteChannel();
        QTRY_COMPARE_WITH_TIMEOUT(pub.state(), QProcess::NotRunning, kWait);
        const QByteArray err = pub.readAllStandardError();
        QVERIFY2(pub.exitCode() == 0, err.constData());
        QVERIFY2(err.contains("published 3 messages"), err.constData());
    }

    void pubGivesUpReconnectingAfterItsTimeout()
    {
        auto broker = std::make_unique<Broker>();
        QCOMPARE(broker->start(), QString());
        QProcess pub;
        pub.start(QStringLiteral(NSQ_CLI_PATH),
                  {QStringLiteral("pub"), QStringLiteral("--nsqd-tcp-address"),
                   QStringLiteral("127.0.0.1:%1").arg(broker->tcpPort()), QStringLiteral("--topic"),
                   QStringLiteral("gone"), QStringLiteral("--reconnect-timeout"),
                   QStringLiteral("1")});
        QVERIFY(pub.waitForStarted(kWait));
        pub.write("one\n");
        QTRY_VERIFY_WITH_TIMEOUT(broker->topic(QStringLiteral("gone")), kWait);
        broker.reset();
        pub.write("two\nthree\n");
        QTRY_COMPARE_WITH_TIMEOUT(pub.state(), QProcess::NotRunning, kWait);
        const QByteArray err = pub.readAllStandardError();
        QCOMPARE(pub.exitCode(), 1);
        QVERIFY2(err.contains("gave up reconnecting after"), err.constData());
        QVERIFY2(err.contains("2 messages not published") && err.contains("1 published"),
                 err.constData());
    }

    void pubReadsALineLongerThanItsReadAhead()
    {
        // Reading pauses at 4 MiB of unpublished input, but never inside a line that is not
        // whole yet: a 5 MiB message (the broker here takes up to 8 MiB, and pub is told so)
        // still goes out.
        BrokerConfig bc;
        bc.maxMsgSize = 8 * 1024 * 1024;
        bc.maxBodySize = 8 * 1024 * 1024;
        Broker big(bc);
        QCOMPARE(big.start(), QString());
        const QByteArray longLine(5 * 1024 * 1024, 'x');
        const Run pub = cli({QStringLiteral("pub"), QStringLiteral("--nsqd-tcp-address"),
                             QStringLiteral("127.0.0.1:%1").arg(big.tcpPort()),
                             QStringLiteral("--topic"), QStringLiteral("long"),
                             QStringLiteral("--max-msg-size"), QString::number(bc.maxMsgSize),
                             QStringLiteral("--max-body-size"), QString::number(bc.maxBodySize)},
                            longLine + "\nafter\n");
        QCOMPARE(pub.code, 0);
        QVERIFY2(pub.err.contains("published 2 messages"), pub.err.constData());
        QCOMPARE(big.topic(QStringLiteral("long"))->messageCount, quint64(2));
    }

    void pubCutsBatchesByTheServersBodyLimit()
    {
        // 200 lines of 30 KB are 6 MB: one MPUB would pass nsqd's 5 MB body limit and fail
        // whole, where to_nsq publishes them all.
        QByteArray input;
        for (int i = 0; i < 200; ++i)
            input += QByteArray(30 * 1024, 'a' + char(i % 26)) + '\n';
        const Run pub = cli({QStringLiteral("pub"), QStringLiteral("--nsqd-tcp-address"), tcp(),
                             QStringLiteral("--topic"), QStringLiteral("wide")},
                            input);
        QVERIFY2(pub.code == 0, pub.err.constData());
        QVERIFY2(pub.err.contains("published 200 messages"), pub.err.constData());
        QCOMPARE(m_broker->topic(QStringLiteral("wide"))->messageCount, quint64(200));
    }

    void pubRefusesALineOverTheMessageSizeByNumber()
    {
        const QByteArray input = "first\n" + QByteArray(2 * 1024 * 1024, 'b') + "\nthird\n";
        const Run pub = cli({QStringLiteral("pub"), QStringLiteral("--nsqd-tcp-address"), tcp(),
                             QStringLiteral("--topic"), QStringLiteral("tall")},
                            input);
        QCOMPARE(pub.code, 1);
        QVERIFY2(pub.err.contains("1 lines longer than --max-msg-size (1048576 bytes) not "
                                  "published: line 2"),
                 pub.err.constData());
        QVERIFY2(pub.err.contains("published 2 messages"), pub.err.constData());
    }

    void pubStopsAtALineNoBrokerWouldTake()
    {
        // Without a newline in sight, input is not buffered without end.
        const QByteArray endless(65 * 1024 * 1024, 'y');
        const Run pub = cli({QStringLiteral("pub"), QStringLiteral("--nsqd-tcp-address"), tcp(),
                             QStringLiteral("--topic"), QStringLiteral("endless")},
                            "before\n" + endless);
        QCOMPARE(pub.code, 1);
        QVERIFY2(pub.err.contains("a line of input is longer than 64 MiB"), pub.err.constData());
        QVERIFY2(pub.err.contains("(1 published)"), pub.err.constData());
    }

    void pubSaysWhenItCannotReadItsInput()
    {
        // `pub < /tmp`: a read error is an error (to_nsq says "is a directory"), not an empty
        // input published with exit code 0.
        QProcess p;
        p.setStandardInputFile(QDir::tempPath());
        p.start(QStringLiteral(NSQ_CLI_PATH),
                {QStringLiteral("pub"), QStringLiteral("--nsqd-tcp-address"), tcp(),
                 QStringLiteral("--topic"), QStringLiteral("dir")});
        QVERIFY(QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, kWait));
        QCOMPARE(p.exitCode(), 1);
        const QByteArray err = p.readAllStandardError();
        QVERIFY2(err.contains("cannot read standard input: Is a directory"), err.constData());
    }

    void pubRateEarnsNoBurstWhileIdle()
    {
        // At 5/s, six lines take a second however long the input was quiet before them.
        QProcess pub;
        pub.start(QStringLiteral(NSQ_CLI_PATH),
                  {QStringLiteral("pub"), QStringLiteral("--nsqd-tcp-address"), tcp(),
                   QStringLiteral("--topic"), QStringLiteral("idlerate"), QStringLiteral("--rate"),
                   QStringLiteral("5")});
        QVERIFY(pub.waitForStarted(kWait));
        const auto count = [this] {
            const Topic *t = m_broker->topic(QStringLiteral("idlerate"));
            return t ? t->messageCount : 0;
        };
        pub.write("first\n");
        QTRY_COMPARE_WITH_TIMEOUT(count(), quint64(1), kWait);
        QTest::qWait(2000); // not a synchronisation: the quiet spell is what is under test
        QElapsedTimer t;
        t.start();
        pub.write("1\n2\n3\n4\n5\n6\n");
        pub.closeWriteChannel();
        QTRY_COMPARE_WITH_TIMEOUT(pub.state(), QProcess::NotRunning, kWait);
        QCOMPARE(pub.exitCode(), 0);
        QCOMPARE(count(), quint64(7));
        // The first of the six may go at once (plus 100 ms of slack); the other five wait 200 ms
        // each. A slower machine only makes this longer.
        QVERIFY2(t.elapsed() >= 800, qPrintable(QString::number(t.elapsed())));
    }

    void tailThroughLookupdWithTopicPrefix()
    {
        m_broker->publish(QStringLiteral("viaLookupd"), {"hello"});
        const Run tail =
            cli({QStringLiteral("tail"), QStringLiteral("--lookupd-http-address"), lookup(),
                 QStringLiteral("--topic"), QStringLiteral("viaLookupd"), QStringLiteral("-n"),
                 QStringLiteral("1"), QStringLiteral("--print-topic")});
        QCOMPARE(tail.code, 0);
        QCOMPARE(tail.out, QByteArray("viaLookupd | hello\n"));
    }

    void statsAsTableAndJson()
    {
        m_broker->getOrCreateChannel(m_broker->getOrCreateTopic(QStringLiteral("statted")),
                                     QStringLiteral("ch"));
        m_broker->publish(QStringLiteral("statted"), {"a", "b"});
        const Run table = cli({QStringLiteral("stats"), QStringLiteral("--nsqd-http-address"),
                               http(), QStringLiteral("--topic"), QStringLiteral("statted")});
        QCOMPARE(table.code, 0);
        QVERIFY(table.out.startsWith("NSQD"));
        QVERIFY2(table.out.contains("statted  ch"), table.out.constData());
        const Run json = cli({QStringLiteral("stats"), QStringLiteral("--lookupd-http-address"),
                              lookup(), QStringLiteral("--json")});
        QCOMPARE(json.code, 0);
        const QJsonArray nodes = QJsonDocument::fromJson(json.out).array();
        QCOMPARE(nodes.size(), 1);
        bool found = false;
        for (const auto &t : nodes.first().toObject().value(QLatin1String("topics")).toArray())
            found |= t.toObject().value(QLatin1String("topic_name")).toString() ==
                         QLatin1String("statted") &&
                     t.toObject()
                             .value(QLatin1String("channels"))
                             .toArray()
                             .first()
                             .toObject()
                             .value(QLatin1String("depth"))
                             .toInt() == 2;
        QVERIFY(found);
    }

    void benchPublishThenConsume()
    {
        const Run pub =
            cli({QStringLiteral("bench"), QStringLiteral("publish"),
                 QStringLiteral("--nsqd-tcp-address"), tcp(), QStringLiteral("--topic"),
                 QStringLiteral("benched"), QStringLiteral("-n"), QStringLiteral("20000")});
        QCOMPARE(pub.code, 0);
        QVERIFY2(pub.out.contains("bench publish: 20000 messages"), pub.out.constData());
        QVERIFY(pub.out.contains("msg/s") && pub.out.contains("CPU-seconds per million") &&
                pub.out.contains("peak RSS"));
        const Run con =
            cli({QStringLiteral("bench"), QStringLiteral("consume"),
                 QStringLiteral("--nsqd-tcp-address"), tcp(), QStringLiteral("--topic"),
                 QStringLiteral("benched"), QStringLiteral("-n"), QStringLiteral("20000")});
        QCOMPARE(con.code, 0);
        QVERIFY2(con.out.contains("bench consume: 20000 messages"), con.out.constData());
        const Channel *ch =
            m_broker->topic(QStringLiteral("benched"))->channels.at(QStringLiteral("bench")).get();
        QTRY_VERIFY_WITH_TIMEOUT(ch->depth() == 0 && ch->inFlight.isEmpty(), kWait);
    }

    void unreachableServersExitOne_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("message");
        QTest::newRow("tail") << QStringList{"tail", "--nsqd-tcp-address", "DEAD", "--topic", "t"}
                              << QByteArray() << "refused";
        QTest::newRow("tail lookupd")
            << QStringList{"tail", "--lookupd-http-address", "DEAD", "--topic", "t"} << QByteArray()
            << "refused";
        QTest::newRow("pub") << QStringList{"pub", "--nsqd-tcp-address", "DEAD", "--topic", "t"}
                             << QByteArray("x\n") << "not published";
        QTest::newRow("stats") << QStringList{"stats", "--nsqd-http-address", "DEAD"}
                               << QByteArray() << "refused";
        QTest::newRow("bench") << QStringList{"bench", "consume", "--nsqd-tcp-address",
                                              "DEAD",  "-n",      "1"}
                               << QByteArray() << "refused";
    }
    void unreachableServersExitOne()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, input);
        QFETCH(QString, message);
        quint16 dead = 0;
        {
            QTcpServer s;
            s.listen(QHostAddress::LocalHost);
            dead = s.serverPort();
        }
        args.replaceInStrings(QStringLiteral("DEAD"), QStringLiteral("127.0.0.1:%1").arg(dead));
        const Run r = cli(args, input);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
    }

    void badFlagsExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("tail no topic")
            << QStringList{"tail", "--nsqd-tcp-address", "127.0.0.1:1"} << "--topic is required";
        QTest::newRow("tail bad topic")
            << QStringList{"tail", "--nsqd-tcp-address", "127.0.0.1:1", "--topic", "a b"}
            << "not a valid topic name";
        QTest::newRow("tail no address") << QStringList{"tail", "--topic", "t"}
                                         << "--nsqd-tcp-address or --lookupd-http-address";
        QTest::newRow("tail bad address")
            << QStringList{"tail", "--nsqd-tcp-address", "x", "--topic", "t"} << "not host:port";
        QTest::newRow("tail bad n")
            << QStringList{"tail", "--nsqd-tcp-address", "127.0.0.1:1", "--topic", "t", "-n",
                           "lots"}
            << "-n";
        QTest::newRow("tail bad channel")
            << QStringList{"tail", "--nsqd-tcp-address", "127.0.0.1:1", "--topic",
                           "t",    "--channel",          "c c"}
            << "not a valid channel name";
        const QStringList tail{"tail", "--nsqd-tcp-address", "127.0.0.1:1", "--topic", "t"};
        const QString protoDir = QStringLiteral(NSQ_FIXTURE_DIR "/proto");
        QTest::newRow("tail bad decode")
            << tail + QStringList{"--decode", "xml"} << "--decode: 'xml' is not auto, json";
        QTest::newRow("tail bad where")
            << tail + QStringList{"--where", "a.b == "} << "--where: expected a value at column 8";
        QTest::newRow("tail where regex")
            << tail + QStringList{"--where", "a ~ /(/"} << "--where: regular expression";
        QTest::newRow("tail no proto")
            << tail + QStringList{"--proto", "/no/such.proto", "--message-type", "x.Y"}
            << "the protobuf schema: /no/such.proto: no such file";
        QTest::newRow("tail broken proto")
            << tail + QStringList{"--proto", protoDir + "/broken.proto", "--message-type",
                                  "broken.Oops"}
            << "broken.proto:6:";
        QTest::newRow("tail unknown type")
            << tail +
                   QStringList{"--proto", protoDir + "/order.proto", "--message-type", "shop.Nope"}
            << "--message-type: the schema has no 'shop.Nope'";
        QTest::newRow("tail schema without type")
            << tail + QStringList{"--proto", protoDir + "/order.proto"}
            << "--message-type is needed";
        QTest::newRow("tail proto-path alone")
            << tail + QStringList{"--proto-path", protoDir} << "--proto-path needs --proto";
        QTest::newRow("tail type alone")
            << tail + QStringList{"--message-type", "shop.Order"} << "--message-type needs --proto";
        QTest::newRow("tail schema with json")
            << tail + QStringList{"--decode", "json", "--proto", protoDir + "/order.proto"}
            << "a protobuf schema is for --decode protobuf or auto";
        QTest::newRow("tail type without schema")
            << tail + QStringList{"--decode", "protobuf", "--message-type", "shop.Order"}
            << "--message-type needs --proto";
        QTest::newRow("pub no address")
            << QStringList{"pub", "--topic", "t"} << "--nsqd-tcp-address is required";
        QTest::newRow("pub bad rate")
            << QStringList{"pub", "--nsqd-tcp-address", "127.0.0.1:1", "--topic", "t", "--rate",
                           "fast"}
            << "--rate";
        QTest::newRow("tail bad format")
            << QStringList{"tail", "--nsqd-tcp-address", "127.0.0.1:1", "--topic",
                           "t",    "--format",           "xml"}
            << "--format: 'xml' is not text or jsonl";
        QTest::newRow("pub bad format")
            << QStringList{"pub", "--nsqd-tcp-address", "127.0.0.1:1", "--topic",
                           "t",   "--format",           "csv"}
            << "--format: 'csv' is not lines or jsonl";
        QTest::newRow("pub bad reconnect timeout")
            << QStringList{"pub", "--nsqd-tcp-address",  "127.0.0.1:1", "--topic",
                           "t",   "--reconnect-timeout", "-1"}
            << "--reconnect-timeout";
        QTest::newRow("stats nothing")
            << QStringList{"stats"} << "--nsqd-http-address or --lookupd-http-address";
        QTest::newRow("bench mode")
            << QStringList{"bench", "sideways", "--nsqd-tcp-address", "127.0.0.1:1"}
            << "bench consume' or 'bench publish";
        QTest::newRow("bench n") << QStringList{"bench",       "publish", "--nsqd-tcp-address",
                                                "127.0.0.1:1", "-n",      "0"}
                                 << "-n must be a positive number";
        const QStringList bench{"bench", "consume", "--nsqd-tcp-address", "127.0.0.1:1"};
        QTest::newRow("bench max-in-flight")
            << bench + QStringList{"--max-in-flight", "0"} << "--max-in-flight must be a positive";
        QTest::newRow("bench channel")
            << bench + QStringList{"--channel", "c c"} << "not a valid channel name";
        QTest::newRow("bench handler-threads")
            << bench + QStringList{"--handler-threads", "999"} << "--handler-threads must be";
        QTest::newRow("bench topic")
            << bench + QStringList{"--topic", "a b"} << "not a valid topic name";
        QTest::newRow("bench no address")
            << QStringList{"bench", "consume"} << "--nsqd-tcp-address is required";
        QTest::newRow("bench bad address")
            << QStringList{"bench", "consume", "--nsqd-tcp-address", "nowhere"} << "not host:port";
        QTest::newRow("bench size")
            << QStringList{"bench", "publish", "--nsqd-tcp-address", "127.0.0.1:1", "--size", "0"}
            << "--size must be a positive";
        QTest::newRow("bench batch")
            << QStringList{"bench", "publish", "--nsqd-tcp-address", "127.0.0.1:1", "--batch", "x"}
            << "--batch must be a positive";
        QTest::newRow("bench unknown flag")
            << bench + QStringList{"--sideways"} << "Unknown option 'sideways'";
        QTest::newRow("unexpected argument")
            << QStringList{"stats", "--nsqd-http-address", "127.0.0.1:1", "extra"}
            << "unexpected argument 'extra'";
        QTest::newRow("unknown flag")
            << QStringList{"stats", "--frobnicate"} << "Unknown option 'frobnicate'";
        QTest::newRow("consumer-opt name")
            << QStringList{"tail", "--nsqd-tcp-address", "127.0.0.1:1",   "--topic",
                           "t",    "--consumer-opt",     "max_in_flite=3"}
            << "unknown option 'max_in_flite'";
        QTest::newRow("consumer-opt range")
            << QStringList{"tail", "--nsqd-tcp-address", "127.0.0.1:1",    "--topic",
                           "t",    "--consumer-opt",     "sample_rate=500"}
            << "sample_rate: 500 is out of range";
        QTest::newRow("producer-opt form")
            << QStringList{"pub", "--nsqd-tcp-address", "127.0.0.1:1", "--topic",
                           "t",   "--producer-opt",     "tls_v1"}
            << "not name=value";
    }
    void helpExitsZero_data()
    {
        QTest::addColumn<QString>("command");
        for (const char *c : {"tail", "pub", "stats", "bench", "broker"})
            QTest::newRow(c) << QString::fromLatin1(c);
    }
    void helpExitsZero()
    {
        QFETCH(QString, command);
        const Run r = cli({command, QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains("--help"), r.out.constData());
        QVERIFY(r.err.isEmpty());
    }

    void badFlagsExitTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = cli(args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TstCliCommands)
#include "tst_cli_commands.moc"
