#include "mainwindow.h"

#include "timeformat.h"

#include "clusterpanel.h"
#include "connectpanel.h"
#include "decodedview.h"
#include "gaveuppanel.h"
#include "language.h"
#include "models/gaveupmodel.h"
#include "models/messagefiltermodel.h"
#include "models/messagemodel.h"
#include "models/timelinemodel.h"
#include "models/tourmodel.h"
#include "models/tracemodel.h"
#include "payloadview.h"
#include "plotspanel.h"
#include "publishpanel.h"
#include "retranslator.h"
#include "session/channelpoller.h"
#include "session/demobroker.h"
#include "session/fieldfilterjob.h"
#include "session/inspectorsession.h"
#include "session/profilestore.h"
#include "session/serverprobe.h"
#include "theme.h"
#include "timelinepanel.h"
#include "tourpanel.h"
#include "tracepanel.h"
#include "versions.h"

#include <protocol/messagerecord.h>

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QProgressDialog>
#include <QPushButton>
#include <QSaveFile>
#include <QScopedValueRollback>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTime>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

// Resources compiled into a static library are registered by hand (outside any namespace).
static void initResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace nsqui {

namespace {

// While a menu is open, plain keys are its mnemonics: the message list's one-letter shortcuts
// (F, R, T) must not act on messages behind it. Accepting the ShortcutOverride hands the key to
// the menu instead of the shortcut.
class MenuKeyGuard : public QObject
{
public:
    using QObject::QObject;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::ShortcutOverride &&
            qobject_cast<QMenu *>(QApplication::activePopupWidget())) {
            const auto *key = static_cast<QKeyEvent *>(event);
            if (!(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))) {
                event->accept();
                return true;
            }
        }
        return QObject::eventFilter(watched, event);
    }
};

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_session(new InspectorSession(this)), m_model(new MessageModel(this)),
      m_filter(new MessageFilterModel(this)), m_table(new QTableView), m_payload(new PayloadView),
      m_connect(new ConnectPanel), m_log(new QPlainTextEdit), m_filterText(new QLineEdit),
      m_filterRegex(new QCheckBox(tr("Regex"))), m_filterFields(new QCheckBox(tr("Fields"))),
      m_filterProgress(new QProgressBar), m_filterStop(new QPushButton(tr("Stop"))),
      m_fieldJob(new FieldFilterJob(this)), m_fieldDebounce(new QTimer(this)),
      m_fieldProgressTimer(new QTimer(this)), m_filterState(new QComboBox),
      m_filterError(new QLabel), m_requeueDelay(new QDoubleSpinBox), m_stateLabel(new QLabel),
      m_countsLabel(new QLabel), m_droppedLabel(new QLabel), m_demoLabel(new QLabel),
      m_splitter(new QSplitter(Qt::Vertical)), m_countdown(new QTimer(this)),
      m_autoTouch(new QTimer(this)), m_takeCount(new QSpinBox), m_probe(new ServerProbe(this)),
      m_traceModel(new TraceModel(this)), m_timelineModel(new TimelineModel(this)),
      m_tourModel(new TourModel(this)), m_poller(new ChannelPoller(this)),
      m_gaveUp(new GaveUpModel(this))
{
    initResources();
    qApp->installEventFilter(new MenuKeyGuard(this));
    setWindowTitle(QStringLiteral("NSQ Inspector"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/nsq-inspector.svg")));
    resize(1200, 760);

    // The message table.
    m_filter->setSourceModel(m_model);
    m_table->setObjectName(QStringLiteral("messageTable"));
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionsMovable(true);
    const int digit = m_table->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    for (auto [column, chars] : {std::pair{MessageModel::Seq, 6},
                                 {MessageModel::Received, 13},
                                 {MessageModel::Timestamp, 13},
                                 {MessageModel::Id, 18},
                                 {MessageModel::Attempts, 8},
                                 {MessageModel::Size, 10},
                                 {MessageModel::Source, 16},
                                 {MessageModel::State, 12},
                                 {MessageModel::TimeLeft, 9},
                                 {MessageModel::Body, 40}})
        m_table->setColumnWidth(column, chars * digit + 12);

    // Filter bar above it.
    m_filterText->setObjectName(QStringLiteral("filterText"));
    m_filterText->setPlaceholderText(tr("Filter body and ID…"));
    m_filterText->setClearButtonEnabled(true);
    m_filterRegex->setObjectName(QStringLiteral("filterRegex"));
    m_filterState->setObjectName(QStringLiteral("filterState"));
    m_filterState->addItem(tr("All states"), -1);
    for (MessageState s : {MessageState::InFlight, MessageState::Finished, MessageState::Requeued,
                           MessageState::TimedOut, MessageState::Lost, MessageState::Failed})
        m_filterState->addItem(stateName(s), int(s));
    m_filterFields->setObjectName(QStringLiteral("filterFields"));
    m_filterFields->setToolTip(
        tr("Filter by the fields of the decoded body (the Decoded tab's format), e.g.\n"
           "user.id == 42\nitems[*].sku ~ /^AB/\ntype in [\"a\", \"b\"] and not paid\n"
           "Operators: == != < <= > >= ~ in, and, or, not, ( )"));
    m_filterProgress->setObjectName(QStringLiteral("filterProgress"));
    m_filterProgress->setFormat(tr("filtering %v of %m"));
    m_filterProgress->setMaximumWidth(220);
    m_filterProgress->hide();
    m_filterStop->setObjectName(QStringLiteral("filterStop"));
    m_filterStop->setToolTip(tr("Stop filtering; the list stays as it was"));
    m_filterStop->hide();
    m_fieldDebounce->setSingleShot(true);
    m_fieldDebounce->setInterval(250);
    connect(m_fieldDebounce, &QTimer::timeout, this, &MainWindow::runFieldFilter);
    m_fieldProgressTimer->setInterval(100);
    connect(m_fieldProgressTimer, &QTimer::timeout, this, [this] {
        if (!m_fieldJob->isRunning()) {
            m_fieldProgressTimer->stop();
            return;
        }
        m_filterProgress->setValue(m_fieldJob->done());
    });
    connect(m_fieldJob, &FieldFilterJob::finished, this,
            [this](const QHash<QByteArray, bool> &results, qint64 ms) {
                stopFieldFilter();
                if (!m_filterFields->isChecked() || !m_runningQuery)
                    return;
                m_filter->setFieldQuery(m_runningQuery, m_fieldOptions, results);
                const int matched = int(std::count(results.cbegin(), results.cend(), true));
                statusBar()->showMessage(tr("%1 of %2 messages match (decoded and tested in %3 ms)")
                                             .arg(matched)
                                             .arg(results.size())
                                             .arg(ms),
                                         8000);
                updateStatus();
            });
    connect(m_filterStop, &QPushButton::clicked, this, [this] {
        stopFieldFilter();
        statusBar()->showMessage(tr("Field filter stopped; the list is as it was"), 5000);
    });
    m_filterError->setObjectName(QStringLiteral("filterError"));
    m_filterError->setStyleSheet(QStringLiteral("color: #c62828"));
    m_filterError->hide();
    auto *filterBar = new QHBoxLayout;
    filterBar->addWidget(m_filterText, 1);
    filterBar->addWidget(m_filterRegex);
    filterBar->addWidget(m_filterFields);
    filterBar->addWidget(m_filterProgress);
    filterBar->addWidget(m_filterStop);
    filterBar->addWidget(m_filterState);
    auto *keep = new QSpinBox;
    keep->setObjectName(QStringLiteral("retention"));
    keep->setRange(100, 5000000);
    keep->setSingleStep(10000);
    keep->setPrefix(tr("keep "));
    keep->setSuffix(tr(" rows"));
    keep->setToolTip(tr("How many messages the table keeps; older ones are dropped from view "
                        "(not from NSQ)"));
    keep->setValue(QSettings().value(QStringLiteral("view/retention"), 100000).toInt());
    m_model->setRetention(keep->value());
    connect(keep, &QSpinBox::valueChanged, this, [this](int rows) {
        m_model->setRetention(rows);
        QSettings().setValue(QStringLiteral("view/retention"), rows);
    });
    filterBar->addWidget(keep);
    auto *top = new QWidget;
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(filterBar);
    topLayout->addWidget(m_filterError);
    topLayout->addWidget(m_table, 1);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(top);
    m_splitter->addWidget(m_payload);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    setCentralWidget(m_splitter);

    auto *connectDock = new QDockWidget(tr("Connection"), this);
    connectDock->setObjectName(QStringLiteral("connectionDock"));
    // In a scroll area: with a tall dock below, or the connection options open, the form
    // scrolls instead of squeezing its wrapped hints out of sight.
    auto *connectScroll = new QScrollArea;
    connectScroll->setObjectName(QStringLiteral("connectionScroll"));
    connectScroll->setWidget(m_connect);
    connectScroll->setWidgetResizable(true);
    connectScroll->setFrameShape(QFrame::NoFrame);
    connectScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    connectDock->setWidget(connectScroll);
    addDockWidget(Qt::LeftDockWidgetArea, connectDock);

    m_log->setObjectName(QStringLiteral("log"));
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(5000);
    auto *logDock = new QDockWidget(tr("Log"), this);
    logDock->setObjectName(QStringLiteral("logDock"));
    logDock->setWidget(m_log);
    addDockWidget(Qt::BottomDockWidgetArea, logDock);
    resizeDocks({logDock}, {110}, Qt::Vertical);
    resizeDocks({connectDock}, {300}, Qt::Horizontal);

    m_requeueDelay->setObjectName(QStringLiteral("requeueDelay"));
    m_requeueDelay->setRange(0, 3600); // nsqd's default --max-req-timeout is 1 h
    m_requeueDelay->setDecimals(1);
    m_requeueDelay->setSuffix(tr(" s"));
    m_requeueDelay->setToolTip(tr("Delay for REQ: 0 to 3600 s (nsqd refuses more than its "
                                  "--max-req-timeout, 1 h by default)"));

    m_demoLabel->setObjectName(QStringLiteral("demoLabel"));
    m_demoLabel->setStyleSheet(
        QStringLiteral("QLabel { background: #fff3cd; color: #6d4c00; padding: 1px 6px; }"));
    m_demoLabel->hide();
    m_stateLabel->setObjectName(QStringLiteral("connectionState"));
    m_countsLabel->setObjectName(QStringLiteral("counts"));
    m_droppedLabel->setObjectName(QStringLiteral("dropped"));
    m_droppedLabel->hide();
    statusBar()->addPermanentWidget(m_demoLabel);
    statusBar()->addPermanentWidget(m_stateLabel);
    statusBar()->addPermanentWidget(m_droppedLabel);
    statusBar()->addPermanentWidget(m_countsLabel);

    createActions();
    createDocks();
    createNavigation();

    connect(m_connect, &ConnectPanel::connectRequested, this, &MainWindow::onConnectRequested);
    connect(m_connect, &ConnectPanel::connectConfirmed, this, [this] {
        if (m_pendingConnect)
            connectTo(*std::exchange(m_pendingConnect, std::nullopt));
    });
    connect(m_probe, &ServerProbe::subscriptionChecked, this, &MainWindow::onSubscriptionChecked);
    connect(m_connect, &ConnectPanel::topicsWanted, m_probe, &ServerProbe::listTopics);
    connect(m_probe, &ServerProbe::topicsListed, m_connect, &ConnectPanel::setTopicSuggestions);
    connect(m_connect, &ConnectPanel::disconnectRequested, m_session, &InspectorSession::stop);
    connect(m_connect, &ConnectPanel::maxInFlightChanged, m_session,
            &InspectorSession::setMaxInFlight);
    connect(m_session, &InspectorSession::feedArrived, this,
            [this](const QList<FeedSegment> &feed) {
                const QScopedValueRollback feeding(m_feeding, true);
                // When the retention cap drops the current row, Qt makes the next one current
                // and would scroll to it; the view stays where the user left it.
                m_table->setAutoScroll(false);
                m_model->beginBatch();
                for (const FeedSegment &segment : feed) {
                    if (!segment.deliveries.isEmpty()) {
                        m_received += quint64(segment.deliveries.size());
                        m_model->addDeliveries(segment.deliveries);
                        forgetGaveUp(segment.deliveries);
                    } else {
                        trackConnections(segment.events);
                        collectGaveUp(segment.events);
                        m_model->applyEvents(segment.events);
                    }
                }
                m_model->endBatch();
                m_timelineModel->addFeed(feed);
                m_plots->addFeed(feed);
                m_tourModel->addFeed(feed);
                if (m_shownSeq != 0 && m_model->rowOfSeq(m_shownSeq) < 0) {
                    // The message shown was dropped past the retention cap, and Qt made the
                    // next row current: a message the user never chose. The chosen one stays
                    // shown, marked as gone from the list.
                    m_showingRemovedRow = true;
                    // Rows come and go under a current row nobody chose: autoScroll stays off
                    // until the user selects a row again.
                    m_table->selectionModel()->clear();
                }
                if (m_showingRemovedRow && !m_table->selectionModel()->hasSelection())
                    parkCurrentRow();
                m_table->setAutoScroll(!m_showingRemovedRow);
                onSelectionChanged(); // the selected message may have changed or come again
                if (m_followAction->isChecked())
                    scrollToNewest();
                updateStatus();
            });
    connect(statusBar(), &QStatusBar::messageChanged, this, [this](const QString &text) {
        if (text.isEmpty())
            m_gaveUpThisBatch = 0;
    });
    connect(m_session, &InspectorSession::statsUpdated, this, &MainWindow::onStats);
    connect(m_session, &InspectorSession::statsUpdated, m_plots, &PlotsPanel::addStats);
    connect(m_session, &InspectorSession::statsUpdated, m_tourModel, &TourModel::addStats);
    connect(m_session, &InspectorSession::traceArrived, m_traceModel, &TraceModel::append);
    connect(m_poller, &ChannelPoller::polled, this,
            [this](qint64 atMs, int answered, qint64 depth, qint64 inFlight, const QString &error) {
                // Said once in the log when it starts failing, not every two seconds.
                if (error != m_pollError && !error.isEmpty())
                    onLogged(tr("the plots' channel figures: %1").arg(error), false);
                m_pollError = error;
                if (answered > 0) // no answer is no figure, not a zero
                    m_plots->addChannelStats(atMs, depth, inFlight);
            });
    connect(m_session, &InspectorSession::logged, this, &MainWindow::onLogged);
    connect(m_probe, &ServerProbe::limitsFetched, this, [this](qint64 maxReqMs) {
        if (maxReqMs <= 0)
            return;
        // REQ delays are checked against the server's own limit before anything is sent.
        m_requeueDelay->setMaximum(double(maxReqMs) / 1000.0);
        m_publish->setMaxDelayMs(maxReqMs);
        m_requeueDelay->setToolTip(tr("Delay for REQ: 0 to %1 s (the server's max_req_timeout)")
                                       .arg(double(maxReqMs) / 1000.0));
    });
    connect(m_session, &InspectorSession::started, this, [this] {
        m_probe->fetchLimits(m_session->settings());
        m_connStates.clear();
        m_connect->setConnected(true);
        m_model->setFinishedOnArrival(m_session->settings().mode == Mode::Tail);
        m_sessionStartMs = QDateTime::currentMSecsSinceEpoch();
        m_tourModel->reset();
        m_tourModel->setMode(m_session->settings().mode);
        m_plots->reset();
        pollChannel();
        // The cluster view starts from what the session connects to.
        m_cluster->setDefaultSources(m_session->settings().lookupdAddresses,
                                     ServerProbe::nsqdHttpAddresses(m_session->settings()),
                                     m_session->settings().topic);
        const QStringList http = ServerProbe::nsqdHttpAddresses(m_session->settings());
        m_publish->setDefaults(m_session->settings().topic,
                               m_session->settings().nsqdAddresses.value(0), http.value(0));
        m_payload->decoded()->setTopic(m_session->settings().topic);
        m_stateLabel->setText(tr("connecting…"));
        updateActions();
    });
    connect(m_session, &InspectorSession::stopped, this, [this] {
        m_connect->setConnected(false);
        m_poller->stop();
        m_stateLabel->setText(tr("not connected"));
        m_pause->setChecked(false);
        m_autoTouchAction->setChecked(false);
        m_msgTimeoutMs = 60000;
        m_snapshotTarget = 0;
        if (m_leavingDemo) {
            m_leavingDemo = false;
            m_demo.reset(); // after the consumer let go of it
        }
        updateActions();
    });
    connect(m_model, &MessageModel::heldCountChanged, this, &MainWindow::onHeldCountChanged);
    connect(m_model, &MessageModel::droppedCountChanged, this, [this](quint64 n) {
        m_droppedLabel->setText(tr("%1 older messages dropped from view").arg(n));
        m_droppedLabel->setVisible(n > 0);
    });
    // While a batch is applied the current row moves with rows coming and going; the batch's end
    // looks at the selection once.
    const auto selectionMoved = [this] {
        if (!m_feeding)
            onSelectionChanged();
    };
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            selectionMoved);
    m_table->installEventFilter(this);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            selectionMoved);
    // Keys and clicks that pick an older row stop Follow too, or the next batch would scroll the
    // row the user just chose out of sight. Rows coming and going move the current row as well;
    // that is not the user.
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (!m_feeding && current.isValid() && m_followAction &&
                    m_followAction->isChecked() && current.row() != m_filter->rowCount() - 1)
                    m_followAction->setChecked(false);
            });
    connect(m_payload, &PayloadView::statusMessage, this,
            [this](const QString &t) { statusBar()->showMessage(t, 5000); });
    connect(m_filterText, &QLineEdit::textChanged, this, &MainWindow::applyFilter);
    // Follow stops when the user scrolls (wheel, drag, clicks on the bar) away from the newest
    // rows; rows added or dropped move the bar too, and that is not the user.
    connect(m_table->verticalScrollBar(), &QScrollBar::actionTriggered, this, [this] {
        QScrollBar *bar = m_table->verticalScrollBar();
        QTimer::singleShot(0, this, [this, bar] {
            if (m_followAction && m_followAction->isChecked() && bar->value() < bar->maximum())
                m_followAction->setChecked(false);
        });
    });
    // Old rows dropped by the retention cap: what the user looks at stays where it is.
    connect(m_filter, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex &, int first, int last) {
                if (first == 0 && !(m_followAction && m_followAction->isChecked()))
                    m_rowsDroppedAbove = last - first + 1;
            });
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, [this] {
        if (m_rowsDroppedAbove == 0)
            return;
        QScrollBar *bar = m_table->verticalScrollBar();
        const int perRow = m_table->verticalScrollMode() == QAbstractItemView::ScrollPerItem
                               ? 1
                               : m_table->verticalHeader()->defaultSectionSize();
        m_scrollingToNewest = true;
        bar->setValue(qMax(0, bar->value() - m_rowsDroppedAbove * perRow));
        m_scrollingToNewest = false;
        m_rowsDroppedAbove = 0;
    });
    connect(m_filterRegex, &QCheckBox::toggled, this, &MainWindow::applyFilter);
    connect(m_filterFields, &QCheckBox::toggled, this, &MainWindow::applyFilter);
    // Another format or schema for the topic: the field filter reads the bodies again.
    connect(m_payload->decoded(), &DecodedView::settingsChanged, this, [this] {
        if (m_filterFields->isChecked())
            applyFilter();
    });
    connect(m_filterState, &QComboBox::currentIndexChanged, this, &MainWindow::applyFilter);

    // Countdowns: repaint what is in view; the model computes the time left when asked.
    m_countdown->setInterval(250);
    connect(m_countdown, &QTimer::timeout, this, [this] {
        if (m_model->heldCount() == 0)
            return;
        // Only the countdown column changes with time: repaint that strip, not the table.
        const QHeaderView *header = m_table->horizontalHeader();
        const int x = header->sectionViewportPosition(MessageModel::TimeLeft);
        const int w = header->sectionSize(MessageModel::TimeLeft);
        if (x + w > 0 && x < m_table->viewport()->width() &&
            !header->isSectionHidden(MessageModel::TimeLeft))
            m_table->viewport()->update(QRect(x, 0, w, m_table->viewport()->height()));
    });
    m_countdown->start();
    connect(m_autoTouch, &QTimer::timeout, this, &MainWindow::autoTouch);

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
    m_table->horizontalHeader()->restoreState(
        settings.value(QStringLiteral("window/columns2")).toByteArray());

    m_stateLabel->setText(tr("not connected"));
    updateActions();
    updateStatus();
}

