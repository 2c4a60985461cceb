#pragma once

#include "result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace nsq {

// The client's IDENTIFY body. Field names on the wire are nsqd's; times are milliseconds.
struct IdentifyRequest
{
    QString clientId;
    QString hostname;
    QString userAgent;
    bool featureNegotiation = true;
    int heartbeatInterval = 30000; // -1 disables heartbeats
    int outputBufferSize = 16384;  // -1 disables output buffering
    int outputBufferTimeout = 250; // -1 disables the timeout
    bool tlsV1 = false;
    bool snappy = false;
    bool deflate = false;
    int deflateLevel = 6;
    int sampleRate = 0; // 0..99
    int msgTimeout = 0; // 0 leaves the server's default

    QByteArray toJson() const;
};

// nsqd's answer to IDENTIFY: either the plain "OK" (no negotiation) or the negotiated settings.
struct IdentifyResponse
{
    bool negotiated = false; // false when the server answered a plain OK
    qint64 maxRdyCount = 2500;
    QString version;
    qint64 maxMsgTimeout = 0;
    qint64 msgTimeout = 0;
    bool tlsV1 = false;
    bool deflate = false;
    int deflateLevel = 0;
    int maxDeflateLevel = 0;
    bool snappy = false;
    int sampleRate = 0;
    bool authRequired = false;
    int outputBufferSize = 0;
    int outputBufferTimeout = 0;

    static Result<IdentifyResponse> parse(QByteArrayView data);
    QByteArray toJson() const; // the broker's side
};

// nsqd's (or its auth server's) answer to AUTH.
struct AuthResponse
{
    QString identity;
    QString identityUrl;
    qint64 permissionCount = 0;

    static Result<AuthResponse> parse(QByteArrayView data);
    QByteArray toJson() const;
};

} // namespace nsq
