#pragma once

#include "decodelimits.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace nsqdecode {

enum class Compression { None, Gzip, Zlib, SnappyFramed, SnappyRaw, Zstd, Lz4Frame };

QString compressionName(Compression c);

// The compression a body starts with, by its magic bytes (raw snappy has none: never found here).
Compression detectCompression(const QByteArray &body);

struct Decompressed
{
    bool ok = false;
    QByteArray data;
    QString error;         // why not, when !ok
    qsizetype offset = -1; // where in the compressed input it broke, when known
};

// Undoes one layer, keeping the output under limits.maxOutputBytes.
Decompressed decompress(Compression c, const QByteArray &body, const Limits &limits = {});

// The same formats, compressed (the tests read it back with each decompressor).
QByteArray compress(Compression c, const QByteArray &plain);

struct Unwrapped
{
    QByteArray data;           // what is left once every layer found is undone
    QList<Compression> layers; // outermost first
    QString error;             // a layer whose magic was there but whose data was not
    qsizetype offset = -1;
};

// Undoes every layer found by its magic, outermost first, up to limits.maxLayers.
Unwrapped unwrapLayers(const QByteArray &body, const Limits &limits = {});

} // namespace nsqdecode
