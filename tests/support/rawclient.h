#pragma once

#include <protocol/framedecoder.h>
#include <protocol/message.h>

#include <QByteArray>
#include <QTcpSocket>

#include <optional>

// A bare V2 client for conformance tests: bytes out, frames in, nothing clever. It deliberately
// does not use Conn, so that the server is checked on its own.
class RawClient : public QObject
{
    Q_OBJECT
public:
    struct Frame
    {
        qint32 type = -1;
        QByteArray data;
        bool isError() const { return type == 1; }
        bool isResponse() const { return type == 0; }
        bool isMessage() const { return type == 2; }
    };

    explicit RawClient(QObject *parent = nullptr);

    bool connectTo(const QString &host, quint16 port, bool sendMagic = true, int timeoutMs = 10000);
    void send(const QByteArray &bytes);
    // The next frame, skipping heartbeats unless asked for them.
    std::optional<Frame> next(int timeoutMs = 10000, bool keepHeartbeats = false);
    // The next message frame, decoded; heartbeats are answered with NOP on the way.
    std::optional<nsq::Message> nextMessage(int timeoutMs = 10000);
    bool waitForClosed(int timeoutMs = 10000);
    bool isOpen() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    // A full IDENTIFY round trip with the given JSON; returns the answer's data.
    std::optional<QByteArray> identify(const QByteArray &json);
    // SUB and the OK that follows; false on anything else.
    bool subscribe(const QString &topic, const QString &channel);
    QTcpSocket &socket() { return m_socket; }

private:
    QTcpSocket m_socket;
    nsq::FrameDecoder m_decoder;
};
