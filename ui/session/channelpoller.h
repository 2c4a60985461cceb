#pragma once

#include <QObject>
#include <QStringList>
#include <QTimer>

namespace nsqui {

// Asks each nsqd's /stats for one channel every couple of seconds and adds up its depth and
// in-flight count across them, for the plots: the server's side of what the consumer sees.
class ChannelPoller : public QObject
{
    Q_OBJECT
public:
    explicit ChannelPoller(QObject *parent = nullptr);
    // nsqd HTTP addresses; an empty list stops polling.
    void start(const QStringList &httpAddresses, const QString &topic, const QString &channel,
               int intervalMs = 2000);
    void stop();
    QStringList addresses() const { return m_addresses; }

Q_SIGNALS:
    // atMs: when the answers came; answered: how many servers answered (the sums cover them);
    // error: what went wrong with the others.
    void polled(qint64 atMs, int answered, qint64 depth, qint64 inFlight, const QString &error);

private:
    void poll();

    QStringList m_addresses;
    QString m_topic, m_channel;
    QTimer m_timer;
    quint64 m_generation = 0;
    bool m_busy = false;
};

} // namespace nsqui
