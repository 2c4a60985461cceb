#include "sessionsettings.h"

#include <QCoreApplication>

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

QStringList addressProblems(const QStringList &addresses, bool http)
{
    QStringList problems;
    for (QString a : addresses) {
        if (http && a.startsWith(QLatin1String("http://")))
            a.remove(0, 7);
        QString host;
        quint16 port = 0;
        const QString why = nsq::parseHostPort(a, &host, &port);
        if (!why.isEmpty())
            problems << why;
    }
    return problems;
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
        problems << QCoreApplication::translate(
            "SessionSettings", "give at least one nsqd TCP or nsqlookupd HTTP address");
    for (const QString &why : addressProblems(nsqdAddresses, false))
        problems << QCoreApplication::translate("SessionSettings", "nsqd: %1").arg(why);
    for (const QString &why : addressProblems(lookupdAddresses, true))
        problems << QCoreApplication::translate("SessionSettings", "nsqlookupd: %1").arg(why);
    for (const QString &why : addressProblems(nsqdHttpAddresses, true))
        problems << QCoreApplication::translate("SessionSettings", "nsqd HTTP: %1").arg(why);
    if (!nsq::isValidTopicName(topic))
        problems << QCoreApplication::translate(
                        "SessionSettings",
                        "topic '%1' is not a valid topic name (1-64 of A-Z a-z 0-9 . _ -, "
                        "optionally ending in #ephemeral)")
                        .arg(topic);
    if (!channel.isEmpty() && !nsq::isValidChannelName(channel))
        problems << QCoreApplication::translate("SessionSettings",
                                                "channel '%1' is not a valid channel name")
                        .arg(channel);
    if (maxInFlight < 1 || maxInFlight > 1000000)
        problems << QCoreApplication::translate("SessionSettings",
                                                "max in flight must be 1 to 1000000");
    problems << config.validate();
    return problems;
}

} // namespace nsqui
