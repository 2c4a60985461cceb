#include <broker/brokerconfig.h>
#include <client/address.h>

#include <QTest>

class TstBrokerConfig : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesHostPort_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::newRow("v4") << "127.0.0.1:4150"
                            << "127.0.0.1" << 4150;
        QTest::newRow("name") << "nsqd-1.local:4151"
                              << "nsqd-1.local" << 4151;
        QTest::newRow("v6") << "[::1]:4150"
                            << "::1" << 4150;
        QTest::newRow("spaces") << "  localhost:1  "
                                << "localhost" << 1;
    }
    void parsesHostPort()
    {
        QFETCH(QString, text);
        QFETCH(QString, host);
        QFETCH(int, port);
        QString h;
        quint16 p = 0;
        QCOMPARE(nsq::parseHostPort(text, &h, &p), QString());
        QCOMPARE(h, host);
        QCOMPARE(int(p), port);
    }

    void rejectsBadAddresses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("no port") << "localhost";
        QTest::newRow("port 0") << "localhost:0";
        QTest::newRow("port too big") << "localhost:70000";
        QTest::newRow("not a number") << "localhost:http";
        QTest::newRow("no host") << ":4150";
        QTest::newRow("bare v6") << "::1:4150";
        QTest::newRow("empty") << "";
    }
    void rejectsBadAddresses()
    {
        QFETCH(QString, text);
        QString h;
        quint16 p = 0;
        QVERIFY(!nsq::parseHostPort(text, &h, &p).isEmpty());
    }

    void validateNamesEachProblem_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("option");
        QTest::newRow("max-msg-size") << 0 << QStringLiteral("max-msg-size");
        QTest::newRow("max-body-size") << 1 << QStringLiteral("max-body-size");
        QTest::newRow("max-rdy-count") << 2 << QStringLiteral("max-rdy-count");
        QTest::newRow("msg-timeout") << 3 << QStringLiteral("msg-timeout");
        QTest::newRow("max-topic-messages") << 4 << QStringLiteral("max-topic-messages");
        QTest::newRow("max-pending-output") << 5 << QStringLiteral("max-pending-output");
    }
    void validateNamesEachProblem()
    {
        QFETCH(int, which);
        QFETCH(QString, option);
        nsq::BrokerConfig c;
        switch (which) {
        case 0:
            c.maxMsgSize = 0;
            break;
        case 1:
            c.maxBodySize = c.maxMsgSize - 1;
            break;
        case 2:
            c.maxRdyCount = 0;
            break;
        case 3:
            c.msgTimeout = c.maxMsgTimeout + 1;
            break;
        case 4:
            c.maxTopicMessages = 0;
            break;
        default:
            c.maxPendingOutput = 1024;
            break;
        }
        const QStringList problems = c.validate();
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().startsWith(option), qPrintable(problems.first()));
    }

    void defaultsValid()
    {
        QVERIFY(nsq::BrokerConfig().validate().isEmpty());
        nsq::BrokerConfig c;
        c.msgTimeout = 0;
        QCOMPARE(c.validate().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TstBrokerConfig)
#include "tst_brokerconfig.moc"
