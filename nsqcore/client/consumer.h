#pragma once

#include "config.h"
#include "conn.h"
#include "handler.h"

#include <QHash>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QThread>

class QThreadPool;
class QTimer;

namespace nsq {

class LookupdHttpClient;

struct ConsumerStats
{
    struct Connection
    {
        QString address;
        Conn::State state = Conn::State::Disconnected;
        qint64 readyCount = 0;
        int inFlightCount = 0;
        qint64 lastHeartbeatMs = 0;
        qint64 lastMessageMs = 0;
    };
    quint64 received = 0;
    quint64 finished = 0;
    quint64 requeued = 0;
    quint64 failed = 0; // over max_attempts: finished and reported
    int backoffLevel = 0;
    QList<Connection> connections;
};

// Consumes one topic/channel from any number of nsqd, found directly or through nsqlookupd.
// Policy lives here, as in go-nsq: max_in_flight spread over connections, RDY re-sent when low,
// RDY 1 rotation when connections outnumber max_in_flight, exponential backoff, max_attempts,
// reconnects, and a graceful stop in which no message goes unaccounted for.
//
// Lives in one worker thread together with its Conns (see ConsumerThread). Slots may be invoked
// from other threads with queued calls; finish(), requeue() and touch() marshal themselves.
class Consumer : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Running, Stopping, Stopped };
    Q_ENUM(State)

    Consumer(const QString &topic, const QString &channel, const Config &config,
             QObject *parent = nullptr);
    ~Consumer() override;

    // Problems with the names or the configuration, each naming what is wrong.
    QStringList validate() const;
    // Not owned. concurrency > 1 runs handleMessage on that many pool threads.
    void setHandler(Handler *handler, int concurrency = 1);
    // Off: messages are held until finish()/requeue() is called for them.
    void setAutoResponse(bool on) { m_autoResponse = on; }
    void setStopTimeout(int ms) { m_stopTimeoutMs = ms; }
    State state() const { return m_state; }
    ConsumerStats stats() const;
    const QString &topic() const { return m_topic; }

public Q_SLOTS:
    void connectToNsqd(const QString &address);
    void connectToLookupd(const QString &address);
    void finish(const nsq::MessageId &id);
    void requeue(const nsq::MessageId &id, qint64 delayMs = -1);
    void touch(const nsq::MessageId &id);
    // CLS everywhere, wait (bounded) for held messages, then close; stopped() follows.
    void stop();

Q_SIGNALS:
    void connected(const QString &address);
    void disconnected(const QString &address, const QString &reason);
    void errorOccurred(const QString &message);
    void messageFailed(const nsq::Message &message);
    void backoffStarted(int level, qint64 durationMs);
    void backoffContinued(int level, qint64 durationMs);
    void backoffResumed(int level);
    // A connection closed while these messages were held: nsqd will deliver them again.
    void heldMessagesReleased(const QString &address, int count);
    void statsUpdated(const nsq::ConsumerStats &stats);
    void stopped();

private:
    enum class Signal { Resume, Backoff, Continue };

    void startRunning();
    void openConn(const QString &address);
    void onConnState(Conn *conn, Conn::State state);
    void onConnClosed(Conn *conn);
    void onMessage(Conn *conn, const Message &message);
    void respond(QPointer<Conn> conn, const Message &message, bool success);
    void onBackoffSignal(Signal signal);
    void backoffFor(qint64 ms);
    void resumeFromBackoff();
    qint64 backoffDuration(int level) const;
    qint64 perConnMaxInFlight() const;
    qint64 totalReady() const;
    void maybeUpdateReady(Conn *conn);
    void updateReady(Conn *conn, qint64 count);
    void redistributeReady();
    void rebalanceReady();
    void pollLookupd();
    void scheduleLookupdPoll();
    void checkStopped();
    QList<Conn *> readyConns() const;
    Conn *connFor(const MessageId &id) const;

    QString m_topic;
    QString m_channel;
    Config m_config;
    State m_state = State::Idle;
    Handler *m_handler = nullptr;
    QThreadPool *m_pool = nullptr;
    bool m_autoResponse = true;
    int m_stopTimeoutMs = 30000;
    QMap<QString, Conn *> m_conns;
    QSet<QString> m_directAddresses;
    QSet<QString> m_lookupdAddresses;
    QList<LookupdHttpClient *> m_lookupds;
    int m_pendingLookups = 0;
    QSet<QString> m_pollFound;
    bool m_pollComplete = true;
    QTimer *m_lookupdTimer = nullptr;
    QTimer *m_redistributeTimer = nullptr;
    QTimer *m_backoffTimer = nullptr;
    QTimer *m_statsTimer = nullptr;
    QTimer *m_stopTimer = nullptr;
    int m_backoffLevel = 0;
    bool m_backoffWaiting = false;
    ConsumerStats m_counts;
};

// Runs a Consumer in a worker thread of its own and tears both down in the right order.
class ConsumerThread
{
public:
    explicit ConsumerThread(Consumer *consumer);
    ~ConsumerThread();
    Consumer *consumer() const { return m_consumer; }
    // Runs f on the consumer's thread (queued; returns at once).
    template <typename F> void post(F &&f)
    {
        QMetaObject::invokeMethod(m_consumer, std::forward<F>(f), Qt::QueuedConnection);
    }

private:
    QThread m_thread;
    Consumer *m_consumer;
};

} // namespace nsq

Q_DECLARE_METATYPE(nsq::ConsumerStats)
