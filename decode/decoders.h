#pragma once

#include "decodednode.h"
#include "decodelimits.h"

#include <QByteArray>
#include <QString>

namespace nsqdecode {

// What a decoder made of a body: the tree, or where and why it broke.
struct DecodeResult
{
    bool ok = false;
    DecodedNode root;
    QString error;             // why it broke, when !ok
    qsizetype offset = -1;     // the byte it broke at, in the (decompressed) data
    QString description;       // what it is: "JSON object", "MsgPack map", "protobuf message"
    bool limitReached = false; // broke on a Limits bound, not on a byte of the wrong format

    static DecodeResult failure(QString error, qsizetype offset)
    {
        DecodeResult r;
        r.error = std::move(error);
        r.offset = offset;
        return r;
    }
    static DecodeResult limit(QString error, qsizetype offset)
    {
        DecodeResult r = failure(std::move(error), offset);
        r.limitReached = true;
        return r;
    }
};

DecodeResult decodeJson(const QByteArray &data, const Limits &limits = {});
DecodeResult decodeMsgPack(const QByteArray &data, const Limits &limits = {});
DecodeResult decodeCbor(const QByteArray &data, const Limits &limits = {});
// The protobuf wire format without a schema, as `protoc --decode_raw` reads it: field numbers,
// wire types, varints as unsigned, signed and zigzag, fixed32/64 also as float/double, and
// length-delimited fields as a nested message, a string or bytes, by which one parses.
DecodeResult decodeProtobufRaw(const QByteArray &data, const Limits &limits = {});

} // namespace nsqdecode