MainWindow::~MainWindow()
{
    delete m_session; // the consumer goes before the demo broker it talks to
    m_session = nullptr;
}

void MainWindow::createActions()
{
    const auto make = [this](const QString &text, const QString &name, const QKeySequence &key,
                             const QString &tip) {
        auto *a = new QAction(text, this);
        a->setObjectName(name);
        if (!key.isEmpty())
            a->setShortcut(key);
        a->setToolTip(key.isEmpty() ? tip
                                    : QStringLiteral("%1 (%2)").arg(
                                          tip, key.toString(QKeySequence::NativeText)));
        return a;
    };
    m_finish = make(tr("&Finish"), QStringLiteral("finish"), QKeySequence(Qt::Key_F),
                    tr("FIN the selected messages: done with, gone from the channel"));
    m_requeue = make(tr("&Requeue"), QStringLiteral("requeue"), QKeySequence(Qt::Key_R),
                     tr("REQ the selected messages with the delay beside it: back to the channel"));
    m_touch = make(tr("&Touch"), QStringLiteral("touch"), QKeySequence(Qt::Key_T),
                   tr("TOUCH the selected messages: restart their msg_timeout"));
    m_finishAll = make(tr("Finish &all held"), QStringLiteral("finishAll"), {},
                       tr("FIN every message held in this window"));
    m_requeueAll = make(tr("Requeue all &held"), QStringLiteral("requeueAll"), {},
                        tr("REQ every held message, oldest first, with the delay beside it"));
    m_autoTouchAction = make(tr("A&uto-touch"), QStringLiteral("autoTouch"), {},
                             tr("Touch held messages before their msg_timeout, so they stay"));
    m_autoTouchAction->setCheckable(true);
    m_requeueAsFailure =
        make(tr("Requeue as a &failure (backoff)"), QStringLiteral("requeueAsFailure"), {},
             tr("REQ as a failed handler sends it: the consumer backs off (RDY 0 for a while, "
                "then tests with RDY 1), as go-nsq's Requeue does. Off: a plain REQ, as "
                "RequeueWithoutBackoff"));
    m_requeueAsFailure->setCheckable(true);
    m_pause = make(tr("&Pause"), QStringLiteral("pause"), QKeySequence(Qt::CTRL | Qt::Key_P),
                   tr("RDY 0: no new messages until resumed"));
    m_pause->setCheckable(true);
    m_disconnect = make(tr("&Disconnect"), QStringLiteral("disconnect"), {},
                        tr("Close the connections; held messages go back to the channel"));
    m_take =
        make(tr("Take &backlog"), QStringLiteral("takeBacklog"), QKeySequence(Qt::CTRL | Qt::Key_B),
             tr("Hold up to the number beside it from the front of the channel, then RDY 0: "
                "look at what waits without consuming it"));
    m_release = make(tr("Re&lease all"), QStringLiteral("releaseAll"), {},
                     tr("REQ 0 every held message, oldest first: all go back to the channel"));
    m_export = make(tr("&Export…"), QStringLiteral("export"), QKeySequence(Qt::CTRL | Qt::Key_E),
                    tr("Write the selected messages (or all shown) to a JSON Lines file"));
    m_takeCount->setObjectName(QStringLiteral("takeCount"));
    m_takeCount->setRange(1, 2500);
    m_takeCount->setValue(100);
    m_takeCount->setToolTip(tr("How many messages a backlog snapshot holds (at most the server's "
                               "max_rdy_count per nsqd)"));
    connect(m_take, &QAction::triggered, this, qOverload<>(&MainWindow::takeBacklog));
    connect(m_release, &QAction::triggered, this, &MainWindow::releaseAll);
    connect(m_export, &QAction::triggered, this, [this] {
        const bool selection = m_table->selectionModel()->hasSelection();
        const QString path = QFileDialog::getSaveFileName(
            this, selection ? tr("Export selected messages") : tr("Export all shown messages"),
            QStringLiteral("messages.jsonl"), tr("JSON Lines (*.jsonl);;All files (*)"));
        if (path.isEmpty())
            return;
        // A big export shows how far it is and can be stopped; a small one is done at once.
        QProgressDialog dialog(tr("Exporting messages…"), tr("Cancel"), 0, 100, this);
        dialog.setObjectName(QStringLiteral("exportProgress"));
        dialog.setWindowModality(Qt::WindowModal);
        dialog.setMinimumDuration(300);
        const QString error = exportMessages(path, selection, [&dialog](int done, int total) {
            dialog.setMaximum(total);
            dialog.setValue(done);
            return !dialog.wasCanceled();
        });
        if (error.isEmpty())
            statusBar()->showMessage(tr("Exported to %1").arg(path), 5000);
        else
            onLogged(error, true);
    });
    m_editResend = make(tr("Edit and re&send…"), QStringLiteral("editResend"),
                        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
                        tr("Open the selected messages' bodies in the Publish panel, change "
                           "them, and publish them to this or another topic (optionally "
                           "finishing the originals)"));
    connect(m_editResend, &QAction::triggered, this, [this] {
        const auto openPublish = [this](const QList<PublishPanel::Original> &originals) {
            auto *dock = findChild<QDockWidget *>(QStringLiteral("publishDock"));
            dock->show();
            dock->raise();
            m_publish->editAndResend(originals, m_session->settings().topic);
        };
        QModelIndexList chosen = m_table->selectionModel()->selectedRows();
        if (chosen.isEmpty() && m_showingRemovedRow && m_payload->shownDelivery()) {
            // The message shown has left the list: it can still be resent, not finished.
            const nsq::Delivery &d = *m_payload->shownDelivery();
            openPublish({{d.message.body, d.message.id.toString(), false}});
            return;
        }
        if (chosen.isEmpty() && m_table->currentIndex().isValid())
            chosen << m_table->currentIndex();
        if (chosen.isEmpty()) {
            statusBar()->showMessage(tr("Select the messages to resend"), 5000);
            return;
        }
        // The editor holds them all as text: past this many, Export and Replay do it better.
        constexpr int kMost = 1000;
        if (chosen.size() > kMost) {
            statusBar()->showMessage(tr("%1 messages selected; Edit and resend takes at most %2 "
                                        "(Export them, then Replay the file)")
                                         .arg(chosen.size())
                                         .arg(kMost),
                                     8000);
            return;
        }
        std::sort(chosen.begin(), chosen.end());
        const bool holding = m_session->isActive() && m_session->settings().mode == Mode::Hold;
        QList<PublishPanel::Original> originals;
        for (const QModelIndex &i : std::as_const(chosen)) {
            const MessageModel::Row &r = m_model->rowAt(m_filter->mapToSource(i).row());
            originals << PublishPanel::Original{r.delivery.message.body,
                                                r.delivery.message.id.toString(),
                                                holding && r.state == MessageState::InFlight};
        }
        openPublish(originals);
    });
    m_clear = make(tr("C&lear list"), QStringLiteral("clearList"), {},
                   tr("Forget the messages shown, except those held here"));
    auto *quit =
        make(tr("&Quit"), QStringLiteral("quit"), QKeySequence::Quit, tr("Close NSQ Inspector"));
    auto *about =
        make(tr("&About NSQ Inspector"), QStringLiteral("about"), {}, tr("Version and licence"));
    auto *realServer = make(tr("Connect to a real server…"), QStringLiteral("leaveDemo"), {},
                            tr("Leave demo mode and fill in your own nsqd or nsqlookupd"));

    // Single-letter keys act only where the messages are, never while typing in a field.
    for (QAction *a : {m_finish, m_requeue, m_touch}) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_table->addAction(a);
    }
    auto *sep = new QAction(this);
    sep->setSeparator(true);
    m_table->addAction(sep);
    m_table->addAction(m_finishAll);
    m_table->addAction(m_requeueAll);
    m_table->addAction(m_editResend);

    connect(m_finish, &QAction::triggered, this, [this] { actOnSelection(QStringLiteral("fin")); });
    connect(m_requeue, &QAction::triggered, this,
            [this] { actOnSelection(QStringLiteral("req")); });
    connect(m_touch, &QAction::triggered, this,
            [this] { actOnSelection(QStringLiteral("touch")); });
    connect(m_finishAll, &QAction::triggered, this, [this] {
        const QList<nsq::MessageId> ids = m_model->heldIds();
        m_session->finish(ids);
        statusBar()->showMessage(tr("FIN sent for %1 messages").arg(ids.size()), 5000);
    });
    connect(m_requeueAll, &QAction::triggered, this, [this] {
        const QList<nsq::MessageId> ids = m_model->heldIds();
        m_session->requeue(ids, qint64(m_requeueDelay->value() * 1000),
                           m_requeueAsFailure->isChecked());
        statusBar()->showMessage(tr("REQ sent for %1 messages").arg(ids.size()), 5000);
    });
    connect(m_autoTouchAction, &QAction::toggled, this, [this](bool on) {
        if (on) {
            autoTouch();
            m_autoTouch->start(autoTouchInterval());
        } else {
            m_autoTouch->stop();
        }
    });
    connect(m_pause, &QAction::toggled, m_session, &InspectorSession::setPaused);
    connect(m_disconnect, &QAction::triggered, m_session, &InspectorSession::stop);
    connect(m_clear, &QAction::triggered, this, [this] {
        // A held message the user is looking at stays in the list, and stays selected.
        const QModelIndex current = m_table->currentIndex();
        const quint64 seq =
            current.isValid() ? m_model->rowAt(m_filter->mapToSource(current).row()).seq : 0;
        m_model->clear();
        m_payload->clear();
        if (std::exchange(m_showingRemovedRow, false))
            m_table->setAutoScroll(true);
        if (const int row = seq ? m_model->rowOfSeq(seq) : -1; row >= 0)
            goToRow(m_filter->mapFromSource(m_model->index(row, 0)).row(), true);
    });
    connect(quit, &QAction::triggered, this, &QWidget::close);
    connect(about, &QAction::triggered, this, [this] {
        QStringList lines = versionLines();
        lines.first() = QStringLiteral("<b>%1</b>").arg(lines.first().toHtmlEscaped());
        QMessageBox box(QMessageBox::NoIcon, tr("About NSQ Inspector"),
                        tr("%1<br>A desktop tool for looking inside NSQ: messages, frames and "
                           "counts.<br><br>Licence: MIT")
                            .arg(lines.join(QStringLiteral("<br>"))),
                        QMessageBox::NoButton, this);
        box.setEscapeButton(box.addButton(tr("Close"), QMessageBox::AcceptRole));
        box.setObjectName(QStringLiteral("aboutBox"));
        box.setIconPixmap(windowIcon().pixmap(64, 64));
        box.setTextInteractionFlags(Qt::TextSelectableByMouse);
        box.exec();
    });
    connect(realServer, &QAction::triggered, this, [this] {
        m_leavingDemo = m_demo != nullptr;
        if (m_session->isActive())
            m_session->stop();
        else
            m_demo.reset();
        m_demoLabel->hide();
        SessionSettings s = m_connect->settings();
        s.nsqdAddresses.clear();
        s.lookupdAddresses.clear();
        m_connect->setSettings(s);
        m_connect->findChild<QLineEdit *>(QStringLiteral("nsqdAddresses"))->setFocus();
    });

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_export);
    file->addAction(m_disconnect);
    file->addAction(realServer);
    file->addSeparator();
    file->addAction(quit);
    QMenu *messages = menuBar()->addMenu(tr("&Messages"));
    messages->addActions({m_finish, m_requeue, m_touch});
    messages->addSeparator();
    messages->addActions({m_finishAll, m_requeueAll, m_autoTouchAction});
    messages->addAction(m_requeueAsFailure);
    messages->addSeparator();
    messages->addActions({m_take, m_release});
    messages->addSeparator();
    messages->addAction(m_editResend);
    messages->addSeparator();
    messages->addActions({m_pause, m_clear});
    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_goMenu = menuBar()->addMenu(tr("&Go"));
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    auto *shortcuts = make(tr("&Keyboard shortcuts"), QStringLiteral("shortcuts"),
                           QKeySequence::HelpContents, tr("Every key the window answers to"));
    connect(shortcuts, &QAction::triggered, this, &MainWindow::showShortcuts);
    help->addAction(shortcuts);
    help->addSeparator();
    help->addAction(about);

    QToolBar *bar = addToolBar(tr("Messages"));
    bar->setObjectName(QStringLiteral("messagesToolBar"));
    bar->addAction(m_pause);
    bar->addSeparator();
    bar->addActions({m_finish, m_requeue});
    bar->addWidget(m_requeueDelay);
    auto *presets = new QToolButton;
    presets->setObjectName(QStringLiteral("requeuePresets"));
    presets->setText(QStringLiteral("▾"));
    presets->setToolTip(tr("Common REQ delays"));
    presets->setPopupMode(QToolButton::InstantPopup);
    auto *presetMenu = new QMenu(presets);
    for (auto [label, seconds] : {std::pair{tr("now (0 s)"), 0.0},
                                  {tr("5 s"), 5.0},
                                  {tr("30 s"), 30.0},
                                  {tr("1 min"), 60.0},
                                  {tr("10 min"), 600.0},
                                  {tr("1 h"), 3600.0}}) {
        QAction *a = presetMenu->addAction(label);
        connect(a, &QAction::triggered, this,
                [this, seconds = seconds] { m_requeueDelay->setValue(seconds); });
    }
    presets->setMenu(presetMenu);
    bar->addWidget(presets);
    bar->addAction(m_touch);
    bar->addSeparator();
    bar->addActions({m_finishAll, m_requeueAll, m_autoTouchAction});
    bar->addSeparator();
    bar->addAction(m_take);
    bar->addWidget(m_takeCount);
    bar->addAction(m_release);
    bar->addSeparator();
    bar->addAction(realServer);
}

