#pragma once

#include "../client/address.h"
#include "../protocol/result.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace nsq {

struct ClientStats
{
    QString clientId, hostname, remoteAddress, userAgent;
    qint64 readyCount = 0, inFlightCount = 0, messageCount = 0, finishCount = 0, requeueCount = 0;
    bool tls = false, deflate = false, snappy = false, authed = false;
    QString tlsVersion, authIdentity;
    qint64 connectTs = 0; // seconds since the epoch
};

struct ChannelStats
{
    QString name;
    qint64 depth = 0, backendDepth = 0, inFlightCount = 0, deferredCount = 0, messageCount = 0,
           requeueCount = 0, timeoutCount = 0;
    bool paused = false;
    QList<ClientStats> clients;
};

struct TopicStats
{
    QString name;
    qint64 depth = 0, backendDepth = 0, messageCount = 0, messageBytes = 0;
    bool paused = false;
    QList<ChannelStats> channels;
};

struct NsqdStats
{
    QString version, health;
    QList<TopicStats> topics;
    static Result<NsqdStats> parse(const QByteArray &json);
};

// One nsqd as nsqlookupd describes it.
struct NodeInfo
{
    QString broadcastAddress, hostname, version;
    quint16 tcpPort = 0, httpPort = 0;
    QStringList topics;     // from /nodes only
    QList<bool> tombstones; // from /nodes only: per topic, whether it is tombstoned there
    QString tcpAddress() const { return joinHostPort(broadcastAddress, tcpPort); }
    QString httpAddress() const { return joinHostPort(broadcastAddress, httpPort); }
};

struct LookupResult
{
    QStringList channels;
    QList<NodeInfo> producers;
    // Accepts the plain answer and the old {"status_code","status_txt","data"} wrapping.
    static Result<LookupResult> parse(const QByteArray &json);
};

// Shared plumbing: one GET or POST, a timeout, and an error that names the server and the cause.
class HttpApiClient : public QObject
{
    Q_OBJECT
public:
    // base: "http://host:port" or "host:port".
    explicit HttpApiClient(const QString &base, QObject *parent = nullptr);
    QUrl baseUrl() const { return m_base; }
    // Without a byte for this long, a request fails; a whole request may take three times it.
    void setTimeout(int ms) { m_timeoutMs = ms; }
    int totalTimeout() const { return 3 * m_timeoutMs; }
    // Answers longer than this fail (nothing nsqd or nsqlookupd sends comes near it).
    void setMaxBodySize(qint64 bytes) { m_maxBodyBytes = bytes; }
    QString serverName() const { return m_base.authority(); }
    // Empty when the base address is usable.
    QString addressError() const { return m_addressError; }

    using Done = std::function<void(Result<QByteArray>)>;
    void get(const QString &path, const QList<QPair<QString, QString>> &query, Done done);
    void post(const QString &path, const QList<QPair<QString, QString>> &query,
              const QByteArray &body, Done done);

private:
    void send(const QByteArray &verb, const QString &path,
              const QList<QPair<QString, QString>> &query, const QByteArray &body, Done done);

    QUrl m_base;
    QString m_addressError;
    int m_timeoutMs = 5000;
    qint64 m_maxBodyBytes = 64 * 1024 * 1024;
    QNetworkAccessManager *m_nam;
};

// nsqd's HTTP API: typed /stats and the topic and channel verbs.
class NsqdHttpClient : public HttpApiClient
{
    Q_OBJECT
public:
    using HttpApiClient::HttpApiClient;
    void stats(const QString &topic, const QString &channel,
               std::function<void(Result<NsqdStats>)> done);
    // verb: create, delete, empty, pause, unpause.
    void topicAction(const QString &verb, const QString &topic,
                     std::function<void(Result<QByteArray>)> done);
    void channelAction(const QString &verb, const QString &topic, const QString &channel,
                       std::function<void(Result<QByteArray>)> done);
    void publish(const QString &topic, const QByteArray &body,
                 std::function<void(Result<QByteArray>)> done);
    // /pub?defer=: delivered after deferMs (nsqd's DPUB over HTTP).
    void deferredPublish(const QString &topic, qint64 deferMs, const QByteArray &body,
                         std::function<void(Result<QByteArray>)> done);
    // /mpub?binary=true: bodies byte for byte, newlines included.
    void multiPublish(const QString &topic, const QByteArrayList &bodies,
                      std::function<void(Result<QByteArray>)> done);
};

// nsqlookupd's HTTP API.
class LookupdHttpClient : public HttpApiClient
{
    Q_OBJECT
public:
    using HttpApiClient::HttpApiClient;
    void lookup(const QString &topic, std::function<void(Result<LookupResult>)> done);
    void topics(std::function<void(Result<QStringList>)> done);
    void channels(const QString &topic, std::function<void(Result<QStringList>)> done);
    void nodes(std::function<void(Result<QList<NodeInfo>>)> done);
    // Hides the node (its HTTP address) from /lookup for the topic, so that consumers stop
    // being sent there while the topic is deleted from it.
    void tombstone(const QString &topic, const QString &nodeHttpAddress,
                   std::function<void(Result<QByteArray>)> done);
};

} // namespace nsq
