#pragma once

#include <QString>
#include <QStringList>
#include <QVariant>

namespace nsq {

// Client configuration as a plain value. Option names (for set()) are go-nsq's where go-nsq has
// the option; durations are milliseconds. validate() names every option that is out of range.
struct Config
{
    // Connection
    int dialTimeout = 1000;
    int readTimeout = 60000;
    int writeTimeout = 1000;
    int heartbeatInterval = 30000; // -1 disables heartbeats
    QString clientId;              // defaults to the short host name
    QString hostname;              // defaults to the host name
    QString userAgent;             // defaults to nsq-inspector/<version>
    int outputBufferSize = 16384;
    int outputBufferTimeout = 250;
    int sampleRate = 0;
    int msgTimeout = 0; // 0: the server's default
    qint64 maxFrameSize = 16 * 1024 * 1024;

    // TLS
    bool tlsV1 = false;
    QString tlsRootCaFile;
    QString tlsCertFile;
    QString tlsKeyFile;
    bool tlsInsecureSkipVerify = false;

    // Compression
    bool snappy = false;
    bool deflate = false;
    int deflateLevel = 6;

    // AUTH
    QString authSecret;

    // Consumer policy
    int maxInFlight = 1;
    int maxAttempts = 5;
    int defaultRequeueDelay = 90 * 1000;
    int maxRequeueDelay = 15 * 60 * 1000;
    int backoffMultiplier = 1000;
    int maxBackoffDuration = 2 * 60 * 1000;
    int lookupdPollInterval = 60 * 1000;
    double lookupdPollJitter = 0.3;
    int lowRdyIdleTimeout = 10 * 1000;
    int lowRdyTimeout = 30 * 1000;
    int rdyRedistributeInterval = 5 * 1000;

    // Sets an option by its go-nsq name ("max_in_flight", "tls_v1", ...). Returns an empty string
    // on success, otherwise why the name or value was not accepted.
    QString set(const QString &option, const QVariant &value);
    static QStringList optionNames();

    // Every problem, each naming its option; empty when the configuration is usable.
    QStringList validate() const;

    QString effectiveClientId() const;
    QString effectiveHostname() const;
    QString effectiveUserAgent() const;
};

} // namespace nsq
