#include "clustermodel.h"

#include "timeformat.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QLocale>

#include <map>

namespace nsqui {

struct ClusterModel::Item
{
    Kind kind = Kind::Topic;
    QString key, name, node;
    QString topic, channel;
    QStringList nodes;
    qint64 depth = 0, disk = 0, inFlight = 0, deferred = 0, requeued = 0, timedOut = 0,
           messages = 0;
    double rate = -1; // -1: not known yet
    int pausedOn = 0, nodeCount = 0;
    bool lagging = false;
    int clients = 0;
    QString unreachable;     // a node that holds it, said by nsqlookupd, did not answer
    bool countsQueue = true; // a client row has no depth, deferred or timed-out count
    QString details;
    qint64 connectedMs = 0; // a client's; written in the window's time mode when shown
    Item *parent = nullptr;
    int row = 0;
    std::vector<std::unique_ptr<Item>> children;

    Item *add(std::unique_ptr<Item> child)
    {
        child->parent = this;
        child->row = int(children.size());
        children.push_back(std::move(child));
        return children.back().get();
    }
};

namespace {

QString clientDetails(const nsq::ClientStats &c)
{
    QStringList parts;
    parts << ClusterModel::tr("RDY %1").arg(c.readyCount)
          << ClusterModel::tr("finished %1").arg(c.finishCount);
    if (c.tls)
        parts << (c.tlsVersion.isEmpty() ? QStringLiteral("TLS") : c.tlsVersion);
    if (c.deflate)
        parts << QStringLiteral("deflate");
    if (c.snappy)
        parts << QStringLiteral("snappy");
    if (c.authed)
        parts << ClusterModel::tr("AUTH %1").arg(c.authIdentity);
    if (!c.userAgent.isEmpty())
        parts << c.userAgent;
    return parts.join(QStringLiteral(" · "));
}

} // namespace

ClusterModel::ClusterModel(QObject *parent)
    : QAbstractItemModel(parent), m_root(std::make_unique<Item>())
{
}

ClusterModel::~ClusterModel() = default;

double ClusterModel::sumOfRates(const Item &total, Kind perNode) const
{
    // Only nodes seen in both snapshots count: one that came back or was added would otherwise
    // look like a burst of everything it ever received.
    double sum = -1;
    for (const auto &c : total.children)
        if (c->kind == perNode && c->rate >= 0)
            sum = (sum < 0 ? 0 : sum) + c->rate;
    return sum;
}

double ClusterModel::rateOf(const QString &key, qint64 messages)
{
    m_current.insert(key, {messages, m_snapshot.atMs});
    const auto it = m_previous.constFind(key);
    if (it == m_previous.cend() || m_snapshot.atMs <= it->second || messages < it->first)
        return -1;
    return double(messages - it->first) * 1000.0 / double(m_snapshot.atMs - it->second);
}

void ClusterModel::setSnapshot(const ClusterSnapshot &snapshot)
{
    beginResetModel();
    m_snapshot = snapshot;
    m_previous = std::exchange(m_current, {});
    auto root = std::make_unique<Item>();

    // topic -> node -> stats, and topic -> channel -> node -> stats, in name order
    struct ChannelOnNode
    {
        QString node;
        const nsq::ChannelStats *stats;
    };
    struct TopicOnNode
    {
        QString node;
        const nsq::TopicStats *stats;
    };
    std::map<QString, std::vector<TopicOnNode>> topics;
    std::map<QString, std::map<QString, std::vector<ChannelOnNode>>> channels;
    // Nodes that did not answer but hold the topic, as nsqlookupd says: shown, and acted on.
    std::map<QString, std::vector<const NodeSnapshot *>> silent;
    for (const NodeSnapshot &n : m_snapshot.nodes) {
        if (!n.reachable) {
            for (const QString &t : n.lookupTopics) {
                silent[t].push_back(&n);
                topics[t]; // listed even if no node answered for it
            }
            continue;
        }
        for (const nsq::TopicStats &t : n.stats.topics) {
            topics[t.name].push_back({n.httpAddress, &t});
            auto &byChannel = channels[t.name];
            for (const nsq::ChannelStats &c : t.channels)
                byChannel[c.name].push_back({n.httpAddress, &c});
        }
    }

    for (const auto &[topicName, onNodes] : topics) {
        auto topic = std::make_unique<Item>();
        topic->kind = Kind::Topic;
        topic->key = topicName;
        topic->name = topicName;
        topic->topic = topicName;
        Item *t = root->add(std::move(topic));
        for (const TopicOnNode &on : onNodes) {
            auto row = std::make_unique<Item>();
            row->kind = Kind::TopicOnNode;
            row->key = topicName + QLatin1Char('@') + on.node;
            row->name = tr("on %1").arg(on.node);
            row->node = on.node;
            row->topic = topicName;
            row->nodes = {on.node};
            row->depth = on.stats->depth;
            row->disk = on.stats->backendDepth;
            row->messages = on.stats->messageCount;
            row->pausedOn = on.stats->paused ? 1 : 0;
            row->nodeCount = 1;
            row->rate = rateOf(row->key, row->messages);
            t->depth += row->depth;
            t->disk += row->disk;
            t->messages += row->messages;
            t->pausedOn += row->pausedOn;
            ++t->nodeCount;
            t->nodes << on.node;
            t->add(std::move(row));
        }
        QStringList silentNodes;
        for (const NodeSnapshot *n : silent[topicName]) {
            auto row = std::make_unique<Item>();
            row->kind = Kind::TopicOnNode;
            row->key = topicName + QLatin1Char('@') + n->httpAddress;
            row->name = tr("on %1: not answering").arg(n->httpAddress);
            row->node = n->httpAddress;
            row->topic = topicName;
            row->nodes = {n->httpAddress};
            row->countsQueue = false;
            row->unreachable = tr("Its counts are unknown: %1").arg(n->error);
            t->nodes << n->httpAddress;
            silentNodes << n->httpAddress;
            t->add(std::move(row));
        }
        if (!silentNodes.isEmpty())
            t->unreachable =
                tr("Not counted (not answering): %1").arg(silentNodes.join(QStringLiteral(", ")));
        t->rate = sumOfRates(*t, Kind::TopicOnNode);

        Item *furthest = nullptr;
        bool tie = false;
        int channelCount = 0;
        for (const auto &[channelName, cOnNodes] : channels[topicName]) {
            auto channel = std::make_unique<Item>();
            channel->kind = Kind::Channel;
            channel->key = topicName + QLatin1Char('/') + channelName;
            channel->name = channelName;
            channel->topic = topicName;
            channel->channel = channelName;
            Item *c = t->add(std::move(channel));
            ++channelCount;
            int clients = 0;
            for (const ChannelOnNode &on : cOnNodes) {
                auto row = std::make_unique<Item>();
                row->kind = Kind::ChannelOnNode;
                row->key = c->key + QLatin1Char('@') + on.node;
                row->name = tr("on %1").arg(on.node);
                row->node = on.node;
                row->topic = topicName;
                row->channel = channelName;
                row->nodes = {on.node};
                const nsq::ChannelStats &s = *on.stats;
                row->depth = s.depth;
                row->disk = s.backendDepth;
                row->inFlight = s.inFlightCount;
                row->deferred = s.deferredCount;
                row->requeued = s.requeueCount;
                row->timedOut = s.timeoutCount;
                row->messages = s.messageCount;
                row->pausedOn = s.paused ? 1 : 0;
                row->nodeCount = 1;
                row->rate = rateOf(row->key, row->messages);
                row->clients = int(s.clients.size());
                row->details = (s.clients.size() == 1 ? tr("1 client")
                                                      : tr("%1 clients").arg(s.clients.size()));
                clients += int(s.clients.size());
                Item *r = c->add(std::move(row));
                for (const nsq::ClientStats &cl : s.clients) {
                    auto client = std::make_unique<Item>();
                    client->kind = Kind::Client;
                    client->key = r->key + QLatin1Char('#') + cl.clientId + cl.remoteAddress;
                    client->name =
                        cl.hostname.isEmpty()
                            ? cl.remoteAddress
                            : QStringLiteral("%1 (%2)").arg(cl.hostname, cl.remoteAddress);
                    client->node = on.node;
                    client->topic = topicName;
                    client->channel = channelName;
                    client->inFlight = cl.inFlightCount;
                    client->requeued = cl.requeueCount;
                    client->messages = cl.messageCount;
                    client->countsQueue = false;
                    client->rate = rateOf(client->key, client->messages);
                    client->details = clientDetails(cl);
                    client->connectedMs = cl.connectTs * 1000;
                    r->add(std::move(client));
                }
                c->depth += r->depth;
                c->disk += r->disk;
                c->inFlight += r->inFlight;
                c->deferred += r->deferred;
                c->requeued += r->requeued;
                c->timedOut += r->timedOut;
                c->messages += r->messages;
                c->pausedOn += r->pausedOn;
                ++c->nodeCount;
                c->nodes << on.node;
            }
            // The topic's silent nodes may hold the channel too: an action tries them, and says.
            for (const QString &n : std::as_const(silentNodes))
                c->nodes << n;
            c->clients = clients;
            t->clients += clients;
            c->rate = sumOfRates(*c, Kind::ChannelOnNode);
            c->details = (clients == 1 ? tr("1 client") : tr("%1 clients").arg(clients));
            // nsqd's depth counts what is on disk too.
            if (furthest && c->depth == furthest->depth)
                tie = true;
            if (!furthest || c->depth > furthest->depth) {
                furthest = c;
                tie = false;
            }
        }
        // Side by side, the channel with the most waiting stands out when it has any.
        if (furthest && !tie && channelCount > 1 && furthest->depth > 0)
            furthest->lagging = true;
        t->details = (channelCount == 1 ? tr("1 channel") : tr("%1 channels").arg(channelCount));
    }
    m_root = std::move(root);
    endResetModel();
}

ClusterModel::Item *ClusterModel::itemAt(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Item *>(index.internalPointer()) : m_root.get();
}

ClusterModel::Target ClusterModel::targetAt(const QModelIndex &index) const
{
    Target t;
    const Item *i = index.isValid() ? itemAt(index) : nullptr;
    if (!i)
        return t;
    t.kind = i->kind;
    t.topic = i->topic;
    t.channel = i->channel;
    t.nodes = i->kind == Kind::Client ? QStringList{i->node} : i->nodes;
    // What deleting or emptying it loses: its depth (nsqd's includes what is on disk), and for
    // a topic what its channels hold as well.
    t.depth = i->depth;
    t.channels = 0;
    for (const auto &c : i->children) {
        if (i->kind == Kind::Topic && c->kind == Kind::Channel) {
            t.depth += c->depth;
            ++t.channels;
        }
        if (i->kind == Kind::TopicOnNode || i->kind == Kind::ChannelOnNode)
            break;
    }
    if (i->kind == Kind::TopicOnNode) // the channels of that topic on that node
        for (const auto &c : i->parent->children)
            if (c->kind == Kind::Channel)
                for (const auto &on : c->children)
                    if (on->kind == Kind::ChannelOnNode && on->node == i->node) {
                        t.depth += on->depth;
                        ++t.channels;
                    }
    t.clients = i->clients;
    t.paused = i->pausedOn > 0;
    return t;
}

QString ClusterModel::keyAt(const QModelIndex &index) const
{
    return index.isValid() ? itemAt(index)->key : QString();
}

QModelIndex ClusterModel::indexOfKey(const QString &key) const
{
    std::vector<const Item *> stack{m_root.get()};
    while (!stack.empty()) {
        const Item *i = stack.back();
        stack.pop_back();
        if (i != m_root.get() && i->key == key)
            return createIndex(i->row, 0, const_cast<Item *>(i));
        for (const auto &c : i->children)
            stack.push_back(c.get());
    }
    return {};
}

QModelIndex ClusterModel::index(int row, int column, const QModelIndex &parent) const
{
    const Item *p = itemAt(parent);
    if (row < 0 || column < 0 || column >= ColumnCount || row >= int(p->children.size()))
        return {};
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex ClusterModel::parent(const QModelIndex &child) const
{
    const Item *i = child.isValid() ? itemAt(child) : nullptr;
    if (!i || !i->parent || i->parent == m_root.get())
        return {};
    return createIndex(i->parent->row, 0, i->parent);
}

int ClusterModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(itemAt(parent)->children.size());
}

int ClusterModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant ClusterModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Item *i = itemAt(index);
    if (role == KeyRole)
        return i->key;
    if (role == LaggingRole)
        return i->lagging;
    if (role == Qt::BackgroundRole && i->lagging)
        return QBrush(QColor(255, 205, 195));
    if (role == Qt::ForegroundRole && i->lagging)
        return QBrush(Qt::black);
    if (role == Qt::ToolTipRole && i->lagging)
        return tr("Furthest behind of this topic's channels: %1 messages waiting")
            .arg(QLocale().toString(i->depth));
    if (role == Qt::ToolTipRole && !i->unreachable.isEmpty())
        return i->unreachable;
    if (role == Qt::ForegroundRole && !i->unreachable.isEmpty())
        return QBrush(QColor(0xb0, 0x00, 0x20));
    if (role == Qt::TextAlignmentRole && index.column() >= DepthColumn &&
        index.column() <= RateColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    const bool onNode = i->kind == Kind::TopicOnNode || i->kind == Kind::ChannelOnNode;
    const auto count = [&](qint64 v, bool shown = true) {
        return shown ? QVariant(locale.toString(v)) : QVariant();
    };
    const bool isTopic = i->kind == Kind::Topic || i->kind == Kind::TopicOnNode;
    switch (index.column()) {
    case NameColumn:
        return i->name;
    case NodeColumn:
        return onNode || i->kind == Kind::Client
                   ? i->node
                   : (i->nodeCount == 1 ? tr("1 node") : tr("%1 nodes").arg(i->nodeCount));
    case DepthColumn:
        return count(i->depth, i->countsQueue);
    case DiskColumn:
        return count(i->disk, i->countsQueue);
    case InFlightColumn:
        return count(i->inFlight, !isTopic);
    case DeferredColumn:
        return count(i->deferred, !isTopic && i->countsQueue);
    case RequeuedColumn:
        return count(i->requeued, !isTopic);
    case TimedOutColumn:
        return count(i->timedOut, !isTopic && i->countsQueue);
    case MessagesColumn:
        return count(i->messages);
    case RateColumn:
        return i->rate < 0 ? QVariant() : QVariant(locale.toString(i->rate, 'f', 1));
    case PausedColumn:
        if (i->kind == Kind::Client || i->pausedOn == 0)
            return {};
        return i->nodeCount > 1 && i->pausedOn < i->nodeCount
                   ? tr("paused on %1 of %2").arg(i->pausedOn).arg(i->nodeCount)
                   : tr("paused");
    case DetailsColumn:
        if (i->connectedMs > 0)
            return tr("%1 · connected %2")
                .arg(i->details, TimeFormat::instance().when(i->connectedMs));
        return i->details;
    }
    return {};
}

QVariant ClusterModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Topic / channel");
    case NodeColumn:
        return tr("Node");
    case DepthColumn:
        return tr("Depth");
    case DiskColumn:
        return tr("On disk");
    case InFlightColumn:
        return tr("In flight");
    case DeferredColumn:
        return tr("Deferred");
    case RequeuedColumn:
        return tr("Requeued");
    case TimedOutColumn:
        return tr("Timed out");
    case MessagesColumn:
        return tr("Messages");
    case RateColumn:
        return tr("Msg/s");
    case PausedColumn:
        return tr("Paused");
    case DetailsColumn:
        return tr("Details");
    }
    return {};
}

} // namespace nsqui
