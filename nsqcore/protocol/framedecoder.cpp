#include "framedecoder.h"

#include "bytes.h"

namespace nsq {

FrameDecoder::FrameDecoder(qint64 maxFrameSize) : m_maxFrameSize(maxFrameSize) {}

void FrameDecoder::feed(QByteArrayView bytes)
{
    if (m_error != Error::NoError)
        return;
    m_buffer.append(bytes);
}

FrameDecoder::Status FrameDecoder::next()
{
    if (m_error != Error::NoError)
        return Status::Failed;
    const qsizetype available = m_buffer.size();
    if (available < 4)
        return Status::NeedMoreData;
    const char *p = m_buffer.data();
    const quint32 size = readBigEndian32(p);
    if (size < 4)
        return fail(Error::FrameTooSmall,
                    QStringLiteral("frame size %1 is too small to hold a frame type").arg(size));
    if (qint64(size) > m_maxFrameSize)
        return fail(Error::FrameTooLarge,
                    QStringLiteral("frame of %1 bytes exceeds the maximum of %2")
                        .arg(size)
                        .arg(m_maxFrameSize));
    if (available >= 8) {
        const qint32 type = qint32(readBigEndian32(p + 4));
        if (type < 0 || type > 2)
            return fail(Error::UnknownFrameType, QStringLiteral("unknown frame type %1").arg(type));
    }
    if (available < qsizetype(4 + size))
        return Status::NeedMoreData;
    m_frame.type = FrameType(readBigEndian32(p + 4));
    m_frame.data = QByteArrayView(p + 8, qsizetype(size) - 4);
    m_buffer.consume(4 + qsizetype(size));
    return Status::FrameReady;
}

QByteArray FrameDecoder::takeBuffered()
{
    return m_buffer.takeAll();
}

void FrameDecoder::reset()
{
    m_buffer.clear();
    m_frame = {};
    m_error = Error::NoError;
    m_errorString.clear();
}

FrameDecoder::Status FrameDecoder::fail(Error error, QString text)
{
    m_error = error;
    m_errorString = std::move(text);
    m_buffer.clear();
    return Status::Failed;
}

} // namespace nsq
