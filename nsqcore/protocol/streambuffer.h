#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace nsq {

// Bytes received but not yet decoded. Appending first drops what was consumed, so only the tail
// of a partial frame or command is ever moved.
class StreamBuffer
{
public:
    void append(QByteArrayView bytes)
    {
        if (m_pos > 0) {
            m_bytes.remove(0, m_pos);
            m_pos = 0;
        }
        m_bytes.append(bytes.data(), bytes.size());
    }
    const char *data() const { return m_bytes.constData() + m_pos; }
    qsizetype size() const { return m_bytes.size() - m_pos; }
    void consume(qsizetype n) { m_pos += n; }
    QByteArray takeAll()
    {
        QByteArray rest = m_bytes.mid(m_pos);
        clear();
        return rest;
    }
    void clear()
    {
        m_bytes.clear();
        m_pos = 0;
    }

private:
    QByteArray m_bytes;
    qsizetype m_pos = 0;
};

} // namespace nsq
