#include "consumer.h"

#include "address.h"

#include "../http/httpclients.h"
#include "../protocol/names.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QMetaMethod>
#include <QRandomGenerator>
#include <QThreadPool>
#include <QTimer>

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
    if (m_pool)
        m_pool->waitForDone();
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
    m_handler = handler;
    if (concurrency > 1) {
        if (!m_pool)
            m_pool = new QThreadPool(this);
        m_pool->setMaxThreadCount(concurrency);
    }
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
                    if (Conn *c = m_conns.value(address))
                        c->startClose();
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
    m_conns.insert(address, conn);
    connect(conn, &Conn::stateChanged, this, [this, conn](Conn::State s) { onConnState(conn, s); });
    connect(conn, &Conn::closed, this, [this, conn] { onConnClosed(conn); });
    connect(conn, &Conn::messageReceived, this,
            [this, conn](const Message &m) { onMessage(conn, m); });
    connect(conn, &Conn::messageFinished, this, [this] { ++m_counts.finished; });
    connect(conn, &Conn::messageRequeued, this, [this] { ++m_counts.requeued; });
    connect(conn, &Conn::backoffResumed, this, [this] { onBackoffSignal(Signal::Resume); });
    connect(conn, &Conn::backoffStarted, this, [this] { onBackoffSignal(Signal::Backoff); });
    connect(conn, &Conn::backoffContinued, this, [this] { onBackoffSignal(Signal::Continue); });
    connect(conn, &Conn::commandRefused, this, &Consumer::errorOccurred);
    conn->connectToNsqd(host, port);
}

void Consumer::onConnState(Conn *conn, Conn::State state)
{
    if (state != Conn::State::Connected)
        return;
    conn->subscribe(m_topic, m_channel);
    Q_EMIT connected(m_conns.key(conn));
    rebalanceReady(); // a new connection changes everyone's share
}

void Consumer::rebalanceReady()
{
    if (m_backoffLevel > 0 || m_backoffWaiting)
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
    const int held = conn->inFlightCount();
    if (held > 0)
        Q_EMIT heldMessagesReleased(address, held);
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
        m_lookupdAddresses.remove(address); // the next poll decides whether it comes back
    }
    rebalanceReady();
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
    return nullptr;
}

void Consumer::onMessage(Conn *conn, const Message &message)
{
    ++m_counts.received;
    if (m_config.maxAttempts > 0 && message.attempts > m_config.maxAttempts) {
        qCWarning(lcConsumer).noquote()
            << "message" << message.id.toString() << "attempted" << message.attempts
            << "times (max_attempts" << m_config.maxAttempts << "): finishing it";
        ++m_counts.failed;
        conn->finish(message.id);
        Q_EMIT messageFailed(message);
        return;
    }
    maybeUpdateReady(conn);
    if (!m_handler)
        return; // held until finish()/requeue()
    if (!m_pool) {
        const bool ok = m_handler->handleMessage(message);
        if (m_autoResponse)
            respond(conn, message, ok);
        return;
    }
    QPointer<Conn> guard(conn);
    Handler *handler = m_handler;
    const bool autoResponse = m_autoResponse;
    m_pool->start([this, guard, handler, message, autoResponse] {
        const bool ok = handler->handleMessage(message);
        if (autoResponse)
            QMetaObject::invokeMethod(
                this, [this, guard, message, ok] { respond(guard, message, ok); },
                Qt::QueuedConnection);
    });
}

void Consumer::respond(QPointer<Conn> conn, const Message &message, bool success)
{
    if (!conn)
        return; // its connection is gone; nsqd redelivers it
    if (success) {
        conn->finish(message.id);
        return;
    }
    const qint64 delay = qMin<qint64>(qint64(m_config.defaultRequeueDelay) * message.attempts,
                                      m_config.maxRequeueDelay);
    conn->requeue(message.id, delay, true);
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
        Q_EMIT errorOccurred(
            QStringLiteral("FIN %1 refused: the message is not held by any connection")
                .arg(id.toString()));
}

void Consumer::requeue(const MessageId &id, qint64 delayMs)
{
    if (QThread::currentThread() != thread()) {
        QMetaObject::invokeMethod(
            this, [this, id, delayMs] { requeue(id, delayMs); }, Qt::QueuedConnection);
        return;
    }
    Conn *c = connFor(id);
    if (!c) {
        Q_EMIT errorOccurred(
            QStringLiteral("REQ %1 refused: the message is not held by any connection")
                .arg(id.toString()));
        return;
    }
    // -1: the default delay (a manual requeue does not push the consumer into backoff).
    c->requeue(id, delayMs < 0 ? m_config.defaultRequeueDelay : delayMs, false);
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
        Q_EMIT errorOccurred(
            QStringLiteral("TOUCH %1 refused: the message is not held by any connection")
                .arg(id.toString()));
}

