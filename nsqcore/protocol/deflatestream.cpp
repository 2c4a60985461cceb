#include "compression.h"

#include <zlib.h>

namespace nsq {

namespace {

class DeflateStream final : public StreamCompression
{
public:
    explicit DeflateStream(int level)
    {
        // Negative window bits: raw DEFLATE without zlib header, as NSQ uses it.
        m_deflateOk = deflateInit2(&m_out, qBound(1, level, 9), Z_DEFLATED, -15, 8,
                                   Z_DEFAULT_STRATEGY) == Z_OK;
        m_inflateOk = inflateInit2(&m_in, -15) == Z_OK;
        if (!m_deflateOk || !m_inflateOk)
            fail(QStringLiteral("could not initialise zlib"));
    }
    ~DeflateStream() override
    {
        if (m_deflateOk)
            deflateEnd(&m_out);
        if (m_inflateOk)
            inflateEnd(&m_in);
    }

    const char *name() const override { return "deflate"; }

    QByteArray compress(QByteArrayView plain) override
    {
        QByteArray out;
        if (!m_deflateOk)
            return out;
        m_out.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(plain.data()));
        m_out.avail_in = uInt(plain.size());
        do {
            const qsizetype start = out.size();
            const qsizetype room = qMax<qsizetype>(256, plain.size() / 2 + 64);
            out.resize(start + room);
            m_out.next_out = reinterpret_cast<Bytef *>(out.data() + start);
            m_out.avail_out = uInt(room);
            deflate(&m_out, Z_SYNC_FLUSH);
            out.resize(start + room - qsizetype(m_out.avail_out));
        } while (m_out.avail_out == 0);
        return out;
    }

    bool decompress(QByteArrayView compressed, QByteArray &out, qsizetype maxOut) override
    {
        if (!m_error.isEmpty())
            return false;
        if (m_ended) {
            if (!compressed.isEmpty() || !m_leftover.isEmpty())
                return fail(QStringLiteral("data after the end of the deflate stream"));
            return true;
        }
        // Input left from a call that stopped at maxOut comes first.
        if (!m_leftover.isEmpty()) {
            m_leftover.append(compressed.data(), compressed.size());
            compressed = m_leftover;
        }
        const QByteArray keep = m_leftover; // keeps `compressed` alive while zlib reads it
        m_leftover.clear();
        m_in.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(compressed.data()));
        m_in.avail_in = uInt(compressed.size());
        const qsizetype begin = out.size();
        m_capped = false;
        for (;;) {
            if (maxOut >= 0 && out.size() - begin >= maxOut) {
                // Enough for now; zlib may hold more output, and the input not yet read is kept.
                m_capped = true;
                break;
            }
            const qsizetype start = out.size();
            qsizetype room = qMax<qsizetype>(4096, qsizetype(m_in.avail_in) * 4);
            if (maxOut >= 0)
                room = qMin(room, qMax<qsizetype>(4096, maxOut - (start - begin)));
            out.resize(start + room);
            m_in.next_out = reinterpret_cast<Bytef *>(out.data() + start);
            m_in.avail_out = uInt(room);
            const int rc = inflate(&m_in, Z_SYNC_FLUSH);
            out.resize(start + room - qsizetype(m_in.avail_out));
            if (rc == Z_STREAM_END) {
                m_ended = true;
                if (m_in.avail_in > 0)
                    return fail(QStringLiteral("data after the end of the deflate stream"));
                break;
            }
            if (rc != Z_OK && rc != Z_BUF_ERROR)
                return fail(QStringLiteral("corrupt deflate stream: %1")
                                .arg(QString::fromLatin1(m_in.msg ? m_in.msg : "unknown error")));
            // Output room left over means zlib had nothing more to give for this input.
            if (m_in.avail_out != 0)
                break;
        }
        if (m_in.avail_in > 0)
            m_leftover =
                QByteArray(reinterpret_cast<const char *>(m_in.next_in), qsizetype(m_in.avail_in));
        return true;
    }
    bool hasMoreOutput() const override { return m_capped || !m_leftover.isEmpty(); }
    qsizetype pendingInput() const override { return m_leftover.size(); }

private:
    z_stream m_out{};
    z_stream m_in{};
    bool m_deflateOk = false;
    bool m_inflateOk = false;
    bool m_ended = false;
    bool m_capped = false; // the last call stopped at maxOut
    QByteArray m_leftover; // input zlib has not read yet
};

} // namespace

std::unique_ptr<StreamCompression> makeDeflateStream(int level)
{
    return std::make_unique<DeflateStream>(level);
}

} // namespace nsq
