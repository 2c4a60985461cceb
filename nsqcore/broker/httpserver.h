#pragma once

#include "httprequestparser.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QUrlQuery>

#include <functional>
#include <map>

class QTcpServer;

namespace nsq::http {

enum class Status : int {
    Ok = 200,
    BadRequest = 400,
    NotFound = 404,
    MethodNotAllowed = 405,
    PayloadTooLarge = 413,
    InternalServerError = 500,
    ServiceUnavailable = 503,
};
enum class Method { Get, Post, Put, Delete, Head, Other };

// A request as a handler sees it.
class Request
{
public:
    explicit Request(HttpRequestData data);
    Method method() const { return m_method; }
    QString path() const { return m_path; }
    QUrlQuery query() const { return m_query; }
    const QByteArray &body() const { return m_data.body; }
    // A header's value (the first, when repeated); empty when absent.
    QByteArray value(QByteArrayView name) const;
    bool keepAlive() const { return m_keepAlive; }
    bool isHttp10() const { return m_http10; }

private:
    HttpRequestData m_data;
    Method m_method;
    bool m_keepAlive;
    bool m_http10;
    QString m_path;
    QUrlQuery m_query;
};

class Response
{
public:
    explicit Response(Status status = Status::Ok) : m_status(status) {}
    Response(const QByteArray &contentType, const QByteArray &body, Status status = Status::Ok);
    void setHeader(const QByteArray &name, const QByteArray &value);
    void clearHeader(const QByteArray &name);
    Status status() const { return m_status; }
    const QByteArray &body() const { return m_body; }
    // As it goes on the wire (HTTP/1.1), with Content-Length, and "Connection: close" if asked.
    QByteArray serialize(bool close, bool withBody = true, bool http10 = false) const;

private:
    Status m_status;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    QByteArray m_body;
};

// The HTTP/1.1 server of the broker's API and its lookupd role. Small on purpose: it reads each
// connection with HttpRequestParser (nsqd's header and body limits hold before anything is
// kept), answers requests in order, one at a time, and stops reading a client that does not
// read its answers, so that no client can make it hold more than about one request and a
// little output, however it sends.
class Server : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<Response(const Request &)>;
    using ArgHandler = std::function<Response(const QString &arg, const Request &)>;

    explicit Server(HttpRequestParser::Limits limits, QObject *parent = nullptr);
    ~Server() override;

    void route(const QString &path, Handler handler);
    // "/topic/" + one path segment, given to the handler.
    void routeWithArg(const QString &prefix, ArgHandler handler);
    void setMissingHandler(Handler handler) { m_missing = std::move(handler); }
    // Sees every answer before it goes (common headers).
    void afterRequest(std::function<void(Response &, const Request &)> hook)
    {
        m_after = std::move(hook);
    }

    // Returns the port, or 0 with errorString() set.
    quint16 listen(const QHostAddress &address, quint16 port);
    QString errorString() const;
    // Clients not read from until they read their answers (for tests and the log).
    int connectionsWaitingForOutput() const { return m_waitingForOutput; }
    // The most answers one connection ever had waiting to be written (for tests).
    qint64 peakPendingOutput() const { return m_peakPendingOutput; }

private:
    friend class Connection;
    Response dispatch(const Request &request) const;
    void connectionGone();

    HttpRequestParser::Limits m_limits;
    QTcpServer *m_tcp;
    std::map<QString, Handler> m_routes;
    std::map<QString, ArgHandler> m_argRoutes;
    Handler m_missing;
    std::function<void(Response &, const Request &)> m_after;
    int m_waitingForOutput = 0;
    int m_connections = 0;
    qint64 m_peakPendingOutput = 0;
    int m_acceptBackoffMs = 0;
};

} // namespace nsq::http
