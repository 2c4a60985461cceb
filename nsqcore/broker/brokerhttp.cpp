#include "brokerhttp.h"

#include "broker.h"
#include "brokerclient.h"

#include <protocol/names.h>

#include <QHostInfo>
#include <QHttpServer>
#include <QJsonArray>
#include <QUrlQuery>
#include <QtEndian>

namespace nsq {

namespace {

using Status = QHttpServerResponse::StatusCode;
using Method = QHttpServerRequest::Method;

QHttpServerResponse fail(Status status, const char *message)
{
    return QHttpServerResponse(QJsonObject{{QStringLiteral("message"), QLatin1String(message)}},
                               status);
}

QHttpServerResponse ok()
{
    return QHttpServerResponse(QByteArray("text/plain; charset=utf-8"), QByteArray("OK"));
}

QHttpServerResponse empty()
{
    return QHttpServerResponse(QByteArray("text/plain; charset=utf-8"), QByteArray());
}

// Maps the broker's administrative error text to nsqd's answer.
QHttpServerResponse adminResult(const QString &error)
{
    if (error.isEmpty())
        return empty();
    if (error.startsWith(QLatin1String("TOPIC_NOT_FOUND")))
        return fail(Status::NotFound, "TOPIC_NOT_FOUND");
    if (error.startsWith(QLatin1String("CHANNEL_NOT_FOUND")))
        return fail(Status::NotFound, "CHANNEL_NOT_FOUND");
    return fail(Status::InternalServerError, "INTERNAL_ERROR");
}

QJsonObject clientStats(const BrokerClient *c)
{
    return QJsonObject{
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
        {QStringLiteral("authed"), false},
    };
}

} // namespace

BrokerHttp::BrokerHttp(Broker *broker)
    : QObject(broker), m_broker(broker), m_server(std::make_unique<QHttpServer>())
{
    QHttpServer &s = *m_server;
    Broker *b = m_broker;

    s.route(QStringLiteral("/ping"), [] { return ok(); });

    s.route(QStringLiteral("/info"), [b] {
        return QHttpServerResponse(QJsonObject{
            {QStringLiteral("version"), b->config().version},
            {QStringLiteral("broadcast_address"), QStringLiteral("127.0.0.1")},
            {QStringLiteral("hostname"), QHostInfo::localHostName()},
            {QStringLiteral("http_port"), int(b->httpPort())},
            {QStringLiteral("tcp_port"), int(b->tcpPort())},
            {QStringLiteral("start_time"), b->startTimeMs() / 1000},
        });
    });

    s.route(QStringLiteral("/stats"), [b](const QHttpServerRequest &req) {
        const QUrlQuery q = req.query();
        return QHttpServerResponse(BrokerHttp::stats(*b, q.queryItemValue(QStringLiteral("topic")),
                                                     q.queryItemValue(QStringLiteral("channel"))));
    });

    auto publish = [b](const QHttpServerRequest &req, bool multi) {
        if (req.method() != Method::Post && req.method() != Method::Put)
            return fail(Status::MethodNotAllowed, "METHOD_NOT_ALLOWED");
        const QUrlQuery q = req.query();
        const QString topic = q.queryItemValue(QStringLiteral("topic"));
        if (topic.isEmpty())
            return fail(Status::BadRequest, "MISSING_ARG_TOPIC");
        if (!isValidTopicName(topic))
            return fail(Status::BadRequest, "INVALID_TOPIC");
        const QByteArray body = req.body();
        const qint64 maxMsg = b->config().maxMsgSize;
        qint64 deferMs = 0;
        if (q.hasQueryItem(QStringLiteral("defer"))) {
            bool okDefer = false;
            deferMs = q.queryItemValue(QStringLiteral("defer")).toLongLong(&okDefer);
            if (!okDefer)
                return fail(Status::BadRequest, "INVALID_DEFER");
            if (deferMs < 0 || deferMs > b->config().maxReqTimeout)
                return fail(Status::BadRequest, "INVALID_DEFER");
        }
        QByteArrayList bodies;
        if (!multi) {
            if (body.isEmpty())
                return fail(Status::BadRequest, "MSG_EMPTY");
            if (body.size() > maxMsg)
                return fail(Status::PayloadTooLarge, "MSG_TOO_BIG");
            bodies << body;
        } else {
            if (body.size() > b->config().maxBodySize)
                return fail(Status::PayloadTooLarge, "BODY_TOO_BIG");
            const QString binary = q.queryItemValue(QStringLiteral("binary"));
            if (binary == QLatin1String("true") || binary == QLatin1String("1")) {
                if (body.size() < 4)
                    return fail(Status::BadRequest, "BAD_BODY");
                const auto *p = reinterpret_cast<const uchar *>(body.constData());
                const qint32 count = qFromBigEndian<qint32>(p);
                qsizetype pos = 4;
                if (count <= 0 || count > body.size() / 4)
                    return fail(Status::BadRequest, "BAD_BODY");
                for (qint32 i = 0; i < count; ++i) {
                    if (body.size() - pos < 4)
                        return fail(Status::BadRequest, "BAD_BODY");
                    const qint32 size = qFromBigEndian<qint32>(p + pos);
                    pos += 4;
                    if (size <= 0 || body.size() - pos < size)
                        return fail(Status::BadRequest, "BAD_MESSAGE");
                    if (size > maxMsg)
                        return fail(Status::PayloadTooLarge, "MSG_TOO_BIG");
                    bodies << body.mid(pos, size);
                    pos += size;
                }
            } else {
                for (const QByteArray &line : body.split('\n')) {
                    if (line.isEmpty())
                        continue;
                    if (line.size() > maxMsg)
                        return fail(Status::PayloadTooLarge, "MSG_TOO_BIG");
                    bodies << line;
                }
                if (bodies.isEmpty())
                    return fail(Status::BadRequest, "MSG_EMPTY");
            }
        }
        const QString error = b->publish(topic, bodies, deferMs);
        if (!error.isEmpty())
            return QHttpServerResponse(
                QJsonObject{{QStringLiteral("message"), QStringLiteral("EXITING")},
                            {QStringLiteral("reason"), error}},
                Status::ServiceUnavailable);
        return ok();
    };
    s.route(QStringLiteral("/pub"),
            [publish](const QHttpServerRequest &req) { return publish(req, false); });
    s.route(QStringLiteral("/mpub"),
            [publish](const QHttpServerRequest &req) { return publish(req, true); });

    // /topic/<verb> and /channel/<verb>
    auto admin = [b](const QHttpServerRequest &req, bool channelVerb, const QString &verb) {
        if (req.method() != Method::Post && req.method() != Method::Put)
            return fail(Status::MethodNotAllowed, "METHOD_NOT_ALLOWED");
        const QUrlQuery q = req.query();
        const QString topic = q.queryItemValue(QStringLiteral("topic"));
        const QString channel = q.queryItemValue(QStringLiteral("channel"));
        if (topic.isEmpty())
            return fail(Status::BadRequest, "MISSING_ARG_TOPIC");
        if (!isValidTopicName(topic))
            return fail(Status::BadRequest, "INVALID_ARG_TOPIC");
        if (!channelVerb) {
            if (verb == QLatin1String("create")) {
                b->getOrCreateTopic(topic);
                return empty();
            }
            if (verb == QLatin1String("delete"))
                return adminResult(b->deleteTopic(topic));
            if (verb == QLatin1String("empty"))
                return adminResult(b->emptyTopic(topic));
            if (verb == QLatin1String("pause") || verb == QLatin1String("unpause"))
                return adminResult(b->setTopicPaused(topic, verb == QLatin1String("pause")));
            return fail(Status::NotFound, "NOT_FOUND");
        }
        if (channel.isEmpty())
            return fail(Status::BadRequest, "MISSING_ARG_CHANNEL");
        if (!isValidChannelName(channel))
            return fail(Status::BadRequest, "INVALID_ARG_CHANNEL");
        if (verb == QLatin1String("create"))
            return adminResult(b->createChannel(topic, channel));
        if (verb == QLatin1String("delete"))
            return adminResult(b->deleteChannel(topic, channel));
        if (verb == QLatin1String("empty"))
            return adminResult(b->emptyChannel(topic, channel));
        if (verb == QLatin1String("pause") || verb == QLatin1String("unpause"))
            return adminResult(b->setChannelPaused(topic, channel, verb == QLatin1String("pause")));
        return fail(Status::NotFound, "NOT_FOUND");
    };
    s.route(QStringLiteral("/topic/<arg>"),
            [admin](const QString &verb, const QHttpServerRequest &req) {
                return admin(req, false, verb);
            });
    s.route(QStringLiteral("/channel/<arg>"),
            [admin](const QString &verb, const QHttpServerRequest &req) {
                return admin(req, true, verb);
            });
}

BrokerHttp::~BrokerHttp() = default;

quint16 BrokerHttp::listen(const QHostAddress &address, quint16 port)
{
    const quint16 bound = m_server->listen(address, port);
    if (bound == 0)
        m_error =
            QStringLiteral("cannot listen for HTTP on %1:%2").arg(address.toString()).arg(port);
    return bound;
}

QJsonObject BrokerHttp::stats(const Broker &broker, const QString &topicFilter,
                              const QString &channelFilter)
{
    QJsonArray topics;
    for (const auto &te : broker.topics()) {
        const Topic &t = *te.second;
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
        {QStringLiteral("producers"), QJsonArray()},
    };
}

} // namespace nsq
