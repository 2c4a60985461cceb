#pragma once

#include <client/trace.h>

#include <QAbstractTableModel>

#include <deque>

class QIODevice;

namespace nsqui {

// The wire trace shown in the window: frames sent and received on every connection, newest last,
// at most capacity() of them; older ones are dropped with a count. Frames are kept whole: the view
// cuts long bodies, the saved file never does.
class TraceModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Time, Connection, Direction, Summary, Size, ColumnCount };

    explicit TraceModel(QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setCapacity(int frames);
    int capacity() const { return m_capacity; }
    // dropped: frames the sender already left out (a flood), counted with those trimmed here.
    void append(const QList<nsq::TraceEntry> &frames, qint64 dropped = 0);
    void clear();
    const nsq::TraceEntry &entryAt(int row) const { return m_rows[size_t(row)]; }
    quint64 droppedCount() const { return m_dropped; }
    // The first row at or after timeMs (of this connection, if given) whose summary starts with
    // one of the prefixes; -1 if none.
    int find(qint64 timeMs, const QString &address, const QStringList &prefixes) const;
    // JSON Lines, one frame a line (see nsq::traceJsonLine); returns the number written.
    qsizetype write(QIODevice *device, const QList<int> &rows = {}) const;

Q_SIGNALS:
    void droppedCountChanged(quint64 dropped);

private:
    void trim();

    static constexpr qint64 kMaxBytes = 64 * 1024 * 1024;
    std::deque<nsq::TraceEntry> m_rows;
    qint64 m_bytes = 0;
    int m_capacity = 20000;
    quint64 m_dropped = 0;
};

} // namespace nsqui
