#pragma once

#include <QList>
#include <QObject>
#include <QStringList>

namespace nsqui {

// The admin verbs of the cluster view, sent to each node at once through the nsqd HTTP API (and
// tombstones through nsqlookupd's); every node's answer is reported, a failure on one never
// hiding the others' success.
class ClusterAdmin : public QObject
{
    Q_OBJECT
public:
    struct Outcome
    {
        QString server; // the node or lookupd asked
        bool ok = false;
        QString error;
    };

    explicit ClusterAdmin(QObject *parent = nullptr);

    // verb: create, delete, empty, pause or unpause; of the channel when one is given.
    void run(const QString &verb, const QString &topic, const QString &channel,
             const QStringList &nodes);
    // Hides `node` (its HTTP address) from consumers looking up the topic on every lookupd.
    void tombstone(const QString &topic, const QString &node, const QStringList &lookupds);
    static QString describe(const QString &verb, const QString &topic, const QString &channel);

Q_SIGNALS:
    void finished(const QString &what, const QList<nsqui::ClusterAdmin::Outcome> &outcomes);
};

} // namespace nsqui
