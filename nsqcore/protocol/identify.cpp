#include "identify.h"

#include "bytes.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace nsq {

namespace {

Result<QJsonObject> parseObject(QByteArrayView data, const char *what)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(data.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError)
        return Result<QJsonObject>::failure(
            QStringLiteral("%1 answer is not valid JSON (%2): %3")
                .arg(QLatin1String(what), error.errorString(), QString::fromUtf8(head(data, 200))));
    if (!doc.isObject())
        return Result<QJsonObject>::failure(
            QStringLiteral("%1 answer is not a JSON object").arg(QLatin1String(what)));
    return doc.object();
}

} // namespace

QByteArray IdentifyRequest::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1String("client_id"), clientId);
    o.insert(QLatin1String("hostname"), hostname);
    o.insert(QLatin1String("user_agent"), userAgent);
    o.insert(QLatin1String("feature_negotiation"), featureNegotiation);
    o.insert(QLatin1String("heartbeat_interval"), heartbeatInterval);
    o.insert(QLatin1String("output_buffer_size"), outputBufferSize);
    o.insert(QLatin1String("output_buffer_timeout"), outputBufferTimeout);
    o.insert(QLatin1String("tls_v1"), tlsV1);
    o.insert(QLatin1String("snappy"), snappy);
    o.insert(QLatin1String("deflate"), deflate);
    o.insert(QLatin1String("deflate_level"), deflateLevel);
    o.insert(QLatin1String("sample_rate"), sampleRate);
    o.insert(QLatin1String("msg_timeout"), msgTimeout);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Result<IdentifyResponse> IdentifyResponse::parse(QByteArrayView data)
{
    IdentifyResponse r;
    if (data == QByteArrayView("OK"))
        return r;
    const auto parsed = parseObject(data, "IDENTIFY");
    if (!parsed.ok())
        return Result<IdentifyResponse>::failure(parsed.error());
    const QJsonObject &o = parsed.value();
    r.negotiated = true;
    r.maxRdyCount = o.value(QLatin1String("max_rdy_count")).toInteger(2500);
    r.version = o.value(QLatin1String("version")).toString();
    r.maxMsgTimeout = o.value(QLatin1String("max_msg_timeout")).toInteger();
    r.msgTimeout = o.value(QLatin1String("msg_timeout")).toInteger();
    r.tlsV1 = o.value(QLatin1String("tls_v1")).toBool();
    r.deflate = o.value(QLatin1String("deflate")).toBool();
    r.deflateLevel = o.value(QLatin1String("deflate_level")).toInt();
    r.maxDeflateLevel = o.value(QLatin1String("max_deflate_level")).toInt();
    r.snappy = o.value(QLatin1String("snappy")).toBool();
    r.sampleRate = o.value(QLatin1String("sample_rate")).toInt();
    r.authRequired = o.value(QLatin1String("auth_required")).toBool();
    r.outputBufferSize = o.value(QLatin1String("output_buffer_size")).toInt();
    r.outputBufferTimeout = o.value(QLatin1String("output_buffer_timeout")).toInt();
    if (r.maxRdyCount < 0)
        return Result<IdentifyResponse>::failure(
            QStringLiteral("IDENTIFY answer has a negative max_rdy_count (%1)").arg(r.maxRdyCount));
    if (r.snappy && r.deflate)
        return Result<IdentifyResponse>::failure(
            QStringLiteral("IDENTIFY answer enables both snappy and deflate"));
    return r;
}

QByteArray IdentifyResponse::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1String("max_rdy_count"), maxRdyCount);
    o.insert(QLatin1String("version"), version);
    o.insert(QLatin1String("max_msg_timeout"), maxMsgTimeout);
    o.insert(QLatin1String("msg_timeout"), msgTimeout);
    o.insert(QLatin1String("tls_v1"), tlsV1);
    o.insert(QLatin1String("deflate"), deflate);
    o.insert(QLatin1String("deflate_level"), deflateLevel);
    o.insert(QLatin1String("max_deflate_level"), maxDeflateLevel);
    o.insert(QLatin1String("snappy"), snappy);
    o.insert(QLatin1String("sample_rate"), sampleRate);
    o.insert(QLatin1String("auth_required"), authRequired);
    o.insert(QLatin1String("output_buffer_size"), outputBufferSize);
    o.insert(QLatin1String("output_buffer_timeout"), outputBufferTimeout);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Result<AuthResponse> AuthResponse::parse(QByteArrayView data)
{
    const auto parsed = parseObject(data, "AUTH");
    if (!parsed.ok())
        return Result<AuthResponse>::failure(parsed.error());
    const QJsonObject &o = parsed.value();
    AuthResponse r;
    r.identity = o.value(QLatin1String("identity")).toString();
    r.identityUrl = o.value(QLatin1String("identity_url")).toString();
    r.permissionCount = o.value(QLatin1String("permission_count")).toInteger();
    return r;
}

QByteArray AuthResponse::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1String("identity"), identity);
    o.insert(QLatin1String("identity_url"), identityUrl);
    o.insert(QLatin1String("permission_count"), permissionCount);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace nsq
