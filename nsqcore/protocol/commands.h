#pragma once

#include "message.h"

#include <QByteArray>
#include <QByteArrayList>
#include <QByteArrayView>

// Encoders for every client command of the V2 protocol. Pure functions: they do not validate
// names (see names.h) and know nothing of connection state.
namespace nsq::cmd {

QByteArray magic();
QByteArray identify(QByteArrayView json);
QByteArray auth(QByteArrayView secret);
QByteArray sub(QByteArrayView topic, QByteArrayView channel);
QByteArray rdy(qint64 count);
QByteArray fin(const MessageId &id);
QByteArray req(const MessageId &id, qint64 delayMs);
QByteArray touch(const MessageId &id);
QByteArray cls();
QByteArray nop();
QByteArray pub(QByteArrayView topic, QByteArrayView body);
QByteArray mpub(QByteArrayView topic, const QByteArrayList &bodies);
QByteArray dpub(QByteArrayView topic, qint64 delayMs, QByteArrayView body);

// Appending forms for the hot path, where many commands go out in one write.
void appendRdy(QByteArray &out, qint64 count);
void appendFin(QByteArray &out, const MessageId &id);
void appendReq(QByteArray &out, const MessageId &id, qint64 delayMs);
void appendTouch(QByteArray &out, const MessageId &id);

} // namespace nsq::cmd
