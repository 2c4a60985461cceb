#include "consumerevents.h"

#include "consumer.h"

#include <QDateTime>
#include <QTimer>

namespace nsq {

using Kind = ConsumerEvent::Kind;

ConsumerEventBatcher::ConsumerEventBatcher(Consumer *consumer, int intervalMs)
    : QObject(consumer), m_timer(new QTimer(this))
{
    qRegisterMetaType<QList<nsq::ConsumerEvent>>();
    m_timer->setSingleShot(true);
    m_timer->setInterval(intervalMs);
    connect(m_timer, &QTimer::timeout, this, &ConsumerEventBatcher::flush);

    // Direct connections: the batcher lives where the consumer lives.
    const auto withAddress = [](Kind kind, const QString &address) {
        ConsumerEvent e;
        e.kind = kind;
        e.address = address;
        return e;
    };
    const auto withId = [](Kind kind, const MessageId &id) {
        ConsumerEvent e;
        e.kind = kind;
        e.id = id;
        return e;
    };
    connect(consumer, &Consumer::connectionStateChanged, this,
            [this, withAddress](const QString &address, Conn::State state) {
                ConsumerEvent e = withAddress(Kind::ConnectionState, address);
                e.state = state;
                add(std::move(e));
            });
    connect(consumer, &Consumer::connected, this, [this, withAddress](const QString &address) {
        add(withAddress(Kind::Connected, address));
    });
    connect(consumer, &Consumer::disconnected, this,
            [this, withAddress](const QString &address, const QString &reason) {
                ConsumerEvent e = withAddress(Kind::Disconnected, address);
                e.text = reason;
                add(std::move(e));
            });
    connect(consumer, &Consumer::errorOccurred, this, [this](const QString &text) {
        ConsumerEvent e;
        e.kind = Kind::Error;
        e.text = text;
        add(std::move(e));
    });
    connect(consumer, &Consumer::messageFinished, this,
            [this, withId](const MessageId &id) { add(withId(Kind::Finished, id)); });
    connect(consumer, &Consumer::messageRequeued, this,
            [this, withId](const MessageId &id, qint64 delayMs) {
                ConsumerEvent e = withId(Kind::Requeued, id);
                e.value = delayMs;
                add(std::move(e));
            });
    connect(consumer, &Consumer::messageTouched, this,
            [this, withId](const MessageId &id) { add(withId(Kind::Touched, id)); });
    connect(consumer, &Consumer::messageTimedOut, this,
            [this, withId](const MessageId &id) { add(withId(Kind::TimedOut, id)); });
    connect(consumer, &Consumer::messageActionFailed, this,
            [this, withId](Conn::MessageAction action, const MessageId &id, const QString &why) {
                ConsumerEvent e = withId(Kind::ActionFailed, id);
                e.action = action;
                e.text = why;
                add(std::move(e));
            });
    connect(consumer, &Consumer::messageFailed, this, [this, withId](const Message &message) {
        ConsumerEvent e = withId(Kind::Failed, message.id);
        e.value = message.attempts;
        e.message = message;
        add(std::move(e));
    });
    connect(consumer, &Consumer::heldMessagesReleased, this,
            [this, withAddress](const QString &address, const QList<MessageId> &ids) {
                ConsumerEvent e = withAddress(Kind::Released, address);
                e.ids = ids;
                add(std::move(e));
            });
    connect(consumer, &Consumer::backoffStarted, this, [this](int level, qint64 ms) {
        ConsumerEvent e;
        e.kind = Kind::BackoffStarted;
        e.value = level;
        e.duration = ms;
        add(std::move(e));
    });
    connect(consumer, &Consumer::backoffContinued, this, [this](int level, qint64 ms) {
        ConsumerEvent e;
        e.kind = Kind::BackoffContinued;
        e.value = level;
        e.duration = ms;
        add(std::move(e));
    });
    connect(consumer, &Consumer::backoffResumed, this, [this](int level) {
        ConsumerEvent e;
        e.kind = Kind::BackoffResumed;
        e.value = level;
        add(std::move(e));
    });
    const auto withText = [this, withAddress](Kind kind, const QString &address,
                                              const QString &text) {
        ConsumerEvent e = withAddress(kind, address);
        e.text = text;
        add(std::move(e));
    };
    connect(consumer, &Consumer::responseReceived, this,
            [withText](const QString &address, const QString &text) {
                withText(Kind::Response, address, text);
            });
    connect(consumer, &Consumer::serverErrorReceived, this,
            [withText](const QString &address, const QString &text) {
                withText(Kind::ServerError, address, text);
            });
    connect(consumer, &Consumer::heartbeatReceived, this,
            [this, withAddress](const QString &address) {
                add(withAddress(Kind::Heartbeat, address));
            });
    connect(consumer, &Consumer::readyChanged, this,
            [this, withAddress](const QString &address, qint64 count) {
                ConsumerEvent e = withAddress(Kind::Ready, address);
                e.value = count;
                add(std::move(e));
            });
    connect(consumer, &Consumer::stopped, this, [this] {
        ConsumerEvent e;
        e.kind = Kind::Stopped;
        add(std::move(e));
        if (!m_sink)
            flush(); // the last word goes out at once
    });
}

void ConsumerEventBatcher::add(ConsumerEvent event)
{
    event.atMs = QDateTime::currentMSecsSinceEpoch();
    if (m_sink) {
        m_sink(std::move(event));
        return;
    }
    m_pending.append(std::move(event));
    if (!m_timer->isActive())
        m_timer->start();
}

void ConsumerEventBatcher::flush()
{
    m_timer->stop();
    if (m_pending.isEmpty())
        return;
    Q_EMIT eventsReady(std::exchange(m_pending, {}));
}

} // namespace nsq
