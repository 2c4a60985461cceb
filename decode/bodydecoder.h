#pragma once

#include "decoders.h"
#include "decompress.h"
#include "protoschema.h"

#include <memory>

namespace nsqdecode {

enum class Format { Auto, Json, MsgPack, Cbor, Protobuf, Raw };

// "auto", "json", "msgpack", "cbor", "protobuf", "raw".
QString formatName(Format f);
bool formatFromName(const QString &name, Format *out);

struct DecodeOptions
{
    Format format = Format::Auto;
    // For Protobuf with a schema (and for Auto, which then tries it first after JSON).
    std::shared_ptr<const ProtoSchema> schema;
    QString messageType;
    Limits limits;
};

// A body decoded: compression layers undone first (found by their magic), then read as the
// format asked, or the one that fits (Auto), with the reason it was taken.
struct DecodedBody
{
    DecodeResult result; // ok, or the error and its offset in `data`
    Format format = Format::Raw;
    QList<Compression> layers; // removed, outermost first
    QByteArray data;           // the body once the layers are removed
    QString reason;            // "gzip magic, then MsgPack map"
};

DecodedBody decodeBody(const QByteArray &body, const DecodeOptions &options = {});

} // namespace nsqdecode
