#include "clusterpanel.h"

#include "timeformat.h"

#include "connectpanel.h"
#include "models/clustermodel.h"
#include "session/sessionsettings.h"

#include <protocol/names.h>

#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace nsqui {

namespace {

// Topics whose name holds the filter, with all that is under them.
class TopicFilter : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        if (parent.isValid())
            return true;
        return sourceModel()->index(row, 0).data().toString().contains(
            filterRegularExpression().pattern(), Qt::CaseInsensitive);
    }
};

} // namespace

ClusterPanel::ClusterPanel(QWidget *parent)
    : QWidget(parent), m_lookupds(new QLineEdit), m_nsqds(new QLineEdit), m_every(new QSpinBox),
      m_refresh(new QPushButton(tr("Refresh"))),
      m_sourceError(fieldErrorLabel(QStringLiteral("clusterSourceError"))), m_status(new QLabel),
      m_nodes(new QTableWidget(0, 7)), m_tree(new QTreeView), m_model(new ClusterModel(this)),
      m_proxy(new TopicFilter(this)), m_filter(new QLineEdit), m_newName(new QLineEdit),
      m_nameError(fieldErrorLabel(QStringLiteral("clusterNameError"))),
      m_createTopic(new QPushButton(tr("Create topic"))),
      m_createChannel(new QPushButton(tr("Create channel"))), m_pause(new QPushButton(tr("Pause"))),
      m_unpause(new QPushButton(tr("Unpause"))), m_empty(new QPushButton(tr("Empty…"))),
      m_delete(new QPushButton(tr("Delete…"))), m_tombstone(new QPushButton(tr("Tombstone"))),
      m_results(new QPlainTextEdit), m_poller(new ClusterPoller(this)),
      m_admin(new ClusterAdmin(this))
{
    m_lookupds->setObjectName(QStringLiteral("clusterLookupds"));
    m_nsqds->setObjectName(QStringLiteral("clusterNsqds"));
    m_every->setObjectName(QStringLiteral("clusterEvery"));
    m_refresh->setObjectName(QStringLiteral("clusterRefresh"));
    m_nodes->setObjectName(QStringLiteral("clusterNodes"));
    m_tree->setObjectName(QStringLiteral("clusterTree"));
    m_newName->setObjectName(QStringLiteral("clusterNewName"));
    m_createTopic->setObjectName(QStringLiteral("clusterCreateTopic"));
    m_createChannel->setObjectName(QStringLiteral("clusterCreateChannel"));
    m_pause->setObjectName(QStringLiteral("clusterPause"));
    m_unpause->setObjectName(QStringLiteral("clusterUnpause"));
    m_empty->setObjectName(QStringLiteral("clusterEmpty"));
    m_delete->setObjectName(QStringLiteral("clusterDelete"));
    m_tombstone->setObjectName(QStringLiteral("clusterTombstone"));
    m_results->setObjectName(QStringLiteral("clusterResults"));

    m_lookupds->setPlaceholderText(tr("nsqlookupd HTTP host:port, …"));
    m_nsqds->setPlaceholderText(tr("nsqd HTTP host:port, …"));
    m_every->setRange(0, 3600);
    m_every->setValue(5);
    m_every->setSuffix(tr(" s"));
    m_every->setSpecialValueText(tr("by hand"));
    m_every->setToolTip(tr("How often the nodes are asked for their /stats"));

    auto *sources = new QGridLayout;
    sources->addWidget(new QLabel(tr("nsqlookupd")), 0, 0);
    sources->addWidget(m_lookupds, 0, 1);
    sources->addWidget(new QLabel(tr("nsqd")), 0, 2);
    sources->addWidget(m_nsqds, 0, 3);
    sources->addWidget(new QLabel(tr("Every")), 0, 4);
    sources->addWidget(m_every, 0, 5);
    sources->addWidget(m_refresh, 0, 6);
    sources->addWidget(m_sourceError, 1, 0, 1, 7);
    sources->setColumnStretch(1, 1);
    sources->setColumnStretch(3, 1);

    m_nodes->setHorizontalHeaderLabels({tr("Node"), tr("Host"), tr("Version"), tr("TCP"),
                                        tr("Topics"), tr("Tombstoned"), tr("State")});
    m_nodes->verticalHeader()->hide();
    m_nodes->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_nodes->setSelectionMode(QAbstractItemView::NoSelection);
    m_nodes->horizontalHeader()->setStretchLastSection(true);

    m_proxy->setSourceModel(m_model);
    m_tree->setModel(m_proxy);
    m_filter->setObjectName(QStringLiteral("clusterFilter"));
    m_filter->setPlaceholderText(tr("filter topics"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textEdited, this, [this] { m_userFilter = true; });
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        // Fixed text, not a pattern: what is typed is what is looked for.
        m_proxy->setFilterRegularExpression(QRegularExpression(text));
        if (m_proxy->rowCount() <= 10)
            m_tree->expandToDepth(0);
    });
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);

    m_newName->setPlaceholderText(tr("new topic or channel name"));
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_newName, 1);
    actions->addWidget(m_createTopic);
    actions->addWidget(m_createChannel);
    actions->addSpacing(12);
    for (QPushButton *b : {m_pause, m_unpause, m_empty, m_delete, m_tombstone})
        actions->addWidget(b);
    m_pause->setToolTip(tr("Stop delivery (a channel) or stop passing messages to the channels (a "
                           "topic), on every node that has it, or on the node of the row"));
    m_empty->setToolTip(tr("Drop the messages waiting (they are lost)"));
    m_delete->setToolTip(tr("Delete with every message it holds"));
    m_tombstone->setToolTip(tr("Tell nsqlookupd to stop sending consumers of this topic to this "
                               "node (select the topic's row on that node)"));

    m_results->setReadOnly(true);
    m_results->setMaximumBlockCount(500);
    m_results->setPlaceholderText(tr("Each node's answer to an action shows here"));

    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(m_nodes);
    split->addWidget(m_tree);
    split->addWidget(m_results);
    split->setStretchFactor(1, 3);
    split->setSizes({90, 320, 70}); // the topics get the room; nodes and answers are few lines
    // Small minimums, so that the dock never makes the window taller than a 1280×800 screen.
    const int line = fontMetrics().lineSpacing();
    m_nodes->setMinimumHeight(3 * line);
    m_tree->setMinimumHeight(4 * line);
    m_results->setMinimumHeight(2 * line);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(sources);
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1);
    // A round over many nodes (or slow ones) shows how far it is and can be stopped.
    m_progress = new QProgressBar;
    m_progress->setObjectName(QStringLiteral("clusterProgress"));
    m_progress->setFormat(tr("%v of %m nodes"));
    m_progress->setMaximumWidth(fontMetrics().horizontalAdvance(QLatin1Char('0')) * 22);
    m_progress->hide();
    m_stop = new QPushButton(tr("Stop"));
    m_stop->setObjectName(QStringLiteral("clusterStop"));
    m_stop->setToolTip(tr("Stop waiting for this refresh; what was shown stays"));
    m_stop->hide();
    statusRow->addWidget(m_progress);
    statusRow->addWidget(m_stop);
    statusRow->addWidget(m_filter);
    layout->addLayout(statusRow);
    layout->addWidget(split, 1);
    layout->addLayout(actions);
    layout->addWidget(m_nameError);

    m_confirm = [this](const QString &question) {
        // Our own buttons: Qt's standard ones stay English without Qt's translations.
        QMessageBox box(QMessageBox::Question, tr("Are you sure?"), question, QMessageBox::NoButton,
                        this);
        QPushButton *yes = box.addButton(tr("Yes"), QMessageBox::YesRole);
        QPushButton *cancel = box.addButton(tr("Cancel"), QMessageBox::RejectRole);
        box.setDefaultButton(cancel);
        box.setEscapeButton(cancel);
        box.exec();
        return box.clickedButton() == yes;
    };

    connect(m_refresh, &QPushButton::clicked, this, [this] {
        m_userSources = true;
        if (applySources())
            refresh();
    });
    connect(m_lookupds, &QLineEdit::returnPressed, m_refresh, &QPushButton::click);
    connect(m_nsqds, &QLineEdit::returnPressed, m_refresh, &QPushButton::click);
    connect(m_every, &QSpinBox::valueChanged, this,
            [this](int s) { m_poller->setInterval(s * 1000); });
    connect(m_poller, &ClusterPoller::snapshotReady, this, &ClusterPanel::showSnapshot);
    connect(m_poller, &ClusterPoller::progress, this, [this](int answered, int total) {
        m_progress->setRange(0, total);
        m_progress->setValue(answered);
        m_progress->setVisible(answered < total);
        m_stop->setVisible(answered < total);
    });
    const auto roundOver = [this] {
        m_progress->hide();
        m_stop->hide();
    };
    connect(m_poller, &ClusterPoller::snapshotReady, this, roundOver);
    connect(m_poller, &ClusterPoller::cancelled, this, [this, roundOver] {
        roundOver();
        m_status->setText(tr("Refresh stopped; the figures shown are from the last one."));
    });
    connect(m_stop, &QPushButton::clicked, m_poller, &ClusterPoller::cancel);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ClusterPanel::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ClusterPanel::updateActions);
    connect(m_pause, &QPushButton::clicked, this, [this] { act(QStringLiteral("pause")); });
    connect(m_unpause, &QPushButton::clicked, this, [this] { act(QStringLiteral("unpause")); });
    connect(m_empty, &QPushButton::clicked, this, [this] { act(QStringLiteral("empty")); });
    connect(m_delete, &QPushButton::clicked, this, [this] { act(QStringLiteral("delete")); });
    connect(m_createTopic, &QPushButton::clicked, this, [this] { create(false); });
    connect(m_createChannel, &QPushButton::clicked, this, [this] { create(true); });
    connect(m_tombstone, &QPushButton::clicked, this, &ClusterPanel::tombstone);
    connect(m_admin, &ClusterAdmin::finished, this, &ClusterPanel::report);
    updateActions();
}

