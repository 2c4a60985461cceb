#pragma once

#include "conn.h"

#include <QList>
#include <QObject>

#include <functional>

class QTimer;

namespace nsq {

class Consumer;

// One thing that happened in a Consumer, as a value that crosses threads.
struct ConsumerEvent
{
    enum class Kind {
        ConnectionState, // address, state
        Connected,       // address: subscribed
        Disconnected,    // address, text: the reason
        Error,           // text
        Finished,        // id
        Requeued,        // id, value: delay in ms (-1: the default)
        Touched,         // id
        TimedOut,        // id
        ActionFailed,    // id, action, text
        Failed,          // id, value: attempts, message (over max_attempts; finished)
        Released,        // address, ids: held when the connection closed
        BackoffStarted,  // value: level, duration: ms
        BackoffContinued,
        BackoffResumed,
        Response,    // address, text
        ServerError, // address, text
        Heartbeat,   // address
        Ready,       // address, value: the RDY count sent
        Stopped,
    };
    Kind kind = Kind::Error;
    qint64 atMs = 0; // ms since the epoch
    QString address;
    MessageId id;
    qint64 value = 0;
    qint64 duration = 0;
    Conn::State state = Conn::State::Disconnected;
    Conn::MessageAction action = Conn::MessageAction::Finish;
    QString text;
    QList<MessageId> ids;
    Message message; // Failed: the message given up on, whole (it may never have been shown)
};

// Collects a Consumer's signals in the consumer's own thread and hands them on as one batch at
// most every interval: a window watching 100,000 messages per second gets some 60 queued calls a
// second, not one per event. Order is kept. Create it in the consumer's thread (or move it there
// with the consumer: it is the consumer's child).
class ConsumerEventBatcher : public QObject
{
    Q_OBJECT
public:
    explicit ConsumerEventBatcher(Consumer *consumer, int intervalMs = 16);
    void flush();
    // Hands each event to the sink at once instead of batching it here: for a receiver that
    // must keep events in order with the messages its handler gets (both happen in the
    // consumer's thread, in the order the sink sees them).
    void setSink(std::function<void(ConsumerEvent &&)> sink) { m_sink = std::move(sink); }

Q_SIGNALS:
    void eventsReady(const QList<nsq::ConsumerEvent> &events);

private:
    void add(ConsumerEvent event);

    QTimer *m_timer;
    QList<ConsumerEvent> m_pending;
    std::function<void(ConsumerEvent &&)> m_sink;
};

} // namespace nsq

Q_DECLARE_METATYPE(nsq::ConsumerEvent)
