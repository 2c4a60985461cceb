#include "clicommands.h"
#include "cliutil.h"

#include <client/consumer.h>
#include <client/producer.h>
#include <protocol/names.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>

#include <atomic>

namespace nsqcli {

namespace {

void report(const char *what, qint64 count, qint64 bytes, double seconds, double cpu)
{
    std::printf("%s: %lld messages in %.3f s\n", what, static_cast<long long>(count), seconds);
    std::printf("  %.0f msg/s, %.1f MB/s\n", count / seconds, bytes / seconds / 1e6);
    std::printf("  %.2f CPU-seconds per million messages (user+sys %.2f s)\n",
                cpu * 1e6 / double(qMax<qint64>(1, count)), cpu);
    std::printf("  peak RSS %ld MiB\n", peakRssKiB() / 1024);
    std::fflush(stdout);
}

// Counts and finishes; tells the main thread once, when the last message arrived. Safe on any
// number of handler threads.
class CountingHandler : public nsq::Handler
{
public:
    CountingHandler(qint64 target, std::function<void()> done)
        : m_target(target), m_done(std::move(done))
    {
        m_clock.start();
    }
    bool handleMessage(const nsq::Message &m) override
    {
        if (m_first.exchange(false))
            m_startNs = m_clock.nsecsElapsed();
        m_bytes += m.body.size();
        if (++m_count == m_target) {
            m_seconds = (m_clock.nsecsElapsed() - m_startNs) / 1e9;
            m_done();
        }
        return true;
    }
    qint64 count() const { return m_count; }
    qint64 bytes() const { return m_bytes; }
    double seconds() const { return m_seconds; }

private:
    qint64 m_target;
    std::function<void()> m_done;
    std::atomic<bool> m_first{true};
    std::atomic<qint64> m_count{0};
    std::atomic<qint64> m_bytes{0};
    std::atomic<qint64> m_startNs{0};
    std::atomic<double> m_seconds{0};
    QElapsedTimer m_clock;
};

int consume(QCommandLineParser &p, const QString &address, const QString &topic, qint64 n)
{
    bool ok = false;
    const int maxInFlight = p.value(QStringLiteral("max-in-flight")).toInt(&ok);
    if (!ok || maxInFlight < 1)
        return fail("bench", 2, QStringLiteral("--max-in-flight must be a positive number"));
    const QString channel = p.value(QStringLiteral("channel"));
    if (!nsq::isValidChannelName(channel))
        return fail("bench", 2,
                    QStringLiteral("--channel: '%1' is not a valid channel name").arg(channel));
    const int handlerThreads = p.value(QStringLiteral("handler-threads")).toInt(&ok);
    if (!ok || handlerThreads < 0 || handlerThreads > 256)
        return fail("bench", 2, QStringLiteral("--handler-threads must be a number from 0 to 256"));
    nsq::Config config;
    config.maxInFlight = maxInFlight;
    auto *consumer = new nsq::Consumer(topic, channel, config);
    std::atomic<bool> finished{false};
    double cpuAtFirst = -1;
    // Done: stop gracefully, so that the last FINs reach nsqd before the process goes.
    CountingHandler handler(n, [&] {
        finished = true;
        QMetaObject::invokeMethod(consumer, &nsq::Consumer::stop, Qt::QueuedConnection);
    });
    consumer->setHandler(&handler, handlerThreads);
    int exitCode = 0;
    QObject::connect(
        consumer, &nsq::Consumer::disconnected, qApp,
        [&](const QString &a, const QString &reason) {
            if (finished)
                return;
            exitCode = fail("bench", 1, QStringLiteral("%1: %2").arg(a, reason));
            QMetaObject::invokeMethod(consumer, &nsq::Consumer::stop, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
    QObject::connect(
        consumer, &nsq::Consumer::connected, qApp, [&] { cpuAtFirst = cpuSeconds(); },
        Qt::QueuedConnection);
    QObject::connect(consumer, &nsq::Consumer::stopped, qApp, &QCoreApplication::quit,
                     Qt::QueuedConnection);
    {
        nsq::ConsumerThread worker(consumer);
        worker.post([consumer, address] { consumer->connectToNsqd(address); });
        quitOnSignals();
        onStopRequested([consumer] {
            QMetaObject::invokeMethod(consumer, &nsq::Consumer::stop, Qt::QueuedConnection);
        });
        QCoreApplication::exec();
    }
    if (exitCode != 0)
        return exitCode;
    if (!finished)
        return fail(
            "bench", 1,
            QStringLiteral("interrupted after %1 of %2 messages").arg(handler.count()).arg(n));
    report("bench consume", handler.count(), handler.bytes(), handler.seconds(),
           cpuSeconds() - qMax(0.0, cpuAtFirst));
    return 0;
}

int publish(QCommandLineParser &p, const QString &address, const QString &topic, qint64 n)
{
    bool ok = false;
    const int size = p.value(QStringLiteral("size")).toInt(&ok);
    if (!ok || size < 1)
        return fail("bench", 2, QStringLiteral("--size must be a positive number of bytes"));
    const int batch = p.value(QStringLiteral("batch")).toInt(&ok);
    if (!ok || batch < 1)
        return fail("bench", 2, QStringLiteral("--batch must be a positive number"));
    nsq::Producer producer(address, nsq::Config{});
    QByteArrayList bodies;
    for (int i = 0; i < batch; ++i)
        bodies << QByteArray(size, 'x');
    qint64 sent = 0, acknowledged = 0;
    QString error;
    QEventLoop loop;
    QHash<quint64, int> sizes;
    QObject::connect(&producer, &nsq::Producer::finished, &loop,
                     [&](quint64 id, const nsq::PublishResult &r) {
                         const int k = sizes.take(id);
                         if (r.ok())
                             acknowledged += k;
                         else if (error.isEmpty())
                             error = r.error;
                         loop.quit();
                     });
    const double cpuStart = cpuSeconds();
    QElapsedTimer clock;
    clock.start();
    while (acknowledged < n && error.isEmpty()) {
        while (sent < n && producer.pendingCount() < 16) {
            const int k = int(qMin<qint64>(batch, n - sent));
            sizes.insert(producer.multiPublish(topic, k == batch ? bodies : bodies.mid(0, k)), k);
            sent += k;
        }
        loop.exec();
    }
    if (!error.isEmpty())
        return fail("bench", 1, error);
    report("bench publish", acknowledged, acknowledged * size, clock.nsecsElapsed() / 1e9,
           cpuSeconds() - cpuStart);
    return 0;
}

} // namespace

int runBench(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("bench consume|publish: measure throughput against one nsqd."));
    p.addPositionalArgument(QStringLiteral("mode"), QStringLiteral("consume or publish"));
    p.addOptions({
        {QStringLiteral("nsqd-tcp-address"), QStringLiteral("nsqd TCP address."),
         QStringLiteral("host:port")},
        {QStringLiteral("topic"), QStringLiteral("Topic."), QStringLiteral("name"),
         QStringLiteral("bench")},
        {QStringLiteral("channel"), QStringLiteral("Channel (consume)."), QStringLiteral("name"),
         QStringLiteral("bench")},
        {QStringList{QStringLiteral("n")}, QStringLiteral("Number of messages."),
         QStringLiteral("N"), QStringLiteral("1000000")},
        {QStringLiteral("max-in-flight"), QStringLiteral("max_in_flight (consume)."),
         QStringLiteral("N"), QStringLiteral("2500")},
        {QStringLiteral("handler-threads"),
         QStringLiteral("Threads the handler runs on (consume); 0 runs it on the connection's "
                        "thread, as only a handler that never blocks may."),
         QStringLiteral("N"), QStringLiteral("1")},
        {QStringLiteral("size"), QStringLiteral("Body size in bytes (publish)."),
         QStringLiteral("bytes"), QStringLiteral("100")},
        {QStringLiteral("batch"), QStringLiteral("Messages per MPUB (publish)."),
         QStringLiteral("N"), QStringLiteral("100")},
    });
    p.addHelpOption();
    if (!p.parse(arguments))
        return fail("bench", 2, p.errorText());
    if (p.isSet(QStringLiteral("help"))) {
        std::printf("%s", qPrintable(p.helpText()));
        return 0;
    }
    const QStringList mode = p.positionalArguments();
    if (mode.size() != 1 ||
        (mode.first() != QLatin1String("consume") && mode.first() != QLatin1String("publish")))
        return fail("bench", 2, QStringLiteral("say 'bench consume' or 'bench publish'"));
    const QString address = p.value(QStringLiteral("nsqd-tcp-address"));
    if (address.isEmpty())
        return fail("bench", 2, QStringLiteral("--nsqd-tcp-address is required"));
    const QString error = checkAddresses(QStringLiteral("nsqd-tcp-address"), {address});
    if (!error.isEmpty())
        return fail("bench", 2, error);
    const QString topic = p.value(QStringLiteral("topic"));
    if (!nsq::isValidTopicName(topic))
        return fail("bench", 2,
                    QStringLiteral("--topic: '%1' is not a valid topic name").arg(topic));
    bool ok = false;
    const qint64 n = p.value(QStringLiteral("n")).toLongLong(&ok);
    if (!ok || n < 1)
        return fail("bench", 2, QStringLiteral("-n must be a positive number"));
    return mode.first() == QLatin1String("consume") ? consume(p, address, topic, n)
                                                    : publish(p, address, topic, n);
}

} // namespace nsqcli
