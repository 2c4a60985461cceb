#include <protocol/identify.h>
#include <protocol/servererror.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace nsq;

namespace {
// As observed from nsqd 1.3.0 with defaults. (Raw strings live out here: moc misreads them.)
const char kNsqdAnswer[] =
    R"({"max_rdy_count":2500,"version":"1.3.0","max_msg_timeout":900000,"msg_timeout":60000,)"
    R"("tls_v1":false,"deflate":false,"deflate_level":6,"max_deflate_level":6,"snappy":false,)"
    R"("sample_rate":0,"auth_required":false,"output_buffer_size":16384,"output_buffer_timeout":250})";
const char kAuthAnswer[] =
    R"({"identity":"alice","identity_url":"https://x/alice","permission_count":3})";
const char kNegativeRdy[] = R"({"max_rdy_count":-5})";
const char kBothCompressions[] = R"({"snappy":true,"deflate":true})";
} // namespace

class TstIdentify : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void requestHasEveryField()
    {
        IdentifyRequest r;
        r.clientId = QStringLiteral("box");
        r.hostname = QStringLiteral("box.example");
        r.userAgent = QStringLiteral("nsq-inspector/0.1.0");
        r.heartbeatInterval = 1000;
        r.tlsV1 = true;
        r.snappy = true;
        r.deflateLevel = 3;
        r.sampleRate = 10;
        r.msgTimeout = 5000;
        const QJsonObject o = QJsonDocument::fromJson(r.toJson()).object();
        QCOMPARE(o.value(QLatin1String("client_id")).toString(), QStringLiteral("box"));
        QCOMPARE(o.value(QLatin1String("hostname")).toString(), QStringLiteral("box.example"));
        QCOMPARE(o.value(QLatin1String("user_agent")).toString(),
                 QStringLiteral("nsq-inspector/0.1.0"));
        QCOMPARE(o.value(QLatin1String("feature_negotiation")).toBool(), true);
        QCOMPARE(o.value(QLatin1String("heartbeat_interval")).toInt(), 1000);
        QCOMPARE(o.value(QLatin1String("output_buffer_size")).toInt(), 16384);
        QCOMPARE(o.value(QLatin1String("output_buffer_timeout")).toInt(), 250);
        QCOMPARE(o.value(QLatin1String("tls_v1")).toBool(), true);
        QCOMPARE(o.value(QLatin1String("snappy")).toBool(), true);
        QCOMPARE(o.value(QLatin1String("deflate")).toBool(), false);
        QCOMPARE(o.value(QLatin1String("deflate_level")).toInt(), 3);
        QCOMPARE(o.value(QLatin1String("sample_rate")).toInt(), 10);
        QCOMPARE(o.value(QLatin1String("msg_timeout")).toInt(), 5000);
        QCOMPARE(o.size(), 13);
    }

    void parsesNsqdAnswer()
    {
        // As observed from nsqd 1.3.0 with defaults.
        const QByteArray answer = kNsqdAnswer;
        const auto r = IdentifyResponse::parse(answer);
        QVERIFY2(r.ok(), qPrintable(r.error()));
        const IdentifyResponse &v = r.value();
        QVERIFY(v.negotiated);
        QCOMPARE(v.maxRdyCount, 2500);
        QCOMPARE(v.version, QStringLiteral("1.3.0"));
        QCOMPARE(v.maxMsgTimeout, 900000);
        QCOMPARE(v.msgTimeout, 60000);
        QCOMPARE(v.tlsV1, false);
        QCOMPARE(v.deflate, false);
        QCOMPARE(v.deflateLevel, 6);
        QCOMPARE(v.maxDeflateLevel, 6);
        QCOMPARE(v.snappy, false);
        QCOMPARE(v.sampleRate, 0);
        QCOMPARE(v.authRequired, false);
        QCOMPARE(v.outputBufferSize, 16384);
        QCOMPARE(v.outputBufferTimeout, 250);
    }

    void plainOkMeansNoNegotiation()
    {
        const auto r = IdentifyResponse::parse("OK");
        QVERIFY(r.ok());
        QVERIFY(!r.value().negotiated);
        QCOMPARE(r.value().maxRdyCount, 2500);
    }

    void roundTripsThroughJson()
    {
        IdentifyResponse a;
        a.negotiated = true;
        a.maxRdyCount = 100;
        a.snappy = true;
        a.authRequired = true;
        a.version = QStringLiteral("x");
        const auto b = IdentifyResponse::parse(a.toJson());
        QVERIFY(b.ok());
        QCOMPARE(b.value().maxRdyCount, 100);
        QVERIFY(b.value().snappy);
        QVERIFY(b.value().authRequired);
    }

    void rejectsNonsense_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("garbage") << QByteArray("\x01\x02not json");
        QTest::newRow("array") << QByteArray("[1,2]");
        QTest::newRow("negative rdy") << QByteArray(kNegativeRdy);
        QTest::newRow("both compressions") << QByteArray(kBothCompressions);
        QTest::newRow("empty") << QByteArray();
    }
    void rejectsNonsense()
    {
        QFETCH(QByteArray, data);
        const auto r = IdentifyResponse::parse(data);
        QVERIFY(!r.ok());
        QVERIFY(!r.error().isEmpty());
    }

    void parsesAuthAnswer()
    {
        const auto r = AuthResponse::parse(kAuthAnswer);
        QVERIFY(r.ok());
        QCOMPARE(r.value().identity, QStringLiteral("alice"));
        QCOMPARE(r.value().identityUrl, QStringLiteral("https://x/alice"));
        QCOMPARE(r.value().permissionCount, 3);
        QVERIFY(!AuthResponse::parse("nope").ok());
    }

    void serverErrorsSplitCodeAndFatality_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QByteArray>("code");
        QTest::addColumn<bool>("fatal");
        QTest::newRow("fin") << QByteArray("E_FIN_FAILED FIN 0123 failed ID not in flight")
                             << QByteArray("E_FIN_FAILED") << false;
        QTest::newRow("req") << QByteArray("E_REQ_FAILED x") << QByteArray("E_REQ_FAILED") << false;
        QTest::newRow("touch") << QByteArray("E_TOUCH_FAILED x") << QByteArray("E_TOUCH_FAILED")
                               << false;
        QTest::newRow("invalid") << QByteArray("E_INVALID invalid command BOGUS")
                                 << QByteArray("E_INVALID") << true;
        QTest::newRow("bare") << QByteArray("E_BAD_TOPIC") << QByteArray("E_BAD_TOPIC") << true;
    }
    void serverErrorsSplitCodeAndFatality()
    {
        QFETCH(QByteArray, data);
        QFETCH(QByteArray, code);
        QFETCH(bool, fatal);
        const ServerError e = ServerError::parse(data);
        QCOMPARE(e.code, code);
        QCOMPARE(e.isFatal(), fatal);
        QCOMPARE(e.toString(), QString::fromUtf8(data));
    }
};

QTEST_GUILESS_MAIN(TstIdentify)
#include "tst_identify.moc"