// ---- RDY ----

qint64 Consumer::perConnMaxInFlight() const
{
    // Runs for every message: counts without building a list.
    qint64 n = 0;
    for (const Conn *c : m_conns)
        n += c->state() == Conn::State::Connected ? 1 : 0;
    n = qMax<qint64>(1, n);
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
    if (m_backoffLevel > 0 || m_backoffWaiting || conn->state() != Conn::State::Connected)
        return;
    const qint64 remain = conn->remainingReady();
    const qint64 last = conn->readyCount();
    const qint64 count = perConnMaxInFlight();
    // Top up when about a quarter is left, or shrink when the share went down.
    if (remain <= 1 || remain < last / 4 || (count > 0 && count < remain))
        updateReady(conn, count);
}

void Consumer::updateReady(Conn *conn, qint64 count)
{
    if (conn->state() != Conn::State::Connected)
        return;
    count = qMin(count, conn->maxReadyCount());
    // Never promise more than max_in_flight across all connections.
    const qint64 maxPossible = m_config.maxInFlight - totalReady() + conn->readyCount();
    if (maxPossible > 0 && maxPossible < count)
        count = maxPossible;
    if (maxPossible <= 0 && count > 0)
        return; // the redistribution timer will hand RDY round
    if (count == conn->readyCount() && conn->remainingReady() == count)
        return;
    conn->setReady(count);
}

void Consumer::redistributeReady()
{
    if (m_state != State::Running)
        return;
    const QList<Conn *> conns = readyConns();
    const bool crowded = conns.size() > m_config.maxInFlight;
    if (!crowded && !(m_backoffLevel > 0 && conns.size() > 1))
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<Conn *> candidates;
    for (Conn *c : conns) {
        const qint64 idle = now - qMax(c->lastMessageTime(), c->lastReadyTime());
        if (c->readyCount() > 0 && idle > m_config.lowRdyIdleTimeout)
            updateReady(c, 0); // idle: give its RDY back
        if (c->readyCount() == 0)
            candidates << c;
    }
    qint64 available = (m_backoffLevel > 0 ? 1 : m_config.maxInFlight) - totalReady();
    if (m_backoffWaiting)
        available = 0;
    while (available > 0 && !candidates.isEmpty()) {
        Conn *c =
            candidates.takeAt(int(QRandomGenerator::global()->bounded(int(candidates.size()))));
        updateReady(c, 1);
        --available;
    }
}

// ---- backoff ----

qint64 Consumer::backoffDuration(int level) const
{
    // Exponential: multiplier × 2^level, capped.
    const qint64 d = qint64(m_config.backoffMultiplier) << qMin(level, 30);
    return qMin<qint64>(d, m_config.maxBackoffDuration);
}

void Consumer::onBackoffSignal(Signal signal)
{
    if (m_backoffWaiting || m_state != State::Running)
        return;
    bool changed = false;
    if (signal == Signal::Resume && m_backoffLevel > 0) {
        --m_backoffLevel;
        changed = true;
    } else if (signal == Signal::Backoff &&
               backoffDuration(m_backoffLevel + 1) <= m_config.maxBackoffDuration &&
               m_config.backoffMultiplier > 0) {
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
    for (Conn *c : readyConns())
        if (c->readyCount() != 0)
            c->setReady(0);
    m_backoffTimer->start(int(ms));
}

void Consumer::resumeFromBackoff()
{
    m_backoffWaiting = false;
    if (m_state != State::Running)
        return;
    const QList<Conn *> conns = readyConns();
    if (conns.isEmpty())
        return;
    // Test the water: one message on one connection.
    Conn *c = conns.at(int(QRandomGenerator::global()->bounded(int(conns.size()))));
    c->setReady(1);
}

// ---- stop ----

void Consumer::stop()
{
    if (m_state == State::Stopping || m_state == State::Stopped)
        return;
    m_state = State::Stopping;
    m_lookupdTimer->stop();
    m_redistributeTimer->stop();
    m_backoffTimer->stop();
    // Handlers still running on the pool answer through respond(), queued behind this call.
    const QList<Conn *> conns = m_conns.values(); // a close can remove from m_conns at once
    for (Conn *c : conns)
        c->startClose();
    m_stopTimer->start(m_stopTimeoutMs);
    checkStopped();
}

void Consumer::checkStopped()
{
    if (m_state != State::Stopping || !m_conns.isEmpty())
        return;
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
    for (auto it = m_conns.cbegin(); it != m_conns.cend(); ++it) {
        const Conn *c = it.value();
        s.connections << ConsumerStats::Connection{it.key(),
                                                   c->state(),
                                                   c->readyCount(),
                                                   c->inFlightCount(),
                                                   c->lastHeartbeatTime(),
                                                   c->lastMessageTime()};
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
