#include "decodednode.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace nsqdecode {

namespace {
constexpr qint64 kExactInDouble = qint64(1) << 53;
}

DecodedNode DecodedNode::scalar(Kind kind, QVariant value, QString type)
{
    DecodedNode n;
    n.kind = kind;
    n.value = std::move(value);
    n.type = std::move(type);
    return n;
}

DecodedNode DecodedNode::container(Kind kind, QString type)
{
    DecodedNode n;
    n.kind = kind;
    n.type = std::move(type);
    return n;
}

QString DecodedNode::kindName() const
{
    switch (kind) {
    case Kind::Null:
        return QStringLiteral("null");
    case Kind::Bool:
        return QStringLiteral("bool");
    case Kind::Int:
        return QStringLiteral("int");
    case Kind::UInt:
        return QStringLiteral("uint");
    case Kind::Double:
        return QStringLiteral("float");
    case Kind::String:
        return QStringLiteral("string");
    case Kind::Bytes:
        return QStringLiteral("bytes");
    case Kind::Array:
        return QStringLiteral("array");
    case Kind::Map:
        return QStringLiteral("map");
    }
    return {};
}

QString DecodedNode::displayValue() const
{
    switch (kind) {
    case Kind::Null:
        return QStringLiteral("null");
    case Kind::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case Kind::Int:
        return QString::number(value.toLongLong());
    case Kind::UInt:
        return QString::number(value.toULongLong());
    case Kind::Double:
        return QString::number(value.toDouble(), 'g', 17);
    case Kind::String:
        return value.toString();
    case Kind::Bytes: {
        const QByteArray b = value.toByteArray();
        QString hex = QString::fromLatin1(b.left(32).toHex(' '));
        if (b.size() > 32)
            hex += QStringLiteral(" … (%1 bytes)").arg(b.size());
        return hex;
    }
    case Kind::Array:
        return QStringLiteral("[%1]").arg(children.size());
    case Kind::Map:
        return QStringLiteral("{%1}").arg(children.size());
    }
    return {};
}

qsizetype DecodedNode::count() const
{
    qsizetype n = 1;
    for (const DecodedNode &c : children)
        n += c.count();
    return n;
}

QString keyText(const DecodedNode &key)
{
    if (key.kind == DecodedNode::Kind::String)
        return key.value.toString();
    if (key.kind != DecodedNode::Kind::Map && key.kind != DecodedNode::Kind::Array)
        return key.displayValue();
    QString text = QString::fromUtf8(toJsonText(key, false));
    if (text.size() > 200)
        text = text.left(199) + QChar(0x2026);
    return text;
}

QJsonValue toJson(const DecodedNode &node)
{
    using K = DecodedNode::Kind;
    switch (node.kind) {
    case K::Null:
        return QJsonValue::Null;
    case K::Bool:
        return node.value.toBool();
    case K::Int: {
        const qint64 v = node.value.toLongLong();
        if (v > -kExactInDouble && v < kExactInDouble)
            return double(v);
        return QString::number(v);
    }
    case K::UInt: {
        const quint64 v = node.value.toULongLong();
        if (v < quint64(kExactInDouble))
            return double(v);
        return QString::number(v);
    }
    case K::Double: {
        const double v = node.value.toDouble();
        if (std::isfinite(v))
            return v;
        return std::isnan(v) ? QStringLiteral("NaN")
                             : (v > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity"));
    }
    case K::String:
        return node.value.toString();
    case K::Bytes: {
        QJsonObject o;
        o.insert(QStringLiteral("$base64"),
                 QString::fromLatin1(node.value.toByteArray().toBase64()));
        o.insert(QStringLiteral("$type"),
                 node.type.isEmpty() ? QStringLiteral("bytes") : node.type);
        return o;
    }
    case K::Array: {
        QJsonArray a;
        for (const DecodedNode &c : node.children)
            a.append(toJson(c));
        return a;
    }
    case K::Map: {
        QJsonObject o;
        for (const DecodedNode &c : node.children) {
            // A key that comes twice (MsgPack and CBOR allow it) keeps every value.
            QString key = c.key;
            for (int n = 2; o.contains(key); ++n)
                key = QStringLiteral("%1 (%2)").arg(c.key).arg(n);
            o.insert(key, toJson(c));
        }
        return o;
    }
    }
    return {};
}

QByteArray toJsonText(const DecodedNode &node, bool pretty)
{
    const QJsonValue v = toJson(node);
    const auto format = pretty ? QJsonDocument::Indented : QJsonDocument::Compact;
    if (v.isObject())
        return QJsonDocument(v.toObject()).toJson(format).trimmed();
    if (v.isArray())
        return QJsonDocument(v.toArray()).toJson(format).trimmed();
    // A bare scalar: wrapped to be written by QJsonDocument, then unwrapped.
    const QByteArray wrapped = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

} // namespace nsqdecode
