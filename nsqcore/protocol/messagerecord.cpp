#include "messagerecord.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>

namespace nsq {

namespace {
const QString kId = QStringLiteral("id");
const QString kTimestamp = QStringLiteral("timestamp");
const QString kPublished = QStringLiteral("published");
const QString kAttempts = QStringLiteral("attempts");
const QString kNsqd = QStringLiteral("nsqd");
const QString kTopic = QStringLiteral("topic");
const QString kBody = QStringLiteral("body");
const QString kEncoding = QStringLiteral("body_encoding");
} // namespace

bool isExactUtf8(const QByteArray &body)
{
    return QString::fromUtf8(body).toUtf8() == body;
}

QJsonObject messageRecordObject(const Message &m, const QString &nsqd, const QString &topic)
{
    QJsonObject o;
    o.insert(kId, m.id.toString());
    o.insert(kTimestamp, QString::number(m.timestamp));
    o.insert(kPublished, QDateTime::fromMSecsSinceEpoch(m.timestamp / 1'000'000, Qt::UTC)
                             .toString(Qt::ISODateWithMs));
    o.insert(kAttempts, int(m.attempts));
    if (!nsqd.isEmpty())
        o.insert(kNsqd, nsqd);
    if (!topic.isEmpty())
        o.insert(kTopic, topic);
    if (isExactUtf8(m.body)) {
        o.insert(kBody, QString::fromUtf8(m.body));
        o.insert(kEncoding, QStringLiteral("utf-8"));
    } else {
        o.insert(kBody, QString::fromLatin1(m.body.toBase64()));
        o.insert(kEncoding, QStringLiteral("base64"));
    }
    return o;
}

QByteArray encodeMessageRecord(const Message &m, const QString &nsqd, const QString &topic)
{
    return QJsonDocument(messageRecordObject(m, nsqd, topic)).toJson(QJsonDocument::Compact);
}

Result<MessageRecord> decodeMessageRecord(QByteArrayView line)
{
    QByteArray text = line.toByteArray().trimmed();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Result<MessageRecord>::failure(QStringLiteral("not JSON (%1 at offset %2)")
                                                  .arg(parseError.errorString())
                                                  .arg(parseError.offset));
    if (!doc.isObject())
        return Result<MessageRecord>::failure(QStringLiteral("not a JSON object"));
    const QJsonObject o = doc.object();
    MessageRecord r;
    const QJsonValue body = o.value(kBody);
    const QJsonValue legacy = o.value(QLatin1String("body_base64"));
    QString encoding = o.value(kEncoding).toString(QStringLiteral("utf-8"));
    QString bodyText;
    if (body.isString()) {
        bodyText = body.toString();
    } else if (legacy.isString() && body.isUndefined()) {
        bodyText = legacy.toString();
        encoding = QStringLiteral("base64");
    } else {
        return Result<MessageRecord>::failure(QStringLiteral("no \"body\" string"));
    }
    if (encoding == QLatin1String("utf-8")) {
        // JSON's \ud800 escapes can name half a character, which UTF-8 cannot carry.
        for (qsizetype i = 0; i < bodyText.size(); ++i) {
            const QChar c = bodyText.at(i);
            if (c.isHighSurrogate() && i + 1 < bodyText.size() &&
                bodyText.at(i + 1).isLowSurrogate())
                ++i;
            else if (c.isSurrogate())
                return Result<MessageRecord>::failure(
                    QStringLiteral("\"body\" has half a UTF-16 surrogate pair at character %1, "
                                   "which is no text (write such bodies as base64)")
                        .arg(i + 1));
        }
        r.message.body = bodyText.toUtf8();
    } else if (encoding == QLatin1String("base64")) {
        const auto decoded = QByteArray::fromBase64Encoding(
            bodyText.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return Result<MessageRecord>::failure(QStringLiteral("\"body\" is not valid base64"));
        r.message.body = decoded.decoded;
    } else {
        return Result<MessageRecord>::failure(
            QStringLiteral("unknown \"body_encoding\" '%1' (utf-8 or base64)").arg(encoding));
    }
    const QJsonValue ts = o.value(kTimestamp);
    bool ok = true;
    if (ts.isString())
        r.message.timestamp = ts.toString().toLongLong(&ok);
    else if (ts.isDouble())
        r.message.timestamp = qint64(ts.toDouble());
    if (!ok)
        return Result<MessageRecord>::failure(
            QStringLiteral("\"timestamp\" '%1' is not nanoseconds").arg(ts.toString()));
    const QString id = o.value(kId).toString();
    if (id.size() == MessageId::Size)
        r.message.id = MessageId::fromBytes(id.toLatin1());
    r.message.attempts = quint16(qBound(0, o.value(kAttempts).toInt(), 65535));
    r.nsqd = o.value(kNsqd).toString(o.value(QLatin1String("source")).toString());
    r.topic = o.value(kTopic).toString();
    return r;
}

} // namespace nsq
