#include "brokerprocess.h"
#include "httpget.h"
#include "rawclient.h"
#include "scriptedserver.h"

#include <client/conn.h>
#include <protocol/commands.h>

#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

namespace {
constexpr int kWait = 20000;
const QString kCli = QStringLiteral(NSQ_CLI_PATH);

struct Finished
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

Finished runToEnd(const QStringList &args)
{
    QProcess p;
    p.start(kCli, args);
    Finished f;
    if (!p.waitForFinished(kWait))
        return f;
    f.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    f.out = p.readAllStandardOutput();
    f.err = p.readAllStandardError();
    return f;
}
} // namespace

class TstCliBroker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void runsServesAndStopsOnSignal()
    {
        QProcess p;
        p.start(kCli, {QStringLiteral("broker"), QStringLiteral("--tcp-address"),
                       QStringLiteral("127.0.0.1:0"), QStringLiteral("--http-address"),
                       QStringLiteral("127.0.0.1:0"), QStringLiteral("--lookupd-http-address"),
                       QStringLiteral("127.0.0.1:0"), QStringLiteral("--demo-rate"),
                       QStringLiteral("500")});
        QByteArray out;
        QVERIFY(QTest::qWaitFor(
            [&] {
                out += p.readAllStandardOutput();
                return out.contains("Ctrl-C to stop");
            },
            kWait));
        const auto port = [&](const char *label) {
            const auto m = QRegularExpression(QLatin1String(label) +
                                              QStringLiteral(":\\s+127\\.0\\.0\\.1:(\\d+)"))
                               .match(QString::fromUtf8(out));
            return m.hasMatch() ? quint16(m.captured(1).toUInt()) : quint16(0);
        };
        const quint16 tcp = port("TCP"), http = port("HTTP"), lookup = port("lookupd HTTP");
        QVERIFY2(tcp && http && lookup, out.constData());

        RawClient c;
        QVERIFY(c.connectTo(QStringLiteral("127.0.0.1"), tcp));
        QVERIFY(c.subscribe(QStringLiteral("events"), QStringLiteral("cli-test")));
        c.send(nsq::cmd::rdy(1));
        const auto m = c.nextMessage(kWait);
        QVERIFY(m);
        QVERIFY(QJsonDocument::fromJson(m->body).isObject()); // demo events are JSON

        TestHttp nsqd(QStringLiteral("http://127.0.0.1:%1").arg(http));
        QCOMPARE(nsqd.get(QStringLiteral("/ping")).body, QByteArray("OK"));
        TestHttp lookupd(QStringLiteral("http://127.0.0.1:%1").arg(lookup));
        QCOMPARE(lookupd.get(QStringLiteral("/lookup?topic=events")).status, 200);

        p.terminate(); // SIGTERM, handled like Ctrl-C
        QVERIFY(p.waitForFinished(kWait));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(p.readAllStandardOutput().contains("stopped"));
    }

    void servesTlsAndAuth()
    {
        BrokerProcess broker(kCli);
        QVERIFY2(broker.start({QStringLiteral("--tls-cert"), testCertPath("server.pem"),
                               QStringLiteral("--tls-key"), testCertPath("server.key"),
                               QStringLiteral("--auth-secret"), QStringLiteral("s3cret")}),
                 broker.output().constData());
        QVERIFY(broker.output().contains("TLS:  offered"));
        QVERIFY(broker.output().contains("AUTH: required"));
        const auto connectWith = [&](const QString &secret) {
            nsq::Config cfg;
            cfg.tlsV1 = true;
            cfg.tlsRootCaFile = testCertPath("ca.pem");
            cfg.authSecret = secret;
            auto conn = std::make_unique<nsq::Conn>(cfg);
            conn->connectToNsqd(QStringLiteral("127.0.0.1"), broker.tcpPort());
            return conn;
        };
        // With the secret: TLS verified against our CA, then AUTH.
        auto good = connectWith(QStringLiteral("s3cret"));
        QTRY_COMPARE_WITH_TIMEOUT(good->state(), nsq::Conn::State::Connected, kWait);
        QVERIFY(good->serverSettings().tlsV1);
        QVERIFY(good->serverSettings().authRequired);
        QCOMPARE(good->authResponse().identity, QStringLiteral("demo"));
        // A wrong secret is refused.
        auto bad = connectWith(QStringLiteral("wrong"));
        QSignalSpy closed(bad.get(), &nsq::Conn::closed);
        QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, kWait);
        QCOMPARE(bad->error(), nsq::Conn::Error::AuthError);
        QVERIFY2(bad->errorString().contains(QLatin1String("E_AUTH_FAILED")),
                 qPrintable(bad->errorString()));
        QVERIFY(broker.terminate());
    }

    void badArgumentsExitWithUsageError_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown option")
            << QStringList{"broker", "--bogus"} << "Unknown option 'bogus'";
        QTest::newRow("bad address")
            << QStringList{"broker", "--tcp-address", "nonsense"} << "not host:port";
        QTest::newRow("bad port") << QStringList{"broker", "--http-address", "127.0.0.1:99999"}
                                  << "no valid port";
        QTest::newRow("not an ip")
            << QStringList{"broker", "--tcp-address", "example.com:1"} << "not an IP address";
        QTest::newRow("bad rate") << QStringList{"broker", "--demo-rate", "-3"} << "--demo-rate";
        QTest::newRow("bad queue size")
            << QStringList{"broker", "--mem-queue-size", "0"} << "--mem-queue-size";
        QTest::newRow("bad inflate ratio")
            << QStringList{"broker", "--max-inflate-ratio", "1"} << "--max-inflate-ratio";
        QTest::newRow("bad memory bound") << QStringList{"broker", "--max-memory", "lots"}
                                          << "--max-memory: 'lots' is not a size";
        QTest::newRow("negative memory bound")
            << QStringList{"broker", "--max-memory", "-1MiB"} << "--max-memory";
        QTest::newRow("bad broadcast address")
            << QStringList{"broker", "--broadcast-address", "a b"} << "--broadcast-address";
        QTest::newRow("TLS key alone") << QStringList{"broker", "--tls-key", "k.pem"}
                                       << "--tls-cert and --tls-key go together";
        QTest::newRow("stray argument")
            << QStringList{"broker", "extra"} << "unexpected argument 'extra'";
        QTest::newRow("unknown command")
            << QStringList{"frobnicate"} << "unknown command 'frobnicate'";
        QTest::newRow("no command") << QStringList{} << "usage:";
    }
    void badArgumentsExitWithUsageError()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Finished f = runToEnd(args);
        QCOMPARE(f.code, 2);
        QVERIFY2(f.err.contains(message.toUtf8()), f.err.constData());
    }

    void unreadableTlsFilesAreAnError()
    {
        const Finished f =
            runToEnd({QStringLiteral("broker"), QStringLiteral("--tcp-address"),
                      QStringLiteral("127.0.0.1:0"), QStringLiteral("--http-address"),
                      QStringLiteral("127.0.0.1:0"), QStringLiteral("--tls-cert"),
                      QStringLiteral("/nonexistent.pem"), QStringLiteral("--tls-key"),
                      QStringLiteral("/nonexistent.key")});
        QCOMPARE(f.code, 1);
        QVERIFY2(f.err.contains("cannot read TLS certificate /nonexistent.pem"), f.err.constData());
    }

    void portInUseIsAnError()
    {
        QTcpServer taken;
        QVERIFY(taken.listen(QHostAddress::LocalHost, 0));
        const Finished f = runToEnd({QStringLiteral("broker"), QStringLiteral("--tcp-address"),
                                     QStringLiteral("127.0.0.1:%1").arg(taken.serverPort())});
        QCOMPARE(f.code, 1);
        QVERIFY2(f.err.contains("cannot listen"), f.err.constData());
    }

    void versionAndHelp()
    {
        const Finished v = runToEnd({QStringLiteral("--version")});
        QCOMPARE(v.code, 0);
        QVERIFY(v.out.startsWith("nsq-inspector-cli "));
        const Finished h = runToEnd({QStringLiteral("broker"), QStringLiteral("--help")});
        QCOMPARE(h.code, 0);
        QVERIFY(h.out.contains("--demo-rate"));
    }
};

QTEST_GUILESS_MAIN(TstCliBroker)
#include "tst_cli_broker.moc"
