#include "broker.h"

#include "brokerclient.h"
#include "brokerhttp.h"

#include <protocol/names.h>

#include <QFile>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTimer>

Q_LOGGING_CATEGORY(lcBroker, "nsq.broker")

namespace nsq {

namespace {

// Hands out QSslSockets, so that a client can be upgraded to TLS after IDENTIFY.
class SslServer : public QTcpServer
{
public:
    using QTcpServer::QTcpServer;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        if (socket->setSocketDescriptor(descriptor))
            addPendingConnection(socket);
        else
            delete socket;
    }
};

// How often deferred messages and in-flight timeouts are looked at (nsqd scans every 100 ms).
constexpr int kTickMs = 20;

QString sizeText(qint64 bytes)
{
    if (bytes < 1024 * 1024)
        return QStringLiteral("%1 KiB").arg(double(bytes) / 1024, 0, 'f', 1);
    return QStringLiteral("%1 MiB").arg(double(bytes) / (1 << 20), 0, 'f', 1);
}

} // namespace

Broker::Broker(const BrokerConfig &config, QObject *parent)
    : QObject(parent), m_config(config), m_server(new SslServer(this)), m_tick(new QTimer(this))
{
    m_clock.start();
    m_startTimeMs = QDateTime::currentMSecsSinceEpoch();
    m_idPrefix = QRandomGenerator::global()->generate() & 0xffff;
    connect(m_server, &QTcpServer::newConnection, this, &Broker::onNewConnection);
    connect(m_tick, &QTimer::timeout, this, &Broker::onTick);
}

Broker::~Broker()
{
    for (BrokerClient *c : findChildren<BrokerClient *>(Qt::FindDirectChildrenOnly))
        c->disconnect(this);
}

QString Broker::start()
{
    const QStringList problems = m_config.validate();
    if (!problems.isEmpty())
        return problems.join(QLatin1String("; "));
    if (!m_config.tlsCertFile.isEmpty() || !m_config.tlsKeyFile.isEmpty()) {
        const auto certs = QSslCertificate::fromPath(m_config.tlsCertFile);
        QFile keyFile(m_config.tlsKeyFile);
        if (certs.isEmpty())
            return QStringLiteral("cannot read TLS certificate %1").arg(m_config.tlsCertFile);
        if (!keyFile.open(QIODevice::ReadOnly))
            return QStringLiteral("cannot read TLS key %1: %2")
                .arg(m_config.tlsKeyFile, keyFile.errorString());
        const QByteArray pem = keyFile.readAll();
        QSslKey key(pem, QSsl::Rsa);
        if (key.isNull())
            key = QSslKey(pem, QSsl::Ec);
        if (key.isNull())
            return QStringLiteral("cannot read TLS key %1: not an unencrypted PEM RSA or EC key")
                .arg(m_config.tlsKeyFile);
        m_tls = QSslConfiguration::defaultConfiguration();
        m_tls.setLocalCertificate(certs.first());
        m_tls.setPrivateKey(key);
        m_tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        m_tlsReady = true;
    }
    if (!m_server->listen(m_config.tcpAddress, m_config.tcpPort))
        return QStringLiteral("cannot listen on %1:%2: %3")
            .arg(m_config.tcpAddress.toString())
            .arg(m_config.tcpPort)
            .arg(m_server->errorString());
    m_http = new BrokerHttp(this);
    m_httpPort = m_http->listen(m_config.httpAddress, m_config.httpPort);
    if (m_httpPort == 0)
        return m_http->errorString();
    m_tick->start(kTickMs);
    qCInfo(lcBroker) << "TCP listening on" << m_config.tcpAddress.toString()
                     << m_server->serverPort();
    return {};
}

quint16 Broker::tcpPort() const
{
    return m_server->serverPort();
}

void Broker::onNewConnection()
{
    while (QTcpSocket *pending = m_server->nextPendingConnection()) {
        auto *socket = qobject_cast<QSslSocket *>(pending);
        auto *client = new BrokerClient(this, socket);
        m_clients.append(client);
        connect(client, &BrokerClient::closed, this, [this, client] { removeClient(client); });
        // Clients still closing when the broker goes are deleted with it.
        client->setParent(this);
        Q_EMIT clientConnected(client->remoteAddress());
    }
}

