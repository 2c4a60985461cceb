#pragma once

#include "session/publishjob.h"

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace nsqui {

// Puts messages in: a body typed as text, JSON (checked as it is typed) or hex, or loaded from a
// file, published once or repeated at a rate (PUB, MPUB batches, or DPUB with a delay) over TCP
// or the HTTP API; and a JSON Lines export replayed byte for byte, optionally at its original
// pacing. Bad input is said next to its field and nothing is sent.
class PublishPanel : public QWidget
{
    Q_OBJECT
public:
    explicit PublishPanel(QWidget *parent = nullptr);

    // Where to publish unless the user typed an address: the session's nsqd, TCP and HTTP.
    void setDefaults(const QString &topic, const QString &tcpAddress, const QString &httpAddress);
    // The server's max_req_timeout, the longest delay it takes.
    void setMaxDelayMs(qint64 ms);
    // The body the editor holds in its mode, or why it holds none.
    QByteArray body(QString *error = nullptr) const;
    // Puts bytes in the editor (as a loaded file does): as text when the editor keeps them
    // unchanged, in hex otherwise.
    void setBody(const QByteArray &bytes);
    // Edit and resend: the message's body in the editor and its topic as the target (both can
    // be changed), to be published once. With `canFinish` (the original is held here) the user
    // may have the original finished once the new message is accepted.
    void editAndResend(const QByteArray &body, const QString &topic, const QString &originalId,
                       bool canFinish);
    // Replays a JSON Lines file; an empty string, or why not (nothing is sent then).
    QString replay(const QString &path);
    PublishJob *job() const { return m_job; }
    // The nsqd TCP address publishing goes to by default (the session's).
    QString defaultTcpAddress() const { return m_tcpDefault; }

Q_SIGNALS:
    void finished(const QString &summary);
    // The resent message was accepted and the user asked for the original to be finished.
    void finishOriginal(const QString &originalId);

private:
    enum Mode { TextMode, JsonMode, HexMode };
    void setMode(int mode);
    void checkBody();
    QString checkTarget(QString *address);
    void publish();
    void loadFile();
    void chooseReplay();
    void run(PublishJob *job, const QString &what);
    void showError(QLabel *label, const QString &error);

    QLineEdit *m_topic;
    QComboBox *m_via;
    QLineEdit *m_address;
    QLabel *m_targetError;
    QComboBox *m_mode;
    QPushButton *m_load;
    QPlainTextEdit *m_editor;
    QLabel *m_bodyError;
    QSpinBox *m_delay;
    QSpinBox *m_count;
    QSpinBox *m_rate;
    QCheckBox *m_batch;
    QPushButton *m_publish;
    QPushButton *m_replay;
    QCheckBox *m_pacing;
    QPushButton *m_stop;
    QProgressBar *m_progress;
    QLabel *m_result;
    QLabel *m_optionsError;
    QCheckBox *m_finishOriginal;
    QString m_originalId; // while resending one message
    QPointer<PublishJob> m_job;
    QString m_tcpDefault, m_httpDefault;
    bool m_addressTyped = false;
    int m_currentMode = TextMode;
    qint64 m_maxDelayMs = 60 * 60 * 1000; // nsqd's default max_req_timeout
};

} // namespace nsqui
