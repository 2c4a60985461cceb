#include "tourmodel.h"

#include "timeformat.h"

#include <QBrush>
#include <QDateTime>
#include <QEvent>
#include <QFont>
#include <QPalette>

#include <array>
#include <optional>

namespace nsqui {

using EK = nsq::ConsumerEvent::Kind;

TourModel::TourModel(QObject *parent) : QAbstractListModel(parent) {}

int TourModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : StepCount;
}

QString TourModel::title(Step step)
{
    switch (step) {
    case Connect:
        return tr("1. Connect");
    case Magic:
        return tr("2. The magic \"  V2\"");
    case Identify:
        return tr("3. IDENTIFY: agree on features");
    case Upgrades:
        return tr("4. TLS, compression, AUTH");
    case Subscribe:
        return tr("5. SUB: join the channel");
    case Ready:
        return tr("6. RDY: ready for messages");
    case Message:
        return tr("7. A message arrives");
    case Handler:
        return tr("8. The handler decides");
    case Respond:
        return tr("9. FIN, REQ or TOUCH");
    case Heartbeat:
        return tr("10. Heartbeat, answered with NOP");
    case Backoff:
        return tr("11. Backoff and recovery");
    case Close:
        return tr("12. CLS and close");
    case StepCount:
        break;
    }
    return {};
}

QString TourModel::explanation(Step step) const
{
    switch (step) {
    case Connect:
        return tr("The consumer opens a TCP connection to each nsqd that has the topic: the "
                  "addresses you gave, or those nsqlookupd names. Each connection is handled on "
                  "its own; nothing is shared between them but the consumer's limits.");
    case Magic:
        return tr("The first four bytes on the wire are two spaces, V and 2. They tell nsqd which "
                  "protocol version the client speaks; nsqd answers nothing and waits for the "
                  "next command.");
    case Identify:
        return tr("IDENTIFY sends a JSON object of what the client wants (heartbeat interval, "
                  "msg_timeout, TLS, compression, its name). nsqd answers with what it grants: "
                  "max_rdy_count, msg_timeout and the features both sides will now use.");
    case Upgrades:
        return tr("If IDENTIFY agreed on TLS, the connection is encrypted right after the answer; "
                  "then snappy or deflate compression may start; then AUTH sends a secret if nsqd "
                  "asked for one. Each changes the bytes on the wire, not the commands.");
    case Subscribe:
        return tr("SUB names the topic and the channel. The channel is the consumer's queue: "
                  "every channel gets a copy of every message, and the consumers of one channel "
                  "share its messages between them.");
    case Ready:
        return tr("RDY is flow control: it tells nsqd how many messages it may send before it "
                  "has to wait. It is a window nsqd keeps, not a request; the consumer changes "
                  "it only when its max-in-flight share changes. RDY 0 stops delivery.");
    case Message:
        return tr("nsqd sends a message frame: its ID, a timestamp, the number of attempts and "
                  "the body. From now on it is in flight: nsqd waits up to msg_timeout for an "
                  "answer before it gives the message to someone else.");
    case Handler:
        switch (m_mode) {
        case Mode::Hold:
            return tr("Here the handler is you: in Hold mode every message waits in flight until "
                      "you finish, requeue or touch it in the message table.");
        case Mode::Tail:
            return tr("Here the handler is the Tail mode: each message is finished as soon as it "
                      "arrives, the way nsq_tail reads a topic.");
        case Mode::Peek:
            return tr("Here the handler is the Peek mode: each message is requeued at once with "
                      "no delay, so it comes back with one more attempt and other consumers "
                      "still get it.");
        }
        break;
    case Respond:
        return tr("FIN tells nsqd the message is done and can be forgotten. REQ puts it back on "
                  "the channel, after a delay if one is given; it comes back with attempts + 1. "
                  "TOUCH resets its msg_timeout to keep it longer.");
    case Heartbeat:
        return tr("When nothing else is sent, nsqd sends a _heartbeat_ response every heartbeat "
                  "interval. The consumer must answer with NOP; after two missed heartbeats nsqd "
                  "closes the connection, and the consumer closes it if heartbeats stop coming.");
    case Backoff:
        return tr("When messages fail (a REQ), the consumer backs off: RDY 0 on every connection "
                  "for a while that grows with each failure, then RDY 1 on one connection to "
                  "test the water. Successes bring it back to full speed. This protects a "
                  "struggling downstream from a flood of retries. (Here: turn on Messages "
                  "\u25b8 Requeue as a failure, then requeue a message.)");
    case Close:
        return tr("To stop, the consumer sends CLS. nsqd answers CLOSE_WAIT and sends nothing "
                  "more; the consumer answers what it still holds, then closes the connection. "
                  "Messages still in flight go back to the channel.");
    case StepCount:
        break;
    }
    return {};
}

