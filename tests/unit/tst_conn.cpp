#include "scriptedserver.h"

#include <client/conn.h>
#include <protocol/identify.h>

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QtEndian>

using namespace nsq;

namespace {

constexpr int kWait = 15000; // generous: a loaded 2-core machine does TLS handshakes slowly

IdentifyResponse negotiated()
{
    IdentifyResponse r;
    r.negotiated = true;
    r.maxRdyCount = 2500;
    r.version = QStringLiteral("1.3.0");
    r.maxMsgTimeout = 900000;
    r.msgTimeout = 60000;
    r.deflateLevel = 6;
    r.maxDeflateLevel = 6;
    r.outputBufferSize = 16384;
    r.outputBufferTimeout = 250;
    return r;
}

// The name of a command the server got, or a marker when none came in time (so that a
// timeout fails the comparison instead of dereferencing nothing).
QByteArray nameOf(const std::optional<Command> &command)
{
    return command ? command->name : QByteArray("(no command)");
}

Message message(const char *id, const QByteArray &body, quint16 attempts = 1)
{
    Message m;
    m.id = MessageId::fromBytes(id);
    m.timestamp = 1700000000000000000LL;
    m.attempts = attempts;
    m.body = body;
    return m;
}

} // namespace

class TstConn : public QObject
{
    Q_OBJECT

    // Connects `conn` to `server` and answers IDENTIFY with `answer`. Returns the IDENTIFY body.
    QJsonObject identify(ScriptedServer &server, Conn &conn, const QByteArray &answer)
    {
        conn.connectToNsqd(QStringLiteral("127.0.0.1"), server.serverPort());
        if (!server.waitForClient(kWait))
            return {};
        const auto cmd = server.nextCommand(kWait);
        if (!cmd || cmd->name != "IDENTIFY")
            return {};
        server.sendResponse(answer);
        return QJsonDocument::fromJson(cmd->body).object();
    }

    // A plain connection, subscribed, with RDY sent.
    bool readyAndSubscribed(ScriptedServer &server, Conn &conn)
    {
        identify(server, conn, negotiated().toJson());
        if (!QTest::qWaitFor([&] { return conn.state() == Conn::State::Connected; }, kWait))
            return false;
        conn.subscribe(QStringLiteral("events"), QStringLiteral("ch"));
        conn.setReady(10);
        const auto sub = server.nextCommand(kWait);
        const auto rdy = server.nextCommand(kWait);
        return sub && sub->name == "SUB" && rdy && rdy->name == "RDY";
    }

private Q_SLOTS:
    void handshakeWithFeatureNegotiation()
    {
        ScriptedServer server;
        Config cfg;
        cfg.heartbeatInterval = 5000;
        cfg.sampleRate = 7;
        Conn conn(cfg);
        QSignalSpy states(&conn, &Conn::stateChanged);
        IdentifyResponse answer = negotiated();
        answer.maxRdyCount = 123;
        const QJsonObject sent = identify(server, conn, answer.toJson());
        QCOMPARE(sent.value(QLatin1String("feature_negotiation")).toBool(), true);
        QCOMPARE(sent.value(QLatin1String("heartbeat_interval")).toInt(), 5000);
        QCOMPARE(sent.value(QLatin1String("sample_rate")).toInt(), 7);
        QVERIFY(sent.value(QLatin1String("user_agent"))
                    .toString()
                    .startsWith(QLatin1String("nsq-inspector/")));
        QTRY_COMPARE_WITH_TIMEOUT(conn.state(), Conn::State::Connected, kWait);
        QVERIFY(conn.serverSettings().negotiated);
        QCOMPARE(conn.maxReadyCount(), 123);
        QCOMPARE(states.first().first().value<Conn::State>(), Conn::State::Connecting);
        QCOMPARE(states.last().first().value<Conn::State>(), Conn::State::Connected);
    }

    void handshakeWithoutFeatureNegotiation()
    {
        ScriptedServer server;
        Conn conn(Config{});
        identify(server, conn, "OK");
        QTRY_COMPARE_WITH_TIMEOUT(conn.state(), Conn::State::Connected, kWait);
        QVERIFY(!conn.serverSettings().negotiated);
    }

    void identifyRefusedByServer()
    {
        ScriptedServer server;
        Conn conn(Config{});
        QSignalSpy errors(&conn, &Conn::errorOccurred);
        conn.connectToNsqd(QStringLiteral("127.0.0.1"), server.serverPort());
        QVERIFY(server.waitForClient(kWait));
        QVERIFY(server.nextCommand(kWait));
        server.sendError("E_BAD_BODY IDENTIFY failed to decode JSON body");
        QTRY_COMPARE_WITH_TIMEOUT(errors.size(), 1, kWait);
        QCOMPARE(conn.error(), Conn::Error::IdentifyError);
        QCOMPARE(conn.errorString(),
                 QStringLiteral("IDENTIFY failed: E_BAD_BODY IDENTIFY failed to decode JSON body"));
        QCOMPARE(conn.state(), Conn::State::Disconnected);
    }

    void identifyAnswerNotJson()
    {
        ScriptedServer server;
        Conn conn(Config{});
        identify(server, conn, "\x01\x02garbage");
        QTRY_COMPARE_WITH_TIMEOUT(conn.error(), Conn::Error::IdentifyError, kWait);
        QVERIFY(conn.errorString().contains(QLatin1String("not valid JSON")));
    }