QString MainWindow::startDemo()
{
    m_demo = std::make_unique<DemoBroker>(10);
    const QString error = m_demo->start();
    if (!error.isEmpty()) {
        m_demo.reset();
        onLogged(tr("demo broker could not start: %1").arg(error), true);
        return error;
    }
    m_demoLabel->setText(tr("DEMO — embedded broker at %1").arg(m_demo->tcpAddress()));
    m_demoLabel->show();
    findChild<QDockWidget *>(QStringLiteral("tourDock"))->raise(); // what the demo is for
    SessionSettings s;
    s.nsqdAddresses = {m_demo->tcpAddress()};
    s.nsqdHttpAddresses = {m_demo->httpAddress()};
    s.topic = DemoBroker::topic();
    s.mode = Mode::Hold;
    s.maxInFlight = 200;
    // Heartbeats every 5 s rather than 30: the tour's heartbeat step comes while people watch.
    s.config.heartbeatInterval = 5000;
    const QStringList problems = connectTo(s);
    return problems.join(QLatin1Char('\n'));
}

void MainWindow::onConnectRequested(const SessionSettings &settings)
{
    // Ask /stats first: a backlog the new channel would take, consumers it would compete with.
    m_pendingConnect = settings;
    m_connect->setChecking(true);
    m_probe->checkSubscription(settings);
}

