#pragma once

#include "brokerconfig.h"
#include "topic.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSslConfiguration>

#include <map>
#include <memory>

class QTcpServer;
class QTimer;

namespace nsq {

class BrokerClient;
class BrokerHttp;

// An in-process broker that speaks nsqd's TCP protocol: topics fan out to channels, channels
// deliver to subscribed clients within their RDY, messages time out and come back with
// attempts + 1, requeues and DPUB wait in a deferred queue. Memory only, bounded per topic.
// Not a production queue: a faithful peer for demo mode and tests.
class Broker : public QObject
{
    Q_OBJECT
public:
    explicit Broker(const BrokerConfig &config = {}, QObject *parent = nullptr);
    ~Broker() override;

    // Listens on the configured TCP and HTTP addresses. Returns an empty string or why it could
    // not.
    QString start();
    quint16 tcpPort() const;
    quint16 httpPort() const { return m_httpPort; }
    const BrokerConfig &config() const { return m_config; }
    bool tlsAvailable() const { return m_tlsReady; }
    const QSslConfiguration &tlsConfiguration() const { return m_tls; }

    // Topic and channel administration (the HTTP API's verbs). Errors come back as text.
    Topic *topic(const QString &name) const;
    Topic *getOrCreateTopic(const QString &name);
    Channel *getOrCreateChannel(Topic *topic, const QString &name);
    QString deleteTopic(const QString &name);
    QString emptyTopic(const QString &name);
    QString setTopicPaused(const QString &name, bool paused);
    QString createChannel(const QString &topic, const QString &channel);
    QString deleteChannel(const QString &topic, const QString &channel);
    QString emptyChannel(const QString &topic, const QString &channel);
    QString setChannelPaused(const QString &topic, const QString &channel, bool paused);
    const std::map<QString, std::unique_ptr<Topic>> &topics() const { return m_topics; }
    QList<BrokerClient *> clients() const { return m_clients; }

    // What a message held costs against BrokerConfig::maxMemoryBytes besides its body.
    static constexpr qint64 kMessageOverhead = 64;
    static qint64 heldCost(const Message &m) { return m.body.size() + kMessageOverhead; }
    // Bytes held in all topics and channels, counted as maxMemoryBytes counts them: each
    // message once, however many channels hold it.
    qint64 heldBytes() const { return m_heldBytes; }

    // Publishing. Returns an empty string, or nsqd's error text for the failure.
    QString publish(const QString &topic, const QByteArrayList &bodies, qint64 deferMs = 0);

    // Called by clients.
    void subscribe(BrokerClient *client, Channel *channel);
    void unsubscribe(BrokerClient *client);
    QString finish(BrokerClient *client, const MessageId &id);
    QString requeue(BrokerClient *client, const MessageId &id, qint64 delayMs);
    QString touch(BrokerClient *client, const MessageId &id);
    void pump(Channel *channel);
    qint64 now() const { return m_clock.elapsed(); }
    qint64 startTimeMs() const { return m_startTimeMs; }

Q_SIGNALS:
    void clientConnected(const QString &remote);

private:
    // A message comes to be held (published, or a channel's copy of it) or goes.
    void holdCopy(const Message &m);
    void dropCopy(const Message &m);
    void dropCopies(const Channel &c);
    void dropCopies(const Topic &t);
    void onNewConnection();
    void onTick();
    void removeClient(BrokerClient *client);
    MessageId nextId();
    void putToChannels(Topic *topic, const Message &message, qint64 deferMs);
    void drainBacklog(Topic *topic);
    void requeueInFlightOf(BrokerClient *client);
    void maybeRemoveEphemeral(Channel *channel);
    Channel::InFlight *findInFlight(BrokerClient *client, const MessageId &id, QString *error);

    BrokerConfig m_config;
    QTcpServer *m_server = nullptr;
    QTimer *m_tick = nullptr;
    QElapsedTimer m_clock;
    qint64 m_startTimeMs = 0;
    std::map<QString, std::unique_ptr<Topic>> m_topics;
    QList<BrokerClient *> m_clients;
    quint64 m_sequence = 0;
    quint32 m_idPrefix = 0;
    QSslConfiguration m_tls;
    BrokerHttp *m_http = nullptr;
    quint16 m_httpPort = 0;
    // Bytes of message bodies held, each counted once however many channels keep a copy of it
    // (the copies share the body): the message's copies are counted here by ID.
    qint64 m_heldBytes = 0;
    QHash<MessageId, int> m_copies;
    bool m_tlsReady = false;
};

} // namespace nsq