QStringList TourModel::framePrefixes(Step step)
{
    switch (step) {
    case Connect:
    case Magic:
        return {QStringLiteral("MAGIC")};
    case Identify:
        return {QStringLiteral("IDENTIFY")};
    case Upgrades:
        return {QStringLiteral("response: OK"), QStringLiteral("AUTH")};
    case Subscribe:
        return {QStringLiteral("SUB")};
    case Ready:
        return {QStringLiteral("RDY")};
    case Message:
    case Handler:
        return {QStringLiteral("message")};
    case Respond:
        return {QStringLiteral("FIN"), QStringLiteral("REQ"), QStringLiteral("TOUCH")};
    case Heartbeat:
        return {QStringLiteral("response: _heartbeat_"), QStringLiteral("NOP")};
    case Backoff:
        return {QStringLiteral("RDY 0")};
    case Close:
        return {QStringLiteral("CLS")};
    case StepCount:
        break;
    }
    return {};
}

TimelineModel::Kind TourModel::timelineKind(Step step)
{
    using K = TimelineModel::Kind;
    switch (step) {
    case Ready:
        return K::Ready;
    case Message:
    case Handler:
        return K::Message;
    case Respond:
        return K::Finished;
    case Heartbeat:
        return K::Heartbeat;
    case Backoff:
        return K::Backoff;
    case Close:
        return K::Close;
    default:
        return K::State;
    }
}

QVariant TourModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= StepCount)
        return {};
    const auto step = Step(index.row());
    const Progress &p = m_steps[step];
    switch (role) {
    case Qt::DisplayRole:
        switch (p.status) {
        case Status::ToCome:
            return tr("%1 \u2014 still to come").arg(title(step));
        case Status::NotUsed:
            return tr("%1 \u2014 not used in this session").arg(title(step));
        case Status::Happened:
            return tr("%1 \u2014 %2").arg(title(step), TimeFormat::instance().time(p.firstMs));
        }
        break;
    case Qt::FontRole:
        if (p.status == Status::Happened) {
            QFont f;
            f.setBold(true);
            return f;
        }
        break;
    case Qt::ForegroundRole:
        if (p.status != Status::Happened)
            return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
        break;
    case Qt::DecorationRole:
        return QColor(p.status == Status::Happened ? QColor(0x2c, 0xa0, 0x2c)
                                                   : QColor(0xc0, 0xc0, 0xc0));
    case StatusRole:
        return int(p.status);
    case TimeRole:
        return p.firstMs;
    case AddressRole:
        return p.address;
    case ExplanationRole:
        return explanation(step);
    }
    return {};
}

void TourModel::retranslate()
{
    Q_EMIT dataChanged(index(0), index(StepCount - 1));
}

void TourModel::setMode(Mode mode)
{
    m_mode = mode;
    Q_EMIT dataChanged(index(Handler), index(Handler));
}

void TourModel::reset()
{
    beginResetModel();
    for (Progress &p : m_steps)
        p = Progress();
    m_sawUpgrade = false;
    m_closing.clear();
    endResetModel();
}

QList<TourModel::Step> TourModel::happenedInOrder() const
{
    QList<Step> out;
    for (int s = 0; s < StepCount; ++s)
        if (m_steps[s].status == Status::Happened)
            out << Step(s);
    std::stable_sort(out.begin(), out.end(),
                     [this](Step a, Step b) { return m_steps[a].firstMs < m_steps[b].firstMs; });
    return out;
}

void TourModel::apply(Step step, const Seen &seen)
{
    Progress &p = m_steps[step];
    const bool first = p.status != Status::Happened;
    if (first) {
        p.status = Status::Happened;
        p.firstMs = seen.firstMs;
        p.address = seen.address;
    }
    p.lastMs = seen.lastMs;
    p.count += seen.count;
    if (!seen.detail.isEmpty())
        p.detail = seen.detail;
    Q_EMIT dataChanged(index(step), index(step));
    if (first)
        Q_EMIT stepReached(step);
}

