#pragma once

#include "frame.h"
#include "streambuffer.h"

#include <QByteArray>
#include <QString>

namespace nsq {

// Splits a byte stream from nsqd into frames. Pure: no sockets, no clock, no event loop.
// Size fields are never trusted: a frame above maxFrameSize is an error, not an allocation.
// After an error the stream is out of step and the decoder stays failed until reset().
class FrameDecoder
{
public:
    // Well above nsqd's default --max-msg-size (1 MiB) plus the message header.
    static constexpr qint64 DefaultMaxFrameSize = 16 * 1024 * 1024;

    enum class Status { NeedMoreData, FrameReady, Failed };
    enum class Error { NoError, FrameTooLarge, FrameTooSmall, UnknownFrameType };

    explicit FrameDecoder(qint64 maxFrameSize = DefaultMaxFrameSize);

    void feed(QByteArrayView bytes);
    // Advances to the next whole frame. On FrameReady, frame() is valid until the next feed().
    Status next();
    const FrameView &frame() const { return m_frame; }

    Error error() const { return m_error; }
    QString errorString() const { return m_errorString; }

    // Bytes fed but not yet returned as frames. Used when the stream switches to a
    // decompressor: whatever followed the last plain frame belongs to the new layer.
    QByteArray takeBuffered();
    qsizetype bufferedSize() const { return m_buffer.size(); }

    qint64 maxFrameSize() const { return m_maxFrameSize; }
    void reset();

private:
    Status fail(Error error, QString text);

    StreamBuffer m_buffer;
    qint64 m_maxFrameSize;
    FrameView m_frame;
    Error m_error = Error::NoError;
    QString m_errorString;
};

} // namespace nsq
