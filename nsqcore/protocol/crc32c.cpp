#include "compression.h"

#include <array>

namespace nsq {

namespace {

// Slice-by-4 tables for the Castagnoli polynomial (reflected 0x82F63B78).
struct Crc32cTables
{
    std::array<std::array<quint32, 256>, 4> t{};
    constexpr Crc32cTables()
    {
        for (quint32 i = 0; i < 256; ++i) {
            quint32 c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? (c >> 1) ^ 0x82F63B78u : c >> 1;
            t[0][i] = c;
        }
        for (quint32 i = 0; i < 256; ++i)
            for (int s = 1; s < 4; ++s)
                t[s][i] = (t[s - 1][i] >> 8) ^ t[0][t[s - 1][i] & 0xff];
    }
};

constexpr Crc32cTables kTables;

} // namespace

quint32 crc32c(QByteArrayView data)
{
    quint32 crc = 0xFFFFFFFFu;
    const auto *p = reinterpret_cast<const uchar *>(data.data());
    qsizetype n = data.size();
    while (n >= 4) {
        crc ^= quint32(p[0]) | quint32(p[1]) << 8 | quint32(p[2]) << 16 | quint32(p[3]) << 24;
        crc = kTables.t[3][crc & 0xff] ^ kTables.t[2][(crc >> 8) & 0xff] ^
              kTables.t[1][(crc >> 16) & 0xff] ^ kTables.t[0][crc >> 24];
        p += 4;
        n -= 4;
    }
    while (n-- > 0)
        crc = kTables.t[0][(crc ^ *p++) & 0xff] ^ (crc >> 8);
    return ~crc;
}

} // namespace nsq
