#pragma once

#include "session/clusteradmin.h"
#include "session/clusterpoller.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QModelIndex;
class QSortFilterProxyModel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTreeView;

namespace nsqui {

class ClusterModel;

// The cluster around a topic: its nodes (found through nsqlookupd, or given), every topic and
// channel on them with their counts and rates, the clients, and the admin verbs (create, pause,
// unpause, empty, delete, tombstone) with each node's answer.
class ClusterPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ClusterPanel(QWidget *parent = nullptr);

    // What the session connects to, unless the user typed sources of their own.
    void setDefaultSources(const QStringList &lookupdHttp, const QStringList &nsqdHttp,
                           const QString &topic = {});
    // Applies what the source fields say and refreshes; false (with the error shown next to the
    // fields) when an address is unusable.
    bool applySources();
    void refresh();

    ClusterModel *model() const { return m_model; }
    QTreeView *tree() const { return m_tree; }
    // The model's row the tree has current, and making one current (through the topic filter).
    QModelIndex currentRow() const;
    void select(const QModelIndex &row);
    ClusterPoller *poller() const { return m_poller; }
    // Asks before deleting or emptying; tests replace it. Returns whether to go on.
    void setConfirmer(std::function<bool(const QString &question)> confirm)
    {
        m_confirm = std::move(confirm);
    }

Q_SIGNALS:
    // Every snapshot shown, and every admin verb's outcome, for tests and the log.
    void refreshed();
    void actionFinished(const QString &summary);

private:
    void showSnapshot(const ClusterSnapshot &snapshot);
    void updateActions();
    void act(const QString &verb);
    void create(bool channel);
    void tombstone();
    void report(const QString &what, const QList<ClusterAdmin::Outcome> &outcomes);

    QLineEdit *m_lookupds;
    QLineEdit *m_nsqds;
    QSpinBox *m_every;
    QPushButton *m_refresh;
    QLabel *m_sourceError;
    QLabel *m_status;
    QProgressBar *m_progress;
    QPushButton *m_stop;
    QTableWidget *m_nodes;
    QTreeView *m_tree;
    ClusterModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    bool m_userFilter = false;
    QLineEdit *m_newName;
    QLabel *m_nameError;
    QPushButton *m_createTopic, *m_createChannel, *m_pause, *m_unpause, *m_empty, *m_delete,
        *m_tombstone;
    QPlainTextEdit *m_results;
    ClusterPoller *m_poller;
    ClusterAdmin *m_admin;
    std::function<bool(const QString &)> m_confirm;
    bool m_userSources = false;
};

} // namespace nsqui
