#include "lookupd.h"

#include "broker.h"
#include "httpconventions.h"

#include <client/address.h>
#include <protocol/names.h>

#include <QDateTime>
#include <QHostInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QUrlQuery>

#include <optional>
#include <set>

namespace nsq {

namespace {

using http::Method;
using http::Status;

QJsonObject producer(const Broker &b)
{
    const QString broadcast = b.config().effectiveBroadcastAddress();
    return QJsonObject{
        {QStringLiteral("remote_address"), joinHostPort(broadcast, b.tcpPort())},
        {QStringLiteral("hostname"), QHostInfo::localHostName()},
        {QStringLiteral("broadcast_address"), broadcast},
        {QStringLiteral("tcp_port"), int(b.tcpPort())},
        {QStringLiteral("http_port"), int(b.httpPort())},
        {QStringLiteral("version"), b.config().version},
    };
}

// What nsqlookupd checks before any admin verb: POST, and a topic named by the rules. An answer
// when one fails.
std::optional<http::Response> adminRefusal(const http::Request &req, const QString &topic)
{
    if (http::wrongMethod(req, Method::Post))
        return http::methodNotAllowed();
    if (topic.isEmpty())
        return http::error(Status::BadRequest, "MISSING_ARG_TOPIC");
    if (!isValidTopicName(topic))
        return http::error(Status::BadRequest, "INVALID_ARG_TOPIC");
    return std::nullopt;
}

QJsonArray toArray(const std::set<QString> &names)
{
    QJsonArray a;
    for (const QString &n : names)
        a.append(n);
    return a;
}

} // namespace

Lookupd::Lookupd(QObject *parent)
    : QObject(parent),
      // nsqlookupd reads no request bodies; a small one is let through as Go's server would.
      m_server(std::make_unique<http::Server>([](QByteArrayView) {
          return HttpRequestParser::BodyLimit{256 * 1024, "BODY_TOO_BIG"};
      }))
{
    http::Server &s = *m_server;
    http::applyConventions(s);
    s.route(QStringLiteral("/info"), [](const http::Request &req) {
        if (http::wrongMethod(req))
            return http::methodNotAllowed();
        return http::json(QJsonObject{{QStringLiteral("version"), QStringLiteral("1.3.0")}});
    });
    s.route(QStringLiteral("/ping"), [](const http::Request &req) {
        return http::wrongMethod(req) ? http::methodNotAllowed() : http::text("OK");
    });
    s.route(QStringLiteral("/lookup"), [this](const http::Request &req) {
        if (http::wrongMethod(req))
            return http::methodNotAllowed();
        const QString topic = req.query().queryItemValue(QStringLiteral("topic"));
        if (topic.isEmpty())
            return http::error(Status::BadRequest, "MISSING_ARG_TOPIC");
        QJsonArray producers;
        std::set<QString> channels = registeredChannels(topic);
        bool known = m_registeredTopics.count(topic) > 0;
        for (const auto &b : brokers()) {
            const Topic *t = b->topic(topic);
            if (!t)
                continue;
            known = true;
            // A tombstoned node is not given to consumers, as nsqlookupd does.
            if (!tombstoned(topic, *b))
                producers.append(producer(*b));
            for (const auto &c : t->channels)
                channels.insert(c.first);
        }
        if (!known)
            return http::error(Status::NotFound, "TOPIC_NOT_FOUND");
        return http::json(QJsonObject{{QStringLiteral("channels"), toArray(channels)},
                                      {QStringLiteral("producers"), producers}});
    });
    s.route(QStringLiteral("/topics"), [this](const http::Request &req) {
        if (http::wrongMethod(req))
            return http::methodNotAllowed();
        std::set<QString> topics = m_registeredTopics;
        for (const auto &b : brokers())
            for (const auto &t : b->topics())
                topics.insert(t.first);
        return http::json(QJsonObject{{QStringLiteral("topics"), toArray(topics)}});
    });
    s.route(QStringLiteral("/channels"), [this](const http::Request &req) {
        if (http::wrongMethod(req))
            return http::methodNotAllowed();
        const QString topic = req.query().queryItemValue(QStringLiteral("topic"));
        if (topic.isEmpty())
            return http::error(Status::BadRequest, "MISSING_ARG_TOPIC");
        std::set<QString> channels = registeredChannels(topic);
        for (const auto &b : brokers())
            if (const Topic *t = b->topic(topic))
                for (const auto &c : t->channels)
                    channels.insert(c.first);
        return http::json(QJsonObject{{QStringLiteral("channels"), toArray(channels)}});
    });
    // The admin verbs, POST only as nsqlookupd's.
    s.routeWithArg(QStringLiteral("/topic/"),
                   [this](const QString &verb, const http::Request &req) {
                       const QUrlQuery q = req.query();
                       const QString topic = q.queryItemValue(QStringLiteral("topic"));
                       if (verb != QLatin1String("create") && verb != QLatin1String("delete") &&
                           verb != QLatin1String("tombstone"))
                           return http::error(Status::NotFound, "NOT_FOUND");
                       if (auto refused = adminRefusal(req, topic))
                           return std::move(*refused);
                       if (verb == QLatin1String("create")) {
                           m_registeredTopics.insert(topic);
                       } else if (verb == QLatin1String("delete")) {
                           m_registeredTopics.erase(topic);
                           m_registeredChannels.erase(topic);
                       } else {
                           const QString node = q.queryItemValue(QStringLiteral("node"));
                           if (node.isEmpty())
                               return http::error(Status::BadRequest, "MISSING_ARG_NODE");
                           m_tombstones.insert({topic, node}, QDateTime::currentMSecsSinceEpoch() +
                                                                  m_tombstoneLifetimeMs);
                       }
                       return http::empty();
                   });
    s.routeWithArg(
        QStringLiteral("/channel/"), [this](const QString &verb, const http::Request &req) {
            const QUrlQuery q = req.query();
            const QString topic = q.queryItemValue(QStringLiteral("topic"));
            const QString channel = q.queryItemValue(QStringLiteral("channel"));
            if (verb != QLatin1String("create") && verb != QLatin1String("delete"))
                return http::error(Status::NotFound, "NOT_FOUND");
            if (auto refused = adminRefusal(req, topic))
                return std::move(*refused);
            if (channel.isEmpty())
                return http::error(Status::BadRequest, "MISSING_ARG_CHANNEL");
            if (!isValidChannelName(channel))
                return http::error(Status::BadRequest, "INVALID_ARG_CHANNEL");
            if (verb == QLatin1String("create")) {
                m_registeredTopics.insert(topic);
                m_registeredChannels[topic].insert(channel);
            } else {
                const auto reg = m_registeredChannels.find(topic);
                bool known = reg != m_registeredChannels.end() && reg->second.erase(channel) > 0;
                for (const auto &b : brokers())
                    if (const Topic *t = b->topic(topic))
                        known = known || t->channels.count(channel) > 0;
                if (!known)
                    return http::error(Status::NotFound, "CHANNEL_NOT_FOUND");
            }
            return http::empty();
        });
    s.route(QStringLiteral("/nodes"), [this](const http::Request &req) {
        if (http::wrongMethod(req))
            return http::methodNotAllowed();
        QJsonArray producers;
        for (const auto &b : brokers()) {
            QJsonObject p = producer(*b);
            std::set<QString> topics;
            for (const auto &t : b->topics())
                topics.insert(t.first);
            p.insert(QStringLiteral("topics"), toArray(topics));
            QJsonArray tombstones; // one per topic
            for (const QString &t : topics)
                tombstones.append(tombstoned(t, *b));
            p.insert(QStringLiteral("tombstones"), tombstones);
            producers.append(p);
        }
        return http::json(QJsonObject{{QStringLiteral("producers"), producers}});
    });
}

Lookupd::~Lookupd() = default;

QString Lookupd::nodeName(const Broker &b)
{
    return joinHostPort(b.config().effectiveBroadcastAddress(), b.httpPort());
}

std::set<QString> Lookupd::registeredChannels(const QString &topic) const
{
    // Looked up, never inserted: a query for a name must not leave an entry behind.
    const auto it = m_registeredChannels.find(topic);
    return it == m_registeredChannels.end() ? std::set<QString>() : it->second;
}

bool Lookupd::tombstoned(const QString &topic, const Broker &b) const
{
    return m_tombstones.value({topic, nodeName(b)}) > QDateTime::currentMSecsSinceEpoch();
}

void Lookupd::addBroker(Broker *broker)
{
    m_brokers.append(broker);
}

void Lookupd::removeBroker(Broker *broker)
{
    m_brokers.removeAll(broker);
}

QList<QPointer<Broker>> Lookupd::brokers() const
{
    QList<QPointer<Broker>> live;
    for (const auto &b : m_brokers)
        if (b)
            live.append(b);
    return live;
}

quint16 Lookupd::listen(const QHostAddress &address, quint16 port)
{
    m_port = m_server->listen(address, port);
    if (m_port == 0)
        m_error = QStringLiteral("cannot listen for HTTP on %1:%2: %3")
                      .arg(address.toString())
                      .arg(port)
                      .arg(m_server->errorString());
    return m_port;
}

} // namespace nsq
