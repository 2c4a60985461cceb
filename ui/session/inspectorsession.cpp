#include "inspectorsession.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QPointer>

namespace nsqui {

namespace {

// The window's view of the consumer, in the consumer's thread: messages (from the handler, run
// inline) and events (from the consumer's signals) in one list, in the order they happened, handed
// to the session as one batch at most every 16 ms. Two separate batches could overtake each
// other: a redelivery would then be marked with its earlier delivery's timeout.
// It counts what the window has not taken yet: past the high water mark the consumer goes to
// RDY 0 (the session lets it go again once the window has caught up).
// Peek: each message is also requeued at once, with no delay, so that the channel's other
// consumers still get it.
class WindowHandler : public QObject, public nsq::Handler
{
public:
    WindowHandler(nsq::Consumer *consumer, InspectorSession *session, quint64 generation, bool peek,
                  std::shared_ptr<FlowGate> gate)
        : QObject(consumer), m_consumer(consumer), m_session(session), m_generation(generation),
          m_peek(peek), m_gate(std::move(gate))
    {
        // A child, so that it moves to the consumer's thread with the consumer.
        m_timer = new QTimer(this);
        m_timer->setSingleShot(true);
        m_timer->setInterval(16);
        connect(m_timer, &QTimer::timeout, this, &WindowHandler::flush);
    }
    bool handleMessage(const nsq::Message &message) override
    {
        return handleDelivery(message, QString());
    }
    bool handleDelivery(const nsq::Message &message, const QString &source) override
    {
        if (m_feed.isEmpty() || !m_feed.last().events.isEmpty())
            m_feed.append(FeedSegment());
        m_feed.last().deliveries.append(
            nsq::Delivery{message, source, QDateTime::currentMSecsSinceEpoch()});
        if (m_tail) {
            // Where each message came from, until its FIN is counted for that connection.
            if (m_sources.size() > 1000000)
                m_sources.clear(); // only if FINs stopped being reported: keep it bounded
            m_sources.insert(message.id, source);
        }
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
        if (!m_timer->isActive())
            m_timer->start();
        return true;
    }
    // Tail: a message is finished on arrival and the window shows it so; its Finished event
    // would only split the feed into one-message pieces.
    void setTail(bool tail) { m_tail = tail; }
    void addEvent(nsq::ConsumerEvent &&event)
    {
        using K = nsq::ConsumerEvent::Kind;
        if (m_tail && event.kind == K::Finished) {
            if (m_feed.isEmpty())
                m_feed.append(FeedSegment());
            ++m_feed.last().finishedUnlisted[m_sources.take(event.id)];
            if (!m_timer->isActive())
                m_timer->start();
            return;
        }
        if (m_tail && (event.kind == K::Released || event.kind == K::TimedOut)) {
            m_sources.remove(event.id);
            for (const nsq::MessageId &id : std::as_const(event.ids))
                m_sources.remove(id);
        }
        const bool last = event.kind == nsq::ConsumerEvent::Kind::Stopped;
        if (m_feed.isEmpty() || !m_feed.last().deliveries.isEmpty())
            m_feed.append(FeedSegment());
        m_feed.last().events.append(std::move(event));
        if (last)
            flush(); // the last word goes out at once
        else if (!m_timer->isActive())
            m_timer->start();
    }
    void flush()
    {
        m_timer->stop();
        if (m_feed.isEmpty())
            return;
        InspectorSession *session = m_session;
        QMetaObject::invokeMethod(
            session,
            [session, generation = m_generation, feed = std::exchange(m_feed, {})] {
                session->enqueue(generation, feed);
            },
            Qt::QueuedConnection);
    }

private:
    nsq::Consumer *m_consumer;
    InspectorSession *m_session; // lives in the GUI thread; only posted to
    quint64 m_generation;
    bool m_peek;
    bool m_tail = false;
    QHash<nsq::MessageId, QString> m_sources; // Tail: delivered, FIN not yet reported
    std::shared_ptr<FlowGate> m_gate;
    QTimer *m_timer;
    QList<FeedSegment> m_feed;
};

} // namespace

QString connectionStateWords(nsq::Conn::State state)
{
    using S = nsq::Conn::State;
    switch (state) {
    case S::Disconnected:
        return InspectorSession::tr("closed");
    case S::Connecting:
        return InspectorSession::tr("connecting");
    case S::Identifying:
        return InspectorSession::tr("identifying");
    case S::UpgradingTls:
        return InspectorSession::tr("TLS handshake");
    case S::UpgradingCompression:
        return InspectorSession::tr("starting compression");
    case S::Authenticating:
        return InspectorSession::tr("AUTH");
    case S::Connected:
        return InspectorSession::tr("subscribed");
    case S::Closing:
        return InspectorSession::tr("closing");
    }
    return {};
}

InspectorSession::InspectorSession(QObject *parent) : QObject(parent)
{
    m_drainTimer.setSingleShot(true);
    connect(&m_drainTimer, &QTimer::timeout, this, &InspectorSession::drain);
    qRegisterMetaType<nsq::ConsumerStats>();
    qRegisterMetaType<QList<nsq::Delivery>>();
    qRegisterMetaType<QList<nsq::ConsumerEvent>>();
    qRegisterMetaType<QList<nsq::TraceEntry>>();
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
        return {tr("already connected; disconnect first")};
    QStringList problems = settings.validate();
    if (!problems.isEmpty())
        return problems;
    m_settings = settings;
    m_channel = settings.effectiveChannel();
    m_stopping = false;
    m_paused = false;

    nsq::Config config = settings.config;
    config.maxInFlight = settings.maxInFlight;
    // An inspector finishes a message on its own only when told to give up after N attempts:
    // otherwise it is still shown and left to the user. Never in Peek, which promises to leave
    // every message in the channel, and adds an attempt at each look.
    config.maxAttempts = settings.mode == Mode::Peek ? 0 : settings.giveUpAfter;
    auto *consumer = new nsq::Consumer(settings.topic, m_channel, config);
    problems = consumer->validate();
    if (!problems.isEmpty()) {
        delete consumer;
        return problems;
    }
    m_gate = std::make_shared<FlowGate>();
    auto *handler =
        new WindowHandler(consumer, this, ++m_generation, settings.mode == Mode::Peek, m_gate);
    handler->setTail(settings.mode == Mode::Tail);
    consumer->setHandler(handler, 0); // inline: it never blocks, and keeps the feed in order
    consumer->setAutoResponse(settings.mode == Mode::Tail);
    auto *events = new nsq::ConsumerEventBatcher(consumer);
    events->setSink([handler](nsq::ConsumerEvent &&e) { handler->addEvent(std::move(e)); });
    connect(consumer, &nsq::Consumer::statsUpdated, this, &InspectorSession::statsUpdated,
            Qt::QueuedConnection);
    m_traceBatcher = new nsq::TraceBatcher(consumer);
    m_traceBatcher->setCollecting(m_traceOn);
    connect(
        m_traceBatcher, &nsq::TraceBatcher::framesReady, this,
        [this, generation = m_generation](const QList<nsq::TraceEntry> &frames, qint64 dropped) {
            if (generation == m_generation && m_traceOn)
                Q_EMIT traceArrived(frames, dropped);
        },
        Qt::QueuedConnection);
    if (!m_traceFile.isEmpty()) {
        auto *file = new QFile(m_traceFile);
        if (file->open(QIODevice::WriteOnly | QIODevice::Append)) {
            auto *writer = new nsq::TraceFileWriter(consumer, file);
            connect(
                writer, &nsq::TraceFileWriter::writeFailed, this,
                [this](const QString &why) {
                    Q_EMIT logged(tr("trace file %1: %2").arg(m_traceFile, why), true);
                },
                Qt::QueuedConnection);
        } else {
            Q_EMIT logged(tr("trace file %1: %2").arg(m_traceFile, file->errorString()), true);
            delete file;
        }
    }
    consumer->setTraceEnabled(m_traceOn || !m_traceFile.isEmpty());
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
    if (settings.mode == Mode::Peek && settings.giveUpAfter > 0)
        Q_EMIT logged(tr("Give up after %1 attempts is off in Peek mode: Peek leaves every "
                         "message in the channel")
                          .arg(settings.giveUpAfter),
                      false);
    Q_EMIT logged(tr("connecting to %1 for topic %2, channel %3 (%4 mode)")
                      .arg((nsqds + lookupds).join(QStringLiteral(", ")), settings.topic, m_channel,
                           modeName(settings.mode)),
                  false);
    Q_EMIT started();
    return {};
}

void InspectorSession::setTraceEnabled(bool on)
{
    if (on == m_traceOn)
        return;
    m_traceOn = on;
    nsq::Consumer *c = m_consumer;
    nsq::TraceBatcher *b = m_traceBatcher;
    const bool wire = on || !m_traceFile.isEmpty();
    post([c, b, on, wire] {
        b->setCollecting(on);
        c->setTraceEnabled(wire);
    });
}

QString InspectorSession::setTraceFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return file.errorString();
    m_traceFile = path;
    return {};
}

