#include <broker/broker.h>
#include <broker/brokerclient.h>
#include <broker/lookupd.h>
#include <client/consumer.h>
#include <client/consumerevents.h>
#include <client/producer.h>

#include <QAtomicInt>
#include <QRegularExpression>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace nsq;

namespace {

constexpr int kWait = 20000;

QString addressOf(const Broker &b)
{
    return QStringLiteral("127.0.0.1:%1").arg(b.tcpPort());
}

std::unique_ptr<Broker> startBroker(BrokerConfig cfg = {})
{
    auto b = std::make_unique<Broker>(cfg);
    if (!b->start().isEmpty())
        return nullptr;
    return b;
}

void publish(Broker &b, const QString &topic, int count, const QByteArray &prefix = "m")
{
    QByteArrayList bodies;
    for (int i = 0; i < count; ++i)
        bodies << prefix + QByteArray::number(i);
    b.publish(topic, bodies);
}

// The RDY commands a consumer sent, as its wire trace shows them.
QStringList readyCommands(const QList<QList<QVariant>> &trace)
{
    QStringList out;
    for (const auto &args : trace) {
        const auto r = args.at(1).value<TraceRecord>();
        if (r.direction == TraceRecord::Direction::Sent &&
            r.summary.startsWith(QLatin1String("RDY")))
            out << r.summary;
    }
    return out;
}

qint64 readyOn(const Broker &b)
{
    qint64 total = 0;
    for (const BrokerClient *c : b.clients())
        total += c->readyCount();
    return total;
}

class CountingHandler : public Handler
{
public:
    bool handleMessage(const Message &m) override
    {
        seen.fetchAndAddRelaxed(1);
        return !m.body.startsWith("fail");
    }
    QAtomicInt seen;
};

Config fastConfig()
{
    Config c;
    c.maxInFlight = 10;
    c.lookupdPollInterval = 200;
    c.lookupdPollJitter = 0.1;
    c.rdyRedistributeInterval = 100;
    c.lowRdyIdleTimeout = 1000;
    c.defaultRequeueDelay = 0;
    c.backoffMultiplier = 100;
    c.maxBackoffDuration = 1000;
    return c;
}

} // namespace

