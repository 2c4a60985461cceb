#pragma once

#include <protocol/commanddecoder.h>
#include <protocol/compression.h>
#include <protocol/message.h>

#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpServer>

#include <memory>
#include <optional>

// A fake nsqd for Conn tests, driven step by step by the test: it reports the commands the
// client sent and sends the frames the test asks for. Real sockets on loopback, real TLS.
class ScriptedServer : public QTcpServer
{
    Q_OBJECT
public:
    explicit ScriptedServer(QObject *parent = nullptr);
    ~ScriptedServer() override;

    quint16 serverPortOrFail();
    bool waitForClient(int timeoutMs = 10000);
    QSslSocket *client() const { return m_client; }

    // Waits for the next whole command from the client.
    std::optional<nsq::Command> nextCommand(int timeoutMs = 10000);
    // Whether the client sent anything beyond what was read, waiting up to timeoutMs.
    bool hasPendingCommand(int timeoutMs);
    bool waitForDisconnect(int timeoutMs = 10000);
    QString decodeError() const { return m_decoder.errorString(); }

    void sendFrame(qint32 type, const QByteArray &data);
    void sendResponse(const QByteArray &data) { sendFrame(0, data); }
    void sendError(const QByteArray &data) { sendFrame(1, data); }
    void sendMessage(const nsq::Message &m);
    void sendRaw(const QByteArray &bytes);
    void closeClient();

    // Switches the connection to TLS as nsqd does after answering IDENTIFY with tls_v1.
    void startTls(const QSslConfiguration &config);
    bool waitForEncrypted(int timeoutMs = 10000);
    // Switches both directions to the given compression (after the IDENTIFY answer went out).
    void startCompression(std::unique_ptr<nsq::StreamCompression> compression);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    void onReadyRead();

    QSslSocket *m_client = nullptr;
    nsq::CommandDecoder m_decoder;
    std::unique_ptr<nsq::StreamCompression> m_compression;
    bool m_disconnected = false;
};

// Self-signed CA, a server and a client certificate it signed, and an unrelated self-signed
// certificate, made by tests/make-certs.sh at configure time.
QString testCertPath(const char *file);
QSslConfiguration serverTlsConfig(bool requireClientCert = false, const char *cert = "server");
