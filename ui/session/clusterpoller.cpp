#include "clusterpoller.h"

#include <QDateTime>

#include <memory>

namespace nsqui {

ClusterPoller::ClusterPoller(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<nsqui::ClusterSnapshot>();
    connect(&m_timer, &QTimer::timeout, this, &ClusterPoller::refresh);
}

void ClusterPoller::setSources(const QStringList &lookupdHttp, const QStringList &nsqdHttp)
{
    m_lookupds = lookupdHttp;
    m_nsqds = nsqdHttp;
    ++m_generation; // answers to the old sources are dropped
    m_busy = false;
}

void ClusterPoller::setInterval(int ms)
{
    m_intervalMs = ms;
    if (ms > 0)
        m_timer.start(ms);
    else
        m_timer.stop();
}

void ClusterPoller::refresh()
{
    if (m_busy)
        return; // the last round is still out: one at a time
    m_busy = true;
    const quint64 generation = m_generation;
    auto snapshot = std::make_shared<ClusterSnapshot>();
    for (const QString &a : std::as_const(m_nsqds)) {
        NodeSnapshot n;
        n.httpAddress = a;
        snapshot->nodes << n;
    }
    if (m_lookupds.isEmpty()) {
        askNodes(snapshot, generation);
        return;
    }
    auto pending = std::make_shared<int>(int(m_lookupds.size()));
    for (const QString &l : std::as_const(m_lookupds)) {
        auto *client = new nsq::LookupdHttpClient(l, this);
        client->setTimeout(m_timeoutMs);
        client->nodes([this, client, l, snapshot, pending, generation](auto r) {
            client->deleteLater();
            if (generation != m_generation)
                return;
            if (r.ok()) {
                for (const nsq::NodeInfo &info : r.value()) {
                    const QString http = info.httpAddress();
                    auto it =
                        std::find_if(snapshot->nodes.begin(), snapshot->nodes.end(),
                                     [&](const NodeSnapshot &n) { return n.httpAddress == http; });
                    if (it == snapshot->nodes.end()) {
                        snapshot->nodes << NodeSnapshot{};
                        it = snapshot->nodes.end() - 1;
                        it->httpAddress = http;
                    }
                    it->tcpAddress = info.tcpAddress();
                    it->hostname = info.hostname;
                    it->version = info.version;
                    it->lookupTopics = info.topics;
                    it->tombstones = info.tombstones;
                }
            } else {
                snapshot->lookupdErrors << QStringLiteral("%1: %2").arg(l, r.error());
            }
            if (--*pending == 0)
                askNodes(snapshot, generation);
        });
    }
}

void ClusterPoller::cancel()
{
    if (!m_busy)
        return;
    ++m_generation; // the answers of this round now go nowhere
    m_busy = false;
    Q_EMIT cancelled();
}

void ClusterPoller::askNodes(std::shared_ptr<ClusterSnapshot> snapshot, quint64 generation)
{
    const auto finish = [this, snapshot] {
        m_busy = false;
        snapshot->atMs = QDateTime::currentMSecsSinceEpoch();
        Q_EMIT snapshotReady(*snapshot);
    };
    if (snapshot->nodes.isEmpty()) {
        finish();
        return;
    }
    auto pending = std::make_shared<int>(int(snapshot->nodes.size()));
    Q_EMIT progress(0, int(snapshot->nodes.size()));
    for (int i = 0; i < snapshot->nodes.size(); ++i) {
        auto *client = new nsq::NsqdHttpClient(snapshot->nodes.at(i).httpAddress, this);
        client->setTimeout(m_timeoutMs);
        client->stats({}, {}, [this, client, i, snapshot, pending, generation, finish](auto r) {
            client->deleteLater();
            if (generation != m_generation)
                return;
            NodeSnapshot &n = snapshot->nodes[i];
            n.reachable = r.ok();
            if (r.ok()) {
                n.stats = r.value();
                if (n.version.isEmpty())
                    n.version = n.stats.version;
            } else {
                n.error = r.error();
            }
            --*pending;
            Q_EMIT progress(int(snapshot->nodes.size()) - *pending, int(snapshot->nodes.size()));
            if (*pending == 0)
                finish();
        });
    }
}

} // namespace nsqui
