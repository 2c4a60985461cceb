#pragma once

#include <QHostAddress>
#include <QString>
#include <QStringList>

namespace nsq {

// Settings of the embedded broker. Defaults follow nsqd's; listening is on loopback unless asked.
struct BrokerConfig
{
    QHostAddress tcpAddress = QHostAddress::LocalHost;
    quint16 tcpPort = 0; // 0: any free port
    QHostAddress httpAddress = QHostAddress::LocalHost;
    quint16 httpPort = 0;
    qint64 maxMsgSize = 1024 * 1024;
    qint64 maxBodySize = 5 * 1024 * 1024;
    int maxRdyCount = 2500;
    int msgTimeout = 60 * 1000;
    int maxMsgTimeout = 15 * 60 * 1000;
    int maxReqTimeout = 60 * 60 * 1000;
    int maxHeartbeatInterval = 60 * 1000;
    qint64 maxTopicMessages = 100000; // memory bound per topic and per channel
    // Bytes of messages held in all topics and channels together (each message once, with
    // Broker::kMessageOverhead, however many channels hold it); a publish that would pass it is
    // refused. 0: no bound.
    qint64 maxMemoryBytes = qint64(1) << 30;
    // Bytes waiting to be sent to one client that stopped reading; past it, it is disconnected.
    qint64 maxPendingOutput = 64 * 1024 * 1024;
    // A client's compressed stream may inflate to at most this many times its size (counted
    // once past 4 MiB inflated); beyond it, the client is sent E_BAD_BODY and disconnected.
    qint64 maxInflateRatio = 250;
    int defaultHeartbeatInterval = 30 * 1000;
    QString tlsCertFile; // TLS is offered when both are set
    QString tlsKeyFile;
    QString authSecret; // AUTH is required when set
    QString authIdentity = QStringLiteral("demo");
    QString version = QStringLiteral("1.3.0");
    // The address its lookupd role gives consumers. Empty: the TCP listen address, or this
    // host's name when listening on every interface (nsqd's default).
    QString broadcastAddress;
    QString effectiveBroadcastAddress() const;

    QStringList validate() const;
};

} // namespace nsq
