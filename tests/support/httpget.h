#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QString>

// Blocking-looking HTTP calls for tests, waiting with QTest::qWaitFor (the event loop runs).
struct HttpResult
{
    int status = 0; // 0: no answer
    QByteArray body;
    QByteArray contentType;    // empty when the answer had none
    QByteArray nsqContentType; // X-NSQ-Content-Type
    QJsonObject json() const;
};

class TestHttp
{
public:
    explicit TestHttp(QString base) : m_base(std::move(base)) {}
    HttpResult get(const QString &pathAndQuery, int timeoutMs = 15000);
    HttpResult request(const QByteArray &verb, const QString &pathAndQuery,
                       const QByteArray &body = {}, int timeoutMs = 15000)
    {
        return run(verb, pathAndQuery, body, timeoutMs);
    }
    HttpResult post(const QString &pathAndQuery, const QByteArray &body = {},
                    int timeoutMs = 15000);
    const QString &base() const { return m_base; }

private:
    HttpResult run(const QByteArray &verb, const QString &pathAndQuery, const QByteArray &body,
                   int timeoutMs);
    QString m_base;
    QNetworkAccessManager m_nam;
};
