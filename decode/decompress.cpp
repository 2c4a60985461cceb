#include "decompress.h"

#include <protocol/compression.h>

#include <lz4frame.h>
#include <snappy.h>
#include <zlib.h>
#include <zstd.h>

namespace nsqdecode {

namespace {

Decompressed failed(QString error, qsizetype offset = -1)
{
    Decompressed d;
    d.error = std::move(error);
    d.offset = offset;
    return d;
}

QString tooBig(const Limits &limits)
{
    return QStringLiteral("it inflates past %1 MiB (the decoder's limit)")
        .arg(limits.maxOutputBytes / (1024 * 1024));
}

// windowBits: 15 + 16 for gzip, 15 for zlib.
Decompressed inflateWith(const QByteArray &body, int windowBits, const Limits &limits)
{
    z_stream z = {};
    if (inflateInit2(&z, windowBits) != Z_OK)
        return failed(QStringLiteral("zlib could not start"));
    Decompressed d;
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(body.constData()));
    z.avail_in = uInt(body.size());
    char chunk[64 * 1024];
    int rc = Z_OK;
    while (true) {
        if (rc == Z_STREAM_END) {
            // A gzip file may hold several members, one after the other (RFC 1952).
            if (windowBits > 15 && z.avail_in >= 2 && quint8(z.next_in[0]) == 0x1f &&
                quint8(z.next_in[1]) == 0x8b) {
                inflateReset(&z);
                rc = Z_OK;
            } else {
                break;
            }
        }
        z.next_out = reinterpret_cast<Bytef *>(chunk);
        z.avail_out = sizeof chunk;
        rc = inflate(&z, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END) {
            const qsizetype at = body.size() - qsizetype(z.avail_in); // members reset total_in
            const QString why = z.msg ? QString::fromLatin1(z.msg)
                                      : (rc == Z_BUF_ERROR ? QStringLiteral("the data ends early")
                                                           : QStringLiteral("error %1").arg(rc));
            inflateEnd(&z);
            return failed(why, at);
        }
        d.data.append(chunk, qsizetype(sizeof chunk - z.avail_out));
        if (d.data.size() > limits.maxOutputBytes) {
            inflateEnd(&z);
            return failed(tooBig(limits), body.size() - qsizetype(z.avail_in));
        }
        if (rc == Z_OK && z.avail_in == 0 && z.avail_out != 0) {
            inflateEnd(&z);
            return failed(QStringLiteral("the data ends early"), body.size());
        }
    }
    const qsizetype rest = qsizetype(z.avail_in);
    inflateEnd(&z);
    if (rest > 0)
        return failed(QStringLiteral("%1 bytes after the compressed data").arg(rest),
                      body.size() - rest);
    d.ok = true;
    return d;
}

Decompressed zstdDecompress(const QByteArray &body, const Limits &limits)
{
    ZSTD_DStream *s = ZSTD_createDStream();
    ZSTD_initDStream(s);
    ZSTD_inBuffer in{body.constData(), size_t(body.size()), 0};
    Decompressed d;
    char chunk[64 * 1024];
    size_t rc = 1;
    // Frames may follow one another (zstd's own tool writes them so): each is read.
    while (rc != 0 || in.pos < in.size) {
        ZSTD_outBuffer out{chunk, sizeof chunk, 0};
        rc = ZSTD_decompressStream(s, &out, &in);
        if (ZSTD_isError(rc)) {
            ZSTD_freeDStream(s);
            return failed(QString::fromLatin1(ZSTD_getErrorName(rc)), qsizetype(in.pos));
        }
        d.data.append(chunk, qsizetype(out.pos));
        if (d.data.size() > limits.maxOutputBytes) {
            ZSTD_freeDStream(s);
            return failed(tooBig(limits), qsizetype(in.pos));
        }
        if (rc != 0 && in.pos == in.size && out.pos < out.size) {
            ZSTD_freeDStream(s);
            return failed(QStringLiteral("the data ends early"), body.size());
        }
    }
    ZSTD_freeDStream(s);
    d.ok = true;
    return d;
}

Decompressed lz4Decompress(const QByteArray &body, const Limits &limits)
{
    LZ4F_dctx *ctx = nullptr;
    if (LZ4F_isError(LZ4F_createDecompressionContext(&ctx, LZ4F_VERSION)))
        return failed(QStringLiteral("lz4 could not start"));
    Decompressed d;
    char chunk[64 * 1024];
    size_t at = 0;
    size_t hint = 1;
    while (hint != 0) {
        size_t outSize = sizeof chunk;
        size_t inSize = size_t(body.size()) - at;
        hint = LZ4F_decompress(ctx, chunk, &outSize, body.constData() + at, &inSize, nullptr);
        if (LZ4F_isError(hint)) {
            LZ4F_freeDecompressionContext(ctx);
            return failed(QString::fromLatin1(LZ4F_getErrorName(hint)), qsizetype(at));
        }
        at += inSize;
        d.data.append(chunk, qsizetype(outSize));
        if (d.data.size() > limits.maxOutputBytes) {
            LZ4F_freeDecompressionContext(ctx);
            return failed(tooBig(limits), qsizetype(at));
        }
        if (hint != 0 && at == size_t(body.size()) && outSize == 0) {
            LZ4F_freeDecompressionContext(ctx);
            return failed(QStringLiteral("the data ends early"), body.size());
        }
    }
    LZ4F_freeDecompressionContext(ctx);
    d.ok = true;
    return d;
}

Decompressed snappyRaw(const QByteArray &body, const Limits &limits)
{
    size_t length = 0;
    if (!snappy::GetUncompressedLength(body.constData(), size_t(body.size()), &length))
        return failed(QStringLiteral("no valid snappy length at the start"), 0);
    if (length > size_t(limits.maxOutputBytes))
        return failed(tooBig(limits), 0);
    if (!snappy::IsValidCompressedBuffer(body.constData(), size_t(body.size())))
        return failed(QStringLiteral("not a valid raw snappy block"), 0);
    Decompressed d;
    d.data.resize(qsizetype(length));
    if (!snappy::RawUncompress(body.constData(), size_t(body.size()), d.data.data()))
        return failed(QStringLiteral("not a valid raw snappy block"), 0);
    d.ok = true;
    return d;
}

Decompressed snappyFramed(const QByteArray &body, const Limits &limits)
{
    auto stream = nsq::makeSnappyStream();
    Decompressed d;
    if (!stream->decompress(body, d.data, limits.maxOutputBytes + 1))
        return failed(stream->errorString(), body.size() - stream->pendingInput());
    if (d.data.size() > limits.maxOutputBytes || stream->hasMoreOutput())
        return failed(tooBig(limits));
    if (stream->pendingInput() > 0)
        return failed(QStringLiteral("the last snappy chunk ends early"),
                      body.size() - stream->pendingInput());
    d.ok = true;
    return d;
}

} // namespace

