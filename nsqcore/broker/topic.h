#pragma once

#include <protocol/message.h>

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>

#include <deque>
#include <map>
#include <memory>

namespace nsq {

class BrokerClient;
class Topic;

// One channel of a topic: its own copy of every message, delivered to one of its clients.
class Channel
{
public:
    Channel(Topic *topic, const QString &name);

    struct InFlight
    {
        Message message;
        BrokerClient *client = nullptr;
        qint64 deliveredAt = 0; // ms, monotonic; TOUCH never moves the deadline past
                                // deliveredAt + max_msg_timeout
        qint64 deadline = 0;    // ms, monotonic
    };

    Topic *const topic;
    const QString name;
    const bool ephemeral;
    bool paused = false;
    std::deque<Message> queue;               // ready for delivery
    QHash<MessageId, InFlight> inFlight;     // delivered, not yet finished
    std::multimap<qint64, Message> deferred; // due time (ms, monotonic) -> message
    QList<BrokerClient *> clients;
    int nextClient = 0;
    quint64 messageCount = 0;
    quint64 requeueCount = 0;
    quint64 timeoutCount = 0;

    qint64 depth() const { return qint64(queue.size()); }
};

class Topic
{
public:
    explicit Topic(const QString &name);

    const QString name;
    const bool ephemeral;
    bool paused = false;
    std::map<QString, std::unique_ptr<Channel>> channels;
    // Published while no channel exists, or while paused. A DPUB's delay starts when the message
    // reaches the channels, as in nsqd.
    struct Pending
    {
        Message message;
        qint64 deferMs = 0;
    };
    std::deque<Pending> backlog;
    quint64 messageCount = 0;
    quint64 messageBytes = 0;
};

} // namespace nsq
