#include "commanddecoder.h"

#include "bytes.h"

namespace nsq {

CommandDecoder::CommandDecoder(qint64 maxBodySize, qsizetype maxLineLength)
    : m_maxBodySize(maxBodySize), m_maxMessageSize(maxBodySize), m_maxLineLength(maxLineLength)
{
}

bool CommandDecoder::carriesBody(QByteArrayView name)
{
    return name == "IDENTIFY" || name == "AUTH" || name == "PUB" || name == "MPUB" ||
           name == "DPUB";
}

void CommandDecoder::feed(QByteArrayView bytes)
{
    if (m_error != Error::NoError)
        return;
    m_buffer.append(bytes);
}

CommandDecoder::Status CommandDecoder::next()
{
    if (m_error != Error::NoError)
        return Status::Failed;
    if (m_inMpub)
        return nextMpubMessage();
    const qsizetype available = m_buffer.size();
    const char *p = m_buffer.data();
    if (!m_sawMagic) {
        if (available < 4)
            return Status::NeedMoreData;
        if (QByteArrayView(p, 4) != QByteArrayView("  V2"))
            return fail(Error::BadMagic, QStringLiteral("bad protocol magic '%1'")
                                             .arg(QString::fromLatin1(QByteArray(p, 4).toHex())));
        m_sawMagic = true;
        m_buffer.consume(4);
        return next();
    }
    const qsizetype nl = QByteArrayView(p, available).indexOf('\n');
    if (nl < 0) {
        if (available > m_maxLineLength)
            return fail(Error::LineTooLong,
                        QStringLiteral("command line longer than %1 bytes").arg(m_maxLineLength));
        return Status::NeedMoreData;
    }
    if (nl > m_maxLineLength)
        return fail(Error::LineTooLong,
                    QStringLiteral("command line longer than %1 bytes").arg(m_maxLineLength));
    QByteArrayView line(p, nl);
    if (line.endsWith('\r'))
        line.chop(1);
    const qsizetype space = line.indexOf(' ');
    const QByteArrayView name = space < 0 ? line : line.first(space);
    qsizetype consumed = nl + 1;
    Command c;
    c.name = name.toByteArray();
    if (space >= 0)
        c.params = line.sliced(space + 1).toByteArray().split(' ');
    if (!carriesBody(name)) {
        m_buffer.consume(consumed);
        m_command = std::move(c);
        return Status::CommandReady;
    }
    if (available - consumed < 4)
        return Status::NeedMoreData;
    const qint32 size = qint32(readBigEndian32(p + consumed));
    m_lastBodySize = size;
    m_failedLine = c;
    m_failedIndex = -1;
    if (size <= 0)
        return fail(Error::BadBodySize, QStringLiteral("invalid body size %1").arg(size));
    const bool oneMessage = name == "PUB" || name == "DPUB";
    const qint64 limit = oneMessage ? m_maxMessageSize : m_maxBodySize;
    if (size > limit)
        return fail(Error::BodyTooLarge,
                    QStringLiteral("body too big %1 > %2").arg(size).arg(limit));
    if (name == "MPUB") {
        if (available - consumed < 8)
            return Status::NeedMoreData;
        const qint32 count = qint32(readBigEndian32(p + consumed + 4));
        m_lastBodySize = count;
        if (count <= 0 || count > (m_maxBodySize - 4) / 5) // each message takes 5 bytes at least
            return fail(Error::BadMessageCount,
                        QStringLiteral("invalid message count %1").arg(count));
        m_buffer.consume(consumed + 8);
        m_inMpub = true;
        m_mpub = std::move(c);
        m_mpub.hasBody = true;
        // The count is the peer's word: reserve only what a real batch would usually need.
        m_mpub.messages.reserve(qMin(count, 4096));
        m_mpubLeft = count;
        m_mpubBytes = 4;
        return nextMpubMessage();
    }
    if (available - consumed - 4 < size)
        return Status::NeedMoreData;
    c.body = QByteArray(p + consumed + 4, size);
    c.hasBody = true;
    consumed += 4 + size;
    m_buffer.consume(consumed);
    m_command = std::move(c);
    return Status::CommandReady;
}

CommandDecoder::Status CommandDecoder::nextMpubMessage()
{
    while (m_mpubLeft > 0) {
        const qsizetype available = m_buffer.size();
        if (available < 4)
            return Status::NeedMoreData;
        const char *p = m_buffer.data();
        const qint32 size = qint32(readBigEndian32(p));
        m_lastBodySize = size;
        if (size <= 0)
            return failMpub(Error::BadMessageSize,
                            QStringLiteral("invalid message(%1) body size %2")
                                .arg(m_mpub.messages.size())
                                .arg(size));
        if (size > m_maxMessageSize)
            return failMpub(
                Error::MessageTooLarge,
                QStringLiteral("message too big %1 > %2").arg(size).arg(m_maxMessageSize));
        if (m_mpubBytes + 4 + size > m_maxBodySize)
            return failMpub(Error::BodyTooLarge, QStringLiteral("body too big %1 > %2")
                                                     .arg(m_mpubBytes + 4 + size)
                                                     .arg(m_maxBodySize));
        if (available - 4 < size)
            return Status::NeedMoreData;
        m_mpub.messages.append(QByteArray(p + 4, size));
        m_buffer.consume(4 + size);
        m_mpubBytes += 4 + size;
        --m_mpubLeft;
    }
    m_inMpub = false;
    m_failedIndex = -1;
    m_command = std::exchange(m_mpub, {});
    return Status::CommandReady;
}

QByteArray CommandDecoder::takeBuffered()
{
    return m_buffer.takeAll();
}

CommandDecoder::Status CommandDecoder::failMpub(Error error, QString text)
{
    m_failedIndex = int(m_mpub.messages.size());
    m_failedLine = Command();
    m_failedLine.name = m_mpub.name;
    m_failedLine.params = m_mpub.params;
    m_failedLine.hasBody = true;
    return fail(error, std::move(text));
}

CommandDecoder::Status CommandDecoder::fail(Error error, QString text)
{
    m_error = error;
    m_errorString = std::move(text);
    m_buffer.clear();
    m_inMpub = false;
    m_mpub = {};
    return Status::Failed;
}

} // namespace nsq
