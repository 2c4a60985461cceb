#pragma once

#include "../protocol/message.h"

#include <QList>
#include <QMutex>
#include <QObject>

class QTimer;

namespace nsq {

// A message as the consumer received it: from which nsqd, and when.
struct Delivery
{
    Message message;
    QString source;        // the nsqd's address as the consumer dialled it
    qint64 receivedMs = 0; // ms since the epoch
};

// What a Consumer hands each message to. handleMessage() runs on the Consumer's handler threads
// (see Consumer::setHandler); with more than one, it must be thread-safe.
// With auto-response on, true finishes the message and false requeues it (with backoff).
class Handler
{
public:
    virtual ~Handler() = default;
    virtual bool handleMessage(const Message &message) = 0;
    // The same, with the address of the nsqd it came from; by default the address is dropped.
    virtual bool handleDelivery(const Message &message, const QString &source)
    {
        Q_UNUSED(source);
        return handleMessage(message);
    }
};

// For the GUI: collects messages and hands them on in batches, at most every interval, so that
// the receiving thread sees one queued signal per batch, never one per message. Use it with
// auto-response off; the receiver answers each message through Consumer::finish/requeue/touch.
// It never blocks, so it may run inline (concurrency 0); handleMessage() is thread-safe, so it may
// also run on handler threads. The batches are emitted from the thread it lives in.
class BatchingHandler : public QObject, public Handler
{
    Q_OBJECT
public:
    explicit BatchingHandler(int intervalMs = 16, QObject *parent = nullptr);
    bool handleMessage(const Message &message) override;
    bool handleDelivery(const Message &message, const QString &source) override;
    void flush();

Q_SIGNALS:
    void deliveriesReceived(const QList<nsq::Delivery> &deliveries);
    // The same batch without the sources, for receivers that need only the messages.
    void messagesReceived(const QList<nsq::Message> &messages);

private:
    QTimer *m_timer;
    QMutex m_mutex;
    QList<Delivery> m_pending;
};

} // namespace nsq

Q_DECLARE_METATYPE(nsq::Delivery)
