#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QVariant>

namespace nsqdecode {

// One value of a decoded body, whatever the format: a scalar, or a list or map of children.
// Map children carry their key; a key that is not a string (MsgPack, CBOR) is kept as its JSON
// text. `type` names the encoding where the format says more than the kind (an "int32" field, a
// "fixed64", "ext 5", "tag 1"); `note` is for the reader ("unknown field", "zigzag -3").
struct DecodedNode
{
    enum class Kind { Null, Bool, Int, UInt, Double, String, Bytes, Array, Map };

    Kind kind = Kind::Null;
    QString key;
    QVariant value; // bool, qint64, quint64, double, QString or QByteArray
    QString type;
    QString note;
    QList<DecodedNode> children;

    static DecodedNode scalar(Kind kind, QVariant value, QString type = {});
    static DecodedNode container(Kind kind, QString type = {});

    // How it reads in a tree view's value column: the scalar, or "{3}" / "[12]".
    QString displayValue() const;
    QString kindName() const;
    // Total nodes below (and this one), for the limits.
    qsizetype count() const;
};

// A value used as a map key (MsgPack and CBOR allow any): a string as it is, anything else as
// its JSON text, cut at 200 characters (keys of keys would otherwise grow without bound).
QString keyText(const DecodedNode &key);

// JSON of a decoded value. Bytes become {"$base64": "...", "$type": "bytes"}; 64-bit integers
// beyond 2^53 and non-finite doubles become strings, so no reader loses precision or fails on
// them (a JSON body's own integers past 64 bits were already read as doubles: see the note).
QJsonValue toJson(const DecodedNode &node);
// Indented (pretty) or compact JSON text.
QByteArray toJsonText(const DecodedNode &node, bool pretty);

} // namespace nsqdecode
