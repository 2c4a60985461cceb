#include "timeformat.h"

#include <QDateTime>
#include <QSettings>

namespace nsqui {

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
    if (a < 60'000)
        return tr("%1 s").arg(double(a) / 1000.0, 0, 'f', 1);
    if (a < 3'600'000)
        return tr("%1 min %2 s").arg(a / 60'000).arg((a / 1000) % 60);
    return tr("%1 h %2 min").arg(a / 3'600'000).arg((a / 60'000) % 60);
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

QString TimeFormat::dateTime(qint64 epochMs) const
{
    switch (m_mode) {
    case Mode::Local:
        return QDateTime::fromMSecsSinceEpoch(epochMs).toString(
            QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
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
