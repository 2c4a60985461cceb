#include "httprequestguard.h"

#include <QAbstractHttpServer>
#include <QTcpSocket>
#include <QTimer>

namespace nsq {

namespace {
// After a refusal the client's remaining bytes are read and dropped for this long, so that the
// answer reaches it before the close (a close with unread input resets the connection).
constexpr int kLingerMs = 250;
// Whatever the client does, a refused connection is gone after this long.
constexpr int kCloseDeadlineMs = 2000;

QByteArray refusalResponse(const HttpRequestFramer::Refusal &r)
{
    QByteArray body;
    QByteArray headers;
    if (r.code.isEmpty()) {
        // Go's net/http answers these itself, in plain text.
        body = QByteArray::number(r.status) + ' ' + r.reason;
        headers = "Content-Type: text/plain; charset=utf-8\r\n";
    } else {
        body = R"({"message":")" + r.code + R"("})";
        headers = "Content-Type: application/json; charset=utf-8\r\n"
                  "X-Nsq-Content-Type: nsq; version=1.0\r\n";
    }
    return "HTTP/1.1 " + QByteArray::number(r.status) + ' ' + r.reason + "\r\n" + headers +
           "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" +
           body;
}
} // namespace

// One connection's guard. QHttpServer reads everything a socket has whenever it signals
// readyRead, inside a transaction it commits at the end of each request, so the bytes it has not
// read yet are always the socket's last bytesAvailable(). This object sees each readyRead both
// before QHttpServer (to frame the new bytes and refuse in time) and after it (to note how many
// it left unread).
class GuardedConnection : public QObject
{
public:
    GuardedConnection(QTcpSocket *socket, HttpRequestGuard *guard)
        : QObject(socket), m_socket(socket), m_guard(guard), m_framer(guard->m_limits)
    {
    }

    void beforeServer()
    {
        if (m_refused) {
            discardInput();
            return;
        }
        const qint64 available = m_socket->bytesAvailable();
        if (available > m_unreadSeen) {
            const QByteArray pending = m_socket->peek(available);
            const QByteArrayView fresh = QByteArrayView(pending).sliced(m_unreadSeen);
            if (!m_framer.feed(fresh)) {
                refuse();
                return;
            }
            // QHttpServer 6.4 does not answer "Expect: 100-continue"; curl would wait a second.
            if (m_framer.takeContinueRequest())
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        }
        m_unreadSeen = available;
    }

    void afterServer() { m_unreadSeen = m_refused ? 0 : m_socket->bytesAvailable(); }

private:
    void refuse()
    {
        m_refused = true;
        const HttpRequestFramer::Refusal &r = m_framer.refusal();
        ++m_guard->m_refused;
        Q_EMIT m_guard->refused(m_socket->peerAddress().toString(), r.status,
                                QString::fromLatin1(r.code.isEmpty() ? r.reason : r.code));
        // QHttpServer sees no more of this connection; it still deletes the socket on close.
        QObject::disconnect(m_socket, &QTcpSocket::readyRead, m_guard->m_server, nullptr);
        discardInput();
        m_socket->write(refusalResponse(r));
        QTimer::singleShot(kLingerMs, this, [this] { m_socket->disconnectFromHost(); });
        QTimer::singleShot(kCloseDeadlineMs, this, [this] { m_socket->abort(); });
    }

    void discardInput()
    {
        if (m_socket->isTransactionStarted())
            m_socket->commitTransaction();
        m_socket->skip(m_socket->bytesAvailable());
    }

    QTcpSocket *m_socket;
    HttpRequestGuard *m_guard;
    HttpRequestFramer m_framer;
    qint64 m_unreadSeen = 0;
    bool m_refused = false;
};

HttpRequestGuard::HttpRequestGuard(HttpRequestFramer::Limits limits, QObject *parent)
    : QTcpServer(parent), m_limits(std::move(limits))
{
}

bool HttpRequestGuard::serve(QAbstractHttpServer *server, const QHostAddress &address, quint16 port)
{
    if (!listen(address, port))
        return false;
    m_server = server;
    server->bind(this);
    return true;
}

void HttpRequestGuard::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    auto *guard = new GuardedConnection(socket, this);
    connect(socket, &QTcpSocket::readyRead, guard, &GuardedConnection::beforeServer);
    // QHttpServer takes the socket from here, directly, and connects its reader...
    addPendingConnection(socket);
    // ...so this one runs after it.
    connect(socket, &QTcpSocket::readyRead, guard, &GuardedConnection::afterServer);
}

} // namespace nsq
