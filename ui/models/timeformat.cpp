#include "timeformat.h"

#include <QDateTime>
#include <QSettings>

namespace nsqui {

namespace {
// "+01:00", "-04:00", "+05:30".
QString offsetText(int seconds)
{
    const int m = qAbs(seconds) / 60;
    return QStringLiteral("%1%2:%3")
        .arg(seconds < 0 ? QLatin1Char('-') : QLatin1Char('+'))
        .arg(m / 60, 2, 10, QLatin1Char('0'))
        .arg(m % 60, 2, 10, QLatin1Char('0'));
}
} // namespace

TimeFormat &TimeFormat::instance()
{
    static TimeFormat format;
    return format;
}

TimeFormat::TimeFormat()
{
    const QString saved = QSettings().value(QStringLiteral("view/timeMode")).toString();
    for (Mode m : {Mode::Local, Mode::Utc, Mode::Relative})
        if (saved == modeName(m))
            m_mode = m;
}

QString TimeFormat::modeName(Mode mode)
{
    switch (mode) {
    case Mode::Local:
        return QStringLiteral("local");
    case Mode::Utc:
        return QStringLiteral("utc");
    case Mode::Relative:
        return QStringLiteral("relative");
    }
    return {};
}

void TimeFormat::setMode(Mode mode)
{
    QSettings().setValue(QStringLiteral("view/timeMode"), modeName(mode));
    if (mode == m_mode)
        return;
    m_mode = mode;
    Q_EMIT changed();
}

QString TimeFormat::span(qint64 ms)
{
    const qint64 a = qAbs(ms);
    if (a < 59'950) // what would round to "60.0 s" reads as a minute
        return tr("%1 s").arg(double(a) / 1000.0, 0, 'f', 1);
    if (a < 3'600'000) {
        const qint64 seconds = (a + 500) / 1000; // 59.96 s is 1 min 0 s, not 0 min 59 s
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    }
    if (a < 86'400'000)
        return tr("%1 h %2 min").arg(a / 3'600'000).arg((a / 60'000) % 60);
    return tr("%1 d %2 h").arg(a / 86'400'000).arg((a / 3'600'000) % 24);
}

QString TimeFormat::relative(qint64 epochMs, qint64 nowMs)
{
    const qint64 delta = nowMs - epochMs;
    const QString amount = span(delta);
    return delta >= 0 ? tr("%1 ago").arg(amount) : tr("in %1").arg(amount);
}

QString TimeFormat::isoUtc(qint64 epochMs)
{
    return QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString TimeFormat::time(qint64 epochMs) const
{
    switch (m_mode) {
    case Mode::Local:
        return QDateTime::fromMSecsSinceEpoch(epochMs).toString(QStringLiteral("HH:mm:ss.zzz"));
    case Mode::Utc:
        return QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC)
                   .toString(QStringLiteral("HH:mm:ss.zzz")) +
               QLatin1Char('Z');
    case Mode::Relative:
        return relative(epochMs, QDateTime::currentMSecsSinceEpoch());
    }
    return {};
}

QString TimeFormat::when(qint64 epochMs) const
{
    // Asked for each cell painted: the moment is converted once.
    switch (m_mode) {
    case Mode::Local: {
        const QDateTime t = QDateTime::fromMSecsSinceEpoch(epochMs);
        return t.toString(t.date() == QDate::currentDate()
                              ? QStringLiteral("HH:mm:ss.zzz")
                              : QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    }
    case Mode::Utc: {
        const QDateTime t = QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC);
        return t.date() == QDateTime::currentDateTimeUtc().date()
                   ? t.toString(QStringLiteral("HH:mm:ss.zzz")) + QLatin1Char('Z')
                   : t.toString(Qt::ISODateWithMs);
    }
    case Mode::Relative:
        break;
    }
    return time(epochMs);
}

QString TimeFormat::allForms(qint64 epochMs) const
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(epochMs);
    return tr("%1 local\n%2\n%3")
        .arg(local.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz ")) +
                 offsetText(local.offsetFromUtc()),
             isoUtc(epochMs), relative(epochMs, QDateTime::currentMSecsSinceEpoch()));
}

QString TimeFormat::atTime(qint64 epochMs) const
{
    return m_mode == Mode::Relative ? time(epochMs) : tr("at %1").arg(time(epochMs));
}

QString TimeFormat::dateTime(qint64 epochMs) const
{
    switch (m_mode) {
    case Mode::Local:
        return QDateTime::fromMSecsSinceEpoch(epochMs).toString(
                   QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz ")) +
               offsetText(QDateTime::fromMSecsSinceEpoch(epochMs).offsetFromUtc());
    case Mode::Utc:
        return isoUtc(epochMs);
    case Mode::Relative:
        return QStringLiteral("%1 (%2)").arg(relative(epochMs, QDateTime::currentMSecsSinceEpoch()),
                                             isoUtc(epochMs));
    }
    return {};
}

QString TimeFormat::stamp(qint64 epochMs) const
{
    return m_mode == Mode::Utc
               ? time(epochMs)
               : QDateTime::fromMSecsSinceEpoch(epochMs).toString(QStringLiteral("HH:mm:ss.zzz"));
}

} // namespace nsqui
