#include "sessionsettings.h"

#include <client/address.h>
#include <protocol/names.h>

#include <QRandomGenerator>

namespace nsqui {

QString modeName(Mode mode)
{
    switch (mode) {
    case Mode::Hold:
        return QStringLiteral("hold");
    case Mode::Tail:
        return QStringLiteral("tail");
    case Mode::Peek:
        return QStringLiteral("peek");
    }
    return {};
}

bool modeFromName(const QString &name, Mode *mode)
{
    for (Mode m : {Mode::Hold, Mode::Tail, Mode::Peek}) {
        if (name == modeName(m)) {
            *mode = m;
            return true;
        }
    }
    return false;
}

QString SessionSettings::effectiveChannel() const
{
    if (!channel.isEmpty())
        return channel;
    // Ephemeral: nsqd deletes it when the last consumer leaves, so looking leaves no trace.
    return QStringLiteral("nsq_inspector_%1#ephemeral")
        .arg(QRandomGenerator::global()->bounded(100000, 999999));
}

QStringList SessionSettings::validate() const
{
    QStringList problems;
    if (nsqdAddresses.isEmpty() && lookupdAddresses.isEmpty())
        problems << QStringLiteral("give at least one nsqd TCP or nsqlookupd HTTP address");
    QString host;
    quint16 port = 0;
    for (const QString &a : nsqdAddresses) {
        const QString why = nsq::parseHostPort(a, &host, &port);
        if (!why.isEmpty())
            problems << QStringLiteral("nsqd: %1").arg(why);
    }
    for (const QString &a : lookupdAddresses) {
        QString bare = a;
        if (bare.startsWith(QLatin1String("http://")))
            bare.remove(0, 7);
        const QString why = nsq::parseHostPort(bare, &host, &port);
        if (!why.isEmpty())
            problems << QStringLiteral("nsqlookupd: %1").arg(why);
    }
    for (const QString &a : nsqdHttpAddresses) {
        QString bare = a;
        if (bare.startsWith(QLatin1String("http://")))
            bare.remove(0, 7);
        const QString why = nsq::parseHostPort(bare, &host, &port);
        if (!why.isEmpty())
            problems << QStringLiteral("nsqd HTTP: %1").arg(why);
    }
    if (!nsq::isValidTopicName(topic))
        problems << QStringLiteral(
                        "topic '%1' is not a valid topic name (1-64 of A-Z a-z 0-9 . _ -, "
                        "optionally ending in #ephemeral)")
                        .arg(topic);
    if (!channel.isEmpty() && !nsq::isValidChannelName(channel))
        problems << QStringLiteral("channel '%1' is not a valid channel name").arg(channel);
    if (maxInFlight < 1 || maxInFlight > 1000000)
        problems << QStringLiteral("max in flight must be 1 to 1000000");
    problems << config.validate();
    return problems;
}

} // namespace nsqui