void MainWindow::onSubscriptionChecked(const SubscriptionReport &report)
{
    if (!m_pendingConnect)
        return;
    m_connect->setChecking(false);
    m_connect->showReport(report);
    for (const QString &w : report.warnings)
        onLogged(tr("before subscribing: %1").arg(w), false);
    if (report.warnings.isEmpty())
        connectTo(*std::exchange(m_pendingConnect, std::nullopt));
}

void MainWindow::connectWithProfile(const QString &profile, const SessionSettings &settings)
{
    // As from the form: /stats is asked first, and its warnings wait for an answer.
    if (profile.isEmpty()) {
        m_connect->setSettings(settings);
        onConnectRequested(settings);
        return;
    }
    auto *secrets = new SecretStore(this);
    QPointer<MainWindow> self(this);
    secrets->read(profile,
                  [self, secrets, profile, settings](const QString &secret, const QString &error) {
                      secrets->deleteLater();
                      if (!self)
                          return;
                      SessionSettings s = settings;
                      if (!secret.isEmpty())
                          s.config.authSecret = secret;
                      if (!error.isEmpty())
                          self->onLogged(error, false);
                      ProfileStore::setLastUsed(profile);
                      self->m_connect->setSettings(s);
                      self->onConnectRequested(s);
                  });
}

bool MainWindow::loadLastProfile()
{
    const QString name = ProfileStore::lastUsed();
    if (name.isEmpty() || !ProfileStore::contains(name))
        return false;
    m_connect->loadProfile(name);
    m_stateLabel->setText(tr("profile %1 loaded: press Connect").arg(name));
    return true;
}

QString MainWindow::demoAddress() const
{
    return m_demo ? m_demo->tcpAddress() : QString();
}

QStringList MainWindow::connectTo(const SessionSettings &settings)
{
    const QString profile = m_connect->profileName();
    m_connect->setSettings(settings);
    const QStringList problems = m_session->start(settings);
    if (problems.isEmpty() && ProfileStore::contains(profile))
        ProfileStore::setLastUsed(profile);
    if (problems.isEmpty() && settings.config.tlsV1 && settings.config.tlsInsecureSkipVerify)
        onLogged(tr("TLS without verification: the server's identity is not checked"), true);
    for (const QString &p : problems)
        onLogged(p, true);
    return problems;
}

void MainWindow::onStats(const nsq::ConsumerStats &stats)
{
    QStringList states;
    qint64 readyLimit = 0;
    qint64 shortestTimeout = 0;
    for (const auto &c : stats.connections) {
        if (c.state == nsq::Conn::State::Connected)
            readyLimit += c.maxReadyCount;
        if (c.msgTimeoutMs > 0) {
            m_model->setMessageTimeout(c.address, c.msgTimeoutMs, c.maxMsgTimeoutMs);
            shortestTimeout =
                shortestTimeout == 0 ? c.msgTimeoutMs : qMin(shortestTimeout, c.msgTimeoutMs);
        }
        if (c.state == nsq::Conn::State::Connected)
            states << tr("%1: RDY %2, %3 in flight")
                          .arg(c.address)
                          .arg(c.readyCount)
                          .arg(c.inFlightCount);
    }
    // The others as their events said: connecting, identifying, TLS, AUTH, closed (why).
    for (auto it = m_connStates.cbegin(); it != m_connStates.cend(); ++it)
        if (it.value() != QLatin1String("subscribed"))
            states << QStringLiteral("%1: %2").arg(it.key(), it.value());
    if (shortestTimeout > 0 && shortestTimeout != m_msgTimeoutMs) {
        m_msgTimeoutMs = shortestTimeout; // auto-touch keeps pace with the shortest
        if (m_autoTouch->isActive())
            m_autoTouch->start(autoTouchInterval());
    }
    if (readyLimit > 0) {
        // Only when it changes: a spin box's new range lays out its toolbar again.
        const int limit = int(qMin<qint64>(readyLimit, 1000000));
        if (m_takeCount->maximum() != limit) {
            m_connect->setMaxInFlightLimit(limit);
            m_takeCount->setMaximum(limit);
        }
    }
    if (stats.backoffLevel > 0)
        states << tr("backoff level %1").arg(stats.backoffLevel);
    if (stats.maxInFlight == 0)
        states << tr("paused");
    if (m_session->isActive())
        m_stateLabel->setText(states.isEmpty() ? tr("no nsqd connected")
                                               : states.join(QStringLiteral(" · ")));
}

