#include "scriptedserver.h"

#include <protocol/bytes.h>

#include <QFile>
#include <QSslKey>
#include <QTest>

ScriptedServer::ScriptedServer(QObject *parent) : QTcpServer(parent)
{
    listen(QHostAddress::LocalHost, 0);
}

ScriptedServer::~ScriptedServer()
{
    // The sockets outlive this part of the object (QObject deletes children later): no callbacks.
    for (QSslSocket *socket : findChildren<QSslSocket *>())
        socket->disconnect(this);
}

quint16 ScriptedServer::serverPortOrFail()
{
    return serverPort();
}

void ScriptedServer::incomingConnection(qintptr socketDescriptor)
{
    auto *socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    m_client = socket;
    m_disconnected = false;
    m_decoder = nsq::CommandDecoder();
    m_compression.reset();
    connect(socket, &QSslSocket::readyRead, this, &ScriptedServer::onReadyRead);
    connect(socket, &QSslSocket::disconnected, this, [this, socket] {
        if (socket == m_client)
            m_disconnected = true;
    });
    addPendingConnection(socket);
}

bool ScriptedServer::waitForClient(int timeoutMs)
{
    return QTest::qWaitFor([this] { return m_client != nullptr; }, timeoutMs);
}

void ScriptedServer::onReadyRead()
{
    const QByteArray bytes = m_client->readAll();
    if (m_compression) {
        QByteArray plain;
        m_compression->decompress(bytes, plain);
        m_decoder.feed(plain);
    } else {
        m_decoder.feed(bytes);
    }
}

std::optional<nsq::Command> ScriptedServer::nextCommand(int timeoutMs)
{
    std::optional<nsq::Command> result;
    (void)QTest::qWaitFor(
        [&] {
            if (!m_client)
                return false;
            const auto status = m_decoder.next();
            if (status == nsq::CommandDecoder::Status::CommandReady) {
                result = m_decoder.command();
                return true;
            }
            return status == nsq::CommandDecoder::Status::Failed;
        },
        timeoutMs);
    return result;
}

bool ScriptedServer::hasPendingCommand(int timeoutMs)
{
    return QTest::qWaitFor([this] { return m_decoder.bufferedSize() > 0; }, timeoutMs);
}

bool ScriptedServer::waitForDisconnect(int timeoutMs)
{
    return QTest::qWaitFor([this] { return m_disconnected; }, timeoutMs);
}

void ScriptedServer::sendFrame(qint32 type, const QByteArray &data)
{
    QByteArray frame;
    nsq::appendBigEndian32(frame, quint32(data.size() + 4));
    nsq::appendBigEndian32(frame, quint32(type));
    frame.append(data);
    sendRaw(frame);
}

void ScriptedServer::sendMessage(const nsq::Message &m)
{
    sendFrame(2, nsq::encodeMessage(m));
}

void ScriptedServer::sendRaw(const QByteArray &bytes)
{
    if (!m_client)
        return;
    m_client->write(m_compression ? m_compression->compress(bytes) : bytes);
    m_client->flush();
}

void ScriptedServer::closeClient()
{
    if (m_client)
        m_client->disconnectFromHost();
}

void ScriptedServer::startTls(const QSslConfiguration &config)
{
    m_client->setSslConfiguration(config);
    m_client->startServerEncryption();
}

bool ScriptedServer::waitForEncrypted(int timeoutMs)
{
    return QTest::qWaitFor([this] { return m_client && m_client->isEncrypted(); }, timeoutMs);
}

void ScriptedServer::startCompression(std::unique_ptr<nsq::StreamCompression> compression)
{
    m_compression = std::move(compression);
    const QByteArray rest = m_decoder.takeBuffered();
    if (!rest.isEmpty()) {
        QByteArray plain;
        m_compression->decompress(rest, plain);
        m_decoder.feed(plain);
    }
}

QString testCertPath(const char *file)
{
    return QStringLiteral(NSQ_TEST_CERT_DIR "/") + QLatin1String(file);
}

QSslConfiguration serverTlsConfig(bool requireClientCert, const char *cert)
{
    QSslConfiguration c = QSslConfiguration::defaultConfiguration();
    const QString base = QLatin1String(cert);
    c.setLocalCertificate(
        QSslCertificate::fromPath(testCertPath(qPrintable(base + QLatin1String(".pem")))).value(0));
    QFile keyFile(testCertPath(qPrintable(base + QLatin1String(".key"))));
    keyFile.open(QIODevice::ReadOnly);
    c.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
    if (requireClientCert) {
        c.setCaCertificates(QSslCertificate::fromPath(testCertPath("ca.pem")));
        c.setPeerVerifyMode(QSslSocket::VerifyPeer);
    } else {
        c.setPeerVerifyMode(QSslSocket::VerifyNone);
    }
    return c;
}
