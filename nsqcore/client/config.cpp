#include "config.h"

#include <QHostInfo>
#include <QRegularExpression>

#include <functional>
#include <limits>
#include <map>
#include <optional>

namespace nsq {

namespace {

struct Option
{
    // Duration: an int field in milliseconds, set from a number of ms or a Go duration ("5s").
    enum Kind { Int, Bool, String, Double, Int64, Duration } kind;
    std::function<void *(Config &)> field;
};

// A number of milliseconds ("5000", "-1"), or a Go duration: a sequence of decimal numbers with
// units ns, us (µs), ms, s, m, h, as in "5s", "1m30s", "1.5h", "250ms". Whole milliseconds.
std::optional<qint64> parseDurationMs(const QString &text)
{
    const QString t = text.trimmed();
    bool ok = false;
    const qint64 plain = t.toLongLong(&ok);
    if (ok)
        return plain;
    static const QRegularExpression part(
        QStringLiteral("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|\u00b5s|ms|s|m|h)"));
    QString rest = t;
    bool negative = false;
    if (rest.startsWith(QLatin1Char('-')) || rest.startsWith(QLatin1Char('+'))) {
        negative = rest.startsWith(QLatin1Char('-'));
        rest.remove(0, 1);
    }
    if (rest.isEmpty())
        return std::nullopt;
    double ms = 0;
    qsizetype pos = 0;
    while (pos < rest.size()) {
        const QRegularExpressionMatch m = part.match(rest, pos, QRegularExpression::NormalMatch,
                                                     QRegularExpression::AnchorAtOffsetMatchOption);
        if (!m.hasMatch())
            return std::nullopt;
        const double n = m.captured(1).toDouble();
        const QString unit = m.captured(2);
        const double scale = unit == QLatin1String("ns")   ? 1e-6
                             : unit == QLatin1String("ms") ? 1
                             : unit == QLatin1String("s")  ? 1000
                             : unit == QLatin1String("m")  ? 60000
                             : unit == QLatin1String("h")  ? 3600000
                                                           : 1e-3; // us, µs
        ms += n * scale;
        pos = m.capturedEnd();
    }
    if (ms > 9e15)
        return std::nullopt;
    const qint64 whole = qRound64(ms);
    return negative ? -whole : whole;
}

const std::map<QString, Option> &options()
{
    static const std::map<QString, Option> table = {
        {QStringLiteral("dial_timeout"),
         {Option::Duration, [](Config &c) -> void * { return &c.dialTimeout; }}},
        {QStringLiteral("read_timeout"),
         {Option::Duration, [](Config &c) -> void * { return &c.readTimeout; }}},
        {QStringLiteral("write_timeout"),
         {Option::Duration, [](Config &c) -> void * { return &c.writeTimeout; }}},
        {QStringLiteral("heartbeat_interval"),
         {Option::Duration, [](Config &c) -> void * { return &c.heartbeatInterval; }}},
        {QStringLiteral("client_id"),
         {Option::String, [](Config &c) -> void * { return &c.clientId; }}},
        {QStringLiteral("hostname"),
         {Option::String, [](Config &c) -> void * { return &c.hostname; }}},
        {QStringLiteral("user_agent"),
         {Option::String, [](Config &c) -> void * { return &c.userAgent; }}},
        {QStringLiteral("output_buffer_size"),
         {Option::Int, [](Config &c) -> void * { return &c.outputBufferSize; }}},
        {QStringLiteral("output_buffer_timeout"),
         {Option::Duration, [](Config &c) -> void * { return &c.outputBufferTimeout; }}},
        {QStringLiteral("sample_rate"),
         {Option::Int, [](Config &c) -> void * { return &c.sampleRate; }}},
        {QStringLiteral("msg_timeout"),
         {Option::Duration, [](Config &c) -> void * { return &c.msgTimeout; }}},
        {QStringLiteral("max_frame_size"),
         {Option::Int64, [](Config &c) -> void * { return &c.maxFrameSize; }}},
        {QStringLiteral("tls_v1"), {Option::Bool, [](Config &c) -> void * { return &c.tlsV1; }}},
        {QStringLiteral("tls_root_ca_file"),
         {Option::String, [](Config &c) -> void * { return &c.tlsRootCaFile; }}},
        {QStringLiteral("tls_cert"),
         {Option::String, [](Config &c) -> void * { return &c.tlsCertFile; }}},
        {QStringLiteral("tls_key"),
         {Option::String, [](Config &c) -> void * { return &c.tlsKeyFile; }}},
        {QStringLiteral("tls_insecure_skip_verify"),
         {Option::Bool, [](Config &c) -> void * { return &c.tlsInsecureSkipVerify; }}},
        {QStringLiteral("snappy"), {Option::Bool, [](Config &c) -> void * { return &c.snappy; }}},
        {QStringLiteral("deflate"), {Option::Bool, [](Config &c) -> void * { return &c.deflate; }}},
        {QStringLiteral("deflate_level"),
         {Option::Int, [](Config &c) -> void * { return &c.deflateLevel; }}},
        {QStringLiteral("auth_secret"),
         {Option::String, [](Config &c) -> void * { return &c.authSecret; }}},
        {QStringLiteral("max_in_flight"),
         {Option::Int, [](Config &c) -> void * { return &c.maxInFlight; }}},
        {QStringLiteral("max_attempts"),
         {Option::Int, [](Config &c) -> void * { return &c.maxAttempts; }}},
        {QStringLiteral("default_requeue_delay"),
         {Option::Duration, [](Config &c) -> void * { return &c.defaultRequeueDelay; }}},
        {QStringLiteral("max_requeue_delay"),
         {Option::Duration, [](Config &c) -> void * { return &c.maxRequeueDelay; }}},
        {QStringLiteral("backoff_multiplier"),
         {Option::Duration, [](Config &c) -> void * { return &c.backoffMultiplier; }}},
        {QStringLiteral("max_backoff_duration"),
         {Option::Duration, [](Config &c) -> void * { return &c.maxBackoffDuration; }}},
        {QStringLiteral("lookupd_poll_interval"),
         {Option::Duration, [](Config &c) -> void * { return &c.lookupdPollInterval; }}},
        {QStringLiteral("lookupd_poll_jitter"),
         {Option::Double, [](Config &c) -> void * { return &c.lookupdPollJitter; }}},
        {QStringLiteral("low_rdy_idle_timeout"),
         {Option::Duration, [](Config &c) -> void * { return &c.lowRdyIdleTimeout; }}},
        {QStringLiteral("low_rdy_timeout"),
         {Option::Duration, [](Config &c) -> void * { return &c.lowRdyTimeout; }}},
        {QStringLiteral("rdy_redistribute_interval"),
         {Option::Duration, [](Config &c) -> void * { return &c.rdyRedistributeInterval; }}},
    };
    return table;
}

void checkRange(QStringList &problems, const char *name, qint64 value, qint64 min, qint64 max)
{
    if (value < min || value > max)
        problems << QStringLiteral("%1: %2 is out of range (%3..%4)")
                        .arg(QLatin1String(name))
                        .arg(value)
                        .arg(min)
                        .arg(max);
}

} // namespace

QString Config::set(const QString &option, const QVariant &value)
{
    const auto it = options().find(option);
    if (it == options().end())
        return QStringLiteral("unknown option '%1'").arg(option);
    void *field = it->second.field(*this);
    bool ok = true;
    switch (it->second.kind) {
    case Option::Int: {
        // Through 64 bits, so that a value past int's range is refused, not wrapped.
        const qint64 v = value.toString().trimmed().toLongLong(&ok);
        if (ok && (v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max()))
            return QStringLiteral("%1: '%2' is out of range").arg(option, value.toString());
        if (ok)
            *static_cast<int *>(field) = int(v);
        break;
    }
    case Option::Duration: {
        const auto ms = parseDurationMs(value.toString());
        if (!ms)
            return QStringLiteral("%1: '%2' is not a duration (milliseconds, or with units as "
                                  "in 5s, 1m30s, 250ms)")
                .arg(option, value.toString());
        if (*ms < std::numeric_limits<int>::min() || *ms > std::numeric_limits<int>::max())
            return QStringLiteral("%1: '%2' is out of range").arg(option, value.toString());
        *static_cast<int *>(field) = int(*ms);
        break;
    }
    case Option::Int64: {
        const qint64 v = value.toString().trimmed().toLongLong(&ok);
        if (ok)
            *static_cast<qint64 *>(field) = v;
        break;
    }
    case Option::Double: {
        const double v = value.toDouble(&ok);
        if (ok)
            *static_cast<double *>(field) = v;
        break;
    }
    case Option::Bool: {
        const QString s = value.toString().toLower();
        if (value.typeId() == QMetaType::Bool)
            *static_cast<bool *>(field) = value.toBool();
        else if (s == QLatin1String("true") || s == QLatin1String("1"))
            *static_cast<bool *>(field) = true;
        else if (s == QLatin1String("false") || s == QLatin1String("0"))
            *static_cast<bool *>(field) = false;
        else
            ok = false;
        break;
    }
    case Option::String:
        *static_cast<QString *>(field) = value.toString();
        break;
    }
    if (!ok)
        return QStringLiteral("%1: '%2' is not a valid value").arg(option, value.toString());
    return {};
}

QStringList Config::optionNames()
{
    QStringList names;
    for (const auto &entry : options())
        names << entry.first;
    return names;
}

QStringList Config::validate() const
{
    QStringList p;
    checkRange(p, "dial_timeout", dialTimeout, 1, 5 * 60 * 1000);
    checkRange(p, "read_timeout", readTimeout, 100, 5 * 60 * 1000);
    checkRange(p, "write_timeout", writeTimeout, 100, 5 * 60 * 1000);
    if (heartbeatInterval != -1)
        checkRange(p, "heartbeat_interval", heartbeatInterval, 1000, 60 * 60 * 1000);
    if (outputBufferSize != -1)
        checkRange(p, "output_buffer_size", outputBufferSize, 64, 64 * 1024 * 1024);
    if (outputBufferTimeout != -1)
        checkRange(p, "output_buffer_timeout", outputBufferTimeout, 1, 60 * 1000);
    checkRange(p, "sample_rate", sampleRate, 0, 99);
    checkRange(p, "msg_timeout", msgTimeout, 0, 60 * 60 * 1000);
    checkRange(p, "max_frame_size", maxFrameSize, 1024, qint64(1) << 31);
    checkRange(p, "deflate_level", deflateLevel, 1, 9);
    checkRange(p, "max_in_flight", maxInFlight, 0, 1000000);
    checkRange(p, "max_attempts", maxAttempts, 0, 65535);
    checkRange(p, "default_requeue_delay", defaultRequeueDelay, 0, 60 * 60 * 1000);
    checkRange(p, "max_requeue_delay", maxRequeueDelay, 0, 60 * 60 * 1000);
    checkRange(p, "backoff_multiplier", backoffMultiplier, 0, 60 * 60 * 1000);
    checkRange(p, "max_backoff_duration", maxBackoffDuration, 0, 60 * 60 * 1000);
    checkRange(p, "lookupd_poll_interval", lookupdPollInterval, 10, 5 * 60 * 1000);
    if (!(lookupdPollJitter >= 0.0 && lookupdPollJitter <= 1.0)) // NaN too
        p << QStringLiteral("lookupd_poll_jitter: %1 is out of range (0..1)")
                 .arg(lookupdPollJitter);
    checkRange(p, "low_rdy_idle_timeout", lowRdyIdleTimeout, 1000, 5 * 60 * 1000);
    checkRange(p, "low_rdy_timeout", lowRdyTimeout, 1000, 5 * 60 * 1000);
    checkRange(p, "rdy_redistribute_interval", rdyRedistributeInterval, 1, 5 * 1000);
    if (snappy && deflate)
        p << QStringLiteral("snappy, deflate: only one compression can be enabled");
    if (!tlsCertFile.isEmpty() != !tlsKeyFile.isEmpty())
        p << QStringLiteral("tls_cert, tls_key: a client certificate needs both");
    return p;
}

QString Config::effectiveHostname() const
{
    return hostname.isEmpty() ? QHostInfo::localHostName() : hostname;
}

QString Config::effectiveClientId() const
{
    if (!clientId.isEmpty())
        return clientId;
    return effectiveHostname().section(QLatin1Char('.'), 0, 0);
}

QString Config::effectiveUserAgent() const
{
    return userAgent.isEmpty() ? QStringLiteral("nsq-inspector/" NSQ_INSPECTOR_VERSION) : userAgent;
}

} // namespace nsq
