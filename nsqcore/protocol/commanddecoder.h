#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QByteArrayView>
#include <QString>

#include "streambuffer.h"

namespace nsq {

// A client command as the server sees it.
struct Command
{
    QByteArray name;       // "SUB", "FIN", ...
    QByteArrayList params; // the words after the name
    QByteArray body;       // for IDENTIFY, AUTH, PUB, DPUB
    bool hasBody = false;
    QByteArrayList messages; // MPUB's messages
};

// Splits the client side of a V2 stream into commands: the magic first, then lines, with a
// size-prefixed body for the commands that carry one. Pure, like FrameDecoder; sizes are checked
// against limits before anything is allocated.
//
// MPUB is read as nsqd reads it: after the body size (checked against the body limit) come the
// count and the messages, taken from the stream one by one whatever the declared size said. So a
// count larger than the body waits for more bytes, and a smaller one leaves the rest of the body
// to be read as commands. (Unlike nsqd, the messages read may not add up to more than the body
// limit either.)
class CommandDecoder
{
public:
    enum class Status { NeedMoreData, CommandReady, Failed };
    enum class Error {
        NoError,
        BadMagic,
        LineTooLong,
        BodyTooLarge,
        BadBodySize,
        BadMessageCount, // MPUB: count not positive, or more than the body limit can hold
        BadMessageSize,  // MPUB: a message's size is not positive
        MessageTooLarge, // MPUB: a message above the message limit
    };

    explicit CommandDecoder(qint64 maxBodySize = 5 * 1024 * 1024, qsizetype maxLineLength = 1024);
    // PUB and DPUB carry one message: their size is checked against this as soon as it is read,
    // as nsqd checks --max-msg-size (default: the body limit).
    void setMaxMessageSize(qint64 size) { m_maxMessageSize = size; }

    void feed(QByteArrayView bytes);
    Status next();
    const Command &command() const { return m_command; }
    Error error() const { return m_error; }
    QString errorString() const { return m_errorString; }
    // For servers that reject a body by its size with nsqd's own error text: the body size, the
    // MPUB count, or the size of MPUB message number failedMessageIndex().
    qint64 lastDeclaredBodySize() const { return m_lastBodySize; }
    int failedMessageIndex() const { return m_failedIndex; }
    // The name of the command being read when the decoder failed, if it got that far.
    QByteArray failedCommand() const { return m_failedLine.name; }
    // Its line (name and parameters, no body): a server checks these before the body, as nsqd.
    const Command &failedCommandLine() const { return m_failedLine; }
    QByteArray takeBuffered();
    qsizetype bufferedSize() const { return m_buffer.size(); }
    bool sawMagic() const { return m_sawMagic; }

    static bool carriesBody(QByteArrayView name);

private:
    Status failMpub(Error error, QString text);
    Status fail(Error error, QString text);
    Status nextMpubMessage();

    StreamBuffer m_buffer;
    qint64 m_maxBodySize;
    qint64 m_maxMessageSize;
    qsizetype m_maxLineLength;
    bool m_sawMagic = false;
    qint64 m_lastBodySize = 0;
    int m_failedIndex = -1;
    Command m_failedLine;
    // An MPUB being read message by message.
    bool m_inMpub = false;
    Command m_mpub;
    qint32 m_mpubLeft = 0;
    qint64 m_mpubBytes = 0;
    Command m_command;
    Error m_error = Error::NoError;
    QString m_errorString;
};

} // namespace nsq