    void connectionRefusedIsASocketError()
    {
        quint16 port = 0;
        {
            ScriptedServer gone;
            port = gone.serverPort();
        }
        Conn conn(Config{});
        QSignalSpy closed(&conn, &Conn::closed);
        conn.connectToNsqd(QStringLiteral("127.0.0.1"), port);
        QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, kWait);
        QCOMPARE(conn.error(), Conn::Error::SocketError);
        QVERIFY2(conn.errorString().contains(QLatin1String("refused")),
                 qPrintable(conn.errorString()));
    }

    void invalidConfigIsRefusedBeforeConnecting()
    {
        Config cfg;
        cfg.sampleRate = 200;
        Conn conn(cfg);
        QSignalSpy closed(&conn, &Conn::closed);
        conn.connectToNsqd(QStringLiteral("127.0.0.1"), 1);
        // Reported from the event loop, like any other connection failure, so that a caller
        // that connects to closed() after starting (as Producer does) hears of it.
        QCOMPARE(closed.size(), 0);
        QCOMPARE(conn.state(), Conn::State::Connecting);
        QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, kWait);
        QCOMPARE(conn.error(), Conn::Error::ConfigError);
        QVERIFY(conn.errorString().contains(QLatin1String("sample_rate")));
    }

    void tlsUpgradeWithTrustedCa()
    {
        ScriptedServer server;
        Config cfg;
        cfg.tlsV1 = true;
        cfg.tlsRootCaFile = testCertPath("ca.pem");
        Conn conn(cfg);
        IdentifyResponse answer = negotiated();
        answer.tlsV1 = true;
        QCOMPARE(identify(server, conn, answer.toJson()).value(QLatin1String("tls_v1")).toBool(),
                 true);
        server.startTls(serverTlsConfig());
        QVERIFY(server.waitForEncrypted(kWait));
        QCOMPARE(conn.state(), Conn::State::UpgradingTls);
        server.sendResponse("OK");
        QTRY_COMPARE_WITH_TIMEOUT(conn.state(), Conn::State::Connected, kWait);
        conn.subscribe(QStringLiteral("t"), QStringLiteral("c"));
        const auto sub = server.nextCommand(kWait);
        QVERIFY(sub);
        QCOMPARE(sub->name, QByteArray("SUB"));
    }

    void tlsUntrustedCertificateFails()
    {
        ScriptedServer server;
        Config cfg;
        cfg.tlsV1 = true;
        cfg.tlsRootCaFile = testCertPath("ca.pem");
        Conn conn(cfg);
        IdentifyResponse answer = negotiated();
        answer.tlsV1 = true;
        identify(server, conn, answer.toJson());
        server.startTls(serverTlsConfig(false, "stranger"));
        QTRY_COMPARE_WITH_TIMEOUT(conn.error(), Conn::Error::TlsError, kWait);
        QVERIFY2(conn.errorString().startsWith(
                     QLatin1String("TLS handshake failed: certificate not trusted")),
                 qPrintable(conn.errorString()));
    }

    void tlsInsecureSkipsVerification()
    {
        ScriptedServer server;
        Config cfg;
        cfg.tlsV1 = true;
        cfg.tlsInsecureSkipVerify = true;
        Conn conn(cfg);
        IdentifyResponse answer = negotiated();
        answer.tlsV1 = true;
        identify(server, conn, answer.toJson());
        server.startTls(serverTlsConfig(false, "stranger"));
        QVERIFY(server.waitForEncrypted(kWait));
        server.sendResponse("OK");
        QTRY_COMPARE_WITH_TIMEOUT(conn.state(), Conn::State::Connected, kWait);
    }

    void tlsClientCertificate()
    {
        ScriptedServer server;
        Config cfg;
        cfg.tlsV1 = true;
        cfg.tlsRootCaFile = testCertPath("ca.pem");
        cfg.tlsCertFile = testCertPath("client.pem");
        cfg.tlsKeyFile = testCertPath("client.key");
        Conn conn(cfg);
        IdentifyResponse answer = negotiated();
        answer.tlsV1 = true;
        identify(server, conn, answer.toJson());
        server.startTls(serverTlsConfig(true));
        QVERIFY(server.waitForEncrypted(kWait));
        QCOMPARE(
            server.client()->peerCertificate().subjectInfo(QSslCertificate::CommonName).value(0),
            QStringLiteral("client"));
        server.sendResponse("OK");
        QTRY_COMPARE_WITH_TIMEOUT(conn.state(), Conn::State::Connected, kWait);
    }

    void tlsUnreadableCaFileIsAConfigError()
    {
        Config cfg;
        cfg.tlsV1 = true;
        cfg.tlsRootCaFile = QStringLiteral("/nonexistent/ca.pem");
        Conn conn(cfg);
        QSignalSpy closed(&conn, &Conn::closed);
        conn.connectToNsqd(QStringLiteral("127.0.0.1"), 1);
        QCOMPARE(closed.size(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, kWait);
        QCOMPARE(conn.error(), Conn::Error::ConfigError);
        QVERIFY(conn.errorString().contains(QLatin1String("/nonexistent/ca.pem")));
    }

    void tlsRequestedButNotOffered()
    {
        ScriptedServer server;
        Config cfg;
        cfg.tlsV1 = true;
        Conn conn(cfg);
        identify(server, conn, negotiated().toJson());
        QTRY_COMPARE_WITH_TIMEOUT(conn.error(), Conn::Error::TlsError, kWait);
        QVERIFY(conn.errorString().contains(QLatin1String("did not enable it")));
    }

    void compression_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<bool>("tls");
        QTest::newRow("snappy") << "snappy" << false;
        QTest::newRow("deflate") << "deflate" << false;
        QTest::newRow("tls+snappy") << "snappy" << true;
        QTest::newRow("tls+deflate") << "deflate" << true;
    }
    void unusableTlsFilesAreConfigErrors_data()
    {
        QTest::addColumn<QString>("cert");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no certificate file")
            << QStringLiteral("/nonexistent/cert.pem") << testCertPath("client.key")
            << QStringLiteral("cannot read TLS certificate file /nonexistent/cert.pem");
        QTest::newRow("no key file")
            << testCertPath("client.pem") << QStringLiteral("/nonexistent/key.pem")
            << QStringLiteral("cannot read TLS key file /nonexistent/key.pem");
        QTest::newRow("key file is not a key")
            << testCertPath("client.pem") << testCertPath("ca.pem")
            << QStringLiteral("not an unencrypted PEM RSA or EC key");
    }
    void unusableTlsFilesAreConfigErrors()
    {
        QFETCH(QString, cert);
        QFETCH(QString, key);
        QFETCH(QString, expected);
        Config cfg;
        cfg.tlsV1 = true;
        cfg.tlsCertFile = cert;
        cfg.tlsKeyFile = key;
        Conn conn(cfg);
        QSignalSpy closed(&conn, &Conn::closed);
        conn.connectToNsqd(QStringLiteral("127.0.0.1"), 1);
        QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, kWait);
        QCOMPARE(conn.error(), Conn::Error::ConfigError);
        QVERIFY2(conn.errorString().contains(expected), qPrintable(conn.errorString()));
    }

    void handshakeAnswersThatAreNotOkFail_data()
    {
        QTest::addColumn<QString>("step");
        QTest::addColumn<int>("error");
        QTest::newRow("TLS upgrade") << QStringLiteral("tls") << int(Conn::Error::TlsError);
        QTest::newRow("compression upgrade")
            << QStringLiteral("snappy") << int(Conn::Error::CompressionError);
        QTest::newRow("AUTH answer") << QStringLiteral("auth") << int(Conn::Error::AuthError);
    }
    void handshakeAnswersThatAreNotOkFail()
    {
        QFETCH(QString, step);
        QFETCH(int, error);
        ScriptedServer server;
        Config cfg;
        cfg.tlsV1 = step == QLatin1String("tls");
        cfg.tlsInsecureSkipVerify = true;
        cfg.snappy = step == QLatin1String("snappy");
        cfg.authSecret = QStringLiteral("secret");
        Conn conn(cfg);
        QSignalSpy closed(&conn, &Conn::closed);
        IdentifyResponse answer = negotiated();
        answer.tlsV1 = cfg.tlsV1;
        answer.snappy = cfg.snappy;
        answer.authRequired = step == QLatin1String("auth");
        identify(server, conn, answer.toJson());
        if (cfg.tlsV1) {
            server.startTls(serverTlsConfig());
            QVERIFY(server.waitForEncrypted(kWait));
        }
        if (cfg.snappy)
            server.startCompression(makeSnappyStream());
        if (answer.authRequired) {
            const auto auth = server.nextCommand(kWait);
            QCOMPARE(nameOf(auth), QByteArray("AUTH"));
        }
        server.sendResponse("NOPE"); // where OK (or AUTH's JSON) belongs
        QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, kWait);
        QCOMPARE(int(conn.error()), error);
        QVERIFY2(conn.errorString().contains(QLatin1String("NOPE")) ||
                     conn.errorString().startsWith(QLatin1String("AUTH failed")),
                 qPrintable(conn.errorString()));
    }

    void serverClosingDuringTheHandshakeSaysWhen()
    {
        ScriptedServer server;
        Conn conn(Config{});
        QSignalSpy closed(&conn, &Conn::closed);
        conn.connectToNsqd(QStringLiteral("127.0.0.1"), server.serverPort());
        QVERIFY(server.waitForClient(kWait));
        QVERIFY(server.nextCommand(kWait)); // IDENTIFY, never answered
        server.closeClient();
        QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, kWait);
        QCOMPARE(conn.error(), Conn::Error::RemoteClosed);
        QVERIFY2(
            conn.errorString().endsWith(QLatin1String("closed the connection during IDENTIFY")),
            qPrintable(conn.errorString()));
    }

    void compression()
    {
        QFETCH(QString, kind);
        QFETCH(bool, tls);
        ScriptedServer server;
        Config cfg;
        cfg.snappy = kind == QLatin1String("snappy");
        cfg.deflate = !cfg.snappy;
        cfg.deflateLevel = 3;
        cfg.tlsV1 = tls;
        cfg.tlsInsecureSkipVerify = true;
        Conn conn(cfg);
        QSignalSpy messages(&conn, &Conn::messageReceived);
        IdentifyResponse answer = negotiated();
        answer.snappy = cfg.snappy;
        answer.deflate = cfg.deflate;
        answer.deflateLevel = 3;
        answer.tlsV1 = tls;
        const QJsonObject sent = identify(server, conn, answer.toJson());
        QCOMPARE(sent.value(kind).toBool(), true);
        if (tls) {
            server.startTls(serverTlsConfig());
            QVERIFY(server.waitForEncrypted(kWait));
            server.sendResponse("OK");
        }
        // nsqd switches right after its answer: the compressed OK may share a read with it.
        server.startCompression(cfg.snappy ? makeSnappyStream() : makeDeflateStream(3));
        server.sendResponse("OK");
        QTRY_COMPARE_WITH_TIMEOUT(conn.state(), Conn::State::Connected, kWait);
        conn.subscribe(QStringLiteral("t"), QStringLiteral("c"));
        conn.setReady(5);
        QCOMPARE(nameOf(server.nextCommand(kWait)), QByteArray("SUB"));
        QCOMPARE(nameOf(server.nextCommand(kWait)), QByteArray("RDY"));
        const QByteArray big(100000, 'q');
        server.sendMessage(message("000000000000000a", big));
        server.sendMessage(message("000000000000000b", "small"));
        QTRY_COMPARE_WITH_TIMEOUT(messages.size(), 2, kWait);
        QCOMPARE(messages[0][0].value<Message>().body, big);
        conn.finish(MessageId::fromBytes("000000000000000a"));
        const auto fin = server.nextCommand(kWait);
        QVERIFY(fin);
        QCOMPARE(fin->name, QByteArray("FIN"));
        QCOMPARE(fin->params.value(0), QByteArray("000000000000000a"));
    }

    void aStreamInflatingFarPastOneStepIsHandledPieceByPiece()
    {
        // 40 MiB of messages in about 40 KB of deflate: inflated and handled 4 MiB at a time
        // (it was inflated whole, so a hostile server's bomb took as much memory as it liked).
        ScriptedServer server;
        Config cfg;
        cfg.deflate = true;
        cfg.deflateLevel = 9;
        Conn conn(cfg);
        int received = 0;
        bool inOrder = true;
        connect(&conn, &Conn::messageReceived, &conn, [&](const Message &m) {
            inOrder = inOrder &&
                      m.id == MessageId::fromBytes(
                                  QByteArray::number(received).rightJustified(16, '0')) &&
                      m.body.size() == 1024 * 1024;
            ++received;
        });
        IdentifyResponse answer = negotiated();
        answer.deflate = true;
        answer.deflateLevel = 9;
        identify(server, conn, answer.toJson());
        server.startCompression(makeDeflateStream(9));
        server.sendResponse("OK");
        QTRY_COMPARE_WITH_TIMEOUT(conn.state(), Conn::State::Connected, kWait);
        conn.subscribe(QStringLiteral("t"), QStringLiteral("c"));
        conn.setReady(100);
        QCOMPARE(nameOf(server.nextCommand(kWait)), QByteArray("SUB"));
        QCOMPARE(nameOf(server.nextCommand(kWait)), QByteArray("RDY"));
        const QByteArray zeros(1024 * 1024, '\0');
        for (int i = 0; i < 40; ++i)
            server.sendMessage(message(QByteArray::number(i).rightJustified(16, '0'), zeros));
        QTRY_COMPARE_WITH_TIMEOUT(received, 40, kWait);
        QVERIFY(inOrder);
        QCOMPARE(conn.state(), Conn::State::Connected);
    }

    void corruptCompressedStreamFails()
    {
        ScriptedServer server;
        Config cfg;
        cfg.snappy = true;
        Conn conn(cfg);
        IdentifyResponse answer = negotiated();
        answer.snappy = true;
        identify(server, conn, answer.toJson());
        server.sendRaw(QByteArray("\xff\x06\x00\x00sNaPpX", 10)); // wrong stream identifier
        QTRY_COMPARE_WITH_TIMEOUT(conn.error(), Conn::Error::CompressionError, kWait);
        QVERIFY(conn.errorString().contains(QLatin1String("snappy")));
    }

    void authAccepted()
    {
        ScriptedServer server;
        Config cfg;
        cfg.authSecret = QStringLiteral("open sesame");
        Conn conn(cfg);
        conn.setTraceEnabled(true);
        QSignalSpy trace(&conn, &Conn::frameTraced);
        IdentifyResponse answer = negotiated();
        answer.authRequired = true;
        identify(server, conn, answer.toJson());
        const auto auth = server.nextCommand(kWait);
        QVERIFY(auth);
        QCOMPARE(auth->name, QByteArray("AUTH"));
        QCOMPARE(auth->body, QByteArray("open sesame"));
        QCOMPARE(conn.state(), Conn::State::Authenticating);
        AuthResponse ok;
        ok.identity = QStringLiteral("alice");
        ok.permissionCount = 2;
        server.sendResponse(ok.toJson());
        QTRY_COMPARE_WITH_TIMEOUT(conn.state(), Conn::State::Connected, kWait);
        QCOMPARE(conn.authResponse().identity, QStringLiteral("alice"));
        // The secret never reaches the trace.
        for (const auto &args : trace) {
            const auto r = args.first().value<TraceRecord>();
            QVERIFY(!r.summary.contains(QLatin1String("sesame")));
            QVERIFY(!r.raw.contains("sesame"));
        }
    }

    void authRefused()
    {
        ScriptedServer server;
        Config cfg;
        cfg.authSecret = QStringLiteral("wrong");
        Conn conn(cfg);
        IdentifyResponse answer = negotiated();
        answer.authRequired = true;
        identify(server, conn, answer.toJson());
        QVERIFY(server.nextCommand(kWait));
        server.sendError("E_AUTH_FAILED AUTH failed");
        QTRY_COMPARE_WITH_TIMEOUT(conn.error(), Conn::Error::AuthError, kWait);
        QCOMPARE(conn.errorString(), QStringLiteral("AUTH failed: E_AUTH_FAILED AUTH failed"));
    }

    void authRequiredWithoutSecret()
    {
        ScriptedServer server;
        Conn conn(Config{});
        IdentifyResponse answer = negotiated();
        answer.authRequired = true;
        identify(server, conn, answer.toJson());
        QTRY_COMPARE_WITH_TIMEOUT(conn.error(), Conn::Error::AuthError, kWait);
        QVERIFY(conn.errorString().contains(QLatin1String("no auth secret")));
    }

    void heartbeatIsAnsweredWithNop()
    {
        ScriptedServer server;
        Conn conn(Config{});
        QSignalSpy heartbeats(&conn, &Conn::heartbeatReceived);
        QSignalSpy responses(&conn, &Conn::responseReceived);
        identify(server, conn, negotiated().toJson());
        QTRY_COMPARE_WITH_TIMEOUT(conn.state(), Conn::State::Connected, kWait);
        server.sendResponse("_heartbeat_");
        const auto nop = server.nextCommand(kWait);
        QVERIFY(nop);
        QCOMPARE(nop->name, QByteArray("NOP"));
        QCOMPARE(heartbeats.size(), 1);
        QCOMPARE(responses.size(), 0); // a heartbeat is not an ordinary response
        QVERIFY(conn.lastHeartbeatTime() > 0);
    }

    void silentServerIsDetected()
    {
        ScriptedServer server;
        Config cfg;
        cfg.heartbeatInterval = 1000;
        Conn conn(cfg);
        QSignalSpy closed(&conn, &Conn::closed);
        identify(server, conn, negotiated().toJson());
        QTRY_COMPARE_WITH_TIMEOUT(conn.state(), Conn::State::Connected, kWait);
        // The server now says nothing at all.
        QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, kWait);
        QCOMPARE(conn.error(), Conn::Error::HeartbeatTimeout);
        QVERIFY(conn.errorString().contains(QLatin1String("two heartbeat intervals")));
        QVERIFY(server.waitForDisconnect(kWait));
    }

    void silentServerTimesOutTheHandshake()
    {
        QTcpServer silent; // accepts, then never answers
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        Config cfg;
        cfg.readTimeout = 1000;
        Conn conn(cfg);
        QSignalSpy closed(&conn, &Conn::closed);
        conn.connectToNsqd(QStringLiteral("127.0.0.1"), silent.serverPort());
        // While it waits, the state says what for.
        QTRY_COMPARE_WITH_TIMEOUT(conn.state(), Conn::State::Identifying, kWait);
        QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, kWait);
        QCOMPARE(conn.error(), Conn::Error::TimeoutError);
        QCOMPARE(conn.errorString(),
                 QStringLiteral("IDENTIFY got no answer from 127.0.0.1:%1 within 1000 ms")
                     .arg(silent.serverPort()));
    }

    void droppedConnectionSaysWhatWasInFlight()
    {
        ScriptedServer server;
        Conn conn(Config{});
        QSignalSpy closed(&conn, &Conn::closed);
        QVERIFY(readyAndSubscribed(server, conn));
        server.sendMessage(message("00000000000000c1", "a"));
        server.sendMessage(message("00000000000000c2", "b"));
        QTRY_COMPARE_WITH_TIMEOUT(conn.inFlightCount(), 2, kWait);
        server.closeClient();
        QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, kWait);
        QCOMPARE(conn.error(), Conn::Error::RemoteClosed);
        QVERIFY2(conn.errorString().contains(
                     QLatin1String("2 messages were in flight and will be redelivered by nsqd")),
                 qPrintable(conn.errorString()));
        // Still listed, so that their owner can report them released.
        QCOMPARE(conn.inFlightIds().size(), 2);
    }

    void heartbeatsKeepTheConnectionAlive()
    {
        ScriptedServer server;
        Config cfg;
        cfg.heartbeatInterval = 1000;
        Conn conn(cfg);
        QSignalSpy heartbeats(&conn, &Conn::heartbeatReceived);
        identify(server, conn, negotiated().toJson());
        QTRY_COMPARE_WITH_TIMEOUT(conn.state(), Conn::State::Connected, kWait);
        // The server beats every 700 ms, as nsqd would at that interval; six beats outlast
        // two intervals several times over.
        QTimer beat;
        connect(&beat, &QTimer::timeout, &server,
                [&server] { server.sendResponse("_heartbeat_"); });
        beat.start(700);
        QTRY_VERIFY_WITH_TIMEOUT(heartbeats.size() >= 6, kWait);
        beat.stop();
        QCOMPARE(conn.state(), Conn::State::Connected);
        QCOMPARE(conn.error(), Conn::Error::NoError);
        for (int i = 0; i < 6; ++i) {
            const auto nop = server.nextCommand(kWait);
            QVERIFY(nop && nop->name == "NOP");
        }
    }

    void oversizedFrameClosesWithError()
    {
        ScriptedServer server;
        Config cfg;
        cfg.maxFrameSize = 4096;
        Conn conn(cfg);
        identify(server, conn, negotiated().toJson());
        QTRY_COMPARE_WITH_TIMEOUT(conn.state(), Conn::State::Connected, kWait);
        server.sendRaw(QByteArray("\x10\x00\x00\x00\x00\x00\x00\x02", 8)); // 256 MiB claimed
        QTRY_COMPARE_WITH_TIMEOUT(conn.error(), Conn::Error::ProtocolError, kWait);
        QVERIFY(conn.errorString().contains(QLatin1String("exceeds the maximum of 4096")));
        QVERIFY(server.waitForDisconnect(kWait));
    }

    void frameSizeLimitIsExactOnTheConnection_data()
    {
        QTest::addColumn<int>("frameSize"); // the size field: type + message header + body
        QTest::addColumn<bool>("accepted");
        QTest::newRow("one below") << 1999 << true;
        QTest::newRow("at max_frame_size") << 2000 << true;
        QTest::newRow("one above") << 2001 << false;
    }
    void frameSizeLimitIsExactOnTheConnection()
    {
        QFETCH(int, frameSize);
        QFETCH(bool, accepted);
        ScriptedServer server;
        Config cfg;
        cfg.maxFrameSize = 2000;
        Conn conn(cfg);
        QSignalSpy received(&conn, &Conn::messageReceived);
        QSignalSpy closed(&conn, &Conn::closed);
        QVERIFY(readyAndSubscribed(server, conn));
        server.sendMessage(message("00000000000000a1", QByteArray(frameSize - 4 - 26, 'x')));
        if (accepted) {
            QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, kWait);
            QCOMPARE(conn.state(), Conn::State::Connected);
        } else {
            QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, kWait);
            QCOMPARE(conn.error(), Conn::Error::ProtocolError);
            QCOMPARE(received.size(), 0);
        }
    }

    void garbageFrameTypeClosesWithError()
    {
        ScriptedServer server;
        Conn conn(Config{});
        identify(server, conn, negotiated().toJson());
        QTRY_COMPARE_WITH_TIMEOUT(conn.state(), Conn::State::Connected, kWait);
        server.sendFrame(7, "what is this");
        QTRY_COMPARE_WITH_TIMEOUT(conn.error(), Conn::Error::ProtocolError, kWait);
        QVERIFY(conn.errorString().contains(QLatin1String("unknown frame type 7")));
        QVERIFY(server.waitForDisconnect(kWait));
    }

    void shortMessageFrameClosesWithError()
    {
        ScriptedServer server;
        Conn conn(Config{});
        QVERIFY(readyAndSubscribed(server, conn));
        server.sendFrame(2, "too short");
        QTRY_COMPARE_WITH_TIMEOUT(conn.error(), Conn::Error::ProtocolError, kWait);
        QVERIFY(conn.errorString().contains(QLatin1String("message header")));
    }

    void serverClosingMidFrame()
    {
        ScriptedServer server;
        Conn conn(Config{});
        QSignalSpy closed(&conn, &Conn::closed);
        QVERIFY(readyAndSubscribed(server, conn));
        server.sendRaw(QByteArray("\x00\x00\x00\x40\x00\x00\x00\x02partial", 15));
        server.closeClient();
        QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, kWait);
        QCOMPARE(conn.error(), Conn::Error::RemoteClosed);
        QVERIFY2(conn.errorString().contains(QLatin1String("in the middle of a frame")),
                 qPrintable(conn.errorString()));
    }

    void finFailedKeepsTheConnection()
    {
        ScriptedServer server;
        Conn conn(Config{});
        QSignalSpy serverErrors(&conn, &Conn::errorReceived);
        QVERIFY(readyAndSubscribed(server, conn));
        server.sendError("E_FIN_FAILED FIN 0123456789abcdef failed ID not in flight");
        QTRY_COMPARE_WITH_TIMEOUT(serverErrors.size(), 1, kWait);
        QCOMPARE(serverErrors[0][0].value<ServerError>().code, QByteArray("E_FIN_FAILED"));
        QCOMPARE(conn.state(), Conn::State::Connected);
        QCOMPARE(conn.error(), Conn::Error::NoError);
        // Still usable.
        server.sendMessage(message("0000000000000001", "x"));
        QTRY_COMPARE_WITH_TIMEOUT(conn.inFlightCount(), 1, kWait);
    }

    void refusedFinRequeueTouchAreReportedForTheirMessage_data()
    {
        QTest::addColumn<int>("action");
        QTest::addColumn<QByteArray>("error");
        QTest::newRow("FIN") << int(Conn::MessageAction::Finish)
                             << QByteArray(
                                    "E_FIN_FAILED FIN 00000000000000e1 failed ID not in flight");
        QTest::newRow("REQ") << int(Conn::MessageAction::Requeue)
                             << QByteArray(
                                    "E_REQ_FAILED REQ 00000000000000e1 failed ID not in flight");
        QTest::newRow("TOUCH")
            << int(Conn::MessageAction::Touch)
            << QByteArray("E_TOUCH_FAILED TOUCH 00000000000000e1 failed ID not in flight");
    }
    void refusedFinRequeueTouchAreReportedForTheirMessage()
    {
        QFETCH(int, action);
        QFETCH(QByteArray, error);
        ScriptedServer server;
        Conn conn(Config{});
        QSignalSpy failed(&conn, &Conn::messageActionFailed);
        QVERIFY(readyAndSubscribed(server, conn));
        server.sendMessage(message("00000000000000e2", "bystander"));
        server.sendMessage(message("00000000000000e1", "x"));
        QTRY_COMPARE_WITH_TIMEOUT(conn.inFlightCount(), 2, kWait);
        const MessageId id = MessageId::fromBytes("00000000000000e1");
        if (action == int(Conn::MessageAction::Finish))
            conn.finish(id);
        else if (action == int(Conn::MessageAction::Requeue))
            conn.requeue(id, 0);
        else
            conn.touch(id);
        QVERIFY(server.nextCommand(kWait));
        // nsqd had already taken it back (timed out, channel emptied): the command was refused.
        server.sendError(error);
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, kWait);
        QCOMPARE(failed[0][0].value<Conn::MessageAction>(), Conn::MessageAction(action));
        QCOMPARE(failed[0][1].value<MessageId>(), id);
        QCOMPARE(failed[0][2].toString(), QString::fromUtf8(error));
        QCOMPARE(conn.state(), Conn::State::Connected);
        QVERIFY(conn.isInFlight(MessageId::fromBytes("00000000000000e2")));
    }

    void deliveredAgainBeforeOurDeadlineEndsTheEarlierDelivery()
    {
        // nsqd's clock may run ahead of ours (or our loop be late): the same ID arrives again
        // while we still count it in flight. The earlier delivery is over, and says so.
        ScriptedServer server;
        Conn conn(Config{});
        QSignalSpy timedOut(&conn, &Conn::messageTimedOut);
        QSignalSpy received(&conn, &Conn::messageReceived);
        QList<QByteArray> order;
        connect(&conn, &Conn::messageTimedOut, this, [&] { order << "timedOut"; });
        connect(&conn, &Conn::messageReceived, this, [&] { order << "received"; });
        IdentifyResponse answer = negotiated();
        answer.msgTimeout = 60000;
        identify(server, conn, answer.toJson());
        QTRY_COMPARE_WITH_TIMEOUT(conn.state(), Conn::State::Connected, kWait);
        conn.subscribe(QStringLiteral("events"), QStringLiteral("ch"));
        conn.setReady(10);
        const MessageId id = MessageId::fromBytes("00000000000000e1");
        server.sendMessage(message("00000000000000e1", "again"));
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, kWait);
        server.sendMessage(message("00000000000000e1", "again", 2));
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 2, kWait);
        QCOMPARE(timedOut.size(), 1);
        QCOMPARE(timedOut[0][0].value<MessageId>(), id);
        QCOMPARE(order, (QList<QByteArray>{"received", "timedOut", "received"}));
        QCOMPARE(conn.inFlightCount(), 1);
        QVERIFY(conn.isCurrentDelivery(id, 2));
        QVERIFY(!conn.isCurrentDelivery(id, 1)); // the earlier answer would answer this one
    }

    void messagePastItsDeadlineTimesOut()
    {
        ScriptedServer server;
        Conn conn(Config{});
        QSignalSpy timedOut(&conn, &Conn::messageTimedOut);
        QSignalSpy refused(&conn, &Conn::messageActionRefused);
        IdentifyResponse answer = negotiated();
        answer.msgTimeout = 1000;
        identify(server, conn, answer.toJson());
        QTRY_COMPARE_WITH_TIMEOUT(conn.state(), Conn::State::Connected, kWait);
        conn.subscribe(QStringLiteral("events"), QStringLiteral("ch"));
        conn.setReady(10);
        server.sendMessage(message("00000000000000d1", "held"));
        QTRY_COMPARE_WITH_TIMEOUT(conn.inFlightCount(), 1, kWait);
        const MessageId id = MessageId::fromBytes("00000000000000d1");
        const qint64 deadline = conn.deadlineOf(id);
        QVERIFY2(deadline > QDateTime::currentMSecsSinceEpoch() + 500,
                 "deadline is msg_timeout away");
        QVERIFY(deadline <= QDateTime::currentMSecsSinceEpoch() + 1000);
        QTRY_COMPARE_WITH_TIMEOUT(timedOut.size(), 1, kWait);
        QVERIFY(QDateTime::currentMSecsSinceEpoch() >= deadline);
        QCOMPARE(timedOut[0][0].value<MessageId>(), id);
        QCOMPARE(conn.inFlightCount(), 0);
        QCOMPARE(conn.deadlineOf(id), 0);
        // Still this delivery until it is answered or delivered again: nsqd takes it back only
        // when its scan looks, so a late FIN is sent (only E_FIN_FAILED would say it was too late).
        QVERIFY(conn.isCurrentDelivery(id, 1));
        QVERIFY(conn.hasTimedOut(id));
        conn.finish(id);
        QCOMPARE(refused.size(), 0);
        QVERIFY(!conn.isCurrentDelivery(id, 1));
        conn.finish(id); // once only
        QCOMPARE(refused.size(), 1);
        const auto sub = server.nextCommand(kWait), rdy = server.nextCommand(kWait);
        const auto lateFin = server.nextCommand(kWait);
        QVERIFY(sub && rdy && lateFin);
        QCOMPARE(lateFin->name + ' ' + lateFin->params.value(0), "FIN " + id.toByteArray());
        QVERIFY(!server.hasPendingCommand(200)); // and the second FIN was not sent
        // Delivered again (attempts + 1): a new delivery, in flight; the old one is not current.
        server.sendMessage(message("00000000000000d1", "held", 2));
        QTRY_COMPARE_WITH_TIMEOUT(conn.inFlightCount(), 1, kWait);
        QVERIFY(conn.isCurrentDelivery(id, 2));
        QVERIFY(!conn.isCurrentDelivery(id, 1));
        QVERIFY(!conn.hasTimedOut(id));
    }

    void touchMovesTheDeadlineButNotPastMaxMsgTimeout()
    {
        ScriptedServer server;
        Conn conn(Config{});
        QSignalSpy timedOut(&conn, &Conn::messageTimedOut);
        IdentifyResponse answer = negotiated();
        answer.msgTimeout = 1000;
        answer.maxMsgTimeout = 1800;
        identify(server, conn, answer.toJson());
        QTRY_COMPARE_WITH_TIMEOUT(conn.state(), Conn::State::Connected, kWait);
        conn.subscribe(QStringLiteral("events"), QStringLiteral("ch"));
        conn.setReady(10);
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        server.sendMessage(message("00000000000000d2", "touched"));
        QTRY_COMPARE_WITH_TIMEOUT(conn.inFlightCount(), 1, kWait);
        const MessageId id = MessageId::fromBytes("00000000000000d2");
        const qint64 first = conn.deadlineOf(id);
        // Touch once half way: the deadline moves to a full msg_timeout from then.
        QTRY_VERIFY_WITH_TIMEOUT(QDateTime::currentMSecsSinceEpoch() >= first - 500, kWait);
        if (timedOut.isEmpty()) {
            conn.touch(id);
            QVERIFY(conn.deadlineOf(id) > first);
        }
        // Touch again and again: never beyond delivery + max_msg_timeout.
        while (timedOut.isEmpty() && conn.isInFlight(id) &&
               conn.state() == Conn::State::Connected) {
            conn.touch(id);
            QVERIFY(conn.deadlineOf(id) <= QDateTime::currentMSecsSinceEpoch() + 1000);
            QVERIFY2(conn.deadlineOf(id) <= before + 1800 + 50,
                     qPrintable(QString::number(conn.deadlineOf(id) - before)));
            QTest::qWait(100); // the touching handler's pace, not synchronisation
        }
        QTRY_COMPARE_WITH_TIMEOUT(timedOut.size(), 1, kWait);
        QCOMPARE(conn.inFlightCount(), 0);
    }

    void deadlineBookkeepingStaysBounded()
    {
        ScriptedServer server;
        Conn conn(Config{});
        QVERIFY(readyAndSubscribed(server, conn)); // msg_timeout 60 s: nothing expires here
        connect(&conn, &Conn::messageReceived, &conn,
                [&conn](const Message &m) { conn.finish(m.id); });
        QSignalSpy finished(&conn, &Conn::messageFinished);
        QByteArray burst;
        for (int i = 0; i < 5000; ++i) {
            Message m = message("0000000000000000", "x");
            m.id = MessageId::fromBytes(QByteArray::number(i, 16).rightJustified(16, '0'));
            const QByteArray data = encodeMessage(m);
            burst += QByteArray::fromHex("00000000") + QByteArray::fromHex("00000002") + data;
            qToBigEndian<quint32>(quint32(data.size() + 4),
                                  burst.data() + burst.size() - data.size() - 8);
        }
        server.sendRaw(burst);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 5000, kWait);
        // Thousands answered within msg_timeout leave no trail behind them.
        QVERIFY2(conn.trackedDeadlines() <= 512,
                 qPrintable(QString::number(conn.trackedDeadlines())));
    }

    void closeWaitDoesNotWaitForTimedOutMessages()
    {
        ScriptedServer server;
        Conn conn(Config{});
        QSignalSpy closed(&conn, &Conn::closed);
        QSignalSpy timedOut(&conn, &Conn::messageTimedOut);
        IdentifyResponse answer = negotiated();
        answer.msgTimeout = 1000;
        identify(server, conn, answer.toJson());
        QTRY_COMPARE_WITH_TIMEOUT(conn.state(), Conn::State::Connected, kWait);
        conn.subscribe(QStringLiteral("events"), QStringLiteral("ch"));
        conn.setReady(10);
        server.sendMessage(message("00000000000000d3", "never answered"));
        QTRY_COMPARE_WITH_TIMEOUT(conn.inFlightCount(), 1, kWait);
        conn.startClose();
        server.sendResponse("CLOSE_WAIT");
        // Nothing answers the message; once nsqd has taken it back there is nothing to wait for.
        QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, kWait);
        QCOMPARE(timedOut.size(), 1);
        QCOMPARE(conn.error(), Conn::Error::NoError);
    }

    void backoffSignalComesBeforeTheRequeueGoesOut()
    {
        ScriptedServer server;
        Conn conn(Config{});
        QVERIFY(readyAndSubscribed(server, conn));
        // What a consumer does on backoffStarted: RDY 0, which must reach nsqd before the REQ.
        connect(&conn, &Conn::backoffStarted, &conn, [&conn] { conn.setReady(0); });
        server.sendMessage(message("00000000000000b1", "bad"));
        QTRY_COMPARE_WITH_TIMEOUT(conn.inFlightCount(), 1, kWait);
        conn.requeue(MessageId::fromBytes("00000000000000b1"), 0, true);
        const auto first = server.nextCommand(kWait), second = server.nextCommand(kWait);
        QVERIFY(first && second);
        QCOMPARE(first->name + ' ' + first->params.join(' '), QByteArray("RDY 0"));
        QCOMPARE(second->name, QByteArray("REQ"));
    }

    void invalidClosesTheConnection()
    {
        ScriptedServer server;
        Conn conn(Config{});
        QSignalSpy closed(&conn, &Conn::closed);
        QVERIFY(readyAndSubscribed(server, conn));
        server.sendError("E_INVALID invalid command BOGUS");
        QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, kWait);
        QCOMPARE(conn.error(), Conn::Error::ServerError);
        QVERIFY(conn.errorString().endsWith(QLatin1String("E_INVALID invalid command BOGUS")));
        QVERIFY(server.waitForDisconnect(kWait));
    }

    void clsThenCloseWaitCloses()
    {
        ScriptedServer server;
        Conn conn(Config{});
        QSignalSpy closed(&conn, &Conn::closed);
        QSignalSpy responses(&conn, &Conn::responseReceived);
        QVERIFY(readyAndSubscribed(server, conn));
        conn.startClose();
        QCOMPARE(conn.state(), Conn::State::Closing);
        const auto cls = server.nextCommand(kWait);
        QVERIFY(cls);
        QCOMPARE(cls->name, QByteArray("CLS"));
        server.sendResponse("CLOSE_WAIT");
        QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, kWait);
        QCOMPARE(responses.last().first().toByteArray(), QByteArray("CLOSE_WAIT"));
        QCOMPARE(conn.error(), Conn::Error::NoError);
        QVERIFY(server.waitForDisconnect(kWait));
    }

    void closeWaitWaitsForMessagesInFlight()
    {
        ScriptedServer server;
        Conn conn(Config{});
        QSignalSpy closed(&conn, &Conn::closed);
        QVERIFY(readyAndSubscribed(server, conn));
        server.sendMessage(message("00000000000000aa", "held"));
        QTRY_COMPARE_WITH_TIMEOUT(conn.inFlightCount(), 1, kWait);
        conn.startClose();
        QVERIFY(server.nextCommand(kWait));
        QSignalSpy responses(&conn, &Conn::responseReceived);
        server.sendResponse("CLOSE_WAIT");
        QTRY_COMPARE_WITH_TIMEOUT(responses.size(), 1, kWait);
        // The held message can still be finished; then the connection closes.
        QCOMPARE(closed.size(), 0);
        conn.finish(MessageId::fromBytes("00000000000000aa"));
        const auto fin = server.nextCommand(kWait);
        QVERIFY(fin && fin->name == "FIN");
        QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, kWait);
        QCOMPARE(conn.error(), Conn::Error::NoError);
    }

    void messagesAreTrackedInFlight()
    {
        ScriptedServer server;
        Conn conn(Config{});
        QSignalSpy finished(&conn, &Conn::messageFinished);
        QSignalSpy requeued(&conn, &Conn::messageRequeued);
        QSignalSpy resumed(&conn, &Conn::backoffResumed);
        QSignalSpy backoff(&conn, &Conn::backoffStarted);
        QSignalSpy continued(&conn, &Conn::backoffContinued);
        QVERIFY(readyAndSubscribed(server, conn));
        QCOMPARE(conn.readyCount(), 10);
        server.sendMessage(message("0000000000000001", "a"));
        server.sendMessage(message("0000000000000002", "b", 4));
        server.sendMessage(message("0000000000000003", "c"));
        QTRY_COMPARE_WITH_TIMEOUT(conn.inFlightCount(), 3, kWait);
        QCOMPARE(conn.readyCount(), 10); // a window: nsqd does not count it down, nor do we
        QVERIFY(conn.lastMessageTime() > 0);
        conn.finish(MessageId::fromBytes("0000000000000001"));
        conn.requeue(MessageId::fromBytes("0000000000000002"), 2500);
        conn.requeue(MessageId::fromBytes("0000000000000003"), 0, false);
        QCOMPARE(conn.inFlightCount(), 0);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(requeued.size(), 2);
        QCOMPARE(requeued[0][1].toLongLong(), 2500);
        QCOMPARE(resumed.size(), 1);
        QCOMPARE(backoff.size(), 1);
        QCOMPARE(continued.size(), 1);
        const auto fin = server.nextCommand(kWait);
        const auto req1 = server.nextCommand(kWait);
        const auto req2 = server.nextCommand(kWait);
        QVERIFY(fin && req1 && req2);
        QCOMPARE(fin->name, QByteArray("FIN"));
        QCOMPARE(req1->params, QByteArrayList({"0000000000000002", "2500"}));
        QCOMPARE(req2->params, QByteArrayList({"0000000000000003", "0"}));
    }

    void doubleFinIsRefusedLocally()
    {
        ScriptedServer server;
        Conn conn(Config{});
        QSignalSpy refused(&conn, &Conn::messageActionRefused);
        QVERIFY(readyAndSubscribed(server, conn));
        server.sendMessage(message("0000000000000009", "once"));
        QTRY_COMPARE_WITH_TIMEOUT(conn.inFlightCount(), 1, kWait);
        const MessageId id = MessageId::fromBytes("0000000000000009");
        conn.finish(id);
        conn.finish(id);
        conn.requeue(id, 100);
        conn.touch(id);
        QCOMPARE(refused.size(), 3);
        QCOMPARE(refused[0][0].value<Conn::MessageAction>(), Conn::MessageAction::Finish);
        QCOMPARE(refused[0][1].value<MessageId>(), id);
        QVERIFY(refused[0][2].toString().contains(
            QLatin1String("FIN 0000000000000009 refused: the message is not in flight")));
        QVERIFY(refused[1][2].toString().startsWith(QLatin1String("REQ 0000000000000009 refused")));
        QCOMPARE(refused[2][0].value<Conn::MessageAction>(), Conn::MessageAction::Touch);
        conn.setReady(1);
        // What reaches the server is one FIN, then the RDY: nothing in between.
        QCOMPARE(nameOf(server.nextCommand(kWait)), QByteArray("FIN"));
        QCOMPARE(nameOf(server.nextCommand(kWait)), QByteArray("RDY"));
    }

    void finishFromAnotherThread()
    {
        ScriptedServer server;
        Conn conn(Config{});
        QSignalSpy finished(&conn, &Conn::messageFinished);
        QVERIFY(readyAndSubscribed(server, conn));
        server.sendMessage(message("00000000000000f1", "x"));
        server.sendMessage(message("00000000000000f2", "y"));
        QTRY_COMPARE_WITH_TIMEOUT(conn.inFlightCount(), 2, kWait);
        QThread *worker = QThread::create([&conn] {
            conn.finish(MessageId::fromBytes("00000000000000f1"));
            conn.touch(MessageId::fromBytes("00000000000000f2"));
            conn.requeue(MessageId::fromBytes("00000000000000f2"), 10);
        });
        worker->start();
        QVERIFY(worker->wait(kWait));
        delete worker;
        QCOMPARE(nameOf(server.nextCommand(kWait)), QByteArray("FIN"));
        QCOMPARE(nameOf(server.nextCommand(kWait)), QByteArray("TOUCH"));
        QCOMPARE(nameOf(server.nextCommand(kWait)), QByteArray("REQ"));
        QCOMPARE(finished.size(), 1);
    }

    void badCommandsAreRefused()
    {
        ScriptedServer server;
        Conn conn(Config{});
        QSignalSpy refused(&conn, &Conn::commandRefused);
        QSignalSpy actionRefused(&conn, &Conn::messageActionRefused);
        conn.subscribe(QStringLiteral("t"), QStringLiteral("c")); // not connected yet
        conn.finish(MessageId::fromBytes("0000000000000001"));
        QCOMPARE(refused.size(), 1);
        QCOMPARE(actionRefused.size(), 1);
        QVERIFY(actionRefused[0][2].toString().contains(QLatin1String("not ready")));
        QVERIFY(readyAndSubscribed(server, conn));
        conn.setReady(2501); // above max_rdy_count
        conn.setReady(-1);
        conn.requeue(MessageId::fromBytes("0000000000000001"), -1); // nsqd would close us
        conn.publish(QStringLiteral("bad topic"), "x");
        conn.deferredPublish(QStringLiteral("t"), -5, "x");
        conn.multiPublish(QStringLiteral("t"), {});
        conn.subscribe(QStringLiteral("t"), QStringLiteral("c")); // already subscribed
        QCOMPARE(refused.size(), 7);
        QCOMPARE(actionRefused.size(), 2);
        QVERIFY(refused[1][0].toString().contains(QLatin1String("out of range 0-2500")));
        QVERIFY(actionRefused[1][2].toString().contains(QLatin1String("negative")));
        QCOMPARE(conn.state(), Conn::State::Connected);
        conn.setReady(0);
        const auto rdy0 = server.nextCommand(kWait);
        QVERIFY(rdy0);
        QCOMPARE(rdy0->params, QByteArrayList({"0"}));
    }

    void publishCommandsReachTheServer()
    {
        ScriptedServer server;
        Conn conn(Config{});
        QSignalSpy responses(&conn, &Conn::responseReceived);
        identify(server, conn, negotiated().toJson());
        QTRY_COMPARE_WITH_TIMEOUT(conn.state(), Conn::State::Connected, kWait);
        conn.publish(QStringLiteral("t"), "one");
        conn.multiPublish(QStringLiteral("t"), {"two", "three"});
        conn.deferredPublish(QStringLiteral("t"), 1500, "four");
        const auto pub = server.nextCommand(kWait);
        const auto mpub = server.nextCommand(kWait);
        const auto dpub = server.nextCommand(kWait);
        QVERIFY(pub && mpub && dpub);
        QCOMPARE(pub->body, QByteArray("one"));
        QCOMPARE(mpub->name, QByteArray("MPUB"));
        QCOMPARE(dpub->params, QByteArrayList({"t", "1500"}));
        server.sendResponse("OK");
        QTRY_COMPARE_WITH_TIMEOUT(responses.size(), 1, kWait);
        QCOMPARE(responses[0][0].toByteArray(), QByteArray("OK"));
    }

    void traceShowsFramesBothWays()
    {
        ScriptedServer server;
        Conn conn(Config{});
        conn.setTraceEnabled(true);
        QSignalSpy trace(&conn, &Conn::frameTraced);
        QVERIFY(readyAndSubscribed(server, conn));
        server.sendMessage(message("00000000000000c1", "traced"));
        QTRY_COMPARE_WITH_TIMEOUT(conn.inFlightCount(), 1, kWait);
        QStringList summaries;
        for (const auto &args : trace)
            summaries << args.first().value<TraceRecord>().summary;
        QVERIFY2(summaries.contains(QStringLiteral("MAGIC V2")),
                 qPrintable(summaries.join(QLatin1Char('|'))));
        QVERIFY(summaries.filter(QRegularExpression(QStringLiteral("^IDENTIFY \\{"))).size() == 1);
        QVERIFY(summaries.filter(QRegularExpression(QStringLiteral("^response: \\{"))).size() == 1);
        QVERIFY(summaries.contains(QStringLiteral("SUB events ch")));
        QVERIFY(summaries.contains(QStringLiteral("RDY 10")));
        QVERIFY(
            summaries.contains(QStringLiteral("message 00000000000000c1 attempts=1 body=6 bytes")));
        const auto last = trace.last().first().value<TraceRecord>();
        QCOMPARE(last.direction, TraceRecord::Direction::Received);
        QCOMPARE(last.raw.size(), 8 + 26 + 6);

        trace.clear();
        conn.setTraceEnabled(false);
        conn.finish(MessageId::fromBytes("00000000000000c1"));
        QVERIFY(server.nextCommand(kWait));
        QCOMPARE(trace.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TstConn)
#include "tst_conn.moc"
