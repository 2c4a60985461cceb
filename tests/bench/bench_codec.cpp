// Decode throughput of the codec: frames of 100-byte messages fed in 64 KiB reads, as a socket
// would hand them over, through FrameDecoder and decodeMessage. Prints numbers; asserts nothing.
#include <protocol/bytes.h>
#include <protocol/compression.h>
#include <protocol/framedecoder.h>
#include <protocol/message.h>

#include <QByteArray>
#include <QElapsedTimer>

#include <cstdio>
#include <cstdlib>

using namespace nsq;

namespace {

QByteArray makeStream(int count, int bodySize)
{
    QByteArray stream;
    Message m;
    m.body = QByteArray(bodySize, 'x');
    for (int i = 0; i < count; ++i) {
        m.id = MessageId::fromBytes(QByteArray::number(i, 16).rightJustified(16, '0'));
        m.timestamp = 1700000000000000000LL + i;
        m.attempts = 1;
        const QByteArray data = encodeMessage(m);
        appendBigEndian32(stream, quint32(data.size() + 4));
        appendBigEndian32(stream, 2);
        stream.append(data);
    }
    return stream;
}

struct Run
{
    double seconds;
    qint64 frames;
    qint64 bodyBytes;
};

Run decodeAll(const QByteArray &stream, StreamCompression *compression)
{
    FrameDecoder decoder;
    QElapsedTimer t;
    t.start();
    qint64 frames = 0, bodies = 0;
    constexpr qsizetype kRead = 64 * 1024;
    QByteArray plain;
    for (qsizetype pos = 0; pos < stream.size(); pos += kRead) {
        const QByteArrayView chunk =
            QByteArrayView(stream).sliced(pos, qMin(kRead, stream.size() - pos));
        if (compression) {
            plain.clear();
            compression->decompress(chunk, plain);
            decoder.feed(plain);
        } else {
            decoder.feed(chunk);
        }
        while (decoder.next() == FrameDecoder::Status::FrameReady) {
            const auto m = decodeMessage(decoder.frame().data);
            bodies += m.value().body.size();
            ++frames;
        }
    }
    return {t.nsecsElapsed() / 1e9, frames, bodies};
}

void report(const char *name, const Run &r, qint64 wireBytes)
{
    std::printf("%-8s %9lld frames  %8.1f MB/s wire  %10.0f frames/s  %6.3f s\n", name,
                static_cast<long long>(r.frames), wireBytes / r.seconds / 1e6, r.frames / r.seconds,
                r.seconds);
}

} // namespace

int main(int argc, char **argv)
{
    const int count = argc > 1 ? std::atoi(argv[1]) : 2000000;
    if (count <= 0) {
        std::fprintf(stderr, "usage: bench_codec [message-count]\n");
        return 2;
    }
    const QByteArray stream = makeStream(count, 100);
    const Run plain = decodeAll(stream, nullptr);
    report("plain", plain, stream.size());

    auto tx = makeSnappyStream();
    QByteArray snappyWire;
    for (qsizetype pos = 0; pos < stream.size(); pos += 16384)
        snappyWire += tx->compress(
            QByteArrayView(stream).sliced(pos, qMin<qsizetype>(16384, stream.size() - pos)));
    auto rx = makeSnappyStream();
    report("snappy", decodeAll(snappyWire, rx.get()), snappyWire.size());

    auto dtx = makeDeflateStream(6);
    QByteArray deflateWire;
    for (qsizetype pos = 0; pos < stream.size(); pos += 16384)
        deflateWire += dtx->compress(
            QByteArrayView(stream).sliced(pos, qMin<qsizetype>(16384, stream.size() - pos)));
    auto drx = makeDeflateStream(6);
    report("deflate", decodeAll(deflateWire, drx.get()), deflateWire.size());
    return plain.frames == count ? 0 : 1;
}
