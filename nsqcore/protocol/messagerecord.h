#pragma once

#include "message.h"
#include "result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

namespace nsq {

// A message as one line of JSON Lines, the format `tail --format jsonl` and the window's export
// write and `pub --format jsonl` and the window's replay read:
//   {"id":"…","timestamp":"<ns>","published":"2026-11-26T13:03:07.125Z","attempts":1,
//    "nsqd":"host:port","topic":"t","body":"…","body_encoding":"utf-8"}
// The body is text when it is valid UTF-8 (so the file stays readable and greppable) and base64
// otherwise ("body_encoding":"base64"); either way it comes back byte for byte. The timestamp is a
// string because nanoseconds since the epoch do not fit a JSON number exactly; "published" is the
// same moment for people (UTC ISO-8601, to the millisecond), and readers go by "timestamp".
struct MessageRecord
{
    Message message;
    QString nsqd;  // the nsqd it came from, when known
    QString topic; // when known
};

// The record as a JSON object, for a writer that adds members of its own (a reader ignores
// members it does not know).
QJsonObject messageRecordObject(const Message &message, const QString &nsqd = {},
                                const QString &topic = {});
// One line, without its newline.
QByteArray encodeMessageRecord(const Message &message, const QString &nsqd = {},
                               const QString &topic = {});
// Reads one line (surrounding blanks and a trailing '\r' allowed). Needs a body; reads the older
// export's "body_base64" and "source" too.
Result<MessageRecord> decodeMessageRecord(QByteArrayView line);
// True when body is valid UTF-8 that converts back to the same bytes.
bool isExactUtf8(const QByteArray &body);

} // namespace nsq
