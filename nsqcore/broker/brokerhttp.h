#pragma once

#include <QHostAddress>
#include <QJsonObject>
#include <QObject>

#include <memory>

namespace nsq {

namespace http {
class Server;
}

class Broker;

// nsqd's HTTP API for the embedded broker: /ping, /info, /stats, /pub, /mpub and the topic and
// channel verbs, with nsqd's status codes and error messages.
class BrokerHttp : public QObject
{
    Q_OBJECT
public:
    explicit BrokerHttp(Broker *broker);
    ~BrokerHttp() override;

    // Returns the port, or 0 with errorString() set.
    quint16 listen(const QHostAddress &address, quint16 port);
    QString errorString() const { return m_error; }

    // The /stats document (nsqd's schema), optionally narrowed to one topic and channel.
    // /stats as people read it (nsqd's text layout), from the JSON above.
    static QByteArray statsText(const QJsonObject &stats);
    static QJsonObject stats(const Broker &broker, const QString &topic = {},
                             const QString &channel = {});

private:
    Broker *m_broker;
    std::unique_ptr<http::Server> m_server;
    QString m_error;
};

} // namespace nsq
