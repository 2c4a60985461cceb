#pragma once

#include "../protocol/message.h"

#include <QList>
#include <QMutex>
#include <QObject>

class QTimer;

namespace nsq {

// What a Consumer hands each message to. handleMessage() runs on the Consumer's handler threads
// (see Consumer::setHandler); with more than one, it must be thread-safe.
// With auto-response on, true finishes the message and false requeues it (with backoff).
class Handler
{
public:
    virtual ~Handler() = default;
    virtual bool handleMessage(const Message &message) = 0;
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
    void flush();

Q_SIGNALS:
    void messagesReceived(const QList<nsq::Message> &messages);

private:
    QTimer *m_timer;
    QMutex m_mutex;
    QList<Message> m_pending;
};

} // namespace nsq
