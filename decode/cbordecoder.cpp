#include "decoders.h"

#include <cbor.h>

#include <vector>

namespace nsqdecode {

namespace {

using K = DecodedNode::Kind;

// Builds the tree from libcbor's streaming decoder, one item head at a time: nothing is
// allocated from a declared length (an array "of 2^32 items" in 9 bytes costs nothing), the
// depth is checked before every container, and every error has its byte offset.
class CborBuilder
{
public:
    explicit CborBuilder(const Limits &limits) : m_limits(limits) {}

    DecodeResult run(const QByteArray &data)
    {
        cbor_callbacks cb = cbor_empty_callbacks;
        cb.uint8 = [](void *c, uint8_t v) { self(c)->addInt(v); };
        cb.uint16 = [](void *c, uint16_t v) { self(c)->addInt(v); };
        cb.uint32 = [](void *c, uint32_t v) { self(c)->addInt(v); };
        cb.uint64 = [](void *c, uint64_t v) { self(c)->addInt(v); };
        cb.negint8 = [](void *c, uint8_t v) { self(c)->addNegInt(v); };
        cb.negint16 = [](void *c, uint16_t v) { self(c)->addNegInt(v); };
        cb.negint32 = [](void *c, uint32_t v) { self(c)->addNegInt(v); };
        cb.negint64 = [](void *c, uint64_t v) { self(c)->addNegInt(v); };
        cb.byte_string = [](void *c, cbor_data d, size_t n) { self(c)->addBytes(d, n); };
        cb.byte_string_start = [](void *c) { self(c)->startChunks(K::Bytes); };
        cb.string = [](void *c, cbor_data d, size_t n) { self(c)->addString(d, n); };
        cb.string_start = [](void *c) { self(c)->startChunks(K::String); };
        cb.array_start = [](void *c, size_t n) { self(c)->open(K::Array, qint64(n)); };
        cb.indef_array_start = [](void *c) { self(c)->open(K::Array, -1); };
        cb.map_start = [](void *c, size_t n) {
            // Pairs: twice as many items, counted without overflow for any declared size.
            self(c)->open(K::Map, n > size_t(1) << 61 ? qint64(1) << 62 : qint64(n) * 2);
        };
        cb.indef_map_start = [](void *c) { self(c)->open(K::Map, -1); };
        cb.tag = [](void *c, uint64_t t) { self(c)->m_tags << t; };
        cb.float2 = [](void *c, float v) {
            self(c)->addFloat(double(v), QStringLiteral("float16"));
        };
        cb.float4 = [](void *c, float v) {
            self(c)->addFloat(double(v), QStringLiteral("float32"));
        };
        cb.float8 = [](void *c, double v) { self(c)->addFloat(v, {}); };
        cb.null = [](void *c) { self(c)->add(DecodedNode::scalar(K::Null, {})); };
        cb.undefined = [](void *c) {
            self(c)->add(DecodedNode::scalar(K::Null, {}, QStringLiteral("undefined")));
        };
        cb.boolean = [](void *c, bool v) { self(c)->add(DecodedNode::scalar(K::Bool, v)); };
        cb.indef_break = [](void *c) { self(c)->breakIndefinite(); };

        qsizetype at = 0;
        const auto *bytes = reinterpret_cast<cbor_data>(data.constData());
        while (!m_done && m_error.isEmpty()) {
            if (at >= data.size())
                return DecodeResult::failure(QStringLiteral("the data ends inside a value"), at);
            m_at = at;
            const cbor_decoder_result r =
                cbor_stream_decode(bytes + at, size_t(data.size() - at), &cb, this);
            if (r.status == CBOR_DECODER_NEDATA)
                return DecodeResult::failure(QStringLiteral("the data ends inside a value"), at);
            if (r.status == CBOR_DECODER_ERROR)
                return DecodeResult::failure(QStringLiteral("not CBOR (a malformed item head)"),
                                             at);
            at += qsizetype(r.read);
        }
        if (!m_error.isEmpty()) {
            DecodeResult r = DecodeResult::failure(m_error, m_at);
            r.limitReached = m_limitReached;
            return r;
        }
        if (at != data.size())
            return DecodeResult::failure(
                QStringLiteral("%1 bytes after the first CBOR value").arg(data.size() - at), at);
        DecodeResult result;
        result.ok = true;
        result.root = std::move(m_root);
        result.description = QStringLiteral("CBOR %1").arg(result.root.kindName());
        return result;
    }

private:
    struct Frame
    {
        DecodedNode node;
        qint64 remaining; // items still to come; -1: until a break
        QString pendingKey;
        bool haveKey = false;
        bool chunks = false; // an indefinite-length string gathering its chunks
        QByteArray gathered;
    };

    static CborBuilder *self(void *c) { return static_cast<CborBuilder *>(c); }

    QString tagText()
    {
        QStringList tags;
        for (quint64 t : std::as_const(m_tags))
            tags << QStringLiteral("tag %1").arg(t);
        m_tags.clear();
        return tags.join(QLatin1Char(' '));
    }

