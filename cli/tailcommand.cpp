#include "clicommands.h"
#include "cliutil.h"

#include <bodydecoder.h>
#include <fieldquery.h>

#include <client/consumer.h>
#include <protocol/messagerecord.h>
#include <protocol/names.h>

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

#include <atomic>
#include <cerrno>

namespace nsqcli {

namespace {

// --decode and --where: each body read into a tree, printed as compact JSON, and kept only when
// the query matches it.
struct Decoding
{
    bool on = false;
    nsqdecode::DecodeOptions options;
    std::shared_ptr<const nsqdecode::FieldQuery> where;
};

// Writes each body on its own line (or each message as a JSON Lines record, or decoded); counts,
// and asks for a stop after N.
class PrintingHandler : public nsq::Handler
{
public:
    PrintingHandler(QString topic, bool printTopic, bool jsonl, qint64 limit,
                    std::function<void()> done, const Decoding &decoding)
        : m_topic(std::move(topic)),
          m_prefix(printTopic ? (m_topic + QStringLiteral(" | ")).toUtf8() : QByteArray()),
          m_jsonl(jsonl), m_limit(limit), m_done(std::move(done)), m_decoding(decoding)
    {
    }
    bool handleMessage(const nsq::Message &m) override { return handleDelivery(m, {}); }
    bool handleDelivery(const nsq::Message &m, const QString &source) override
    {
        if (m_limit > 0 && m_count >= m_limit)
            return false; // past -n: requeue, another consumer may have it
        QByteArray line;
        if (m_decoding.on) {
            const nsqdecode::DecodedBody d = nsqdecode::decodeBody(m.body, m_decoding.options);
            if (d.result.ok) {
                if (m_decoding.where && !m_decoding.where->matches(d.result.root))
                    return true; // read and finished, as tail does, but not what was asked for
                line = m_prefix + nsqdecode::toJsonText(d.result.root, false);
            } else {
                // Not dropped: the body goes out as it is, with why it did not decode.
                warn("tail", QStringLiteral("message %1 does not decode: %2 (at byte %3)")
                                 .arg(QString::fromLatin1(m.id.toByteArray()), d.result.error)
                                 .arg(d.result.offset));
                if (m_decoding.where)
                    return true; // a query cannot match what has no fields
                line =
                    m_prefix +
                    QJsonDocument(QJsonObject{{QStringLiteral("$error"), d.result.error},
                                              {QStringLiteral("$offset"), double(d.result.offset)},
                                              {QStringLiteral("$base64"),
                                               QString::fromLatin1(m.body.toBase64())}})
                        .toJson(QJsonDocument::Compact);
            }
        } else {
            line = m_jsonl ? nsq::encodeMessageRecord(m, source, m_topic) : m_prefix + m.body;
        }
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
    std::atomic<qint64> m_count{0};
    std::function<void()> m_done;
    const Decoding &m_decoding;
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
    const QCommandLineOption decode(
        QStringLiteral("decode"),
        QStringLiteral("Print each body decoded, as one compact JSON document a line: auto (the "
                       "format found, compression undone first), json, msgpack, cbor, protobuf "
                       "(raw wire format without --proto) or raw."),
        QStringLiteral("format"));
    const QCommandLineOption proto(
        QStringLiteral("proto"), QStringLiteral(".proto file of the protobuf schema (repeatable)."),
        QStringLiteral("FILE"));
    const QCommandLineOption protoPath(
        QStringLiteral("proto-path"),
        QStringLiteral("Folder the .proto files' imports are found in (repeatable)."),
        QStringLiteral("DIR"));
    const QCommandLineOption descriptorSet(
        QStringLiteral("descriptor-set"),
        QStringLiteral("The protobuf schema as a descriptor set (protoc --descriptor_set_out "
                       "--include_imports), instead of --proto."),
        QStringLiteral("FILE"));
    const QCommandLineOption messageType(
        QStringLiteral("message-type"),
        QStringLiteral("The protobuf message type of the bodies, e.g. shop.Order."),
        QStringLiteral("NAME"));
    const QCommandLineOption where(
        QStringLiteral("where"),
        QStringLiteral("Print only the messages whose decoded body matches, e.g. "
                       "'user.id == 42 and items[*].sku ~ /^AB/' (the others are read and "
                       "finished too). Implies --decode auto."),
        QStringLiteral("QUERY"));
    p.addOptions({nsqd, lookupd, topic, channel, count, printTopic, mif, opt, format, decode, proto,
                  protoPath, descriptorSet, messageType, where});
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
    Decoding decoding;
    if (p.isSet(decode) || p.isSet(where) || p.isSet(proto) || p.isSet(descriptorSet) ||
        p.isSet(messageType) || p.isSet(protoPath)) {
        decoding.on = true;
        if (p.isSet(format))
            return fail("tail", 2, QStringLiteral("--format and --decode do not go together"));
        const QString name = p.isSet(decode) ? p.value(decode) : QStringLiteral("auto");
        if (!nsqdecode::formatFromName(name, &decoding.options.format))
            return fail("tail", 2,
                        QStringLiteral("--decode: '%1' is not auto, json, msgpack, cbor, "
                                       "protobuf or raw")
                            .arg(name));
        QString schemaError;
        if (p.isSet(proto) && p.isSet(descriptorSet))
            return fail("tail", 2, QStringLiteral("give --proto or --descriptor-set, not both"));
        if (p.isSet(protoPath) && !p.isSet(proto))
            return fail("tail", 2, QStringLiteral("--proto-path needs --proto"));
        if ((p.isSet(proto) || p.isSet(descriptorSet)) && p.isSet(decode) &&
            decoding.options.format != nsqdecode::Format::Protobuf &&
            decoding.options.format != nsqdecode::Format::Auto)
            return fail("tail", 2,
                        QStringLiteral("a protobuf schema is for --decode protobuf or auto, not %1")
                            .arg(p.value(decode)));
        if (p.isSet(proto) || p.isSet(descriptorSet))
            decoding.options.schema = nsqdecode::ProtoSchema::fromFiles(
                p.values(proto), p.values(protoPath), p.value(descriptorSet), &schemaError);
        if (!schemaError.isEmpty())
            return fail("tail", 2, QStringLiteral("the protobuf schema: %1").arg(schemaError));
        if (decoding.options.schema) {
            if (!p.isSet(messageType))
                return fail(
                    "tail", 2,
                    QStringLiteral("--message-type is needed with a schema (it has: %1)")
                        .arg(decoding.options.schema->messageTypes().join(QStringLiteral(", "))));
            if (!decoding.options.schema->hasMessageType(p.value(messageType)))
                return fail(
                    "tail", 2,
                    QStringLiteral("--message-type: the schema has no '%1' (it has: %2)")
                        .arg(p.value(messageType),
                             decoding.options.schema->messageTypes().join(QStringLiteral(", "))));
            decoding.options.messageType = p.value(messageType);
        } else if (p.isSet(messageType)) {
            return fail("tail", 2,
                        QStringLiteral("--message-type needs --proto or --descriptor-set"));
        }
        if (p.isSet(where)) {
            nsqdecode::FieldQuery::Error queryError;
            decoding.where = nsqdecode::FieldQuery::parse(p.value(where), &queryError);
            if (!decoding.where)
                return fail("tail", 2,
                            QStringLiteral("--where: %1 at column %2")
                                .arg(queryError.message)
                                .arg(queryError.position + 1));
        }
    }
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
                            formatName == QLatin1String("jsonl"), limit, stop, decoding);
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
