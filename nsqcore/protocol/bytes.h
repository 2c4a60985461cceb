#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QtEndian>

namespace nsq {

// The first n bytes, or all of them when there are fewer (QByteArrayView has no left() in Qt 6.4).
inline QByteArrayView head(QByteArrayView v, qsizetype n)
{
    return v.first(qMin(n, v.size()));
}

inline quint32 readBigEndian32(const char *p)
{
    return qFromBigEndian<quint32>(reinterpret_cast<const uchar *>(p));
}

inline void appendBigEndian32(QByteArray &out, quint32 value)
{
    uchar b[4];
    qToBigEndian(value, b);
    out.append(reinterpret_cast<const char *>(b), 4);
}

inline void appendBigEndian64(QByteArray &out, quint64 value)
{
    uchar b[8];
    qToBigEndian(value, b);
    out.append(reinterpret_cast<const char *>(b), 8);
}

inline void appendBigEndian16(QByteArray &out, quint16 value)
{
    uchar b[2];
    qToBigEndian(value, b);
    out.append(reinterpret_cast<const char *>(b), 2);
}

} // namespace nsq
