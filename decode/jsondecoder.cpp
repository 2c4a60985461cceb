#include "decoders.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace nsqdecode {

namespace {

// Before QJsonDocument builds anything: nesting past maxDepth (Qt's own limit is 1024), and more
// values than maxNodes (counted as the commas, colons and brackets that separate them, an upper
// bound), each said with the byte where it is passed.
struct Scan
{
    qsizetype at = -1;
    QString why;
};
Scan scan(const QByteArray &data, const Limits &limits)
{
    int depth = 0;
    qsizetype values = 1;
    bool inString = false;
    for (qsizetype i = 0; i < data.size(); ++i) {
        const char c = data.at(i);
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            ++values;
            if (++depth > limits.maxDepth)
                return {i, QStringLiteral("nested deeper than %1 levels").arg(limits.maxDepth)};
        } else if (c == ']' || c == '}') {
            --depth;
        } else if (c == ',' || c == ':') {
            if (++values > limits.maxNodes)
                return {i, QStringLiteral("more than %1 values").arg(limits.maxNodes)};
        }
    }
    return {};
}

DecodedNode fromJson(const QJsonValue &v)
{
    using K = DecodedNode::Kind;
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return DecodedNode::scalar(K::Null, {});
    case QJsonValue::Bool:
        return DecodedNode::scalar(K::Bool, v.toBool());
    case QJsonValue::Double: {
        const double d = v.toDouble();
        const QVariant raw = v.toVariant();
        if (raw.typeId() == QMetaType::LongLong)
            return DecodedNode::scalar(K::Int, raw.toLongLong());
        DecodedNode n = DecodedNode::scalar(K::Double, d);
        // Qt reads integers past 64 bits (and past 2^53 once they are doubles) as doubles.
        if (std::abs(d) >= 9007199254740992.0 && std::floor(d) == d)
            n.note = QStringLiteral("an integer this large is read as a double: digits past the "
                                    "17th may differ from the body");
        return n;
    }
    case QJsonValue::String:
        return DecodedNode::scalar(K::String, v.toString());
    case QJsonValue::Array: {
        DecodedNode n = DecodedNode::container(K::Array);
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            n.children << fromJson(a.at(i));
            n.children.last().key = QString::number(i);
        }
        return n;
    }
    case QJsonValue::Object: {
        DecodedNode n = DecodedNode::container(K::Map);
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            n.children << fromJson(it.value());
            n.children.last().key = it.key();
        }
        return n;
    }
    }
    return {};
}

} // namespace

DecodeResult decodeJson(const QByteArray &data, const Limits &limits)
{
    if (const Scan s = scan(data, limits); s.at >= 0)
        return DecodeResult::limit(s.why, s.at);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &error);
    DecodeResult r;
    if (error.error == QJsonParseError::NoError && (doc.isObject() || doc.isArray())) {
        r.root = doc.isObject() ? fromJson(doc.object()) : fromJson(doc.array());
        r.description =
            doc.isObject() ? QStringLiteral("JSON object") : QStringLiteral("JSON array");
    } else {
        // A bare scalar ("42", "\"text\"", "true"): QJsonDocument holds one only inside an array.
        QJsonParseError scalarError;
        const QJsonDocument wrapped = QJsonDocument::fromJson(
            QByteArrayLiteral("[") + data + QByteArrayLiteral("]"), &scalarError);
        const QByteArray trimmed = data.trimmed();
        if (scalarError.error != QJsonParseError::NoError || wrapped.array().size() != 1 ||
            trimmed.startsWith('[') || trimmed.startsWith('{')) {
            if (error.error != QJsonParseError::NoError) // Qt may count past the end
                return DecodeResult::failure(error.errorString(),
                                             qMin(qsizetype(error.offset), data.size()));
            return DecodeResult::failure(scalarError.errorString(),
                                         qBound(qsizetype(0), scalarError.offset - 1, data.size()));
        }
        r.root = fromJson(wrapped.array().at(0));
        r.description = QStringLiteral("JSON %1").arg(r.root.kindName());
    }
    r.ok = true;
    if (r.root.count() > limits.maxNodes)
        return DecodeResult::limit(QStringLiteral("more than %1 values").arg(limits.maxNodes), 0);
    return r;
}

} // namespace nsqdecode
