#include "httpclients.h"

#include "../protocol/printable.h"

#include "../protocol/names.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QUrlQuery>

namespace nsq {

namespace {

Result<QJsonObject> parseObject(const QByteArray &json, const char *what)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return Result<QJsonObject>::failure(QStringLiteral("%1 answer is not a JSON object: %2")
                                                .arg(QLatin1String(what), err.errorString()));
    QJsonObject o = doc.object();
    // Old servers wrap the answer: {"status_code":200,"status_txt":"OK","data":{...}}.
    if (o.contains(QLatin1String("status_code")) && o.value(QLatin1String("data")).isObject())
        o = o.value(QLatin1String("data")).toObject();
    return o;
}

QStringList stringList(const QJsonValue &v)
{
    QStringList out;
    for (const auto &e : v.toArray())
        out << e.toString();
    return out;
}

NodeInfo parseNode(const QJsonObject &o)
{
    NodeInfo n;
    n.broadcastAddress = o.value(QLatin1String("broadcast_address")).toString();
    n.hostname = o.value(QLatin1String("hostname")).toString();
    n.version = o.value(QLatin1String("version")).toString();
    n.tcpPort = quint16(o.value(QLatin1String("tcp_port")).toInt());
    n.httpPort = quint16(o.value(QLatin1String("http_port")).toInt());
    n.topics = stringList(o.value(QLatin1String("topics")));
    for (const auto &t : o.value(QLatin1String("tombstones")).toArray())
        n.tombstones << t.toBool();
    return n;
}

template <typename T, typename F>
std::function<void(Result<QByteArray>)> mapped(std::function<void(Result<T>)> done, F parse,
                                               const QString &server)
{
    return [done, parse, server](Result<QByteArray> r) {
        if (!r.ok()) {
            done(Result<T>::failure(r.error()));
            return;
        }
        Result<T> parsed = parse(r.value());
        if (!parsed.ok()) // which server said it
            parsed = Result<T>::failure(QStringLiteral("%1: %2").arg(server, parsed.error()));
        done(std::move(parsed));
    };
}

} // namespace

Result<NsqdStats> NsqdStats::parse(const QByteArray &json)
{
    const auto parsed = parseObject(json, "nsqd /stats");
    if (!parsed.ok())
        return Result<NsqdStats>::failure(parsed.error());
    const QJsonObject &o = parsed.value();
    NsqdStats s;
    s.version = o.value(QLatin1String("version")).toString();
    s.health = o.value(QLatin1String("health")).toString();
    for (const auto &tv : o.value(QLatin1String("topics")).toArray()) {
        const QJsonObject t = tv.toObject();
        TopicStats ts;
        ts.name = t.value(QLatin1String("topic_name")).toString();
        ts.depth = t.value(QLatin1String("depth")).toInteger();
        ts.backendDepth = t.value(QLatin1String("backend_depth")).toInteger();
        ts.messageBytes = t.value(QLatin1String("message_bytes")).toInteger();
        ts.messageCount = t.value(QLatin1String("message_count")).toInteger();
        ts.paused = t.value(QLatin1String("paused")).toBool();
        for (const auto &cv : t.value(QLatin1String("channels")).toArray()) {
            const QJsonObject c = cv.toObject();
            ChannelStats cs;
            cs.name = c.value(QLatin1String("channel_name")).toString();
            cs.depth = c.value(QLatin1String("depth")).toInteger();
            cs.backendDepth = c.value(QLatin1String("backend_depth")).toInteger();
            cs.inFlightCount = c.value(QLatin1String("in_flight_count")).toInteger();
            cs.deferredCount = c.value(QLatin1String("deferred_count")).toInteger();
            cs.messageCount = c.value(QLatin1String("message_count")).toInteger();
            cs.requeueCount = c.value(QLatin1String("requeue_count")).toInteger();
            cs.timeoutCount = c.value(QLatin1String("timeout_count")).toInteger();
            cs.paused = c.value(QLatin1String("paused")).toBool();
            for (const auto &clv : c.value(QLatin1String("clients")).toArray()) {
                const QJsonObject cl = clv.toObject();
                ClientStats k;
                k.clientId = cl.value(QLatin1String("client_id")).toString();
                k.hostname = cl.value(QLatin1String("hostname")).toString();
                k.remoteAddress = cl.value(QLatin1String("remote_address")).toString();
                k.userAgent = cl.value(QLatin1String("user_agent")).toString();
                k.readyCount = cl.value(QLatin1String("ready_count")).toInteger();
                k.inFlightCount = cl.value(QLatin1String("in_flight_count")).toInteger();
                k.messageCount = cl.value(QLatin1String("message_count")).toInteger();
                k.finishCount = cl.value(QLatin1String("finish_count")).toInteger();
                k.requeueCount = cl.value(QLatin1String("requeue_count")).toInteger();
                k.tls = cl.value(QLatin1String("tls")).toBool();
                k.tlsVersion = cl.value(QLatin1String("tls_version")).toString();
                k.deflate = cl.value(QLatin1String("deflate")).toBool();
                k.snappy = cl.value(QLatin1String("snappy")).toBool();
                k.authed = cl.value(QLatin1String("authed")).toBool();
                k.authIdentity = cl.value(QLatin1String("auth_identity")).toString();
                k.connectTs = cl.value(QLatin1String("connect_ts")).toInteger();
                cs.clients << k;
            }
            ts.channels << cs;
        }
        s.topics << ts;
    }
    return s;
}

