#pragma once

#include "config.h"
#include "conn.h"
#include "handler.h"
#include "handlerpool.h"

#include <QHash>
#include <QMap>
#include <QObject>

#include <QSet>
#include <QThread>
#include <functional>

#include <memory>
#include <optional>

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
        qint64 msgTimeoutMs = 0;    // as the server announced it (0 before IDENTIFY)
        qint64 maxReadyCount = 0;   // the server's max_rdy_count
        qint64 maxMsgTimeoutMs = 0; // the server's cap for REQ delays and TOUCH
    };
    quint64 received = 0;
    quint64 finished = 0;     // FIN sent, less those the server refused
    quint64 requeued = 0;     // REQ sent, less those the server refused
    quint64 touched = 0;      // TOUCH sent, less those the server refused
    quint64 failed = 0;       // over max_attempts: finished and reported
    quint64 timedOut = 0;     // unanswered past msg_timeout: nsqd took them back
    quint64 finishFailed = 0; // FIN refused by the server or not sent (see messageActionFailed)
    quint64 requeueFailed = 0;
    quint64 touchFailed = 0;
    int maxInFlight = 0; // 0: paused
    int backoffLevel = 0;
    qint64 backoffUntilMs = 0; // while RDY is held at 0 in backoff: when that ends (ms since epoch)
    QList<Connection> connections;
};

// Consumes one topic/channel from any number of nsqd, found directly or through nsqlookupd.
// Policy lives here, as in go-nsq 1.1: max_in_flight spread over connections as RDY windows that
// are set when the connections change (never re-sent per message); RDY 1 moving between
// connections when they outnumber max_in_flight, taken back from a connection idle for
// low_rdy_idle_timeout or holding it for low_rdy_timeout, and given to the one that waited
// longest; exponential backoff with go-nsq's ceiling; max_attempts; reconnects; and a graceful
// stop in which no message goes unaccounted for.
//
// Every delivery ends in one report: finished, requeued, failed (max_attempts), timed out,
// released (its connection closed), or messageActionFailed when the server refused the FIN or REQ.
// One exception: a delivery past its deadline (messageTimedOut) may still be answered, since nsqd
// takes it back only when its scan looks; the late FIN or REQ is sent and reported as well.
// stopped() comes once the handler is no longer called.
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
    // Not owned. handleMessage runs on `concurrency` threads of its own (like go-nsq's handler
    // goroutines), so a slow handler never delays heartbeats, TOUCH or FIN. concurrency 0 runs it
    // inline on the consumer's thread: only for handlers that never block (BatchingHandler, a
    // counter). Call before connecting.
    void setHandler(Handler *handler, int concurrency = 1);
    // Off: messages are held until finish()/requeue() is called for them.
    void setAutoResponse(bool on) { m_autoResponse = on; }
    void setStopTimeout(int ms) { m_stopTimeoutMs = ms; }
    // The wire trace of every connection (frameTraced); off by default, free while off.
    void setTraceEnabled(bool enabled);
    State state() const { return m_state; }
    ConsumerStats stats() const;
    const QString &topic() const { return m_topic; }

public Q_SLOTS:
    void connectToNsqd(const QString &address);
    void connectToLookupd(const QString &address);
    void finish(const nsq::MessageId &id);
    // backoff: count it as a failure, as go-nsq's Requeue does (RequeueWithoutBackoff: false).
    void requeue(const nsq::MessageId &id, qint64 delayMs = -1, bool backoff = false);
    void touch(const nsq::MessageId &id);
    // Changes max_in_flight while running; 0 pauses (RDY 0 everywhere) until it is raised again.
    void setMaxInFlight(int count);
    // CLS everywhere, wait (bounded) for held messages, then close; stopped() follows.
    void stop();
    // stop(), for a consumer that holds messages for a person who will not answer them now:
    // RDY 0, then REQ 0 for every held message (oldest first), and any that still arrives while
    // stopping goes straight back too. They return to the channel at once, not at msg_timeout.
    void stopReleasingHeld();
    // stop(), for a person who is done with what is held: RDY 0, FIN for every held message,
    // and any that still arrives while stopping goes back (REQ 0), unseen.
    void stopFinishingHeld();
    // stop(), leaving held messages unanswered on purpose: connections that hold some close at
    // once, and nsqd delivers those again after their msg_timeout.
    void stopLeavingHeld();