void ClusterPanel::setDefaultSources(const QStringList &lookupdHttp, const QStringList &nsqdHttp,
                                     const QString &topic)
{
    if (!m_userFilter)
        m_filter->setText(topic); // the session's topic first; clear the filter for all
    if (m_userSources)
        return;
    m_lookupds->setText(lookupdHttp.join(QStringLiteral(", ")));
    m_nsqds->setText(lookupdHttp.isEmpty() ? nsqdHttp.join(QStringLiteral(", ")) : QString());
    if (applySources()) {
        m_poller->setInterval(m_every->value() * 1000);
        refresh();
    }
}

bool ClusterPanel::applySources()
{
    // Nodes are named host:port, as nsqlookupd names them, with or without http:// typed.
    const auto hostPorts = [](const QString &text) {
        QStringList out = splitAddresses(text);
        for (QString &a : out)
            if (a.startsWith(QLatin1String("http://")))
                a.remove(0, 7);
        return out;
    };
    const QStringList lookupds = hostPorts(m_lookupds->text());
    const QStringList nsqds = hostPorts(m_nsqds->text());
    QStringList problems;
    for (const QString &p : addressProblems(lookupds, true))
        problems << tr("nsqlookupd: %1").arg(p);
    for (const QString &p : addressProblems(nsqds, true))
        problems << tr("nsqd: %1").arg(p);
    if (problems.isEmpty() && lookupds.isEmpty() && nsqds.isEmpty())
        problems << tr("Give an nsqlookupd or an nsqd HTTP address");
    m_sourceError->setText(problems.join(QLatin1Char('\n')));
    m_sourceError->setVisible(!problems.isEmpty());
    if (!problems.isEmpty())
        return false;
    m_poller->setSources(lookupds, nsqds);
    return true;
}