void MainWindow::createDocks()
{
    m_timelineModel->setSourceLookup([this](const nsq::MessageId &id) {
        const int row = m_model->rowOf(id);
        return row < 0 ? QString() : m_model->rowAt(row).delivery.source;
    });
    m_traceAction = new QAction(tr("Record the wire trace"), this);
    m_traceAction->setObjectName(QStringLiteral("recordTrace"));
    m_traceAction->setCheckable(true);
    m_traceAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
    m_traceAction->setToolTip(
        tr("Record every frame sent and received (%1). Off, it costs "
           "nothing.")
            .arg(m_traceAction->shortcut().toString(QKeySequence::NativeText)));
    connect(m_traceAction, &QAction::toggled, m_session, &InspectorSession::setTraceEnabled);

    m_plots = new PlotsPanel;
    m_timelinePanel = new TimelinePanel(m_timelineModel);
    m_tracePanel = new TracePanel(m_traceModel, m_traceAction);
    m_tourPanel = new TourPanel(m_tourModel);
    connect(m_tourPanel, &TourPanel::framesRequested, this,
            [this](TourModel::Step step) { showTourFrames(step); });
    connect(m_tourPanel, &TourPanel::eventsRequested, this,
            [this](TourModel::Step step) { showTourEvents(step); });

    const auto dock = [this](const QString &title, const QString &name, QWidget *content) {
        auto *d = new QDockWidget(title, this);
        d->setObjectName(name);
        d->setWidget(content);
        return d;
    };
    auto *plotsDock = dock(tr("Plots"), QStringLiteral("plotsDock"), m_plots);
    auto *timelineDock =
        dock(tr("Event timeline"), QStringLiteral("timelineDock"), m_timelinePanel);
    auto *traceDock = dock(tr("Wire trace"), QStringLiteral("traceDock"), m_tracePanel);
    auto *tourDock = dock(tr("How a consumer works"), QStringLiteral("tourDock"), m_tourPanel);
    m_publish = new PublishPanel;
    auto *publishDock = dock(tr("Publish"), QStringLiteral("publishDock"), m_publish);
    connect(m_publish, &PublishPanel::finished, this,
            [this](const QString &summary) { onLogged(summary, false); });
    connect(m_publish, &PublishPanel::finishOriginals, this, [this](const QStringList &ids) {
        QList<nsq::MessageId> held;
        QStringList gone;
        for (const QString &id : ids) {
            const int row = m_model->rowOf(nsq::MessageId::fromBytes(id.toLatin1()));
            if (row >= 0 && m_model->rowAt(row).state == MessageState::InFlight &&
                m_session->isActive())
                held << m_model->rowAt(row).delivery.message.id;
            else
                gone << id;
        }
        // nsqd does not answer a FIN that worked; one it refuses comes back as E_FIN_FAILED,
        // and the panel hears of it (see collectGaveUp).
        for (const nsq::MessageId &id : std::as_const(held))
            m_originalsFinishing.insert(id);
        if (!held.isEmpty())
            m_session->finish(held);
        QString text;
        if (!held.isEmpty())
            text = tr("FIN sent for %n original(s).", nullptr, int(held.size()));
        if (!gone.isEmpty()) {
            const QString why = tr("Not finished, no longer held here (timed out, answered, or "
                                   "its connection closed): %1.")
                                    .arg(gone.join(QLatin1String(", ")));
            text += (text.isEmpty() ? QString() : QStringLiteral(" ")) + why;
            onLogged(why, true);
        }
        m_publish->noteOriginal(text);
    });
    m_cluster = new ClusterPanel;
    auto *clusterDock = dock(tr("Cluster"), QStringLiteral("clusterDock"), m_cluster);
    connect(m_cluster, &ClusterPanel::actionFinished, this,
            [this](const QString &summary) { onLogged(summary, false); });
    // A session through nsqlookupd names no nsqd: the first node holding the topic is where
    // the Publish dock sends, unless the user typed another.
    connect(m_cluster->poller(), &ClusterPoller::snapshotReady, this,
            [this](const ClusterSnapshot &snapshot) {
                if (!m_session->settings().nsqdAddresses.isEmpty())
                    return;
                for (const NodeSnapshot &n : snapshot.nodes)
                    if (n.reachable && !n.tcpAddress.isEmpty() &&
                        n.lookupTopics.contains(m_session->settings().topic)) {
                        m_publish->setDefaults(m_session->settings().topic, n.tcpAddress,
                                               n.httpAddress);
                        return;
                    }
            });
    QDockWidget *logDock = findChild<QDockWidget *>(QStringLiteral("logDock"));
    m_gaveUpPanel = new GaveUpPanel(m_gaveUp);
    auto *gaveUpDock = dock(tr("Gave up"), QStringLiteral("gaveUpDock"), m_gaveUpPanel);
    connect(m_gaveUpPanel, &GaveUpPanel::resendRequested, this,
            [this](const QList<QByteArray> &bodies, const QString &topic) {
                const QString address = m_publish->tcpAddress();
                if (address.isEmpty()) {
                    m_gaveUpPanel->showResult(
                        tr("No nsqd to publish to: connect, or set the Publish panel's address"));
                    return;
                }
                m_gaveUpPanel->showResult(
                    tr("Resending %n message(s) to %1 on %2…", nullptr, int(bodies.size()))
                        .arg(topic, address),
                    true);
                auto *job = new PublishJob(PublishJob::Transport::Tcp, address, topic, this);
                QList<PublishJob::Item> items;
                for (const QByteArray &b : bodies)
                    items << PublishJob::Item{b, 0};
                connect(
                    job, &PublishJob::finished, this,
                    [this, job, topic, address](qint64 done, qint64 total, const QString &error) {
                        const QString text = error.isEmpty()
                                                 ? tr("Resent %1 of %2 to %3 on %4")
                                                       .arg(done)
                                                       .arg(total)
                                                       .arg(topic, address)
                                                 : tr("Resent %1 of %2 to %3 on %4, then: %5")
                                                       .arg(done)
                                                       .arg(total)
                                                       .arg(topic, address, error);
                        m_gaveUpPanel->showResult(text);
                        onLogged(text, !error.isEmpty());
                        job->deleteLater();
                    });
                job->start(items);
            });
    for (QDockWidget *d :
         {tourDock, plotsDock, timelineDock, traceDock, clusterDock, publishDock, gaveUpDock})
        tabifyDockWidget(logDock, d);
    logDock->raise();
    resizeDocks({logDock}, {260}, Qt::Vertical);
    connect(plotsDock, &QDockWidget::visibilityChanged, m_plots, [this](bool visible) {
        if (visible)
            m_plots->sampleNow();
    });

    for (QDockWidget *d : findChildren<QDockWidget *>())
        m_viewMenu->addAction(d->toggleViewAction());
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_traceAction);
    m_viewMenu->addSeparator();
    QMenu *language = m_viewMenu->addMenu(tr("&Language"));
    language->setObjectName(QStringLiteral("languageMenu"));
    auto *group = new QActionGroup(language);
    const QString current = Language::saved();
    for (const auto &[code, label] : Language::choices()) {
        QAction *a = language->addAction(label);
        a->setObjectName(languageActionName(code));
        a->setCheckable(true);
        a->setChecked(code == current);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, code = code] { setLanguage(code); });
    }
    QMenu *timeMenu = m_viewMenu->addMenu(tr("T&ime"));
    timeMenu->setObjectName(QStringLiteral("timeMenu"));
    auto *times = new QActionGroup(timeMenu);
    for (const auto &[mode, label] :
         {std::pair{TimeFormat::Mode::Local, tr("&Local time")},
          {TimeFormat::Mode::Utc, tr("&UTC")},
          {TimeFormat::Mode::Relative, tr("&Relative (\"3.2 s ago\")")}}) {
        QAction *a = timeMenu->addAction(label);
        a->setObjectName(QStringLiteral("time_") + TimeFormat::modeName(mode));
        a->setCheckable(true);
        a->setChecked(TimeFormat::instance().mode() == mode);
        times->addAction(a);
        connect(a, &QAction::triggered, this,
                [mode = mode] { TimeFormat::instance().setMode(mode); });
    }
    // Every view shows the new times at once; relative ones age every second.
    const auto repaintTimes = [this] {
        const QList<QAbstractItemView *> views = {m_table, m_tracePanel->table(),
                                                  m_timelinePanel->table(), m_gaveUpPanel->table(),
                                                  m_cluster->tree()};
        for (QAbstractItemView *view : views)
            view->viewport()->update();
    };
    auto *ageing = new QTimer(this);
    ageing->setInterval(1000);
    connect(ageing, &QTimer::timeout, this, [repaintTimes] {
        repaintTimes();
        TimeFormat::instance().age(); // the tour's, metadata's and life's texts age too
    });
    const auto followMode = [this, ageing, repaintTimes] {
        repaintTimes();
        if (TimeFormat::instance().mode() == TimeFormat::Mode::Relative)
            ageing->start();
        else
            ageing->stop();
        if (auto *a = findChild<QAction *>(QStringLiteral("time_") +
                                           TimeFormat::modeName(TimeFormat::instance().mode())))
            a->setChecked(true);
    };
    connect(&TimeFormat::instance(), &TimeFormat::changed, this, followMode);
    followMode();
    QMenu *theme = m_viewMenu->addMenu(tr("&Theme"));
    theme->setObjectName(QStringLiteral("themeMenu"));
    auto *themes = new QActionGroup(theme);
    for (const auto &[code, label] : Theme::choices()) {
        QAction *a = theme->addAction(label);
        a->setObjectName(QStringLiteral("theme_") +
                         (code.isEmpty() ? QStringLiteral("system") : code));
        a->setCheckable(true);
        a->setChecked(code == Theme::saved());
        themes->addAction(a);
        connect(a, &QAction::triggered, this, [this, code = code] { setTheme(code); });
    }
}

void MainWindow::setTheme(const QString &code)
{
    Theme::apply(code);
    Theme::save(code);
    const QString name =
        QStringLiteral("theme_") + (code.isEmpty() ? QStringLiteral("system") : code);
    if (auto *a = findChild<QAction *>(name))
        a->setChecked(true);
}

QString MainWindow::languageActionName(const QString &code)
{
    return QStringLiteral("language_") + (code.isEmpty() ? QStringLiteral("system") : code);
}

