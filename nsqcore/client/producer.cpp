#include "producer.h"

#include "address.h"

#include "conn.h"

#include "../protocol/names.h"

#include <QTimer>

namespace nsq {

Producer::Producer(const QString &address, const Config &config, QObject *parent)
    : QObject(parent), m_config(config)
{
    qRegisterMetaType<nsq::PublishResult>();
    m_addressError = parseHostPort(address, &m_host, &m_port);
}

Producer::~Producer()
{
    if (m_conn)
        m_conn->disconnect(this);
}

quint64 Producer::publish(const QString &topic, const QByteArray &body)
{
    return enqueue({0, Request::Pub, topic, {body}, 0});
}

quint64 Producer::multiPublish(const QString &topic, const QByteArrayList &bodies)
{
    return enqueue({0, Request::Mpub, topic, bodies, 0});
}

quint64 Producer::deferredPublish(const QString &topic, qint64 delayMs, const QByteArray &body)
{
    return enqueue({0, Request::Dpub, topic, {body}, delayMs});
}

quint64 Producer::enqueue(Request r)
{
    r.id = m_nextId++;
    QString refusal;
    if (!m_addressError.isEmpty())
        refusal = m_addressError;
    else if (!isValidTopicName(r.topic))
        refusal = QStringLiteral("'%1' is not a valid topic name").arg(r.topic);
    else if (r.bodies.isEmpty())
        refusal = QStringLiteral("nothing to publish");
    else if (r.kind == Request::Dpub && r.delayMs < 0)
        refusal = QStringLiteral("defer of %1 ms is negative").arg(r.delayMs);
    else
        for (const QByteArray &b : std::as_const(r.bodies))
            if (b.isEmpty())
                refusal = QStringLiteral("empty message bodies are not accepted by nsqd");
    if (!refusal.isEmpty()) {
        // Reported from the event loop, so that a caller can connect to finished() first.
        const quint64 id = r.id;
        QTimer::singleShot(0, this, [this, id, refusal] {
            settle(id, {PublishResult::Status::Refused, refusal});
        });
        return id;
    }
    if (m_conn && m_conn->state() == Conn::State::Connected) {
        send(r);
    } else {
        m_waiting.enqueue(r);
        ensureConnected();
    }
    return r.id;
}

void Producer::ensureConnected()
{
    if (m_conn)
        return;
    m_conn = new Conn(m_config, this);
    connect(m_conn, &Conn::stateChanged, this, [this](Conn::State s) {
        if (s != Conn::State::Connected)
            return;
        while (!m_waiting.isEmpty())
            send(m_waiting.dequeue());
    });
    connect(m_conn, &Conn::responseReceived, this, [this](const QByteArray &data) {
        if (data == "OK" && !m_sent.isEmpty())
            settle(m_sent.dequeue(), {});
    });
    connect(m_conn, &Conn::errorReceived, this, [this](const ServerError &e) {
        if (!m_sent.isEmpty())
            settle(m_sent.dequeue(), {PublishResult::Status::ServerError, e.toString()});
    });
    connect(m_conn, &Conn::closed, this, [this] {
        Conn *conn = m_conn;
        m_conn = nullptr;
        const QString why = conn->error() == Conn::Error::NoError
                                ? QStringLiteral("connection closed")
                                : conn->errorString();
        conn->deleteLater();
        failAll(PublishResult::Status::IoError, why);
    });
    m_conn->connectToNsqd(m_host, m_port);
}

void Producer::send(const Request &r)
{
    m_sent.enqueue(r.id);
    switch (r.kind) {
    case Request::Pub:
        m_conn->publish(r.topic, r.bodies.first());
        break;
    case Request::Mpub:
        m_conn->multiPublish(r.topic, r.bodies);
        break;
    case Request::Dpub:
        m_conn->deferredPublish(r.topic, r.delayMs, r.bodies.first());
        break;
    }
}

void Producer::settle(quint64 id, PublishResult result)
{
    Q_EMIT finished(id, result);
}

void Producer::failAll(PublishResult::Status status, const QString &error)
{
    QList<quint64> ids;
    while (!m_sent.isEmpty())
        ids << m_sent.dequeue();
    while (!m_waiting.isEmpty())
        ids << m_waiting.dequeue().id;
    for (quint64 id : ids)
        settle(id, {status, error});
}

void Producer::close()
{
    if (m_conn)
        m_conn->abort();
}

} // namespace nsq
