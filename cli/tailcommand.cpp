#include "clicommands.h"
#include "cliutil.h"

#include <client/consumer.h>
#include <protocol/messagerecord.h>
#include <protocol/names.h>

#include <QCoreApplication>
#include <QRandomGenerator>

#include <atomic>
#include <cerrno>

namespace nsqcli {

namespace {

// Writes each body on its own line (or each message as a JSON Lines record); counts, and asks
// for a stop after N.
class PrintingHandler : public nsq::Handler
{
public:
    PrintingHandler(QString topic, bool printTopic, bool jsonl, qint64 limit,
                    std::function<void()> done)
        : m_topic(std::move(topic)),
          m_prefix(printTopic ? (m_topic + QStringLiteral(" | ")).toUtf8() : QByteArray()),
          m_jsonl(jsonl), m_limit(limit), m_done(std::move(done))
    {
    }
    bool handleMessage(const nsq::Message &m) override { return handleDelivery(m, {}); }
    bool handleDelivery(const nsq::Message &m, const QString &source) override
    {
        if (m_limit > 0 && m_count >= m_limit)
            return false; // past -n: requeue, another consumer may have it
        QByteArray line =
            m_jsonl ? nsq::encodeMessageRecord(m, source, m_topic) : m_prefix + m.body;
        line.append('\n');
        if (const int e = writeOutput(line.constData(), line.size()); e == ECANCELED) {
            return false; // Ctrl-C while the reader was not reading: requeued, the stop goes on
        } else if (e != 0) {
            m_writeErrno = e; // the reader went away, or the disk is full
            m_done();
            return false;
        }
        if (m_limit > 0 && ++m_count == m_limit)
            m_done();
        return true;
    }

