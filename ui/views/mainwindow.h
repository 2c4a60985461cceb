#pragma once

#include "session/inspectorsession.h"
#include "session/sessionsettings.h"

#include <client/consumerevents.h>

#include <bodydecoder.h>
#include <fieldquery.h>

#include <QMainWindow>
#include <QMap>
#include <QSet>

#include <functional>
#include <memory>
#include <optional>

class QAction;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSplitter;
class QTableView;
class QTimer;
class QCheckBox;
class QProgressBar;
class QPushButton;
class QComboBox;
class QSpinBox;

namespace nsq {
struct ConsumerStats;
}

namespace nsqui {

class ConnectPanel;
class FieldFilterJob;
class GaveUpModel;
class GaveUpPanel;
class DemoBroker;
class InspectorSession;
class MessageFilterModel;
class MessageModel;
class PayloadView;
class ServerProbe;
class ChannelPoller;
class ClusterPanel;
class PlotsPanel;
class PublishPanel;
class TimelineModel;
class TimelinePanel;
class TourModel;
class TourPanel;
class TraceModel;
class TracePanel;
struct SubscriptionReport;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Starts the embedded broker with demo traffic and connects to it.
    QString startDemo();
    // Fills the form and connects; the problems, or nothing.
    QStringList connectTo(const SessionSettings &settings);
    // Connects with these settings, the profile's AUTH secret read from the keychain first.
    void connectWithProfile(const QString &profile, const SessionSettings &settings);
    // Puts the last used profile in the form; false when there is none.
    bool loadLastProfile();

