#include "tracemodel.h"

#include "timeformat.h"

#include <QDateTime>
#include <QIODevice>

namespace nsqui {

TraceModel::TraceModel(QObject *parent) : QAbstractTableModel(parent) {}

int TraceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TraceModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TraceModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const nsq::TraceEntry &e = m_rows[size_t(index.row())];
    const bool sent = e.record.direction == nsq::TraceRecord::Direction::Sent;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Time:
            return TimeFormat::instance().time(e.record.timestampMs);
        case Connection:
            return e.address;
        case Direction:
            return sent ? tr("sent") : tr("received");
        case Summary:
            return e.record.summary.size() > 300 ? e.record.summary.left(300) + QChar(0x2026)
                                                 : e.record.summary;
        case Size:
            return e.record.raw.size();
        }
    } else if (role == Qt::ToolTipRole && index.column() == Summary) {
        return e.record.summary.left(4000);
    } else if (role == Qt::TextAlignmentRole && index.column() == Size) {
        return int(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant TraceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Connection:
        return tr("Connection");
    case Direction:
        return tr("Direction");
    case Summary:
        return tr("Frame");
    case Size:
        return tr("Bytes");
    }
    return {};
}

void TraceModel::setCapacity(int frames)
{
    m_capacity = qMax(100, frames);
    const quint64 before = m_dropped;
    trim();
    if (m_dropped != before)
        Q_EMIT droppedCountChanged(m_dropped);
}

void TraceModel::trim()
{
    // At most capacity() frames and about kMaxBytes of them: big bodies count by their size.
    qsizetype n = qMax<qsizetype>(0, qsizetype(m_rows.size()) - m_capacity);
    qint64 bytes = m_bytes;
    for (qsizetype i = 0; i < n; ++i)
        bytes -= m_rows[size_t(i)].record.raw.size();
    while (bytes > kMaxBytes && n < qsizetype(m_rows.size()) - 1)
        bytes -= m_rows[size_t(n++)].record.raw.size();
    if (n == 0)
        return;
    beginRemoveRows({}, 0, int(n - 1));
    m_rows.erase(m_rows.begin(), m_rows.begin() + n);
    endRemoveRows();
    m_bytes = bytes;
    m_dropped += quint64(n);
}

void TraceModel::append(const QList<nsq::TraceEntry> &frames, qint64 dropped)
{
    const quint64 droppedBefore = m_dropped;
    m_dropped += quint64(qMax<qint64>(0, dropped));
    qsizetype from = 0;
    if (frames.size() > m_capacity) {
        from = frames.size() - m_capacity;
        m_dropped += quint64(from);
    }
    const qsizetype count = frames.size() - from;
    if (count > 0) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(count) - 1);
        for (qsizetype i = from; i < frames.size(); ++i) {
            m_rows.push_back(frames[i]);
            m_bytes += frames[i].record.raw.size();
        }
        endInsertRows();
        trim();
    }
    if (m_dropped != droppedBefore)
        Q_EMIT droppedCountChanged(m_dropped);
}

void TraceModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_bytes = 0;
    m_dropped = 0;
    endResetModel();
    Q_EMIT droppedCountChanged(0);
}

int TraceModel::find(qint64 timeMs, const QString &address, const QStringList &prefixes) const
{
    for (size_t i = 0; i < m_rows.size(); ++i) {
        const nsq::TraceEntry &e = m_rows[i];
        if (e.record.timestampMs < timeMs || (!address.isEmpty() && e.address != address))
            continue;
        for (const QString &p : prefixes)
            if (e.record.summary.startsWith(p))
                return int(i);
    }
    return -1;
}

qsizetype TraceModel::write(QIODevice *device, const QList<int> &rows) const
{
    qsizetype n = 0;
    const auto one = [&](const nsq::TraceEntry &e) {
        if (device->write(nsq::traceJsonLine(e.address, e.record)) < 0)
            return false;
        ++n;
        return true;
    };
    if (rows.isEmpty()) {
        for (const nsq::TraceEntry &e : m_rows)
            if (!one(e))
                return -1;
    } else {
        for (int r : rows)
            if (r >= 0 && r < int(m_rows.size()) && !one(m_rows[size_t(r)]))
                return -1;
    }
    return n;
}

} // namespace nsqui
