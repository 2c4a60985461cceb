#include "compression.h"

#include <snappy.h>

namespace nsq {

namespace {

constexpr uchar kStreamIdentifier = 0xff;
constexpr uchar kCompressedChunk = 0x00;
constexpr uchar kUncompressedChunk = 0x01;
constexpr uchar kPadding = 0xfe;
constexpr char kStreamMagic[] = "sNaPpY";
// The framing format caps a chunk's uncompressed data at 64 KiB.
constexpr qsizetype kMaxBlock = 65536;

quint32 maskedCrc(QByteArrayView data)
{
    const quint32 c = crc32c(data);
    return ((c >> 15) | (c << 17)) + 0xa282ead8u;
}

void appendLe24(QByteArray &out, quint32 v)
{
    out.append(char(v & 0xff));
    out.append(char((v >> 8) & 0xff));
    out.append(char((v >> 16) & 0xff));
}

void appendLe32(QByteArray &out, quint32 v)
{
    appendLe24(out, v);
    out.append(char(v >> 24));
}

quint32 readLe32(const uchar *p)
{
    return quint32(p[0]) | quint32(p[1]) << 8 | quint32(p[2]) << 16 | quint32(p[3]) << 24;
}

class SnappyStream final : public StreamCompression
{
public:
    const char *name() const override { return "snappy"; }

    QByteArray compress(QByteArrayView plain) override
    {
        QByteArray out;
        if (!m_wroteIdentifier) {
            out.append(char(kStreamIdentifier));
            appendLe24(out, 6);
            out.append(kStreamMagic, 6);
            m_wroteIdentifier = true;
        }
        for (qsizetype pos = 0; pos < plain.size(); pos += kMaxBlock) {
            const QByteArrayView block = plain.sliced(pos, qMin(kMaxBlock, plain.size() - pos));
            std::string packed;
            snappy::Compress(block.data(), size_t(block.size()), &packed);
            const bool useCompressed = qsizetype(packed.size()) < block.size();
            const qsizetype payload = useCompressed ? qsizetype(packed.size()) : block.size();
            out.append(char(useCompressed ? kCompressedChunk : kUncompressedChunk));
            appendLe24(out, quint32(payload + 4));
            appendLe32(out, maskedCrc(block));
            if (useCompressed)
                out.append(packed.data(), qsizetype(packed.size()));
            else
                out.append(block);
        }
        return out;
    }

    bool decompress(QByteArrayView compressed, QByteArray &out, qsizetype maxOut) override
    {
        if (!m_error.isEmpty())
            return false;
        m_pending.append(compressed.data(), compressed.size());
        qsizetype pos = 0;
        bool ok = true;
        const qsizetype begin = out.size();
        m_capped = false;
        while (m_pending.size() - pos >= 4) {
            if (maxOut >= 0 && out.size() - begin >= maxOut) {
                m_capped = true; // the rest waits in m_pending for the next call
                break;
            }
            const auto *p = reinterpret_cast<const uchar *>(m_pending.constData() + pos);
            const uchar type = p[0];
            const qsizetype len = qsizetype(p[1]) | qsizetype(p[2]) << 8 | qsizetype(p[3]) << 16;
            if (!m_sawIdentifier && type != kStreamIdentifier) {
                ok = fail(QStringLiteral("snappy stream does not start with a stream identifier"));
                break;
            }
            // Known chunks are small; refuse to buffer a huge declared one.
            if ((type == kCompressedChunk || type == kUncompressedChunk) &&
                len > qsizetype(snappy::MaxCompressedLength(kMaxBlock)) + 4) {
                ok = fail(
                    QStringLiteral("snappy chunk of %1 bytes is larger than allowed").arg(len));
                break;
            }
            if (type >= 0x02 && type <= 0x7f) {
                ok = fail(QStringLiteral("reserved unskippable snappy chunk type 0x%1")
                              .arg(type, 2, 16, QLatin1Char('0')));
                break;
            }
            if (m_pending.size() - pos < 4 + len)
                break;
            const QByteArrayView chunk(m_pending.constData() + pos + 4, len);
            pos += 4 + len;
            if (type == kStreamIdentifier) {
                if (chunk != QByteArrayView(kStreamMagic, 6)) {
                    ok = fail(QStringLiteral("bad snappy stream identifier"));
                    break;
                }
                m_sawIdentifier = true;
            } else if (type == kCompressedChunk || type == kUncompressedChunk) {
                if (!decodeChunk(type, chunk, out)) {
                    ok = false;
                    break;
                }
            }
            // 0x80..0xfd skippable and 0xfe padding carry nothing for us.
            Q_UNUSED(kPadding);
        }
        if (!ok) {
            m_pending.clear();
            return false;
        }
        m_pending.remove(0, pos);
        return true;
    }

    bool hasMoreOutput() const override { return m_capped; }
    qsizetype pendingInput() const override { return m_pending.size(); }

private:
    bool decodeChunk(uchar type, QByteArrayView chunk, QByteArray &out)
    {
        if (chunk.size() < 4)
            return fail(QStringLiteral("snappy chunk too short for its checksum"));
        const quint32 expected = readLe32(reinterpret_cast<const uchar *>(chunk.data()));
        const QByteArrayView payload = chunk.sliced(4);
        const qsizetype start = out.size();
        if (type == kUncompressedChunk) {
            if (payload.size() > kMaxBlock)
                return fail(QStringLiteral("uncompressed snappy chunk exceeds 64 KiB"));
            out.append(payload);
        } else {
            size_t length = 0;
            if (!snappy::GetUncompressedLength(payload.data(), size_t(payload.size()), &length) ||
                length > size_t(kMaxBlock))
                return fail(QStringLiteral("corrupt snappy chunk (bad length)"));
            out.resize(start + qsizetype(length));
            if (!snappy::RawUncompress(payload.data(), size_t(payload.size()),
                                       out.data() + start)) {
                out.resize(start);
                return fail(QStringLiteral("corrupt snappy chunk"));
            }
        }
        if (maskedCrc(QByteArrayView(out.constData() + start, out.size() - start)) != expected) {
            out.resize(start);
            return fail(QStringLiteral("snappy chunk checksum mismatch"));
        }
        return true;
    }

    QByteArray m_pending;
    bool m_capped = false; // the last call stopped at maxOut with whole chunks left
    bool m_wroteIdentifier = false;
    bool m_sawIdentifier = false;
};

} // namespace

std::unique_ptr<StreamCompression> makeSnappyStream()
{
    return std::make_unique<SnappyStream>();
}

} // namespace nsq
