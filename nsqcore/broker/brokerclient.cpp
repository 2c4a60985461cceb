#include "brokerclient.h"

#include "broker.h"

#include <protocol/bytes.h>
#include <protocol/identify.h>
#include <protocol/names.h>

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSslCipher>
#include <QSslSocket>
#include <QTimer>

Q_DECLARE_LOGGING_CATEGORY(lcBroker)

namespace nsq {

namespace {

// nsqd's base-10 parser: digits only, so "-1" does not parse.
bool parseDigits(const QByteArray &text, qint64 *value)
{
    if (text.isEmpty() || text.size() > 18)
        return false;
    qint64 v = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    *value = v;
    return true;
}

// nsqd's defaults for --min-output-buffer-timeout, --max-output-buffer-timeout and
// --max-output-buffer-size.
constexpr int kMinOutputBufferTimeout = 25;
constexpr int kMaxOutputBufferTimeout = 30000;
constexpr int kMaxOutputBufferSize = 64 * 1024;

} // namespace

BrokerClient::BrokerClient(Broker *broker, QSslSocket *socket)
    : QObject(nullptr), m_broker(broker), m_socket(socket), m_heartbeat(new QTimer(this)),
      m_liveness(new QTimer(this)), m_decoder(broker->config().maxBodySize),
      m_heartbeatInterval(broker->config().defaultHeartbeatInterval),
      m_msgTimeout(broker->config().msgTimeout)
{
    m_socket->setParent(this);
    m_decoder.setMaxMessageSize(broker->config().maxMsgSize);
    m_connectTime = QDateTime::currentSecsSinceEpoch();
    connect(m_socket, &QSslSocket::readyRead, this, &BrokerClient::onReadyRead);
    connect(m_socket, &QSslSocket::disconnected, this, &BrokerClient::closeConnection);
    connect(m_socket, &QSslSocket::encrypted, this, &BrokerClient::onEncrypted);
    connect(m_socket, &QSslSocket::bytesWritten, this, &BrokerClient::onBytesWritten);
    // Qt stops taking bytes from the kernel past this, so a client whose commands wait (see
    // onReadyRead) is held back by TCP itself.
    m_socket->setReadBufferSize(broker->config().maxBodySize + 64 * 1024);
    connect(m_socket, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError e) {
        if (e != QAbstractSocket::RemoteHostClosedError)
            closeConnection();
    });
    connect(m_heartbeat, &QTimer::timeout, this, [this] { sendResponse("_heartbeat_"); });
    m_liveness->setSingleShot(true);
    connect(m_liveness, &QTimer::timeout, this, [this] {
        qCInfo(lcBroker).noquote()
            << "client" << remoteAddress() << "silent for two heartbeat intervals; closing it";
        closeConnection();
    });
    m_heartbeat->start(m_heartbeatInterval);
    m_liveness->start(2 * m_heartbeatInterval);
}

BrokerClient::~BrokerClient()
{
    m_socket->disconnect(this);
}

QString BrokerClient::remoteAddress() const
{
    return QStringLiteral("%1:%2")
        .arg(m_socket->peerAddress().toString())
        .arg(m_socket->peerPort());
}

bool BrokerClient::tls() const
{
    return m_socket->isEncrypted();
}

QString BrokerClient::tlsVersion() const
{
    if (!m_socket->isEncrypted())
        return {};
    switch (m_socket->sessionProtocol()) {
    case QSsl::TlsV1_2:
        return QStringLiteral("TLS1.2");
    case QSsl::TlsV1_3:
        return QStringLiteral("TLS1.3");
    default:
        return QStringLiteral("TLS");
    }
}

QString BrokerClient::authIdentity() const
{
    return m_authorised ? m_broker->config().authIdentity : QString();
}

QString BrokerClient::tlsCipherSuite() const
{
    return m_socket->isEncrypted() ? m_socket->sessionCipher().name() : QString();
}

