#pragma once

#include "session/publishjob.h"

#include <QPointer>
#include <QSet>
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
    // Edit and resend: the messages' bodies in the editor and their topic as the target (both
    // can be changed). One message opens as its body; several as JSON Lines, a record a line,
    // each published once. Originals that are held here (`canFinish`) may be finished, each
    // once its new message is accepted. A job already running is not touched.
    struct Original
    {
        QByteArray body;
        QString id;
        bool canFinish = false;
    };
    void editAndResend(const QList<Original> &originals, const QString &topic);
    // What became of an original the panel asked to finish (said after the publish summary).
    void noteOriginal(const QString &text);
    // Replays a JSON Lines file; an empty string, or why not (nothing is sent then).
    QString replay(const QString &path);
    PublishJob *job() const { return m_job; }
    // The nsqd TCP address publishing goes to by default (the session's).
    QString defaultTcpAddress() const { return m_tcpDefault; }
    // Where other parts of the window publish over TCP: the address typed here, when TCP is
    // chosen, or else the session's.
    QString tcpAddress() const;

Q_SIGNALS:
    void finished(const QString &summary);
    // The resent messages were accepted and the user asked for their originals to be finished.
    void finishOriginals(const QStringList &originalIds);

private:
    enum Mode { TextMode, JsonMode, HexMode, JsonLinesMode };
    // What a Publish sends: one body Count times, or (JSON Lines) a body per record, with the
    // original each record resends, if any.
    struct Bodies
    {
        QByteArray body;
        QList<PublishJob::Item> items;
        QStringList originals; // per item: the ID to finish once it is accepted, or ""
        QStringList lines;     // per item: its line in the editor
    };
    Bodies bodies(QString *error) const;
    void setEditorText(const QString &text);
    void setMode(int mode);
    // The mode shown and used, without converting the editor's text (it is already so).
    void showMode(int mode);
    // A body too large to edit comfortably, kept to be sent as it is; empty for none.
    void setLargeBody(const QByteArray &bytes);
    void checkBody();
    QString checkTarget(QString *address);
    void publish();
    void loadFile();
    void chooseReplay();
    // `originals`: with `perItem`, the original each item resends (or ""); without, the one
    // original that all the copies of one body resend.
    void run(PublishJob *job, const QString &what, const QStringList &originals = {},
             bool perItem = false, const Bodies &sent = {});
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
    QPushButton *m_editLarge;
    QByteArray m_largeBody;     // too large to edit comfortably: sent as it is, unless loaded
    QStringList m_resendIds;    // the originals being resent, held here and so finishable
    quint64 m_resendSerial = 0; // which edit-and-resend a job was started for
    QSet<QString> m_resentIds;  // originals of this resend whose new message nsqd already took
    QPointer<PublishJob> m_job;
    QString m_tcpDefault, m_httpDefault;
    bool m_addressTyped = false;
    int m_currentMode = TextMode;
    qint64 m_maxDelayMs = 60 * 60 * 1000; // nsqd's default max_req_timeout
};

} // namespace nsqui
