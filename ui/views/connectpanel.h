#pragma once

#include "session/serverprobe.h"
#include "session/sessionsettings.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QFrame;
class QPushButton;
class QToolButton;

namespace nsqui {
class ConnectionOptions;
class SecretStore;
} // namespace nsqui
class QSpinBox;

namespace nsqui {

// Where to connect and how. Each field is checked as it is typed, its error shown under it, and
// Connect stays disabled while any is wrong: nothing invalid is sent.
class ConnectPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectPanel(QWidget *parent = nullptr);

    SessionSettings settings() const;
    void setSettings(const SessionSettings &settings);
    // While connected the form is read-only except max in flight; the button disconnects.
    void setConnected(bool connected);
    // Problems per field name ("nsqd", "lookupd", "topic", "channel"); empty when all is well.
    QStringList problems() const;
    QString errorFor(const QString &field) const;
    // The most max in flight can usefully be: max_rdy_count summed over the connected nsqd.
    void setMaxInFlightLimit(int limit);
    // Shows a max in flight set elsewhere (a backlog snapshot) without sending it again.
    void showMaxInFlight(int count);
    // While the servers are asked whether subscribing is safe.
    void setChecking(bool checking);
    // Warnings that need an answer: Connect anyway (connectConfirmed) or Cancel.
    void showReport(const SubscriptionReport &report);
    void setTopicSuggestions(const QStringList &topics, const QString &error);
    // The profile named in the profile box (saved or not).
    QString profileName() const;
    // Loads a saved profile into the form (its secret from the keychain, when there is one).
    void loadProfile(const QString &name);
    // Saves the form under the name in the profile box; an empty string, or why not.
    QString saveProfile();
    ConnectionOptions *options() const { return m_options; }

Q_SIGNALS:
    void connectRequested(const nsqui::SessionSettings &settings);
    void connectConfirmed(); // despite the warnings shown
    void topicsWanted(const nsqui::SessionSettings &settings);
    void disconnectRequested();
    void maxInFlightChanged(int count);

private:
    void validate();

    QLineEdit *m_nsqd;
    QLineEdit *m_lookupd;
    QLineEdit *m_nsqdHttp;
    QComboBox *m_profile;
    QLabel *m_profileNote;
    ConnectionOptions *m_options;
    QLabel *m_insecureBadge;
    SecretStore *m_secrets;
    QToolButton *m_refreshTopics;
    QFrame *m_warningBox;
    QLabel *m_warnings;
    QLabel *m_holdNote;
    QLabel *m_topicsStatus;
    bool m_checking = false;
    QComboBox *m_topic;
    QLineEdit *m_channel;
    QComboBox *m_mode;
    QLabel *m_modeHint;
    QSpinBox *m_maxInFlight;
    QPushButton *m_connect;
    QLabel *m_nsqdError, *m_lookupdError, *m_nsqdHttpError, *m_topicError, *m_channelError;
    bool m_connected = false;
};

// "a:1, b:2 c:3" → {"a:1", "b:2", "c:3"}
QStringList splitAddresses(const QString &text);

// The red line under a field that says what is wrong with it; hidden until there is something.
QLabel *fieldErrorLabel(const QString &objectName);

} // namespace nsqui
