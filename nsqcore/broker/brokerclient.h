#pragma once

#include <protocol/commanddecoder.h>
#include <protocol/compression.h>
#include <protocol/message.h>

#include <QElapsedTimer>
#include <QObject>

#include <memory>

class QSslSocket;
class QTimer;

namespace nsq {

class Broker;
class Channel;

// The broker's side of one client connection: reads commands, answers as nsqd does (same error
// codes and texts, same errors fatal), sends heartbeats and drops clients that go silent.
class BrokerClient : public QObject
{
    Q_OBJECT
public:
    enum class State { Init, Subscribed, Closing };

    BrokerClient(Broker *broker, QSslSocket *socket);
    ~BrokerClient() override;

    QString remoteAddress() const;
    Channel *channel() const { return m_channel; }
    void setChannel(Channel *channel) { m_channel = channel; }
    // Within RDY, and not backed up: a client whose output waits unsent gets no more messages.
    bool canAccept() const
    {
        return m_state == State::Subscribed && m_inFlight < m_ready && !outputFull();
    }
    // Bytes queued for this client and not yet taken by its socket.
    qint64 pendingOutput() const;
    int msgTimeout() const { return m_msgTimeout; }
    int heartbeatInterval() const { return m_heartbeatInterval; }
    bool authorised() const { return m_authorised; }
    int sampleRate() const { return m_sampleRate; }
    void deliver(const Message &message);
    void messageDone();
    void resetInFlight() { m_inFlight = 0; }
    void closeConnection();

    // For /stats.
    QString clientId() const { return m_clientId; }
    QString hostname() const { return m_hostname; }
    QString userAgent() const { return m_userAgent; }
    qint64 readyCount() const { return m_ready; }
    qint64 inFlightCount() const { return m_inFlight; }
    quint64 messageCount() const { return m_messageCount; }
    quint64 finishCount() const { return m_finishCount; }
    quint64 requeueCount() const { return m_requeueCount; }
    qint64 connectTime() const { return m_connectTime; }
    bool tls() const;
    QString tlsVersion() const;     // as nsqd names it ("TLS1.3"), empty without TLS
    QString tlsCipherSuite() const; // empty without TLS
    QString authIdentity() const;   // empty until AUTH succeeded
    bool snappy() const { return m_snappy; }
    bool deflate() const { return m_deflate; }
    int deflateLevel() const { return m_deflateLevel; }
    int state() const { return int(m_state); }

Q_SIGNALS:
    void closed();

private:
    void onReadyRead();
    void handle(const Command &command);
    void identify(const Command &command);
    void auth(const Command &command);
    void sub(const Command &command);
    void rdy(const Command &command);
    void finOrReqOrTouch(const Command &command);
    void cls();
    void pub(const Command &command);
    void mpub(const Command &command);
    void dpub(const Command &command);
    bool authorised(const char *verb);
    bool checkTopic(const char *verb, const QByteArray &name);
    // What nsqd checks of a command before it reads its body: state, parameters, topic, DPUB's
    // timeout (and for MPUB, AUTH). False after a fatal error.
    bool checkBeforeBody(const Command &c);
    void decodeFailed();
    void sendFrame(qint32 type, QByteArrayView data);
    void sendResponse(QByteArrayView data) { sendFrame(0, data); }
    void fatal(const QString &error);
    void flush();
    void onEncrypted();
    void onBytesWritten();
    bool outputFull() const;
    void startCompression();

    Broker *m_broker;
    QSslSocket *m_socket;
    QTimer *m_heartbeat;
    QTimer *m_liveness;
    CommandDecoder m_decoder;
    std::unique_ptr<StreamCompression> m_compression;
    State m_state = State::Init;
    Channel *m_channel = nullptr;
    QByteArray m_out;
    bool m_flushScheduled = false;
    bool m_readPaused = false;    // output backed up: its commands wait, as nsqd's would
    bool m_readScheduled = false; // more to read, posted for the next turn of the event loop
    static constexpr qint64 kReadChunk = 256 * 1024;
    static constexpr qint64 kInflateChunk = 256 * 1024;
    qint64 m_compressedIn = 0, m_inflated = 0; // bytes, since compression started
    bool m_closing = false;
    bool m_authorised = false;
    bool m_snappy = false;
    bool m_deflate = false;
    int m_deflateLevel = 6;
    int m_outputBufferSize = 16384;
    int m_outputBufferTimeout = 250;
    int m_heartbeatInterval;
    int m_msgTimeout;
    int m_sampleRate = 0;
    qint64 m_ready = 0;
    qint64 m_inFlight = 0;
    quint64 m_messageCount = 0;
    quint64 m_finishCount = 0;
    quint64 m_requeueCount = 0;
    qint64 m_connectTime = 0;
    QString m_clientId;
    QString m_hostname;
    QString m_userAgent;
};

} // namespace nsq
