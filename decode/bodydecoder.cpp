#include "bodydecoder.h"

#include "text.h"

namespace nsqdecode {

namespace {

DecodeResult asRaw(const QByteArray &data)
{
    DecodeResult r;
    r.ok = true;
    if (isUtf8(data)) {
        r.root = DecodedNode::scalar(DecodedNode::Kind::String, QString::fromUtf8(data));
        r.description = QStringLiteral("UTF-8 text");
    } else {
        r.root = DecodedNode::scalar(DecodedNode::Kind::Bytes, data);
        r.description = QStringLiteral("binary (no format found)");
    }
    return r;
}

QString layersText(const QList<Compression> &layers)
{
    QStringList names;
    for (Compression c : layers)
        names << compressionName(c) + QStringLiteral(" magic");
    return names.join(QStringLiteral(", then "));
}

// Map keys that are not strings: rare in real MsgPack and CBOR, common when a body of one is
// read as the other (0x80-0x9f start both).
int oddKeys(const DecodedNode &n, int budget = 1000)
{
    int odd = 0;
    for (const DecodedNode &c : n.children) {
        if (--budget < 0)
            break;
        if (n.kind == DecodedNode::Kind::Map &&
            (c.key.isEmpty() || c.key.at(0).isDigit() || c.key.startsWith(QLatin1Char('{')) ||
             c.key.startsWith(QLatin1Char('['))))
            ++odd;
        odd += oddKeys(c, budget);
    }
    return odd;
}

// Auto: the first format that reads the whole body, most specific first.
DecodedBody detect(const QByteArray &data, const DecodeOptions &o, int depth)
{
    DecodedBody b;
    b.data = data;
    const auto take = [&b](DecodeResult r, Format f, QString reason) {
        b.result = std::move(r);
        b.format = f;
        b.reason = std::move(reason);
        return b;
    };
    const quint8 first = data.isEmpty() ? 0 : quint8(data.at(0));
    const QByteArray trimmed = data.trimmed();
    if (!trimmed.isEmpty() && isUtf8(data)) {
        const char c = trimmed.at(0);
        if (c == '{' || c == '[' || c == '"' || (c >= '0' && c <= '9') || c == '-' || c == 't' ||
            c == 'f' || c == 'n') {
            DecodeResult r = decodeJson(data, o.limits);
            if (r.ok)
                return take(std::move(r), Format::Json,
                            QStringLiteral("valid UTF-8 %1").arg(r.description));
            if (r.limitReached && (c == '{' || c == '['))
                return take(std::move(r), Format::Json, QStringLiteral("JSON, past a limit"));
        }
    }
    if (o.schema && !o.messageType.isEmpty() && !data.isEmpty()) {
        DecodeResult r = o.schema->decode(data, o.messageType, o.limits);
        // Taken only when it reads as that message: a known field, and none it does not know
        // (libprotobuf parses "hi" as an unknown field 13).
        bool known = false, unknown = false;
        for (const DecodedNode &c : r.root.children) {
            if (c.note.contains(QLatin1String("unknown field")))
                unknown = true;
            else
                known = true;
        }
        if (r.ok && known && !unknown)
            return take(
                std::move(r), Format::Protobuf,
                QStringLiteral("parses as %1 (the schema set for this topic)").arg(o.messageType));
    }
    // MsgPack and CBOR bodies are almost always a map or an array.
    const bool msgpackContainer = (first >= 0x80 && first <= 0x9f) || first == 0xdc ||
                                  first == 0xdd || first == 0xde || first == 0xdf;
    const bool cborContainer =
        (first >= 0x80 && first <= 0xbf) || first == 0xd9 || first == 0xc0 || first == 0xc1;
    DecodeResult msgpack, cbor;
    if (msgpackContainer)
        msgpack = decodeMsgPack(data, o.limits);
    if (cborContainer)
        cbor = decodeCbor(data, o.limits);
    if (msgpack.ok && cbor.ok && oddKeys(cbor.root) < oddKeys(msgpack.root))
        msgpack.ok = false; // both read it; the one with ordinary keys is the likelier
    if (msgpack.ok)
        return take(std::move(msgpack), Format::MsgPack,
                    QStringLiteral("%1 reads to the last byte").arg(msgpack.description));
    if (cbor.ok)
        return take(std::move(cbor), Format::Cbor,
                    QStringLiteral("%1 reads to the last byte").arg(cbor.description));
    if (msgpack.limitReached)
        return take(std::move(msgpack), Format::MsgPack, QStringLiteral("MsgPack, past a limit"));
    if (cbor.limitReached)
        return take(std::move(cbor), Format::Cbor, QStringLiteral("CBOR, past a limit"));
    if (!isPrintableText(data)) {
        DecodeResult r = decodeProtobufRaw(data, o.limits);
        if (r.ok && !r.root.children.isEmpty())
            return take(std::move(r), Format::Protobuf,
                        QStringLiteral("protobuf wire format to the last byte (no schema)"));
    }
    if (depth == 0) {
        // Raw snappy has no magic (and short blocks are often printable): taken only when what
        // it holds is structured.
        const Decompressed d = decompress(Compression::SnappyRaw, data, o.limits);
        if (d.ok && !d.data.isEmpty()) {
            DecodedBody inner = detect(d.data, o, depth + 1);
            if (inner.result.ok && inner.format != Format::Raw) {
                inner.layers.prepend(Compression::SnappyRaw);
                inner.reason = QStringLiteral("raw snappy block, then %1").arg(inner.reason);
                return inner;
            }
        }
    }
    DecodeResult r = asRaw(data);
    return take(std::move(r), Format::Raw, r.description);
}

} // namespace

QString formatName(Format f)
{
    switch (f) {
    case Format::Auto:
        return QStringLiteral("auto");
    case Format::Json:
        return QStringLiteral("json");
    case Format::MsgPack:
        return QStringLiteral("msgpack");
    case Format::Cbor:
        return QStringLiteral("cbor");
    case Format::Protobuf:
        return QStringLiteral("protobuf");
    case Format::Raw:
        return QStringLiteral("raw");
    }
    return {};
}

bool formatFromName(const QString &name, Format *out)
{
    for (Format f :
         {Format::Auto, Format::Json, Format::MsgPack, Format::Cbor, Format::Protobuf, Format::Raw})
        if (name.compare(formatName(f), Qt::CaseInsensitive) == 0) {
            *out = f;
            return true;
        }
    return false;
}

DecodedBody decodeBody(const QByteArray &body, const DecodeOptions &o)
{
    if (o.format == Format::Raw) {
        DecodedBody b;
        b.data = body;
        b.result = asRaw(body);
        b.format = Format::Raw;
        b.reason = QStringLiteral("as asked: raw");
        return b;
    }
    const Unwrapped u = unwrapLayers(body, o.limits);
    if (!u.error.isEmpty()) {
        DecodedBody b;
        b.data = u.data;
        b.layers = u.layers;
        b.format = o.format;
        b.result = DecodeResult::failure(u.error, u.offset);
        b.reason = layersText(u.layers);
        return b;
    }
    DecodedBody b;
    if (o.format == Format::Auto) {
        b = detect(u.data, o, 0);
    } else {
        b.data = u.data;
        b.format = o.format;
        switch (o.format) {
        case Format::Json:
            b.result = decodeJson(u.data, o.limits);
            break;
        case Format::MsgPack:
            b.result = decodeMsgPack(u.data, o.limits);
            break;
        case Format::Cbor:
            b.result = decodeCbor(u.data, o.limits);
            break;
        case Format::Protobuf:
            b.result = o.schema && !o.messageType.isEmpty()
                           ? o.schema->decode(u.data, o.messageType, o.limits)
                           : decodeProtobufRaw(u.data, o.limits);
            break;
        default:
            break;
        }
        b.reason = QStringLiteral("as asked: %1").arg(formatName(o.format));
    }
    if (!u.layers.isEmpty()) {
        b.layers = u.layers + b.layers;
        b.reason = layersText(u.layers) + QStringLiteral(", then ") + b.reason;
        if (u.layers.size() >= o.limits.maxLayers && detectCompression(u.data) != Compression::None)
            b.reason += QStringLiteral(" (%1 layers undone, the limit; more remain)")
                            .arg(o.limits.maxLayers);
    }
    return b;
}

} // namespace nsqdecode
