#include "httpserver.h"

#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

#include <sys/resource.h>

namespace nsq::http {

namespace {
// Read a piece at a time; a connection answers at most this many requests in one turn of the
// event loop, then the other connections (and the broker's TCP clients) have theirs.
constexpr qint64 kReadChunk = 16 * 1024;
constexpr int kRequestsPerTurn = 64;
// A client with this much of its answers unread gets no more answers (and nothing more is read
// from it) until it catches up: like Go's server, blocked on its write.
constexpr qint64 kMaxPendingOutput = 32 * 1024;
// Connections served at once; past it the listening socket waits, and clients in the kernel's
// backlog. Half the file descriptors left at most: running out of them makes Qt 6.4 retry the
// failing accept() in a busy loop.
int maxConnections()
{
    static const int n = [] {
        rlimit r{};
        if (getrlimit(RLIMIT_NOFILE, &r) != 0 || r.rlim_cur == RLIM_INFINITY)
            return 1024;
        return int(qBound<rlim_t>(8, (r.rlim_cur > 64 ? r.rlim_cur - 64 : 16) / 2, 1024));
    }();
    return n;
}
// After a refusal the client's remaining bytes are read and dropped for this long, so that the
// answer reaches it before the close (a close with unread input resets the connection).
constexpr int kLingerMs = 250;
constexpr int kCloseDeadlineMs = 2000;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 413:
        return "Request Entity Too Large";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    }
    return "Unknown";
}

Method methodOf(const QByteArray &m)
{
    if (m == "GET")
        return Method::Get;
    if (m == "POST")
        return Method::Post;
    if (m == "PUT")
        return Method::Put;
    if (m == "DELETE")
        return Method::Delete;
    if (m == "HEAD")
        return Method::Head;
    return Method::Other;
}
} // namespace

Request::Request(HttpRequestData data)
    : m_data(std::move(data)), m_method(methodOf(m_data.method)), m_keepAlive(m_data.keepAlive()),
      m_http10(m_data.version == "HTTP/1.0")
{
    const QUrl url = QUrl::fromEncoded(m_data.target);
    m_path = url.path();
    m_query = QUrlQuery(url);
}

QByteArray Request::value(QByteArrayView name) const
{
    return m_data.header(name.toByteArray().toLower());
}

Response::Response(const QByteArray &contentType, const QByteArray &body, Status status)
    : m_status(status), m_body(body)
{
    m_headers.append({QByteArrayLiteral("Content-Type"), contentType});
}

void Response::setHeader(const QByteArray &name, const QByteArray &value)
{
    clearHeader(name);
    m_headers.append({name, value});
}

void Response::clearHeader(const QByteArray &name)
{
    m_headers.removeIf(
        [&](const auto &h) { return h.first.compare(name, Qt::CaseInsensitive) == 0; });
}

QByteArray Response::serialize(bool close, bool withBody, bool http10) const
{
    const int status = int(m_status);
    QByteArray out = (http10 ? "HTTP/1.0 " : "HTTP/1.1 ") + QByteArray::number(status) + ' ' +
                     reasonPhrase(status) + "\r\n";
    for (const auto &h : m_headers)
        out += h.first + ": " + h.second + "\r\n";
    out += "Content-Length: " + QByteArray::number(m_body.size()) + "\r\n";
    if (close)
        out += "Connection: close\r\n";
    else if (http10) // an HTTP/1.0 client keeps the connection only when told
        out += "Connection: keep-alive\r\n";
    out += "\r\n";
    if (withBody)
        out += m_body;
    return out;
}

// One client: its bytes through the parser, its requests answered in order.
class Connection : public QObject
{
public:
    ~Connection() override
    {
        setWaiting(false);
        --m_server->m_connections;
        m_server->connectionGone();
    }

    Connection(QTcpSocket *socket, Server *server)
        : QObject(socket), m_socket(socket), m_server(server), m_parser(server->m_limits)
    {
        ++m_server->m_connections;
        // Unread input stays in the kernel (the client is slowed down) instead of here.
        m_socket->setReadBufferSize(kReadChunk);
        connect(m_socket, &QTcpSocket::readyRead, this, &Connection::read);
        connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
            if (m_waitingForOutput && m_socket->bytesToWrite() < kMaxPendingOutput / 4) {
                setWaiting(false);
                read();
            }
        });
        connect(m_socket, &QTcpSocket::disconnected, m_socket, &QObject::deleteLater);
    }

