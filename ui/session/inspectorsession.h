#pragma once

#include "sessionsettings.h"

#include <client/consumer.h>
#include <client/consumerevents.h>
#include <client/handler.h>
#include <client/trace.h>

#include <QHash>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <deque>

#include <memory>

namespace nsqui {

// A connection's state as a user reads it: connecting, identifying, TLS handshake, ...
QString connectionStateWords(nsq::Conn::State state);

// A stretch of what the consumer did: messages delivered, or events (one or the other).
struct FeedSegment
{
    QList<nsq::Delivery> deliveries;
    QList<nsq::ConsumerEvent> events;
    // Tail: Finished events counted per connection rather than listed (one FIN per delivery).
    QHash<QString, qsizetype> finishedUnlisted;
};

// Shared by the window's handler (consumer thread) and the session (GUI thread): how many
// delivered messages the window has not taken yet, and whether the consumer is held back.
struct FlowGate
{
    static constexpr qint64 kHighWater = 50000;
    static constexpr qint64 kLowWater = 10000;
    std::atomic<qint64> unseen{0};
    std::atomic<bool> throttled{false};
    std::atomic<int> throttles{0};
};

// The GUI thread's owner of a Consumer running in its worker thread. Messages and events come in
// as batches (about every 16 ms); the user's commands go out as one queued call per batch of IDs.
// Nothing else in the window knows the Consumer exists.
class InspectorSession : public QObject
{
    Q_OBJECT
public:
    explicit InspectorSession(QObject *parent = nullptr);
    ~InspectorSession() override;

    // Checks the settings (the problems are returned, nothing is sent), then connects.
    QStringList start(const SessionSettings &settings);
    // What becomes of held messages when the session stops.
    enum class HeldOnStop { Requeue, Finish, Keep };
    // CLS and close; stopped() follows. Held messages go back to nsqd (REQ 0), or are finished,
    // or are left for nsqd to deliver again after msg_timeout.
    void stop() { stopWith(HeldOnStop::Requeue); }
    void stopWith(HeldOnStop held);
    bool isActive() const { return m_thread != nullptr; }
    bool isStopping() const { return m_stopping; }
    const SessionSettings &settings() const { return m_settings; }
    QString channel() const { return m_channel; }
    bool isPaused() const { return m_paused; }
    int maxInFlight() const { return m_settings.maxInFlight; }

    void finish(const QList<nsq::MessageId> &ids);
    // delayMs -1: the server's default. backoff: as a failed handler's REQ (the consumer backs
    // off), not a plain one.
    void requeue(const QList<nsq::MessageId> &ids, qint64 delayMs, bool backoff = false);
    void touch(const QList<nsq::MessageId> &ids);
    void setMaxInFlight(int count);
    void setPaused(bool paused);
    // The wire trace shown in the window: off by default; switchable at any time.
    void setTraceEnabled(bool on);
    bool isTraceEnabled() const { return m_traceOn; }
    // Every frame of every session from now on goes to this file as JSON Lines (emptied first).
    // Returns why it cannot be written, or an empty string.
    QString setTraceFile(const QString &path);
    QString traceFile() const { return m_traceFile; }
    // How often the window fell behind and held the consumer back (RDY 0) until it caught up.
    int throttleCount() const { return m_gate ? m_gate->throttles.load() : 0; }
    qsizetype queuedDeliveries() const { return m_queuedDeliveries; }

Q_SIGNALS:
    void started();
    // What the consumer did, in order: messages delivered and events about them.
    void feedArrived(const QList<nsqui::FeedSegment> &feed);
    void statsUpdated(const nsq::ConsumerStats &stats);
    // Frames on the wire while the trace is on; dropped: frames left out of this batch in a
    // flood (the newest are kept).
    void traceArrived(const QList<nsq::TraceEntry> &frames, qint64 dropped);
    // A line for the log pane; problem: also worth the status bar.
    void logged(const QString &line, bool problem);
    void stopped();

private:
    bool onEvents(const QList<nsq::ConsumerEvent> &events); // true: the consumer stopped
public:
    // From the consumer's thread (posted): what happened, in order.
    void enqueue(quint64 generation, const QList<FeedSegment> &feed);

private:
    void scheduleDrain();
    void drain();
    void applyReady();
    void finishStopping();
    template <typename F> void post(F &&f);

    SessionSettings m_settings;
    QString m_channel;
    std::unique_ptr<nsq::ConsumerThread> m_thread;
    nsq::Consumer *m_consumer = nullptr; // lives in m_thread; touched only through post()
    bool m_stopping = false;
    bool m_paused = false;

    // What came from the consumer and is not yet handed to the window, in order.
    using Batch = FeedSegment;
    static constexpr int kBudgetMs = 8;
    static constexpr qsizetype kSlice = 4096;
    std::deque<Batch> m_queue;
    qsizetype m_queuedDeliveries = 0;
    std::shared_ptr<FlowGate> m_gate;
    quint64 m_generation = 0; // of the consumer whose feed is wanted
    QTimer m_drainTimer;
    bool m_traceOn = false;
    QString m_traceFile;
    nsq::TraceBatcher *m_traceBatcher = nullptr; // lives in m_thread
};

} // namespace nsqui