QString compressionName(Compression c)
{
    switch (c) {
    case Compression::None:
        return QStringLiteral("none");
    case Compression::Gzip:
        return QStringLiteral("gzip");
    case Compression::Zlib:
        return QStringLiteral("zlib");
    case Compression::SnappyFramed:
        return QStringLiteral("snappy (framed)");
    case Compression::SnappyRaw:
        return QStringLiteral("snappy (raw)");
    case Compression::Zstd:
        return QStringLiteral("zstd");
    case Compression::Lz4Frame:
        return QStringLiteral("lz4 frame");
    }
    return {};
}

Compression detectCompression(const QByteArray &b)
{
    const auto at = [&b](int i) { return quint8(b.at(i)); };
    if (b.size() >= 3 && at(0) == 0x1f && at(1) == 0x8b && at(2) == 0x08)
        return Compression::Gzip;
    if (b.size() >= 4 && at(0) == 0x28 && at(1) == 0xb5 && at(2) == 0x2f && at(3) == 0xfd)
        return Compression::Zstd;
    if (b.size() >= 4 && at(0) == 0x04 && at(1) == 0x22 && at(2) == 0x4d && at(3) == 0x18)
        return Compression::Lz4Frame;
    if (b.startsWith(QByteArrayLiteral("\xff\x06\x00\x00sNaPpY")))
        return Compression::SnappyFramed;
    // zlib: deflate with a 32 KiB window or less, no preset dictionary, header checksum right.
    if (b.size() >= 2 && (at(0) & 0x0f) == 8 && (at(0) >> 4) <= 7 && (at(1) & 0x20) == 0 &&
        (at(0) * 256 + at(1)) % 31 == 0)
        return Compression::Zlib;
    return Compression::None;
}