void InspectorSession::stopWith(HeldOnStop held)
{
    if (!m_thread || m_stopping)
        return;
    m_stopping = true;
    nsq::Consumer *c = m_consumer;
    if (m_settings.mode == Mode::Tail)
        held = HeldOnStop::Finish; // Tail finished them on arrival: nothing is held
    post([c, held, tail = m_settings.mode == Mode::Tail] {
        if (tail)
            c->stop();
        else if (held == HeldOnStop::Requeue)
            c->stopReleasingHeld(); // back to the channel now, not at their msg_timeout
        else if (held == HeldOnStop::Finish)
            c->stopFinishingHeld();
        else
            c->stopLeavingHeld();
    });
    QString words = tr("disconnecting");
    if (m_settings.mode != Mode::Tail && held == HeldOnStop::Requeue)
        words = tr("disconnecting: held messages go back to the channel (REQ 0)");
    else if (m_settings.mode != Mode::Tail && held == HeldOnStop::Finish)
        words = tr("disconnecting: held messages are finished (FIN)");
    else if (held == HeldOnStop::Keep)
        words = tr("disconnecting: held messages are left to nsqd, which delivers them again "
                   "after their msg_timeout");
    Q_EMIT logged(words, false);
}

void InspectorSession::finishStopping()
{
    m_queue.clear();
    m_queuedDeliveries = 0;
    m_drainTimer.stop();
    m_thread.reset();
    m_consumer = nullptr;
    m_traceBatcher = nullptr;
    m_stopping = false;
    Q_EMIT logged(tr("disconnected"), false);
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

void InspectorSession::requeue(const QList<nsq::MessageId> &ids, qint64 delayMs, bool backoff)
{
    nsq::Consumer *c = m_consumer;
    post([c, ids, delayMs, backoff] {
        for (const nsq::MessageId &id : ids)
            c->requeue(id, delayMs, backoff);
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

void InspectorSession::enqueue(quint64 generation, const QList<FeedSegment> &feed)
{
    if (!m_thread || generation != m_generation)
        return; // from a consumer already gone
    for (const FeedSegment &segment : feed) {
        m_queue.push_back(segment);
        m_queuedDeliveries += segment.deliveries.size();
    }
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
    // between slices however fast messages come. Each slice keeps the order of the feed.
    QElapsedTimer budget;
    budget.start();
    bool stoppedNow = false;
    while (!m_queue.empty() && budget.elapsed() < kBudgetMs && !stoppedNow) {
        QList<FeedSegment> slice;
        qsizetype size = 0;
        while (!m_queue.empty() && size < kSlice && !stoppedNow) {
            Batch &front = m_queue.front();
            if (!front.deliveries.isEmpty()) {
                const qsizetype n = qMin<qsizetype>(front.deliveries.size(), kSlice - size);
                FeedSegment part;
                if (n == front.deliveries.size()) {
                    part.deliveries = std::exchange(front.deliveries, {});
                    part.finishedUnlisted = std::move(front.finishedUnlisted);
                    m_queue.pop_front();
                } else {
                    part.deliveries = front.deliveries.first(n);
                    front.deliveries.remove(0, n);
                }
                m_queuedDeliveries -= n;
                m_gate->unseen -= n;
                size += n;
                slice << std::move(part);
                continue;
            }
            FeedSegment part;
            part.events = std::move(front.events);
            part.finishedUnlisted = std::move(front.finishedUnlisted);
            m_queue.pop_front();
            size += part.events.size();
            stoppedNow = onEvents(part.events);
            slice << std::move(part);
        }
        Q_EMIT feedArrived(slice);
    }
    if (stoppedNow) {
        if (m_thread)
            finishStopping();
        return;
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
    Q_EMIT logged(paused ? tr("paused: RDY 0 on every connection")
                         : tr("resumed: max in flight %1").arg(m_settings.maxInFlight),
                  false);
}

bool InspectorSession::onEvents(const QList<nsq::ConsumerEvent> &events)
{
    using K = nsq::ConsumerEvent::Kind;
    bool stoppedNow = false;
    for (const nsq::ConsumerEvent &e : events) {
        switch (e.kind) {
        case K::ConnectionState:
            if (e.state != nsq::Conn::State::Connected && e.state != nsq::Conn::State::Disconnected)
                Q_EMIT logged(
                    QStringLiteral("%1: %2").arg(e.address, connectionStateWords(e.state)), false);
            break;
        case K::Connected:
            Q_EMIT logged(tr("%1: subscribed to %2/%3").arg(e.address, m_settings.topic, m_channel),
                          false);
            break;
        case K::Disconnected:
            Q_EMIT logged(tr("%1: closed (%2)").arg(e.address, e.text),
                          e.text != QLatin1String("closed"));
            break;
        case K::Error:
            Q_EMIT logged(e.text, true);
            break;
        case K::ActionFailed:
            Q_EMIT logged(e.text, true);
            break;
        case K::Released:
            Q_EMIT logged(tr("%1: %2 held messages lost with the connection; nsqd "
                             "delivers them again after their msg_timeout")
                              .arg(e.address)
                              .arg(e.ids.size()),
                          true);
            break;
        case K::BackoffStarted:
            Q_EMIT logged(tr("backoff level %1 for %2 ms").arg(e.value).arg(e.duration), false);
            break;
        case K::BackoffResumed:
            Q_EMIT logged(tr("backoff over"), false);
            break;
        case K::Failed:
            Q_EMIT logged(tr("message %1 passed max_attempts (%2): finished")
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
    return stoppedNow;
}

} // namespace nsqui