    int writeErrno() const { return m_writeErrno; }

private:
    std::atomic<int> m_writeErrno{0};
    QString m_topic;
    QByteArray m_prefix;
    bool m_jsonl;
    qint64 m_limit;
    qint64 m_count = 0;
    std::function<void()> m_done;
};

} // namespace

int runTail(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Print the messages of a topic, one body per line (like nsq_tail)."));
    const QCommandLineOption nsqd(QStringLiteral("nsqd-tcp-address"),
                                  QStringLiteral("nsqd TCP address (repeatable)."),
                                  QStringLiteral("host:port"));
    const QCommandLineOption lookupd(QStringLiteral("lookupd-http-address"),
                                     QStringLiteral("nsqlookupd HTTP address (repeatable)."),
                                     QStringLiteral("host:port"));
    const QCommandLineOption topic(QStringLiteral("topic"), QStringLiteral("Topic to read."),
                                   QStringLiteral("name"));
    const QCommandLineOption channel(QStringLiteral("channel"),
                                     QStringLiteral("Channel (default: a random ephemeral one)."),
                                     QStringLiteral("name"));
    const QCommandLineOption count(QStringList{QStringLiteral("n")},
                                   QStringLiteral("Exit after N messages."), QStringLiteral("N"),
                                   QStringLiteral("0"));
    const QCommandLineOption printTopic(QStringLiteral("print-topic"),
                                        QStringLiteral("Prefix each line with the topic."));
    const QCommandLineOption mif(QStringLiteral("max-in-flight"),
                                 QStringLiteral("Messages in flight at once."), QStringLiteral("N"),
                                 QStringLiteral("200"));
    const QCommandLineOption opt(
        QStringLiteral("consumer-opt"),
        QStringLiteral("Consumer option name=value, go-nsq names (repeatable), e.g. tls_v1=true."),
        QStringLiteral("name=value"));
    const QCommandLineOption format(
        QStringLiteral("format"),
        QStringLiteral("text: each body on a line; jsonl: each message as a JSON object (id, "
                       "timestamp, attempts, nsqd, topic, body as text or base64) that "
                       "`pub --format jsonl` publishes back byte for byte."),
        QStringLiteral("text|jsonl"), QStringLiteral("text"));
    p.addOptions({nsqd, lookupd, topic, channel, count, printTopic, mif, opt, format});
    int code = 0;
    if (!parseOrExit(p, arguments, "tail", &code))
        return code;

    const QStringList nsqds = p.values(nsqd), lookupds = p.values(lookupd);
    if (!p.isSet(topic))
        return fail("tail", 2, QStringLiteral("--topic is required"));
    if (!nsq::isValidTopicName(p.value(topic)))
        return fail("tail", 2,
                    QStringLiteral("--topic: '%1' is not a valid topic name").arg(p.value(topic)));
    if (nsqds.isEmpty() && lookupds.isEmpty())
        return fail("tail", 2, QStringLiteral("give --nsqd-tcp-address or --lookupd-http-address"));
    QString error = checkAddresses(QStringLiteral("nsqd-tcp-address"), nsqds);
    if (error.isEmpty())
        error = checkAddresses(QStringLiteral("lookupd-http-address"), lookupds);
    if (!error.isEmpty())
        return fail("tail", 2, error);
    const QString formatName = p.value(format);
    if (formatName != QLatin1String("text") && formatName != QLatin1String("jsonl"))
        return fail("tail", 2,
                    QStringLiteral("--format: '%1' is not text or jsonl").arg(formatName));
    bool ok = false;
    const qint64 limit = p.value(count).toLongLong(&ok);
    if (!ok || limit < 0)
        return fail("tail", 2, QStringLiteral("-n: '%1' is not a count").arg(p.value(count)));
    const int maxInFlight = p.value(mif).toInt(&ok);
    if (!ok || maxInFlight < 1)
        return fail(
            "tail", 2,
            QStringLiteral("--max-in-flight: '%1' is not a positive number").arg(p.value(mif)));
    const QString channelName =
        p.isSet(channel)
            ? p.value(channel)
            : QStringLiteral("tail%1#ephemeral").arg(QRandomGenerator::global()->bounded(1000000));
    if (!nsq::isValidChannelName(channelName))
        return fail("tail", 2,
                    QStringLiteral("--channel: '%1' is not a valid channel name").arg(channelName));

    nsq::Config config;
    config.defaultRequeueDelay = 0; // what arrives past -n goes straight back to other consumers
    config.maxInFlight = limit > 0 ? int(qMin<qint64>(maxInFlight, limit)) : maxInFlight;
    error = applyOptions(QStringLiteral("consumer-opt"), p.values(opt), &config);
    if (!error.isEmpty())
        return fail("tail", 2, error);
    auto *consumer = new nsq::Consumer(p.value(topic), channelName, config);
    std::atomic<bool> stopping{false};
    auto stop = [consumer, &stopping] {
        if (!stopping.exchange(true))
            QMetaObject::invokeMethod(consumer, &nsq::Consumer::stop, Qt::QueuedConnection);
    };
    PrintingHandler handler(p.value(topic), p.isSet(printTopic),
                            formatName == QLatin1String("jsonl"), limit, stop);
    consumer->setHandler(&handler);
    consumer->setStopTimeout(5000);

    int exitCode = 0;
    bool everConnected = false;
    int directFailures = 0;
    QObject::connect(
        consumer, &nsq::Consumer::connected, qApp, [&] { everConnected = true; },
        Qt::QueuedConnection);
    QObject::connect(
        consumer, &nsq::Consumer::disconnected, qApp,
        [&](const QString &address, const QString &reason) {
            if (stopping)
                return;
            warn("tail", address + QStringLiteral(": ") + reason);
            if (!everConnected && lookupds.isEmpty() && ++directFailures >= nsqds.size()) {
                exitCode = 1; // nothing reachable at all
                stop();
            }
        },
        Qt::QueuedConnection);
    QObject::connect(
        consumer, &nsq::Consumer::errorOccurred, qApp,
        [&](const QString &message) {
            warn("tail", message);
            if (!everConnected && !stopping) {
                exitCode = 1;
                stop();
            }
        },
        Qt::QueuedConnection);
    QObject::connect(
        consumer, &nsq::Consumer::messageActionFailed, qApp,
        [](nsq::Conn::MessageAction, const nsq::MessageId &, const QString &reason) {
            warn("tail", reason);
        },
        Qt::QueuedConnection);
    QObject::connect(consumer, &nsq::Consumer::stopped, qApp, &QCoreApplication::quit,
                     Qt::QueuedConnection);

    {
        nsq::ConsumerThread worker(consumer);
        worker.post([consumer, nsqds, lookupds] {
            for (const QString &a : nsqds)
                consumer->connectToNsqd(a);
            for (const QString &a : lookupds)
                consumer->connectToLookupd(a);
        });
        quitOnSignals();
        onStopRequested(stop);
        QCoreApplication::exec();
    }
    if (handler.writeErrno() != 0) {
        const int code = outputFailure("tail", handler.writeErrno());
        if (code >= 0)
            return code;
    }
    return exitCode;
}

} // namespace nsqcli
