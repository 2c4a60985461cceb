#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>

namespace nsq {

// Both directions of a compressed NSQ stream, as negotiated by IDENTIFY. Pure transforms: bytes in,
// bytes out. A corrupt input stream puts the decoder into a failed state with a reason.
class StreamCompression
{
public:
    virtual ~StreamCompression() = default;
    virtual const char *name() const = 0;
    // Returns the bytes to send; every call flushes, so the peer can decode what it got.
    virtual QByteArray compress(QByteArrayView plain) = 0;
    // Appends whatever the given bytes complete to `out`. False once the stream is corrupt.
    // maxOut >= 0 appends at most about that much (a decompression bomb cannot take all memory
    // at once): the rest stays inside, and hasMoreOutput() says so; call again, with more input
    // or none, to go on.
    virtual bool decompress(QByteArrayView compressed, QByteArray &out, qsizetype maxOut = -1) = 0;
    virtual bool hasMoreOutput() const = 0;
    // Compressed bytes given but not read yet (kept for the next call).
    virtual qsizetype pendingInput() const = 0;
    QString errorString() const { return m_error; }

protected:
    bool fail(QString error)
    {
        m_error = std::move(error);
        return false;
    }
    QString m_error;
};

// Snappy framing format (stream identifier, compressed and uncompressed chunks, masked CRC-32C).
std::unique_ptr<StreamCompression> makeSnappyStream();
// Raw DEFLATE (RFC 1951), flushed with Z_SYNC_FLUSH after each write. level: 1..9.
std::unique_ptr<StreamCompression> makeDeflateStream(int level);

quint32 crc32c(QByteArrayView data);

} // namespace nsq
