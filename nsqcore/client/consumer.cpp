#include "consumer.h"

#include "address.h"
#include "handlerpool.h"

#include "../http/httpclients.h"
#include "../protocol/names.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QMetaMethod>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>

Q_LOGGING_CATEGORY(lcConsumer, "nsq.consumer")

namespace nsq {

Consumer::Consumer(const QString &topic, const QString &channel, const Config &config,
                   QObject *parent)
    : QObject(parent), m_topic(topic), m_channel(channel), m_config(config),
      m_lookupdTimer(new QTimer(this)), m_redistributeTimer(new QTimer(this)),
      m_backoffTimer(new QTimer(this)), m_statsTimer(new QTimer(this)),
      m_stopTimer(new QTimer(this))
{
    qRegisterMetaType<nsq::ConsumerStats>();
    qRegisterMetaType<QList<nsq::MessageId>>();
    m_lookupdTimer->setSingleShot(true);
    connect(m_lookupdTimer, &QTimer::timeout, this, &Consumer::pollLookupd);
    connect(m_redistributeTimer, &QTimer::timeout, this, &Consumer::redistributeReady);
    m_backoffTimer->setSingleShot(true);
    connect(m_backoffTimer, &QTimer::timeout, this, &Consumer::resumeFromBackoff);
    connect(m_statsTimer, &QTimer::timeout, this, [this] {
        if (isSignalConnected(QMetaMethod::fromSignal(&Consumer::statsUpdated)))
            Q_EMIT statsUpdated(stats());
    });
    m_stopTimer->setSingleShot(true);
    connect(m_stopTimer, &QTimer::timeout, this, [this] {
        qCWarning(lcConsumer) << "stop timed out; closing connections that still hold messages";
        const QList<Conn *> conns = m_conns.values(); // abort() removes from m_conns
        for (Conn *c : conns)
            c->abort();
    });
}

Consumer::~Consumer()
{
    m_pool.reset(); // joins the handler threads before anything they refer to goes
    for (Conn *c : std::as_const(m_conns))
        c->disconnect(this);
}

QStringList Consumer::validate() const
{
    QStringList p = m_config.validate();
    if (!isValidTopicName(m_topic))
        p << QStringLiteral("topic: '%1' is not a valid topic name").arg(m_topic);
    if (!isValidChannelName(m_channel))
        p << QStringLiteral("channel: '%1' is not a valid channel name").arg(m_channel);
    return p;
}

void Consumer::setHandler(Handler *handler, int concurrency)
{
    m_pool.reset();
    m_handler = handler;
    m_concurrency = qMax(0, concurrency);
}

void Consumer::setTraceEnabled(bool enabled)
{
    m_trace = enabled;
    for (Conn *c : std::as_const(m_conns))
        c->setTraceEnabled(enabled);
}

void Consumer::connectToNsqd(const QString &address)
{
    if (m_state == State::Stopping || m_state == State::Stopped)
        return;
    QString host;
    quint16 port = 0;
    const QString error = parseHostPort(address, &host, &port);
    if (!error.isEmpty()) {
        Q_EMIT errorOccurred(QStringLiteral("nsqd address %1").arg(error));
        return;
    }
    startRunning();
    m_directAddresses.insert(address);
    openConn(address);
}

void Consumer::connectToLookupd(const QString &address)
{
    if (m_state == State::Stopping || m_state == State::Stopped)
        return;
    auto *client = new LookupdHttpClient(address, this);
    if (!client->addressError().isEmpty()) {
        Q_EMIT errorOccurred(QStringLiteral("nsqlookupd address %1").arg(client->addressError()));
        delete client;
        return;
    }
    client->setTimeout(qMax(1000, m_config.readTimeout / 4));
    m_lookupds << client;
    startRunning();
    if (m_lookupds.size() == 1)
        pollLookupd();
}

void Consumer::startRunning()
{
    m_state = State::Running;
    if (!m_redistributeTimer->isActive()) {
        m_redistributeTimer->start(m_config.rdyRedistributeInterval);
        m_statsTimer->start(250);
    }
}

void Consumer::scheduleLookupdPoll()
{
    if (m_state != State::Running || m_lookupds.isEmpty())
        return;
    const double jitter = m_config.lookupdPollJitter * QRandomGenerator::global()->generateDouble();
    m_lookupdTimer->start(int(m_config.lookupdPollInterval * (1.0 + jitter)));
}

void Consumer::pollLookupd()
{
    if (m_state != State::Running || m_pendingLookups > 0)
        return;
    m_pollFound.clear();
    m_pollComplete = true;
    m_pendingLookups = int(m_lookupds.size());
    for (LookupdHttpClient *client : std::as_const(m_lookupds)) {
        client->lookup(m_topic, [this, client](Result<LookupResult> r) {
            if (r.ok()) {
                for (const NodeInfo &n : r.value().producers)
                    m_pollFound.insert(n.tcpAddress());
            } else if (r.error().contains(QLatin1String("TOPIC_NOT_FOUND"))) {
                // The topic does not exist (yet): an answer with no producers.
            } else {
                m_pollComplete = false;
                Q_EMIT errorOccurred(QStringLiteral("nsqlookupd %1: %2")
                                         .arg(client->baseUrl().toString(), r.error()));
            }
            if (--m_pendingLookups > 0 || m_state != State::Running)
                return;
            for (const QString &address : std::as_const(m_pollFound)) {
                m_lookupdAddresses.insert(address);
                if (!m_conns.contains(address))
                    openConn(address);
            }
            // Drop producers that vanished, but only on a complete picture.
            if (m_pollComplete) {
                const auto known = m_lookupdAddresses;
                for (const QString &address : known) {
                    if (m_pollFound.contains(address) || m_directAddresses.contains(address))
                        continue;
                    m_lookupdAddresses.remove(address);
                    if (Conn *c = m_conns.value(address)) {
                        c->startClose();
                        rebalanceReady(); // its RDY is 0 now (CLS): the others may have it
                    }
                }
            }
            scheduleLookupdPoll();
        });
    }
}

void Consumer::openConn(const QString &address)
{
    if (m_conns.contains(address))
        return;
    QString host;
    quint16 port = 0;
    parseHostPort(address, &host, &port);
    auto *conn = new Conn(m_config, this);
    const quint64 serial = m_nextSerial++;
    m_conns.insert(address, conn);
    m_connBySerial.insert(serial, conn);
    connect(conn, &Conn::stateChanged, this, [this, conn](Conn::State s) { onConnState(conn, s); });
    connect(conn, &Conn::closed, this, [this, conn, serial] {
        m_connBySerial.remove(serial);
        onConnClosed(conn);
    });
    connect(conn, &Conn::messageReceived, this,
            [this, conn, serial](const Message &m) { onMessage(conn, serial, m); });
    connect(conn, &Conn::messageFinished, this, [this](const MessageId &id) {
        if (m_givingUp && *m_givingUp == id)
            return; // reported as messageFailed, once
        ++m_counts.finished;
        Q_EMIT messageFinished(id);
    });
    connect(conn, &Conn::messageRequeued, this, [this](const MessageId &id, qint64 delayMs) {
        ++m_counts.requeued;
        Q_EMIT messageRequeued(id, delayMs);
    });
    connect(conn, &Conn::messageTouched, this, [this](const MessageId &id) {
        ++m_counts.touched;
        Q_EMIT messageTouched(id);
    });
    connect(conn, &Conn::messageTimedOut, this, [this](const MessageId &id) {
        ++m_counts.timedOut;
        Q_EMIT messageTimedOut(id);
    });
    connect(conn, &Conn::messageActionFailed, this,
            [this](Conn::MessageAction a, const MessageId &id, const QString &reason) {
                onMessageActionFailed(a, id, reason, true);
            });
    connect(conn, &Conn::messageActionRefused, this,
            [this](Conn::MessageAction a, const MessageId &id, const QString &reason) {
                onMessageActionFailed(a, id, reason, false);
            });
    connect(conn, &Conn::backoffResumed, this, [this] { onBackoffSignal(Signal::Resume); });
    connect(conn, &Conn::backoffStarted, this, [this] { onBackoffSignal(Signal::Backoff); });
    connect(conn, &Conn::backoffContinued, this, [this] { onBackoffSignal(Signal::Continue); });
    connect(conn, &Conn::commandRefused, this, &Consumer::errorOccurred);
    connect(conn, &Conn::frameTraced, this,
            [this, address](const TraceRecord &r) { Q_EMIT frameTraced(address, r); });
    connect(conn, &Conn::responseReceived, this, [this, address](const QByteArray &data) {
        Q_EMIT responseReceived(address, QString::fromUtf8(data.left(512)));
    });
    connect(conn, &Conn::errorReceived, this, [this, address](const ServerError &e) {
        Q_EMIT serverErrorReceived(address, e.toString());
    });
    connect(conn, &Conn::heartbeatReceived, this,
            [this, address] { Q_EMIT heartbeatReceived(address); });
    connect(conn, &Conn::readyChanged, this,
            [this, address](qint64 count) { Q_EMIT readyChanged(address, count); });
    conn->setTraceEnabled(m_trace);
    conn->connectToNsqd(host, port);
}

void Consumer::onConnState(Conn *conn, Conn::State state)
{
    Q_EMIT connectionStateChanged(m_conns.key(conn), state);
    if (state != Conn::State::Connected)
        return;
    conn->subscribe(m_topic, m_channel);
    Q_EMIT connected(m_conns.key(conn));
    rebalanceReady(); // a new connection changes everyone's share
    testTheWater();   // or, in backoff, it may be the one to test with
}

void Consumer::setMaxInFlight(int count)
{
    count = qBound(0, count, 1000000);
    if (count == m_config.maxInFlight)
        return;
    m_config.maxInFlight = count;
    if (m_state != State::Running)
        return;
    if (count == 0) {
        for (Conn *c : readyConns())
            updateReady(c, 0); // even the connection testing the water in backoff
        return;
    }
    if (inBackoff())
        testTheWater(); // a pause may have taken the test's RDY 1 away
    else
        rebalanceReady();
}

void Consumer::rebalanceReady()
{
    if (inBackoff())
        return;
    const QList<Conn *> conns = readyConns();
    const qint64 share = perConnMaxInFlight();
    // Shrink first, so that what is given back can be handed out in the second pass.
    for (Conn *c : conns)
        if (c->readyCount() > share)
            updateReady(c, share);
    for (Conn *c : conns)
        maybeUpdateReady(c);
}

void Consumer::onConnClosed(Conn *conn)
{
    const QString address = m_conns.key(conn);
    m_conns.remove(address);
    if (conn->inFlightCount() > 0)
        Q_EMIT heldMessagesReleased(address, conn->inFlightIds());
    const QString reason =
        conn->error() == Conn::Error::NoError ? QStringLiteral("closed") : conn->errorString();
    Q_EMIT disconnected(address, reason);
    conn->deleteLater();
    if (m_state == State::Stopping) {
        checkStopped();
        return;
    }
    if (m_state != State::Running)
        return;
    if (m_directAddresses.contains(address)) {
        // Without lookupd there is nobody to tell us it is back: try again after a delay.
        QTimer::singleShot(qMin(m_config.lookupdPollInterval, 15000), this, [this, address] {
            if (m_state == State::Running && m_directAddresses.contains(address))
                openConn(address);
        });
    } else if (m_lookupdAddresses.contains(address)) {
        m_lookupdAddresses.remove(address);
        // Ask lookupd again now rather than at the next poll, as go-nsq does; only after a
        // connection that worked, so that a node lookupd still lists but that is down is not
        // asked about in a tight loop.
        if (conn->wasConnected())
            m_lookupdTimer->start(0);
    }
    rebalanceReady();
    testTheWater(); // the connection that tested the water in backoff may be the one that went
}

QList<Conn *> Consumer::readyConns() const
{
    QList<Conn *> out;
    for (Conn *c : m_conns)
        if (c->state() == Conn::State::Connected)
            out << c;
    return out;
}

Conn *Consumer::connFor(const MessageId &id) const
{
    for (Conn *c : m_conns)
        if (c->isInFlight(id))
            return c;
    // Not held, but timed out recently on a connection: that one refuses it with the reason.
    for (Conn *c : m_conns)
        if (c->hasTimedOut(id))
            return c;
    return nullptr;
}

void Consumer::onMessage(Conn *conn, quint64 serial, const Message &message)
{
    ++m_counts.received;
    if (m_config.maxAttempts > 0 && message.attempts > m_config.maxAttempts) {
        qCWarning(lcConsumer).noquote()
            << "message" << message.id.toString() << "attempted" << message.attempts
            << "times (max_attempts" << m_config.maxAttempts << "): finishing it";
        ++m_counts.failed;
        m_givingUp = message.id;
        conn->finish(message.id);
        m_givingUp.reset();
        Q_EMIT messageFailed(message);
        return;
    }
    if (m_releaseWhileStopping && m_state == State::Stopping) {
        conn->requeue(message.id, 0, false); // sent before our RDY 0 arrived
        return;
    }
    if (!m_handler)
        return; // held until finish()/requeue()
    if (m_concurrency == 0) {
        const bool ok = m_handler->handleDelivery(message, conn->address());
        if (m_autoResponse)
            respond(conn, message, ok);
        return;
    }
    if (!m_pool)
        m_pool = std::make_unique<HandlerPool>(m_handler, m_concurrency, m_autoResponse, [this] {
            QMetaObject::invokeMethod(this, &Consumer::takeHandlerResults, Qt::QueuedConnection);
        });
    // Handed over once per event-loop turn: one lock and one wake-up for all that arrived.
    if (m_toHandle.empty())
        QMetaObject::invokeMethod(this, &Consumer::submitToHandlers, Qt::QueuedConnection);
    m_toHandle.push_back({message, serial, conn->address()});
}

void Consumer::submitToHandlers()
{
    if (m_pool && !m_toHandle.empty())
        m_pool->submit(std::exchange(m_toHandle, {}));
}

void Consumer::takeHandlerResults()
{
    if (!m_pool)
        return;
    for (const HandlerPool::Outcome &o : m_pool->takeResults()) {
        // Only for the delivery the handler saw: a connection that closed meanwhile reported it
        // released, and one redelivered meanwhile (it timed out) gets its own handler call.
        Conn *conn = m_connBySerial.value(o.item.connection);
        if (conn && conn->isCurrentDelivery(o.item.message.id, o.item.message.attempts))
            respond(conn, o.item.message, o.ok);
    }
}

void Consumer::respond(Conn *conn, const Message &message, bool success)
{
    if (success) {
        conn->finish(message.id);
        return;
    }
    const qint64 delay = qMin<qint64>(qint64(m_config.defaultRequeueDelay) * message.attempts,
                                      m_config.maxRequeueDelay);
    conn->requeue(message.id, delay, true);
}

void Consumer::onMessageActionFailed(Conn::MessageAction action, const MessageId &id,
                                     const QString &reason, bool wasCounted)
{
    // A refusal by the server voids the success counted when the command went out.
    auto undo = [wasCounted](quint64 &done, quint64 &failed) {
        if (wasCounted && done > 0)
            --done;
        ++failed;
    };
    switch (action) {
    case Conn::MessageAction::Finish:
        undo(m_counts.finished, m_counts.finishFailed);
        break;
    case Conn::MessageAction::Requeue:
        undo(m_counts.requeued, m_counts.requeueFailed);
        break;
    case Conn::MessageAction::Touch:
        undo(m_counts.touched, m_counts.touchFailed);
        break;
    }
    qCInfo(lcConsumer).noquote() << reason;
    Q_EMIT messageActionFailed(action, id, reason);
}

void Consumer::finish(const MessageId &id)
{
    if (QThread::currentThread() != thread()) {
        QMetaObject::invokeMethod(
            this, [this, id] { finish(id); }, Qt::QueuedConnection);
        return;
    }
    if (Conn *c = connFor(id))
        c->finish(id);
    else
        onMessageActionFailed(
            Conn::MessageAction::Finish, id,
            QStringLiteral("FIN %1 refused: the message is not held by any connection")
                .arg(id.toString()),
            false);
}

void Consumer::requeue(const MessageId &id, qint64 delayMs, bool backoff)
{
    if (QThread::currentThread() != thread()) {
        QMetaObject::invokeMethod(
            this, [this, id, delayMs, backoff] { requeue(id, delayMs, backoff); },
            Qt::QueuedConnection);
        return;
    }
    Conn *c = connFor(id);
    if (!c) {
        onMessageActionFailed(
            Conn::MessageAction::Requeue, id,
            QStringLiteral("REQ %1 refused: the message is not held by any connection")
                .arg(id.toString()),
            false);
        return;
    }
    // -1: the default delay. A manual requeue pushes the consumer into backoff only if asked.
    c->requeue(id, delayMs < 0 ? m_config.defaultRequeueDelay : delayMs, backoff);
}

void Consumer::touch(const MessageId &id)
{
    if (QThread::currentThread() != thread()) {
        QMetaObject::invokeMethod(
            this, [this, id] { touch(id); }, Qt::QueuedConnection);
        return;
    }
    if (Conn *c = connFor(id))
        c->touch(id);
    else
        onMessageActionFailed(
            Conn::MessageAction::Touch, id,
            QStringLiteral("TOUCH %1 refused: the message is not held by any connection")
                .arg(id.toString()),
            false);
}

// ---- RDY ----

qint64 Consumer::perConnMaxInFlight() const
{
    // Runs for every message: counts without building a list.
    qint64 n = 0;
    for (const Conn *c : m_conns)
        n += c->state() == Conn::State::Connected ? 1 : 0;
    n = qMax<qint64>(1, n);
    if (m_config.maxInFlight == 0)
        return 0; // paused
    return qMax<qint64>(1, m_config.maxInFlight / n);
}

qint64 Consumer::totalReady() const
{
    qint64 total = 0;
    for (Conn *c : m_conns)
        total += c->readyCount();
    return total;
}

void Consumer::maybeUpdateReady(Conn *conn)
{
    if (inBackoff() || conn->state() != Conn::State::Connected)
        return;
    updateReady(conn, perConnMaxInFlight());
}

void Consumer::updateReady(Conn *conn, qint64 count)
{
    if (conn->state() != Conn::State::Connected)
        return;
    count = qMin(count, conn->maxReadyCount());
    if (count == conn->readyCount())
        return; // RDY is a window: nsqd keeps it until it changes
    // Never promise more than max_in_flight across all connections. (go-nsq also gives a
    // connection part of its share when less is left; here that cannot happen: shares are
    // max_in_flight / connections, the others are shrunk to theirs first, and a closing
    // connection's RDY is 0, as nsqd sets it on CLS. So it is all or nothing.)
    if (count > conn->readyCount() &&
        totalReady() - conn->readyCount() + count > m_config.maxInFlight)
        return; // the redistribution timer hands RDY round
    conn->setReady(count);
}

QList<Conn *> Consumer::byLongestWithoutReady(QList<Conn *> conns) const
{
    // The connection whose RDY changed longest ago (never: first) has waited longest for its turn.
    std::stable_sort(conns.begin(), conns.end(), [](const Conn *a, const Conn *b) {
        return a->lastReadyTime() < b->lastReadyTime();
    });
    return conns;
}

void Consumer::redistributeReady()
{
    if (m_state != State::Running || m_backoffWaiting)
        return;
    const QList<Conn *> conns = readyConns();
    const bool crowded = conns.size() > m_config.maxInFlight;
    if (!crowded && !(m_backoffLevel > 0 && conns.size() > 1))
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<Conn *> candidates;
    for (Conn *c : conns) {
        if (c->readyCount() > 0) {
            const qint64 idle = now - qMax(c->lastMessageTime(), c->lastReadyTime());
            const qint64 held = now - c->lastReadyTime();
            // Idle: nothing to do with it. Held too long: others may be waiting with messages.
            if (idle > m_config.lowRdyIdleTimeout || held > m_config.lowRdyTimeout)
                updateReady(c, 0);
        }
        if (c->readyCount() == 0)
            candidates << c;
    }
    qint64 available =
        (m_backoffLevel > 0 ? qMin(1, m_config.maxInFlight) : m_config.maxInFlight) - totalReady();
    for (Conn *c : byLongestWithoutReady(candidates)) {
        if (available <= 0)
            break;
        updateReady(c, 1);
        --available;
    }
}

// ---- backoff ----

qint64 Consumer::uncappedBackoffDuration(int level) const
{
    // Exponential, as go-nsq's: multiplier × 2^level.
    return qint64(m_config.backoffMultiplier) << qBound(0, level, 30);
}

qint64 Consumer::backoffDuration(int level) const
{
    return qMin<qint64>(uncappedBackoffDuration(level), m_config.maxBackoffDuration);
}

void Consumer::onBackoffSignal(Signal signal)
{
    if (m_backoffWaiting || m_state != State::Running)
        return;
    bool changed = false;
    if (signal == Signal::Resume && m_backoffLevel > 0) {
        --m_backoffLevel;
        changed = true;
    } else if (signal == Signal::Backoff && m_config.backoffMultiplier > 0 &&
               uncappedBackoffDuration(m_backoffLevel + 1) <= m_config.maxBackoffDuration) {
        // go-nsq's ceiling: no level whose own duration passes the maximum, so that recovering
        // from a long outage takes a few successes, not dozens.
        ++m_backoffLevel;
        changed = true;
    }
    if (m_backoffLevel == 0 && changed) {
        Q_EMIT backoffResumed(0);
        const qint64 share = perConnMaxInFlight();
        for (Conn *c : readyConns())
            updateReady(c, share);
        return;
    }
    if (m_backoffLevel > 0) {
        const qint64 ms = backoffDuration(m_backoffLevel);
        if (signal == Signal::Resume)
            Q_EMIT backoffResumed(m_backoffLevel);
        else if (signal == Signal::Backoff)
            Q_EMIT backoffStarted(m_backoffLevel, ms);
        else
            Q_EMIT backoffContinued(m_backoffLevel, ms);
        backoffFor(ms);
    }
}

void Consumer::backoffFor(qint64 ms)
{
    m_backoffWaiting = true;
    m_backoffUntilMs = QDateTime::currentMSecsSinceEpoch() + ms;
    for (Conn *c : readyConns())
        if (c->readyCount() != 0)
            c->setReady(0);
    m_backoffTimer->start(int(ms));
}

void Consumer::resumeFromBackoff()
{
    m_backoffWaiting = false;
    m_backoffUntilMs = 0;
    if (m_state == State::Running)
        testTheWater();
}

void Consumer::testTheWater()
{
    // In backoff, after the wait: one message on one connection decides what comes next.
    if (m_state != State::Running || m_backoffLevel == 0 || m_backoffWaiting || totalReady() > 0 ||
        m_config.maxInFlight == 0)
        return;
    const QList<Conn *> conns = readyConns();
    if (conns.isEmpty()) {
        // Nobody to test with now: the next connection that comes up does it (onConnState).
        qCInfo(lcConsumer) << "backoff: no connection to test with; waiting for one";
        return;
    }
    byLongestWithoutReady(conns).first()->setReady(1);
}

// ---- stop ----

void Consumer::stopReleasingHeld()
{
    answerHeldAndStop([](Conn *c, const MessageId &id) { c->requeue(id, 0, false); });
}

void Consumer::stopFinishingHeld()
{
    answerHeldAndStop([](Conn *c, const MessageId &id) { c->finish(id); });
}

void Consumer::answerHeldAndStop(const std::function<void(Conn *, const MessageId &)> &answer)
{
    if (m_state == State::Stopping || m_state == State::Stopped)
        return;
    m_releaseWhileStopping = true;
    const QList<Conn *> conns = m_conns.values();
    for (Conn *c : conns) {
        if (c->state() != Conn::State::Connected)
            continue;
        c->setReady(0); // before the answers, or the server sends more straight away
        for (const MessageId &id : c->inFlightIds())
            answer(c, id);
    }
    stop();
}

void Consumer::stopLeavingHeld()
{
    if (m_state == State::Stopping || m_state == State::Stopped)
        return;
    m_releaseWhileStopping = true;
    stop();
    const QList<Conn *> conns = m_conns.values(); // abort() removes from m_conns
    for (Conn *c : conns)
        if (!c->inFlightIds().isEmpty())
            c->abort();
}

void Consumer::stop()
{
    if (m_state == State::Stopping || m_state == State::Stopped)
        return;
    m_state = State::Stopping;
    m_lookupdTimer->stop();
    m_redistributeTimer->stop();
    m_backoffTimer->stop();
    // Started first: a connection that closes at once may complete the stop inside this call,
    // and checkStopped() then stops the timer for good.
    m_stopTimer->start(m_stopTimeoutMs);
    // Handlers still running answer through takeHandlerResults(), queued behind this call.
    const QList<Conn *> conns = m_conns.values(); // a close can remove from m_conns at once
    for (Conn *c : conns)
        c->startClose();
    checkStopped();
}

void Consumer::checkStopped()
{
    if (m_state != State::Stopping || !m_conns.isEmpty())
        return;
    // stopped() promises that the handler is no longer called: what waits for it goes (its
    // connections reported it released), and a call under way is waited for.
    if (m_pool && !m_pool->dropQueuedAndCheckIdle([this] {
            QMetaObject::invokeMethod(this, &Consumer::checkStopped, Qt::QueuedConnection);
        })) {
        qCInfo(lcConsumer) << "stop: waiting for the handler to return";
        return;
    }
    m_state = State::Stopped;
    m_stopTimer->stop();
    m_statsTimer->stop();
    Q_EMIT statsUpdated(stats());
    Q_EMIT stopped();
}

ConsumerStats Consumer::stats() const
{
    ConsumerStats s = m_counts;
    s.backoffLevel = m_backoffLevel;
    s.backoffUntilMs = m_backoffWaiting ? m_backoffUntilMs : 0;
    s.maxInFlight = m_config.maxInFlight;
    for (auto it = m_conns.cbegin(); it != m_conns.cend(); ++it) {
        const Conn *c = it.value();
        s.connections << ConsumerStats::Connection{it.key(),
                                                   c->state(),
                                                   c->readyCount(),
                                                   c->inFlightCount(),
                                                   c->lastHeartbeatTime(),
                                                   c->lastMessageTime(),
                                                   c->serverSettings().msgTimeout,
                                                   c->maxReadyCount(),
                                                   c->serverSettings().maxMsgTimeout};
    }
    return s;
}

ConsumerThread::ConsumerThread(Consumer *consumer) : m_consumer(consumer)
{
    m_thread.setObjectName(QStringLiteral("nsq consumer"));
    consumer->moveToThread(&m_thread);
    m_thread.start();
}

ConsumerThread::~ConsumerThread()
{
    Consumer *c = m_consumer;
    QMetaObject::invokeMethod(
        c, [c] { delete c; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

} // namespace nsq
