// libFuzzer entry for everything that reads bytes from the network: frames, messages, IDENTIFY and
// AUTH answers, server errors, client commands, the snappy and deflate streams, and the message
// body decoders (JSON, MsgPack, CBOR, protobuf raw and with a schema, compression layers) with the
// field queries run over what they decode.
// The first byte picks the decoder, the second how the rest is cut into reads.
#include <bodydecoder.h>
#include <fieldquery.h>

#include <broker/httprequestparser.h>
#include <protocol/commanddecoder.h>
#include <protocol/compression.h>
#include <protocol/framedecoder.h>
#include <protocol/identify.h>
#include <protocol/message.h>
#include <protocol/messagerecord.h>
#include <protocol/servererror.h>

#include <cstddef>
#include <cstdint>

using namespace nsq;

namespace {

template <typename Feed> void inPieces(QByteArrayView input, size_t piece, Feed feed)
{
    for (qsizetype pos = 0; pos < input.size(); pos += qsizetype(piece))
        feed(input.sliced(pos, qMin(qsizetype(piece), input.size() - pos)));
}

void frames(QByteArrayView input, size_t piece)
{
    FrameDecoder d(64 * 1024);
    inPieces(input, piece, [&](QByteArrayView chunk) {
        d.feed(chunk);
        while (d.next() == FrameDecoder::Status::FrameReady) {
            const FrameView &f = d.frame();
            if (f.type == FrameType::Message)
                (void)decodeMessage(f.data);
            else if (f.type == FrameType::Error)
                (void)ServerError::parse(f.data).isFatal();
            else {
                (void)IdentifyResponse::parse(f.data);
                (void)AuthResponse::parse(f.data);
            }
        }
    });
}

void stream(StreamCompression &s, QByteArrayView input, size_t piece)
{
    QByteArray out;
    inPieces(input, piece, [&](QByteArrayView chunk) {
        if (out.size() > 8 * 1024 * 1024)
            out.clear();
        s.decompress(chunk, out);
    });
}

void commands(QByteArrayView input, size_t piece)
{
    CommandDecoder d(64 * 1024, 256);
    inPieces(input, piece, [&](QByteArrayView chunk) {
        d.feed(chunk);
        while (d.next() == CommandDecoder::Status::CommandReady)
            (void)d.command().params.size();
    });
}

// The broker's HTTP request framing, as a hostile client's bytes arrive.
void httpRequests(QByteArrayView input, size_t piece)
{
    HttpRequestParser f(
        [](QByteArrayView path) {
            return HttpRequestParser::BodyLimit{path == "/pub" ? 64 : 4096, "TOO_BIG"};
        },
        8192);
    inPieces(input, piece, [&](QByteArrayView chunk) {
        f.feed(chunk);
        (void)f.takeContinueRequest();
    });
}

// A body through one decoder (or all, as auto-detection does), its JSON written out.
void body(QByteArrayView input, size_t which)
{
    using namespace nsqdecode;
    const QByteArray data = input.toByteArray();
    Limits limits;
    limits.maxOutputBytes = 4 * 1024 * 1024;
    DecodeResult r;
    switch (which % 7) {
    case 0:
        r = decodeBody(data, {Format::Auto, {}, {}, limits}).result;
        break;
    case 1:
        r = decodeJson(data, limits);
        break;
    case 2:
        r = decodeMsgPack(data, limits);
        break;
    case 3:
        r = decodeCbor(data, limits);
        break;
    case 4:
        r = decodeProtobufRaw(data, limits);
        break;
    case 5: {
        static const std::shared_ptr<const ProtoSchema> schema = [] {
            QString error;
            return ProtoSchema::fromProtoFiles({QStringLiteral(NSQ_PROTO_FIXTURES "/order.proto")},
                                               {QStringLiteral(NSQ_PROTO_FIXTURES)}, &error);
        }();
        if (schema)
            r = schema->decode(data, QStringLiteral("shop.Order"), limits);
        break;
    }
    case 6:
        for (Compression c : {Compression::Gzip, Compression::Zlib, Compression::SnappyFramed,
                              Compression::SnappyRaw, Compression::Zstd, Compression::Lz4Frame})
            (void)decompress(c, data, limits);
        break;
    }
    if (r.ok)
        (void)toJsonText(r.root, true);
    else if (r.offset > data.size())
        __builtin_trap(); // an error must point inside what was read
}

// A query (up to the first newline) over a JSON document (the rest).
void query(QByteArrayView input)
{
    const qsizetype nl = input.indexOf('\n');
    const QString text = QString::fromUtf8(input.first(nl < 0 ? input.size() : nl));
    nsqdecode::FieldQuery::Error error;
    const auto q = nsqdecode::FieldQuery::parse(text, &error);
    if (!q) {
        if (error.position < 0 || error.position > text.size())
            __builtin_trap();
        return;
    }
    const nsqdecode::DecodeResult doc =
        nsqdecode::decodeJson(nl < 0 ? QByteArray() : input.sliced(nl + 1).toByteArray());
    if (doc.ok)
        (void)q->matches(doc.root);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const QByteArrayView input(reinterpret_cast<const char *>(data) + 2, qsizetype(size - 2));
    const size_t piece = size_t(data[1] % 64) + 1;
    switch (data[0] % 9) {
    case 0:
        frames(input, piece);
        break;
    case 1: {
        auto s = makeSnappyStream();
        stream(*s, input, piece);
        break;
    }
    case 2: {
        auto s = makeDeflateStream(6);
        stream(*s, input, piece);
        break;
    }
    case 3:
        commands(input, piece);
        break;
    case 4:
        (void)IdentifyResponse::parse(input);
        break;
    case 5:
        httpRequests(input, piece);
        break;
    case 6: {
        // A record read back from what it encodes is the same message.
        const auto r = decodeMessageRecord(input);
        if (r.ok()) {
            const auto again = decodeMessageRecord(encodeMessageRecord(r.value().message));
            if (!again.ok() || again.value().message.body != r.value().message.body)
                __builtin_trap();
        }
        break;
    }
    case 7:
        body(input, data[1]);
        break;
    case 8:
        query(input);
        break;
    }
    return 0;
}
