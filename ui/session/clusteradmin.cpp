#include "clusteradmin.h"

#include <http/httpclients.h>

#include <memory>

namespace nsqui {

namespace {
constexpr int kTimeoutMs = 5000;

// Collects one answer per server, then reports them together.
struct Collector
{
    QString what;
    int pending = 0;
    QList<ClusterAdmin::Outcome> outcomes;
};
} // namespace

ClusterAdmin::ClusterAdmin(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<QList<nsqui::ClusterAdmin::Outcome>>();
}

QString ClusterAdmin::describe(const QString &verb, const QString &topic, const QString &channel)
{
    return channel.isEmpty() ? tr("%1 topic %2").arg(verb, topic)
                             : tr("%1 channel %2 of topic %3").arg(verb, channel, topic);
}

void ClusterAdmin::run(const QString &verb, const QString &topic, const QString &channel,
                       const QStringList &nodes)
{
    auto c = std::make_shared<Collector>();
    c->what = describe(verb, topic, channel);
    c->pending = int(nodes.size());
    if (nodes.isEmpty()) {
        Q_EMIT finished(c->what, {});
        return;
    }
    for (const QString &node : nodes) {
        auto *client = new nsq::NsqdHttpClient(node, this);
        client->setTimeout(kTimeoutMs);
        auto done = [this, client, node, c](const nsq::Result<QByteArray> &r) {
            client->deleteLater();
            c->outcomes << Outcome{node, r.ok(), r.ok() ? QString() : r.error()};
            if (--c->pending == 0)
                Q_EMIT finished(c->what, c->outcomes);
        };
        if (channel.isEmpty())
            client->topicAction(verb, topic, done);
        else
            client->channelAction(verb, topic, channel, done);
    }
}

void ClusterAdmin::tombstone(const QString &topic, const QString &node, const QStringList &lookupds)
{
    auto c = std::make_shared<Collector>();
    c->what = tr("tombstone topic %1 on %2").arg(topic, node);
    c->pending = int(lookupds.size());
    if (lookupds.isEmpty()) {
        Q_EMIT finished(c->what, {Outcome{node, false, tr("no nsqlookupd to ask")}});
        return;
    }
    for (const QString &l : lookupds) {
        auto *client = new nsq::LookupdHttpClient(l, this);
        client->setTimeout(kTimeoutMs);
        client->tombstone(topic, node, [this, client, l, c](const nsq::Result<QByteArray> &r) {
            client->deleteLater();
            c->outcomes << Outcome{l, r.ok(), r.ok() ? QString() : r.error()};
            if (--c->pending == 0)
                Q_EMIT finished(c->what, c->outcomes);
        });
    }
}

} // namespace nsqui
