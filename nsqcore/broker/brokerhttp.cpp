#include "brokerhttp.h"

#include "broker.h"
#include "brokerclient.h"
#include "httpconventions.h"

#include <protocol/names.h>

#include <QDateTime>
#include <QHostInfo>
#include <QJsonArray>
#include <QTextStream>
#include <QUrlQuery>
#include <QtEndian>

namespace nsq {

namespace {

using http::Method;
using http::Status;

// Maps the broker's administrative error text to nsqd's answer.
http::Response adminResult(const QString &error)
{
    if (error.isEmpty())
        return http::empty();
    if (error.startsWith(QLatin1String("TOPIC_NOT_FOUND")))
        return http::error(Status::NotFound, "TOPIC_NOT_FOUND");
    if (error.startsWith(QLatin1String("CHANNEL_NOT_FOUND")))
        return http::error(Status::NotFound, "CHANNEL_NOT_FOUND");
    return http::error(Status::InternalServerError, "INTERNAL_ERROR");
}

QJsonObject clientStats(const BrokerClient *c)
{
    QJsonObject o{
        {QStringLiteral("client_id"), c->clientId()},
        {QStringLiteral("hostname"), c->hostname()},
        {QStringLiteral("version"), QStringLiteral("V2")},
        {QStringLiteral("remote_address"), c->remoteAddress()},
        // nsqd's numbers for init, subscribed, closing
        {QStringLiteral("state"), c->state() == 0   ? 1
                                  : c->state() == 1 ? 3
                                                    : 4},
        {QStringLiteral("ready_count"), c->readyCount()},
        {QStringLiteral("in_flight_count"), c->inFlightCount()},
        {QStringLiteral("message_count"), qint64(c->messageCount())},
        {QStringLiteral("finish_count"), qint64(c->finishCount())},
        {QStringLiteral("requeue_count"), qint64(c->requeueCount())},
        {QStringLiteral("connect_ts"), c->connectTime()},
        {QStringLiteral("sample_rate"), c->sampleRate()},
        {QStringLiteral("deflate"), c->deflate()},
        {QStringLiteral("snappy"), c->snappy()},
        {QStringLiteral("user_agent"), c->userAgent()},
        {QStringLiteral("tls"), c->tls()},
        {QStringLiteral("tls_version"), c->tlsVersion()},
        {QStringLiteral("tls_cipher_suite"), c->tlsCipherSuite()},
        {QStringLiteral("tls_negotiated_protocol"), QString()},
        {QStringLiteral("tls_negotiated_protocol_is_mutual"), false},
    };
    // nsqd leaves these out unless the client authenticated.
    if (c->authorised()) {
        o.insert(QStringLiteral("authed"), true);
        o.insert(QStringLiteral("auth_identity"), c->authIdentity());
    }
    return o;
}

} // namespace

BrokerHttp::BrokerHttp(Broker *broker) : QObject(broker), m_broker(broker)
{
    // nsqd's limits: a /pub body is one message, an /mpub body a batch, /config takes a value.
    // Nothing else reads a body; Go's server reads past at most 256 KiB of one, and so may it.
    const Broker *limits = broker;
    m_server = std::make_unique<http::Server>([limits](QByteArrayView path) {
        const BrokerConfig &c = limits->config();
        if (path == "/pub" || path.startsWith("/config/"))
            return HttpRequestParser::BodyLimit{c.maxMsgSize, "MSG_TOO_BIG"};
        if (path == "/mpub")
            return HttpRequestParser::BodyLimit{c.maxBodySize, "BODY_TOO_BIG"};
        return HttpRequestParser::BodyLimit{256 * 1024, "BODY_TOO_BIG"};
    });
    http::Server &s = *m_server;
    http::applyConventions(s);
    Broker *b = m_broker;

    s.route(QStringLiteral("/ping"), [](const http::Request &req) {
        return http::wrongMethod(req) ? http::methodNotAllowed() : http::text("OK");
    });

    s.route(QStringLiteral("/info"), [b](const http::Request &req) {
        if (http::wrongMethod(req))
            return http::methodNotAllowed();
        return http::json(QJsonObject{
            {QStringLiteral("version"), b->config().version},
            {QStringLiteral("broadcast_address"), b->config().effectiveBroadcastAddress()},
            {QStringLiteral("hostname"), QHostInfo::localHostName()},
            {QStringLiteral("http_port"), int(b->httpPort())},
            {QStringLiteral("tcp_port"), int(b->tcpPort())},
            {QStringLiteral("start_time"), b->startTimeMs() / 1000},
            // nsqd gives durations here in nanoseconds.
            {QStringLiteral("max_heartbeat_interval"),
             qint64(b->config().maxHeartbeatInterval) * 1000000},
            {QStringLiteral("max_output_buffer_size"), 64 * 1024},
            {QStringLiteral("max_output_buffer_timeout"), qint64(30000) * 1000000},
            {QStringLiteral("max_deflate_level"), 6},
        });
    });

    // nsqd answers GET /config/<option> with the value as JSON (durations in nanoseconds);
    // here the options a client would ask about.
    s.routeWithArg(
        QStringLiteral("/config/"), [b](const QString &option, const http::Request &req) {
            // nsqd takes PUT for the two options it can change at run time; none can here.
            if (req.method() == Method::Put)
                return req.body().isEmpty() ? http::error(Status::PayloadTooLarge, "INVALID_VALUE")
                                            : http::error(Status::BadRequest, "INVALID_OPTION");
            if (http::wrongMethod(req))
                return http::methodNotAllowed();
            const BrokerConfig &c = b->config();
            const QHash<QString, qint64> durations{
                {QStringLiteral("msg_timeout"), c.msgTimeout},
                {QStringLiteral("max_msg_timeout"), c.maxMsgTimeout},
                {QStringLiteral("max_req_timeout"), c.maxReqTimeout},
                {QStringLiteral("max_heartbeat_interval"), c.maxHeartbeatInterval}};
            if (durations.contains(option))
                return http::jsonValue(QByteArray::number(durations.value(option) * 1000000));
            if (option == QLatin1String("max_msg_size"))
                return http::jsonValue(QByteArray::number(c.maxMsgSize));
            if (option == QLatin1String("max_body_size"))
                return http::jsonValue(QByteArray::number(c.maxBodySize));
            if (option == QLatin1String("max_rdy_count"))
                return http::jsonValue(QByteArray::number(c.maxRdyCount));
            // It registers with no nsqlookupd over TCP (its lookupd role is in process).
            if (option == QLatin1String("nsqlookupd_tcp_addresses"))
                return http::jsonValue("[]");
            return http::error(Status::BadRequest, "INVALID_OPTION");
        });

    s.route(QStringLiteral("/stats"), [b](const http::Request &req) {
        if (http::wrongMethod(req))
            return http::methodNotAllowed();
        const QUrlQuery q = req.query();
        const QJsonObject stats = BrokerHttp::stats(*b, q.queryItemValue(QStringLiteral("topic")),
                                                    q.queryItemValue(QStringLiteral("channel")));
        // JSON when asked for it (format=json, or go-nsq's Accept header); text for people,
        // as nsqd does.
        if (q.queryItemValue(QStringLiteral("format")) == QLatin1String("json") ||
            req.value(QByteArrayLiteral("Accept")).contains("application/vnd.nsq"))
            return http::json(stats);
        return http::text(BrokerHttp::statsText(stats));
    });

    auto publish = [b](const http::Request &req, bool multi) {
        if (http::wrongMethod(req, Method::Post)) // nsqd takes POST only (PUT: 405)
            return http::methodNotAllowed();
        const QUrlQuery q = req.query();
        const QByteArray body = req.body();
        if (!multi && body.isEmpty()) // nsqd looks at the body before the topic
            return http::error(Status::BadRequest, "MSG_EMPTY");
        const QString topic = q.queryItemValue(QStringLiteral("topic"));
        if (topic.isEmpty())
            return http::error(Status::BadRequest, "MISSING_ARG_TOPIC");
        if (!isValidTopicName(topic))
            return http::error(Status::BadRequest, "INVALID_TOPIC");
        const qint64 maxMsg = b->config().maxMsgSize;
        qint64 deferMs = 0;
        if (q.hasQueryItem(QStringLiteral("defer"))) {
            bool okDefer = false;
            deferMs = q.queryItemValue(QStringLiteral("defer")).toLongLong(&okDefer);
            if (!okDefer)
                return http::error(Status::BadRequest, "INVALID_DEFER");
            if (deferMs < 0 || deferMs > b->config().maxReqTimeout)
                return http::error(Status::BadRequest, "INVALID_DEFER");
        }
        QByteArrayList bodies;
        if (!multi) {
            if (body.size() > maxMsg)
                return http::error(Status::PayloadTooLarge, "MSG_TOO_BIG");
            bodies << body;
        } else {
            if (body.size() > b->config().maxBodySize)
                return http::error(Status::PayloadTooLarge, "BODY_TOO_BIG");
            const QString binary = q.queryItemValue(QStringLiteral("binary"));
            if (binary == QLatin1String("true") || binary == QLatin1String("1")) {
                // nsqd answers every binary MPUB error with 413 and the TCP error's code.
                if (body.size() < 4)
                    return http::error(Status::PayloadTooLarge, "BAD_BODY");
                const auto *p = reinterpret_cast<const uchar *>(body.constData());
                const qint32 count = qFromBigEndian<qint32>(p);
                qsizetype pos = 4;
                if (count <= 0 || count > body.size() / 4)
                    return http::error(Status::PayloadTooLarge, "BAD_BODY");
                for (qint32 i = 0; i < count; ++i) {
                    if (body.size() - pos < 4)
                        return http::error(Status::PayloadTooLarge, "BAD_MESSAGE");
                    const qint32 size = qFromBigEndian<qint32>(p + pos);
                    pos += 4;
                    if (size <= 0 || size > maxMsg || body.size() - pos < size)
                        return http::error(Status::PayloadTooLarge, "BAD_MESSAGE");
                    bodies << body.mid(pos, size);
                    pos += size;
                }
            } else {
                for (const QByteArray &line : body.split('\n')) {
                    if (line.isEmpty())
                        continue;
                    if (line.size() > maxMsg)
                        return http::error(Status::PayloadTooLarge, "MSG_TOO_BIG");
                    bodies << line;
                }
                if (bodies.isEmpty())
                    return http::text("OK"); // nothing to publish, as nsqd says
            }
        }
        const QString error = b->publish(topic, bodies, deferMs);
        if (!error.isEmpty())
            return http::json(QJsonObject{{QStringLiteral("message"), QStringLiteral("EXITING")},
                                          {QStringLiteral("reason"), error}},
                              Status::ServiceUnavailable);
        return http::text("OK");
    };
    s.route(QStringLiteral("/pub"),
            [publish](const http::Request &req) { return publish(req, false); });
    s.route(QStringLiteral("/mpub"),
            [publish](const http::Request &req) { return publish(req, true); });

    // /topic/<verb> and /channel/<verb>
    auto admin = [b](const http::Request &req, bool channelVerb, const QString &verb) {
        if (http::wrongMethod(req, Method::Post)) // nsqd takes POST only (PUT: 405)
            return http::methodNotAllowed();
        const QUrlQuery q = req.query();
        const QString topic = q.queryItemValue(QStringLiteral("topic"));
        const QString channel = q.queryItemValue(QStringLiteral("channel"));
        if (topic.isEmpty())
            return http::error(Status::BadRequest, "MISSING_ARG_TOPIC");
        if (!isValidTopicName(topic)) {
            // nsqd's words differ by verb: a topic that cannot be made, one that cannot exist.
            if (channelVerb)
                return http::error(Status::BadRequest, "INVALID_ARG_TOPIC");
            if (verb == QLatin1String("create") || verb == QLatin1String("empty"))
                return http::error(Status::BadRequest, "INVALID_TOPIC");
            return http::error(Status::NotFound, "TOPIC_NOT_FOUND");
        }
        if (!channelVerb) {
            if (verb == QLatin1String("create")) {
                b->getOrCreateTopic(topic);
                return http::empty();
            }
            if (verb == QLatin1String("delete"))
                return adminResult(b->deleteTopic(topic));
            if (verb == QLatin1String("empty"))
                return adminResult(b->emptyTopic(topic));
            if (verb == QLatin1String("pause") || verb == QLatin1String("unpause"))
                return adminResult(b->setTopicPaused(topic, verb == QLatin1String("pause")));
            return http::error(Status::NotFound, "NOT_FOUND");
        }
        if (channel.isEmpty())
            return http::error(Status::BadRequest, "MISSING_ARG_CHANNEL");
        if (!isValidChannelName(channel))
            return http::error(Status::BadRequest, "INVALID_ARG_CHANNEL");
        if (verb == QLatin1String("create"))
            return b->topic(topic) ? adminResult(b->createChannel(topic, channel))
                                   : http::error(Status::NotFound, "TOPIC_NOT_FOUND");
        if (verb == QLatin1String("delete"))
            return adminResult(b->deleteChannel(topic, channel));
        if (verb == QLatin1String("empty"))
            return adminResult(b->emptyChannel(topic, channel));
        if (verb == QLatin1String("pause") || verb == QLatin1String("unpause"))
            return adminResult(b->setChannelPaused(topic, channel, verb == QLatin1String("pause")));
        return http::error(Status::NotFound, "NOT_FOUND");
    };
    s.routeWithArg(
        QStringLiteral("/topic/"),
        [admin](const QString &verb, const http::Request &req) { return admin(req, false, verb); });
    s.routeWithArg(
        QStringLiteral("/channel/"),
        [admin](const QString &verb, const http::Request &req) { return admin(req, true, verb); });
}

BrokerHttp::~BrokerHttp() = default;

quint16 BrokerHttp::listen(const QHostAddress &address, quint16 port)
{
    const quint16 bound = m_server->listen(address, port);
    if (bound == 0)
        m_error = QStringLiteral("cannot listen for HTTP on %1:%2: %3")
                      .arg(address.toString())
                      .arg(port)
                      .arg(m_server->errorString());
    return bound;
}

QByteArray BrokerHttp::statsText(const QJsonObject &stats)
{
    // The layout of nsqd's /stats for people: one line per topic, channel and client.
    QString out;
    QTextStream w(&out);
    const qint64 start = stats.value(QLatin1String("start_time")).toInteger();
    w << "nsqd v" << stats.value(QLatin1String("version")).toString() << " (nsq-inspector broker)\n"
      << "start_time " << QDateTime::fromSecsSinceEpoch(start, Qt::UTC).toString(Qt::ISODate)
      << "\nuptime " << QDateTime::currentSecsSinceEpoch() - start << "s\n\n"
      << "Health: " << stats.value(QLatin1String("health")).toString() << "\n\nMemory:\n";
    const QJsonObject memory = stats.value(QLatin1String("memory")).toObject();
    for (auto it = memory.begin(); it != memory.end(); ++it)
        w << "   " << qSetFieldWidth(25) << Qt::left << it.key() << qSetFieldWidth(0) << "\t"
          << it.value().toInteger() << "\n";
    const QJsonArray topics = stats.value(QLatin1String("topics")).toArray();
    w << (topics.isEmpty() ? "\nTopics: None\n" : "\nTopics:");
    const auto field = [&w](const QString &value, int width) {
        w << qSetFieldWidth(width) << Qt::left << value << qSetFieldWidth(0);
    };
    const auto number = [](const QJsonObject &o, const char *key) {
        return QString::number(o.value(QLatin1String(key)).toInteger());
    };
    for (const QJsonValue &tv : topics) {
        const QJsonObject t = tv.toObject();
        w << "\n" << (t.value(QLatin1String("paused")).toBool() ? "*P [" : "   [");
        field(t.value(QLatin1String("topic_name")).toString(), 15);
        w << "] depth: ";
        field(number(t, "depth"), 5);
        w << " be-depth: ";
        field(number(t, "backend_depth"), 5);
        w << " msgs: ";
        field(number(t, "message_count"), 8);
        w << " e2e%: \n";
        for (const QJsonValue &cv : t.value(QLatin1String("channels")).toArray()) {
            const QJsonObject c = cv.toObject();
            w << (c.value(QLatin1String("paused")).toBool() ? "   *P [" : "      [");
            field(c.value(QLatin1String("channel_name")).toString(), 25);
            w << "] depth: ";
            field(number(c, "depth"), 5);
            w << " be-depth: ";
            field(number(c, "backend_depth"), 5);
            w << " inflt: ";
            field(number(c, "in_flight_count"), 4);
            w << " def: ";
            field(number(c, "deferred_count"), 4);
            w << " re-q: ";
            field(number(c, "requeue_count"), 5);
            w << " timeout: ";
            field(number(c, "timeout_count"), 5);
            w << " msgs: ";
            field(number(c, "message_count"), 8);
            w << " e2e%: \n";
            for (const QJsonValue &kv : c.value(QLatin1String("clients")).toArray()) {
                const QJsonObject k = kv.toObject();
                const QString port = k.value(QLatin1String("remote_address"))
                                         .toString()
                                         .section(QLatin1Char(':'), -1);
                w << "        [V2 ";
                field(QStringLiteral("%1:%2 %3")
                          .arg(k.value(QLatin1String("hostname")).toString(), port,
                               k.value(QLatin1String("user_agent")).toString()),
                      21);
                w << "] state: " << number(k, "state") << " inflt: ";
                field(number(k, "in_flight_count"), 4);
                w << " rdy: ";
                field(number(k, "ready_count"), 4);
                w << " fin: ";
                field(number(k, "finish_count"), 8);
                w << " re-q: ";
                field(number(k, "requeue_count"), 8);
                w << " msgs: ";
                field(number(k, "message_count"), 8);
                w << " connected: "
                  << QDateTime::currentSecsSinceEpoch() -
                         k.value(QLatin1String("connect_ts")).toInteger()
                  << "s\n";
            }
        }
    }
    w << "\nProducers: None\n";
    w.flush();
    return out.toUtf8();
}

QJsonObject BrokerHttp::stats(const Broker &broker, const QString &topicFilter,
                              const QString &channelFilter)
{
    QJsonArray topics;
    qint64 heldMessages = 0, heldBytes = 0;
    const auto count = [&](const Message &m) {
        ++heldMessages;
        heldBytes += m.body.size();
    };
    for (const auto &te : broker.topics()) {
        const Topic &t = *te.second;
        for (const auto &p : t.backlog)
            count(p.message);
        for (const auto &ce : t.channels) {
            for (const Message &m : ce.second->queue)
                count(m);
            for (const auto &d : ce.second->deferred)
                count(d.second);
            for (const auto &f : ce.second->inFlight)
                count(f.message);
        }
        if (!topicFilter.isEmpty() && t.name != topicFilter)
            continue;
        QJsonArray channels;
        for (const auto &ce : t.channels) {
            const Channel &c = *ce.second;
            if (!channelFilter.isEmpty() && c.name != channelFilter)
                continue;
            QJsonArray clients;
            for (const BrokerClient *client : c.clients)
                clients.append(clientStats(client));
            channels.append(QJsonObject{
                {QStringLiteral("channel_name"), c.name},
                {QStringLiteral("depth"), c.depth()},
                {QStringLiteral("backend_depth"), 0},
                {QStringLiteral("in_flight_count"), c.inFlight.size()},
                {QStringLiteral("deferred_count"), qint64(c.deferred.size())},
                {QStringLiteral("message_count"), qint64(c.messageCount)},
                {QStringLiteral("requeue_count"), qint64(c.requeueCount)},
                {QStringLiteral("timeout_count"), qint64(c.timeoutCount)},
                {QStringLiteral("client_count"), c.clients.size()},
                {QStringLiteral("clients"), clients},
                {QStringLiteral("paused"), c.paused},
                {QStringLiteral("e2e_processing_latency"),
                 QJsonObject{{QStringLiteral("count"), 0},
                             {QStringLiteral("percentiles"), QJsonValue()}}},
            });
        }
        topics.append(QJsonObject{
            {QStringLiteral("topic_name"), t.name},
            {QStringLiteral("channels"), channels},
            {QStringLiteral("depth"), qint64(t.backlog.size())},
            {QStringLiteral("backend_depth"), 0},
            {QStringLiteral("message_count"), qint64(t.messageCount)},
            {QStringLiteral("message_bytes"), qint64(t.messageBytes)},
            {QStringLiteral("paused"), t.paused},
            {QStringLiteral("e2e_processing_latency"),
             QJsonObject{{QStringLiteral("count"), 0},
                         {QStringLiteral("percentiles"), QJsonValue()}}},
        });
    }
    return QJsonObject{
        {QStringLiteral("version"), broker.config().version},
        {QStringLiteral("health"), QStringLiteral("OK")},
        {QStringLiteral("start_time"), broker.startTimeMs() / 1000},
        {QStringLiteral("topics"), topics},
        // nsqd's Go runtime figures; here what the broker holds, the rest zero.
        {QStringLiteral("memory"), QJsonObject{{QStringLiteral("heap_objects"), heldMessages},
                                               {QStringLiteral("heap_idle_bytes"), 0},
                                               {QStringLiteral("heap_in_use_bytes"), heldBytes},
                                               {QStringLiteral("heap_released_bytes"), 0},
                                               {QStringLiteral("gc_pause_usec_100"), 0},
                                               {QStringLiteral("gc_pause_usec_99"), 0},
                                               {QStringLiteral("gc_pause_usec_95"), 0},
                                               {QStringLiteral("next_gc_bytes"), 0},
                                               {QStringLiteral("gc_total_runs"), 0}}},
        {QStringLiteral("producers"), QJsonValue()}, // null, as nsqd's empty list
    };
}

} // namespace nsq
