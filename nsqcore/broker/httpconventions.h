#pragma once

#include "httpserver.h"

#include <QJsonObject>

namespace nsq {

// How nsqd and nsqlookupd answer over HTTP, shared by the broker's API and its lookupd role:
// JSON as "application/json; charset=utf-8", every answer but /ping marked
// "X-NSQ-Content-Type: nsq; version=1.0" (go-nsq and nsqadmin read unwrapped JSON only when it is
// there), errors as {"message": CODE}, and unknown paths as 404 NOT_FOUND.
namespace http {

Response json(const QJsonObject &body, Status status = Status::Ok);
Response error(Status status, const char *code);
Response text(const QByteArray &body);
// A JSON value that is not an object (a number, say), as /config/<option> answers.
Response jsonValue(const QByteArray &encoded);
// 200 with no body and no content type, as nsqd's admin verbs answer.
Response empty();
// True when the request's method is not `allowed`; the route then answers methodNotAllowed(),
// as nsqd's and nsqlookupd's routers do.
bool wrongMethod(const Request &request, Method allowed = Method::Get);
Response methodNotAllowed();
// Adds the headers to every answer of the server and the 404 for unknown paths.
void applyConventions(Server &server);

} // namespace http
} // namespace nsq