void BrokerClient::closeConnection()
{
    if (m_closing)
        return;
    m_closing = true;
    m_heartbeat->stop();
    m_liveness->stop();
    flush();
    // The last error frame must reach the client: the object goes once the socket has drained,
    // or after a grace period for a client that stopped reading.
    connect(m_socket, &QSslSocket::disconnected, this, &QObject::deleteLater);
    QTimer::singleShot(5000, this, [this] {
        m_socket->abort();
        deleteLater();
    });
    m_socket->disconnectFromHost();
    if (m_socket->state() == QAbstractSocket::UnconnectedState)
        deleteLater();
    Q_EMIT closed();
}

qint64 BrokerClient::pendingOutput() const
{
    return m_socket->bytesToWrite() + m_out.size();
}

bool BrokerClient::outputFull() const
{
    return pendingOutput() >= m_broker->config().maxPendingOutput;
}

void BrokerClient::onBytesWritten()
{
    // Below half the limit again: take its commands and send it messages once more.
    if (m_closing || pendingOutput() >= m_broker->config().maxPendingOutput / 2)
        return;
    if (m_readPaused) {
        m_readPaused = false;
        onReadyRead();
    }
    if (m_channel && !m_closing)
        m_broker->pump(m_channel);
}

void BrokerClient::onReadyRead()
{
    m_readScheduled = false;
    if (m_closing)
        return;
    // A client that does not read what it is sent is not read either (nsqd blocks on the write
    // the same way): its output stays bounded, and if it stays silent past two heartbeats the
    // liveness timer closes it.
    if (outputFull()) {
        m_readPaused = true;
        return;
    }
    // A bounded amount per turn of the event loop, then the other clients and the HTTP API get
    // theirs: no client can hold the broker, however much it sends or it inflates to.
    // What the decompressor still holds is taken first; only then is more read.
    const QByteArray bytes =
        m_compression && m_compression->hasMoreOutput() ? QByteArray() : m_socket->read(kReadChunk);
    if (m_heartbeatInterval > 0 && !bytes.isEmpty())
        m_liveness->start(2 * m_heartbeatInterval);
    if (m_compression) {
        QByteArray plain;
        if (!m_compression->decompress(bytes, plain, kInflateChunk)) {
            fatal(QStringLiteral("E_BAD_BODY %1").arg(m_compression->errorString()));
            return;
        }
        m_compressedIn += bytes.size();
        m_inflated += plain.size();
        const qint64 consumed = m_compressedIn - m_compression->pendingInput();
        const qint64 ratio = m_broker->config().maxInflateRatio;
        if (m_inflated > kInflateChunk * 16 && m_inflated > ratio * consumed) {
            fatal(QStringLiteral("E_BAD_BODY compressed stream inflates more than %1 to 1")
                      .arg(ratio));
            return;
        }
        m_decoder.feed(plain);
    } else {
        m_decoder.feed(bytes);
    }
    while (!m_closing) {
        const auto status = m_decoder.next();
        if (status == CommandDecoder::Status::NeedMoreData)
            break;
        if (status == CommandDecoder::Status::Failed) {
            decodeFailed();
            break;
        }
        handle(m_decoder.command());
    }
    if (!m_closing && !m_readScheduled &&
        (m_socket->bytesAvailable() > 0 || (m_compression && m_compression->hasMoreOutput()))) {
        m_readScheduled = true;
        QMetaObject::invokeMethod(this, &BrokerClient::onReadyRead, Qt::QueuedConnection);
    }
}

