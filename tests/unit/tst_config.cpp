#include <client/config.h>

#include <QTest>

#include <functional>
#include <iterator>

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
        QTest::newRow("lookupd_poll_jitter nan") << "lookupd_poll_jitter" << QVariant("nan");
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

    // Each go-nsq name reaches its own field (two names wired to one field would pass set()).
    void everyOptionReachesItsField_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("row");
        QTest::newRow("dial_timeout")
            << QStringLiteral("dial_timeout") << QStringLiteral("1234") << 0;
        QTest::newRow("read_timeout")
            << QStringLiteral("read_timeout") << QStringLiteral("2345") << 1;
        QTest::newRow("write_timeout")
            << QStringLiteral("write_timeout") << QStringLiteral("3456") << 2;
        QTest::newRow("heartbeat_interval")
            << QStringLiteral("heartbeat_interval") << QStringLiteral("4567") << 3;
        QTest::newRow("client_id") << QStringLiteral("client_id") << QStringLiteral("cid") << 4;
        QTest::newRow("hostname") << QStringLiteral("hostname") << QStringLiteral("hn") << 5;
        QTest::newRow("user_agent") << QStringLiteral("user_agent") << QStringLiteral("ua/2") << 6;
        QTest::newRow("output_buffer_size")
            << QStringLiteral("output_buffer_size") << QStringLiteral("8192") << 7;
        QTest::newRow("output_buffer_timeout")
            << QStringLiteral("output_buffer_timeout") << QStringLiteral("125") << 8;
        QTest::newRow("sample_rate") << QStringLiteral("sample_rate") << QStringLiteral("17") << 9;
        QTest::newRow("msg_timeout")
            << QStringLiteral("msg_timeout") << QStringLiteral("7000") << 10;
        QTest::newRow("max_frame_size")
            << QStringLiteral("max_frame_size") << QStringLiteral("99999") << 11;
        QTest::newRow("tls_v1") << QStringLiteral("tls_v1") << QStringLiteral("true") << 12;
        QTest::newRow("tls_root_ca_file")
            << QStringLiteral("tls_root_ca_file") << QStringLiteral("/ca.pem") << 13;
        QTest::newRow("tls_cert") << QStringLiteral("tls_cert") << QStringLiteral("/c.pem") << 14;
        QTest::newRow("tls_key") << QStringLiteral("tls_key") << QStringLiteral("/k.pem") << 15;
        QTest::newRow("tls_insecure_skip_verify")
            << QStringLiteral("tls_insecure_skip_verify") << QStringLiteral("1") << 16;
        QTest::newRow("snappy") << QStringLiteral("snappy") << QStringLiteral("TRUE") << 17;
        QTest::newRow("deflate") << QStringLiteral("deflate") << QStringLiteral("true") << 18;
        QTest::newRow("deflate_level")
            << QStringLiteral("deflate_level") << QStringLiteral("3") << 19;
        QTest::newRow("auth_secret") << QStringLiteral("auth_secret") << QStringLiteral("s") << 20;
        QTest::newRow("max_in_flight")
            << QStringLiteral("max_in_flight") << QStringLiteral("42") << 21;
        QTest::newRow("max_attempts")
            << QStringLiteral("max_attempts") << QStringLiteral("9") << 22;
        QTest::newRow("default_requeue_delay")
            << QStringLiteral("default_requeue_delay") << QStringLiteral("1111") << 23;
        QTest::newRow("max_requeue_delay")
            << QStringLiteral("max_requeue_delay") << QStringLiteral("2222") << 24;
        QTest::newRow("backoff_multiplier")
            << QStringLiteral("backoff_multiplier") << QStringLiteral("333") << 25;
        QTest::newRow("max_backoff_duration")
            << QStringLiteral("max_backoff_duration") << QStringLiteral("4444") << 26;
        QTest::newRow("lookupd_poll_interval")
            << QStringLiteral("lookupd_poll_interval") << QStringLiteral("5555") << 27;
        QTest::newRow("lookupd_poll_jitter")
            << QStringLiteral("lookupd_poll_jitter") << QStringLiteral("0.25") << 28;
        QTest::newRow("low_rdy_idle_timeout")
            << QStringLiteral("low_rdy_idle_timeout") << QStringLiteral("6666") << 29;
        QTest::newRow("low_rdy_timeout")
            << QStringLiteral("low_rdy_timeout") << QStringLiteral("7777") << 30;
        QTest::newRow("rdy_redistribute_interval")
            << QStringLiteral("rdy_redistribute_interval") << QStringLiteral("888") << 31;
    }
    void everyOptionReachesItsField()
    {
        QFETCH(QString, name);
        QFETCH(QString, value);
        QFETCH(int, row);
        Config c;
        QCOMPARE(c.set(name, value), QString());
        const std::function<bool(const Config &)> checks[] = {
            [](const Config &c) { return c.dialTimeout == 1234; },
            [](const Config &c) { return c.readTimeout == 2345; },
            [](const Config &c) { return c.writeTimeout == 3456; },
            [](const Config &c) { return c.heartbeatInterval == 4567; },
            [](const Config &c) { return c.clientId == QLatin1String("cid"); },
            [](const Config &c) { return c.hostname == QLatin1String("hn"); },
            [](const Config &c) { return c.userAgent == QLatin1String("ua/2"); },
            [](const Config &c) { return c.outputBufferSize == 8192; },
            [](const Config &c) { return c.outputBufferTimeout == 125; },
            [](const Config &c) { return c.sampleRate == 17; },
            [](const Config &c) { return c.msgTimeout == 7000; },
            [](const Config &c) { return c.maxFrameSize == 99999; },
            [](const Config &c) { return c.tlsV1; },
            [](const Config &c) { return c.tlsRootCaFile == QLatin1String("/ca.pem"); },
            [](const Config &c) { return c.tlsCertFile == QLatin1String("/c.pem"); },
            [](const Config &c) { return c.tlsKeyFile == QLatin1String("/k.pem"); },
            [](const Config &c) { return c.tlsInsecureSkipVerify; },
            [](const Config &c) { return c.snappy; },
            [](const Config &c) { return c.deflate; },
            [](const Config &c) { return c.deflateLevel == 3; },
            [](const Config &c) { return c.authSecret == QLatin1String("s"); },
            [](const Config &c) { return c.maxInFlight == 42; },
            [](const Config &c) { return c.maxAttempts == 9; },
            [](const Config &c) { return c.defaultRequeueDelay == 1111; },
            [](const Config &c) { return c.maxRequeueDelay == 2222; },
            [](const Config &c) { return c.backoffMultiplier == 333; },
            [](const Config &c) { return c.maxBackoffDuration == 4444; },
            [](const Config &c) { return c.lookupdPollInterval == 5555; },
            [](const Config &c) { return qFuzzyCompare(c.lookupdPollJitter, 0.25); },
            [](const Config &c) { return c.lowRdyIdleTimeout == 6666; },
            [](const Config &c) { return c.lowRdyTimeout == 7777; },
            [](const Config &c) { return c.rdyRedistributeInterval == 888; },
        };
        QVERIFY(checks[row](c));
        // And no other option's check holds for a default Config, so no field is shared.
        for (int other = 0; other < int(std::size(checks)); ++other)
            QVERIFY2(!checks[other](Config{}), qPrintable(QString::number(other)));
    }

    void durationsTakeGoUnits_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("ms");
        QTest::newRow("plain ms") << "7000" << 7000;
        QTest::newRow("seconds") << "5s" << 5000;
        QTest::newRow("minutes and seconds") << "1m30s" << 90000;
        QTest::newRow("ms unit") << "250ms" << 250;
        QTest::newRow("fraction of an hour") << "1.5h" << 5400000;
        QTest::newRow("microseconds") << "1500us" << 2;
        QTest::newRow("micro sign") << "2000\u00b5s" << 2;
        QTest::newRow("nanoseconds") << "3000000ns" << 3;
        QTest::newRow("disabled") << "-1" << -1;
    }
    void durationsTakeGoUnits()
    {
        QFETCH(QString, value);
        QFETCH(int, ms);
        Config c;
        QCOMPARE(c.set(QStringLiteral("heartbeat_interval"), value), QString());
        QCOMPARE(c.heartbeatInterval, ms);
    }

    void badDurationsAndNumbersAreRefused_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::newRow("no number") << "dial_timeout"
                                   << "s";
        QTest::newRow("unknown unit") << "dial_timeout"
                                      << "5x";
        QTest::newRow("missing unit") << "dial_timeout"
                                      << "1m30";
        QTest::newRow("inner space") << "dial_timeout"
                                     << "5 s";
        QTest::newRow("empty") << "dial_timeout"
                               << "";
        QTest::newRow("duration past int") << "msg_timeout"
                                           << "2562047h";
        QTest::newRow("int past int") << "msg_timeout"
                                      << "4294968296";
        QTest::newRow("count past int") << "max_in_flight"
                                        << "4294967297";
    }
    void badDurationsAndNumbersAreRefused()
    {
        QFETCH(QString, name);
        QFETCH(QString, value);
        Config c;
        const Config before = c;
        const QString error = c.set(name, value);
        QVERIFY2(!error.isEmpty(), qPrintable(name + '=' + value));
        QVERIFY2(error.contains(name), qPrintable(error));
        QCOMPARE(c.msgTimeout, before.msgTimeout);
        QCOMPARE(c.maxInFlight, before.maxInFlight);
        QCOMPARE(c.dialTimeout, before.dialTimeout);
    }

    void optionValuesOfTheWrongKindAreRefused_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QVariant>("value");
        QTest::newRow("int") << QStringLiteral("max_in_flight") << QVariant(QStringLiteral("many"));
        QTest::newRow("int64") << QStringLiteral("max_frame_size")
                               << QVariant(QStringLiteral("big"));
        QTest::newRow("double") << QStringLiteral("lookupd_poll_jitter")
                                << QVariant(QStringLiteral("some"));
        QTest::newRow("bool") << QStringLiteral("snappy") << QVariant(QStringLiteral("yes please"));
        QTest::newRow("unknown") << QStringLiteral("no_such_option") << QVariant(1);
    }
    void optionValuesOfTheWrongKindAreRefused()
    {
        QFETCH(QString, name);
        QFETCH(QVariant, value);
        Config c;
        const QString error = c.set(name, value);
        QVERIFY(!error.isEmpty());
        QVERIFY2(error.contains(name), qPrintable(error));
    }

    void boolOptionTakesABool()
    {
        Config c;
        QCOMPARE(c.set(QStringLiteral("tls_v1"), QVariant(true)), QString());
        QVERIFY(c.tlsV1);
        QCOMPARE(c.set(QStringLiteral("tls_v1"), QStringLiteral("0")), QString());
        QVERIFY(!c.tlsV1);
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
