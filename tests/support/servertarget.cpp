#include "servertarget.h"

#include <QUrl>

#include <client/address.h>

#include <QJsonArray>
#include <QRandomGenerator>

QString ServerTarget::start()
{
    const QString tcp = qEnvironmentVariable("NSQD_TCP_ADDRESS");
    if (!tcp.isEmpty()) {
        const QString error = nsq::parseHostPort(tcp, &m_host, &m_port);
        if (!error.isEmpty())
            return QStringLiteral("NSQD_TCP_ADDRESS: ") + error;
        const QString http = qEnvironmentVariable("NSQD_HTTP_ADDRESS");
        if (http.isEmpty())
            return QStringLiteral("NSQD_TCP_ADDRESS needs NSQD_HTTP_ADDRESS as well");
        m_http = std::make_unique<TestHttp>(QStringLiteral("http://") + http);
        const QString lookup = qEnvironmentVariable("NSQLOOKUPD_HTTP_ADDRESS");
        if (!lookup.isEmpty())
            m_lookup = std::make_unique<TestHttp>(QStringLiteral("http://") + lookup);
        return {};
    }
    m_broker = std::make_unique<nsq::Broker>();
    const QString error = m_broker->start();
    if (!error.isEmpty())
        return error;
    m_host = QStringLiteral("127.0.0.1");
    m_port = m_broker->tcpPort();
    m_http =
        std::make_unique<TestHttp>(QStringLiteral("http://127.0.0.1:%1").arg(m_broker->httpPort()));
    m_lookupd = std::make_unique<nsq::Lookupd>();
    m_lookupd->addBroker(m_broker.get());
    if (m_lookupd->listen() == 0)
        return m_lookupd->errorString();
    m_lookup = std::make_unique<TestHttp>(
        QStringLiteral("http://127.0.0.1:%1").arg(m_lookupd->httpPort()));
    return {};
}

QString ServerTarget::describe() const
{
    if (isReal())
        return QStringLiteral("nsqd at %1 / %2, nsqlookupd at %3")
            .arg(tcpAddress(), m_http->base(),
                 m_lookup ? m_lookup->base() : QStringLiteral("(none: lookupd cases fail)"));
    return QStringLiteral("embedded broker on ports %1 (tcp) %2 (http), lookupd %3")
        .arg(m_port)
        .arg(m_broker->httpPort())
        .arg(m_lookupd->httpPort());
}

QString ServerTarget::freshName(const char *prefix)
{
    return QStringLiteral("%1-%2")
        .arg(QLatin1String(prefix))
        .arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'));
}

QJsonObject ServerTarget::topicStats(const QString &topic)
{
    const QJsonObject stats =
        m_http
            ->get(QStringLiteral("/stats?format=json&topic=%1")
                      .arg(QString::fromLatin1(QUrl::toPercentEncoding(topic))))
            .json();
    for (const auto &t : stats.value(QLatin1String("topics")).toArray())
        if (t.toObject().value(QLatin1String("topic_name")).toString() == topic)
            return t.toObject();
    return {};
}

QJsonObject ServerTarget::channelStats(const QString &topic, const QString &channel)
{
    for (const auto &c : topicStats(topic).value(QLatin1String("channels")).toArray())
        if (c.toObject().value(QLatin1String("channel_name")).toString() == channel)
            return c.toObject();
    return {};
}

bool ServerTarget::publish(const QString &topic, const QByteArray &body, qint64 deferMs)
{
    QString path = QStringLiteral("/pub?topic=%1").arg(topic);
    if (deferMs > 0)
        path += QStringLiteral("&defer=%1").arg(deferMs);
    return m_http->post(path, body).status == 200;
}

bool ServerTarget::publishMany(const QString &topic, const QByteArrayList &bodies)
{
    return m_http->post(QStringLiteral("/mpub?topic=%1").arg(topic), bodies.join('\n')).status ==
           200;
}