Result<LookupResult> LookupResult::parse(const QByteArray &json)
{
    const auto parsed = parseObject(json, "nsqlookupd /lookup");
    if (!parsed.ok())
        return Result<LookupResult>::failure(parsed.error());
    LookupResult r;
    r.channels = stringList(parsed.value().value(QLatin1String("channels")));
    for (const auto &p : parsed.value().value(QLatin1String("producers")).toArray()) {
        const NodeInfo n = parseNode(p.toObject());
        if (n.broadcastAddress.isEmpty() || n.tcpPort == 0)
            return Result<LookupResult>::failure(
                QStringLiteral("nsqlookupd /lookup answer has a producer without "
                               "broadcast_address or tcp_port"));
        r.producers << n;
    }
    return r;
}

HttpApiClient::HttpApiClient(const QString &base, QObject *parent)
    : QObject(parent), m_nam(new QNetworkAccessManager(this))
{
    QString text = base.trimmed();
    if (!text.contains(QLatin1String("://")))
        text.prepend(QLatin1String("http://"));
    m_base = QUrl(text, QUrl::StrictMode);
    if (!m_base.isValid() || m_base.host().isEmpty() || m_base.port() <= 0 ||
        (m_base.scheme() != QLatin1String("http") && m_base.scheme() != QLatin1String("https")))
        m_addressError =
            QStringLiteral("'%1' is not an HTTP address (host:port or http://host:port)").arg(base);
}

void HttpApiClient::get(const QString &path, const QList<QPair<QString, QString>> &query, Done done)
{
    send("GET", path, query, {}, std::move(done));
}

void HttpApiClient::post(const QString &path, const QList<QPair<QString, QString>> &query,
                         const QByteArray &body, Done done)
{
    send("POST", path, query, body, std::move(done));
}

