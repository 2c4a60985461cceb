#include "messagemodel.h"

#include "timeformat.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QLocale>

#include <algorithm>

namespace nsqui {

namespace {
constexpr qint64 kDefaultMsgTimeout = 60000; // nsqd's default, until a server says otherwise

} // namespace

QString bodyPreview(const QByteArray &body)
{
    QByteArray head = body.left(160);
    const qsizetype nl = head.indexOf('\n');
    if (nl >= 0)
        head.truncate(nl);
    QString s = QString::fromUtf8(head);
    for (QChar &c : s)
        if (c.unicode() < 0x20 || c == QChar::ReplacementCharacter)
            c = QChar(0x00B7);
    return s;
}

const char *stateSourceName(MessageState state)
{
    switch (state) {
    case MessageState::InFlight:
        return QT_TRANSLATE_NOOP("nsqui::MessageModel", "in flight");
    case MessageState::Finished:
        return QT_TRANSLATE_NOOP("nsqui::MessageModel", "finished");
    case MessageState::Requeued:
        return QT_TRANSLATE_NOOP("nsqui::MessageModel", "requeued");
    case MessageState::TimedOut:
        return QT_TRANSLATE_NOOP("nsqui::MessageModel", "timed out");
    case MessageState::Lost:
        return QT_TRANSLATE_NOOP("nsqui::MessageModel", "lost with its connection");
    case MessageState::Failed:
        return QT_TRANSLATE_NOOP("nsqui::MessageModel", "failed (max attempts)");
    }
    return "";
}

QString stateName(MessageState state)
{
    return MessageModel::tr(stateSourceName(state));
}

MessageModel::MessageModel(QObject *parent) : QAbstractTableModel(parent) {}

void MessageModel::addStep(Row &r, LifeStep::Kind kind, qint64 atMs, qint64 value)
{
    if (r.life.size() >= kLifeSteps) {
        r.life.removeAt(1);
        ++r.lifeDropped;
    }
    r.life << LifeStep{kind, atMs, value};
}

int MessageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MessageModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MessageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Seq:
        return QStringLiteral("#");
    case Received:
        return tr("Received");
    case Timestamp:
        return tr("Published");
    case Id:
        return tr("ID");
    case Attempts:
        return tr("Attempts");
    case Size:
        return tr("Size");
    case Source:
        return QStringLiteral("nsqd");
    case State:
        return tr("State");
    case TimeLeft:
        return tr("Time left");
    case Body:
        return tr("Body");
    }
    return {};
}

QVariant MessageModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const Row &r = m_rows[size_t(index.row())];
    const nsq::Message &m = r.delivery.message;
    switch (role) {
    case IdRole:
        return m.id.toByteArray();
    case StateRole:
        return int(r.state);
    case BodyRole:
        return m.body;
    case DeadlineRole:
        return r.state == MessageState::InFlight ? r.deadlineMs : qint64(0);
    case Qt::ToolTipRole:
        if (index.column() == State && !r.note.isEmpty())
            return r.note;
        if (index.column() == Received)
            return TimeFormat::instance().allForms(r.delivery.receivedMs);
        if (index.column() == Timestamp)
            return TimeFormat::instance().allForms(m.timestamp / 1000000);
        if (index.column() == TimeLeft && r.state == MessageState::InFlight)
            return tr("nsqd takes it back %1 unless it is touched")
                .arg(TimeFormat::instance().atTime(r.deadlineMs));
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Seq || index.column() == Attempts || index.column() == Size ||
            index.column() == TimeLeft)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (index.column() == State) {
            switch (r.state) {
            case MessageState::InFlight:
                return QBrush(QColor(0x1565c0));
            case MessageState::Finished:
                return QBrush(QColor(0x2e7d32));
            case MessageState::Requeued:
                return QBrush(QColor(0x6a1b9a));
            case MessageState::TimedOut:
            case MessageState::Lost:
            case MessageState::Failed:
                return QBrush(QColor(0xc62828));
            }
        }
        if (index.column() == TimeLeft && r.state == MessageState::InFlight) {
            const qint64 left = r.deadlineMs - QDateTime::currentMSecsSinceEpoch();
            const qint64 timeout = messageTimeout(r.delivery.source);
            if (left < qMin<qint64>(10000, timeout / 4))
                return QBrush(QColor(0xc62828));
        }
        return {};
    case Qt::FontRole:
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case Seq:
        return r.seq;
    case Received:
        return TimeFormat::instance().when(r.delivery.receivedMs);
    case Timestamp:
        return TimeFormat::instance().when(m.timestamp / 1000000);
    case Id:
        return m.id.toString();
    case Attempts:
        return int(m.attempts);
    case Size:
        return QLocale().formattedDataSize(m.body.size(), 1, QLocale::DataSizeTraditionalFormat);
    case Source:
        return r.delivery.source;
    case State: {
        QString s = stateName(r.state);
        if (r.state == MessageState::Requeued && r.requeueDelayMs > 0)
            s += QStringLiteral(" (%1 ms)").arg(r.requeueDelayMs);
        if (r.deliveries > 1 && r.state == MessageState::InFlight)
            s += tr(" (redelivered)");
        if (!r.note.isEmpty())
            s += QStringLiteral(" — ") + r.note;
        return s;
    }
    case TimeLeft: {
        if (r.state != MessageState::InFlight)
            return QString();
        const qint64 left = r.deadlineMs - QDateTime::currentMSecsSinceEpoch();
        if (left <= 0)
            return tr("%1 s").arg(0.0, 0, 'f', 1);
        return tr("%1 s").arg(double(left) / 1000.0, 0, 'f', 1);
    }
    case Body:
        return bodyPreview(m.body);
    }
    return {};
}

