#include "timelinemodel.h"

#include <QDateTime>
#include <QFont>
#include <QHash>
#include <QLocale>

namespace nsqui {

using EK = nsq::ConsumerEvent::Kind;

TimelineModel::TimelineModel(QObject *parent) : QAbstractTableModel(parent) {}

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString TimelineModel::kindName(Kind kind)
{
    switch (kind) {
    case Kind::State:
        return tr("state");
    case Kind::Ready:
        return tr("RDY");
    case Kind::Response:
        return tr("response");
    case Kind::Error:
        return tr("error");
    case Kind::Message:
        return tr("message");
    case Kind::Finished:
        return tr("message finished");
    case Kind::Requeued:
        return tr("message requeued");
    case Kind::Touched:
        return tr("message touched");
    case Kind::TimedOut:
        return tr("message timed out");
    case Kind::ActionFailed:
        return tr("action failed");
    case Kind::Backoff:
        return tr("backoff");
    case Kind::Continue:
        return tr("continue");
    case Kind::Resume:
        return tr("resume");
    case Kind::IoError:
        return tr("I/O error");
    case Kind::Heartbeat:
        return tr("heartbeat");
    case Kind::Close:
        return tr("close");
    case Kind::Released:
        return tr("held messages released");
    }
    return {};
}

QList<TimelineModel::Kind> TimelineModel::kinds()
{
    QList<Kind> out;
    for (int k = int(Kind::State); k <= int(Kind::Released); ++k)
        out << Kind(k);
    return out;
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const Row &r = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Time:
            return QDateTime::fromMSecsSinceEpoch(r.atMs).toString(QStringLiteral("HH:mm:ss.zzz"));
        case Connection:
            return r.address;
        case Event:
            return r.count > 1
                       ? tr("%1 \u00d7%2").arg(kindName(r.kind), QLocale().toString(r.count))
                       : kindName(r.kind);
        case Details:
            return r.details;
        }
        break;
    case Qt::FontRole:
        if (r.count > 1) {
            QFont f;
            f.setItalic(true);
            return f;
        }
        break;
    case Qt::ToolTipRole:
        if (r.count > 1)
            return tr("%1 events of this kind came in one batch: counted, not listed one by one")
                .arg(r.count);
        break;
    case KindRole:
        return int(r.kind);
    case TimeRole:
        return r.atMs;
    case CountRole:
        return r.count;
    }
    return {};
}

QVariant TimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Connection:
        return tr("Connection");
    case Event:
        return tr("Event");
    case Details:
        return tr("Details");
    }
    return {};
}

void TimelineModel::setCapacity(int rows)
{
    m_capacity = qMax(100, rows);
    append({});
}

void TimelineModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_dropped = 0;
    m_counted = 0;
    endResetModel();
    Q_EMIT droppedCountChanged(0);
}

int TimelineModel::find(qint64 timeMs, Kind kind, const QString &address) const
{
    for (size_t i = 0; i < m_rows.size(); ++i) {
        const Row &r = m_rows[i];
        if (r.atMs >= timeMs && r.kind == kind && (address.isEmpty() || r.address == address))
            return int(i);
    }
    return -1;
}

namespace {

QString stateDetails(nsq::Conn::State state)
{
    return connectionStateWords(state);
}

} // namespace

