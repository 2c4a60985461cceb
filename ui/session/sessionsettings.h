#pragma once

#include <client/config.h>

#include <QStringList>

namespace nsqui {

// Why each of these host:port addresses is unusable (an http:// prefix is allowed when http).
QStringList addressProblems(const QStringList &addresses, bool http);

// How the window treats what arrives.
enum class Mode {
    Hold, // every message stays in flight until the user acts
    Tail, // finished on arrival, like nsq_tail
    Peek, // requeued at once with no delay: others still get it, its attempts grow
};

QString modeName(Mode mode);                        // "hold", "tail", "peek"
bool modeFromName(const QString &name, Mode *mode); // false for anything else

// What a session connects to and how. Checked as a whole by validate() before anything is sent.
struct SessionSettings
{
    QStringList nsqdAddresses;     // host:port of nsqd TCP
    QStringList lookupdAddresses;  // host:port (or http://host:port) of nsqlookupd HTTP
    QStringList nsqdHttpAddresses; // for /stats; empty: each nsqd's TCP port + 1
    QString topic;
    QString channel; // empty: a fresh ephemeral channel
    Mode mode = Mode::Hold;
    int maxInFlight = 25;
    // Past this many attempts a message is given up on (finished, and listed as such); 0 never:
    // an inspector leaves every message to the user unless told otherwise.
    int giveUpAfter = 0;
    nsq::Config config;

    // The channel that will be used: the given one, or a fresh ephemeral one.
    QString effectiveChannel() const;
    QStringList validate() const;
};

} // namespace nsqui
