#pragma once

#include "httpget.h"

#include <broker/broker.h>
#include <broker/lookupd.h>

#include <QJsonObject>
#include <QString>

#include <memory>

// The server a conformance suite runs against: the real nsqd (and nsqlookupd) named by
// NSQD_TCP_ADDRESS, NSQD_HTTP_ADDRESS and NSQLOOKUPD_HTTP_ADDRESS, or else an embedded broker
// with its lookupd role. Suites observe it only through the protocol and the HTTP API, so that
// the same case judges both.
class ServerTarget
{
public:
    // Empty, or why the target cannot be used.
    QString start();
    bool isReal() const { return !m_broker; }
    QString describe() const;

    const QString &host() const { return m_host; }
    quint16 tcpPort() const { return m_port; }
    QString tcpAddress() const { return QStringLiteral("%1:%2").arg(m_host).arg(m_port); }
    TestHttp &http() { return *m_http; }
    TestHttp *lookup() { return m_lookup.get(); } // null when no lookupd was named
    nsq::Broker *broker() { return m_broker.get(); }

    // A fresh random name, so that cases never meet on a shared server.
    static QString freshName(const char *prefix);
    // The entries of /stats for a topic and for one of its channels; empty when absent.
    QJsonObject topicStats(const QString &topic);
    QJsonObject channelStats(const QString &topic, const QString &channel);
    // POST /pub or /mpub (newline separated); true on 200.
    bool publish(const QString &topic, const QByteArray &body, qint64 deferMs = 0);
    bool publishMany(const QString &topic, const QByteArrayList &bodies);

private:
    std::unique_ptr<nsq::Broker> m_broker;
    std::unique_ptr<nsq::Lookupd> m_lookupd;
    QString m_host;
    quint16 m_port = 0;
    std::unique_ptr<TestHttp> m_http;
    std::unique_ptr<TestHttp> m_lookup;
};