void BrokerClient::decodeFailed()
{
    const Command &line = m_decoder.failedCommandLine();
    const QString verb = QString::fromLatin1(line.name);
    const qint64 size = m_decoder.lastDeclaredBodySize();
    const bool oneMessage = line.name == "PUB" || line.name == "DPUB";
    const qint64 limit =
        oneMessage ? m_broker->config().maxMsgSize : m_broker->config().maxBodySize;
    switch (m_decoder.error()) {
    case CommandDecoder::Error::BadMagic:
        closeConnection(); // nsqd hangs up on a wrong protocol magic without a word
        return;
    case CommandDecoder::Error::LineTooLong:
        fatal(QStringLiteral("E_INVALID command line too long"));
        return;
    default:
        break;
    }
    // nsqd looks at the state, the parameters and the topic before it reads a body.
    if (!checkBeforeBody(line))
        return;
    switch (m_decoder.error()) {
    case CommandDecoder::Error::BadBodySize:
        if (oneMessage)
            fatal(QStringLiteral("E_BAD_MESSAGE %1 invalid message body size %2")
                      .arg(verb)
                      .arg(size));
        else
            fatal(QStringLiteral("E_BAD_BODY %1 invalid body size %2").arg(verb).arg(size));
        return;
    case CommandDecoder::Error::BodyTooLarge:
        if (oneMessage)
            fatal(QStringLiteral("E_BAD_MESSAGE %1 message too big %2 > %3")
                      .arg(verb)
                      .arg(size)
                      .arg(limit));
        else
            fatal(QStringLiteral("E_BAD_BODY %1 body too big %2 > %3")
                      .arg(verb)
                      .arg(size)
                      .arg(limit));
        return;
    case CommandDecoder::Error::BadMessageCount:
        fatal(QStringLiteral("E_BAD_BODY MPUB invalid message count %1").arg(size));
        return;
    case CommandDecoder::Error::BadMessageSize:
        fatal(QStringLiteral("E_BAD_MESSAGE MPUB invalid message(%1) body size %2")
                  .arg(m_decoder.failedMessageIndex())
                  .arg(size));
        return;
    case CommandDecoder::Error::MessageTooLarge:
        fatal(QStringLiteral("E_BAD_MESSAGE MPUB message too big %1 > %2")
                  .arg(size)
                  .arg(m_broker->config().maxMsgSize));
        return;
    default:
        return;
    }
}

bool BrokerClient::checkBeforeBody(const Command &c)
{
    const QByteArray &n = c.name;
    if (n == "IDENTIFY") {
        if (m_state != State::Init) {
            fatal(QStringLiteral("E_INVALID cannot IDENTIFY in current state"));
            return false;
        }
        return true;
    }
    if (n == "AUTH") {
        if (m_state != State::Init) {
            fatal(QStringLiteral("E_INVALID cannot AUTH in current state"));
            return false;
        }
        if (!c.params.isEmpty()) {
            fatal(QStringLiteral("E_INVALID AUTH invalid number of parameters"));
            return false;
        }
        return true;
    }
    const int params = n == "DPUB" ? 2 : 1;
    if (n != "PUB" && n != "MPUB" && n != "DPUB")
        return true;
    if (c.params.size() < params) {
        fatal(QStringLiteral("E_INVALID %1 insufficient number of parameters")
                  .arg(QString::fromLatin1(n)));
        return false;
    }
    if (!isValidTopicName(QString::fromLatin1(c.params[0]))) {
        // nsqd's MPUB text carries its code twice.
        fatal(QStringLiteral("E_BAD_TOPIC %1%2 topic name \"%3\" is not valid")
                  .arg(n == "MPUB" ? QStringLiteral("E_BAD_TOPIC ") : QString(),
                       QString::fromLatin1(n), QString::fromLatin1(c.params[0])));
        return false;
    }
    if (n == "DPUB") {
        qint64 delay = 0;
        if (!parseDigits(c.params[1], &delay)) {
            fatal(QStringLiteral("E_INVALID DPUB could not parse timeout %1")
                      .arg(QString::fromLatin1(c.params[1])));
            return false;
        }
        const qint64 maxDelay = m_broker->config().maxReqTimeout;
        if (delay > maxDelay) {
            fatal(QStringLiteral("E_INVALID DPUB timeout %1 out of range 0-%2")
                      .arg(delay)
                      .arg(maxDelay));
            return false;
        }
    }
    if (n == "MPUB") {
        // nsqd checks AUTH and creates the topic before it reads an MPUB's body.
        if (!authorised("MPUB"))
            return false;
        m_broker->getOrCreateTopic(QString::fromLatin1(c.params[0]));
    }
    return true;
}

