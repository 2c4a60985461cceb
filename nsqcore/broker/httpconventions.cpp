#include "httpconventions.h"

#include <QHttpServer>
#include <QJsonDocument>
#include <QJsonObject>

namespace nsq::http {

namespace {
const QByteArray kJson = QByteArrayLiteral("application/json; charset=utf-8");
const QByteArray kText = QByteArrayLiteral("text/plain; charset=utf-8");
} // namespace

QHttpServerResponse json(const QJsonObject &body, QHttpServerResponse::StatusCode status)
{
    return QHttpServerResponse(kJson, QJsonDocument(body).toJson(QJsonDocument::Compact), status);
}

QHttpServerResponse error(QHttpServerResponse::StatusCode status, const char *code)
{
    return json(QJsonObject{{QStringLiteral("message"), QLatin1String(code)}}, status);
}

QHttpServerResponse text(const QByteArray &body)
{
    return QHttpServerResponse(kText, body);
}

QHttpServerResponse jsonValue(const QByteArray &encoded)
{
    return QHttpServerResponse(kJson, encoded);
}

QHttpServerResponse empty()
{
    QHttpServerResponse r(QHttpServerResponse::StatusCode::Ok);
    r.clearHeader(QByteArrayLiteral("Content-Type")); // nsqd sends none
    return r;
}

bool wrongMethod(const QHttpServerRequest &request, QHttpServerRequest::Method allowed)
{
    return request.method() != allowed;
}

QHttpServerResponse methodNotAllowed()
{
    return error(QHttpServerResponse::StatusCode::MethodNotAllowed, "METHOD_NOT_ALLOWED");
}

void applyConventions(QHttpServer &server)
{
    server.afterRequest([](QHttpServerResponse &&response, const QHttpServerRequest &request) {
        // nsqd leaves it off its one plain-text answer, GET /ping's OK.
        if (request.url().path() != QLatin1String("/ping") ||
            request.method() != QHttpServerRequest::Method::Get)
            response.setHeader(QByteArrayLiteral("X-NSQ-Content-Type"),
                               QByteArrayLiteral("nsq; version=1.0"));
        return std::move(response);
    });
    server.setMissingHandler([](const QHttpServerRequest &, QHttpServerResponder &&responder) {
        responder.write(
            QByteArrayLiteral(R"({"message":"NOT_FOUND"})"),
            {{QByteArrayLiteral("Content-Type"), kJson},
             {QByteArrayLiteral("X-NSQ-Content-Type"), QByteArrayLiteral("nsq; version=1.0")}},
            QHttpServerResponder::StatusCode::NotFound);
    });
}

} // namespace nsq::http
