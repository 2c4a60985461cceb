#include "message.h"

#include "bytes.h"

namespace nsq {

Result<Message> decodeMessage(QByteArrayView data)
{
    if (data.size() < Message::HeaderSize)
        return Result<Message>::failure(
            QStringLiteral("message frame of %1 bytes is shorter than the %2-byte message header")
                .arg(data.size())
                .arg(Message::HeaderSize));
    const auto *p = reinterpret_cast<const uchar *>(data.data());
    Message m;
    m.timestamp = qFromBigEndian<qint64>(p);
    m.attempts = qFromBigEndian<quint16>(p + 8);
    m.id = MessageId::fromBytes(data.sliced(10, MessageId::Size));
    m.body = data.sliced(Message::HeaderSize).toByteArray();
    return m;
}

QByteArray encodeMessage(const Message &message)
{
    QByteArray out;
    out.reserve(Message::HeaderSize + message.body.size());
    appendBigEndian64(out, quint64(message.timestamp));
    appendBigEndian16(out, message.attempts);
    out.append(message.id.view());
    out.append(message.body);
    return out;
}

} // namespace nsq
