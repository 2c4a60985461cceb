#include "serverprobe.h"

#include <client/address.h>
#include <http/httpclients.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <memory>

namespace nsqui {

namespace {

QString seconds(qint64 ms)
{
    return ms % 1000 == 0 ? QStringLiteral("%1 s").arg(ms / 1000)
                          : QStringLiteral("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
}

// Collects the answers of several servers and reports once, when the last is in.
struct CheckState
{
    SessionSettings settings;
    QString channel;
    int pending = 0;
    SubscriptionReport report;
    QStringList unreachable;
    qint64 backlog = 0;
    QStringList backlogAt;
    int otherConsumers = 0;
    bool channelExists = false;
};

} // namespace

ServerProbe::ServerProbe(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<nsqui::SubscriptionReport>();
}

QStringList ServerProbe::nsqdHttpAddresses(const SessionSettings &settings)
{
    if (!settings.nsqdHttpAddresses.isEmpty())
        return settings.nsqdHttpAddresses;
    QStringList out;
    for (const QString &a : settings.nsqdAddresses) {
        QString host;
        quint16 port = 0;
        if (nsq::parseHostPort(a, &host, &port).isEmpty() && port < 65535)
            out << nsq::joinHostPort(host, port + 1);
    }
    return out;
}

void ServerProbe::listTopics(const SessionSettings &settings)
{
    const quint64 generation = ++m_listGeneration;
    auto topics = std::make_shared<QSet<QString>>();
    auto errors = std::make_shared<QStringList>();
    auto pending = std::make_shared<int>(0);
    const auto done = [this, generation, topics, errors, pending] {
        if (--*pending > 0 || generation != m_listGeneration)
            return;
        QStringList list(topics->cbegin(), topics->cend());
        list.sort();
        Q_EMIT topicsListed(list, list.isEmpty() ? errors->join(QStringLiteral("; ")) : QString());
    };
    const QStringList nsqds = nsqdHttpAddresses(settings);
    *pending = int(nsqds.size() + settings.lookupdAddresses.size());
    if (*pending == 0) {
        Q_EMIT topicsListed({}, tr("no server to ask"));
        return;
    }
    for (const QString &a : nsqds) {
        auto *client = new nsq::NsqdHttpClient(a, this);
        client->setTimeout(m_timeoutMs);
        client->stats(QString(), QString(), [client, topics, errors, done](auto r) {
            if (r.ok()) {
                for (const nsq::TopicStats &t : r.value().topics)
                    topics->insert(t.name);
            } else {
                *errors << r.error();
            }
            client->deleteLater();
            done();
        });
    }
    for (const QString &a : settings.lookupdAddresses) {
        auto *client = new nsq::LookupdHttpClient(a, this);
        client->setTimeout(m_timeoutMs);
        client->topics([client, topics, errors, done](auto r) {
            if (r.ok()) {
                for (const QString &t : r.value())
                    topics->insert(t);
            } else {
                *errors << r.error();
            }
            client->deleteLater();
            done();
        });
    }
}

void ServerProbe::fetchLimits(const SessionSettings &settings)
{
    const QStringList nsqds = nsqdHttpAddresses(settings);
    if (nsqds.isEmpty()) {
        Q_EMIT limitsFetched(0);
        return;
    }
    auto pending = std::make_shared<int>(int(nsqds.size()));
    auto smallest = std::make_shared<qint64>(0);
    for (const QString &a : nsqds) {
        auto *client = new nsq::HttpApiClient(a, this);
        client->setTimeout(m_timeoutMs);
        client->get(QStringLiteral("/config/max_req_timeout"), {},
                    [this, client, pending, smallest](nsq::Result<QByteArray> r) {
                        bool ok = false;
                        const qint64 ns = r.ok() ? r.value().trimmed().toLongLong(&ok) : 0;
                        if (ok && ns > 0 && (*smallest == 0 || ns / 1000000 < *smallest))
                            *smallest = ns / 1000000;
                        client->deleteLater();
                        if (--*pending == 0)
                            Q_EMIT limitsFetched(*smallest);
                    });
    }
}

void ServerProbe::checkSubscription(const SessionSettings &settings)
{
    const quint64 generation = ++m_checkGeneration;
    QStringList http = nsqdHttpAddresses(settings);
    if (settings.lookupdAddresses.isEmpty()) {
        checkNsqds(settings, http, generation);
        return;
    }
    // Through nsqlookupd: the nsqd that have the topic, at their HTTP ports.
    auto pending = std::make_shared<int>(int(settings.lookupdAddresses.size()));
    auto found = std::make_shared<QStringList>(http);
    auto errors = std::make_shared<QStringList>();
    for (const QString &a : settings.lookupdAddresses) {
        auto *client = new nsq::LookupdHttpClient(a, this);
        client->setTimeout(m_timeoutMs);
        client->lookup(settings.topic, [=](nsq::Result<nsq::LookupResult> r) {
            if (r.ok()) {
                for (const nsq::NodeInfo &n : r.value().producers) {
                    const QString address = n.httpAddress();
                    if (!found->contains(address))
                        *found << address;
                }
            } else if (!r.error().contains(QLatin1String("TOPIC_NOT_FOUND"))) {
                *errors << r.error();
            }
            client->deleteLater();
            if (--*pending > 0 || generation != m_checkGeneration)
                return;
            if (found->isEmpty() && !errors->isEmpty()) {
                SubscriptionReport report;
                report.warnings << tr("Could not check the topic before subscribing (%1).")
                                       .arg(errors->join(QStringLiteral("; ")));
                Q_EMIT subscriptionChecked(report);
                return;
            }
            checkNsqds(settings, *found, generation);
        });
    }
}

void ServerProbe::checkNsqds(const SessionSettings &settings, const QStringList &httpAddresses,
                             quint64 generation)
{
    auto state = std::make_shared<CheckState>();
    state->settings = settings;
    state->channel = settings.channel;
    const auto finish = [this, state, generation] {
        if (generation != m_checkGeneration)
            return;
        const SessionSettings &s = state->settings;
        const bool ephemeral =
            s.channel.isEmpty() || s.channel.endsWith(QLatin1String("#ephemeral"));
        SubscriptionReport &report = state->report;
        if (state->backlog == 1) {
            report.warnings << (ephemeral
                                    ? tr("Topic %1 has no channel yet and holds 1 message (%2). "
                                         "The first channel created receives it; on this "
                                         "ephemeral channel it is gone for good once this window "
                                         "disconnects.")
                                    : tr("Topic %1 has no channel yet and holds 1 message (%2). "
                                         "The first channel created receives it: channel %3 "
                                         "takes it."))
                                   .arg(s.topic, state->backlogAt.join(QStringLiteral(", ")),
                                        s.channel);
        } else if (state->backlog > 1) {
            report.warnings << (ephemeral
                                    ? tr("Topic %1 has no channel yet and holds %2 messages (%3). "
                                         "The first channel created receives that whole backlog; "
                                         "on this ephemeral channel those messages are gone for "
                                         "good once this window disconnects.")
                                    : tr("Topic %1 has no channel yet and holds %2 messages (%3). "
                                         "The first channel created receives that whole backlog: "
                                         "channel %4 takes it."))
                                   .arg(s.topic)
                                   .arg(state->backlog)
                                   .arg(state->backlogAt.join(QStringLiteral(", ")), s.channel);
        }
        if (state->otherConsumers > 0) {
            QString consequence;
            switch (s.mode) {
            case Mode::Hold:
                consequence = tr("in Hold mode every message held here is one they do not get "
                                 "until it is finished, requeued or times out.");
                break;
            case Mode::Tail:
                consequence = tr("in Tail mode every message this window gets is finished here: "
                                 "they never get it.");
                break;
            case Mode::Peek:
                consequence = tr("in Peek mode they still get every message, one attempt later.");
                break;
            }
            report.warnings << tr("Channel %1 already has %2 other consumer(s): %3")
                                   .arg(s.channel)
                                   .arg(state->otherConsumers)
                                   .arg(consequence);
        }
        if (!ephemeral && !state->channelExists && state->unreachable.isEmpty())
            report.warnings << tr("Channel %1 does not exist yet. Subscribing creates it, and it "
                                  "keeps a copy of every message published to %2 from then on, "
                                  "after this window is gone, until someone deletes it.")
                                   .arg(s.channel, s.topic);
        if (!state->unreachable.isEmpty())
            report.warnings << tr("Could not check the topic before subscribing (%1). Give the "
                                  "nsqd HTTP address if it is not the TCP port + 1.")
                                   .arg(state->unreachable.join(QStringLiteral("; ")));
        if (s.mode == Mode::Hold) {
            report.holdNote =
                report.msgTimeoutMs > 0
                    ? tr("Held messages go back to the channel after msg_timeout, %1, unless "
                         "touched.")
                          .arg(seconds(report.msgTimeoutMs))
                    : tr("Held messages go back to the channel after msg_timeout (nsqd's default "
                         "is 60 s) unless touched.");
        }
        Q_EMIT subscriptionChecked(report);
    };
    if (httpAddresses.isEmpty()) {
        finish();
        return;
    }
    state->pending = int(httpAddresses.size()) * 2;
    for (const QString &a : httpAddresses) {
        auto *client = new nsq::NsqdHttpClient(a, this);
        client->setTimeout(m_timeoutMs);
        client->stats(settings.topic, QString(), [=](nsq::Result<nsq::NsqdStats> r) {
            if (!r.ok()) {
                state->unreachable << r.error();
            } else {
                for (const nsq::TopicStats &t : r.value().topics) {
                    if (t.name != settings.topic)
                        continue;
                    if (t.channels.isEmpty() && t.depth > 0) {
                        state->backlog += t.depth;
                        state->backlogAt << a;
                    }
                    for (const nsq::ChannelStats &c : t.channels) {
                        if (c.name != settings.channel || settings.channel.isEmpty())
                            continue;
                        state->channelExists = true;
                        state->otherConsumers += int(c.clients.size());
                    }
                }
            }
            client->deleteLater();
            if (--state->pending == 0)
                finish();
        });
        // msg_timeout as this nsqd has it (nsqd answers /config/<option>; others may not).
        auto *config = new nsq::HttpApiClient(a, this);
        config->setTimeout(m_timeoutMs);
        config->get(QStringLiteral("/config/msg_timeout"), {}, [=](nsq::Result<QByteArray> r) {
            if (r.ok()) {
                bool ok = false;
                const qint64 ns = r.value().trimmed().toLongLong(&ok);
                if (ok && ns > 0)
                    state->report.msgTimeoutMs = qMax(state->report.msgTimeoutMs, ns / 1000000);
            }
            config->deleteLater();
            if (--state->pending == 0)
                finish();
        });
    }
}

} // namespace nsqui
