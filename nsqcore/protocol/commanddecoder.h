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
    QByteArray body;       // for IDENTIFY, AUTH, PUB, MPUB, DPUB
    bool hasBody = false;
};

// Splits the client side of a V2 stream into commands: the magic first, then lines, with a
// size-prefixed body for the commands that carry one. Pure, like FrameDecoder; sizes are checked
// against limits before anything is allocated.
class CommandDecoder
{
public:
    enum class Status { NeedMoreData, CommandReady, Failed };
    enum class Error { NoError, BadMagic, LineTooLong, BodyTooLarge, BadBodySize };

    explicit CommandDecoder(qint64 maxBodySize = 5 * 1024 * 1024, qsizetype maxLineLength = 1024);
    // PUB and DPUB carry one message: their size is checked against this as soon as it is read,
    // as nsqd checks --max-msg-size (default: the body limit).
    void setMaxMessageSize(qint64 size) { m_maxMessageSize = size; }

    void feed(QByteArrayView bytes);
    Status next();
    const Command &command() const { return m_command; }
    Error error() const { return m_error; }
    QString errorString() const { return m_errorString; }
    // For servers that reject a body by its size with nsqd's own error text.
    qint64 lastDeclaredBodySize() const { return m_lastBodySize; }
    // The name of the command being read when the decoder failed, if it got that far.
    QByteArray failedCommand() const { return m_failedCommand; }
    QByteArray takeBuffered();
    qsizetype bufferedSize() const { return m_buffer.size(); }
    bool sawMagic() const { return m_sawMagic; }

    static bool carriesBody(QByteArrayView name);

private:
    Status fail(Error error, QString text);

    StreamBuffer m_buffer;
    qint64 m_maxBodySize;
    qint64 m_maxMessageSize;
    qsizetype m_maxLineLength;
    bool m_sawMagic = false;
    qint64 m_lastBodySize = 0;
    QByteArray m_failedCommand;
    Command m_command;
    Error m_error = Error::NoError;
    QString m_errorString;
};

} // namespace nsq