void Broker::removeClient(BrokerClient *client)
{
    // The client deletes itself once its socket has drained.
    unsubscribe(client);
    m_clients.removeOne(client);
}

MessageId Broker::nextId()
{
    const quint64 v = (quint64(m_idPrefix) << 48) | (++m_sequence & 0xffffffffffffULL);
    return MessageId::fromBytes(QByteArray::number(v, 16).rightJustified(16, '0'));
}

Topic *Broker::topic(const QString &name) const
{
    const auto it = m_topics.find(name);
    return it == m_topics.end() ? nullptr : it->second.get();
}

Topic *Broker::getOrCreateTopic(const QString &name)
{
    auto &slot = m_topics[name];
    if (!slot)
        slot = std::make_unique<Topic>(name);
    return slot.get();
}

Channel *Broker::getOrCreateChannel(Topic *t, const QString &name)
{
    auto &slot = t->channels[name];
    if (!slot) {
        slot = std::make_unique<Channel>(t, name);
        drainBacklog(t);
    }
    return slot.get();
}

QString Broker::publish(const QString &topicName, const QByteArrayList &bodies, qint64 deferMs)
{
    Topic *t = getOrCreateTopic(topicName);
    qint64 held = qint64(t->backlog.size());
    for (const auto &entry : t->channels)
        held = qMax(held, entry.second->depth() + qint64(entry.second->deferred.size()));
    if (held + bodies.size() > m_config.maxTopicMessages)
        return QStringLiteral("topic %1 is full: %2 messages held in memory, the embedded broker "
                              "keeps at most %3")
            .arg(topicName)
            .arg(held)
            .arg(m_config.maxTopicMessages);
    if (m_config.maxMemoryBytes > 0) {
        // Each body is held once however many channels keep the message (they share it).
        qint64 incoming = 0;
        for (const QByteArray &body : bodies)
            incoming += body.size() + kMessageOverhead;
        if (incoming > m_config.maxMemoryBytes - m_heldBytes)
            return QStringLiteral("the embedded broker is full: it holds %1 of messages and "
                                  "keeps at most %2 (--max-memory); this publish needs %3 more")
                .arg(sizeText(m_heldBytes), sizeText(m_config.maxMemoryBytes), sizeText(incoming));
    }
    const qint64 stamp = QDateTime::currentMSecsSinceEpoch() * 1000000;
    for (const QByteArray &body : bodies) {
        Message m;
        m.id = nextId();
        m.timestamp = stamp;
        m.body = body;
        ++t->messageCount;
        t->messageBytes += quint64(body.size());
        if (t->paused || t->channels.empty()) {
            t->backlog.push_back({m, deferMs});
            holdCopy(m);
        } else
            putToChannels(t, m, deferMs);
    }
    if (!t->paused)
        for (auto &entry : t->channels)
            pump(entry.second.get());
    return {};
}

void Broker::putToChannels(Topic *t, const Message &m, qint64 deferMs)
{
    for (auto &entry : t->channels) {
        Channel *c = entry.second.get();
        ++c->messageCount;
        holdCopy(m);
        if (deferMs > 0)
            c->deferred.emplace(now() + deferMs, m);
        else
            c->queue.push_back(m);
    }
}

void Broker::drainBacklog(Topic *t)
{
    if (t->paused || t->channels.empty())
        return;
    while (!t->backlog.empty()) {
        putToChannels(t, t->backlog.front().message, t->backlog.front().deferMs);
        dropCopy(t->backlog.front().message);
        t->backlog.pop_front();
    }
    for (auto &entry : t->channels)
        pump(entry.second.get());
}

void Broker::subscribe(BrokerClient *client, Channel *channel)
{
    channel->clients.append(client);
    pump(channel);
}

