#pragma once

#include <QObject>
#include <QString>

namespace nsqui {

// How the window writes a moment: local time, UTC, or relative to now ("3.2 s ago"), with
// milliseconds. One choice for every view (message list, trace, timeline, tour, plots,
// metadata), kept in the settings. Exports do not use it: they always carry UTC ISO-8601.
class TimeFormat : public QObject
{
    Q_OBJECT
public:
    enum class Mode { Local, Utc, Relative };

    static TimeFormat &instance();

    Mode mode() const { return m_mode; }
    void setMode(Mode mode);
    static QString modeName(Mode mode); // "local", "utc", "relative"

    // "14:03:07.125", "13:03:07.125Z" or "3.2 s ago".
    QString time(qint64 epochMs) const;
    // As time(), with the date in front when it is not today: a message published days ago, or
    // by a host whose clock is ahead, must not read like one published a moment ago.
    QString when(qint64 epochMs) const;
    // The moment in every form, for a tooltip: local with its UTC offset, UTC, relative.
    QString allForms(qint64 epochMs) const;
    // "at 14:03:07.125" or "3.2 s ago": for a sentence, where "at 3.2 s ago" would be wrong.
    QString atTime(qint64 epochMs) const;
    // With the date: "2026-11-26 14:03:07.125 +01:00" (the offset tells the two 01:30 of a
    // DST change apart), "2026-11-26T13:03:07.125Z", or relative with the UTC moment after it.
    QString dateTime(qint64 epochMs) const;
    // A wall-clock stamp (the log): relative would be "0 s ago" for ever, so local then.
    QString stamp(qint64 epochMs) const;
    // "3.2 s ago", "in 5 s", "4 min 10 s ago", "2 h 5 min ago", "3 d 4 h ago".
    static QString relative(qint64 epochMs, qint64 nowMs);
    // A length of time as relative() writes it: "3.2 s", "4 min 10 s", "2 h 5 min", "3 d 4 h".
    static QString span(qint64 ms);
    static QString isoUtc(qint64 epochMs);
    // Relative times are a second older (the window's clock calls it, in relative mode only).
    void age() { Q_EMIT aged(); }

Q_SIGNALS:
    void changed(); // another mode
    void aged();    // relative texts are to be written again; the mode is the same

private:
    TimeFormat();
    Mode m_mode = Mode::Local;
};

} // namespace nsqui