void BrokerClient::handle(const Command &c)
{
    const QByteArray &n = c.name;
    if (c.hasBody && !checkBeforeBody(c))
        return;
    if (n == "FIN" || n == "REQ" || n == "TOUCH")
        finOrReqOrTouch(c);
    else if (n == "RDY")
        rdy(c);
    else if (n == "NOP")
        return;
    else if (n == "PUB")
        pub(c);
    else if (n == "MPUB")
        mpub(c);
    else if (n == "DPUB")
        dpub(c);
    else if (n == "SUB")
        sub(c);
    else if (n == "CLS")
        cls();
    else if (n == "IDENTIFY")
        identify(c);
    else if (n == "AUTH")
        auth(c);
    else
        fatal(QStringLiteral("E_INVALID invalid command %1").arg(QString::fromLatin1(n)));
}

void BrokerClient::identify(const Command &c)
{
    // nsqd takes IDENTIFY again until SUB (checkBeforeBody refused it after).
    QJsonParseError err{};
    const QJsonObject o = QJsonDocument::fromJson(c.body, &err).object();
    if (err.error != QJsonParseError::NoError) {
        fatal(QStringLiteral("E_BAD_BODY IDENTIFY failed to decode JSON body"));
        return;
    }
    const BrokerConfig &cfg = m_broker->config();
    const int heartbeat = o.value(QLatin1String("heartbeat_interval")).toInt(0);
    if (heartbeat == -1) {
        m_heartbeatInterval = -1;
    } else if (heartbeat != 0) {
        if (heartbeat < 1000 || heartbeat > cfg.maxHeartbeatInterval) {
            fatal(QStringLiteral("E_BAD_BODY IDENTIFY heartbeat interval (%1) is invalid")
                      .arg(heartbeat));
            return;
        }
        m_heartbeatInterval = heartbeat;
    }
    // Checked in nsqd's order: heartbeat, output buffer, sample rate, msg timeout.
    const int bufferTimeout = o.value(QLatin1String("output_buffer_timeout")).toInt(0);
    if (bufferTimeout != 0 && bufferTimeout != -1 &&
        (bufferTimeout < kMinOutputBufferTimeout || bufferTimeout > kMaxOutputBufferTimeout)) {
        fatal(QStringLiteral("E_BAD_BODY IDENTIFY output buffer timeout (%1) is invalid")
                  .arg(bufferTimeout));
        return;
    }
    const int bufferSize = o.value(QLatin1String("output_buffer_size")).toInt(0);
    if (bufferSize != 0 && bufferSize != -1 &&
        (bufferSize < 64 || bufferSize > kMaxOutputBufferSize)) {
        fatal(QStringLiteral("E_BAD_BODY IDENTIFY output buffer size (%1) is invalid")
                  .arg(bufferSize));
        return;
    }
    const int sampleRate = o.value(QLatin1String("sample_rate")).toInt(0);
    if (sampleRate < 0 || sampleRate > 99) {
        fatal(QStringLiteral("E_BAD_BODY IDENTIFY sample rate (%1) is invalid").arg(sampleRate));
        return;
    }
    const int msgTimeout = o.value(QLatin1String("msg_timeout")).toInt(0);
    if (msgTimeout != 0 && (msgTimeout < 1000 || msgTimeout > cfg.maxMsgTimeout)) {
        fatal(QStringLiteral("E_BAD_BODY IDENTIFY msg timeout (%1) is invalid").arg(msgTimeout));
        return;
    }
    const bool wantSnappy = o.value(QLatin1String("snappy")).toBool();
    const bool wantDeflate = o.value(QLatin1String("deflate")).toBool();
    int level = o.value(QLatin1String("deflate_level")).toInt(6);
    if (level <= 0)
        level = 6;
    m_deflateLevel = qMin(level, 6);
    m_sampleRate = sampleRate;
    if (msgTimeout != 0)
        m_msgTimeout = msgTimeout;
    m_clientId = o.value(QLatin1String("client_id")).toString();
    m_hostname = o.value(QLatin1String("hostname")).toString();
    m_userAgent = o.value(QLatin1String("user_agent")).toString();

    m_heartbeat->stop();
    m_liveness->stop();
    if (m_heartbeatInterval > 0) {
        m_heartbeat->start(m_heartbeatInterval);
        m_liveness->start(2 * m_heartbeatInterval);
    }

    // Effective output buffering, as nsqd reports it: -1 turns it off, 0 keeps the default.
    m_outputBufferSize = bufferSize == -1 ? 1 : bufferSize == 0 ? m_outputBufferSize : bufferSize;
    m_outputBufferTimeout = bufferSize == -1 || bufferTimeout == -1 ? 0
                            : bufferTimeout == 0                    ? m_outputBufferTimeout
                                                                    : bufferTimeout;
    // Without feature negotiation nsqd answers OK here and upgrades nothing.
    if (!o.value(QLatin1String("feature_negotiation")).toBool()) {
        sendResponse("OK");
        return;
    }
    if (wantSnappy && wantDeflate) {
        fatal(
            QStringLiteral("E_IDENTIFY_FAILED cannot enable both deflate and snappy compression"));
        return;
    }
    // A second IDENTIFY does not upgrade what is upgraded already.
    const bool tls = o.value(QLatin1String("tls_v1")).toBool() && m_broker->tlsAvailable() &&
                     !m_socket->isEncrypted();
    const bool compress = !m_compression && (wantSnappy || wantDeflate);
    if (compress) {
        m_snappy = wantSnappy;
        m_deflate = wantDeflate;
    }
    IdentifyResponse r;
    r.negotiated = true;
    r.maxRdyCount = cfg.maxRdyCount;
    r.version = cfg.version;
    r.maxMsgTimeout = cfg.maxMsgTimeout;
    r.msgTimeout = m_msgTimeout;
    r.tlsV1 = tls;
    r.deflate = m_deflate;
    r.deflateLevel = m_deflateLevel;
    r.maxDeflateLevel = 6;
    r.snappy = m_snappy;
    r.sampleRate = m_sampleRate;
    r.authRequired = !cfg.authSecret.isEmpty();
    r.outputBufferSize = m_outputBufferSize;
    r.outputBufferTimeout = m_outputBufferTimeout;
    sendResponse(r.toJson());
    if (tls) {
        flush();
        m_socket->setSslConfiguration(m_broker->tlsConfiguration());
        m_socket->startServerEncryption();
        return; // OK follows once encrypted, then compression
    }
    if (compress)
        startCompression();
}

