#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>

namespace nsq {

// One frame or command on the wire, as the protocol trace shows it.
struct TraceRecord
{
    enum class Direction { Sent, Received };
    Direction direction = Direction::Sent;
    qint64 timestampMs = 0; // wall clock, ms since the Unix epoch
    QString summary;        // decoded, one line
    QByteArray raw;         // the bytes as framed on the wire (before compression and TLS)
};

} // namespace nsq

Q_DECLARE_METATYPE(nsq::TraceRecord)
