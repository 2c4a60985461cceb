#include "timelinemodel.h"

#include "timeformat.h"

#include <QDateTime>
#include <QFont>
#include <QHash>
#include <QLocale>
#include <QSet>

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
            return TimeFormat::instance().time(r.atMs);
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

// Calls f(kind, atMs, address, perMessage, count, details) for each event of the feed, in order;
// details is a callable that formats the text, so that nothing is formatted for events that end
// up counted rather than listed (at 100,000 messages a second, most of them).
template <typename SourceOf, typename F>
static void visitFeed(const QList<FeedSegment> &feed, const SourceOf &source, F &&f)
{
    using Kind = TimelineModel::Kind;
    const auto text = [](QString t) { return [t = std::move(t)] { return t; }; };
    for (const FeedSegment &segment : feed) {
        for (const nsq::Delivery &d : segment.deliveries)
            f(Kind::Message, d.receivedMs, d.source, true, 1, [&d] {
                return TimelineModel::tr("%1, attempt %2, %3 bytes")
                    .arg(d.message.id.toString())
                    .arg(d.message.attempts)
                    .arg(d.message.body.size());
            });
        for (auto it = segment.finishedUnlisted.cbegin(); it != segment.finishedUnlisted.cend();
             ++it)
            f(Kind::Finished,
              segment.deliveries.isEmpty() ? QDateTime::currentMSecsSinceEpoch()
                                           : segment.deliveries.last().receivedMs,
              it.key(), true, it.value(),
              [] { return TimelineModel::tr("finished on arrival (Tail)"); });
        for (const nsq::ConsumerEvent &e : segment.events) {
            switch (e.kind) {
            case EK::ConnectionState:
                f(Kind::State, e.atMs, e.address, false, 1,
                  [&e] { return connectionStateWords(e.state); });
                break;
            case EK::Connected:
                f(Kind::State, e.atMs, e.address, false, 1,
                  [] { return TimelineModel::tr("subscribed"); });
                break;
            case EK::Disconnected:
                if (e.text != QLatin1String("closed"))
                    f(Kind::IoError, e.atMs, e.address, false, 1, text(e.text));
                f(Kind::Close, e.atMs, e.address, false, 1, text(e.text));
                break;
            case EK::Error:
            case EK::ServerError:
                f(Kind::Error, e.atMs, e.address, false, 1, text(e.text));
                break;
            case EK::Response:
                f(Kind::Response, e.atMs, e.address, false, 1, text(e.text));
                break;
            case EK::Heartbeat:
                f(Kind::Heartbeat, e.atMs, e.address, false, 1,
                  [] { return TimelineModel::tr("answered with NOP"); });
                break;
            case EK::Ready:
                f(Kind::Ready, e.atMs, e.address, false, 1,
                  [&e] { return TimelineModel::tr("RDY %1").arg(e.value); });
                break;
            case EK::Finished:
                f(Kind::Finished, e.atMs, source(e.id), true, 1, [&e] { return e.id.toString(); });
                break;
            case EK::Requeued:
                f(Kind::Requeued, e.atMs, source(e.id), true, 1, [&e] {
                    return e.value < 0 ? TimelineModel::tr("%1, server's default delay")
                                             .arg(e.id.toString())
                                       : TimelineModel::tr("%1, delay %2 ms")
                                             .arg(e.id.toString())
                                             .arg(e.value);
                });
                break;
            case EK::Touched:
                f(Kind::Touched, e.atMs, source(e.id), true, 1, [&e] { return e.id.toString(); });
                break;
            case EK::TimedOut:
                f(Kind::TimedOut, e.atMs, source(e.id), true, 1, [&e] { return e.id.toString(); });
                break;
            case EK::ActionFailed:
                f(Kind::ActionFailed, e.atMs, source(e.id), false, 1, text(e.text));
                break;
            case EK::Failed:
                f(Kind::ActionFailed, e.atMs, source(e.id), false, 1, [&e] {
                    return TimelineModel::tr("%1 passed max_attempts (%2)")
                        .arg(e.id.toString())
                        .arg(e.value);
                });
                break;
            case EK::Released:
                f(Kind::Released, e.atMs, e.address, false, 1, [&e] {
                    return TimelineModel::tr("%1 held messages go back to the channel")
                        .arg(e.ids.size());
                });
                break;
            case EK::BackoffStarted:
                f(Kind::Backoff, e.atMs, e.address, false, 1, [&e] {
                    return TimelineModel::tr("level %1: RDY 0 for %2 ms")
                        .arg(e.value)
                        .arg(e.duration);
                });
                break;
            case EK::BackoffContinued:
                f(Kind::Continue, e.atMs, e.address, false, 1, [&e] {
                    return TimelineModel::tr("level %1, %2 ms").arg(e.value).arg(e.duration);
                });
                break;
            case EK::BackoffResumed:
                f(Kind::Resume, e.atMs, e.address, false, 1,
                  [] { return TimelineModel::tr("backoff over"); });
                break;
            case EK::Stopped:
                break;
            }
        }
    }
}

void TimelineModel::addFeed(const QList<FeedSegment> &feed)
{
    // Per-message events are grouped by (kind, connection): more than kListLimit of a group in
    // this feed become one counted row, where the group's first event was.
    const auto source = [this](const nsq::MessageId &id) {
        return m_sourceOf ? m_sourceOf(id) : QString();
    };
    QHash<QPair<int, QString>, qint64> groups;
    visitFeed(feed, source,
              [&](Kind kind, qint64, const QString &address, bool perMessage, qint64 count,
                  const auto &) {
                  if (perMessage)
                      groups[qMakePair(int(kind), address)] += count;
              });
    std::vector<Row> rows;
    QSet<QPair<int, QString>> emitted;
    visitFeed(feed, source,
              [&](Kind kind, qint64 at, const QString &address, bool perMessage, qint64 count,
                  const auto &details) {
                  if (!perMessage) {
                      rows.push_back(Row{at, address, kind, details(), 1});
                      return;
                  }
                  const auto key = qMakePair(int(kind), address);
                  const qint64 n = groups.value(key);
                  if (n <= kListLimit && count == 1) {
                      rows.push_back(Row{at, address, kind, details(), 1});
                  } else if (!emitted.contains(key)) {
                      emitted.insert(key);
                      m_counted += quint64(n);
                      rows.push_back(Row{at, address, kind,
                                         tr("%1 in one batch (about 16 ms): counted, too many "
                                            "to list one by one")
                                             .arg(QLocale().toString(n)),
                                         n});
                  }
              });
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