    void addInt(uint64_t v)
    {
        add(v <= uint64_t(std::numeric_limits<qint64>::max())
                ? DecodedNode::scalar(K::Int, qint64(v))
                : DecodedNode::scalar(K::UInt, quint64(v)));
    }
    void addNegInt(uint64_t n)
    {
        // -1 - n; past qint64's range it is kept exactly, as text.
        if (n <= uint64_t(std::numeric_limits<qint64>::max()))
            add(DecodedNode::scalar(K::Int, qint64(-1) - qint64(n)));
        else
            add(DecodedNode::scalar(K::String,
                                    n == std::numeric_limits<quint64>::max()
                                        ? QStringLiteral("-18446744073709551616") // -1 - (2^64 - 1)
                                        : QStringLiteral("-%1").arg(QString::number(n + 1)),
                                    QStringLiteral("negative integer beyond 64 bits")));
    }
    void addFloat(double v, const QString &type) { add(DecodedNode::scalar(K::Double, v, type)); }
    void addBytes(cbor_data d, size_t n)
    {
        const QByteArray b(reinterpret_cast<const char *>(d), qsizetype(n));
        if (!m_stack.empty() && m_stack.back().chunks) {
            m_stack.back().gathered += b;
            return;
        }
        add(DecodedNode::scalar(K::Bytes, b));
    }
    void addString(cbor_data d, size_t n)
    {
        const QByteArray b(reinterpret_cast<const char *>(d), qsizetype(n));
        if (!m_stack.empty() && m_stack.back().chunks) {
            m_stack.back().gathered += b;
            return;
        }
        add(DecodedNode::scalar(K::String, QString::fromUtf8(b)));
    }
    void startChunks(K kind)
    {
        if (!checkDepth())
            return;
        Frame f{DecodedNode::container(kind), -1, {}, false, true, {}};
        m_stack.push_back(std::move(f));
    }
    bool checkDepth()
    {
        if (int(m_stack.size()) >= m_limits.maxDepth) {
            m_error = QStringLiteral("nested deeper than %1 levels").arg(m_limits.maxDepth);
            m_limitReached = true;
            return false;
        }
        return true;
    }
    void open(K kind, qint64 items)
    {
        if (!checkDepth())
            return;
        Frame f{DecodedNode::container(kind, tagText()), items, {}, false, false, {}};
        m_stack.push_back(std::move(f));
        if (items == 0)
            close();
    }
    void close()
    {
        Frame f = std::move(m_stack.back());
        m_stack.pop_back();
        add(std::move(f.node));
    }
    void breakIndefinite()
    {
        if (m_stack.empty() || m_stack.back().remaining != -1) {
            m_error = QStringLiteral("a break with no indefinite-length item open");
            return;
        }
        Frame &f = m_stack.back();
        if (f.chunks) {
            DecodedNode n = f.node.kind == K::Bytes
                                ? DecodedNode::scalar(K::Bytes, f.gathered)
                                : DecodedNode::scalar(K::String, QString::fromUtf8(f.gathered));
            m_stack.pop_back();
            add(std::move(n));
            return;
        }
        if (f.node.kind == K::Map && f.haveKey) {
            m_error = QStringLiteral("a map ends after a key with no value");
            return;
        }
        close();
    }
    void add(DecodedNode n)
    {
        if (!m_error.isEmpty())
            return;
        if (++m_nodes > m_limits.maxNodes) {
            m_error = QStringLiteral("more than %1 values").arg(m_limits.maxNodes);
            m_limitReached = true;
            return;
        }
        if (!m_tags.isEmpty()) {
            const QList<quint64> tags = m_tags;
            n.type = tagText();
            if (tags.contains(0) || tags.contains(1))
                n.note = QStringLiteral("date/time");
        }
        if (m_stack.empty()) {
            m_root = std::move(n);
            m_done = true;
            return;
        }
        Frame &f = m_stack.back();
        if (f.chunks) {
            m_error = QStringLiteral("an indefinite-length string holds something other than "
                                     "chunks of its own type");
            return;
        }
        if (f.node.kind == K::Map && !f.haveKey) {
            f.pendingKey = keyText(n);
            f.haveKey = true;
        } else {
            f.haveKey = false;
            n.key = f.node.kind == K::Map ? f.pendingKey : QString::number(f.node.children.size());
            f.node.children << std::move(n);
        }
        if (f.remaining > 0 && --f.remaining == 0)
            close();
    }

    const Limits &m_limits;
    std::vector<Frame> m_stack;
    QList<quint64> m_tags;
    DecodedNode m_root;
    bool m_done = false;
    QString m_error;
    bool m_limitReached = false;
    qsizetype m_at = 0;
    qsizetype m_nodes = 0;
};

} // namespace

DecodeResult decodeCbor(const QByteArray &data, const Limits &limits)
{
    if (data.isEmpty())
        return DecodeResult::failure(QStringLiteral("empty"), 0);
    return CborBuilder(limits).run(data);
}

} // namespace nsqdecode