void MainWindow::retranslateDocks()
{
    const std::pair<const char *, QString> titles[] = {
        {"connectionDock", tr("Connection")}, {"logDock", tr("Log")},
        {"plotsDock", tr("Plots")},           {"timelineDock", tr("Event timeline")},
        {"traceDock", tr("Wire trace")},      {"tourDock", tr("How a consumer works")},
    };
    for (const auto &[name, title] : titles)
        if (auto *d = findChild<QDockWidget *>(QLatin1String(name)))
            d->setWindowTitle(title);
    m_viewMenu->setTitle(tr("&View"));
    if (QMenu *language = findChild<QMenu *>(QStringLiteral("languageMenu")))
        language->setTitle(tr("&Language"));
    m_traceAction->setText(tr("Record the wire trace"));
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && m_traceAction)
        retranslateDocks();
    QMainWindow::changeEvent(event);
}

void MainWindow::setLanguage(const QString &code)
{
    const QString before = Language::current();
    const QString now = Language::apply(code);
    // Panels built once keep their text: map what is on screen (the session goes on).
    Retranslator::zhCN().retranslateApplication(before, now);
    Language::save(code);
    if (auto *a = findChild<QAction *>(languageActionName(code)))
        a->setChecked(true); // called from code too, not only from the menu
}

void MainWindow::showTourFrames(int stepNumber)
{
    const auto step = TourModel::Step(stepNumber);
    const TourModel::Progress &p = m_tourModel->progress(step);
    // Frames are stamped when queued, events when reported: allow a second either way.
    const qint64 from = qMax(m_sessionStartMs, p.firstMs - 1000);
    const int row = m_traceModel->find(from, p.address, TourModel::framePrefixes(step));
    if (row < 0) {
        statusBar()->showMessage(
            m_traceModel->rowCount() == 0 && !m_traceAction->isChecked()
                ? tr("The wire trace was off when this happened: turn on View ▸ Record the "
                     "wire trace, then reconnect to see these frames.")
                : tr("No frame of this step is in the trace (it was off then, or the frames "
                     "were dropped from view)."),
            8000);
        return;
    }
    findChild<QDockWidget *>(QStringLiteral("traceDock"))->raise();
    m_tracePanel->showRow(row);
}

void MainWindow::showTourEvents(int stepNumber)
{
    const auto step = TourModel::Step(stepNumber);
    const TourModel::Progress &p = m_tourModel->progress(step);
    int row = m_timelineModel->find(qMax(m_sessionStartMs, p.firstMs - 1000),
                                    TourModel::timelineKind(step), p.address);
    if (row < 0)
        row = m_timelineModel->find(qMax(m_sessionStartMs, p.firstMs - 1000),
                                    TourModel::timelineKind(step));
    if (row < 0) {
        statusBar()->showMessage(tr("The events of this step are no longer in the timeline."),
                                 5000);
        return;
    }
    findChild<QDockWidget *>(QStringLiteral("timelineDock"))->raise();
    m_timelinePanel->showRow(row);
}

void MainWindow::pollChannel()
{
    SessionSettings s = m_session->settings();
    if (s.nsqdAddresses.isEmpty()) {
        for (auto it = m_connStates.cbegin(); it != m_connStates.cend(); ++it)
            if (it.value() == QLatin1String("subscribed"))
                s.nsqdAddresses << it.key();
    }
    m_poller->start(ServerProbe::nsqdHttpAddresses(s), s.topic, m_session->channel());
}

void MainWindow::forgetGaveUp(const QList<nsq::Delivery> &deliveries)
{
    if (m_gaveUp->rowCount() == 0)
        return;
    QList<nsq::MessageId> ids;
    ids.reserve(deliveries.size());
    for (const nsq::Delivery &d : deliveries)
        ids << d.message.id;
    // A refused FIN or REQ means nsqd took the message back (it timed out first); here it is
    // again, so it is no longer given up on, and resending it would make a duplicate.
    if (const int n = m_gaveUp->removeDelivered(ids); n > 0)
        onLogged(tr("%n message(s) given up on came back from nsqd: taken off the Gave up list",
                    nullptr, n),
                 false);
}

void MainWindow::collectGaveUp(const QList<nsq::ConsumerEvent> &events)
{
    using K = nsq::ConsumerEvent::Kind;
    using Why = GaveUpModel::Why;
    int added = 0;
    for (const nsq::ConsumerEvent &e : events) {
        // Every FIN and delivery passes here: only failures are looked at further.
        if (e.kind != K::Failed && e.kind != K::ActionFailed)
            continue;
        // What became of originals finished after a resend: a refusal is said where the resend
        // was. (nsqd says nothing of a FIN that worked, so an ID stays; a few per resend.)
        if (e.kind == K::ActionFailed && m_originalsFinishing.remove(e.id))
            m_publish->noteOriginal(
                tr("nsqd refused the FIN of the original %1: %2").arg(e.id.toString(), e.text));
        const bool refused = e.kind == K::ActionFailed &&
                             e.action != nsq::Conn::MessageAction::Touch &&
                             m_session->settings().mode == Mode::Hold;
        const int row = m_model->rowOf(e.id);
        if (e.kind == K::ActionFailed && (!refused || row < 0))
            continue;
        GaveUpModel::Row gaveUp;
        gaveUp.topic = m_session->settings().topic;
        gaveUp.atMs = e.atMs;
        const QStringList &nsqds = m_session->settings().nsqdAddresses;
        gaveUp.nsqd = row >= 0 ? m_model->rowAt(row).delivery.source
                               : (nsqds.size() == 1 ? nsqds.first() : QString());
        if (e.kind == K::Failed) {
            // Finished by the consumer without being handed on: the event carries it whole.
            gaveUp.message = e.message;
            gaveUp.why = Why::MaxAttempts;
            gaveUp.detail = QString::number(m_session->settings().giveUpAfter);
        } else {
            gaveUp.message = m_model->rowAt(row).delivery.message;
            gaveUp.why =
                e.action == nsq::Conn::MessageAction::Finish ? Why::FinRefused : Why::ReqRefused;
            gaveUp.detail = e.text;
        }
        m_gaveUp->add(std::move(gaveUp));
        ++added;
    }
    m_gaveUpThisBatch += added;
    if (added > 0)
        statusBar()->showMessage(
            tr("%n more message(s) given up on: see the Gave up tab", nullptr, m_gaveUpThisBatch),
            8000);
}

void MainWindow::trackConnections(const QList<nsq::ConsumerEvent> &events)
{
    using K = nsq::ConsumerEvent::Kind;
    using S = nsq::Conn::State;
    for (const nsq::ConsumerEvent &e : events) {
        switch (e.kind) {
        case K::ConnectionState:
            // Subscribed and closed come as their own events, with more to say.
            if (e.state != S::Connected && e.state != S::Disconnected)
                m_connStates[e.address] = connectionStateWords(e.state);
            break;
        case K::Connected:
            m_connStates[e.address] = QStringLiteral("subscribed");
            if (m_session->settings().nsqdAddresses.isEmpty())
                pollChannel(); // found through nsqlookupd: ask this one's /stats too
            break;
        case K::Disconnected:
            m_connStates[e.address] = tr("closed (%1)").arg(e.text);
            break;
        case K::BackoffStarted:
        case K::BackoffContinued:
            m_connStates[tr("backoff")] = tr("level %1, %2 ms").arg(e.value).arg(e.duration);
            break;
        case K::BackoffResumed:
            m_connStates.remove(tr("backoff"));
            break;
        default:
            break;
        }
    }
}

void MainWindow::onLogged(const QString &line, bool problem)
{
    m_log->appendPlainText(QStringLiteral("%1  %2").arg(
        TimeFormat::instance().stamp(QDateTime::currentMSecsSinceEpoch()), line));
    if (problem)
        statusBar()->showMessage(line, 10000);
}

QList<QByteArray> MainWindow::selectedIds() const
{
    QList<QByteArray> ids;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
        ids << i.data(MessageModel::IdRole).toByteArray();
    return ids;
}

void MainWindow::actOnSelection(const QString &what)
{
    QList<nsq::MessageId> held;
    int notHeld = 0;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows()) {
        if (MessageState(i.data(MessageModel::StateRole).toInt()) == MessageState::InFlight)
            held << nsq::MessageId::fromBytes(i.data(MessageModel::IdRole).toByteArray());
        else
            ++notHeld;
    }
    if (held.isEmpty()) {
        statusBar()->showMessage(
            tr("Nothing to %1: no held message is selected").arg(what.toUpper()), 5000);
        return;
    }
    if (what == QLatin1String("fin"))
        m_session->finish(held);
    else if (what == QLatin1String("req"))
        m_session->requeue(held, qint64(m_requeueDelay->value() * 1000),
                           m_requeueAsFailure->isChecked());
    else
        m_session->touch(held);
    QString text = tr("%1 sent for %2 messages").arg(what.toUpper()).arg(held.size());
    if (notHeld > 0)
        text += tr("; %1 selected were not held here").arg(notHeld);
    statusBar()->showMessage(text, 5000);
}

void MainWindow::takeBacklog()
{
    takeBacklog(m_takeCount->value());
}

void MainWindow::takeBacklog(int n)
{
    if (!m_session->isActive() || m_session->settings().mode != Mode::Hold)
        return;
    // RDY n in total: nsqd sends no more than n in flight, and none of them is answered
    // until the user says so. Once n are here, RDY 0 keeps it a snapshot.
    // n more than are held now; the user's own max in flight comes back with Release all.
    const int held = m_model->heldCount();
    if (m_maxBeforeSnapshot == 0)
        m_maxBeforeSnapshot = m_session->maxInFlight();
    m_snapshotTarget = held + n;
    {
        const QSignalBlocker block(m_pause);
        m_pause->setChecked(false);
    }
    m_session->setPaused(false);
    m_session->setMaxInFlight(m_snapshotTarget);
    m_connect->showMaxInFlight(m_snapshotTarget);
    onLogged(tr("backlog snapshot: holding up to %1 more messages from the front of the channel "
                "(max in flight %2 until Release all)")
                 .arg(n)
                 .arg(m_snapshotTarget),
             false);
    onHeldCountChanged(m_model->heldCount());
}

