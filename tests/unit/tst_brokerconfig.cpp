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