void TimelineModel::addFeed(const QList<FeedSegment> &feed)
{
    // One item per event, in order; per-message ones are grouped by (kind, connection) so that a
    // burst becomes one counted row where its first event was.
    struct Item
    {
        Row row;
        bool perMessage = false;
    };
    std::vector<Item> items;
    QHash<QPair<int, QString>, qint64> groups;
    const auto source = [this](const nsq::MessageId &id) {
        return m_sourceOf ? m_sourceOf(id) : QString();
    };
    const auto perMessage = [&](qint64 at, Kind kind, const QString &address, QString details,
                                qint64 count = 1) {
        items.push_back(Item{Row{at, address, kind, std::move(details), count}, true});
        groups[qMakePair(int(kind), address)] += count;
    };
    const auto listed = [&](qint64 at, Kind kind, const QString &address, QString details) {
        items.push_back(Item{Row{at, address, kind, std::move(details), 1}, false});
    };
    for (const FeedSegment &segment : feed) {
        for (const nsq::Delivery &d : segment.deliveries)
            perMessage(d.receivedMs, Kind::Message, d.source,
                       tr("%1, attempt %2, %3 bytes")
                           .arg(d.message.id.toString())
                           .arg(d.message.attempts)
                           .arg(d.message.body.size()));
        if (segment.finishedUnlisted > 0 && !segment.deliveries.isEmpty())
            perMessage(segment.deliveries.last().receivedMs, Kind::Finished,
                       segment.deliveries.last().source, tr("finished on arrival (Tail)"),
                       segment.finishedUnlisted);
        for (const nsq::ConsumerEvent &e : segment.events) {
            switch (e.kind) {
            case EK::ConnectionState:
                listed(e.atMs, Kind::State, e.address, stateDetails(e.state));
                break;
            case EK::Connected:
                listed(e.atMs, Kind::State, e.address, tr("subscribed"));
                break;
            case EK::Disconnected:
                if (e.text != QLatin1String("closed"))
                    listed(e.atMs, Kind::IoError, e.address, e.text);
                listed(e.atMs, Kind::Close, e.address, e.text);
                break;
            case EK::Error:
                listed(e.atMs, Kind::Error, e.address, e.text);
                break;
            case EK::ServerError:
                listed(e.atMs, Kind::Error, e.address, e.text);
                break;
            case EK::Response:
                listed(e.atMs, Kind::Response, e.address, e.text);
                break;
            case EK::Heartbeat:
                listed(e.atMs, Kind::Heartbeat, e.address, tr("answered with NOP"));
                break;
            case EK::Ready:
                listed(e.atMs, Kind::Ready, e.address, tr("RDY %1").arg(e.value));
                break;
            case EK::Finished:
                perMessage(e.atMs, Kind::Finished, source(e.id), e.id.toString());
                break;
            case EK::Requeued:
                perMessage(e.atMs, Kind::Requeued, source(e.id),
                           e.value < 0 ? tr("%1, server's default delay").arg(e.id.toString())
                                       : tr("%1, delay %2 ms").arg(e.id.toString()).arg(e.value));
                break;
            case EK::Touched:
                perMessage(e.atMs, Kind::Touched, source(e.id), e.id.toString());
                break;
            case EK::TimedOut:
                perMessage(e.atMs, Kind::TimedOut, source(e.id), e.id.toString());
                break;
            case EK::ActionFailed:
                listed(e.atMs, Kind::ActionFailed, source(e.id), e.text);
                break;
            case EK::Failed:
                listed(e.atMs, Kind::ActionFailed, source(e.id),
                       tr("%1 passed max_attempts (%2)").arg(e.id.toString()).arg(e.value));
                break;
            case EK::Released:
                listed(e.atMs, Kind::Released, e.address,
                       tr("%1 held messages go back to the channel").arg(e.ids.size()));
                break;
            case EK::BackoffStarted:
                listed(e.atMs, Kind::Backoff, e.address,
                       tr("level %1: RDY 0 for %2 ms").arg(e.value).arg(e.duration));
                break;
            case EK::BackoffContinued:
                listed(e.atMs, Kind::Continue, e.address,
                       tr("level %1, %2 ms").arg(e.value).arg(e.duration));
                break;
            case EK::BackoffResumed:
                listed(e.atMs, Kind::Resume, e.address, tr("backoff over"));
                break;
            case EK::Stopped:
                break;
            }
        }
    }
    std::vector<Row> rows;
    rows.reserve(items.size());
    QHash<QPair<int, QString>, bool> emitted;
    for (Item &item : items) {
        if (!item.perMessage) {
            rows.push_back(std::move(item.row));
            continue;
        }
        const auto key = qMakePair(int(item.row.kind), item.row.address);
        const qint64 n = groups.value(key);
        if (n <= kListLimit && item.row.count == 1) {
            rows.push_back(std::move(item.row));
        } else if (!emitted.value(key)) {
            emitted.insert(key, true);
            m_counted += quint64(n);
            item.row.count = n;
            item.row.details =
                tr("%1 in one batch (about 16 ms): counted, too many to list one by one")
                    .arg(QLocale().toString(n));
            rows.push_back(std::move(item.row));
        }
    }
    for (const Row &r : rows)
        if (!r.address.isEmpty() && !m_connections.contains(r.address)) {
            m_connections << r.address;
            Q_EMIT connectionsChanged(m_connections);
        }
    append(std::move(rows));
}

void TimelineModel::append(std::vector<Row> &&rows)
{
    const quint64 before = m_dropped;
    size_t from = 0;
    if (rows.size() > size_t(m_capacity)) {
        from = rows.size() - size_t(m_capacity);
        m_dropped += from;
    }
    const qsizetype incoming = qsizetype(rows.size() - from);
    const qsizetype over = qsizetype(m_rows.size()) + incoming - m_capacity;
    if (over > 0 && !m_rows.empty()) {
        const qsizetype n = qMin<qsizetype>(over, qsizetype(m_rows.size()));
        beginRemoveRows({}, 0, int(n - 1));
        m_rows.erase(m_rows.begin(), m_rows.begin() + n);
        endRemoveRows();
        m_dropped += quint64(n);
    }
    if (incoming > 0) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(incoming) - 1);
        for (size_t i = from; i < rows.size(); ++i)
            m_rows.push_back(std::move(rows[i]));
        endInsertRows();
    }
    if (m_dropped != before)
        Q_EMIT droppedCountChanged(m_dropped);
}

} // namespace nsqui
