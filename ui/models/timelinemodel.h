#pragma once

#include "inspectorsession.h"

#include <QAbstractTableModel>

#include <deque>
#include <functional>

namespace nsqui {

// What happened on the connections, one row an event, as go-nsq's connection delegate hears them
// (response, error, message, message finished, message requeued, backoff, continue, resume, I/O
// error, heartbeat, close) plus state changes and RDY updates. Bounded, with a count of what was
// dropped. Per-message events come in bursts: more than kListLimit of one kind on one connection
// in one batch become a single "counted" row.
class TimelineModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Time, Connection, Event, Details, ColumnCount };
    enum class Kind {
        State,
        Ready,
        Response,
        Error,
        Message,
        Finished,
        Requeued,
        Touched,
        TimedOut,
        ActionFailed,
        Backoff,
        Continue,
        Resume,
        IoError,
        Heartbeat,
        Close,
        Released,
    };
    Q_ENUM(Kind)
    enum Role { KindRole = Qt::UserRole + 1, TimeRole, CountRole };
    static constexpr int kListLimit = 8;

    struct Row
    {
        qint64 atMs = 0;
        QString address;
        Kind kind = Kind::State;
        QString details;
        qint64 count = 1; // > 1: a counted row, standing for that many events
    };

    explicit TimelineModel(QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString kindName(Kind kind);
    static QList<Kind> kinds();

    void setCapacity(int rows);
    // Which connection a message came from, for events that name only its ID.
    void setSourceLookup(std::function<QString(const nsq::MessageId &)> lookup)
    {
        m_sourceOf = std::move(lookup);
    }
    void addFeed(const QList<FeedSegment> &feed);
    void clear();
    const Row &rowAt(int row) const { return m_rows[size_t(row)]; }
    quint64 droppedCount() const { return m_dropped; }
    quint64 countedEvents() const { return m_counted; } // events shown as counts, not rows
    QStringList connections() const { return m_connections; }
    // The first row at or after timeMs of this kind (and connection, if given); -1 if none.
    int find(qint64 timeMs, Kind kind, const QString &address = {}) const;

Q_SIGNALS:
    void droppedCountChanged(quint64 dropped);
    void connectionsChanged(const QStringList &connections);

private:
    void append(std::vector<Row> &&rows);

    std::deque<Row> m_rows;
    int m_capacity = 10000;
    quint64 m_dropped = 0;
    quint64 m_counted = 0;
    QStringList m_connections;
    std::function<QString(const nsq::MessageId &)> m_sourceOf;
};

} // namespace nsqui