void TourModel::addFeed(const QList<FeedSegment> &feed)
{
    using S = nsq::Conn::State;
    // What each step saw in this feed, applied once per step at the end: in Peek every message is
    // a REQ, and the tour must not do work per message.
    std::array<std::optional<Seen>, StepCount> seen;
    const auto see = [&seen](Step step, qint64 atMs, const QString &address, auto detail,
                             qint64 count = 1) {
        std::optional<Seen> &s = seen[step];
        if (!s) {
            s = Seen{atMs, atMs, address, detail(), count};
            return;
        }
        s->lastMs = atMs;
        s->count += count;
    };
    const auto none = [] { return QString(); };
    for (const FeedSegment &segment : feed) {
        if (!segment.deliveries.isEmpty()) {
            const nsq::Delivery &d = segment.deliveries.first();
            const auto detail = [&d] {
                return tr("%1, attempt %2, %3 bytes")
                    .arg(d.message.id.toString())
                    .arg(d.message.attempts)
                    .arg(d.message.body.size());
            };
            see(Message, d.receivedMs, d.source, detail, segment.deliveries.size());
            see(Handler, d.receivedMs, d.source, none, segment.deliveries.size());
        }
        for (auto it = segment.finishedUnlisted.cbegin(); it != segment.finishedUnlisted.cend();
             ++it)
            see(
                Respond,
                segment.deliveries.isEmpty() ? QDateTime::currentMSecsSinceEpoch()
                                             : segment.deliveries.last().receivedMs,
                it.key(), [] { return tr("FIN (Tail mode)"); }, it.value());
        for (const nsq::ConsumerEvent &e : segment.events) {
            switch (e.kind) {
            case EK::ConnectionState:
                switch (e.state) {
                case S::Connecting:
                    see(Connect, e.atMs, e.address, none);
                    break;
                case S::Identifying:
                    see(Magic, e.atMs, e.address, none);
                    break;
                case S::UpgradingTls:
                case S::UpgradingCompression:
                case S::Authenticating:
                    see(Identify, e.atMs, e.address, none);
                    m_sawUpgrade = true;
                    see(Upgrades, e.atMs, e.address,
                        [&e] { return connectionStateWords(e.state); });
                    break;
                case S::Connected:
                    see(Identify, e.atMs, e.address, none);
                    break;
                case S::Closing:
                    m_closing.insert(e.address);
                    see(Close, e.atMs, e.address, [] { return tr("CLS sent"); });
                    break;
                case S::Disconnected:
                    break;
                }
                break;
            case EK::Connected:
                see(Subscribe, e.atMs, e.address, none);
                break;
            case EK::Disconnected:
                // Only a connection that sent CLS closes as this step describes; one refused or
                // lost is not progress through the tour.
                if (m_closing.remove(e.address))
                    see(Close, e.atMs, e.address, [&e] { return e.text; });
                break;
            case EK::Ready:
                if (e.value > 0)
                    see(Ready, e.atMs, e.address, [&e] { return tr("RDY %1").arg(e.value); });
                break;
            case EK::Finished:
                see(Respond, e.atMs, e.address, [&e] { return tr("FIN %1").arg(e.id.toString()); });
                break;
            case EK::Requeued:
                see(Respond, e.atMs, e.address, [&e] { return tr("REQ %1").arg(e.id.toString()); });
                break;
            case EK::Touched:
                see(Respond, e.atMs, e.address,
                    [&e] { return tr("TOUCH %1").arg(e.id.toString()); });
                break;
            case EK::Heartbeat:
                see(Heartbeat, e.atMs, e.address, none);
                break;
            case EK::BackoffStarted:
                see(Backoff, e.atMs, e.address,
                    [&e] { return tr("level %1: RDY 0 for %2 ms").arg(e.value).arg(e.duration); });
                break;
            case EK::BackoffResumed:
                if (m_steps[Backoff].status == Status::Happened || seen[Backoff])
                    see(Backoff, e.atMs, e.address,
                        [] { return tr("recovered: RDY back to normal"); });
                break;
            default:
                break;
            }
        }
    }
    // First-time steps light up in the order they happened.
    std::vector<Step> order;
    for (int s = 0; s < StepCount; ++s)
        if (seen[s])
            order.push_back(Step(s));
    std::stable_sort(order.begin(), order.end(),
                     [&seen](Step a, Step b) { return seen[a]->firstMs < seen[b]->firstMs; });
    for (Step step : order)
        apply(step, *seen[step]);
    if (seen[Identify] && !m_sawUpgrade && m_steps[Upgrades].status == Status::ToCome) {
        m_steps[Upgrades].status = Status::NotUsed;
        Q_EMIT dataChanged(index(Upgrades), index(Upgrades));
    }
}

void TourModel::addStats(const nsq::ConsumerStats &stats)
{
    if (m_steps[Identify].status != Status::Happened || !m_steps[Identify].detail.isEmpty())
        return;
    for (const auto &c : stats.connections) {
        if (c.maxReadyCount <= 0)
            continue;
        m_steps[Identify].detail = tr("%1 granted: max_rdy_count %2, msg_timeout %3 s")
                                       .arg(c.address)
                                       .arg(c.maxReadyCount)
                                       .arg(double(c.msgTimeoutMs) / 1000.0);
        Q_EMIT dataChanged(index(Identify), index(Identify));
        return;
    }
}

} // namespace nsqui
