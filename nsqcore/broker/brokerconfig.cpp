#include "brokerconfig.h"

#include <QHostInfo>

namespace nsq {

QStringList BrokerConfig::validate() const
{
    QStringList p;
    if (maxMsgSize < 1)
        p << QStringLiteral("max-msg-size: must be positive");
    if (maxBodySize < maxMsgSize)
        p << QStringLiteral("max-body-size: must be at least max-msg-size");
    if (maxRdyCount < 1)
        p << QStringLiteral("max-rdy-count: must be positive");
    if (msgTimeout < 1 || msgTimeout > maxMsgTimeout)
        p << QStringLiteral("msg-timeout: must be between 1 ms and max-msg-timeout");
    if (maxPendingOutput < 64 * 1024)
        p << QStringLiteral("max-pending-output: must be at least 64 KiB");
    if (maxInflateRatio < 2)
        p << QStringLiteral("max-inflate-ratio: must be at least 2");
    if (maxMemoryBytes < 0)
        p << QStringLiteral("max-memory: must not be negative");
    if (maxTopicMessages < 1)
        p << QStringLiteral("max-topic-messages: must be positive");
    return p;
}

QString BrokerConfig::effectiveBroadcastAddress() const
{
    if (!broadcastAddress.isEmpty())
        return broadcastAddress;
    if (tcpAddress == QHostAddress::Any || tcpAddress == QHostAddress::AnyIPv4 ||
        tcpAddress == QHostAddress::AnyIPv6)
        return QHostInfo::localHostName();
    return tcpAddress.toString();
}

} // namespace nsq
