#pragma once

#include <QByteArray>

#include <zlib.h>

// A body gzip'd (or, with windowBits 15, zlib-wrapped) by zlib itself, for the decoder tests: the
// fixtures come from the library, not from the code under test. Link ZLIB::ZLIB.
inline QByteArray gzip(const QByteArray &plain, int windowBits = 15 + 16)
{
    z_stream z = {};
    deflateInit2(&z, 9, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(qsizetype(deflateBound(&z, uLong(plain.size()))) + 32, Qt::Uninitialized);
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(plain.constData()));
    z.avail_in = uInt(plain.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = uInt(out.size());
    deflate(&z, Z_FINISH);
    out.truncate(qsizetype(z.total_out));
    deflateEnd(&z);
    return out;
}
