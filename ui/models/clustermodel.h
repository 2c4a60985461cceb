#pragma once

#include "session/clusterpoller.h"

#include <QAbstractItemModel>
#include <QHash>

#include <memory>
#include <vector>

namespace nsqui {

// The topics of a cluster as a tree, from ClusterPoller's snapshots: each topic in total, then on
// each node; its channels in total (the one furthest behind marked), then on each node, with the
// clients connected there. Message rates come from the difference between two snapshots.
class ClusterModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        NodeColumn,
        DepthColumn,
        DiskColumn,
        InFlightColumn,
        DeferredColumn,
        RequeuedColumn,
        TimedOutColumn,
        MessagesColumn,
        RateColumn,
        PausedColumn,
        DetailsColumn,
        ColumnCount
    };
    enum class Kind { Topic, TopicOnNode, Channel, ChannelOnNode, Client };
    // What a row stands for, for the admin actions.
    struct Target
    {
        Kind kind = Kind::Topic;
        QString topic, channel;
        QStringList nodes; // HTTP addresses of the nodes it is on (one for a *OnNode row)
        qint64 depth = 0;  // messages an empty or a delete loses (a topic's channels included)
        int channels = 0;  // a topic's channels
        int clients = 0;   // connected to it
        bool paused = false;
    };
    enum Role { KeyRole = Qt::UserRole + 1, LaggingRole };

    explicit ClusterModel(QObject *parent = nullptr);
    ~ClusterModel() override;

    void setSnapshot(const ClusterSnapshot &snapshot);
    const ClusterSnapshot &snapshot() const { return m_snapshot; }
    Target targetAt(const QModelIndex &index) const;
    // A row's stable name ("topic/channel@node"), to keep the view's expansion across refreshes.
    QString keyAt(const QModelIndex &index) const;
    QModelIndex indexOfKey(const QString &key) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    struct Item;

private:
    Item *itemAt(const QModelIndex &index) const;
    double rateOf(const QString &key, qint64 messages);
    double sumOfRates(const Item &total, Kind perNode) const;

    ClusterSnapshot m_snapshot;
    std::unique_ptr<Item> m_root;
    QHash<QString, QPair<qint64, qint64>> m_previous; // key -> (message count, at ms)
    QHash<QString, QPair<qint64, qint64>> m_current;
};

} // namespace nsqui
