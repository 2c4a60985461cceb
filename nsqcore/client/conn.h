#pragma once

#include "config.h"
#include "trace.h"

#include "../protocol/framedecoder.h"
#include "../protocol/identify.h"
#include "../protocol/message.h"
#include "../protocol/servererror.h"

#include <QByteArrayList>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSslError>

#include <deque>
#include <memory>

class QSslSocket;
class QTimer;

namespace nsq {

class StreamCompression;

// One connection to one nsqd, speaking the V2 protocol: handshake (IDENTIFY with feature
// negotiation, TLS, snappy or deflate, AUTH), commands, heartbeats, and bookkeeping of RDY and of
// the messages in flight. It applies no policy: what to FIN, REQ or how much RDY to give is the
// caller's business (see Consumer).
//
// Lives in one thread. finish(), requeue() and touch() may be called from any thread; everything
// else must be called from the Conn's own thread.
//
// RDY is a window, as nsqd 1.x keeps it: the server sends while this connection's in-flight count
// is below the last RDY sent, so nothing here counts RDY down. A message stays in flight until it
// is finished or requeued, or until its deadline (the negotiated msg_timeout after it arrived,
// moved by TOUCH up to max_msg_timeout) passes: then the Conn says so with messageTimedOut()
// instead of holding it forever. That is an estimate: nsqd takes a message back when its queue
// scan next looks (within 100 ms, up to 5 s on a new channel), so a FIN, REQ or TOUCH that comes
// late is still sent, and only the server's E_*_FAILED says it came too late.
//
// go-nsq's ConnDelegate events map to signals one to one:
//   OnResponse        -> responseReceived()
//   OnError           -> errorReceived()
//   OnMessage         -> messageReceived()
//   OnMessageFinished -> messageFinished()
//   OnMessageRequeued -> messageRequeued()
//   OnBackoff         -> backoffStarted()
//   OnContinue        -> backoffContinued()
//   OnResume          -> backoffResumed()
//   OnIOError         -> errorOccurred()
//   OnHeartbeat       -> heartbeatReceived()
//   OnClose           -> closed()
class Conn : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Disconnected,
        Connecting,
        Identifying,
        UpgradingTls,
        UpgradingCompression,
        Authenticating,
        Connected,
        Closing,
    };
    Q_ENUM(State)

    enum class Error {
        NoError,
        ConfigError,      // the configuration or a TLS file is unusable
        SocketError,      // connect refused, host not found, reset, ...
        TimeoutError,     // no connection or no handshake answer within the time allowed
        IdentifyError,    // IDENTIFY refused or answered with nonsense
        TlsError,         // TLS not offered, or the handshake failed
        CompressionError, // corrupt compressed stream
        AuthError,        // AUTH needed but no secret, or refused
        ProtocolError,    // undecodable frame from the server
        ServerError,      // the server sent a fatal error frame
        HeartbeatTimeout, // nothing heard for two heartbeat intervals
        RemoteClosed,     // the server closed the connection
    };
    Q_ENUM(Error)

    // What can be done to a message in flight.
    enum class MessageAction { Finish, Requeue, Touch };
    Q_ENUM(MessageAction)

    explicit Conn(const Config &config, QObject *parent = nullptr);
    ~Conn() override;

    void connectToNsqd(const QString &host, quint16 port);
    QString address() const;

    State state() const { return m_state; }
    // Reached Connected since the last connectToNsqd().
    bool wasConnected() const { return m_wasConnected; }
    Error error() const { return m_error; }
    QString errorString() const { return m_errorString; }
    const IdentifyResponse &serverSettings() const { return m_server; }
    const AuthResponse &authResponse() const { return m_auth; }
    const Config &config() const { return m_config; }

    // Commands. Before the connection is ready they are refused: with messageActionRefused() for
    // FIN, REQ and TOUCH, with commandRefused() for the others.
    void subscribe(const QString &topic, const QString &channel);
    void setReady(qint64 count);
    void finish(const MessageId &id);
    // delayMs must not be negative. backoff selects which delegate event follows.
    void requeue(const MessageId &id, qint64 delayMs, bool backoff = true);
    void touch(const MessageId &id);
    void publish(const QString &topic, const QByteArray &body);
    void multiPublish(const QString &topic, const QByteArrayList &bodies);
    void deferredPublish(const QString &topic, qint64 delayMs, const QByteArray &body);
    // Sends CLS; the connection closes once the server answered CLOSE_WAIT and nothing is in
    // flight.
    void startClose();
    // Closes at once.
    void abort();

    qint64 readyCount() const { return m_readyCount; } // the last RDY sent: the window
    qint64 maxReadyCount() const { return m_server.maxRdyCount; }
    int inFlightCount() const { return int(m_inFlight.size()); }
    bool isInFlight(const MessageId &id) const { return m_inFlight.contains(id); }
    // Oldest delivery first.
    QList<MessageId> inFlightIds() const;
    // Deadline entries kept for timeouts (answered ones are dropped in bulk); for diagnostics.
    qsizetype trackedDeadlines() const { return qsizetype(m_deadlines.size()); }
    // Past its deadline here (see messageTimedOut()) and not delivered again since.
    bool hasTimedOut(const MessageId &id) const { return m_timedOut.contains(id); }
    // Whether this delivery (the message with this many attempts) is still the one held here, in
    // flight or past its deadline; false once answered or delivered again.
    bool isCurrentDelivery(const MessageId &id, quint16 attempts) const;
    // When nsqd takes the message back unless it is answered (ms since epoch); 0 if not in flight
    // or the server did not say its msg_timeout.
    qint64 deadlineOf(const MessageId &id) const;
    qint64 lastMessageTime() const { return m_lastMessageMs; }     // ms since epoch, 0 if none
    qint64 lastReadyTime() const { return m_lastReadyMs; }         // ms since epoch, 0 if none
    qint64 lastHeartbeatTime() const { return m_lastHeartbeatMs; } // ms since epoch, 0 if none

    // The wire trace costs nothing while off.
    void setTraceEnabled(bool enabled) { m_trace = enabled; }
    bool isTraceEnabled() const { return m_trace; }