void BrokerClient::onEncrypted()
{
    sendResponse("OK");
    if (!m_compression && (m_snappy || m_deflate))
        startCompression();
}

void BrokerClient::startCompression()
{
    if (!m_snappy && !m_deflate)
        return;
    flush();
    m_compression = m_snappy ? makeSnappyStream() : makeDeflateStream(m_deflateLevel);
    sendResponse("OK");
}

void BrokerClient::auth(const Command &c)
{
    const QString secret = m_broker->config().authSecret;
    if (m_authorised) {
        fatal(QStringLiteral("E_INVALID AUTH already set"));
        return;
    }
    if (secret.isEmpty()) {
        fatal(QStringLiteral("E_AUTH_DISABLED AUTH disabled"));
        return;
    }
    if (QString::fromUtf8(c.body) != secret) {
        fatal(QStringLiteral("E_AUTH_FAILED AUTH failed"));
        return;
    }
    m_authorised = true;
    AuthResponse r;
    r.identity = m_broker->config().authIdentity;
    r.permissionCount = 1;
    sendResponse(r.toJson());
}

bool BrokerClient::authorised(const char *verb)
{
    if (m_broker->config().authSecret.isEmpty() || m_authorised)
        return true;
    fatal(QStringLiteral("E_AUTH_FIRST AUTH required before %1").arg(QLatin1String(verb)));
    return false;
}