void HttpApiClient::send(const QByteArray &verb, const QString &path,
                         const QList<QPair<QString, QString>> &query, const QByteArray &body,
                         Done done)
{
    if (!m_addressError.isEmpty()) {
        done(Result<QByteArray>::failure(m_addressError));
        return;
    }
    QUrl url = m_base;
    url.setPath(path);
    QUrlQuery q;
    q.setQueryItems(query);
    url.setQuery(q);
    QNetworkRequest req(url);
    req.setTransferTimeout(m_timeoutMs);
    // A redirect would show another server's data under the address asked for: refused.
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                     QNetworkRequest::ManualRedirectPolicy);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/octet-stream"));
    QNetworkReply *reply = m_nam->sendCustomRequest(req, verb, body);
    const QString where =
        QStringLiteral("%1 %2").arg(QString::fromLatin1(verb), url.toString(QUrl::RemoveQuery));
    // Bounds: the whole request's time (a server dripping a byte at a time resets the transfer
    // timeout forever) and the answer's size.
    auto why = std::make_shared<QString>();
    auto *deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, reply, [reply, why, ms = totalTimeout()] {
        *why = QStringLiteral("no complete answer within %1 s").arg(double(ms) / 1000.0);
        reply->abort();
    });
    deadline->start(totalTimeout());
    const qint64 maxBytes = m_maxBodyBytes;
    connect(reply, &QNetworkReply::downloadProgress, reply,
            [reply, why, maxBytes](qint64 received, qint64 total) {
                if (why->isEmpty() && (received > maxBytes || total > maxBytes)) {
                    *why = QStringLiteral("answer larger than %1 bytes").arg(maxBytes);
                    reply->abort();
                }
            });
    connect(reply, &QNetworkReply::finished, this, [reply, done, where, why] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (!why->isEmpty()) {
            done(Result<QByteArray>::failure(QStringLiteral("%1: %2").arg(where, *why)));
            return;
        }
        // An aborted reply is closed: reading it only makes Qt complain on stderr.
        const QByteArray data = reply->isOpen() ? reply->readAll() : QByteArray();
        if (status == 0) {
            const QString cause = reply->error() == QNetworkReply::OperationCanceledError
                                      ? QStringLiteral("no answer in time")
                                      : reply->errorString();
            done(Result<QByteArray>::failure(QStringLiteral("%1: %2").arg(where, cause)));
            return;
        }
        if (status >= 300 && status < 400) {
            done(Result<QByteArray>::failure(
                QStringLiteral("%1: HTTP %2 redirect to %3 not followed")
                    .arg(where)
                    .arg(status)
                    .arg(printable(QString::fromUtf8(reply->rawHeader("Location").left(200))))));
            return;
        }
        if (status < 200 || status > 299) {
            QString message =
                QJsonDocument::fromJson(data).object().value(QLatin1String("message")).toString();
            if (message.isEmpty())
                message = QString::fromUtf8(data.left(200)).trimmed();
            done(Result<QByteArray>::failure(
                QStringLiteral("%1: HTTP %2 %3").arg(where).arg(status).arg(printable(message))));
            return;
        }
        // A 200 whose body broke off (shorter than its Content-Length, the connection lost)
        // is a failure, not data.
        if (reply->error() != QNetworkReply::NoError) {
            done(Result<QByteArray>::failure(QStringLiteral("%1: the answer broke off: %2")
                                                 .arg(where, printable(reply->errorString()))));
            return;
        }
        done(data);
    });
}

void NsqdHttpClient::stats(const QString &topic, const QString &channel,
                           std::function<void(Result<NsqdStats>)> done)
{
    QList<QPair<QString, QString>> q{{QStringLiteral("format"), QStringLiteral("json")}};
    if (!topic.isEmpty())
        q << qMakePair(QStringLiteral("topic"), topic);
    if (!channel.isEmpty())
        q << qMakePair(QStringLiteral("channel"), channel);
    get(QStringLiteral("/stats"), q,
        mapped<NsqdStats>(std::move(done), &NsqdStats::parse, serverName()));
}

void NsqdHttpClient::topicAction(const QString &verb, const QString &topic,
                                 std::function<void(Result<QByteArray>)> done)
{
    if (!isValidTopicName(topic)) {
        done(Result<QByteArray>::failure(
            QStringLiteral("'%1' is not a valid topic name").arg(topic)));
        return;
    }
    post(QStringLiteral("/topic/") + verb, {{QStringLiteral("topic"), topic}}, {}, std::move(done));
}

void NsqdHttpClient::channelAction(const QString &verb, const QString &topic,
                                   const QString &channel,
                                   std::function<void(Result<QByteArray>)> done)
{
    if (!isValidTopicName(topic) || !isValidChannelName(channel)) {
        done(Result<QByteArray>::failure(
            QStringLiteral("'%1/%2' is not a valid topic and channel").arg(topic, channel)));
        return;
    }
    post(QStringLiteral("/channel/") + verb,
         {{QStringLiteral("topic"), topic}, {QStringLiteral("channel"), channel}}, {},
         std::move(done));
}

