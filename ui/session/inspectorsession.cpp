#include "inspectorsession.h"

#include <QElapsedTimer>
#include <QPointer>

namespace nsqui {

namespace {

// Hands each message on in batches, counting what the window has not seen yet: past the high
// water mark the consumer goes to RDY 0 (the window lets it go again once it has caught up).
// Peek: each message is also requeued at once, with no delay, so that the channel's other
// consumers still get it. Runs inline on the consumer's thread.
class WindowHandler : public nsq::BatchingHandler
{
public:
    WindowHandler(nsq::Consumer *consumer, bool peek, std::shared_ptr<FlowGate> gate)
        : nsq::BatchingHandler(16, consumer), m_consumer(consumer), m_peek(peek),
          m_gate(std::move(gate))
    {
    }
    bool handleDelivery(const nsq::Message &message, const QString &source) override
    {
        nsq::BatchingHandler::handleDelivery(message, source);
        nsq::Consumer *c = m_consumer;
        if (++m_gate->unseen > FlowGate::kHighWater && !m_gate->throttled.exchange(true)) {
            ++m_gate->throttles;
            // Queued: the consumer is inside its message delivery right now.
            QMetaObject::invokeMethod(
                c, [c] { c->setMaxInFlight(0); }, Qt::QueuedConnection);
        }
        if (m_peek) {
            const nsq::MessageId id = message.id;
            QMetaObject::invokeMethod(
                c, [c, id] { c->requeue(id, 0); }, Qt::QueuedConnection);
        }
        return true;
    }

private:
    nsq::Consumer *m_consumer;
    bool m_peek;
    std::shared_ptr<FlowGate> m_gate;
};

QString stateWords(nsq::Conn::State state)
{
    using S = nsq::Conn::State;
    switch (state) {
    case S::Disconnected:
        return QStringLiteral("closed");
    case S::Connecting:
        return QStringLiteral("connecting");
    case S::Identifying:
        return QStringLiteral("identifying");
    case S::UpgradingTls:
        return QStringLiteral("TLS handshake");
    case S::UpgradingCompression:
        return QStringLiteral("starting compression");
    case S::Authenticating:
        return QStringLiteral("AUTH");
    case S::Connected:
        return QStringLiteral("subscribed");
    case S::Closing:
        return QStringLiteral("closing");
    }
    return {};
}

} // namespace

InspectorSession::InspectorSession(QObject *parent) : QObject(parent)
{
    m_drainTimer.setSingleShot(true);
    connect(&m_drainTimer, &QTimer::timeout, this, &InspectorSession::drain);
    qRegisterMetaType<nsq::ConsumerStats>();
    qRegisterMetaType<QList<nsq::Delivery>>();
    qRegisterMetaType<QList<nsq::ConsumerEvent>>();
}

InspectorSession::~InspectorSession()
{
    // Closing the window mid-session: the consumer is torn down in its thread; held messages go
    // back to nsqd when their connections close.
    m_thread.reset();
}

template <typename F> void InspectorSession::post(F &&f)
{
    if (m_thread)
        m_thread->post(std::forward<F>(f));
}

QStringList InspectorSession::start(const SessionSettings &settings)
{
    if (m_thread)
        return {QStringLiteral("already connected; disconnect first")};
    QStringList problems = settings.validate();
    if (!problems.isEmpty())
        return problems;
    m_settings = settings;
    m_channel = settings.effectiveChannel();
    m_stopping = false;
    m_paused = false;

    nsq::Config config = settings.config;
    config.maxInFlight = settings.maxInFlight;
    // An inspector never finishes a message on its own: past max_attempts a message is still
    // shown and left to the user (Peek adds an attempt per look).
    config.maxAttempts = 0;
    auto *consumer = new nsq::Consumer(settings.topic, m_channel, config);
    problems = consumer->validate();
    if (!problems.isEmpty()) {
        delete consumer;
        return problems;
    }
    m_gate = std::make_shared<FlowGate>();
    auto *handler = new WindowHandler(consumer, settings.mode == Mode::Peek, m_gate);
    consumer->setHandler(handler, 0); // it never blocks
    consumer->setAutoResponse(settings.mode == Mode::Tail);
    auto *events = new nsq::ConsumerEventBatcher(consumer);
    connect(handler, &nsq::BatchingHandler::deliveriesReceived, this,
            &InspectorSession::enqueueDeliveries, Qt::QueuedConnection);
    connect(events, &nsq::ConsumerEventBatcher::eventsReady, this, &InspectorSession::enqueueEvents,
            Qt::QueuedConnection);
    connect(consumer, &nsq::Consumer::statsUpdated, this, &InspectorSession::statsUpdated,
            Qt::QueuedConnection);
    m_consumer = consumer;
    m_thread = std::make_unique<nsq::ConsumerThread>(consumer);

    const QStringList nsqds = settings.nsqdAddresses;
    const QStringList lookupds = settings.lookupdAddresses;
    post([consumer, nsqds, lookupds] {
        for (const QString &a : nsqds)
            consumer->connectToNsqd(a);
        for (const QString &a : lookupds)
            consumer->connectToLookupd(a);
    });
    Q_EMIT logged(QStringLiteral("connecting to %1 for topic %2, channel %3 (%4 mode)")
                      .arg((nsqds + lookupds).join(QStringLiteral(", ")), settings.topic, m_channel,
                           modeName(settings.mode)),
                  false);
    Q_EMIT started();
    return {};
}

void InspectorSession::stop()
{
    if (!m_thread || m_stopping)
        return;
    m_stopping = true;
    nsq::Consumer *c = m_consumer;
    const bool holds = m_settings.mode != Mode::Tail;
    post([c, holds] {
        if (holds)
            c->stopReleasingHeld(); // back to the channel now, not at their msg_timeout
        else
            c->stop();
    });
    Q_EMIT logged(holds ? QStringLiteral("disconnecting: held messages go back to the channel "
                                         "(REQ 0)")
                        : QStringLiteral("disconnecting"),
                  false);
}

void InspectorSession::finishStopping()
{
    m_queue.clear();
    m_queuedDeliveries = 0;
    m_drainTimer.stop();
    m_thread.reset();
    m_consumer = nullptr;
    m_stopping = false;
    Q_EMIT logged(QStringLiteral("disconnected"), false);
    Q_EMIT stopped();
}

void InspectorSession::finish(const QList<nsq::MessageId> &ids)
{
    nsq::Consumer *c = m_consumer;
    post([c, ids] {
        for (const nsq::MessageId &id : ids)
            c->finish(id);
    });
}

void InspectorSession::requeue(const QList<nsq::MessageId> &ids, qint64 delayMs)
{
    nsq::Consumer *c = m_consumer;
    post([c, ids, delayMs] {
        for (const nsq::MessageId &id : ids)
            c->requeue(id, delayMs);
    });
}

void InspectorSession::touch(const QList<nsq::MessageId> &ids)
{
    nsq::Consumer *c = m_consumer;
    post([c, ids] {
        for (const nsq::MessageId &id : ids)
            c->touch(id);
    });
}

void InspectorSession::enqueueDeliveries(const QList<nsq::Delivery> &deliveries)
{
    m_queue.push_back(Batch{deliveries, {}});
    m_queuedDeliveries += deliveries.size();
    scheduleDrain();
}

void InspectorSession::enqueueEvents(const QList<nsq::ConsumerEvent> &events)
{
    m_queue.push_back(Batch{{}, events}); // in order with the deliveries they speak of
    scheduleDrain();
}

void InspectorSession::scheduleDrain()
{
    if (!m_drainTimer.isActive())
        m_drainTimer.start(0);
}

void InspectorSession::drain()
{
    // A time budget per turn of the event loop: timers, input and painting get their turn
    // between slices however fast messages come.
    QElapsedTimer budget;
    budget.start();
    while (!m_queue.empty() && budget.elapsed() < kBudgetMs) {
        Batch &front = m_queue.front();
        if (!front.deliveries.isEmpty()) {
            const qsizetype n = qMin<qsizetype>(front.deliveries.size(), kSlice);
            QList<nsq::Delivery> slice = n == front.deliveries.size()
                                             ? std::exchange(front.deliveries, {})
                                             : front.deliveries.first(n);
            if (!front.deliveries.isEmpty())
                front.deliveries.remove(0, n);
            m_queuedDeliveries -= slice.size();
            m_gate->unseen -= slice.size();
            Q_EMIT deliveriesArrived(slice);
            if (!front.deliveries.isEmpty())
                continue;
        }
        const QList<nsq::ConsumerEvent> events = std::move(front.events);
        m_queue.pop_front();
        if (!events.isEmpty())
            onEvents(events);
        if (!m_thread)
            return; // stopped: the queue went with it
    }
    // Faster than the window takes them (Tail, Peek), the handler put the consumer at RDY 0:
    // what is consumed is what is shown, and memory stays flat. Caught up: on again.
    if (m_gate && m_gate->throttled && m_gate->unseen < FlowGate::kLowWater) {
        m_gate->throttled = false;
        applyReady();
    }
    if (!m_queue.empty())
        m_drainTimer.start(0);
}

void InspectorSession::applyReady()
{
    nsq::Consumer *c = m_consumer;
    const int count = (m_paused || (m_gate && m_gate->throttled)) ? 0 : m_settings.maxInFlight;
    post([c, count] { c->setMaxInFlight(count); });
}

void InspectorSession::setMaxInFlight(int count)
{
    m_settings.maxInFlight = count;
    if (m_paused || (m_gate && m_gate->throttled))
        return; // applied on resume
    nsq::Consumer *c = m_consumer;
    post([c, count] { c->setMaxInFlight(count); });
}

void InspectorSession::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    applyReady();
    Q_EMIT logged(paused ? QStringLiteral("paused: RDY 0 on every connection")
                         : QStringLiteral("resumed: max in flight %1").arg(m_settings.maxInFlight),
                  false);
}

