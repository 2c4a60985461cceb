#include <client/config.h>

#include <QTest>

using nsq::Config;

class TstConfig : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaultsAreGoNsqsAndValid()
    {
        const Config c;
        QVERIFY(c.validate().isEmpty());
        QCOMPARE(c.maxInFlight, 1);
        QCOMPARE(c.maxAttempts, 5);
        QCOMPARE(c.heartbeatInterval, 30000);
        QCOMPARE(c.defaultRequeueDelay, 90000);
        QCOMPARE(c.maxRequeueDelay, 900000);
        QCOMPARE(c.maxBackoffDuration, 120000);
        QCOMPARE(c.lookupdPollInterval, 60000);
        QCOMPARE(c.deflateLevel, 6);
        QVERIFY(c.effectiveUserAgent().startsWith(QLatin1String("nsq-inspector/")));
        QVERIFY(!c.effectiveClientId().isEmpty());
    }

    void setByGoNsqName()
    {
        Config c;
        QCOMPARE(c.set(QStringLiteral("max_in_flight"), 2500), QString());
        QCOMPARE(c.maxInFlight, 2500);
        QCOMPARE(c.set(QStringLiteral("tls_v1"), QStringLiteral("true")), QString());
        QVERIFY(c.tlsV1);
        QCOMPARE(c.set(QStringLiteral("lookupd_poll_jitter"), QStringLiteral("0.5")), QString());
        QCOMPARE(c.lookupdPollJitter, 0.5);
        QVERIFY(c.set(QStringLiteral("max_in_flite"), 1)
                    .contains(QLatin1String("unknown option 'max_in_flite'")));
        QVERIFY(c.set(QStringLiteral("max_in_flight"), QStringLiteral("lots"))
                    .contains(QLatin1String("max_in_flight")));
        QVERIFY(c.set(QStringLiteral("snappy"), QStringLiteral("maybe"))
                    .contains(QLatin1String("snappy")));
        QVERIFY(Config::optionNames().contains(QLatin1String("rdy_redistribute_interval")));
    }

    void validateNamesTheOption_data()
    {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QVariant>("value");
        QTest::newRow("sample_rate") << "sample_rate" << QVariant(100);
        QTest::newRow("deflate_level") << "deflate_level" << QVariant(0);
        QTest::newRow("heartbeat_interval") << "heartbeat_interval" << QVariant(10);
        QTest::newRow("max_in_flight") << "max_in_flight" << QVariant(-1);
        QTest::newRow("max_attempts") << "max_attempts" << QVariant(70000);
        QTest::newRow("read_timeout") << "read_timeout" << QVariant(1);
        QTest::newRow("lookupd_poll_jitter") << "lookupd_poll_jitter" << QVariant(1.5);
    }
    void validateNamesTheOption()
    {
        QFETCH(QString, option);
        QFETCH(QVariant, value);
        Config c;
        QCOMPARE(c.set(option, value), QString());
        const QStringList problems = c.validate();
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().startsWith(option + QLatin1Char(':')),
                 qPrintable(problems.first()));
    }

    void heartbeatCanBeDisabled()
    {
        Config c;
        c.heartbeatInterval = -1;
        QVERIFY(c.validate().isEmpty());
    }

    void conflictingOptions()
    {
        Config c;
        c.snappy = c.deflate = true;
        c.tlsCertFile = QStringLiteral("/x.pem");
        const QStringList p = c.validate();
        QCOMPARE(p.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TstConfig)
#include "tst_config.moc"
