#pragma once

#include <QString>
#include <QThread>

namespace nsq {
class Broker;
class DemoTraffic;
} // namespace nsq

namespace nsqui {

// Demo mode's server: the embedded NSQ-compatible broker with demo traffic, on loopback, in a
// thread of its own so that the window's event loop never serves it.
class DemoBroker
{
public:
    explicit DemoBroker(int messagesPerSecond = 10);
    ~DemoBroker();
    // Listens on free loopback ports; an empty string, or why not.
    QString start();
    QString tcpAddress() const { return m_tcpAddress; }
    QString httpAddress() const { return m_httpAddress; }
    static QString topic() { return QStringLiteral("events"); }
    // Demo mode shares the desktop with the window: its broker holds at most this many bytes of
    // messages, and says so when a publish would pass it.
    static constexpr qint64 kDemoMemoryBytes = qint64(256) << 20;

private:
    QThread m_thread;
    QObject *m_context = nullptr; // lives in m_thread; parent of the broker and the traffic
    nsq::Broker *m_broker = nullptr;
    nsq::DemoTraffic *m_traffic = nullptr;
    int m_rate;
    QString m_tcpAddress, m_httpAddress;
};

} // namespace nsqui
