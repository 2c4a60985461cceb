#pragma once

#include "sessionsettings.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

namespace nsqui {

// What /stats says about subscribing to a topic/channel, before it is done.
struct SubscriptionReport
{
    // Each needs the user's go-ahead: a backlog the first channel takes, other consumers, a
    // channel that will be created and stay, or a check that could not be made.
    QStringList warnings;
    // Hold mode: when held messages go back (information, needs no answer).
    QString holdNote;
    qint64 msgTimeoutMs = 0; // as a server said it; 0 when unknown
};

// Asks the servers' HTTP APIs what the connect form needs: topic names to offer, and whether
// subscribing is safe. Knows nsqd and nsqlookupd HTTP, not the consumer.
class ServerProbe : public QObject
{
    Q_OBJECT
public:
    explicit ServerProbe(QObject *parent = nullptr);
    void setTimeout(int ms) { m_timeoutMs = ms; }

    // nsqd HTTP addresses: the given ones, or each TCP address's port + 1 (nsqd's convention).
    static QStringList nsqdHttpAddresses(const SessionSettings &settings);

    void listTopics(const SessionSettings &settings);
    void checkSubscription(const SessionSettings &settings);
    // The smallest max_req_timeout of the nsqd named (their /config), for checking REQ delays.
    void fetchLimits(const SessionSettings &settings);

Q_SIGNALS:
    void topicsListed(const QStringList &topics, const QString &error);
    void subscriptionChecked(const nsqui::SubscriptionReport &report);
    // 0: no server said.
    void limitsFetched(qint64 maxReqTimeoutMs);

private:
    void checkNsqds(const SessionSettings &settings, const QStringList &httpAddresses,
                    quint64 generation);

    int m_timeoutMs = 3000;
    quint64 m_checkGeneration = 0; // a newer check makes older answers moot
    quint64 m_listGeneration = 0;
};

} // namespace nsqui

Q_DECLARE_METATYPE(nsqui::SubscriptionReport)