Q_SIGNALS:
    // Each step of a connection's life: connecting, identifying, TLS, AUTH, connected, closing.
    void connectionStateChanged(const QString &address, nsq::Conn::State state);
    void connected(const QString &address);
    void disconnected(const QString &address, const QString &reason);
    void errorOccurred(const QString &message);
    void messageFailed(const nsq::Message &message);
    void messageFinished(const nsq::MessageId &id);
    void messageRequeued(const nsq::MessageId &id, qint64 delayMs);
    void messageTouched(const nsq::MessageId &id);
    // Unanswered past its deadline: nsqd took it back and will deliver it again.
    void messageTimedOut(const nsq::MessageId &id);
    // A FIN, REQ or TOUCH for this message did not happen: the server refused it (then the
    // messageFinished/Requeued/Touched reported earlier is void), or it could not be sent.
    void messageActionFailed(nsq::Conn::MessageAction action, const nsq::MessageId &id,
                             const QString &reason);
    void backoffStarted(int level, qint64 durationMs);
    void backoffContinued(int level, qint64 durationMs);
    void backoffResumed(int level);
    // A connection closed while these messages were held: nsqd will deliver them again.
    void heldMessagesReleased(const QString &address, const QList<nsq::MessageId> &ids);
    void statsUpdated(const nsq::ConsumerStats &stats);
    // A connection's own events, as go-nsq's connection delegate hears them: a response frame
    // (OK, CLOSE_WAIT), an error frame, a heartbeat (answered with NOP), a new RDY count.
    void responseReceived(const QString &address, const QString &text);
    void serverErrorReceived(const QString &address, const QString &text);
    void heartbeatReceived(const QString &address);
    void readyChanged(const QString &address, qint64 count);
    void frameTraced(const QString &address, const nsq::TraceRecord &record);
    void stopped();

private:
    void answerHeldAndStop(const std::function<void(Conn *, const MessageId &)> &answer);
    enum class Signal { Resume, Backoff, Continue };

    void startRunning();
    void openConn(const QString &address);
    void onConnState(Conn *conn, Conn::State state);
    void onConnClosed(Conn *conn);
    void onMessage(Conn *conn, quint64 serial, const Message &message);
    void onMessageActionFailed(Conn::MessageAction action, const MessageId &id,
                               const QString &reason, bool wasCounted);
    void respond(Conn *conn, const Message &message, bool success);
    void takeHandlerResults();
    void submitToHandlers();
    void onBackoffSignal(Signal signal);
    void backoffFor(qint64 ms);
    void resumeFromBackoff();
    void testTheWater();
    bool inBackoff() const { return m_backoffLevel > 0 || m_backoffWaiting; }
    qint64 backoffDuration(int level) const;
    qint64 uncappedBackoffDuration(int level) const;
    qint64 perConnMaxInFlight() const;
    qint64 totalReady() const;
    void maybeUpdateReady(Conn *conn);
    void updateReady(Conn *conn, qint64 count);
    void redistributeReady();
    void rebalanceReady();
    QList<Conn *> byLongestWithoutReady(QList<Conn *> conns) const;
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
    int m_concurrency = 1;
    std::unique_ptr<HandlerPool> m_pool;
    std::vector<HandlerPool::Item> m_toHandle; // arrived this event-loop turn
    QHash<quint64, Conn *> m_connBySerial;
    quint64 m_nextSerial = 1;
    bool m_autoResponse = true;
    bool m_trace = false;
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
    std::optional<MessageId> m_givingUp; // finished for max_attempts: reported as failed only
    bool m_backoffWaiting = false;
    bool m_releaseWhileStopping = false;
    qint64 m_backoffUntilMs = 0;
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
