#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QRandomGenerator>

class QTimer;

namespace nsq {

class Broker;

// Publishes realistic mixed traffic into a broker: JSON events, log lines, binary blobs and now
// and then a large body, spread over a few topics at a steady rate. For demo mode and benchmarks.
class DemoTraffic : public QObject
{
    Q_OBJECT
public:
    DemoTraffic(Broker *broker, int messagesPerSecond, QObject *parent = nullptr);

    static QStringList topics();
    void start();
    void stop();
    quint64 published() const { return m_published; }
    // One payload for the given topic; public so tests and benchmarks can look at the mix.
    QByteArray makePayload(const QString &topic);

Q_SIGNALS:
    // A publish failed (topic full, say); the generator keeps going.
    void publishFailed(const QString &reason);

private:
    void onTick();

    Broker *m_broker;
    QTimer *m_timer;
    int m_rate;
    QElapsedTimer m_clock;
    qint64 m_sent = 0; // publishes attempted since start()
    quint64 m_published = 0;
    quint64 m_sequence = 0;
    QRandomGenerator m_rng{20261124};
};

} // namespace nsq
