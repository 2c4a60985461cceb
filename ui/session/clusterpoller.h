#pragma once

#include <http/httpclients.h>

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QStringList>
#include <QTimer>

namespace nsqui {

// One nsqd as the cluster view last saw it: what nsqlookupd says of it and what its /stats said,
// or why it could not be asked.
struct NodeSnapshot
{
    QString httpAddress; // host:port of its HTTP API: the node's name in the view
    QString tcpAddress;  // from nsqlookupd; empty for a node given by its HTTP address
    QString hostname, version;
    bool reachable = false;
    QString error;            // why /stats did not answer
    QStringList lookupTopics; // the topics nsqlookupd lists for it, and their tombstones
    QList<bool> tombstones;
    nsq::NsqdStats stats;
};

struct ClusterSnapshot
{
    qint64 atMs = 0; // when the last answer came
    QList<NodeSnapshot> nodes;
    QStringList lookupdErrors; // lookupds that did not answer /nodes, with why
};

// Finds the nodes of a cluster (nsqlookupd's /nodes, and nsqd HTTP addresses given directly) and
// asks each for its /stats, all at once and with a short timeout, on a timer the user sets: a
// slow or dead node shows as unreachable with its error and never holds up the others or the
// window.
class ClusterPoller : public QObject
{
    Q_OBJECT
public:
    explicit ClusterPoller(QObject *parent = nullptr);
    void setSources(const QStringList &lookupdHttp, const QStringList &nsqdHttp);
    QStringList lookupds() const { return m_lookupds; }
    // 0 stops the timer; refresh() still works.
    void setInterval(int ms);
    int interval() const { return m_intervalMs; }
    void setRequestTimeout(int ms) { m_timeoutMs = ms; }
    void refresh();
    // Drops the round under way (its answers are ignored); the last snapshot stays shown.
    void cancel();
    bool busy() const { return m_busy; }

Q_SIGNALS:
    void snapshotReady(const nsqui::ClusterSnapshot &snapshot);
    // While a round is out: how many nodes answered (or failed) of how many were asked.
    void progress(int answered, int total);
    void cancelled();

private:
    void askNodes(std::shared_ptr<ClusterSnapshot> snapshot, quint64 generation);

    QStringList m_lookupds, m_nsqds;
    QTimer m_timer;
    int m_intervalMs = 0;
    int m_timeoutMs = 3000;
    quint64 m_generation = 0;
    bool m_busy = false;
};

} // namespace nsqui

Q_DECLARE_METATYPE(nsqui::ClusterSnapshot)