bool BrokerClient::checkTopic(const char *verb, const QByteArray &name)
{
    if (isValidTopicName(QString::fromLatin1(name)))
        return true;
    fatal(QStringLiteral("E_BAD_TOPIC %1 topic name \"%2\" is not valid")
              .arg(QLatin1String(verb), QString::fromLatin1(name)));
    return false;
}

void BrokerClient::sub(const Command &c)
{
    if (m_state != State::Init) {
        fatal(QStringLiteral("E_INVALID cannot SUB in current state"));
        return;
    }
    if (m_heartbeatInterval <= 0) {
        fatal(QStringLiteral("E_INVALID cannot SUB with heartbeats disabled"));
        return;
    }
    if (c.params.size() < 2) {
        fatal(QStringLiteral("E_INVALID SUB insufficient number of parameters"));
        return;
    }
    if (!checkTopic("SUB", c.params[0]))
        return;
    const QString channel = QString::fromLatin1(c.params[1]);
    if (!isValidChannelName(channel)) {
        fatal(QStringLiteral("E_BAD_CHANNEL SUB channel name \"%1\" is not valid").arg(channel));
        return;
    }
    if (!authorised("SUB"))
        return;
    Topic *t = m_broker->getOrCreateTopic(QString::fromLatin1(c.params[0]));
    m_channel = m_broker->getOrCreateChannel(t, channel);
    m_state = State::Subscribed;
    sendResponse("OK");
    m_broker->subscribe(this, m_channel);
}

void BrokerClient::rdy(const Command &c)
{
    if (m_state == State::Closing)
        return; // nsqd ignores RDY while closing
    if (m_state != State::Subscribed) {
        fatal(QStringLiteral("E_INVALID cannot RDY in current state"));
        return;
    }
    qint64 count = 1;
    if (!c.params.isEmpty() && !parseDigits(c.params[0], &count)) {
        fatal(QStringLiteral("E_INVALID RDY could not parse count %1")
                  .arg(QString::fromLatin1(c.params[0])));
        return;
    }
    const int max = m_broker->config().maxRdyCount;
    if (count > max) {
        fatal(QStringLiteral("E_INVALID RDY count %1 out of range 0-%2").arg(count).arg(max));
        return;
    }
    m_ready = count;
    m_broker->pump(m_channel);
}

void BrokerClient::finOrReqOrTouch(const Command &c)
{
    const QString verb = QString::fromLatin1(c.name);
    if (m_state != State::Subscribed && m_state != State::Closing) {
        fatal(QStringLiteral("E_INVALID cannot %1 in current state").arg(verb));
        return;
    }
    const qsizetype needed = c.name == "REQ" ? 2 : 1;
    if (c.params.size() < needed) {
        fatal(QStringLiteral("E_INVALID %1 insufficient number of params").arg(verb));
        return;
    }
    if (c.params[0].size() != MessageId::Size) {
        fatal(QStringLiteral("E_INVALID invalid message ID"));
        return;
    }
    const MessageId id = MessageId::fromBytes(c.params[0]);
    QString error;
    if (c.name == "FIN") {
        error = m_broker->finish(this, id);
        if (error.isEmpty())
            ++m_finishCount;
    } else if (c.name == "REQ") {
        qint64 delay = 0;
        if (!parseDigits(c.params[1], &delay)) {
            fatal(QStringLiteral("E_INVALID REQ could not parse timeout %1")
                      .arg(QString::fromLatin1(c.params[1])));
            return;
        }
        // Above the maximum, nsqd clamps without a word.
        delay = qMin<qint64>(delay, m_broker->config().maxReqTimeout);
        error = m_broker->requeue(this, id, delay);
        if (error.isEmpty())
            ++m_requeueCount;
    } else {
        error = m_broker->touch(this, id);
    }
    if (!error.isEmpty())
        sendFrame(
            1,
            QStringLiteral("E_%1_FAILED %1 %2 failed %3").arg(verb, id.toString(), error).toUtf8());
}

