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
    virtual bool decompress(QByteArrayView compressed, QByteArray &out) = 0;
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