void MessageModel::setRetention(int rows)
{
    m_retention = qMax(1, rows);
    trim();
}

void MessageModel::setMessageTimeout(const QString &source, qint64 ms, qint64 maxMs)
{
    if (ms > 0)
        m_msgTimeouts.insert(source, ms);
    if (maxMs > 0)
        m_maxMsgTimeouts.insert(source, maxMs);
}

qint64 MessageModel::messageTimeout(const QString &source) const
{
    return m_msgTimeouts.value(source, kDefaultMsgTimeout);
}

int MessageModel::rowOf(const nsq::MessageId &id) const
{
    const int row = indexOf(id);
    return row < int(m_rows.size()) ? row : -1;
}

int MessageModel::indexOf(const nsq::MessageId &id) const
{
    const auto it = m_seqById.constFind(id);
    if (it == m_seqById.cend())
        return -1;
    if (!m_fresh.isEmpty() && it.value() >= m_fresh.front().seq) // numbered in a row
        return int(m_rows.size()) + int(it.value() - m_fresh.front().seq);
    return rowOfSeq(it.value());
}

int MessageModel::rowOfSeq(quint64 seq) const
{
    if (m_rows.empty() || seq < m_rows.front().seq || seq > m_rows.back().seq)
        return -1;
    if (m_rows.back().seq - m_rows.front().seq == m_rows.size() - 1) // no gap: the usual case
        return int(seq - m_rows.front().seq);
    const auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), seq,
                                     [](const Row &r, quint64 s) { return r.seq < s; });
    return it != m_rows.cend() && it->seq == seq ? int(it - m_rows.cbegin()) : -1;
}

QList<nsq::MessageId> MessageModel::heldIds() const
{
    QList<nsq::MessageId> ids;
    for (const Row &r : m_rows)
        if (r.state == MessageState::InFlight)
            ids << r.delivery.message.id;
    return ids;
}

void MessageModel::rowChanged(int row)
{
    if (row < int(m_rows.size()))
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    // (a row of the batch being added is not in the table yet: nothing to announce)
}

MessageModel::Row &MessageModel::rowRef(int index)
{
    return index < int(m_rows.size()) ? m_rows[size_t(index)] : m_fresh[index - int(m_rows.size())];
}

void MessageModel::setState(int row, MessageState state, const QString &note)
{
    Row &r = rowRef(row);
    if (r.state == state && r.note == note)
        return; // nothing the view would show differently
    if (r.state == MessageState::InFlight && state != MessageState::InFlight)
        --m_held;
    else if (r.state != MessageState::InFlight && state == MessageState::InFlight)
        ++m_held;
    r.state = state;
    r.note = note;
    rowChanged(row);
}

void MessageModel::beginBatch()
{
    if (m_batchDepth++ == 0)
        m_heldBeforeBatch = m_held;
}

void MessageModel::endBatch()
{
    if (--m_batchDepth > 0)
        return;
    if (!m_fresh.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(m_fresh.size()) - 1);
        for (Row &r : m_fresh)
            m_rows.push_back(std::move(r));
        m_fresh.clear();
        endInsertRows();
        trim();
    }
    if (m_held != m_heldBeforeBatch)
        Q_EMIT heldCountChanged(m_held);
}

void MessageModel::addDeliveries(const QList<nsq::Delivery> &deliveries)
{
    beginBatch();
    const MessageState arrival =
        m_finishedOnArrival ? MessageState::Finished : MessageState::InFlight;
    for (const nsq::Delivery &d : deliveries) {
        const int existing = indexOf(d.message.id);
        if (existing >= 0) {
            // Delivered again (timed out, lost with a connection, requeued): same row, which may
            // still be in this batch (Peek requeues at once).
            Row &r = rowRef(existing);
            r.delivery = d;
            r.deliveries += 1;
            r.deadlineMs = d.receivedMs + messageTimeout(d.source);
            r.requeueDelayMs = -1;
            addStep(r, LifeStep::Kind::Delivered, d.receivedMs, d.message.attempts);
            const bool sameState = r.state == arrival && r.note.isEmpty();
            setState(existing, arrival);
            if (sameState)
                rowChanged(existing); // attempts and times changed all the same
            continue;
        }
        Row r;
        r.seq = m_nextSeq++;
        r.delivery = d;
        r.state = arrival;
        r.deadlineMs = d.receivedMs + messageTimeout(d.source);
        addStep(r, LifeStep::Kind::Delivered, d.receivedMs, d.message.attempts);
        if (arrival == MessageState::Finished) // Tail: finished as it arrived
            addStep(r, LifeStep::Kind::Finished, d.receivedMs);
        m_seqById.insert(d.message.id, r.seq);
        if (arrival == MessageState::InFlight)
            ++m_held;
        m_fresh << std::move(r);
    }
    endBatch();
}

