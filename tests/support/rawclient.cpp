#include "rawclient.h"

#include <protocol/commands.h>

#include <QTest>

RawClient::RawClient(QObject *parent) : QObject(parent) {}

bool RawClient::connectTo(const QString &host, quint16 port, bool sendMagic, int timeoutMs)
{
    m_socket.connectToHost(host, port);
    if (!QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::ConnectedState; },
                         timeoutMs))
        return false;
    if (sendMagic)
        send(nsq::cmd::magic());
    return true;
}

void RawClient::send(const QByteArray &bytes)
{
    m_socket.write(bytes);
    m_socket.flush();
}

std::optional<RawClient::Frame> RawClient::next(int timeoutMs, bool keepHeartbeats)
{
    std::optional<Frame> result;
    (void)QTest::qWaitFor(
        [&] {
            for (;;) {
                if (m_socket.bytesAvailable() > 0)
                    m_decoder.feed(m_socket.readAll());
                if (m_decoder.next() != nsq::FrameDecoder::Status::FrameReady)
                    return false;
                const auto &f = m_decoder.frame();
                if (!keepHeartbeats && f.type == nsq::FrameType::Response &&
                    f.data == QByteArrayView("_heartbeat_")) {
                    send(nsq::cmd::nop());
                    continue;
                }
                result = Frame{qint32(f.type), f.data.toByteArray()};
                return true;
            }
        },
        timeoutMs);
    return result;
}

std::optional<nsq::Message> RawClient::nextMessage(int timeoutMs)
{
    const auto f = next(timeoutMs);
    if (!f || !f->isMessage())
        return std::nullopt;
    const auto m = nsq::decodeMessage(f->data);
    if (!m.ok())
        return std::nullopt;
    return m.value();
}

bool RawClient::waitForClosed(int timeoutMs)
{
    return QTest::qWaitFor(
        [this] {
            if (m_socket.bytesAvailable() > 0)
                m_decoder.feed(m_socket.readAll());
            return m_socket.state() == QAbstractSocket::UnconnectedState;
        },
        timeoutMs);
}

std::optional<QByteArray> RawClient::identify(const QByteArray &json)
{
    send(nsq::cmd::identify(json));
    const auto f = next();
    if (!f || !f->isResponse())
        return std::nullopt;
    return f->data;
}

bool RawClient::subscribe(const QString &topic, const QString &channel)
{
    send(nsq::cmd::sub(topic.toLatin1(), channel.toLatin1()));
    const auto f = next();
    return f && f->isResponse() && f->data == "OK";
}
