#pragma once

#include "result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHashFunctions>
#include <QMetaType>

#include <array>
#include <cstring>

namespace nsq {

// The 16-byte message ID as nsqd sends it (ASCII hex). Stored inline so that tracking
// messages in flight costs no allocation per message.
struct MessageId
{
    static constexpr qsizetype Size = 16;
    std::array<char, Size> bytes{};

    static MessageId fromBytes(QByteArrayView raw)
    {
        MessageId id;
        std::memcpy(id.bytes.data(), raw.data(), size_t(qMin(raw.size(), Size)));
        return id;
    }
    QByteArrayView view() const { return QByteArrayView(bytes.data(), Size); }
    QByteArray toByteArray() const { return QByteArray(bytes.data(), Size); }
    QString toString() const { return QString::fromLatin1(bytes.data(), Size); }

    friend bool operator==(const MessageId &a, const MessageId &b) { return a.bytes == b.bytes; }
    friend bool operator!=(const MessageId &a, const MessageId &b) { return !(a == b); }
};

inline size_t qHash(const MessageId &id, size_t seed = 0)
{
    return qHashBits(id.bytes.data(), MessageId::Size, seed);
}

struct Message
{
    // Fixed part of a message frame: timestamp (8), attempts (2), ID (16).
    static constexpr qsizetype HeaderSize = 8 + 2 + MessageId::Size;

    MessageId id;
    qint64 timestamp = 0; // nanoseconds since the Unix epoch, as nsqd stamped it
    quint16 attempts = 0;
    QByteArray body;
};

// Decodes the data of a message frame (after the frame type).
Result<Message> decodeMessage(QByteArrayView frameData);

// Encodes message frame data; the broker's side of decodeMessage.
QByteArray encodeMessage(const Message &message);

} // namespace nsq

Q_DECLARE_METATYPE(nsq::MessageId)
Q_DECLARE_METATYPE(nsq::Message)
