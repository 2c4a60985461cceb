#include <broker/broker.h>
#include <broker/demotraffic.h>

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace nsq;

class TstDemoTraffic : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void payloadsAreMixed()
    {
        Broker broker;
        DemoTraffic traffic(&broker, 0);
        for (int i = 0; i < 50; ++i) {
            QVERIFY(
                QJsonDocument::fromJson(traffic.makePayload(QStringLiteral("events"))).isObject());
            const QByteArray log = traffic.makePayload(QStringLiteral("logs"));
            QVERIFY(log.contains(" ms") && !log.contains('\n'));
            const QByteArray blob = traffic.makePayload(QStringLiteral("blobs"));
            QVERIFY(blob.size() >= 16);
        }
    }

    void publishesAtItsRateIntoTheBroker()
    {
        Broker broker;
        QCOMPARE(broker.start(), QString());
        DemoTraffic traffic(&broker, 1000);
        QElapsedTimer running;
        running.start();
        traffic.start();
        QTRY_VERIFY_WITH_TIMEOUT(traffic.published() >= 200, 20000);
        traffic.stop();
        const double seconds = double(running.elapsed()) / 1000.0;
        // Never ahead of 1000 a second; and not far behind it, even on a loaded machine (the
        // rate follows the clock, so late ticks catch up).
        QVERIFY2(double(traffic.published()) <= 1000.0 * seconds + 1,
                 qPrintable(QStringLiteral("%1 in %2 s").arg(traffic.published()).arg(seconds)));
        QVERIFY2(double(traffic.published()) >= 250.0 * seconds,
                 qPrintable(QStringLiteral("%1 in %2 s").arg(traffic.published()).arg(seconds)));
        quint64 total = 0;
        for (const QString &name : DemoTraffic::topics()) {
            const Topic *t = broker.topic(name);
            QVERIFY2(t, qPrintable(name));
            total += t->messageCount;
        }
        QCOMPARE(total, traffic.published());
    }

    void fullTopicIsReportedNotFatal()
    {
        BrokerConfig cfg;
        cfg.maxTopicMessages = 10;
        Broker broker(cfg);
        QCOMPARE(broker.start(), QString());
        DemoTraffic traffic(&broker, 2000);
        QSignalSpy failures(&traffic, &DemoTraffic::publishFailed);
        traffic.start();
        QTRY_VERIFY_WITH_TIMEOUT(!failures.isEmpty(), 20000);
        QVERIFY(failures.first().first().toString().contains(QLatin1String("is full")));
    }
};

QTEST_GUILESS_MAIN(TstDemoTraffic)
#include "tst_demotraffic.moc"
