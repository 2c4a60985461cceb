#pragma once

#include "config.h"

#include <QByteArrayList>
#include <QObject>
#include <QQueue>

namespace nsq {

class Conn;

struct PublishResult
{
    enum class Status { Ok, ServerError, IoError, Refused };
    Status status = Status::Ok;
    QString error; // the server's error text, the I/O failure, or why it was refused locally
    bool ok() const { return status == Status::Ok; }
};

// Publishes to one nsqd over one connection, opened on demand. Requests are pipelined; nsqd
// answers them in order, so each answer (OK or an error frame) settles the oldest open request.
// Every request ends in exactly one finished() signal.
class Producer : public QObject
{
    Q_OBJECT
public:
    Producer(const QString &address, const Config &config, QObject *parent = nullptr);
    ~Producer() override;

    quint64 publish(const QString &topic, const QByteArray &body);
    quint64 multiPublish(const QString &topic, const QByteArrayList &bodies);
    quint64 deferredPublish(const QString &topic, qint64 delayMs, const QByteArray &body);
    int pendingCount() const { return int(m_waiting.size() + m_sent.size()); }
    void close();

Q_SIGNALS:
    void finished(quint64 id, const nsq::PublishResult &result);

private:
    struct Request
    {
        quint64 id;
        enum Kind { Pub, Mpub, Dpub } kind;
        QString topic;
        QByteArrayList bodies;
        qint64 delayMs = 0;
    };
    quint64 enqueue(Request request);
    void ensureConnected();
    void send(const Request &request);
    void settle(quint64 id, PublishResult result);
    void failAll(PublishResult::Status status, const QString &error);

    QString m_host;
    quint16 m_port = 0;
    QString m_addressError;
    Config m_config;
    Conn *m_conn = nullptr;
    quint64 m_nextId = 1;
    QQueue<Request> m_waiting; // not yet sent: the connection is being opened
    QQueue<quint64> m_sent;    // sent, in order, awaiting their answer
};

} // namespace nsq

Q_DECLARE_METATYPE(nsq::PublishResult)