void InspectorSession::onEvents(const QList<nsq::ConsumerEvent> &events)
{
    using K = nsq::ConsumerEvent::Kind;
    bool stoppedNow = false;
    for (const nsq::ConsumerEvent &e : events) {
        switch (e.kind) {
        case K::ConnectionState:
            if (e.state != nsq::Conn::State::Connected && e.state != nsq::Conn::State::Disconnected)
                Q_EMIT logged(QStringLiteral("%1: %2").arg(e.address, stateWords(e.state)), false);
            break;
        case K::Connected:
            Q_EMIT logged(QStringLiteral("%1: subscribed to %2/%3")
                              .arg(e.address, m_settings.topic, m_channel),
                          false);
            break;
        case K::Disconnected:
            Q_EMIT logged(QStringLiteral("%1: closed (%2)").arg(e.address, e.text),
                          e.text != QLatin1String("closed"));
            break;
        case K::Error:
            Q_EMIT logged(e.text, true);
            break;
        case K::ActionFailed:
            Q_EMIT logged(e.text, true);
            break;
        case K::Released:
            Q_EMIT logged(QStringLiteral("%1: %2 held messages lost with the connection; nsqd "
                                         "delivers them again after their msg_timeout")
                              .arg(e.address)
                              .arg(e.ids.size()),
                          true);
            break;
        case K::BackoffStarted:
            Q_EMIT logged(QStringLiteral("backoff level %1 for %2 ms").arg(e.value).arg(e.duration),
                          false);
            break;
        case K::BackoffResumed:
            Q_EMIT logged(QStringLiteral("backoff over"), false);
            break;
        case K::Failed:
            Q_EMIT logged(QStringLiteral("message %1 passed max_attempts (%2): finished")
                              .arg(e.id.toString())
                              .arg(e.value),
                          true);
            break;
        case K::Stopped:
            stoppedNow = true;
            break;
        default:
            break;
        }
    }
    Q_EMIT eventsArrived(events);
    if (stoppedNow && m_thread)
        finishStopping();
}

} // namespace nsqui
