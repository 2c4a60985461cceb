#include "commands.h"

#include "bytes.h"

namespace nsq::cmd {

namespace {

void appendNumber(QByteArray &out, qint64 n)
{
    char digits[24];
    int len = 0;
    const bool negative = n < 0;
    quint64 v = negative ? quint64(0) - quint64(n) : quint64(n);
    do {
        digits[len++] = char('0' + v % 10);
        v /= 10;
    } while (v != 0);
    if (negative)
        out.append('-');
    while (len > 0)
        out.append(digits[--len]);
}

QByteArray withBody(QByteArrayView line, QByteArrayView body)
{
    QByteArray out;
    out.reserve(line.size() + 5 + body.size());
    out.append(line);
    out.append('\n');
    appendBigEndian32(out, quint32(body.size()));
    out.append(body);
    return out;
}

} // namespace

QByteArray magic()
{
    return QByteArrayLiteral("  V2");
}

QByteArray identify(QByteArrayView json)
{
    return withBody("IDENTIFY", json);
}

QByteArray auth(QByteArrayView secret)
{
    return withBody("AUTH", secret);
}

QByteArray sub(QByteArrayView topic, QByteArrayView channel)
{
    QByteArray out = "SUB ";
    out.append(topic);
    out.append(' ');
    out.append(channel);
    out.append('\n');
    return out;
}

void appendRdy(QByteArray &out, qint64 count)
{
    out.append("RDY ", 4);
    appendNumber(out, count);
    out.append('\n');
}

void appendFin(QByteArray &out, const MessageId &id)
{
    out.append("FIN ", 4);
    out.append(id.view());
    out.append('\n');
}

void appendReq(QByteArray &out, const MessageId &id, qint64 delayMs)
{
    out.append("REQ ", 4);
    out.append(id.view());
    out.append(' ');
    appendNumber(out, delayMs);
    out.append('\n');
}

void appendTouch(QByteArray &out, const MessageId &id)
{
    out.append("TOUCH ", 6);
    out.append(id.view());
    out.append('\n');
}

QByteArray rdy(qint64 count)
{
    QByteArray out;
    appendRdy(out, count);
    return out;
}

QByteArray fin(const MessageId &id)
{
    QByteArray out;
    appendFin(out, id);
    return out;
}

QByteArray req(const MessageId &id, qint64 delayMs)
{
    QByteArray out;
    appendReq(out, id, delayMs);
    return out;
}

QByteArray touch(const MessageId &id)
{
    QByteArray out;
    appendTouch(out, id);
    return out;
}

QByteArray cls()
{
    return QByteArrayLiteral("CLS\n");
}

QByteArray nop()
{
    return QByteArrayLiteral("NOP\n");
}

QByteArray pub(QByteArrayView topic, QByteArrayView body)
{
    return withBody(QByteArray("PUB ") + topic.toByteArray(), body);
}

QByteArray mpub(QByteArrayView topic, const QByteArrayList &bodies)
{
    QByteArray payload;
    qsizetype total = 4;
    for (const QByteArray &b : bodies)
        total += 4 + b.size();
    payload.reserve(total);
    appendBigEndian32(payload, quint32(bodies.size()));
    for (const QByteArray &b : bodies) {
        appendBigEndian32(payload, quint32(b.size()));
        payload.append(b);
    }
    return withBody(QByteArray("MPUB ") + topic.toByteArray(), payload);
}

QByteArray dpub(QByteArrayView topic, qint64 delayMs, QByteArrayView body)
{
    QByteArray line = "DPUB ";
    line.append(topic);
    line.append(' ');
    appendNumber(line, delayMs);
    return withBody(line, body);
}

} // namespace nsq::cmd