Q_SIGNALS:
    void stateChanged(nsq::Conn::State state);
    void responseReceived(const QByteArray &data);
    void errorReceived(const nsq::ServerError &error);
    void messageReceived(const nsq::Message &message);
    void messageFinished(const nsq::MessageId &id);
    void messageRequeued(const nsq::MessageId &id, qint64 delayMs);
    void messageTouched(const nsq::MessageId &id);
    // The message passed its deadline unanswered: nsqd requeues it (and delivers it again with
    // attempts + 1). It no longer counts as in flight here; an answer that still comes is sent.
    void messageTimedOut(const nsq::MessageId &id);
    // The server answered a FIN, REQ or TOUCH that was sent with E_FIN_FAILED, E_REQ_FAILED or
    // E_TOUCH_FAILED: the messageFinished() / messageRequeued() / messageTouched() reported for it
    // did not happen. reason is the server's error text.
    void messageActionFailed(nsq::Conn::MessageAction action, const nsq::MessageId &id,
                             const QString &reason);
    // A FIN, REQ or TOUCH was not sent, and why (not in flight here, timed out, not connected).
    void messageActionRefused(nsq::Conn::MessageAction action, const nsq::MessageId &id,
                              const QString &reason);
    void backoffStarted();
    void backoffContinued();
    void backoffResumed();
    void errorOccurred(nsq::Conn::Error error);
    void heartbeatReceived();
    // RDY went out with this count (the window nsqd keeps until it changes).
    void readyChanged(qint64 count);
    void closed();
    // A command other than FIN, REQ or TOUCH was not sent because it could not be right (e.g. RDY
    // above the server's maximum).
    void commandRefused(const QString &reason);
    void frameTraced(const nsq::TraceRecord &record);

private:
    void setState(State state);
    void fail(Error error, const QString &text);
    void refuse(const QString &reason);
    bool checkReady(const char *command);
    bool checkPublish(const char *command, const QString &topic);
    void queue(const QByteArray &command);
    void scheduleFlush();
    void flush();
    void onSocketConnected();
    void onReadyRead();
    void onSocketError();
    void onSocketDisconnected();
    void onSslErrors(const QList<QSslError> &errors);
    void onEncrypted();
    void onHeartbeatCheck();
    bool handleFrame(const FrameView &frame);
    // Handles every whole frame the decoder holds; false once the connection failed.
    bool decodeFrames();
    bool handleHandshakeResponse(QByteArrayView data);
    void afterIdentify();
    void afterTls();
    void authenticateOrConnect();
    void startCompression();
    void becomeConnected();
    QString prepareTls(); // empty, or why TLS cannot be set up
    void finishClosing();
    void finalize();
    void closeSocketNow();
    qint64 nowMs() const;
    void traceSent(const QByteArray &command);
    void traceReceived(const FrameView &frame);
    bool checkMessageAction(MessageAction action, const MessageId &id);
    void refuseMessageAction(MessageAction action, const MessageId &id, const QString &why);
    void onMessageActionError(const ServerError &error);
    void scheduleExpiry();
    void expireMessages();
    void rememberTimedOut(const MessageId &id, quint16 attempts);
    void releaseInFlight(const MessageId &id);
    void closeIfDrained();

    Config m_config;
    QSslSocket *m_socket = nullptr;
    QTimer *m_handshakeTimer = nullptr;
    QTimer *m_heartbeatTimer = nullptr;
    QString m_host;
    quint16 m_port = 0;
    QString m_address;
    State m_state = State::Disconnected;
    Error m_error = Error::NoError;
    QString m_errorString;
    FrameDecoder m_decoder;
    std::unique_ptr<StreamCompression> m_compression;
    bool m_compressionPending = false;
    IdentifyResponse m_server;
    AuthResponse m_auth;
    QByteArray m_out;
    QByteArrayList m_traceQueued; // commands in m_out, to trace once written
    bool m_flushScheduled = false;
    bool m_trace = false;
    bool m_closeWaitReceived = false;
    bool m_closedEmitted = false;
    QList<QSslError> m_sslErrors;
    struct InFlight
    {
        quint16 attempts = 0;
        qint64 receivedAt = 0; // ms on m_clock
        qint64 deadline = 0;   // ms on m_clock; 0: unknown (no msg_timeout from the server)
    };
    QHash<MessageId, InFlight> m_inFlight;
    // (deadline, id) in deadline order; entries for answered or touched messages go stale and
    // are skipped when they come up.
    std::deque<std::pair<qint64, MessageId>> m_deadlines;
    qsizetype m_staleDeadlines = 0; // entries in m_deadlines that no longer count
    QTimer *m_expiryTimer = nullptr;
    QElapsedTimer m_clock;
    // Past their deadline and not answered or delivered again (bounded): their attempts.
    QHash<MessageId, quint16> m_timedOut;
    std::deque<MessageId> m_timedOutOrder;
    qint64 m_readyCount = 0;
    bool m_subscribed = false;
    qint64 m_lastMessageMs = 0;
    qint64 m_lastReadyMs = 0;
    qint64 m_lastHeartbeatMs = 0;
    QElapsedTimer m_sinceLastRead;
    bool m_wasConnected = false;
    bool m_starting = false; // inside connectToNsqd(): failures are reported from the event loop
};

} // namespace nsq

Q_DECLARE_METATYPE(nsq::ServerError)