    InspectorSession *session() const { return m_session; }
    MessageModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    ConnectPanel *connectPanel() const { return m_connect; }
    PayloadView *payloadView() const { return m_payload; }
    PlotsPanel *plots() const { return m_plots; }
    ClusterPanel *cluster() const { return m_cluster; }
    PublishPanel *publisher() const { return m_publish; }
    TimelineModel *timeline() const { return m_timelineModel; }
    TimelinePanel *timelinePanel() const { return m_timelinePanel; }
    TraceModel *trace() const { return m_traceModel; }
    TracePanel *tracePanel() const { return m_tracePanel; }
    TourModel *tour() const { return m_tourModel; }
    TourPanel *tourPanel() const { return m_tourPanel; }
    GaveUpModel *gaveUp() const { return m_gaveUp; }
    GaveUpPanel *gaveUpPanel() const { return m_gaveUpPanel; }
    // Language of the tour (and what else is translated): "" (the system's), "en", "zh_CN".
    void setLanguage(const QString &code);
    // "" (the system's style and palette), "light" or "dark"; kept in the settings.
    void setTheme(const QString &code);
    quint64 receivedCount() const { return m_received; }
    QString demoAddress() const;
    // Selects and shows the message with this "#", or says (and returns) why it cannot.
    QString goToSequence(quint64 seq);
    // Closes without asking, held messages going back to the channel (SIGINT, SIGTERM).
    void closeRequeueingHeld();
    // The shortcut list Help ▸ Keyboard shortcuts shows: (what, keys, where).
    QList<QStringList> shortcutList() const;

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createActions();
    void onStats(const nsq::ConsumerStats &stats);
    void onLogged(const QString &line, bool problem);
    void trackConnections(const QList<nsq::ConsumerEvent> &events);
    void collectGaveUp(const QList<nsq::ConsumerEvent> &events);
    void forgetGaveUp(const QList<nsq::Delivery> &deliveries);
    void parkCurrentRow();
    bool eventFilter(QObject *watched, QEvent *event) override;
    void onSelectionChanged();
    void updateActions();
    void updateStatus();
    QList<QByteArray> selectedIds() const;
    void actOnSelection(const QString &what);
    void autoTouch();
    int autoTouchInterval() const;
    void applyFilter();
    void runFieldFilter();
    void stopFieldFilter(); // a job under way is dropped, its progress hidden
    void takeBacklog();
    void onConnectRequested(const SessionSettings &settings);
    void onSubscriptionChecked(const SubscriptionReport &report);
    void releaseAll();
    void onHeldCountChanged(int held);
    void askAboutHeldThenClose();
    void showShortcuts();
    void createNavigation();
    void goToRow(int row, bool keepFollowing);
    void scrollToNewest();

public:
    // Writes the given rows (all when empty) as JSON Lines; an empty string, or why not.
    // progress(done, total) is asked every few thousand rows; false cancels (nothing is written).
    QString exportMessages(const QString &path, bool selectionOnly,
                           const std::function<bool(int, int)> &progress = {}) const;
    // Hold up to n messages of the channel, then RDY 0.
    void takeBacklog(int n);
    void createDocks();
    void retranslateDocks();
    static QString languageActionName(const QString &code); // "" (the system's), "en", ...
    void showTourFrames(int step);
    void showTourEvents(int step);
    void pollChannel();

private:
    InspectorSession *m_session;
    MessageModel *m_model;
    MessageFilterModel *m_filter;
    QTableView *m_table;
    PayloadView *m_payload;
    ConnectPanel *m_connect;
    QPlainTextEdit *m_log;
    QLineEdit *m_filterText;
    QCheckBox *m_filterRegex;
    QCheckBox *m_filterFields;
    QProgressBar *m_filterProgress;
    QPushButton *m_filterStop;
    FieldFilterJob *m_fieldJob;
    QTimer *m_fieldDebounce;
    QTimer *m_fieldProgressTimer;
    std::shared_ptr<const nsqdecode::FieldQuery> m_pendingQuery; // typed, waiting to run
    std::shared_ptr<const nsqdecode::FieldQuery> m_runningQuery; // what the job tests
    nsqdecode::DecodeOptions m_fieldOptions;
    QComboBox *m_filterState;
    QLabel *m_filterError;
    QDoubleSpinBox *m_requeueDelay;
    QLabel *m_stateLabel;
    QLabel *m_countsLabel;
    QLabel *m_droppedLabel;
    QLabel *m_demoLabel;
    QSplitter *m_splitter;
    QTimer *m_countdown;
    QTimer *m_autoTouch;
    QAction *m_finish, *m_requeue, *m_touch, *m_finishAll, *m_requeueAll, *m_autoTouchAction;
    QAction *m_requeueAsFailure;
    QAction *m_pause, *m_disconnect, *m_clear, *m_take, *m_release, *m_export;
    QAction *m_editResend = nullptr;
    QSpinBox *m_takeCount;
    int m_snapshotTarget = 0; // while taking a backlog snapshot: how many to hold
    bool m_leavingDemo = false;
    QMenu *m_goMenu = nullptr;
    QAction *m_followAction = nullptr;
    bool m_scrollingToNewest = false;
    int m_rowsDroppedAbove = 0;
    QSet<nsq::MessageId> m_originalsFinishing; // FIN sent after a resend, refusal not yet heard
    int m_gaveUpThisBatch = 0;        // said in the status bar until the message there goes
    quint64 m_shownSeq = 0;           // the message in the payload view
    bool m_showingRemovedRow = false; // it is no longer in the list
    bool m_feeding = false;           // rows are being added or dropped, not moved by the user
    bool m_closing = false;           // closing once held messages went back
    std::optional<InspectorSession::HeldOnStop> m_heldOnClose; // chosen for this close
    int m_maxBeforeSnapshot = 0; // the user's max in flight while a snapshot borrows it
    ServerProbe *m_probe;
    TraceModel *m_traceModel;
    TimelineModel *m_timelineModel;
    TourModel *m_tourModel;
    PlotsPanel *m_plots = nullptr;
    ClusterPanel *m_cluster = nullptr;
    PublishPanel *m_publish = nullptr;
    TracePanel *m_tracePanel = nullptr;
    TimelinePanel *m_timelinePanel = nullptr;
    TourPanel *m_tourPanel = nullptr;
    ChannelPoller *m_poller;
    GaveUpModel *m_gaveUp;
    GaveUpPanel *m_gaveUpPanel = nullptr;
    QAction *m_traceAction = nullptr;
    QMenu *m_viewMenu = nullptr;
    qint64 m_sessionStartMs = 0;
    QString m_pollError;                             // the last /stats failure of the plots' poller
    std::optional<SessionSettings> m_pendingConnect; // checked, waiting for the user's answer
    std::unique_ptr<DemoBroker> m_demo;
    qint64 m_msgTimeoutMs = 60000;
    quint64 m_received = 0;
    QMap<QString, QString> m_connStates; // per nsqd, in words, from the consumer's events
};

} // namespace nsqui