void BrokerClient::cls()
{
    if (m_state != State::Subscribed) {
        fatal(QStringLiteral("E_INVALID cannot CLS in current state"));
        return;
    }
    m_state = State::Closing;
    m_ready = 0; // as nsqd's StartClose
    sendResponse("CLOSE_WAIT");
}

// PUB, MPUB and DPUB: the line was checked before the body (checkBeforeBody), the sizes by the
// decoder; AUTH for PUB and DPUB comes after the body, as in nsqd.
void BrokerClient::pub(const Command &c)
{
    if (!authorised("PUB"))
        return;
    const QString error = m_broker->publish(QString::fromLatin1(c.params[0]), {c.body});
    if (!error.isEmpty()) {
        fatal(QStringLiteral("E_PUB_FAILED PUB failed %1").arg(error));
        return;
    }
    sendResponse("OK");
}

void BrokerClient::mpub(const Command &c)
{
    const QString error = m_broker->publish(QString::fromLatin1(c.params[0]), c.messages);
    if (!error.isEmpty()) {
        fatal(QStringLiteral("E_MPUB_FAILED MPUB failed %1").arg(error));
        return;
    }
    sendResponse("OK");
}

void BrokerClient::dpub(const Command &c)
{
    if (!authorised("DPUB"))
        return;
    qint64 delay = 0;
    parseDigits(c.params[1], &delay);
    const QString error = m_broker->publish(QString::fromLatin1(c.params[0]), {c.body}, delay);
    if (!error.isEmpty()) {
        fatal(QStringLiteral("E_DPUB_FAILED DPUB failed %1").arg(error));
        return;
    }
    sendResponse("OK");
}

void BrokerClient::deliver(const Message &message)
{
    ++m_inFlight;
    ++m_messageCount;
    sendFrame(2, encodeMessage(message));
}

void BrokerClient::messageDone()
{
    if (m_inFlight > 0)
        --m_inFlight;
}

void BrokerClient::fatal(const QString &error)
{
    sendFrame(1, error.toUtf8());
    closeConnection();
}

void BrokerClient::sendFrame(qint32 type, QByteArrayView data)
{
    if (m_closing)
        return;
    appendBigEndian32(m_out, quint32(data.size() + 4));
    appendBigEndian32(m_out, quint32(type));
    m_out.append(data);
    if (!m_flushScheduled) {
        m_flushScheduled = true;
        QMetaObject::invokeMethod(this, &BrokerClient::flush, Qt::QueuedConnection);
    }
}

void BrokerClient::flush()
{
    m_flushScheduled = false;
    if (m_out.isEmpty())
        return;
    // Messages stop at the limit (canAccept), commands too (onReadyRead); what still comes is
    // small (heartbeats, answers in flight). Far beyond it something is wrong: cut it off.
    if (m_socket->bytesToWrite() >
        2 * m_broker->config().maxPendingOutput + m_broker->config().maxMsgSize) {
        qCWarning(lcBroker).noquote()
            << "client" << remoteAddress() << "stopped reading:" << m_socket->bytesToWrite()
            << "bytes wait to be sent; disconnecting it";
        m_out.clear();
        closeConnection();
        return;
    }
    m_socket->write(m_compression ? m_compression->compress(m_out) : m_out);
    m_out.clear();
}

} // namespace nsq
