#include "conn.h"

#include "../protocol/bytes.h"
#include "../protocol/commands.h"
#include "../protocol/compression.h"
#include "../protocol/names.h"
#include "address.h"

#include <QDateTime>
#include <QFile>
#include <QLoggingCategory>
#include <QMetaEnum>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QThread>
#include <QTimer>

#include <algorithm>

Q_LOGGING_CATEGORY(lcConn, "nsq.conn")

namespace nsq {

namespace {

// How much of a compressed stream is inflated before the frames in it are handled.
constexpr qsizetype kInflateStep = 4 * 1024 * 1024;

QString describeSslError(const QSslError &e)
{
    switch (e.error()) {
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::CertificateUntrusted:
        return QStringLiteral("certificate not trusted (%1)").arg(e.errorString());
    case QSslError::HostNameMismatch:
        return QStringLiteral("certificate does not match the host name (%1)").arg(e.errorString());
    case QSslError::CertificateExpired:
        return QStringLiteral("certificate expired");
    case QSslError::CertificateNotYetValid:
        return QStringLiteral("certificate not yet valid");
    default:
        return e.errorString();
    }
}

const char *actionVerb(Conn::MessageAction a)
{
    switch (a) {
    case Conn::MessageAction::Finish:
        return "FIN";
    case Conn::MessageAction::Requeue:
        return "REQ";
    case Conn::MessageAction::Touch:
        return "TOUCH";
    }
    return "?";
}

// How many timed-out IDs are remembered for the reason of a late FIN/REQ/TOUCH refusal.
constexpr qsizetype kTimedOutMemory = 4096;

const char *stateVerb(Conn::State s)
{
    switch (s) {
    case Conn::State::Connecting:
        return "connecting";
    case Conn::State::Identifying:
        return "IDENTIFY";
    case Conn::State::UpgradingTls:
        return "the TLS upgrade";
    case Conn::State::UpgradingCompression:
        return "the compression upgrade";
    case Conn::State::Authenticating:
        return "AUTH";
    default:
        return "the handshake";
    }
}

} // namespace

Conn::Conn(const Config &config, QObject *parent)
    : QObject(parent), m_config(config), m_socket(new QSslSocket(this)),
      m_handshakeTimer(new QTimer(this)), m_heartbeatTimer(new QTimer(this)),
      m_decoder(config.maxFrameSize), m_expiryTimer(new QTimer(this))
{
    m_clock.start();
    qRegisterMetaType<nsq::Message>();
    qRegisterMetaType<nsq::MessageId>();
    qRegisterMetaType<nsq::ServerError>();
    qRegisterMetaType<nsq::TraceRecord>();
    qRegisterMetaType<nsq::Conn::State>();
    qRegisterMetaType<nsq::Conn::Error>();
    qRegisterMetaType<nsq::Conn::MessageAction>();

    m_handshakeTimer->setSingleShot(true);
    connect(m_handshakeTimer, &QTimer::timeout, this, [this] {
        const int ms = m_state == State::Connecting ? m_config.dialTimeout : m_config.readTimeout;
        if (m_state == State::Connecting)
            fail(Error::TimeoutError,
                 QStringLiteral("could not connect to %1 within %2 ms").arg(address()).arg(ms));
        else
            fail(Error::TimeoutError, QStringLiteral("%1 got no answer from %2 within %3 ms")
                                          .arg(QLatin1String(stateVerb(m_state)), address())
                                          .arg(ms));
    });
    connect(m_heartbeatTimer, &QTimer::timeout, this, &Conn::onHeartbeatCheck);
    m_expiryTimer->setSingleShot(true);
    m_expiryTimer->setTimerType(Qt::PreciseTimer);
    connect(m_expiryTimer, &QTimer::timeout, this, &Conn::expireMessages);
    connect(m_socket, &QSslSocket::connected, this, &Conn::onSocketConnected);
    connect(m_socket, &QSslSocket::readyRead, this, &Conn::onReadyRead);
    connect(m_socket, &QSslSocket::errorOccurred, this, &Conn::onSocketError);
    connect(m_socket, &QSslSocket::disconnected, this, &Conn::onSocketDisconnected);
    connect(m_socket, &QSslSocket::sslErrors, this, &Conn::onSslErrors);
    connect(m_socket, &QSslSocket::encrypted, this, &Conn::onEncrypted);
}

Conn::~Conn()
{
    // Closing here must not call back into this half-destroyed object.
    m_socket->disconnect(this);
    m_socket->abort();
}

QList<MessageId> Conn::inFlightIds() const
{
    QList<std::pair<qint64, MessageId>> byAge;
    byAge.reserve(m_inFlight.size());
    for (auto it = m_inFlight.cbegin(); it != m_inFlight.cend(); ++it)
        byAge.append({it->receivedAt, it.key()});
    std::stable_sort(byAge.begin(), byAge.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    QList<MessageId> ids;
    ids.reserve(byAge.size());
    for (const auto &p : std::as_const(byAge))
        ids << p.second;
    return ids;
}

QString Conn::address() const
{
    return m_address;
}

qint64 Conn::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

void Conn::connectToNsqd(const QString &host, quint16 port)
{
    if (m_state != State::Disconnected) {
        refuse(QStringLiteral("connect refused: connection to %1 is already open").arg(address()));
        return;
    }
    m_host = host;
    m_port = port;
    m_address = joinHostPort(host, port); // asked for per message
    m_error = Error::NoError;
    m_errorString.clear();
    m_decoder.reset();
    m_compression.reset();
    m_server = {};
    m_auth = {};
    m_out.clear();
    m_traceQueued.clear();
    m_inFlight.clear();
    m_deadlines.clear();
    m_staleDeadlines = 0;
    m_timedOut.clear();
    m_timedOutOrder.clear();
    m_readyCount = 0;
    m_subscribed = m_closeWaitReceived = m_closedEmitted = m_wasConnected = false;
    m_sslErrors.clear();
    setState(State::Connecting);

    // Like a socket error, a configuration problem is reported from the event loop, never from
    // inside this call: callers connect to closed() and errorOccurred() after starting a request.
    const QStringList problems = m_config.validate();
    QString tlsProblem;
    if (problems.isEmpty() && m_config.tlsV1)
        tlsProblem = prepareTls();
    if (!problems.isEmpty() || !tlsProblem.isEmpty()) {
        const Error kind =
            problems.isEmpty() && !QSslSocket::supportsSsl() ? Error::TlsError : Error::ConfigError;
        const QString text = !problems.isEmpty() ? QStringLiteral("invalid configuration: %1")
                                                       .arg(problems.join(QLatin1String("; ")))
                                                 : tlsProblem;
        QMetaObject::invokeMethod(
            this,
            [this, kind, text] {
                if (m_state == State::Connecting)
                    fail(kind, text);
            },
            Qt::QueuedConnection);
        return;
    }
    m_handshakeTimer->start(m_config.dialTimeout);
    m_starting = true;
    m_socket->connectToHost(host, port); // may fail at once (no route): fail() defers that
    m_starting = false;
}

QString Conn::prepareTls()
{
    if (!QSslSocket::supportsSsl())
        return QStringLiteral("TLS is not available: no TLS backend could be loaded");
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    if (!m_config.tlsRootCaFile.isEmpty()) {
        const auto cas = QSslCertificate::fromPath(m_config.tlsRootCaFile, QSsl::Pem);
        if (cas.isEmpty())
            return QStringLiteral("cannot read TLS CA file %1: no PEM certificate found")
                .arg(m_config.tlsRootCaFile);
        ssl.setCaCertificates(cas);
    }
    if (!m_config.tlsCertFile.isEmpty()) {
        const auto certs = QSslCertificate::fromPath(m_config.tlsCertFile, QSsl::Pem);
        if (certs.isEmpty())
            return QStringLiteral("cannot read TLS certificate file %1: no PEM certificate found")
                .arg(m_config.tlsCertFile);
        QFile keyFile(m_config.tlsKeyFile);
        if (!keyFile.open(QIODevice::ReadOnly))
            return QStringLiteral("cannot read TLS key file %1: %2")
                .arg(m_config.tlsKeyFile, keyFile.errorString());
        const QByteArray pem = keyFile.readAll();
        QSslKey key(pem, QSsl::Rsa);
        if (key.isNull())
            key = QSslKey(pem, QSsl::Ec);
        if (key.isNull())
            return QStringLiteral(
                       "cannot read TLS key file %1: not an unencrypted PEM RSA or EC key")
                .arg(m_config.tlsKeyFile);
        ssl.setLocalCertificate(certs.first());
        ssl.setPrivateKey(key);
    }
    ssl.setPeerVerifyMode(m_config.tlsInsecureSkipVerify ? QSslSocket::VerifyNone
                                                         : QSslSocket::VerifyPeer);
    m_socket->setSslConfiguration(ssl);
    return {};
}

void Conn::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void Conn::fail(Error error, const QString &text)
{
    if (m_state == State::Disconnected && m_closedEmitted)
        return;
    if (m_starting) {
        // Never from inside connectToNsqd(): its caller connects to closed() afterwards.
        QMetaObject::invokeMethod(
            this, [this, error, text] { fail(error, text); }, Qt::QueuedConnection);
        return;
    }
    m_error = error;
    m_errorString = text;
    qCWarning(lcConn).noquote() << address() << text;
    Q_EMIT errorOccurred(error);
    closeSocketNow();
    finalize();
}

void Conn::closeSocketNow()
{
    // abort() reports the disconnection synchronously; that is not news to us.
    const QSignalBlocker quiet(m_socket);
    m_socket->abort();
}

void Conn::finalize()
{
    m_handshakeTimer->stop();
    m_heartbeatTimer->stop();
    m_expiryTimer->stop();
    m_flushScheduled = false;
    m_out.clear();
    m_traceQueued.clear(); // never sent: never traced
    setState(State::Disconnected);
    if (!m_closedEmitted) {
        m_closedEmitted = true;
        Q_EMIT closed();
    }
}

void Conn::refuse(const QString &reason)
{
    qCInfo(lcConn).noquote() << address() << reason;
    Q_EMIT commandRefused(reason);
}

bool Conn::checkReady(const char *command)
{
    if (m_state == State::Connected || m_state == State::Closing)
        return true;
    refuse(QStringLiteral("%1 refused: the connection to %2 is not ready (%3)")
               .arg(QLatin1String(command), address(),
                    QString::fromLatin1(QMetaEnum::fromType<State>().valueToKey(int(m_state)))));
    return false;
}

void Conn::queue(const QByteArray &command)
{
    if (m_trace)
        m_traceQueued.append(command); // traced when it is written, not before
    m_out.append(command);
    scheduleFlush();
}

void Conn::scheduleFlush()
{
    // Commands issued while handling one read (FIN after FIN, RDY, NOP) leave in one write.
    if (m_flushScheduled)
        return;
    m_flushScheduled = true;
    QMetaObject::invokeMethod(this, &Conn::flush, Qt::QueuedConnection);
}

void Conn::flush()
{
    m_flushScheduled = false;
    if (m_out.isEmpty() || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    if (m_compression)
        m_socket->write(m_compression->compress(m_out));
    else
        m_socket->write(m_out);
    m_out.clear();
    for (const QByteArray &command : std::exchange(m_traceQueued, {}))
        traceSent(command);
}

void Conn::onSocketConnected()
{
    setState(State::Identifying);
    m_sinceLastRead.start();
    m_handshakeTimer->start(m_config.readTimeout);
    IdentifyRequest req;
    req.clientId = m_config.effectiveClientId();
    req.hostname = m_config.effectiveHostname();
    req.userAgent = m_config.effectiveUserAgent();
    req.featureNegotiation = true;
    req.heartbeatInterval = m_config.heartbeatInterval;
    req.outputBufferSize = m_config.outputBufferSize;
    req.outputBufferTimeout = m_config.outputBufferTimeout;
    req.tlsV1 = m_config.tlsV1;
    req.snappy = m_config.snappy;
    req.deflate = m_config.deflate;
    req.deflateLevel = m_config.deflateLevel;
    req.sampleRate = m_config.sampleRate;
    req.msgTimeout = m_config.msgTimeout;
    queue(cmd::magic());
    queue(cmd::identify(req.toJson()));
    flush();
}

void Conn::onReadyRead()
{
    if (m_state == State::Disconnected)
        return;
    const QByteArray bytes = m_socket->readAll();
    if (bytes.isEmpty())
        return;
    m_sinceLastRead.start();
    QByteArrayView input = bytes;
    if (!m_compression) {
        m_decoder.feed(bytes);
        if (!decodeFrames())
            return;
        // The IDENTIFY answer may have started compression with more of this read behind it.
        if (!m_compression || !m_compression->hasMoreOutput())
            return;
        input = {};
    }
    // Inflated a bounded piece at a time, each piece's frames handled before the next: a
    // server's stream that inflates a thousandfold (a decompression bomb) costs a piece of
    // memory, not all of it.
    do {
        QByteArray plain;
        if (!m_compression->decompress(input, plain, kInflateStep)) {
            fail(Error::CompressionError, QStringLiteral("corrupt %1 stream from %2: %3")
                                              .arg(QLatin1String(m_compression->name()), address(),
                                                   m_compression->errorString()));
            return;
        }
        input = {};
        m_decoder.feed(plain);
        if (!decodeFrames())
            return;
    } while (m_compression && m_compression->hasMoreOutput());
}

bool Conn::decodeFrames()
{
    for (;;) {
        const FrameDecoder::Status status = m_decoder.next();
        if (status == FrameDecoder::Status::NeedMoreData)
            return m_state != State::Disconnected;
        if (status == FrameDecoder::Status::Failed) {
            fail(Error::ProtocolError, QStringLiteral("undecodable data from %1: %2")
                                           .arg(address(), m_decoder.errorString()));
            return false;
        }
        if (!handleFrame(m_decoder.frame()))
            return false;
    }
}

bool Conn::handleFrame(const FrameView &frame)
{
    if (m_trace)
        traceReceived(frame);
    const bool handshaking = m_state != State::Connected && m_state != State::Closing;

    if (frame.type == FrameType::Error) {
        const ServerError err = ServerError::parse(frame.data);
        Q_EMIT errorReceived(err);
        if (handshaking) {
            const Error kind =
                m_state == State::Authenticating ? Error::AuthError : Error::IdentifyError;
            fail(kind, QStringLiteral("%1 failed: %2")
                           .arg(QLatin1String(stateVerb(m_state)), err.toString()));
            return false;
        }
        if (err.isFatal()) {
            fail(
                Error::ServerError,
                QStringLiteral("nsqd %1 closed the connection: %2").arg(address(), err.toString()));
            return false;
        }
        onMessageActionError(err);
        return m_state != State::Disconnected;
    }

    if (frame.type == FrameType::Message) {
        if (handshaking) {
            fail(Error::ProtocolError, QStringLiteral("message from %1 during %2")
                                           .arg(address(), QLatin1String(stateVerb(m_state))));
            return false;
        }
        Result<Message> decoded = decodeMessage(frame.data);
        if (!decoded.ok()) {
            fail(Error::ProtocolError,
                 QStringLiteral("bad message frame from %1: %2").arg(address(), decoded.error()));
            return false;
        }
        const Message &msg = decoded.value();
        const auto earlier = m_inFlight.constFind(msg.id);
        if (earlier != m_inFlight.cend()) {
            // Delivered again before our own deadline passed (nsqd's clock ran ahead, or a slow
            // event loop): nsqd took the earlier delivery back. It gets its report now, and its
            // late answer is not sent, since it would answer this delivery.
            if (earlier->deadline != 0)
                ++m_staleDeadlines;
            m_inFlight.erase(earlier);
            Q_EMIT messageTimedOut(msg.id);
            if (m_state == State::Disconnected)
                return false;
        }
        InFlight f;
        f.attempts = msg.attempts;
        f.receivedAt = m_clock.elapsed();
        if (m_server.msgTimeout > 0)
            f.deadline = f.receivedAt + m_server.msgTimeout;
        m_inFlight.insert(msg.id, f);
        if (f.deadline != 0) {
            m_deadlines.emplace_back(f.deadline, msg.id);
            if (!m_expiryTimer->isActive())
                scheduleExpiry();
        }
        if (!m_timedOut.isEmpty())
            m_timedOut.remove(msg.id); // delivered again
        m_lastMessageMs = nowMs();
        Q_EMIT messageReceived(msg);
        return m_state != State::Disconnected;
    }

    // Response frame
    if (handshaking)
        return handleHandshakeResponse(frame.data);
    if (frame.data == QByteArrayView(kHeartbeat)) {
        m_lastHeartbeatMs = nowMs();
        Q_EMIT heartbeatReceived();
        if (m_state == State::Disconnected)
            return false;
        queue(cmd::nop());
        return true;
    }
    if (frame.data == QByteArrayView(kCloseWait)) {
        m_closeWaitReceived = true;
        Q_EMIT responseReceived(frame.data.toByteArray());
        closeIfDrained();
        return m_state != State::Disconnected;
    }
    Q_EMIT responseReceived(frame.data.toByteArray());
    return m_state != State::Disconnected;
}

bool Conn::handleHandshakeResponse(QByteArrayView data)
{
    switch (m_state) {
    case State::Identifying: {
        const auto parsed = IdentifyResponse::parse(data);
        if (!parsed.ok()) {
            fail(Error::IdentifyError, QStringLiteral("IDENTIFY failed: %1").arg(parsed.error()));
            return false;
        }
        m_server = parsed.value();
        afterIdentify();
        break;
    }
    case State::UpgradingTls:
        if (data != QByteArrayView(kOk)) {
            fail(Error::TlsError, QStringLiteral("TLS upgrade failed: expected OK, got '%1'")
                                      .arg(QString::fromUtf8(head(data, 100))));
            return false;
        }
        afterTls();
        break;
    case State::UpgradingCompression:
        if (data != QByteArrayView(kOk)) {
            fail(Error::CompressionError,
                 QStringLiteral("compression upgrade failed: expected OK, got '%1'")
                     .arg(QString::fromUtf8(head(data, 100))));
            return false;
        }
        authenticateOrConnect();
        break;
    case State::Authenticating: {
        const auto parsed = AuthResponse::parse(data);
        if (!parsed.ok()) {
            fail(Error::AuthError, QStringLiteral("AUTH failed: %1").arg(parsed.error()));
            return false;
        }
        m_auth = parsed.value();
        becomeConnected();
        break;
    }
    default:
        break;
    }
    return m_state != State::Disconnected;
}

void Conn::afterIdentify()
{
    if (m_config.tlsV1 && !m_server.tlsV1) {
        fail(Error::TlsError, QStringLiteral("TLS was requested but %1 did not enable it "
                                             "(is nsqd running with --tls-cert and --tls-key?)")
                                  .arg(address()));
        return;
    }
    if (m_server.tlsV1) {
        if (m_decoder.bufferedSize() > 0) {
            fail(Error::ProtocolError,
                 QStringLiteral("unexpected plain-text data from %1 before the TLS handshake")
                     .arg(address()));
            return;
        }
        setState(State::UpgradingTls);
        m_handshakeTimer->start(m_config.readTimeout);
        m_socket->startClientEncryption();
        return;
    }
    afterTls();
}

void Conn::afterTls()
{
    if (m_server.snappy || m_server.deflate)
        startCompression();
    else
        authenticateOrConnect();
}

void Conn::startCompression()
{
    flush(); // anything queued so far was meant to go out uncompressed
    m_compression = m_server.snappy
                        ? makeSnappyStream()
                        : makeDeflateStream(m_server.deflateLevel > 0 ? m_server.deflateLevel
                                                                      : m_config.deflateLevel);
    setState(State::UpgradingCompression);
    // Whatever followed the IDENTIFY answer in the same read is already compressed.
    const QByteArray rest = m_decoder.takeBuffered();
    if (rest.isEmpty())
        return;
    QByteArray plain;
    if (!m_compression->decompress(rest, plain, kInflateStep)) {
        fail(Error::CompressionError, QStringLiteral("corrupt %1 stream from %2: %3")
                                          .arg(QLatin1String(m_compression->name()), address(),
                                               m_compression->errorString()));
        return;
    }
    m_decoder.feed(plain);
}

void Conn::authenticateOrConnect()
{
    if (!m_server.authRequired) {
        becomeConnected();
        return;
    }
    if (m_config.authSecret.isEmpty()) {
        fail(Error::AuthError,
             QStringLiteral(
                 "AUTH failed: %1 requires authorization but no auth secret is configured")
                 .arg(address()));
        return;
    }
    setState(State::Authenticating);
    m_handshakeTimer->start(m_config.readTimeout);
    queue(cmd::auth(m_config.authSecret.toUtf8()));
}

void Conn::becomeConnected()
{
    m_handshakeTimer->stop();
    m_wasConnected = true;
    if (m_config.heartbeatInterval > 0)
        m_heartbeatTimer->start(qMax(50, m_config.heartbeatInterval / 4));
    setState(State::Connected);
}

void Conn::onEncrypted()
{
    qCDebug(lcConn).noquote() << address() << "TLS established" << m_socket->sessionProtocol();
}

void Conn::onSslErrors(const QList<QSslError> &errors)
{
    m_sslErrors = errors;
}

void Conn::onSocketError()
{
    const auto err = m_socket->error();
    if (err == QAbstractSocket::RemoteHostClosedError)
        return; // handled by onSocketDisconnected, after the last bytes were read
    if (m_state == State::Disconnected)
        return;
    if (err == QAbstractSocket::SslHandshakeFailedError || m_state == State::UpgradingTls) {
        QStringList reasons;
        for (const QSslError &e : std::as_const(m_sslErrors))
            reasons << describeSslError(e);
        if (reasons.isEmpty())
            reasons << m_socket->errorString();
        fail(Error::TlsError,
             QStringLiteral("TLS handshake failed: %1").arg(reasons.join(QLatin1String("; "))));
        return;
    }
    fail(Error::SocketError,
         QStringLiteral("connection to %1 failed: %2").arg(address(), m_socket->errorString()));
}

void Conn::onSocketDisconnected()
{
    if (m_state == State::Disconnected)
        return;
    if (m_socket->bytesAvailable() > 0)
        onReadyRead();
    if (m_state == State::Disconnected)
        return;
    if (m_state == State::Closing && m_closeWaitReceived) {
        finalize();
        return;
    }
    if (m_state == State::UpgradingTls) {
        fail(Error::TlsError, QStringLiteral("TLS handshake failed: %1 closed the connection "
                                             "(does it require a client certificate?)")
                                  .arg(address()));
        return;
    }
    QString text = QStringLiteral("nsqd %1 closed the connection").arg(address());
    if (m_state != State::Connected && m_state != State::Closing)
        text += QStringLiteral(" during %1").arg(QLatin1String(stateVerb(m_state)));
    if (m_decoder.bufferedSize() > 0)
        text +=
            QStringLiteral(" in the middle of a frame (%1 bytes of an incomplete frame discarded)")
                .arg(m_decoder.bufferedSize());
    if (!m_inFlight.isEmpty())
        text += QStringLiteral("; %1 messages were in flight and will be redelivered by nsqd")
                    .arg(m_inFlight.size());
    fail(Error::RemoteClosed, text);
}

void Conn::onHeartbeatCheck()
{
    const qint64 limit = 2 * qint64(m_config.heartbeatInterval);
    if (m_sinceLastRead.elapsed() > limit)
        fail(Error::HeartbeatTimeout,
             QStringLiteral("nothing heard from %1 for %2 ms (two heartbeat intervals); connection "
                            "presumed dead")
                 .arg(address())
                 .arg(m_sinceLastRead.elapsed()));
}

void Conn::subscribe(const QString &topic, const QString &channel)
{
    if (!checkReady("SUB"))
        return;
    if (!isValidTopicName(topic)) {
        refuse(QStringLiteral("SUB refused: '%1' is not a valid topic name").arg(topic));
        return;
    }
    if (!isValidChannelName(channel)) {
        refuse(QStringLiteral("SUB refused: '%1' is not a valid channel name").arg(channel));
        return;
    }
    if (m_subscribed) {
        refuse(QStringLiteral("SUB refused: this connection is already subscribed"));
        return;
    }
    m_subscribed = true;
    queue(cmd::sub(topic.toLatin1(), channel.toLatin1()));
}

void Conn::setReady(qint64 count)
{
    if (!checkReady("RDY"))
        return;
    if (!m_subscribed) {
        refuse(QStringLiteral("RDY refused: subscribe first"));
        return;
    }
    if (count < 0 || count > m_server.maxRdyCount) {
        refuse(QStringLiteral("RDY %1 refused: out of range 0-%2 (the server's max_rdy_count)")
                   .arg(count)
                   .arg(m_server.maxRdyCount));
        return;
    }
    m_readyCount = count;
    m_lastReadyMs = nowMs();
    queue(cmd::rdy(count));
    Q_EMIT readyChanged(count);
}

qint64 Conn::deadlineOf(const MessageId &id) const
{
    const auto it = m_inFlight.constFind(id);
    if (it == m_inFlight.cend() || it->deadline == 0)
        return 0;
    return nowMs() + (it->deadline - m_clock.elapsed());
}

void Conn::refuseMessageAction(MessageAction action, const MessageId &id, const QString &why)
{
    const QString text = QStringLiteral("%1 %2 refused: %3")
                             .arg(QLatin1String(actionVerb(action)), id.toString(), why);
    qCInfo(lcConn).noquote() << address() << text;
    Q_EMIT messageActionRefused(action, id, text);
}

bool Conn::checkMessageAction(MessageAction action, const MessageId &id)
{
    if (m_state != State::Connected && m_state != State::Closing) {
        refuseMessageAction(
            action, id,
            QStringLiteral("the connection to %1 is not ready (%2)")
                .arg(address(),
                     QString::fromLatin1(QMetaEnum::fromType<State>().valueToKey(int(m_state)))));
        return false;
    }
    // Past its deadline it may still be held by nsqd (its scan has not looked yet): send anyway.
    if (m_inFlight.contains(id) || m_timedOut.contains(id))
        return true;
    refuseMessageAction(action, id,
                        QStringLiteral("the message is not in flight on this connection "
                                       "(already finished or requeued, or never received here)"));
    return false;
}

void Conn::onMessageActionError(const ServerError &error)
{
    // nsqd names the message: "E_FIN_FAILED FIN <id> failed ID not in flight".
    MessageAction action;
    if (error.code == "E_FIN_FAILED")
        action = MessageAction::Finish;
    else if (error.code == "E_REQ_FAILED")
        action = MessageAction::Requeue;
    else if (error.code == "E_TOUCH_FAILED")
        action = MessageAction::Touch;
    else
        return;
    const QList<QByteArray> words = error.description.split(' ');
    if (words.size() < 2 || words.at(1).size() != MessageId::Size) {
        qCWarning(lcConn).noquote()
            << address() << "cannot tell which message this error is about:" << error.toString();
        return;
    }
    Q_EMIT messageActionFailed(action, MessageId::fromBytes(words.at(1)), error.toString());
}

void Conn::finish(const MessageId &id)
{
    if (QThread::currentThread() != thread()) {
        QMetaObject::invokeMethod(
            this, [this, id] { finish(id); }, Qt::QueuedConnection);
        return;
    }
    if (!checkMessageAction(MessageAction::Finish, id))
        return;
    releaseInFlight(id);
    // As go-nsq's connection does: the delegate hears of it before the command is written.
    Q_EMIT messageFinished(id);
    Q_EMIT backoffResumed();
    queue(cmd::fin(id));
    closeIfDrained();
}

void Conn::requeue(const MessageId &id, qint64 delayMs, bool backoff)
{
    if (QThread::currentThread() != thread()) {
        QMetaObject::invokeMethod(
            this, [this, id, delayMs, backoff] { requeue(id, delayMs, backoff); },
            Qt::QueuedConnection);
        return;
    }
    if (delayMs < 0) {
        // nsqd closes the connection on a negative timeout.
        refuseMessageAction(MessageAction::Requeue, id,
                            QStringLiteral("delay %1 ms is negative").arg(delayMs));
        return;
    }
    if (!checkMessageAction(MessageAction::Requeue, id))
        return;
    releaseInFlight(id);
    // The backoff signal goes first: a consumer entering backoff sends RDY 0 before this REQ,
    // so nsqd cannot hand the requeued message (or another) straight back inside the window.
    Q_EMIT messageRequeued(id, delayMs);
    if (backoff)
        Q_EMIT backoffStarted();
    else
        Q_EMIT backoffContinued();
    if (m_state == State::Disconnected)
        return;
    queue(cmd::req(id, delayMs));
    closeIfDrained();
}

void Conn::touch(const MessageId &id)
{
    if (QThread::currentThread() != thread()) {
        QMetaObject::invokeMethod(
            this, [this, id] { touch(id); }, Qt::QueuedConnection);
        return;
    }
    if (!checkMessageAction(MessageAction::Touch, id))
        return;
    const auto found = m_inFlight.find(id);
    if (found != m_inFlight.end() && found->deadline != 0) {
        InFlight &f = *found;
        // nsqd restarts the timeout, but never beyond max_msg_timeout after delivery.
        const qint64 now = m_clock.elapsed();
        qint64 deadline = now + m_server.msgTimeout;
        if (m_server.maxMsgTimeout > 0)
            deadline = qMin(deadline, f.receivedAt + m_server.maxMsgTimeout);
        if (deadline > f.deadline) {
            f.deadline = deadline;
            ++m_staleDeadlines; // the entry for the old deadline
            // Usually the latest deadline: it goes at the back; keep the order if it is not.
            auto pos = m_deadlines.end();
            while (pos != m_deadlines.begin() && std::prev(pos)->first > deadline)
                --pos;
            m_deadlines.emplace(pos, deadline, id);
        }
    }
    queue(cmd::touch(id));
    Q_EMIT messageTouched(id);
}

void Conn::scheduleExpiry()
{
    while (!m_deadlines.empty()) {
        const auto &front = m_deadlines.front();
        const auto it = m_inFlight.constFind(front.second);
        if (it == m_inFlight.cend() || it->deadline != front.first) {
            m_deadlines.pop_front(); // answered, or touched: a later entry stands for it
            --m_staleDeadlines;
            continue;
        }
        m_expiryTimer->start(int(qMax<qint64>(0, front.first - m_clock.elapsed())));
        return;
    }
    m_expiryTimer->stop();
}

void Conn::expireMessages()
{
    const qint64 now = m_clock.elapsed();
    QList<MessageId> expired;
    while (!m_deadlines.empty() && m_deadlines.front().first <= now) {
        const auto [deadline, id] = m_deadlines.front();
        m_deadlines.pop_front();
        const auto it = m_inFlight.constFind(id);
        if (it == m_inFlight.cend() || it->deadline != deadline) {
            --m_staleDeadlines;
            continue;
        }
        rememberTimedOut(id, it->attempts);
        m_inFlight.erase(it);
        expired << id;
    }
    for (const MessageId &id : std::as_const(expired)) {
        Q_EMIT messageTimedOut(id);
        if (m_state == State::Disconnected)
            return;
    }
    scheduleExpiry();
    closeIfDrained();
}

bool Conn::isCurrentDelivery(const MessageId &id, quint16 attempts) const
{
    const auto f = m_inFlight.constFind(id);
    if (f != m_inFlight.cend())
        return f->attempts == attempts;
    const auto t = m_timedOut.constFind(id);
    return t != m_timedOut.cend() && *t == attempts;
}

void Conn::releaseInFlight(const MessageId &id)
{
    if (m_timedOut.remove(id))
        return; // a late answer: it left the in-flight set at its deadline
    const auto it = m_inFlight.constFind(id);
    if (it->deadline != 0)
        ++m_staleDeadlines;
    m_inFlight.erase(it);
    // Answered messages leave their deadline entries behind; once they are the majority, drop
    // them all, so that the queue stays a small multiple of what is in flight at any rate.
    if (m_staleDeadlines > 256 && m_staleDeadlines > qsizetype(m_deadlines.size()) / 2) {
        const auto stale = [this](const std::pair<qint64, MessageId> &e) {
            const auto f = m_inFlight.constFind(e.second);
            return f == m_inFlight.cend() || f->deadline != e.first;
        };
        m_deadlines.erase(std::remove_if(m_deadlines.begin(), m_deadlines.end(), stale),
                          m_deadlines.end());
        m_staleDeadlines = 0;
    }
}

void Conn::rememberTimedOut(const MessageId &id, quint16 attempts)
{
    m_timedOut.insert(id, attempts);
    m_timedOutOrder.push_back(id);
    while (qsizetype(m_timedOutOrder.size()) > kTimedOutMemory) {
        m_timedOut.remove(m_timedOutOrder.front());
        m_timedOutOrder.pop_front();
    }
}

void Conn::closeIfDrained()
{
    if (m_closeWaitReceived && m_inFlight.isEmpty() && m_state != State::Disconnected)
        finishClosing();
}

bool Conn::checkPublish(const char *command, const QString &topic)
{
    if (!checkReady(command))
        return false;
    if (isValidTopicName(topic))
        return true;
    refuse(QStringLiteral("%1 refused: '%2' is not a valid topic name")
               .arg(QLatin1String(command), topic));
    return false;
}

void Conn::publish(const QString &topic, const QByteArray &body)
{
    if (!checkPublish("PUB", topic))
        return;
    queue(cmd::pub(topic.toLatin1(), body));
}

void Conn::multiPublish(const QString &topic, const QByteArrayList &bodies)
{
    if (!checkPublish("MPUB", topic))
        return;
    if (bodies.isEmpty()) {
        refuse(QStringLiteral("MPUB refused: no messages"));
        return;
    }
    queue(cmd::mpub(topic.toLatin1(), bodies));
}

void Conn::deferredPublish(const QString &topic, qint64 delayMs, const QByteArray &body)
{
    if (!checkPublish("DPUB", topic))
        return;
    if (delayMs < 0) {
        refuse(QStringLiteral("DPUB refused: delay %1 ms is negative").arg(delayMs));
        return;
    }
    queue(cmd::dpub(topic.toLatin1(), delayMs, body));
}

void Conn::startClose()
{
    if (m_state == State::Closing)
        return;
    if (m_state != State::Connected || !m_subscribed) {
        abort();
        return;
    }
    setState(State::Closing);
    queue(cmd::cls());
    m_readyCount = 0; // nsqd sets RDY 0 when it takes CLS
}

void Conn::finishClosing()
{
    flush();
    m_socket->disconnectFromHost();
    if (m_socket->state() == QAbstractSocket::UnconnectedState)
        finalize();
}

void Conn::abort()
{
    if (m_state == State::Disconnected)
        return;
    closeSocketNow();
    finalize();
}

void Conn::traceSent(const QByteArray &command)
{
    TraceRecord r;
    r.direction = TraceRecord::Direction::Sent;
    r.timestampMs = nowMs();
    const qsizetype nl = command.indexOf('\n');
    const QByteArray line = nl < 0 ? command : command.left(nl);
    if (line == "  V2") {
        r.summary = QStringLiteral("MAGIC V2");
        r.raw = command;
    } else if (line == "AUTH") {
        r.summary = QStringLiteral("AUTH [secret hidden]");
        r.raw = "AUTH\n[secret hidden]";
    } else if (line == "IDENTIFY") {
        r.summary = QStringLiteral("IDENTIFY ") + QString::fromUtf8(command.mid(nl + 5));
        r.raw = command;
    } else {
        r.summary = QString::fromLatin1(line);
        if (nl >= 0 && command.size() > nl + 1)
            r.summary += QStringLiteral(" [%1-byte body]").arg(command.size() - nl - 5);
        r.raw = command;
    }
    Q_EMIT frameTraced(r);
}

void Conn::traceReceived(const FrameView &frame)
{
    TraceRecord r;
    r.direction = TraceRecord::Direction::Received;
    r.timestampMs = nowMs();
    QByteArray raw;
    raw.reserve(frame.data.size() + 8);
    appendBigEndian32(raw, quint32(frame.data.size() + 4));
    appendBigEndian32(raw, quint32(frame.type));
    raw.append(frame.data);
    r.raw = raw;
    switch (frame.type) {
    case FrameType::Response:
        r.summary = QStringLiteral("response: ") + QString::fromUtf8(head(frame.data, 512));
        break;
    case FrameType::Error:
        r.summary = QStringLiteral("error: ") + QString::fromUtf8(head(frame.data, 512));
        break;
    case FrameType::Message: {
        const auto m = decodeMessage(frame.data);
        r.summary = m.ok() ? QStringLiteral("message %1 attempts=%2 body=%3 bytes")
                                 .arg(m.value().id.toString())
                                 .arg(m.value().attempts)
                                 .arg(m.value().body.size())
                           : QStringLiteral("message (malformed: %1)").arg(m.error());
        break;
    }
    }
    Q_EMIT frameTraced(r);
}

} // namespace nsq
