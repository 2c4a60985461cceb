#include "decoders.h"
#include "text.h"

#include <climits>

#ifndef MSGPACK_NO_BOOST
#define MSGPACK_NO_BOOST
#endif
#include <msgpack.hpp>

#include <vector>

namespace nsqdecode {

namespace {

using K = DecodedNode::Kind;

// Builds the tree as msgpack-cxx's parser walks the bytes (its visitor API): no msgpack::object
// zone, no allocation from a declared length, a depth check before every container, and the
// offsets the parser gives when it breaks.
class TreeBuilder : public msgpack::null_visitor
{
public:
    explicit TreeBuilder(const Limits &limits) : m_limits(limits) {}

    bool visit_nil() { return add(DecodedNode::scalar(K::Null, {})); }
    bool visit_boolean(bool v) { return add(DecodedNode::scalar(K::Bool, v)); }
    bool visit_positive_integer(uint64_t v)
    {
        return add(v <= uint64_t(std::numeric_limits<qint64>::max())
                       ? DecodedNode::scalar(K::Int, qint64(v))
                       : DecodedNode::scalar(K::UInt, quint64(v)));
    }
    bool visit_negative_integer(int64_t v) { return add(DecodedNode::scalar(K::Int, qint64(v))); }
    bool visit_float32(float v)
    {
        return add(DecodedNode::scalar(K::Double, double(v), QStringLiteral("float32")));
    }
    bool visit_float64(double v) { return add(DecodedNode::scalar(K::Double, v)); }
    bool visit_str(const char *v, uint32_t size)
    {
        const QByteArray bytes(v, qsizetype(size));
        if (!isUtf8(bytes)) // not UTF-8 after all: shown as what it is
            return add(DecodedNode::scalar(K::Bytes, bytes, QStringLiteral("str (not UTF-8)")));
        return add(DecodedNode::scalar(K::String, QString::fromUtf8(bytes)));
    }
    bool visit_bin(const char *v, uint32_t size)
    {
        return add(
            DecodedNode::scalar(K::Bytes, QByteArray(v, qsizetype(size)), QStringLiteral("bin")));
    }
    bool visit_ext(const char *v, uint32_t size)
    {
        // The first byte is the extension type; -1 is the timestamp.
        const qint8 type = size > 0 ? qint8(v[0]) : 0;
        const QByteArray data(v + (size > 0 ? 1 : 0), qsizetype(size > 0 ? size - 1 : 0));
        DecodedNode n = DecodedNode::scalar(K::Bytes, data, QStringLiteral("ext %1").arg(type));
        if (type == -1)
            n.note = timestamp(data);
        return add(std::move(n));
    }
    bool start_array(uint32_t) { return open(K::Array); }
    bool end_array() { return close(); }
    bool start_map(uint32_t) { return open(K::Map); }
    bool end_map() { return close(); }
    bool start_map_key()
    {
        m_stack.back().inKey = true;
        return true;
    }
    bool end_map_key()
    {
        m_stack.back().inKey = false;
        return true;
    }

    void parse_error(size_t, size_t errorOffset)
    {
        m_error = QStringLiteral("not MsgPack (a byte no type starts with)");
        m_errorOffset = qsizetype(errorOffset);
    }
    void insufficient_bytes(size_t, size_t errorOffset)
    {
        m_error = QStringLiteral("the data ends inside a value");
        m_errorOffset = qsizetype(errorOffset);
    }

    DecodedNode m_root;
    bool m_haveRoot = false;
    QString m_error;
    qsizetype m_errorOffset = -1;
    bool m_limitReached = false;
    qsizetype m_nodes = 0;

private:
    struct Frame
    {
        DecodedNode node;
        bool inKey = false;
        QString pendingKey;
    };

    static QString timestamp(const QByteArray &d)
    {
        const auto u = [&d](int from, int n) {
            quint64 v = 0;
            for (int i = 0; i < n; ++i)
                v = (v << 8) | quint8(d.at(from + i));
            return v;
        };
        qint64 seconds = 0;
        quint32 nanos = 0;
        if (d.size() == 4) {
            seconds = qint64(u(0, 4));
        } else if (d.size() == 8) {
            const quint64 v = u(0, 8);
            nanos = quint32(v >> 34);
            seconds = qint64(v & 0x3ffffffffULL);
        } else if (d.size() == 12) {
            nanos = quint32(u(0, 4));
            seconds = qint64(u(4, 8));
        } else {
            return {};
        }
        return QStringLiteral("timestamp %1 s + %2 ns").arg(seconds).arg(nanos);
    }

    bool limitReached(const QString &why)
    {
        m_error = why;
        m_limitReached = true;
        return false;
    }
    bool add(DecodedNode n)
    {
        if (++m_nodes > m_limits.maxNodes)
            return limitReached(QStringLiteral("more than %1 values").arg(m_limits.maxNodes));
        if (m_stack.empty()) {
            m_root = std::move(n);
            m_haveRoot = true;
            return true;
        }
        Frame &f = m_stack.back();
        if (f.node.kind == K::Map && f.inKey) {
            // Keys are usually strings; any other key is kept as its JSON text.
            f.pendingKey = keyText(n);
            return true;
        }
        n.key = f.node.kind == K::Map ? f.pendingKey : QString::number(f.node.children.size());
        f.node.children << std::move(n);
        return true;
    }
    bool open(K kind)
    {
        if (int(m_stack.size()) >= m_limits.maxDepth)
            return limitReached(
                QStringLiteral("nested deeper than %1 levels").arg(m_limits.maxDepth));
        if (++m_nodes > m_limits.maxNodes)
            return limitReached(QStringLiteral("more than %1 values").arg(m_limits.maxNodes));
        --m_nodes; // counted again when it is added
        m_stack.push_back(Frame{DecodedNode::container(kind), false, {}});
        return true;
    }
    bool close()
    {
        DecodedNode n = std::move(m_stack.back().node);
        m_stack.pop_back();
        return add(std::move(n));
    }

    const Limits &m_limits;
    std::vector<Frame> m_stack;
};

} // namespace

DecodeResult decodeMsgPack(const QByteArray &data, const Limits &limits)
{
    if (data.isEmpty())
        return DecodeResult::failure(QStringLiteral("empty"), 0);
    TreeBuilder builder(limits);
    std::size_t offset = 0;
    bool parsed = false;
    try {
        parsed = msgpack::parse(data.constData(), std::size_t(data.size()), offset, builder);
    } catch (const std::exception &e) {
        return DecodeResult::failure(QString::fromUtf8(e.what()), qsizetype(offset));
    }
    if (!parsed || !builder.m_haveRoot) {
        DecodeResult r = DecodeResult::failure(
            builder.m_error.isEmpty() ? QStringLiteral("not MsgPack") : builder.m_error,
            builder.m_errorOffset >= 0 ? builder.m_errorOffset : qsizetype(offset));
        r.limitReached = builder.m_limitReached;
        return r;
    }
    if (offset != std::size_t(data.size()))
        return DecodeResult::failure(QStringLiteral("%1 bytes after the first MsgPack value")
                                         .arg(data.size() - qsizetype(offset)),
                                     qsizetype(offset));
    DecodeResult r;
    r.ok = true;
    r.root = std::move(builder.m_root);
    r.description = QStringLiteral("MsgPack %1").arg(r.root.kindName());
    return r;
}

} // namespace nsqdecode
