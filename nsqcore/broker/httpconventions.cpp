#include "httpconventions.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace nsq::http {

namespace {
const QByteArray kJson = QByteArrayLiteral("application/json; charset=utf-8");
const QByteArray kText = QByteArrayLiteral("text/plain; charset=utf-8");
} // namespace

Response json(const QJsonObject &body, Status status)
{
    return Response(kJson, QJsonDocument(body).toJson(QJsonDocument::Compact), status);
}

Response error(Status status, const char *code)
{
    return json(QJsonObject{{QStringLiteral("message"), QLatin1String(code)}}, status);
}

Response text(const QByteArray &body)
{
    return Response(kText, body);
}

Response jsonValue(const QByteArray &encoded)
{
    return Response(kJson, encoded);
}

Response empty()
{
    return Response(Status::Ok); // nsqd sends no content type here
}

bool wrongMethod(const Request &request, Method allowed)
{
    return request.method() != allowed;
}

Response methodNotAllowed()
{
    return error(Status::MethodNotAllowed, "METHOD_NOT_ALLOWED");
}

void applyConventions(Server &server)
{
    server.afterRequest([](Response &response, const Request &request) {
        // nsqd leaves it off its one plain-text answer, GET /ping's OK.
        if (request.path() != QLatin1String("/ping") || request.method() != Method::Get)
            response.setHeader(QByteArrayLiteral("X-NSQ-Content-Type"),
                               QByteArrayLiteral("nsq; version=1.0"));
    });
    server.setMissingHandler([](const Request &) { return error(Status::NotFound, "NOT_FOUND"); });
}

} // namespace nsq::http