private:
    void read()
    {
        if (m_closing) {
            m_socket->skip(m_socket->bytesAvailable());
            return;
        }
        // One request at a time: parsed, answered, and only then the next, so that what a client
        // pipelines waits in its own socket, not here.
        for (int answered = 0; answered < kRequestsPerTurn;) {
            if (m_socket->bytesToWrite() > kMaxPendingOutput) {
                setWaiting(true); // bytesWritten resumes
                return;
            }
            if (m_inPos >= m_in.size()) {
                m_in = m_socket->read(kReadChunk);
                m_inPos = 0;
                if (m_in.isEmpty())
                    return; // readyRead brings more
            }
            m_inPos += m_parser.feedUntilRequest(QByteArrayView(m_in).sliced(m_inPos));
            if (m_parser.hasRequest()) {
                const Request request(m_parser.takeRequest());
                Response response = m_server->dispatch(request);
                const bool close = !request.keepAlive();
                m_socket->write(response.serialize(close, request.method() != Method::Head,
                                                   request.isHttp10()));
                m_server->m_peakPendingOutput =
                    qMax(m_server->m_peakPendingOutput, m_socket->bytesToWrite());
                ++answered;
                if (close) {
                    closeSoon();
                    return;
                }
            }
            if (m_parser.refusal().status != 0) {
                refuse();
                return;
            }
            if (m_parser.takeContinueRequest())
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        }
        // More may wait: another turn, after the others had theirs.
        QTimer::singleShot(0, this, &Connection::read);
    }

    void setWaiting(bool waiting)
    {
        if (waiting != m_waitingForOutput)
            m_server->m_waitingForOutput += waiting ? 1 : -1;
        m_waitingForOutput = waiting;
    }

    void refuse()
    {
        const HttpRequestParser::Refusal &r = m_parser.refusal();
        Response response;
        if (r.code.isEmpty()) { // Go's net/http answers these itself, in plain text
            response = Response(QByteArrayLiteral("text/plain; charset=utf-8"),
                                QByteArray::number(r.status) + ' ' + r.reason, Status(r.status));
        } else {
            response = Response(QByteArrayLiteral("application/json; charset=utf-8"),
                                R"({"message":")" + r.code + R"("})", Status(r.status));
            response.setHeader(QByteArrayLiteral("X-NSQ-Content-Type"),
                               QByteArrayLiteral("nsq; version=1.0"));
        }
        m_socket->write(response.serialize(true));
        closeSoon();
    }

    void closeSoon()
    {
        m_closing = true;
        m_socket->skip(m_socket->bytesAvailable());
        QTimer::singleShot(kLingerMs, this, [this] { m_socket->disconnectFromHost(); });
        QTimer::singleShot(kCloseDeadlineMs, this, [this] { m_socket->abort(); });
    }

    friend class Server;
    QTcpSocket *m_socket;
    Server *m_server;
    HttpRequestParser m_parser;
    QByteArray m_in; // read from the socket, not yet parsed from m_inPos on
    qsizetype m_inPos = 0;
    bool m_closing = false;
    bool m_waitingForOutput = false;
};

Server::Server(HttpRequestParser::Limits limits, QObject *parent)
    : QObject(parent), m_limits(std::move(limits)), m_tcp(new QTcpServer(this))
{
    connect(m_tcp, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *s = m_tcp->nextPendingConnection()) {
            new Connection(s, this);
            if (m_connections >= maxConnections())
                m_tcp->pauseAccepting(); // resumed as connections go
        }
    });
    // Out of file descriptors: the listening socket stays readable and accepting fails again at
    // once. Wait, longer each time (as Go's server does), instead of spinning.
    connect(m_tcp, &QTcpServer::acceptError, this, [this](QAbstractSocket::SocketError) {
        m_tcp->pauseAccepting();
        m_acceptBackoffMs = qBound(5, m_acceptBackoffMs * 2, 1000);
        QTimer::singleShot(m_acceptBackoffMs, this, [this] {
            if (m_tcp && m_connections < maxConnections())
                m_tcp->resumeAccepting();
        });
    });
}

void Server::connectionGone()
{
    if (m_tcp && m_connections < maxConnections())
        m_tcp->resumeAccepting();
    m_acceptBackoffMs = 0;
}

Server::~Server()
{
    // The connections (children of the listening socket) go while this object is whole.
    delete std::exchange(m_tcp, nullptr);
}

void Server::route(const QString &path, Handler handler)
{
    m_routes[path] = std::move(handler);
}

void Server::routeWithArg(const QString &prefix, ArgHandler handler)
{
    m_argRoutes[prefix] = std::move(handler);
}

quint16 Server::listen(const QHostAddress &address, quint16 port)
{
    return m_tcp->listen(address, port) ? m_tcp->serverPort() : 0;
}

QString Server::errorString() const
{
    return m_tcp->errorString();
}

Response Server::dispatch(const Request &request) const
{
    Response response;
    const QString path = request.path();
    if (const auto it = m_routes.find(path); it != m_routes.end()) {
        response = it->second(request);
    } else {
        bool found = false;
        for (const auto &[prefix, handler] : m_argRoutes) {
            const QString rest = path.startsWith(prefix) ? path.mid(prefix.size()) : QString();
            if (!rest.isEmpty() && !rest.contains(QLatin1Char('/'))) {
                response = handler(rest, request);
                found = true;
                break;
            }
        }
        if (!found)
            response = m_missing ? m_missing(request) : Response(Status::NotFound);
    }
    if (m_after)
        m_after(response, request);
    return response;
}

} // namespace nsq::http
