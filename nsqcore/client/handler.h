#pragma once

#include "../protocol/message.h"

#include <QList>
#include <QObject>

class QTimer;

namespace nsq {

// What a Consumer hands each message to. handleMessage() runs on the Consumer's thread when the
// concurrency is 1, otherwise on one of N pool threads; it must be thread-safe in that case.
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
// Lives in the Consumer's thread.
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
    QList<Message> m_pending;
};

} // namespace nsq