void MainWindow::onHeldCountChanged(int held)
{
    if (m_snapshotTarget > 0 && held >= m_snapshotTarget) {
        m_snapshotTarget = 0;
        m_pause->setChecked(true); // RDY 0 through the same path as the Pause action
        onLogged(tr("backlog snapshot: %1 messages held; RDY 0 until you resume").arg(held), false);
    }
    updateStatus();
}

void MainWindow::releaseAll()
{
    const QList<nsq::MessageId> ids = m_model->heldIds(); // oldest first
    m_snapshotTarget = 0;
    m_session->requeue(ids, 0);
    if (m_maxBeforeSnapshot > 0) {
        m_session->setMaxInFlight(m_maxBeforeSnapshot); // still paused: resume to go on
        m_connect->showMaxInFlight(m_maxBeforeSnapshot);
        m_maxBeforeSnapshot = 0;
    }
    statusBar()->showMessage(tr("REQ 0 sent for %1 messages, oldest first").arg(ids.size()), 5000);
}

QString MainWindow::exportMessages(const QString &path, bool selectionOnly,
                                   const std::function<bool(int, int)> &progress) const
{
    // A copy of the rows (bodies are shared, not copied): while the progress dialog runs the
    // event loop, messages keep arriving and the retention cap drops rows under the indexes.
    QList<MessageModel::Row> rows;
    QList<int> sourceRows;
    if (selectionOnly) {
        for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
            sourceRows << m_filter->mapToSource(i).row();
        std::sort(sourceRows.begin(), sourceRows.end());
    } else {
        for (int i = 0; i < m_filter->rowCount(); ++i)
            sourceRows << m_filter->mapToSource(m_filter->index(i, 0)).row();
    }
    rows.reserve(sourceRows.size());
    for (int row : std::as_const(sourceRows))
        rows << m_model->rowAt(row);
    const QString topic = m_session->settings().topic;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("Could not write %1: %2").arg(path, file.errorString());
    const int total = int(rows.size());
    for (int n = 0; n < total; ++n) {
        if (progress && n % 2000 == 0 && !progress(n, total)) {
            file.cancelWriting();
            return tr("Export cancelled; %1 was not written").arg(path);
        }
        const MessageModel::Row &r = rows.at(n);
        QJsonObject o = nsq::messageRecordObject(r.delivery.message, r.delivery.source, topic);
        o.insert(QStringLiteral("received"),
                 QDateTime::fromMSecsSinceEpoch(r.delivery.receivedMs, Qt::UTC)
                     .toString(Qt::ISODateWithMs));
        o.insert(QStringLiteral("state"), QLatin1String(stateSourceName(r.state)));
        file.write(QJsonDocument(o).toJson(QJsonDocument::Compact));
        file.write("\n");
    }
    if (progress)
        progress(total, total);
    if (!file.commit())
        return tr("Could not write %1: %2").arg(path, file.errorString());
    return {};
}

int MainWindow::autoTouchInterval() const
{
    return int(qBound(qint64(250), m_msgTimeoutMs / 3, qint64(60000)));
}

void MainWindow::autoTouch()
{
    const QList<nsq::MessageId> ids = m_model->heldIds();
    if (!ids.isEmpty())
        m_session->touch(ids);
}

void MainWindow::applyFilter()
{
    const int state = m_filterState->currentData().toInt();
    m_filter->setStates(state < 0 ? QSet<int>() : QSet<int>{state});
    m_filterRegex->setEnabled(!m_filterFields->isChecked());
    if (!m_filterFields->isChecked()) {
        stopFieldFilter();
        if (m_filter->hasFieldQuery())
            m_filter->setFieldQuery(nullptr, {}, {});
        const QString error =
            m_filter->setPattern(m_filterText->text(), m_filterRegex->isChecked());
        m_filterError->setText(error);
        m_filterError->setVisible(!error.isEmpty());
        return;
    }
    // A field query: checked as typed, then run over the retained messages off the GUI thread.
    m_filter->setPattern(QString(), false);
    if (m_filterText->text().trimmed().isEmpty()) {
        stopFieldFilter();
        m_filterError->hide();
        m_filter->setFieldQuery(nullptr, {}, {});
        return;
    }
    nsqdecode::FieldQuery::Error error;
    auto query = nsqdecode::FieldQuery::parse(m_filterText->text(), &error);
    if (!query) {
        m_filterError->setText(tr("At column %1: %2").arg(error.position + 1).arg(error.message));
        m_filterError->show();
        return; // the filter shown stays as it was until the query is whole
    }
    m_filterError->hide();
    m_fieldJob->cancel();     // what it finds would be for the query before this one
    m_fieldDebounce->start(); // typing fast runs it once, when it pauses
    m_pendingQuery = query;
}

void MainWindow::stopFieldFilter()
{
    m_fieldJob->cancel();
    m_fieldProgressTimer->stop();
    m_filterProgress->hide();
    m_filterStop->hide();
}

void MainWindow::runFieldFilter()
{
    if (!m_pendingQuery)
        return;
    QList<FieldFilterJob::Item> items;
    items.reserve(m_model->rowCount());
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const nsq::Message &m = m_model->rowAt(row).delivery.message;
        items << FieldFilterJob::Item{m.id.toByteArray(), m.body};
    }
    m_fieldOptions = m_payload->decoded()->options();
    m_filterProgress->setRange(0, int(qMax<qsizetype>(1, items.size())));
    m_filterProgress->setValue(0);
    m_filterProgress->show();
    m_filterStop->show();
    m_runningQuery = m_pendingQuery;
    m_fieldJob->start(std::move(items), m_runningQuery, m_fieldOptions);
    m_fieldProgressTimer->start();
}

void MainWindow::parkCurrentRow()
{
    // While a message no longer in the list is shown, the first key goes on from the newest
    // row when following (Up: the one above it), else from no row (Up or Down: the oldest
    // kept, next to the one that went).
    const int at = m_followAction->isChecked() ? m_filter->rowCount() - 1 : -1;
    if (m_table->currentIndex().row() != at)
        m_table->selectionModel()->setCurrentIndex(at >= 0 ? m_filter->index(at, 0) : QModelIndex(),
                                                   QItemSelectionModel::NoUpdate);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    // Focus makes the table's first row current; see parkCurrentRow.
    if (watched == m_table && event->type() == QEvent::FocusIn && m_showingRemovedRow)
        QTimer::singleShot(0, this, [this] {
            if (m_showingRemovedRow && !m_table->selectionModel()->hasSelection()) {
                const QScopedValueRollback notTheUser(m_feeding, true);
                parkCurrentRow();
            }
        });
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::onSelectionChanged()
{
    const QModelIndex current = m_table->currentIndex();
    // The message shown left the list: a current row that nobody selected (focus gives the
    // table one) does not replace it; a row the user selects does.
    if (m_showingRemovedRow && !m_table->selectionModel()->hasSelection()) {
        const QString gone = tr("no longer in the list (older rows are dropped past the "
                                "retention cap); shown as it was last seen");
        m_payload->setStateText(gone);
        m_payload->setNote(gone);
        m_shownSeq = 0;
        updateActions();
        return;
    }
    if (!current.isValid()) {
        m_payload->clear();
        m_shownSeq = 0;
        if (std::exchange(m_showingRemovedRow, false))
            m_table->setAutoScroll(true);
        updateActions();
        return;
    }
    if (std::exchange(m_showingRemovedRow, false)) {
        m_table->setAutoScroll(true);
        m_table->scrollTo(current);
    }
    m_payload->setNote({});
    const int row = m_filter->mapToSource(current).row();
    if (row >= 0 && row < m_model->rowCount()) {
        const MessageModel::Row &r = m_model->rowAt(row);
        m_shownSeq = r.seq;
        // Decoded again only when it is another message or another delivery of it: batches
        // arrive every 16 ms, and a 1 MB body must not be decoded that often.
        if (!m_payload->isShowing(r.delivery.message.id, r.delivery.message.attempts,
                                  r.delivery.receivedMs))
            m_payload->showDelivery(r.delivery, stateName(r.state));
        else
            m_payload->setStateText(stateName(r.state));
        m_payload->setLife(r.life, r.lifeDropped); // redrawn only when it changed
    }
    updateActions();
}

void MainWindow::updateActions()
{
    const bool active = m_session->isActive();
    const bool holding = active && m_session->settings().mode != Mode::Tail;
    for (QAction *a :
         {m_finish, m_requeue, m_touch, m_finishAll, m_requeueAll, m_autoTouchAction, m_release})
        a->setEnabled(holding);
    m_take->setEnabled(active && m_session->settings().mode == Mode::Hold);
    m_pause->setEnabled(active);
    m_disconnect->setEnabled(active);
}

void MainWindow::updateStatus()
{
    m_countsLabel->setText(tr("received %1 · held %2 · shown %3")
                               .arg(m_received)
                               .arg(m_model->heldCount())
                               .arg(m_filter->rowCount()));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Every connection ends with CLS, as a consumer should, in Tail mode too. Held messages are
    // answered as the user says before the window goes: never left silently in flight.
    if (m_session->isActive() && !m_closing) {
        event->ignore();
        if (!m_heldOnClose && m_model->heldCount() > 0 &&
            m_session->settings().mode != Mode::Tail) {
            askAboutHeldThenClose();
            return;
        }
        m_closing = true;
        connect(m_session, &InspectorSession::stopped, this, &QWidget::close, Qt::QueuedConnection);
        QTimer::singleShot(5000, this, &QWidget::close); // a server that does not answer
        m_session->stopWith(m_heldOnClose.value_or(InspectorSession::HeldOnStop::Requeue));
        return;
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("window/columns2"), m_table->horizontalHeader()->saveState());
    event->accept();
}

void MainWindow::createNavigation()
{
    // Keys to reach each part of the window, listed in Help > Keyboard shortcuts.
    const auto focusInside = [](QWidget *w) {
        if (w->focusPolicy() & Qt::TabFocus) {
            w->setFocus(Qt::ShortcutFocusReason);
            return;
        }
        for (QWidget *c : w->findChildren<QWidget *>())
            if (c->isVisible() && c->isEnabled() && (c->focusPolicy() & Qt::TabFocus)) {
                c->setFocus(Qt::ShortcutFocusReason);
                return;
            }
    };
    const auto add = [this](const QString &text, const QString &name, const QKeySequence &key) {
        auto *a = new QAction(text, this);
        a->setObjectName(name);
        a->setShortcut(key);
        addAction(a); // works with the menus hidden too
        m_goMenu->addAction(a);
        return a;
    };
    connect(add(tr("Filter the messages"), QStringLiteral("goFilter"), QKeySequence::Find),
            &QAction::triggered, this, [this] {
                m_filterText->setFocus(Qt::ShortcutFocusReason);
                m_filterText->selectAll();
            });
    connect(
        add(tr("Message list"), QStringLiteral("goMessages"), QKeySequence(Qt::CTRL | Qt::Key_1)),
        &QAction::triggered, this, [this] { m_table->setFocus(Qt::ShortcutFocusReason); });
    connect(
        add(tr("Message payload"), QStringLiteral("goPayload"), QKeySequence(Qt::CTRL | Qt::Key_2)),
        &QAction::triggered, this, [this, focusInside] { focusInside(m_payload); });
    m_goMenu->addSeparator();
    connect(add(tr("&Oldest message"), QStringLiteral("goOldest"),
                QKeySequence(Qt::CTRL | Qt::Key_Home)),
            &QAction::triggered, this, [this] { goToRow(0, false); });
    connect(add(tr("&Newest message"), QStringLiteral("goNewest"),
                QKeySequence(Qt::CTRL | Qt::Key_End)),
            &QAction::triggered, this, [this] { goToRow(m_filter->rowCount() - 1, false); });
    connect(add(tr("Go to &sequence…"), QStringLiteral("goToSequence"),
                QKeySequence(Qt::CTRL | Qt::Key_G)),
            &QAction::triggered, this, [this] {
                bool ok = false;
                const int seq = QInputDialog::getInt(
                    this, tr("Go to sequence"),
                    tr("Message # (%1 to %2 are retained):")
                        .arg(m_model->firstSeq())
                        .arg(m_model->lastSeq()),
                    int(qMin<quint64>(m_model->lastSeq(), INT_MAX)), 1, INT_MAX, 1, &ok);
                if (ok)
                    goToSequence(quint64(seq));
            });
    m_followAction = add(tr("&Follow the newest"), QStringLiteral("follow"),
                         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_End));
    m_followAction->setCheckable(true);
    m_followAction->setToolTip(tr("Keep the newest message in view as messages arrive; scrolling "
                                  "up stops following"));
    connect(m_followAction, &QAction::toggled, this, [this](bool on) {
        if (on)
            scrollToNewest();
        if (m_showingRemovedRow && !m_table->selectionModel()->hasSelection()) {
            const QScopedValueRollback notTheUser(m_feeding, true);
            parkCurrentRow(); // Up goes on from the newest when following, else from no row
        }
    });
    m_goMenu->addSeparator();
    const char *docks[] = {"connectionDock", "logDock",      "tourDock",
                           "plotsDock",      "timelineDock", "traceDock",
                           "clusterDock",    "publishDock",  "gaveUpDock"};
    int n = 0;
    for (const char *name : docks) {
        auto *d = findChild<QDockWidget *>(QLatin1String(name));
        if (!d)
            continue;
        QAction *a = add(d->windowTitle(), QStringLiteral("go_") + QLatin1String(name),
                         QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + n++)));
        connect(d, &QDockWidget::windowTitleChanged, a, &QAction::setText);
        connect(a, &QAction::triggered, this, [d, focusInside] {
            d->show();
            d->raise();
            focusInside(d->widget());
        });
    }
}

