// Faults end to end: a broker process killed and started again under a Consumer that holds
// messages, and a server that accepts and then says nothing.
#include "brokerprocess.h"
#include "httpget.h"

#include <client/consumer.h>

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace nsq;

namespace {
constexpr int kWait = 30000;
const QString kCli = QStringLiteral(NSQ_CLI_PATH);
} // namespace

class TstFaults : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void killedBrokerReleasesHeldMessagesAndComesBack()
    {
        auto broker = std::make_unique<BrokerProcess>(kCli);
        QVERIFY2(broker->start(), broker->output().constData());
        const quint16 port = broker->tcpPort();
        {
            TestHttp http(QStringLiteral("http://127.0.0.1:%1").arg(broker->httpPort()));
            QCOMPARE(http.post(QStringLiteral("/mpub?topic=faults"), "one\ntwo\nthree").status,
                     200);
        }
        BatchingHandler h(5);
        QList<Message> got;
        connect(&h, &BatchingHandler::messagesReceived, this,
                [&](const QList<Message> &batch) { got += batch; });
        Config cfg;
        cfg.maxInFlight = 10;
        cfg.lookupdPollInterval = 1000; // reconnect to a direct address after this long
        Consumer c(QStringLiteral("faults"), QStringLiteral("c"), cfg);
        c.setHandler(&h, 0);
        c.setAutoResponse(false); // held, as in the window's Hold mode
        QSignalSpy released(&c, &Consumer::heldMessagesReleased);
        QSignalSpy connected(&c, &Consumer::connected);
        QSignalSpy disconnected(&c, &Consumer::disconnected);
        c.connectToNsqd(broker->tcpAddress());
        QTRY_COMPARE_WITH_TIMEOUT(got.size(), 3, kWait);

        broker->kill(); // SIGKILL: no goodbye on the wire
        QTRY_COMPARE_WITH_TIMEOUT(disconnected.size(), 1, kWait);
        // Every held message is reported by ID; none goes silently.
        QCOMPARE(released.size(), 1);
        QCOMPARE(released.first().at(0).toString(), QStringLiteral("127.0.0.1:%1").arg(port));
        auto ids = released.first().at(1).value<QList<MessageId>>();
        QCOMPARE(ids.size(), 3);
        for (const Message &m : std::as_const(got))
            QVERIFY(ids.contains(m.id));
        QVERIFY2(disconnected.first().at(1).toString().contains(
                     QLatin1String("3 messages were in flight")),
                 qPrintable(disconnected.first().at(1).toString()));

        // The same address comes back; the Consumer reconnects by itself.
        broker = std::make_unique<BrokerProcess>(kCli);
        QVERIFY2(broker->start({}, port), broker->output().constData());
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 2, kWait);
        TestHttp http(QStringLiteral("http://127.0.0.1:%1").arg(broker->httpPort()));
        QCOMPARE(http.post(QStringLiteral("/pub?topic=faults"), "after the restart").status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(got.size(), 4, kWait);
        QCOMPARE(got.last().body, QByteArray("after the restart"));
        QVERIFY(broker->terminate());
    }

    void silentServerShowsTheWaitThenTimesOut()
    {
        QTcpServer silent; // accepts, then never answers IDENTIFY
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        const QString address = QStringLiteral("127.0.0.1:%1").arg(silent.serverPort());
        Config cfg;
        cfg.readTimeout = 1500;
        Consumer c(QStringLiteral("t"), QStringLiteral("c"), cfg);
        QSignalSpy disconnected(&c, &Consumer::disconnected);
        c.connectToNsqd(address);
        // What it waits for shows in the connection's state.
        QTRY_VERIFY_WITH_TIMEOUT(c.stats().connections.size() == 1 &&
                                     c.stats().connections.first().state ==
                                         Conn::State::Identifying,
                                 kWait);
        QTRY_COMPARE_WITH_TIMEOUT(disconnected.size(), 1, kWait);
        QCOMPARE(disconnected.first().at(0).toString(), address);
        QCOMPARE(disconnected.first().at(1).toString(),
                 QStringLiteral("IDENTIFY got no answer from %1 within 1500 ms").arg(address));
    }
};

QTEST_GUILESS_MAIN(TstFaults)
#include "tst_faults.moc"