void Broker::unsubscribe(BrokerClient *client)
{
    Channel *c = client->channel();
    if (!c)
        return;
    c->clients.removeOne(client);
    client->setChannel(nullptr);
    // Like nsqd, what the client held stays in flight until it times out; it just has no owner.
    for (auto it = c->inFlight.begin(); it != c->inFlight.end(); ++it)
        if (it->client == client)
            it->client = nullptr;
    maybeRemoveEphemeral(c);
}

void Broker::maybeRemoveEphemeral(Channel *c)
{
    if (!c->ephemeral || !c->clients.isEmpty())
        return;
    Topic *t = c->topic;
    dropCopies(*c);
    t->channels.erase(c->name);
    if (t->ephemeral && t->channels.empty()) {
        dropCopies(*t);
        m_topics.erase(t->name);
    }
}

Channel::InFlight *Broker::findInFlight(BrokerClient *client, const MessageId &id, QString *error)
{
    Channel *c = client->channel();
    auto it = c ? c->inFlight.find(id) : QHash<MessageId, Channel::InFlight>::iterator();
    if (!c || it == c->inFlight.end()) {
        *error = QStringLiteral("ID not in flight");
        return nullptr;
    }
    if (it->client != client) {
        *error = QStringLiteral("client does not own message");
        return nullptr;
    }
    return &*it;
}

QString Broker::finish(BrokerClient *client, const MessageId &id)
{
    QString error;
    if (!findInFlight(client, id, &error))
        return error;
    Channel *c = client->channel();
    dropCopy(c->inFlight.value(id).message);
    c->inFlight.remove(id);
    client->messageDone();
    pump(c);
    return {};
}

QString Broker::requeue(BrokerClient *client, const MessageId &id, qint64 delayMs)
{
    QString error;
    Channel::InFlight *f = findInFlight(client, id, &error);
    if (!f)
        return error;
    Channel *c = client->channel();
    const Message m = f->message;
    c->inFlight.remove(id);
    ++c->requeueCount;
    client->messageDone();
    if (delayMs > 0)
        c->deferred.emplace(now() + delayMs, m);
    else
        c->queue.push_back(m);
    pump(c);
    return {};
}

QString Broker::touch(BrokerClient *client, const MessageId &id)
{
    QString error;
    Channel::InFlight *f = findInFlight(client, id, &error);
    if (!f)
        return error;
    // Like nsqd: the timeout starts again, but never runs past max_msg_timeout after delivery.
    f->deadline =
        qMin<qint64>(now() + client->msgTimeout(), f->deliveredAt + m_config.maxMsgTimeout);
    return {};
}

void Broker::holdCopy(const Message &m)
{
    int &copies = m_copies[m.id];
    if (copies++ == 0)
        m_heldBytes += heldCost(m);
}

void Broker::dropCopy(const Message &m)
{
    const auto it = m_copies.find(m.id);
    if (it == m_copies.end())
        return;
    if (--*it == 0) {
        m_heldBytes -= heldCost(m);
        m_copies.erase(it);
    }
}

void Broker::dropCopies(const Channel &c)
{
    for (const Message &m : c.queue)
        dropCopy(m);
    for (const auto &d : c.deferred)
        dropCopy(d.second);
    for (const Channel::InFlight &f : c.inFlight)
        dropCopy(f.message);
}

void Broker::dropCopies(const Topic &t)
{
    for (const Topic::Pending &p : t.backlog)
        dropCopy(p.message);
    for (const auto &entry : t.channels)
        dropCopies(*entry.second);
}

void Broker::pump(Channel *c)
{
    if (c->paused || c->topic->paused || c->clients.isEmpty())
        return;
    const int n = int(c->clients.size());
    int idle = 0;
    while (!c->queue.empty() && idle < n) {
        if (c->nextClient >= n)
            c->nextClient = 0;
        BrokerClient *client = c->clients.at(c->nextClient++);
        if (!client->canAccept()) {
            ++idle;
            continue;
        }
        idle = 0;
        Message m = std::move(c->queue.front());
        c->queue.pop_front();
        ++m.attempts;
        if (client->sampleRate() > 0 &&
            int(QRandomGenerator::global()->bounded(100)) > client->sampleRate()) {
            dropCopy(m); // sampled out: dropped for this channel, as nsqd does
            continue;
        }
        Channel::InFlight &f = c->inFlight[m.id];
        f.message = m;
        f.client = client;
        f.deliveredAt = now();
        f.deadline = f.deliveredAt + client->msgTimeout();
        client->deliver(m);
    }
}

