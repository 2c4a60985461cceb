#pragma once

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>

#include <memory>

class QHttpServer;

namespace nsq {

class Broker;

// The nsqlookupd role for brokers of the same process: /ping, /lookup, /topics, /channels, /nodes,
// answered from what the registered brokers hold right now (nsqd registers with lookupd; here the
// registration is direct).
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

private:
    QList<QPointer<Broker>> brokers() const;

    std::unique_ptr<QHttpServer> m_server;
    QList<QPointer<Broker>> m_brokers;
    quint16 m_port = 0;
    QString m_error;
};

} // namespace nsq