void MainWindow::goToRow(int row, bool keepFollowing)
{
    if (row < 0 || row >= m_filter->rowCount())
        return;
    if (!keepFollowing && m_followAction->isChecked() && row != m_filter->rowCount() - 1)
        m_followAction->setChecked(false);
    const QScopedValueRollback notTheUser(m_feeding, m_feeding || keepFollowing);
    const QModelIndex index = m_filter->index(row, MessageModel::Seq);
    m_table->setCurrentIndex(index);
    m_table->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect |
                                                 QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    m_table->setFocus(Qt::ShortcutFocusReason);
}

QString MainWindow::goToSequence(quint64 seq)
{
    QString why;
    if (seq <= m_model->clearedThrough() && m_model->rowOfSeq(seq) < 0)
        why = tr("Message #%1 is no longer in the list (cleared, or dropped past the retention "
                 "cap)")
                  .arg(seq);
    else if (m_model->rowCount() == 0)
        why = tr("No message is retained yet");
    else if (seq < m_model->firstSeq())
        why = tr("Message #%1 was dropped from view (the list keeps %2 rows; the oldest retained "
                 "is #%3)")
                  .arg(seq)
                  .arg(m_model->rowCount())
                  .arg(m_model->firstSeq());
    else if (seq > m_model->lastSeq())
        why =
            tr("There is no message #%1 yet (the newest is #%2)").arg(seq).arg(m_model->lastSeq());
    if (!why.isEmpty()) {
        statusBar()->showMessage(why, 8000);
        return why;
    }
    const int row = m_model->rowOfSeq(seq);
    if (row < 0) {
        why = tr("Message #%1 was cleared from the list").arg(seq);
        statusBar()->showMessage(why, 8000);
        return why;
    }
    const QModelIndex shown = m_filter->mapFromSource(m_model->index(row, MessageModel::Seq));
    if (!shown.isValid()) {
        why = tr("Message #%1 is hidden by the filter").arg(seq);
        statusBar()->showMessage(why, 8000);
        return why;
    }
    goToRow(shown.row(), false);
    return {};
}

void MainWindow::scrollToNewest()
{
    m_scrollingToNewest = true;
    m_table->scrollToBottom();
    m_scrollingToNewest = false;
}

QList<QStringList> MainWindow::shortcutList() const
{
    QList<QStringList> rows;
    QSet<QAction *> seen;
    for (QAction *a : findChildren<QAction *>()) {
        if (a->shortcut().isEmpty() || seen.contains(a))
            continue;
        seen.insert(a);
        QString where = tr("anywhere in the window");
        if (a->shortcutContext() == Qt::WidgetWithChildrenShortcut) {
            where =
                a->associatedObjects().contains(m_table) ? tr("the message list") : tr("its panel");
        }
        rows << QStringList{QString(a->text()).remove(QLatin1Char('&')),
                            a->shortcut().toString(QKeySequence::NativeText), where};
    }
    rows << QStringList{tr("Next / previous field"), tr("Tab / Shift+Tab"), tr("every form")};
    rows << QStringList{tr("Open a menu"), tr("Alt + its underlined letter"),
                        tr("anywhere in the window")};
    rows << QStringList{tr("Select messages"), tr("Shift or Ctrl + arrows, Ctrl+A"),
                        tr("the message list")};
    rows << QStringList{tr("The actions for the selected messages"), tr("Menu key, Shift+F10"),
                        tr("the message list")};
    return rows;
}

void MainWindow::showShortcuts()
{
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("shortcutsDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Keyboard shortcuts"));
    const QList<QStringList> rows = shortcutList();
    auto *table = new QTableWidget(int(rows.size()), 3, dialog);
    table->setHorizontalHeaderLabels({tr("Action"), tr("Keys"), tr("Where")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    for (int r = 0; r < rows.size(); ++r)
        for (int c = 0; c < 3; ++c)
            table->setItem(r, c, new QTableWidgetItem(rows.at(r).at(c)));
    table->resizeColumnsToContents();
    table->horizontalHeader()->setStretchLastSection(true);
    auto *buttons = new QDialogButtonBox(dialog);
    buttons->addButton(tr("Close"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(table);
    layout->addWidget(buttons);
    dialog->resize(qMin(760, table->horizontalHeader()->length() + 60), 520);
    dialog->open();
}

void MainWindow::closeRequeueingHeld()
{
    m_heldOnClose = InspectorSession::HeldOnStop::Requeue;
    close();
}

void MainWindow::askAboutHeldThenClose()
{
    if (findChild<QMessageBox *>(QStringLiteral("heldOnClose")))
        return; // already asking
    const int held = m_model->heldCount();
    auto *box = new QMessageBox(QMessageBox::Question, tr("Messages are held"),
                                tr("This window holds %1 messages in flight. What should become "
                                   "of them?")
                                    .arg(held),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("heldOnClose"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(
        tr("Requeue: back to the channel now (REQ 0), for the next consumer.\n"
           "Finish: done with, gone from the channel (FIN).\n"
           "Keep: left unanswered; nsqd delivers them again after their msg_timeout (%1 s).")
            .arg(double(m_msgTimeoutMs) / 1000.0));
    const std::pair<const char *, QString> choices[] = {
        {"closeRequeue", tr("&Requeue them")},
        {"closeFinish", tr("&Finish them")},
        {"closeKeep", tr("&Keep them for msg_timeout")},
    };
    QList<QPushButton *> buttons;
    for (const auto &[name, text] : choices) {
        QPushButton *b = box->addButton(text, QMessageBox::AcceptRole);
        b->setObjectName(QLatin1String(name));
        buttons << b;
    }
    QPushButton *cancel = box->addButton(tr("Cancel"), QMessageBox::RejectRole);
    cancel->setObjectName(QStringLiteral("closeCancel"));
    box->setDefaultButton(buttons.first());
    box->setEscapeButton(cancel);
    connect(box, &QMessageBox::finished, this, [this, box, buttons] {
        const int chosen = int(buttons.indexOf(qobject_cast<QPushButton *>(box->clickedButton())));
        if (chosen < 0)
            return; // Cancel: the window stays, and so do the messages
        m_heldOnClose =
            std::array{InspectorSession::HeldOnStop::Requeue, InspectorSession::HeldOnStop::Finish,
                       InspectorSession::HeldOnStop::Keep}[chosen];
        QTimer::singleShot(0, this, &QWidget::close);
    });
    box->open();
}

} // namespace nsqui