void ClusterPanel::refresh()
{
    m_status->setText(tr("Asking the nodes…"));
    m_poller->refresh();
}

void ClusterPanel::showSnapshot(const ClusterSnapshot &snapshot)
{
    // The tree is rebuilt: what was open and selected is opened and selected again.
    QSet<QString> expanded;
    std::function<void(const QModelIndex &)> collect = [&](const QModelIndex &parent) {
        for (int r = 0; r < m_proxy->rowCount(parent); ++r) {
            const QModelIndex i = m_proxy->index(r, 0, parent);
            if (m_tree->isExpanded(i)) {
                expanded.insert(m_model->keyAt(m_proxy->mapToSource(i)));
                collect(i);
            }
        }
    };
    collect({});
    const QString current = m_model->keyAt(currentRow());
    const bool first = m_model->rowCount() == 0;
    m_model->setSnapshot(snapshot);
    // At first the topics in view open, when there are few (the session's, say).
    if (first && m_proxy->rowCount() <= 10)
        m_tree->expandToDepth(0);
    for (const QString &key : std::as_const(expanded))
        m_tree->expand(m_proxy->mapFromSource(m_model->indexOfKey(key)));
    if (!current.isEmpty())
        select(m_model->indexOfKey(current));
    for (int c = 0; c < ClusterModel::DetailsColumn; ++c)
        m_tree->resizeColumnToContents(c);

    m_nodes->setRowCount(int(snapshot.nodes.size()));
    int unreachable = 0;
    for (int r = 0; r < snapshot.nodes.size(); ++r) {
        const NodeSnapshot &n = snapshot.nodes.at(r);
        int tombstoned = 0;
        for (bool t : n.tombstones)
            tombstoned += t ? 1 : 0;
        const QStringList cells{
            n.httpAddress,
            n.hostname,
            n.version,
            n.tcpAddress,
            QString::number(n.reachable ? n.stats.topics.size() : n.lookupTopics.size()),
            QString::number(tombstoned),
            n.reachable ? tr("OK") : tr("unreachable: %1").arg(n.error)};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (!n.reachable)
                item->setForeground(QColor(0xb0, 0x00, 0x20));
            m_nodes->setItem(r, c, item);
        }
        unreachable += n.reachable ? 0 : 1;
    }
    m_nodes->resizeColumnsToContents();
    QString status =
        (snapshot.nodes.size() == 1 ? tr("1 node") : tr("%1 nodes").arg(snapshot.nodes.size()));
    if (unreachable > 0)
        status += tr(", %1 unreachable").arg(unreachable);
    status += tr(" · as of %1").arg(TimeFormat::instance().stamp(snapshot.atMs));
    if (!snapshot.lookupdErrors.isEmpty())
        status += QLatin1Char('\n') + tr("nsqlookupd did not answer: %1")
                                          .arg(snapshot.lookupdErrors.join(QStringLiteral("; ")));
    m_status->setText(status);
    Q_EMIT refreshed();
}

