#include "httpget.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QTest>

QJsonObject HttpResult::json() const
{
    return QJsonDocument::fromJson(body).object();
}

HttpResult TestHttp::get(const QString &pathAndQuery, int timeoutMs)
{
    return run("GET", pathAndQuery, {}, timeoutMs);
}

HttpResult TestHttp::post(const QString &pathAndQuery, const QByteArray &body, int timeoutMs)
{
    return run("POST", pathAndQuery, body, timeoutMs);
}

HttpResult TestHttp::run(const QByteArray &verb, const QString &pathAndQuery,
                         const QByteArray &body, int timeoutMs)
{
    QNetworkRequest req(QUrl(m_base + pathAndQuery));
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/octet-stream"));
    QNetworkReply *reply = m_nam.sendCustomRequest(req, verb, body);
    HttpResult r;
    if (QTest::qWaitFor([reply] { return reply->isFinished(); }, timeoutMs)) {
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        r.contentType = reply->rawHeader("Content-Type");
        r.nsqContentType = reply->rawHeader("X-NSQ-Content-Type");
    }
    reply->deleteLater();
    return r;
}