class TstConsumer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void eventsComeInBatchesInOrder()
    {
        // One queued signal per batch, events in the order the consumer emitted them.
        auto b = startBroker();
        QVERIFY(b);
        publish(*b, QStringLiteral("ev"), 50);
        CountingHandler h;
        Consumer c(QStringLiteral("ev"), QStringLiteral("ch"), fastConfig());
        c.setHandler(&h, 0);
        auto *batcher = new ConsumerEventBatcher(&c, 50);
        QList<QList<ConsumerEvent>> batches;
        connect(batcher, &ConsumerEventBatcher::eventsReady, this,
                [&](const QList<ConsumerEvent> &e) { batches << e; });
        c.connectToNsqd(addressOf(*b));
        QTRY_COMPARE_WITH_TIMEOUT(c.stats().finished, quint64(50), kWait);
        c.stop();
        QTRY_VERIFY_WITH_TIMEOUT(!batches.isEmpty() &&
                                     batches.last().last().kind == ConsumerEvent::Kind::Stopped,
                                 kWait);
        QList<ConsumerEvent> all;
        for (const auto &batch : std::as_const(batches))
            all += batch;
        QVERIFY(batches.size() < all.size() / 5); // batched, not one signal per event
        QList<ConsumerEvent::Kind> kinds;
        int finished = 0;
        for (const ConsumerEvent &e : std::as_const(all)) {
            if (e.kind == ConsumerEvent::Kind::Finished)
                ++finished;
            else if (kinds.isEmpty() || kinds.last() != e.kind)
                kinds << e.kind;
            QVERIFY(e.atMs > 0);
        }
        QCOMPARE(finished, 50);
        QCOMPARE(kinds.first(), ConsumerEvent::Kind::ConnectionState); // connecting, identifying
        QVERIFY(kinds.contains(ConsumerEvent::Kind::Connected));
        QVERIFY(kinds.indexOf(ConsumerEvent::Kind::Connected) <
                kinds.indexOf(ConsumerEvent::Kind::Disconnected));
        QCOMPARE(kinds.last(), ConsumerEvent::Kind::Stopped);
    }

    void failuresBackoffAndErrorsBecomeEvents()
    {
        auto b = startBroker();
        QVERIFY(b);
        CountingHandler h; // "fail…" bodies fail
        Config cfg = fastConfig();
        cfg.maxAttempts = 2;
        Consumer c(QStringLiteral("evf"), QStringLiteral("ch"), cfg);
        c.setHandler(&h, 0);
        auto *batcher = new ConsumerEventBatcher(&c, 10);
        QList<ConsumerEvent> all;
        connect(batcher, &ConsumerEventBatcher::eventsReady, this,
                [&](const QList<ConsumerEvent> &e) { all += e; });
        const auto has = [&all](ConsumerEvent::Kind k) {
            return std::any_of(all.cbegin(), all.cend(),
                               [k](const ConsumerEvent &e) { return e.kind == k; });
        };
        c.connectToLookupd(QStringLiteral("not an address"));
        c.connectToNsqd(addressOf(*b));
        publish(*b, QStringLiteral("evf"), 1, "fail");
        QTRY_VERIFY_WITH_TIMEOUT(has(ConsumerEvent::Kind::Failed), kWait);
        QVERIFY(has(ConsumerEvent::Kind::Error));
        QVERIFY(has(ConsumerEvent::Kind::Requeued));
        QVERIFY(has(ConsumerEvent::Kind::BackoffStarted));
        publish(*b, QStringLiteral("evf"), 3, "ok");
        QTRY_VERIFY_WITH_TIMEOUT(has(ConsumerEvent::Kind::BackoffResumed), kWait);
        const auto failed = std::find_if(all.cbegin(), all.cend(), [](const ConsumerEvent &e) {
            return e.kind == ConsumerEvent::Kind::Failed;
        });
        QCOMPARE(failed->value, qint64(3)); // the attempt that passed max_attempts
    }

    void stopReleasingHeldGivesEverythingBackAtOnce()
    {
        auto b = startBroker();
        QVERIFY(b);
        CountingHandler h;
        Config cfg = fastConfig();
        cfg.maxInFlight = 25;
        Consumer c(QStringLiteral("rel"), QStringLiteral("ch"), cfg);
        c.setHandler(&h, 0);
        c.setAutoResponse(false); // held, as a person holds them
        c.setStopTimeout(60000);
        QSignalSpy stopped(&c, &Consumer::stopped);
        const Channel *ch =
            b->getOrCreateChannel(b->getOrCreateTopic(QStringLiteral("rel")), QStringLiteral("ch"));
        publish(*b, QStringLiteral("rel"), 40);
        c.connectToNsqd(addressOf(*b));
        QTRY_COMPARE_WITH_TIMEOUT(ch->inFlight.size(), 25, kWait);
        c.stopReleasingHeld();
        QVERIFY(stopped.wait(10000)); // not the 60 s stop timeout
        QCOMPARE(ch->inFlight.size(), 0);
        QCOMPARE(ch->depth(), 40); // all back, none finished
        QVERIFY(ch->requeueCount >= 25);
    }

    void maxInFlightChangesWhileRunningAndZeroPauses()
    {
        auto b = startBroker();
        QVERIFY(b);
        CountingHandler h;
        Consumer c(QStringLiteral("mif"), QStringLiteral("ch"), fastConfig());
        c.setHandler(&h);
        c.connectToNsqd(addressOf(*b));
        QTRY_COMPARE_WITH_TIMEOUT(readyOn(*b), qint64(10), kWait);
        c.setMaxInFlight(0);
        QTRY_COMPARE_WITH_TIMEOUT(readyOn(*b), qint64(0), kWait);
        QCOMPARE(c.stats().maxInFlight, 0);
        c.setMaxInFlight(33);
        QTRY_COMPARE_WITH_TIMEOUT(readyOn(*b), qint64(33), kWait);
        c.setMaxInFlight(5);
        QTRY_COMPARE_WITH_TIMEOUT(readyOn(*b), qint64(5), kWait);
    }

    void consumesAndFinishesEverything()
    {
        auto b = startBroker();
        QVERIFY(b);
        publish(*b, QStringLiteral("t"), 100);
        CountingHandler h;
        Consumer c(QStringLiteral("t"), QStringLiteral("ch"), fastConfig());
        QVERIFY(c.validate().isEmpty());
        c.setHandler(&h);
        c.connectToNsqd(addressOf(*b));
        QTRY_COMPARE_WITH_TIMEOUT(c.stats().finished, quint64(100), kWait);
        QCOMPARE(c.stats().received, quint64(100));
        const Channel *ch = b->topic(QStringLiteral("t"))->channels.at(QStringLiteral("ch")).get();
        QTRY_COMPARE_WITH_TIMEOUT(ch->inFlight.size(), 0, kWait);
        QCOMPARE(ch->depth(), 0);
    }

    void maxInFlightIsSpreadOverConnections()
    {
        auto b1 = startBroker(), b2 = startBroker(), b3 = startBroker();
        QVERIFY(b1 && b2 && b3);
        Config cfg = fastConfig();
        cfg.maxInFlight = 9;
        Consumer c(QStringLiteral("t"), QStringLiteral("ch"), cfg);
        for (Broker *b : {b1.get(), b2.get(), b3.get()})
            c.connectToNsqd(addressOf(*b));
        QTRY_VERIFY2_WITH_TIMEOUT(
            readyOn(*b1) == 3 && readyOn(*b2) == 3 && readyOn(*b3) == 3,
            qPrintable(
                QStringLiteral("%1 %2 %3").arg(readyOn(*b1)).arg(readyOn(*b2)).arg(readyOn(*b3))),
            kWait);
    }

    void readyNeverAboveServersMax()
    {
        BrokerConfig bc;
        bc.maxRdyCount = 100;
        auto b = startBroker(bc);
        QVERIFY(b);
        Config cfg = fastConfig();
        cfg.maxInFlight = 5000;
        Consumer c(QStringLiteral("t"), QStringLiteral("ch"), cfg);
        c.connectToNsqd(addressOf(*b));
        QTRY_COMPARE_WITH_TIMEOUT(readyOn(*b), 100, kWait);
    }

    void readyRotatesWhenConnectionsOutnumberMaxInFlight()
    {
        auto b1 = startBroker(), b2 = startBroker(), b3 = startBroker();
        QVERIFY(b1 && b2 && b3);
        Config cfg = fastConfig();
        cfg.maxInFlight = 1;
        CountingHandler h;
        Consumer c(QStringLiteral("t"), QStringLiteral("ch"), cfg);
        c.setHandler(&h);
        QSignalSpy connected(&c, &Consumer::connected);
        for (Broker *b : {b1.get(), b2.get(), b3.get()})
            c.connectToNsqd(addressOf(*b));
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 3, kWait);
        // Messages only on each broker in turn: RDY 1 must travel to find them.
        qint64 maxTotal = 0;
        auto sample = [&] {
            maxTotal = qMax(maxTotal, readyOn(*b1) + readyOn(*b2) + readyOn(*b3));
        };
        for (Broker *b : {b3.get(), b2.get(), b1.get()}) {
            const int before = h.seen.loadRelaxed();
            publish(*b, QStringLiteral("t"), 1);
            QTRY_VERIFY_WITH_TIMEOUT((sample(), h.seen.loadRelaxed() == before + 1), kWait);
        }
        QVERIFY2(maxTotal <= 1, qPrintable(QString::number(maxTotal)));
    }

    void backoffStopsAndResumes()
    {
        auto b = startBroker();
        QVERIFY(b);
        CountingHandler h;
        Config cfg = fastConfig();
        cfg.backoffMultiplier = 500;
        cfg.maxBackoffDuration = 10000;
        cfg.defaultRequeueDelay = 60000; // failed messages stay away, so each state holds still
        Consumer c(QStringLiteral("t"), QStringLiteral("ch"), cfg);
        c.setHandler(&h);
        c.setTraceEnabled(true);
        QSignalSpy trace(&c, &Consumer::frameTraced);
        QSignalSpy started(&c, &Consumer::backoffStarted);
        QSignalSpy resumed(&c, &Consumer::backoffResumed);
        c.connectToNsqd(addressOf(*b));
        QTRY_COMPARE_WITH_TIMEOUT(readyOn(*b), 10, kWait);
        // A failure: backoff level 1 for 500 ms × 2, RDY 0 meanwhile, then RDY 1 to test the
        // water, which stays (nothing else arrives). Judged by what was sent, in order, so that
        // a stalled test thread cannot miss a state that lasted only a second.
        b->publish(QStringLiteral("t"), {"fail-1"});
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, kWait);
        QCOMPARE(started.first().at(0).toInt(), 1);
        QCOMPARE(started.first().at(1).toLongLong(), 1000);
        QTRY_COMPARE_WITH_TIMEOUT(readyCommands(trace).size(), 3, kWait);
        QCOMPARE(readyCommands(trace),
                 QStringList(
                     {QStringLiteral("RDY 10"), QStringLiteral("RDY 0"), QStringLiteral("RDY 1")}));
        QTRY_COMPARE_WITH_TIMEOUT(readyOn(*b), 1, kWait);
        // Another failure goes one level deeper, with twice the wait, and tests again.
        b->publish(QStringLiteral("t"), {"fail-2"});
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 2, kWait);
        QCOMPARE(started.at(1).at(0).toInt(), 2);
        QCOMPARE(started.at(1).at(1).toLongLong(), 2000);
        QTRY_COMPARE_WITH_TIMEOUT(readyCommands(trace).size(), 5, kWait);
        QCOMPARE(readyCommands(trace).mid(3),
                 QStringList({QStringLiteral("RDY 0"), QStringLiteral("RDY 1")}));
        QVERIFY(resumed.isEmpty()); // nothing succeeded yet
        QCOMPARE(c.stats().backoffLevel, 2);
    }

    void successesStepOutOfBackoff()
    {
        auto b = startBroker();
        QVERIFY(b);
        CountingHandler h;
        Config cfg = fastConfig();
        cfg.defaultRequeueDelay = 60000; // the failed message stays away
        Consumer c(QStringLiteral("t"), QStringLiteral("ch"), cfg);
        c.setHandler(&h);
        QSignalSpy started(&c, &Consumer::backoffStarted);
        QSignalSpy resumed(&c, &Consumer::backoffResumed);
        c.connectToNsqd(addressOf(*b));
        QTRY_COMPARE_WITH_TIMEOUT(readyOn(*b), 10, kWait);
        b->publish(QStringLiteral("t"), {"fail"});
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, kWait);
        // Publish only once the broker has taken the RDY away (0, or already the RDY 1 test):
        // successes inside the backoff window do not count, as in go-nsq.
        QTRY_VERIFY_WITH_TIMEOUT(readyOn(*b) <= 1, kWait);
        b->publish(QStringLiteral("t"), {"ok-1", "ok-2"});
        QTRY_VERIFY_WITH_TIMEOUT(!resumed.isEmpty() && resumed.last().first().toInt() == 0, kWait);
        QTRY_COMPARE_WITH_TIMEOUT(readyOn(*b), 10, kWait);
        QCOMPARE(c.stats().backoffLevel, 0);
    }

    void failedMessageIsRequeuedWithDelayTimesAttempts_data()
    {
        QTest::addColumn<int>("attempts");
        QTest::addColumn<int>("maxDelay");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("first attempt") << 1 << 900000 << qint64(20000);
        QTest::newRow("third attempt") << 3 << 900000 << qint64(60000);
        QTest::newRow("capped") << 3 << 30000 << qint64(30000);
    }
    void failedMessageIsRequeuedWithDelayTimesAttempts()
    {
        QFETCH(int, attempts);
        QFETCH(int, maxDelay);
        QFETCH(qint64, expected);
        auto b = startBroker();
        QVERIFY(b);
        // Earlier deliveries are simulated by requeueing by hand before the consumer starts.
        b->publish(QStringLiteral("t"), {"fail"});
        Channel *ch = b->getOrCreateChannel(b->topic(QStringLiteral("t")), QStringLiteral("ch"));
        ch->queue.front().attempts = quint16(attempts - 1);
        CountingHandler h;
        Config cfg = fastConfig();
        cfg.defaultRequeueDelay = 20000;
        cfg.maxRequeueDelay = maxDelay;
        Consumer c(QStringLiteral("t"), QStringLiteral("ch"), cfg);
        c.setHandler(&h);
        c.connectToNsqd(addressOf(*b));
        QTRY_COMPARE_WITH_TIMEOUT(ch->deferred.size(), size_t(1), kWait);
        // Due in `expected` ms from when nsqd took the REQ: a little less by now, never more.
        const qint64 remaining = ch->deferred.begin()->first - b->now();
        QVERIFY2(remaining <= expected && remaining > expected - 10000,
                 qPrintable(QString::number(remaining)));
        QCOMPARE(c.stats().requeued, quint64(1));
    }

    void maxAttemptsFinishesAndReports()
    {
        auto b = startBroker();
        QVERIFY(b);
        CountingHandler h;
        Config cfg = fastConfig();
        cfg.maxAttempts = 2;
        cfg.backoffMultiplier = 0; // no backoff: just the attempts
        Consumer c(QStringLiteral("t"), QStringLiteral("ch"), cfg);
        c.setHandler(&h);
        QSignalSpy failed(&c, &Consumer::messageFailed);
        c.connectToNsqd(addressOf(*b));
        b->publish(QStringLiteral("t"), {"fail-always"});
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, kWait);
        QCOMPARE(failed.first().first().value<Message>().attempts, quint16(3));
        QCOMPARE(h.seen.loadRelaxed(), 2);
        QCOMPARE(c.stats().failed, quint64(1));
        const Channel *ch = b->topic(QStringLiteral("t"))->channels.at(QStringLiteral("ch")).get();
        QTRY_VERIFY_WITH_TIMEOUT(
            ch->inFlight.isEmpty() && ch->deferred.empty() && ch->queue.empty(), kWait);
    }

    void discoversThroughLookupdAndDropsVanished()
    {
        auto b1 = startBroker(), b2 = startBroker(), b3 = startBroker();
        QVERIFY(b1 && b2 && b3);
        Lookupd lookupd;
        for (Broker *b : {b1.get(), b2.get(), b3.get()}) {
            lookupd.addBroker(b);
            publish(*b, QStringLiteral("t"), 5, QByteArray::number(b->tcpPort()) + "-");
        }
        QVERIFY(lookupd.listen() != 0);
        CountingHandler h;
        Consumer c(QStringLiteral("t"), QStringLiteral("ch"), fastConfig());
        c.setHandler(&h);
        QSignalSpy connected(&c, &Consumer::connected);
        QSignalSpy disconnected(&c, &Consumer::disconnected);
        c.connectToLookupd(QStringLiteral("127.0.0.1:%1").arg(lookupd.httpPort()));
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 3, kWait);
        QTRY_COMPARE_WITH_TIMEOUT(h.seen.loadRelaxed(), 15, kWait);
        lookupd.removeBroker(b2.get());
        QTRY_COMPARE_WITH_TIMEOUT(disconnected.size(), 1, kWait);
        QCOMPARE(disconnected.first().first().toString(), addressOf(*b2));
        QCOMPARE(c.stats().connections.size(), 2);
    }

    void producerStaysWhileOneLookupdCannotBeAsked()
    {
        auto b = startBroker();
        QVERIFY(b);
        b->getOrCreateTopic(QStringLiteral("t"));
        Lookupd first;
        auto second = std::make_unique<Lookupd>();
        first.addBroker(b.get());
        second->addBroker(b.get());
        QVERIFY(first.listen() != 0 && second->listen() != 0);
        const quint16 secondPort = second->httpPort();
        Consumer c(QStringLiteral("t"), QStringLiteral("ch"), fastConfig());
        QSignalSpy connected(&c, &Consumer::connected);
        QSignalSpy disconnected(&c, &Consumer::disconnected);
        QSignalSpy errors(&c, &Consumer::errorOccurred);
        c.connectToLookupd(QStringLiteral("127.0.0.1:%1").arg(first.httpPort()));
        c.connectToLookupd(QStringLiteral("127.0.0.1:%1").arg(secondPort));
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, kWait);
        // One lookupd no longer lists the nsqd, the other cannot be asked: that is no evidence
        // that the nsqd went away, so the connection stays, poll after poll.
        first.removeBroker(b.get());
        second.reset();
        QTRY_VERIFY_WITH_TIMEOUT(errors.size() >= 3, kWait);
        for (const auto &e : std::as_const(errors))
            QVERIFY2(e.first().toString().contains(QString::number(secondPort)),
                     qPrintable(e.first().toString()));
        QCOMPARE(disconnected.size(), 0);
        // Both answer, neither lists it: now it goes.
        second = std::make_unique<Lookupd>();
        QCOMPARE(second->listen(QHostAddress::LocalHost, secondPort), secondPort);
        QTRY_COMPARE_WITH_TIMEOUT(disconnected.size(), 1, kWait);
        QCOMPARE(disconnected.first().first().toString(), addressOf(*b));
    }

    void reconnectsAfterBrokerRestart()
    {
        auto b = startBroker();
        QVERIFY(b);
        const quint16 port = b->tcpPort();
        CountingHandler h;
        Consumer c(QStringLiteral("t"), QStringLiteral("ch"), fastConfig());
        c.setHandler(&h);
        QSignalSpy connected(&c, &Consumer::connected);
        QSignalSpy disconnected(&c, &Consumer::disconnected);
        c.connectToNsqd(QStringLiteral("127.0.0.1:%1").arg(port));
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, kWait);
        b.reset(); // the broker goes away
        QTRY_COMPARE_WITH_TIMEOUT(disconnected.size(), 1, kWait);
        BrokerConfig same;
        same.tcpPort = port;
        b = startBroker(same);
        QVERIFY(b);
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 2, kWait);
        publish(*b, QStringLiteral("t"), 3);
        QTRY_COMPARE_WITH_TIMEOUT(h.seen.loadRelaxed(), 3, kWait);
    }

    void gracefulStopAccountsForEveryMessage()
    {
        auto b = startBroker();
        QVERIFY(b);
        publish(*b, QStringLiteral("t"), 10);
        BatchingHandler h(5);
        QList<Message> got;
        connect(&h, &BatchingHandler::messagesReceived, this,
                [&](const QList<Message> &batch) { got += batch; });
        Consumer c(QStringLiteral("t"), QStringLiteral("ch"), fastConfig());
        c.setHandler(&h);
        c.setAutoResponse(false);
        c.setStopTimeout(1000);
        QSignalSpy released(&c, &Consumer::heldMessagesReleased);
        QSignalSpy stopped(&c, &Consumer::stopped);
        c.connectToNsqd(addressOf(*b));
        QTRY_COMPARE_WITH_TIMEOUT(got.size(), 10, kWait);
        c.stop();
        // Half are answered after the stop began; the rest are still held when time runs out.
        for (int i = 0; i < 5; ++i)
            c.finish(got.at(i).id);
        QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, kWait);
        QCOMPARE(released.size(), 1);
        const auto ids = released.first().at(1).value<QList<MessageId>>();
        QCOMPARE(ids.size(), 5);
        for (int i = 5; i < 10; ++i)
            QVERIFY(ids.contains(got.at(i).id));
        QCOMPARE(c.stats().finished, quint64(5));
        QCOMPARE(c.state(), Consumer::State::Stopped);
    }

    void stopWithNothingHeldIsQuick()
    {
        auto b = startBroker();
        QVERIFY(b);
        publish(*b, QStringLiteral("t"), 20);
        CountingHandler h;
        Consumer c(QStringLiteral("t"), QStringLiteral("ch"), fastConfig());
        c.setHandler(&h);
        c.setStopTimeout(60000);
        QSignalSpy released(&c, &Consumer::heldMessagesReleased);
        QSignalSpy stopped(&c, &Consumer::stopped);
        c.connectToNsqd(addressOf(*b));
        QTRY_COMPARE_WITH_TIMEOUT(c.stats().finished, quint64(20), kWait);
        c.stop();
        QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, 10000); // well before the 60 s stop timeout
        QCOMPARE(released.size(), 0);
    }

    void handlersRunConcurrently()
    {
        auto b = startBroker();
        QVERIFY(b);
        publish(*b, QStringLiteral("t"), 4);
        // Each call waits until all four are inside at once: only true concurrency gets through.
        struct Gate : Handler
        {
            QSemaphore inside;
            QAtomicInt done;
            bool handleMessage(const Message &) override
            {
                inside.release();
                const bool all = inside.tryAcquire(4, kWait);
                if (all)
                    inside.release(4);
                done.fetchAndAddRelaxed(all ? 1 : 0);
                return true;
            }
        } gate;
        Consumer c(QStringLiteral("t"), QStringLiteral("ch"), fastConfig());
        c.setHandler(&gate, 4);
        c.connectToNsqd(addressOf(*b));
        QTRY_COMPARE_WITH_TIMEOUT(c.stats().finished, quint64(4), kWait);
        QCOMPARE(gate.done.loadRelaxed(), 4);
    }

    void runsInItsOwnThread()
    {
        auto b = startBroker();
        QVERIFY(b);
        publish(*b, QStringLiteral("t"), 50);
        auto *consumer = new Consumer(QStringLiteral("t"), QStringLiteral("ch"), fastConfig());
        auto *handler = new BatchingHandler(16, consumer);
        consumer->setHandler(handler);
        consumer->setAutoResponse(false);
        QList<Message> got;
        int batches = 0;
        // Queued to this thread: one signal per batch, not per message.
        connect(handler, &BatchingHandler::messagesReceived, this,
                [&](const QList<Message> &batch) {
                    got += batch;
                    ++batches;
                    for (const Message &m : batch)
                        consumer->finish(m.id); // marshalled to the consumer's thread
                });
        QThread *consumerThread = nullptr;
        {
            ConsumerThread worker(consumer);
            consumerThread = consumer->thread();
            QVERIFY(consumerThread != QThread::currentThread());
            worker.post([consumer, address = addressOf(*b)] { consumer->connectToNsqd(address); });
            QTRY_COMPARE_WITH_TIMEOUT(got.size(), 50, kWait);
            const Channel *ch =
                b->topic(QStringLiteral("t"))->channels.at(QStringLiteral("ch")).get();
            QTRY_VERIFY_WITH_TIMEOUT(ch->inFlight.isEmpty() && ch->queue.empty(), kWait);
        }
        QVERIFY(batches < 50);
    }

    void badAddressesAreReported()
    {
        Consumer c(QStringLiteral("t"), QStringLiteral("ch"), fastConfig());
        QSignalSpy errors(&c, &Consumer::errorOccurred);
        c.connectToNsqd(QStringLiteral("no-port"));
        c.connectToLookupd(QStringLiteral("http://:0"));
        QCOMPARE(errors.size(), 2);
        QVERIFY(errors.at(0).first().toString().contains(QLatin1String("not host:port")));
        QVERIFY(errors.at(1).first().toString().contains(QLatin1String("not an HTTP address")));
        quint16 deadPort = 0;
        {
            QTcpServer s;
            s.listen(QHostAddress::LocalHost);
            deadPort = s.serverPort();
        }
        c.connectToLookupd(QStringLiteral("127.0.0.1:%1").arg(deadPort));
        QTRY_COMPARE_WITH_TIMEOUT(errors.size(), 3, kWait);
        QVERIFY(
            errors.at(2).first().toString().contains(QStringLiteral("127.0.0.1:%1").arg(deadPort)));
    }

    // ---- flow control and backoff that tell the truth ----

    void backoffSurvivesAReconnect_data()
    {
        QTest::addColumn<bool>("duringTheWait");
        // nsqd goes while the consumer tests the water with RDY 1 ...
        QTest::newRow("while testing with RDY 1") << false;
        // ... or while it waits at RDY 0, and stays away until the wait is over.
        QTest::newRow("while waiting at RDY 0") << true;
    }
    void backoffSurvivesAReconnect()
    {
        QFETCH(bool, duringTheWait);
        auto b = startBroker();
        QVERIFY(b);
        const quint16 port = b->tcpPort();
        CountingHandler h;
        Config cfg = fastConfig();
        cfg.backoffMultiplier = 500;
        cfg.maxBackoffDuration = 1000;
        cfg.defaultRequeueDelay = 60000; // the failed message stays away
        Consumer c(QStringLiteral("t"), QStringLiteral("ch"), cfg);
        c.setHandler(&h);
        QSignalSpy started(&c, &Consumer::backoffStarted);
        QSignalSpy connected(&c, &Consumer::connected);
        QSignalSpy disconnected(&c, &Consumer::disconnected);
        c.connectToNsqd(addressOf(*b));
        QTRY_COMPARE_WITH_TIMEOUT(readyOn(*b), 10, kWait);
        b->publish(QStringLiteral("t"), {"fail"});
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, kWait);
        if (!duringTheWait)
            QTRY_COMPARE_WITH_TIMEOUT(readyOn(*b), 1, kWait); // testing the water
        QVERIFY(c.stats().backoffLevel == 1);
        b.reset();
        QTRY_COMPARE_WITH_TIMEOUT(disconnected.size(), 1, kWait);
        if (duringTheWait) // the wait ends with no connection to test with
            QTRY_COMPARE_WITH_TIMEOUT(c.stats().backoffUntilMs, 0, kWait);
        BrokerConfig same;
        same.tcpPort = port;
        b = startBroker(same);
        QVERIFY(b);
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 2, kWait);
        // The new connection is brought into the backoff schedule: it tests the water, the
        // successes step out of backoff, and everything published now arrives.
        publish(*b, QStringLiteral("t"), 5, "ok-");
        QTRY_COMPARE_WITH_TIMEOUT(h.seen.loadRelaxed(), 6, kWait);
        QTRY_COMPARE_WITH_TIMEOUT(c.stats().backoffLevel, 0, kWait);
        QTRY_COMPARE_WITH_TIMEOUT(readyOn(*b), 10, kWait);
    }

    void backoffLevelHasACeiling()
    {
        auto b = startBroker();
        QVERIFY(b);
        CountingHandler h;
        Config cfg = fastConfig();
        cfg.backoffMultiplier = 100;
        cfg.maxBackoffDuration = 200; // 100 ms × 2^1 = 200: level 1 is the last, as in go-nsq
        cfg.maxAttempts = 0;
        cfg.defaultRequeueDelay = 0; // the failing message comes straight back each time
        Consumer c(QStringLiteral("t"), QStringLiteral("ch"), cfg);
        c.setHandler(&h);
        QSignalSpy started(&c, &Consumer::backoffStarted);
        c.connectToNsqd(addressOf(*b));
        b->publish(QStringLiteral("t"), {"fail-forever"});
        QTRY_VERIFY_WITH_TIMEOUT(started.size() >= 8, kWait);
        for (const auto &args : std::as_const(started)) {
            QCOMPARE(args.at(0).toInt(), 1);
            QCOMPARE(args.at(1).toLongLong(), 200);
        }
        QCOMPARE(c.stats().backoffLevel, 1);
    }

    void readyIsSentWhenItChangesNotPerMessage()
    {
        auto b = startBroker();
        QVERIFY(b);
        publish(*b, QStringLiteral("t"), 30);
        CountingHandler h;
        Config cfg = fastConfig();
        cfg.maxInFlight = 1;
        Consumer c(QStringLiteral("t"), QStringLiteral("ch"), cfg);
        c.setHandler(&h);
        c.setTraceEnabled(true);
        QSignalSpy trace(&c, &Consumer::frameTraced);
        c.connectToNsqd(addressOf(*b));
        QTRY_COMPARE_WITH_TIMEOUT(c.stats().finished, quint64(30), kWait);
        // nsqd keeps RDY 1 as a window: one RDY for thirty messages.
        QCOMPARE(readyCommands(trace), QStringList{QStringLiteral("RDY 1")});
    }

    void busyConnectionGivesReadyUpAfterLowRdyTimeout()
    {
        BrokerConfig big;
        big.maxTopicMessages = 1000000;
        auto busy = startBroker(big), quiet = startBroker();
        QVERIFY(busy && quiet);
        // The busy nsqd never runs dry while the test lasts.
        publish(*busy, QStringLiteral("t"), 5000, "busy-");
        QTimer topUp;
        connect(&topUp, &QTimer::timeout, this, [&] {
            const Topic *t = busy->topic(QStringLiteral("t"));
            const auto it = t->channels.find(QStringLiteral("ch"));
            if (it != t->channels.end() && it->second->depth() < 2000)
                publish(*busy, QStringLiteral("t"), 2000, "busy-");
        });
        topUp.start(20);
        struct Recorder : Handler
        {
            QAtomicInt quietSeen;
            bool handleMessage(const Message &m) override
            {
                if (m.body == "quiet")
                    quietSeen.storeRelaxed(1);
                return true;
            }
        } h;
        Config cfg = fastConfig();
        cfg.maxInFlight = 1;
        cfg.lowRdyIdleTimeout = 60000; // never idle: only low_rdy_timeout can move RDY
        cfg.lowRdyTimeout = 1000;
        Consumer c(QStringLiteral("t"), QStringLiteral("ch"), cfg);
        c.setHandler(&h);
        c.connectToNsqd(addressOf(*busy));
        QTRY_COMPARE_WITH_TIMEOUT(readyOn(*busy), 1, kWait);
        quiet->publish(QStringLiteral("t"), {"quiet"});
        c.connectToNsqd(addressOf(*quiet));
        QTRY_VERIFY_WITH_TIMEOUT(h.quietSeen.loadRelaxed() == 1, kWait);
        QVERIFY(c.stats().received > 1);
    }

    void closingConnectionGivesItsReadyToTheOthers()
    {
        auto old = startBroker(), fresh = startBroker();
        QVERIFY(old && fresh);
        Lookupd lookupd;
        lookupd.addBroker(old.get());
        QVERIFY(lookupd.listen() != 0);
        publish(*old, QStringLiteral("t"), 2);
        BatchingHandler h(5);
        int held = 0;
        connect(&h, &BatchingHandler::messagesReceived, this,
                [&](const QList<Message> &batch) { held += int(batch.size()); });
        Config cfg = fastConfig();
        cfg.maxInFlight = 4;
        Consumer c(QStringLiteral("t"), QStringLiteral("ch"), cfg);
        c.setHandler(&h, 0);
        c.setAutoResponse(false);
        c.connectToLookupd(QStringLiteral("127.0.0.1:%1").arg(lookupd.httpPort()));
        QTRY_COMPARE_WITH_TIMEOUT(held, 2, kWait);
        QCOMPARE(readyOn(*old), 4);
        // The old nsqd leaves the lookupd: its connection closes (CLS, holding two messages) and
        // the new one takes the whole budget at once, not when the old one has drained.
        fresh->getOrCreateTopic(QStringLiteral("t")); // lookupd lists nodes that have the topic
        lookupd.removeBroker(old.get());
        lookupd.addBroker(fresh.get());
        QTRY_COMPARE_WITH_TIMEOUT(readyOn(*fresh), 4, kWait);
        QCOMPARE(c.stats().connections.size(), 2); // the old one is still closing
    }

    void closingConnectionsReadyGoesToTheOneThatStays_data()
    {
        QTest::addColumn<int>("maxInFlight");
        QTest::newRow("max_in_flight 1") << 1;
        QTest::newRow("max_in_flight 4") << 4;
    }
    void closingConnectionsReadyGoesToTheOneThatStays()
    {
        QFETCH(int, maxInFlight);
        auto leaving = startBroker(), staying = startBroker();
        QVERIFY(leaving && staying);
        Lookupd lookupd;
        lookupd.addBroker(leaving.get());
        lookupd.addBroker(staying.get());
        QVERIFY(lookupd.listen() != 0);
        leaving->publish(QStringLiteral("t"), {"held"});
        staying->getOrCreateTopic(QStringLiteral("t"));
        BatchingHandler h(5);
        int held = 0;
        connect(&h, &BatchingHandler::messagesReceived, this,
                [&](const QList<Message> &batch) { held += int(batch.size()); });
        Config cfg = fastConfig();
        cfg.maxInFlight = maxInFlight;
        cfg.lowRdyTimeout = 60000;
        Consumer c(QStringLiteral("t"), QStringLiteral("ch"), cfg);
        c.setHandler(&h, 0);
        c.setAutoResponse(false); // the held message is never answered here
        c.connectToLookupd(QStringLiteral("127.0.0.1:%1").arg(lookupd.httpPort()));
        QTRY_COMPARE_WITH_TIMEOUT(held, 1, kWait);
        QTRY_COMPARE_WITH_TIMEOUT(c.stats().connections.size(), 2, kWait);
        // One nsqd leaves the lookupd: its connection closes (CLS), holding its message.
        lookupd.removeBroker(leaving.get());
        QTRY_VERIFY_WITH_TIMEOUT(readyOn(*leaving) == 0, kWait); // nsqd sets RDY 0 on CLS
        QCOMPARE(c.stats().connections.size(), 2);               // still closing
        // The budget it held goes to the connection that stays, while the other still closes.
        QTRY_COMPARE_WITH_TIMEOUT(readyOn(*staying), maxInFlight, kWait);
        QCOMPARE(c.stats().connections.size(), 2);
    }

    void readyZeroGoesOutBeforeTheRequeue()
    {
        auto b = startBroker();
        QVERIFY(b);
        CountingHandler h;
        Config cfg = fastConfig();
        cfg.backoffMultiplier = 2000; // a window far longer than a round trip
        cfg.maxBackoffDuration = 4000;
        cfg.defaultRequeueDelay = 0; // requeued for immediate redelivery
        Consumer c(QStringLiteral("t"), QStringLiteral("ch"), cfg);
        c.setHandler(&h);
        c.setTraceEnabled(true);
        QSignalSpy trace(&c, &Consumer::frameTraced);
        QSignalSpy started(&c, &Consumer::backoffStarted);
        c.connectToNsqd(addressOf(*b));
        QTRY_COMPARE_WITH_TIMEOUT(readyOn(*b), 10, kWait);
        b->publish(QStringLiteral("t"), {"fail"});
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, kWait);
        // nsqd has it back in the queue and RDY is 0: inside the window it is not delivered again.
        Channel *ch = b->topic(QStringLiteral("t"))->channels.at(QStringLiteral("ch")).get();
        QTRY_VERIFY_WITH_TIMEOUT(ch->queue.size() == 1 && readyOn(*b) == 0, kWait);
        QCOMPARE(h.seen.loadRelaxed(), 1);
        QStringList sent;
        for (const auto &args : std::as_const(trace)) {
            const auto r = args.at(1).value<TraceRecord>();
            if (r.direction == TraceRecord::Direction::Sent)
                sent << r.summary.section(QLatin1Char(' '), 0, 0) + QLatin1Char(' ') +
                            r.summary.section(QLatin1Char(' '), 1, 1).left(3);
        }
        const qsizetype rdy0 = sent.indexOf(QStringLiteral("RDY 0"));
        const qsizetype req = sent.indexOf(QRegularExpression(QStringLiteral("^REQ .*")));
        QVERIFY2(rdy0 >= 0 && req > rdy0, qPrintable(sent.join(QLatin1Char('|'))));
    }

    // ---- acknowledgements that may not have happened ----

    void refusedActionIsReportedForItsMessage_data()
    {
        QTest::addColumn<int>("action");
        QTest::newRow("FIN") << int(Conn::MessageAction::Finish);
        QTest::newRow("REQ") << int(Conn::MessageAction::Requeue);
        QTest::newRow("TOUCH") << int(Conn::MessageAction::Touch);
    }
    void refusedActionIsReportedForItsMessage()
    {
        QFETCH(int, action);
        auto b = startBroker();
        QVERIFY(b);
        BatchingHandler h(5);
        QList<Message> got;
        connect(&h, &BatchingHandler::messagesReceived, this,
                [&](const QList<Message> &batch) { got += batch; });
        Consumer c(QStringLiteral("t"), QStringLiteral("ch"), fastConfig());
        c.setHandler(&h, 0);
        c.setAutoResponse(false);
        QSignalSpy failed(&c, &Consumer::messageActionFailed);
        c.connectToNsqd(addressOf(*b));
        b->publish(QStringLiteral("t"), {"held"});
        QTRY_COMPARE_WITH_TIMEOUT(got.size(), 1, kWait);
        // nsqd forgets what it had in flight (the channel is emptied): the answer comes too late.
        QCOMPARE(b->emptyChannel(QStringLiteral("t"), QStringLiteral("ch")), QString());
        const MessageId id = got.first().id;
        if (action == int(Conn::MessageAction::Finish))
            c.finish(id);
        else if (action == int(Conn::MessageAction::Requeue))
            c.requeue(id, 0);
        else
            c.touch(id);
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, kWait);
        QCOMPARE(failed[0][0].value<Conn::MessageAction>(), Conn::MessageAction(action));
        QCOMPARE(failed[0][1].value<MessageId>(), id);
        QVERIFY2(failed[0][2].toString().contains(QLatin1String("not in flight")),
                 qPrintable(failed[0][2].toString()));
        const ConsumerStats s = c.stats();
        QCOMPARE(s.finished + s.requeued + s.touched, quint64(0)); // no success claimed
        QCOMPARE(s.finishFailed + s.requeueFailed + s.touchFailed, quint64(1));
    }

    void timedOutMessagesLeaveTheInFlightSet()
    {
        auto b = startBroker();
        QVERIFY(b);
        publish(*b, QStringLiteral("t"), 30);
        BatchingHandler h(5);
        int got = 0;
        connect(&h, &BatchingHandler::messagesReceived, this,
                [&](const QList<Message> &batch) { got += int(batch.size()); });
        Config cfg = fastConfig();
        cfg.msgTimeout = 1000;
        Consumer c(QStringLiteral("t"), QStringLiteral("ch"), cfg);
        c.setHandler(&h, 0);
        c.setAutoResponse(false); // nobody answers: every message times out on the server
        QSignalSpy timedOut(&c, &Consumer::messageTimedOut);
        c.connectToNsqd(addressOf(*b));
        QTRY_VERIFY_WITH_TIMEOUT(got >= 30, kWait);
        // Each round nsqd takes ten back and sends ten more; we never claim more than it holds.
        const Channel *ch = b->topic(QStringLiteral("t"))->channels.at(QStringLiteral("ch")).get();
        QTRY_VERIFY_WITH_TIMEOUT(timedOut.size() >= 30, kWait);
        const auto held = [&c] {
            int n = 0;
            for (const auto &conn : c.stats().connections)
                n += conn.inFlightCount;
            return n;
        };
        QVERIFY2(held() <= 10, qPrintable(QString::number(held())));
        QTRY_COMPARE_WITH_TIMEOUT(held(), int(ch->inFlight.size()), kWait);
        QCOMPARE(c.stats().timedOut, quint64(timedOut.size()));
    }

    void gracefulStopDoesNotWaitForTimedOutMessages()
    {
        auto b = startBroker();
        QVERIFY(b);
        publish(*b, QStringLiteral("t"), 5);
        BatchingHandler h(5);
        int got = 0;
        connect(&h, &BatchingHandler::messagesReceived, this,
                [&](const QList<Message> &batch) { got += int(batch.size()); });
        Config cfg = fastConfig();
        cfg.msgTimeout = 1000;
        Consumer c(QStringLiteral("t"), QStringLiteral("ch"), cfg);
        c.setHandler(&h, 0);
        c.setAutoResponse(false);
        c.setStopTimeout(600000); // far beyond the test's patience
        QSignalSpy stopped(&c, &Consumer::stopped);
        QSignalSpy released(&c, &Consumer::heldMessagesReleased);
        QSignalSpy timedOut(&c, &Consumer::messageTimedOut);
        c.connectToNsqd(addressOf(*b));
        QTRY_COMPARE_WITH_TIMEOUT(got, 5, kWait);
        c.stop();
        QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, kWait);
        QCOMPARE(timedOut.size(), 5); // each accounted for once: timed out, not released
        QCOMPARE(released.size(), 0);
    }

    void slowHandlerStillTouchesAndAnswersHeartbeats()
    {
        auto b = startBroker(); // in this thread; the consumer and its handler in others
        QVERIFY(b);
        struct Slow : Handler
        {
            Consumer *consumer = nullptr;
            QSemaphore release;
            QAtomicInt calls, touches, maxAttempts;
            bool handleMessage(const Message &m) override
            {
                calls.fetchAndAddRelaxed(1);
                maxAttempts.storeRelaxed(qMax(maxAttempts.loadRelaxed(), int(m.attempts)));
                // Busy for a long while, touching the message every 300 ms as a careful
                // handler does; the pace is the handler's own, not a test synchronisation.
                while (!release.tryAcquire(1, 300)) {
                    consumer->touch(m.id);
                    touches.fetchAndAddRelaxed(1);
                }
                return true;
            }
        } slow;
        Config cfg = fastConfig();
        cfg.msgTimeout = 1000;
        cfg.heartbeatInterval = 1000; // nsqd closes a connection silent for two of these
        auto *consumer = new Consumer(QStringLiteral("t"), QStringLiteral("ch"), cfg);
        slow.consumer = consumer;
        consumer->setHandler(&slow);
        QSignalSpy disconnected(consumer, &Consumer::disconnected);
        QSignalSpy finished(consumer, &Consumer::messageFinished);
        {
            ConsumerThread worker(consumer);
            worker.post([consumer, address = addressOf(*b)] { consumer->connectToNsqd(address); });
            b->publish(QStringLiteral("t"), {"slow"});
            // Three message timeouts and three heartbeat intervals pass inside the handler.
            QTRY_VERIFY_WITH_TIMEOUT(slow.touches.loadRelaxed() >= 10, kWait);
            slow.release.release(1000); // and any later call (on failure) returns at once
            QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWait);
            const Channel *ch =
                b->topic(QStringLiteral("t"))->channels.at(QStringLiteral("ch")).get();
            QTRY_VERIFY_WITH_TIMEOUT(ch->inFlight.isEmpty(), kWait);
            QCOMPARE(ch->timeoutCount, quint64(0));
            QCOMPARE(slow.calls.loadRelaxed(), 1);
            QCOMPARE(slow.maxAttempts.loadRelaxed(), 1);
            QCOMPARE(disconnected.size(), 0);
        }
    }

    void manualRequeueAndTouchReachTheServer()
    {
        auto b = startBroker();
        QVERIFY(b);
        publish(*b, QStringLiteral("t"), 3);
        BatchingHandler h(5);
        QList<Message> got;
        connect(&h, &BatchingHandler::messagesReceived, this,
                [&](const QList<Message> &batch) { got += batch; });
        Config cfg = fastConfig();
        cfg.defaultRequeueDelay = 45000;
        Consumer c(QStringLiteral("t"), QStringLiteral("ch"), cfg);
        c.setHandler(&h, 0);
        c.setAutoResponse(false);
        QSignalSpy requeued(&c, &Consumer::messageRequeued);
        QSignalSpy touched(&c, &Consumer::messageTouched);
        QSignalSpy backoff(&c, &Consumer::backoffStarted);
        c.connectToNsqd(addressOf(*b));
        QTRY_COMPARE_WITH_TIMEOUT(got.size(), 3, kWait);
        Channel *ch = b->topic(QStringLiteral("t"))->channels.at(QStringLiteral("ch")).get();
        // REQ with a delay of the user's, and with the default (-1).
        c.requeue(got.at(0).id, 30000);
        c.requeue(got.at(1).id);
        QTRY_COMPARE_WITH_TIMEOUT(ch->deferred.size(), size_t(2), kWait);
        const qint64 first = ch->deferred.begin()->first - b->now();
        const qint64 second = std::prev(ch->deferred.end())->first - b->now();
        QVERIFY2(first <= 30000 && first > 20000, qPrintable(QString::number(first)));
        QVERIFY2(second <= 45000 && second > 35000, qPrintable(QString::number(second)));
        QCOMPARE(requeued.size(), 2);
        QCOMPARE(requeued.at(1).at(1).toLongLong(), 45000);
        QCOMPARE(c.stats().requeued, quint64(2));
        // A requeue by hand is not a failure: no backoff.
        QCOMPARE(backoff.size(), 0);
        QCOMPARE(c.stats().backoffLevel, 0);
        // TOUCH moves the server's deadline for that message.
        const MessageId id = got.at(2).id;
        const qint64 before = ch->inFlight.value(id).deadline;
        QTRY_VERIFY_WITH_TIMEOUT(b->now() > before - 60000 + 20, kWait); // some time passes
        c.touch(id);
        QTRY_VERIFY_WITH_TIMEOUT(ch->inFlight.value(id).deadline > before, kWait);
        QCOMPARE(touched.size(), 1);
        QCOMPARE(c.stats().touched, quint64(1));
    }

    void stopThatEndsAtOnceDoesNotTimeOutLater()
    {
        QTcpServer silent; // accepts, then never answers IDENTIFY
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        Consumer c(QStringLiteral("t"), QStringLiteral("ch"), fastConfig());
        c.setStopTimeout(100);
        QSignalSpy stopped(&c, &Consumer::stopped);
        c.connectToNsqd(QStringLiteral("127.0.0.1:%1").arg(silent.serverPort()));
        QTRY_VERIFY_WITH_TIMEOUT(silent.hasPendingConnections(), kWait);
        QTest::failOnWarning(QRegularExpression(QStringLiteral("stop timed out")));
        c.stop();
        QCOMPARE(stopped.size(), 1);
        // The stop is over; its timer must not go off afterwards. Several of its periods pass.
        QTest::qWait(500);
        QCOMPARE(stopped.size(), 1);
    }

    void validateNamesProblems()
    {
        Consumer c(QStringLiteral("bad topic"), QStringLiteral("ok"), Config{});
        QCOMPARE(c.validate().size(), 1);
        QVERIFY(c.validate().first().startsWith(QLatin1String("topic:")));
    }
};

QTEST_GUILESS_MAIN(TstConsumer)
#include "tst_consumer.moc"