Decompressed decompress(Compression c, const QByteArray &body, const Limits &limits)
{
    switch (c) {
    case Compression::None: {
        Decompressed d;
        d.ok = true;
        d.data = body;
        return d;
    }
    case Compression::Gzip:
        return inflateWith(body, 15 + 16, limits);
    case Compression::Zlib:
        return inflateWith(body, 15, limits);
    case Compression::SnappyFramed:
        return snappyFramed(body, limits);
    case Compression::SnappyRaw:
        return snappyRaw(body, limits);
    case Compression::Zstd:
        return zstdDecompress(body, limits);
    case Compression::Lz4Frame:
        return lz4Decompress(body, limits);
    }
    return failed(QStringLiteral("unknown compression"));
}

QByteArray compress(Compression c, const QByteArray &plain)
{
    switch (c) {
    case Compression::None:
        return plain;
    case Compression::Gzip:
    case Compression::Zlib: {
        z_stream z = {};
        deflateInit2(&z, 6, Z_DEFLATED, c == Compression::Gzip ? 15 + 16 : 15, 8,
                     Z_DEFAULT_STRATEGY);
        QByteArray out(qsizetype(deflateBound(&z, uLong(plain.size()))), Qt::Uninitialized);
        z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(plain.constData()));
        z.avail_in = uInt(plain.size());
        z.next_out = reinterpret_cast<Bytef *>(out.data());
        z.avail_out = uInt(out.size());
        deflate(&z, Z_FINISH);
        out.truncate(qsizetype(z.total_out));
        deflateEnd(&z);
        return out;
    }
    case Compression::SnappyFramed:
        return nsq::makeSnappyStream()->compress(plain);
    case Compression::SnappyRaw: {
        std::string out;
        snappy::Compress(plain.constData(), size_t(plain.size()), &out);
        return QByteArray(out.data(), qsizetype(out.size()));
    }
    case Compression::Zstd: {
        QByteArray out(qsizetype(ZSTD_compressBound(size_t(plain.size()))), Qt::Uninitialized);
        const size_t n = ZSTD_compress(out.data(), size_t(out.size()), plain.constData(),
                                       size_t(plain.size()), 3);
        out.truncate(ZSTD_isError(n) ? 0 : qsizetype(n));
        return out;
    }
    case Compression::Lz4Frame: {
        QByteArray out(qsizetype(LZ4F_compressFrameBound(size_t(plain.size()), nullptr)),
                       Qt::Uninitialized);
        const size_t n = LZ4F_compressFrame(out.data(), size_t(out.size()), plain.constData(),
                                            size_t(plain.size()), nullptr);
        out.truncate(LZ4F_isError(n) ? 0 : qsizetype(n));
        return out;
    }
    }
    return {};
}

Unwrapped unwrapLayers(const QByteArray &body, const Limits &limits)
{
    Unwrapped u;
    u.data = body;
    for (int i = 0; i < limits.maxLayers; ++i) {
        const Compression c = detectCompression(u.data);
        if (c == Compression::None)
            break;
        Decompressed d = decompress(c, u.data, limits);
        if (!d.ok) {
            // zlib's two magic bytes can begin other data: only a clear failure of a layer
            // whose magic is unambiguous is an error.
            if (c != Compression::Zlib || !u.layers.isEmpty()) {
                u.error = QStringLiteral("%1: %2").arg(compressionName(c), d.error);
                u.offset = d.offset;
            }
            break;
        }
        u.layers << c;
        u.data = std::move(d.data);
    }
    return u;
}

} // namespace nsqdecode
