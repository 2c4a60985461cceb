#include "decoders.h"
#include "text.h"

#include <QMap>

#include <cstring>

namespace nsqdecode {

namespace {

using K = DecodedNode::Kind;

// Raw protobuf guesses: a length-delimited field is tried as a nested message at each level,
// so the depth of guessing is kept lower than the general limit.
constexpr int kMaxGuessDepth = 64;

struct Reader
{
    const QByteArray &data;
    qsizetype pos;
    qsizetype end;
    QString error;
    qsizetype errorAt = -1;

    bool fail(QString why, qsizetype at)
    {
        error = std::move(why);
        errorAt = at;
        return false;
    }
    bool varint(quint64 *out)
    {
        const qsizetype start = pos;
        quint64 v = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            if (pos >= end)
                return fail(QStringLiteral("the data ends inside a varint"), start);
            const quint8 b = quint8(data.at(pos++));
            if (shift == 63 && b > 1)
                return fail(QStringLiteral("a varint longer than 64 bits"), start);
            v |= quint64(b & 0x7f) << shift;
            if (!(b & 0x80)) {
                *out = v;
                return true;
            }
        }
        return fail(QStringLiteral("a varint longer than 10 bytes"), start);
    }
    bool fixed(int bytes, quint64 *out)
    {
        if (end - pos < bytes)
            return fail(QStringLiteral("the data ends inside a fixed%1").arg(bytes * 8), pos);
        quint64 v = 0;
        for (int i = bytes - 1; i >= 0; --i)
            v = (v << 8) | quint8(data.at(pos + i));
        pos += bytes;
        *out = v;
        return true;
    }
};

DecodedNode varintNode(quint64 v)
{
    DecodedNode n = v <= quint64(std::numeric_limits<qint64>::max())
                        ? DecodedNode::scalar(K::Int, qint64(v), QStringLiteral("varint"))
                        : DecodedNode::scalar(K::UInt, v, QStringLiteral("varint"));
    const qint64 zigzag = qint64(v >> 1) ^ -qint64(v & 1);
    QStringList also;
    if (qint64(v) < 0)
        also << QStringLiteral("int64 %1").arg(qint64(v));
    if (zigzag != qint64(v))
        also << QStringLiteral("zigzag %1").arg(zigzag);
    if (v <= 1)
        also << QStringLiteral("bool %1").arg(v ? QStringLiteral("true") : QStringLiteral("false"));
    n.note = also.join(QStringLiteral(", "));
    return n;
}

DecodedNode fixedNode(quint64 v, int bits)
{
    DecodedNode n = DecodedNode::scalar(K::UInt, v, QStringLiteral("fixed%1").arg(bits));
    if (bits == 32) {
        float f;
        const quint32 u = quint32(v);
        std::memcpy(&f, &u, sizeof f);
        n.note = QStringLiteral("float %1, sfixed32 %2").arg(double(f), 0, 'g', 9).arg(qint32(u));
    } else {
        double d;
        std::memcpy(&d, &v, sizeof d);
        n.note = QStringLiteral("double %1, sfixed64 %2").arg(d, 0, 'g', 17).arg(qint64(v));
    }
    return n;
}

// Parses fields from r.pos to r.end (or to the end-group tag of `group`, when > 0) into a
// message node whose children are the field numbers; a number seen more than once becomes a
// list of its values.
bool parseMessage(Reader &r, int depth, const Limits &limits, qsizetype *nodes, int group,
                  DecodedNode *out)
{
    if (depth > qMin(limits.maxDepth, kMaxGuessDepth))
        return r.fail(QStringLiteral("nested deeper than %1 levels")
                          .arg(qMin(limits.maxDepth, kMaxGuessDepth)),
                      r.pos);
    QMap<quint64, QList<DecodedNode>> fields;
    QList<quint64> order;
    while (r.pos < r.end) {
        const qsizetype tagAt = r.pos;
        quint64 tag = 0;
        if (!r.varint(&tag))
            return false;
        const quint64 number = tag >> 3;
        const int wire = int(tag & 7);
        if (number == 0 || number > 0x1fffffff)
            return r.fail(QStringLiteral("field number %1 is not valid").arg(number), tagAt);
        if (++*nodes > limits.maxNodes)
            return r.fail(QStringLiteral("more than %1 values").arg(limits.maxNodes), tagAt);
        DecodedNode value;
        switch (wire) {
        case 0: {
            quint64 v = 0;
            if (!r.varint(&v))
                return false;
            value = varintNode(v);
            break;
        }
        case 1:
        case 5: {
            quint64 v = 0;
            if (!r.fixed(wire == 1 ? 8 : 4, &v))
                return false;
            value = fixedNode(v, wire == 1 ? 64 : 32);
            break;
        }
        case 2: {
            quint64 length = 0;
            const qsizetype lengthAt = r.pos;
            if (!r.varint(&length))
                return false;
            if (length > quint64(r.end - r.pos))
                return r.fail(QStringLiteral("a field of %1 bytes where %2 are left")
                                  .arg(length)
                                  .arg(r.end - r.pos),
                              lengthAt);
            const QByteArray bytes = r.data.mid(r.pos, qsizetype(length));
            // A string if it reads as text; else a message if it parses as one; else bytes.
            Reader inner{r.data, r.pos, r.pos + qsizetype(length), {}, -1};
            DecodedNode message;
            qsizetype innerNodes = *nodes;
            const bool parses = length > 0 && !isPrintableText(bytes) &&
                                parseMessage(inner, depth + 1, limits, &innerNodes, 0, &message);
            if (parses) {
                value = std::move(message);
                *nodes = innerNodes;
            } else if (isPrintableText(bytes)) {
                value = DecodedNode::scalar(K::String, QString::fromUtf8(bytes),
                                            QStringLiteral("string"));
            } else {
                value = DecodedNode::scalar(K::Bytes, bytes, QStringLiteral("bytes"));
            }
            r.pos += qsizetype(length);
            break;
        }
        case 3: {
            DecodedNode inner;
            if (!parseMessage(r, depth + 1, limits, nodes, int(number), &inner))
                return false;
            inner.type = QStringLiteral("group");
            value = std::move(inner);
            break;
        }
        case 4:
            if (group == int(number)) {
                group = -1; // closed
                goto done;
            }
            return r.fail(QStringLiteral("an end-group for field %1 that was not open").arg(number),
                          tagAt);
        default:
            return r.fail(QStringLiteral("wire type %1 does not exist").arg(wire), tagAt);
        }
        if (!fields.contains(number))
            order << number;
        fields[number] << std::move(value);
    }
done:
    if (group > 0)
        return r.fail(QStringLiteral("group %1 is never closed").arg(group), r.pos);
    DecodedNode message = DecodedNode::container(K::Map, QStringLiteral("message"));
    for (quint64 number : std::as_const(order)) {
        QList<DecodedNode> &values = fields[number];
        DecodedNode field;
        if (values.size() == 1) {
            field = std::move(values.first());
        } else {
            field = DecodedNode::container(K::Array, QStringLiteral("repeated"));
            for (qsizetype i = 0; i < values.size(); ++i) {
                values[i].key = QString::number(i);
                field.children << std::move(values[i]);
            }
        }
        field.key = QString::number(number);
        message.children << std::move(field);
    }
    *out = std::move(message);
    return true;
}

} // namespace

DecodeResult decodeProtobufRaw(const QByteArray &data, const Limits &limits)
{
    Reader r{data, 0, data.size(), {}, -1};
    DecodedNode root;
    qsizetype nodes = 0;
    if (!parseMessage(r, 0, limits, &nodes, 0, &root))
        return DecodeResult::failure(r.error, r.errorAt);
    DecodeResult result;
    result.ok = true;
    result.root = std::move(root);
    result.description = QStringLiteral("protobuf message (no schema)");
    return result;
}

} // namespace nsqdecode