QModelIndex ClusterPanel::currentRow() const
{
    return m_proxy->mapToSource(m_tree->currentIndex());
}

void ClusterPanel::select(const QModelIndex &row)
{
    m_tree->setCurrentIndex(m_proxy->mapFromSource(row));
}

void ClusterPanel::updateActions()
{
    const ClusterModel::Target t = m_model->targetAt(currentRow());
    const bool admin = currentRow().isValid() && t.kind != ClusterModel::Kind::Client;
    for (QPushButton *b : {m_pause, m_unpause, m_empty, m_delete})
        b->setEnabled(admin);
    m_tombstone->setEnabled(admin && t.kind == ClusterModel::Kind::TopicOnNode);
    m_createChannel->setEnabled(currentRow().isValid());
}

void ClusterPanel::act(const QString &verb)
{
    const ClusterModel::Target t = m_model->targetAt(currentRow());
    if (t.topic.isEmpty() || t.nodes.isEmpty())
        return;
    const QString what = ClusterAdmin::describe(verb, t.topic, t.channel);
    const QString where = t.nodes.size() == 1 ? tr("on %1").arg(t.nodes.first())
                                              : tr("on %1 nodes").arg(t.nodes.size());
    if (verb == QLatin1String("delete") || verb == QLatin1String("empty")) {
        QString lost = tr("%1 messages waiting will be lost").arg(QLocale().toString(t.depth));
        if (t.kind == ClusterModel::Kind::Topic || t.kind == ClusterModel::Kind::TopicOnNode)
            lost += verb == QLatin1String("delete")
                        ? tr(" (in the topic and its %1 channels, which go too)").arg(t.channels)
                        : tr(" (in the topic itself; its channels keep theirs)");
        lost += QLatin1Char('.');
        if (t.clients > 0)
            lost += QLatin1Char(' ') +
                    (t.clients == 1 ? tr("A consumer is connected to it.")
                                    : tr("%1 consumers are connected to it.").arg(t.clients));
        if (!m_confirm(tr("%1 %2?\n%3").arg(what, where, lost)))
            return;
    }
    m_results->appendPlainText(tr("%1 %2…").arg(what, where));
    m_admin->run(verb, t.topic, t.channel, t.nodes);
}

