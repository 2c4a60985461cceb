#pragma once

#include <client/consumerevents.h>
#include <client/handler.h>

#include <QAbstractTableModel>
#include <QHash>

#include <deque>

namespace nsqui {

// What the window knows of a message's fate.
enum class MessageState {
    InFlight, // held here: the user decides
    Finished, // FIN sent (or finished on arrival in Tail mode)
    Requeued, // REQ sent
    TimedOut, // unanswered past msg_timeout: nsqd took it back and delivers it again
    Lost,     // its connection closed while it was held: nsqd delivers it again
    Failed,   // over max_attempts: finished without being shown to anyone
};
QString stateName(MessageState state);
// The first line of a body, short, with bytes that are not text shown as such.
QString bodyPreview(const QByteArray &body);
// The English name, as exports carry it whatever the window's language.
const char *stateSourceName(MessageState state);

// The messages seen in this session, one row per message ID (a redelivery updates its row), at
// most retention() rows: the oldest go first (held ones stay until answered), and droppedCount()
// says how many went.
// Rows arrive in batches, one insert per batch.
class MessageModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    // What a user decides on comes first: which message, its fate, its time left, its body.
    enum Column {
        Seq,
        Id,
        State,
        TimeLeft,
        Attempts,
        Size,
        Body,
        Received,
        Timestamp,
        Source,
        ColumnCount
    };
    enum Role {
        IdRole = Qt::UserRole + 1, // QByteArray, 16 bytes
        StateRole,                 // MessageState as int
        BodyRole,                  // QByteArray
        DeadlineRole,              // qint64 ms since epoch; 0 when not held
    };
    // One thing that happened to a message, as this session saw it: its life, step by step.
    struct LifeStep
    {
        enum class Kind { Delivered, Touched, Finished, Requeued, TimedOut, Refused, Lost, Failed };
        Kind kind = Kind::Delivered;
        qint64 atMs = 0;
        qint64 value = 0; // Delivered: the attempt; Requeued: the delay in ms (-1: default)
    };
    // Kept per message. Past it the oldest after the first delivery go, counted in
    // Row::lifeDropped: the first stays, as the times are counted from it.
    static constexpr int kLifeSteps = 64;

    struct Row
    {
        quint64 seq = 0;
        nsq::Delivery delivery;
        MessageState state = MessageState::InFlight;
        qint64 deadlineMs = 0; // when nsqd takes it back unless touched (held rows only)
        qint64 requeueDelayMs = -1;
        int deliveries = 1; // how many times it arrived here
        QString note;       // what the server said about it last (E_FIN_FAILED, ...)
        QList<LifeStep> life;
        int lifeDropped = 0; // steps that went from between life[0] and life[1]
    };

    explicit MessageModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setRetention(int rows);
    int retention() const { return m_retention; }
    quint64 droppedCount() const { return m_dropped; }
    // Tail mode: what arrives is finished already.
    void setFinishedOnArrival(bool on) { m_finishedOnArrival = on; }
    // msg_timeout per nsqd as the server announced it; used for the countdown.
    // maxMs: max_msg_timeout, past which TOUCH extends no more.
    void setMessageTimeout(const QString &source, qint64 ms, qint64 maxMs = 0);
    qint64 messageTimeout(const QString &source) const;

    // Deliveries and events in the order they happened; between beginBatch() and endBatch() the
    // new rows are inserted once, at the end, and events may already refer to them.
    void beginBatch();
    void endBatch();
    void addDeliveries(const QList<nsq::Delivery> &deliveries);
    void applyEvents(const QList<nsq::ConsumerEvent> &events);
    void clear();

    const Row &rowAt(int row) const { return m_rows[size_t(row)]; }
    int rowOf(const nsq::MessageId &id) const;
    // The row of the message with this sequence number ("#"), or -1 when it is not (or no
    // longer) retained.
    int rowOfSeq(quint64 seq) const;
    quint64 firstSeq() const { return m_rows.empty() ? 0 : m_rows.front().seq; }
    quint64 lastSeq() const { return m_rows.empty() ? 0 : m_rows.back().seq; }
    // The last number given before the list was last cleared (0: never cleared).
    quint64 clearedThrough() const { return m_clearedThrough; }
    int heldCount() const { return m_held; }
    QList<nsq::MessageId> heldIds() const;

Q_SIGNALS:
    void droppedCountChanged(quint64 dropped);
    void heldCountChanged(int held);

private:
    // Where the ID's row is or will be: past the end while its batch is being added.
    int indexOf(const nsq::MessageId &id) const;
    void setState(int row, MessageState state, const QString &note = {});
    Row &rowRef(int index); // a table row, or one of the batch not yet inserted
    void trim();
    static void addStep(Row &r, LifeStep::Kind kind, qint64 atMs, qint64 value = 0);
    void rowChanged(int row);

    std::deque<Row> m_rows;
    // Rows keep their number for life, so a number once read still finds its message. Numbers
    // are in order; they have gaps only where Clear list kept the held rows.
    quint64 m_nextSeq = 1;
    quint64 m_clearedThrough = 0;
    QHash<nsq::MessageId, quint64> m_seqById;
    QHash<QString, qint64> m_msgTimeouts;
    QHash<QString, qint64> m_maxMsgTimeouts;
    QList<Row> m_fresh; // rows of the batch under way, inserted by endBatch()
    int m_batchDepth = 0;
    int m_heldBeforeBatch = 0;
    int m_retention = 100000;
    quint64 m_dropped = 0;
    int m_held = 0;
    bool m_finishedOnArrival = false;
};

} // namespace nsqui