void NsqdHttpClient::publish(const QString &topic, const QByteArray &body,
                             std::function<void(Result<QByteArray>)> done)
{
    post(QStringLiteral("/pub"), {{QStringLiteral("topic"), topic}}, body, std::move(done));
}

void NsqdHttpClient::deferredPublish(const QString &topic, qint64 deferMs, const QByteArray &body,
                                     std::function<void(Result<QByteArray>)> done)
{
    post(QStringLiteral("/pub"),
         {{QStringLiteral("topic"), topic}, {QStringLiteral("defer"), QString::number(deferMs)}},
         body, std::move(done));
}

void NsqdHttpClient::multiPublish(const QString &topic, const QByteArrayList &bodies,
                                  std::function<void(Result<QByteArray>)> done)
{
    // nsqd's binary MPUB body: a count, then each message with its size (big endian).
    QByteArray body;
    const auto u32 = [&body](quint32 v) {
        const char b[4] = {char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
        body.append(b, 4);
    };
    u32(quint32(bodies.size()));
    for (const QByteArray &b : bodies) {
        u32(quint32(b.size()));
        body += b;
    }
    post(QStringLiteral("/mpub"),
         {{QStringLiteral("topic"), topic}, {QStringLiteral("binary"), QStringLiteral("true")}},
         body, std::move(done));
}

void LookupdHttpClient::lookup(const QString &topic, std::function<void(Result<LookupResult>)> done)
{
    get(QStringLiteral("/lookup"), {{QStringLiteral("topic"), topic}},
        mapped<LookupResult>(std::move(done), &LookupResult::parse, serverName()));
}

void LookupdHttpClient::topics(std::function<void(Result<QStringList>)> done)
{
    get(QStringLiteral("/topics"), {},
        mapped<QStringList>(
            std::move(done),
            [](const QByteArray &json) {
                const auto o = parseObject(json, "nsqlookupd /topics");
                return o.ok() ? Result<QStringList>(
                                    stringList(o.value().value(QLatin1String("topics"))))
                              : Result<QStringList>::failure(o.error());
            },
            serverName()));
}

void LookupdHttpClient::channels(const QString &topic,
                                 std::function<void(Result<QStringList>)> done)
{
    get(QStringLiteral("/channels"), {{QStringLiteral("topic"), topic}},
        mapped<QStringList>(
            std::move(done),
            [](const QByteArray &json) {
                const auto o = parseObject(json, "nsqlookupd /channels");
                return o.ok() ? Result<QStringList>(
                                    stringList(o.value().value(QLatin1String("channels"))))
                              : Result<QStringList>::failure(o.error());
            },
            serverName()));
}

void LookupdHttpClient::nodes(std::function<void(Result<QList<NodeInfo>>)> done)
{
    get(QStringLiteral("/nodes"), {},
        mapped<QList<NodeInfo>>(
            std::move(done),
            [](const QByteArray &json) {
                const auto o = parseObject(json, "nsqlookupd /nodes");
                if (!o.ok())
                    return Result<QList<NodeInfo>>::failure(o.error());
                QList<NodeInfo> nodes;
                for (const auto &p : o.value().value(QLatin1String("producers")).toArray())
                    nodes << parseNode(p.toObject());
                return Result<QList<NodeInfo>>(nodes);
            },
            serverName()));
}

void LookupdHttpClient::tombstone(const QString &topic, const QString &nodeHttpAddress,
                                  std::function<void(Result<QByteArray>)> done)
{
    if (!isValidTopicName(topic)) {
        done(Result<QByteArray>::failure(
            QStringLiteral("'%1' is not a valid topic name").arg(topic)));
        return;
    }
    post(QStringLiteral("/topic/tombstone"),
         {{QStringLiteral("topic"), topic}, {QStringLiteral("node"), nodeHttpAddress}}, {},
         std::move(done));
}

} // namespace nsq
