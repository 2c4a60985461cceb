#pragma once

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>

#include <map>
#include <memory>
#include <set>

namespace nsq {

namespace http {
class Server;
}

class Broker;

// The nsqlookupd role for brokers of the same process: /ping, /info, /lookup, /topics, /channels,
// /nodes, answered from what the registered brokers hold right now (nsqd registers with lookupd;
// here the registration is direct), and the admin verbs topic/create, topic/delete,
// channel/create, channel/delete and topic/tombstone.
class Lookupd : public QObject
{
    Q_OBJECT
public:
    explicit Lookupd(QObject *parent = nullptr);
    ~Lookupd() override;

    void addBroker(Broker *broker);
    void removeBroker(Broker *broker);
    // Returns the port, or 0 with errorString() set.
    quint16 listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    quint16 httpPort() const { return m_port; }
    QString errorString() const { return m_error; }

    // How long a tombstone hides a node from /lookup (nsqlookupd's --tombstone-lifetime).
    void setTombstoneLifetime(int ms) { m_tombstoneLifetimeMs = ms; }

private:
    QList<QPointer<Broker>> brokers() const;
    static QString nodeName(const Broker &b);
    bool tombstoned(const QString &topic, const Broker &b) const;
    std::set<QString> registeredChannels(const QString &topic) const;

    std::unique_ptr<http::Server> m_server;
    QList<QPointer<Broker>> m_brokers;
    quint16 m_port = 0;
    QString m_error;
    // (topic, node "broadcast:http_port") -> until when (ms since the epoch)
    QHash<QPair<QString, QString>, qint64> m_tombstones;
    int m_tombstoneLifetimeMs = 45000;
    std::set<QString> m_registeredTopics;                      // created through this API
    std::map<QString, std::set<QString>> m_registeredChannels; // the same, per topic
};

} // namespace nsq
