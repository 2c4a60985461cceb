#pragma once

#include "httprequestframer.h"

#include <QTcpServer>

class QAbstractHttpServer;

namespace nsq {

// The listening socket of an HTTP API served by QHttpServer, with nsqd's bounds on what a client
// may send: QHttpServer 6.4 keeps a whole request in memory however big it is, so each
// connection's bytes are framed as they arrive (HttpRequestFramer) and a request whose headers or
// body pass the limits is answered here (431, or 413 with nsqd's message) and the connection
// closed, before QHttpServer reads the rest.
class HttpRequestGuard : public QTcpServer
{
    Q_OBJECT
public:
    HttpRequestGuard(HttpRequestFramer::Limits limits, QObject *parent = nullptr);

    // Listens, then hands the connections to `server` (which becomes this object's parent).
    bool serve(QAbstractHttpServer *server, const QHostAddress &address, quint16 port);

    // How many requests were refused, for tests and the log.
    int refusedCount() const { return m_refused; }

Q_SIGNALS:
    void refused(const QString &peer, int status, const QString &why);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    friend class GuardedConnection;
    HttpRequestFramer::Limits m_limits;
    QAbstractHttpServer *m_server = nullptr;
    int m_refused = 0;
};

} // namespace nsq