void Broker::onTick()
{
    const qint64 t = now();
    for (auto &topicEntry : m_topics) {
        for (auto &channelEntry : topicEntry.second->channels) {
            Channel *c = channelEntry.second.get();
            bool changed = false;
            while (!c->deferred.empty() && c->deferred.begin()->first <= t) {
                c->queue.push_back(std::move(c->deferred.begin()->second));
                c->deferred.erase(c->deferred.begin());
                changed = true;
            }
            for (auto it = c->inFlight.begin(); it != c->inFlight.end();) {
                if (it->deadline > t) {
                    ++it;
                    continue;
                }
                ++c->timeoutCount;
                if (it->client)
                    it->client->messageDone();
                c->queue.push_back(it->message);
                it = c->inFlight.erase(it);
                changed = true;
            }
            if (changed)
                pump(c);
        }
    }
}

static QString noTopic(const QString &name)
{
    return QStringLiteral("TOPIC_NOT_FOUND %1").arg(name);
}

QString Broker::deleteTopic(const QString &name)
{
    Topic *t = topic(name);
    if (!t)
        return noTopic(name);
    for (auto &entry : t->channels)
        for (BrokerClient *client : std::as_const(entry.second->clients)) {
            client->setChannel(nullptr);
            client->closeConnection();
        }
    dropCopies(*t);
    m_topics.erase(name);
    return {};
}

QString Broker::emptyTopic(const QString &name)
{
    Topic *t = topic(name);
    if (!t)
        return noTopic(name);
    for (const Topic::Pending &p : t->backlog)
        dropCopy(p.message);
    t->backlog.clear();
    return {};
}

QString Broker::setTopicPaused(const QString &name, bool paused)
{
    Topic *t = topic(name);
    if (!t)
        return noTopic(name);
    t->paused = paused;
    if (!paused)
        drainBacklog(t);
    return {};
}

QString Broker::createChannel(const QString &topicName, const QString &channel)
{
    getOrCreateChannel(getOrCreateTopic(topicName), channel);
    return {};
}

QString Broker::deleteChannel(const QString &topicName, const QString &channel)
{
    Topic *t = topic(topicName);
    if (!t)
        return noTopic(topicName);
    const auto it = t->channels.find(channel);
    if (it == t->channels.end())
        return QStringLiteral("CHANNEL_NOT_FOUND %1").arg(channel);
    for (BrokerClient *client : std::as_const(it->second->clients)) {
        client->setChannel(nullptr);
        client->closeConnection();
    }
    dropCopies(*it->second);
    t->channels.erase(it);
    // An ephemeral topic goes with its last channel, as in nsqd.
    if (t->ephemeral && t->channels.empty()) {
        dropCopies(*t);
        m_topics.erase(topicName);
    }
    return {};
}

QString Broker::emptyChannel(const QString &topicName, const QString &channel)
{
    Topic *t = topic(topicName);
    const auto it = t ? t->channels.find(channel) : decltype(t->channels.end())();
    if (!t || it == t->channels.end())
        return t ? QStringLiteral("CHANNEL_NOT_FOUND %1").arg(channel) : noTopic(topicName);
    Channel *c = it->second.get();
    dropCopies(*c);
    c->queue.clear();
    c->deferred.clear();
    c->inFlight.clear();
    for (BrokerClient *client : std::as_const(c->clients))
        client->resetInFlight();
    return {};
}

QString Broker::setChannelPaused(const QString &topicName, const QString &channel, bool paused)
{
    Topic *t = topic(topicName);
    const auto it = t ? t->channels.find(channel) : decltype(t->channels.end())();
    if (!t || it == t->channels.end())
        return t ? QStringLiteral("CHANNEL_NOT_FOUND %1").arg(channel) : noTopic(topicName);
    it->second->paused = paused;
    if (!paused)
        pump(it->second.get());
    return {};
}

} // namespace nsq
