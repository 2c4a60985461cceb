#pragma once

#include <QHttpServerRequest>
#include <QHttpServerResponse>

class QHttpServer;

namespace nsq {

// How nsqd and nsqlookupd answer over HTTP, shared by the broker's API and its lookupd role:
// JSON as "application/json; charset=utf-8", every answer but /ping marked
// "X-NSQ-Content-Type: nsq; version=1.0" (go-nsq and nsqadmin read unwrapped JSON only when it is
// there), errors as {"message": CODE}, and unknown paths as 404 NOT_FOUND.
namespace http {

QHttpServerResponse
json(const QJsonObject &body,
     QHttpServerResponse::StatusCode status = QHttpServerResponse::StatusCode::Ok);
QHttpServerResponse error(QHttpServerResponse::StatusCode status, const char *code);
QHttpServerResponse text(const QByteArray &body);
// A JSON value that is not an object (a number, say), as /config/<option> answers.
QHttpServerResponse jsonValue(const QByteArray &encoded);
// 200 with no body and no content type, as nsqd's admin verbs answer.
QHttpServerResponse empty();
// True when the request's method is not `allowed`; the route then answers methodNotAllowed(),
// as nsqd's and nsqlookupd's routers do (405, where QHttpServer's own method filter says 404).
bool wrongMethod(const QHttpServerRequest &request,
                 QHttpServerRequest::Method allowed = QHttpServerRequest::Method::Get);
QHttpServerResponse methodNotAllowed();
// Adds the headers to every answer of the server and the 404 for unknown paths.
void applyConventions(QHttpServer &server);

} // namespace http
} // namespace nsq
