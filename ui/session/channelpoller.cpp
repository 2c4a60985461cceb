#include "channelpoller.h"

#include <http/httpclients.h>

#include <QDateTime>

#include <memory>

namespace nsqui {

ChannelPoller::ChannelPoller(QObject *parent) : QObject(parent)
{
    connect(&m_timer, &QTimer::timeout, this, &ChannelPoller::poll);
}

void ChannelPoller::start(const QStringList &httpAddresses, const QString &topic,
                          const QString &channel, int intervalMs)
{
    ++m_generation;
    m_busy = false;
    m_addresses = httpAddresses;
    m_topic = topic;
    m_channel = channel;
    if (httpAddresses.isEmpty()) {
        m_timer.stop();
        return;
    }
    m_timer.start(intervalMs);
    poll();
}

void ChannelPoller::stop()
{
    ++m_generation;
    m_busy = false;
    m_timer.stop();
}

void ChannelPoller::poll()
{
    if (m_busy)
        return; // a slow server: one question at a time
    m_busy = true;
    struct Sum
    {
        int pending = 0;
        qint64 depth = 0, inFlight = 0;
        QStringList errors;
    };
    auto sum = std::make_shared<Sum>();
    sum->pending = int(m_addresses.size());
    const quint64 generation = m_generation;
    for (const QString &a : std::as_const(m_addresses)) {
        auto *client = new nsq::NsqdHttpClient(a, this);
        client->setTimeout(1500);
        client->stats(m_topic, m_channel, [this, client, sum, generation](auto r) {
            client->deleteLater();
            if (generation != m_generation)
                return;
            if (r.ok()) {
                for (const nsq::TopicStats &t : r.value().topics)
                    if (t.name == m_topic)
                        for (const nsq::ChannelStats &c : t.channels)
                            if (c.name == m_channel) {
                                sum->depth += c.depth;
                                sum->inFlight += c.inFlightCount;
                            }
            } else {
                sum->errors << r.error();
            }
            if (--sum->pending > 0)
                return;
            m_busy = false;
            Q_EMIT polled(QDateTime::currentMSecsSinceEpoch(),
                          int(m_addresses.size() - sum->errors.size()), sum->depth, sum->inFlight,
                          sum->errors.join(QStringLiteral("; ")));
        });
    }
}

} // namespace nsqui
