#include "lookupd.h"

#include "broker.h"
#include "httpconventions.h"
#include "httprequestguard.h"

#include <client/address.h>

#include <QHostInfo>
#include <QHttpServer>
#include <QJsonArray>
#include <QJsonObject>
#include <QUrlQuery>

#include <set>

namespace nsq {

namespace {

using Status = QHttpServerResponse::StatusCode;

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

QJsonArray toArray(const std::set<QString> &names)
{
    QJsonArray a;
    for (const QString &n : names)
        a.append(n);
    return a;
}

} // namespace

Lookupd::Lookupd(QObject *parent) : QObject(parent), m_server(std::make_unique<QHttpServer>())
{
    QHttpServer &s = *m_server;
    http::applyConventions(s);
    s.route(QStringLiteral("/info"), [](const QHttpServerRequest &req) {
        if (http::wrongMethod(req))
            return http::methodNotAllowed();
        return http::json(QJsonObject{{QStringLiteral("version"), QStringLiteral("1.3.0")}});
    });
    s.route(QStringLiteral("/ping"), [](const QHttpServerRequest &req) {
        return http::wrongMethod(req) ? http::methodNotAllowed() : http::text("OK");
    });
    s.route(QStringLiteral("/lookup"), [this](const QHttpServerRequest &req) {
        if (http::wrongMethod(req))
            return http::methodNotAllowed();
        const QString topic = req.query().queryItemValue(QStringLiteral("topic"));
        if (topic.isEmpty())
            return http::error(Status::BadRequest, "MISSING_ARG_TOPIC");
        QJsonArray producers;
        std::set<QString> channels;
        for (const auto &b : brokers()) {
            const Topic *t = b->topic(topic);
            if (!t)
                continue;
            producers.append(producer(*b));
            for (const auto &c : t->channels)
                channels.insert(c.first);
        }
        if (producers.isEmpty())
            return http::error(Status::NotFound, "TOPIC_NOT_FOUND");
        return http::json(QJsonObject{{QStringLiteral("channels"), toArray(channels)},
                                      {QStringLiteral("producers"), producers}});
    });
    s.route(QStringLiteral("/topics"), [this](const QHttpServerRequest &req) {
        if (http::wrongMethod(req))
            return http::methodNotAllowed();
        std::set<QString> topics;
        for (const auto &b : brokers())
            for (const auto &t : b->topics())
                topics.insert(t.first);
        return http::json(QJsonObject{{QStringLiteral("topics"), toArray(topics)}});
    });
    s.route(QStringLiteral("/channels"), [this](const QHttpServerRequest &req) {
        if (http::wrongMethod(req))
            return http::methodNotAllowed();
        const QString topic = req.query().queryItemValue(QStringLiteral("topic"));
        if (topic.isEmpty())
            return http::error(Status::BadRequest, "MISSING_ARG_TOPIC");
        std::set<QString> channels;
        for (const auto &b : brokers())
            if (const Topic *t = b->topic(topic))
                for (const auto &c : t->channels)
                    channels.insert(c.first);
        return http::json(QJsonObject{{QStringLiteral("channels"), toArray(channels)}});
    });
    s.route(QStringLiteral("/nodes"), [this](const QHttpServerRequest &req) {
        if (http::wrongMethod(req))
            return http::methodNotAllowed();
        QJsonArray producers;
        for (const auto &b : brokers()) {
            QJsonObject p = producer(*b);
            std::set<QString> topics;
            for (const auto &t : b->topics())
                topics.insert(t.first);
            p.insert(QStringLiteral("topics"), toArray(topics));
            QJsonArray tombstones; // one per topic; nothing is tombstoned here
            for (size_t i = 0; i < topics.size(); ++i)
                tombstones.append(false);
            p.insert(QStringLiteral("tombstones"), tombstones);
            producers.append(p);
        }
        return http::json(QJsonObject{{QStringLiteral("producers"), producers}});
    });
}

Lookupd::~Lookupd() = default;

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
    // nsqlookupd reads no request bodies; a small one is let through as Go's server would.
    auto *guard = new HttpRequestGuard([](QByteArrayView) {
        return HttpRequestFramer::BodyLimit{1024 * 1024, "BODY_TOO_BIG"};
    });
    m_port = guard->serve(m_server.get(), address, port) ? guard->serverPort() : 0;
    if (m_port == 0) {
        m_error = QStringLiteral("cannot listen for HTTP on %1:%2: %3")
                      .arg(address.toString())
                      .arg(port)
                      .arg(guard->errorString());
        delete guard;
    }
    return m_port;
}

} // namespace nsq