void ClusterPanel::create(bool channel)
{
    const QString name = m_newName->text().trimmed();
    const ClusterModel::Target t = m_model->targetAt(currentRow());
    QString error;
    if (channel ? !nsq::isValidChannelName(name) : !nsq::isValidTopicName(name))
        error = tr("'%1' is not a valid %2 name (1-64 of a-z A-Z 0-9 . _ -, optionally ending "
                   "in #ephemeral)")
                    .arg(name, channel ? tr("channel") : tr("topic"));
    else if (channel && t.topic.isEmpty())
        error = tr("Select the topic to create the channel in");
    // On the selected row's nodes, or on every reachable node.
    QStringList nodes = t.nodes;
    if (nodes.isEmpty() || !channel)
        for (const NodeSnapshot &n : m_model->snapshot().nodes)
            if (n.reachable && !nodes.contains(n.httpAddress))
                nodes << n.httpAddress;
    if (error.isEmpty() && nodes.isEmpty())
        error = tr("No reachable node to create it on");
    m_nameError->setText(error);
    m_nameError->setVisible(!error.isEmpty());
    if (!error.isEmpty())
        return;
    m_results->appendPlainText(tr("%1…").arg(ClusterAdmin::describe(
        QStringLiteral("create"), channel ? t.topic : name, channel ? name : QString())));
    m_admin->run(QStringLiteral("create"), channel ? t.topic : name, channel ? name : QString(),
                 nodes);
}

void ClusterPanel::tombstone()
{
    const ClusterModel::Target t = m_model->targetAt(currentRow());
    if (t.kind != ClusterModel::Kind::TopicOnNode || t.nodes.isEmpty())
        return;
    m_admin->tombstone(t.topic, t.nodes.first(), m_poller->lookupds());
}

void ClusterPanel::report(const QString &what, const QList<ClusterAdmin::Outcome> &outcomes)
{
    int failed = 0;
    for (const ClusterAdmin::Outcome &o : outcomes) {
        m_results->appendPlainText(o.ok ? tr("  %1: done").arg(o.server)
                                        : tr("  %1: FAILED: %2").arg(o.server, o.error));
        failed += o.ok ? 0 : 1;
    }
    const QString summary =
        failed == 0 ? tr("%1: done on %2 of %2").arg(what).arg(outcomes.size())
                    : tr("%1: failed on %2 of %3").arg(what).arg(failed).arg(outcomes.size());
    m_results->appendPlainText(summary);
    Q_EMIT actionFinished(summary);
    refresh(); // show what it changed
}

} // namespace nsqui