void MessageModel::applyEvents(const QList<nsq::ConsumerEvent> &events)
{
    using K = nsq::ConsumerEvent::Kind;
    beginBatch();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const nsq::ConsumerEvent &e : events) {
        if (e.kind == K::Released) {
            for (const nsq::MessageId &id : e.ids) {
                const int row = indexOf(id);
                if (row >= 0 && rowRef(row).state == MessageState::InFlight) {
                    addStep(rowRef(row), LifeStep::Kind::Lost, e.atMs);
                    setState(row, MessageState::Lost);
                }
            }
            continue;
        }
        const int row = indexOf(e.id);
        if (row < 0)
            continue;
        Row &r = rowRef(row);
        switch (e.kind) {
        case K::Finished:
            addStep(r, LifeStep::Kind::Finished, e.atMs);
            setState(row, MessageState::Finished);
            break;
        case K::Requeued:
            addStep(r, LifeStep::Kind::Requeued, e.atMs, e.value);
            r.requeueDelayMs = e.value;
            setState(row, MessageState::Requeued);
            break;
        case K::Touched: {
            addStep(r, LifeStep::Kind::Touched, e.atMs);
            // nsqd extends by msg_timeout, but never past max_msg_timeout from delivery.
            qint64 deadline = qMax(now, e.atMs) + messageTimeout(r.delivery.source);
            const qint64 cap = m_maxMsgTimeouts.value(r.delivery.source, 0);
            if (cap > 0)
                deadline = qMin(deadline, r.delivery.receivedMs + cap);
            r.deadlineMs = deadline;
            r.note.clear();
            rowChanged(row);
            break;
        }
        case K::TimedOut:
            if (r.state == MessageState::InFlight) {
                addStep(r, LifeStep::Kind::TimedOut, e.atMs);
                setState(row, MessageState::TimedOut);
            }
            break;
        case K::ActionFailed:
            // E_FIN_FAILED and friends: the server no longer had it in flight.
            if (e.action == nsq::Conn::MessageAction::Touch) {
                setState(row, r.state, e.text);
            } else {
                addStep(r, LifeStep::Kind::Refused, e.atMs);
                setState(row, MessageState::TimedOut, e.text);
            }
            break;
        case K::Failed:
            // This delivery was never handed on: the row shows the attempt given up at.
            if (e.message.attempts > r.delivery.message.attempts)
                r.delivery.message.attempts = e.message.attempts;
            addStep(r, LifeStep::Kind::Failed, e.atMs, e.message.attempts);
            setState(row, MessageState::Failed);
            rowChanged(row);
            break;
        default:
            break;
        }
    }
    endBatch();
}

void MessageModel::trim()
{
    // The oldest go first, but never a held one: the user could no longer answer it. Rows pile
    // up behind a held row only as fast as the user answers others (RDY bounds what is held).
    int excess = int(m_rows.size()) - m_retention;
    int removable = 0;
    while (removable < excess && m_rows[size_t(removable)].state != MessageState::InFlight)
        ++removable;
    excess = removable;
    if (excess <= 0)
        return;
    beginRemoveRows({}, 0, excess - 1);
    for (int i = 0; i < excess; ++i) {
        const Row &r = m_rows.front();
        const auto it = m_seqById.find(r.delivery.message.id);
        if (it != m_seqById.end() && it.value() == r.seq)
            m_seqById.erase(it);
        m_rows.pop_front();
    }
    m_dropped += quint64(excess);
    endRemoveRows();
    Q_EMIT droppedCountChanged(m_dropped);
}

void MessageModel::clear()
{
    // Held messages stay: the consumer still holds them, and only here can they be answered.
    beginResetModel();
    std::deque<Row> kept;
    for (Row &r : m_rows)
        if (r.state == MessageState::InFlight)
            kept.push_back(std::move(r));
    m_rows.clear();
    m_seqById.clear();
    m_clearedThrough = m_nextSeq - 1;
    for (Row &r : kept) {
        m_seqById.insert(r.delivery.message.id, r.seq);
        m_rows.push_back(std::move(r));
    }
    m_dropped = 0;
    endResetModel();
    Q_EMIT droppedCountChanged(0);
}

} // namespace nsqui
