#include <protocol/compression.h>

#include <QRandomGenerator>
#include <QTest>

#include <snappy.h>
#include <zlib.h>

using namespace nsq;

namespace {

QByteArray sample(int size)
{
    QByteArray b;
    QRandomGenerator rng(42);
    while (b.size() < size) {
        // Mixed text and noise, like real payloads.
        b += "{\"event\":\"click\",\"user\":" + QByteArray::number(rng.bounded(1000)) + "}\n";
        b += char(rng.bounded(256));
    }
    b.resize(size);
    return b;
}

QByteArray decodeInPieces(StreamCompression &s, const QByteArray &wire, int piece)
{
    QByteArray out;
    for (int i = 0; i < wire.size(); i += piece)
        if (!s.decompress(QByteArrayView(wire).sliced(i, qMin<qsizetype>(piece, wire.size() - i)),
                          out))
            return "FAILED: " + s.errorString().toUtf8();
    return out;
}

// An independent reading of the snappy framing format, using libsnappy directly.
QByteArray referenceSnappyUnframe(const QByteArray &wire)
{
    QByteArray out;
    int pos = 0;
    while (pos + 4 <= wire.size()) {
        const uchar type = uchar(wire[pos]);
        const int len =
            uchar(wire[pos + 1]) | uchar(wire[pos + 2]) << 8 | uchar(wire[pos + 3]) << 16;
        const QByteArray chunk = wire.mid(pos + 4, len);
        pos += 4 + len;
        if (type == 0x00) {
            std::string plain;
            snappy::Uncompress(chunk.constData() + 4, size_t(chunk.size() - 4), &plain);
            out.append(plain.data(), qsizetype(plain.size()));
        } else if (type == 0x01) {
            out.append(chunk.mid(4));
        }
    }
    return out;
}

QByteArray referenceRawDeflate(const QByteArray &plain)
{
    z_stream z{};
    deflateInit2(&z, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(int(deflateBound(&z, uLong(plain.size()))) + 64, 0);
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(plain.constData()));
    z.avail_in = uInt(plain.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = uInt(out.size());
    deflate(&z, Z_SYNC_FLUSH);
    out.resize(out.size() - int(z.avail_out));
    deflateEnd(&z);
    return out;
}

QByteArray referenceRawInflate(const QByteArray &wire)
{
    z_stream z{};
    inflateInit2(&z, -15);
    QByteArray out(16 * 1024 * 1024, 0);
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(wire.constData()));
    z.avail_in = uInt(wire.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = uInt(out.size());
    inflate(&z, Z_SYNC_FLUSH);
    out.resize(out.size() - int(z.avail_out));
    inflateEnd(&z);
    return out;
}

} // namespace

class TstCompression : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void crc32cKnownVectors()
    {
        QCOMPARE(crc32c("123456789"), 0xE3069283u);
        QCOMPARE(crc32c(""), 0u);
        QCOMPARE(crc32c(QByteArray(32, '\0')), 0x8A9136AAu);
    }

    void snappyStartsWithStreamIdentifier()
    {
        auto s = makeSnappyStream();
        const QByteArray wire = s->compress("hello");
        QCOMPARE(wire.left(10), QByteArray("\xff\x06\x00\x00sNaPpY", 10));
        // A second write does not repeat the identifier.
        QVERIFY(!s->compress("again").startsWith('\xff'));
    }

    void snappyIsReadableByAnIndependentReader()
    {
        auto s = makeSnappyStream();
        const QByteArray plain = sample(200000); // spans several 64 KiB chunks
        QCOMPARE(referenceSnappyUnframe(s->compress(plain)), plain);
    }

    void snappyRoundTripsInAnyPieces_data()
    {
        QTest::addColumn<int>("piece");
        QTest::newRow("1") << 1;
        QTest::newRow("7") << 7;
        QTest::newRow("4096") << 4096;
        QTest::newRow("whole") << 0;
    }
    void snappyRoundTripsInAnyPieces()
    {
        QFETCH(int, piece);
        auto tx = makeSnappyStream();
        auto rx = makeSnappyStream();
        const QByteArray a = sample(piece == 1 ? 3000 : 150000);
        // One statement each: the order of operands of + is unspecified, the stream's is not.
        QByteArray wire = tx->compress(a);
        wire += tx->compress("tail");
        wire += tx->compress(QByteArray(70000, 'z'));
        QCOMPARE(decodeInPieces(*rx, wire, piece == 0 ? int(wire.size()) : piece),
                 a + "tail" + QByteArray(70000, 'z'));
    }

    void snappyChecksumMismatchFails()
    {
        auto tx = makeSnappyStream();
        QByteArray wire = tx->compress("some text to protect");
        wire[14] = char(wire[14] ^ 0x55); // inside the first chunk's checksum
        auto rx = makeSnappyStream();
        QByteArray out;
        QVERIFY(!rx->decompress(wire, out));
        QVERIFY(rx->errorString().contains(QLatin1String("checksum")));
    }

    void snappyRejectsBadStreams_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<QString>("reason");
        const QByteArray id("\xff\x06\x00\x00sNaPpY", 10);
        QTest::newRow("no identifier") << QByteArray("\x01\x05\x00\x00"
                                                     "abcde",
                                                     9)
                                       << "stream identifier";
        QTest::newRow("reserved chunk") << id + QByteArray("\x02\x01\x00\x00x", 5) << "reserved";
        QTest::newRow("giant chunk")
            << id + QByteArray("\x00\xff\xff\xff", 4) << "larger than allowed";
        QTest::newRow("bad identifier") << QByteArray("\xff\x06\x00\x00sNaPpX", 10) << "identifier";
        QTest::newRow("garbage compressed")
            << id + QByteArray("\x00\x08\x00\x00\x00\x00\x00\x00\xff\xff\xff\xff", 12) << "corrupt";
    }
    void snappyRejectsBadStreams()
    {
        QFETCH(QByteArray, wire);
        QFETCH(QString, reason);
        auto rx = makeSnappyStream();
        QByteArray out;
        QVERIFY(!rx->decompress(wire, out));
        QVERIFY2(rx->errorString().contains(reason), qPrintable(rx->errorString()));
        // Stays failed.
        QVERIFY(!rx->decompress("more", out));
    }

    void snappySkipsPaddingAndSkippableChunks()
    {
        auto tx = makeSnappyStream();
        const QByteArray first = tx->compress("abc");
        QByteArray wire = first +
                          QByteArray("\xfe\x02\x00\x00\x00\x00\x80\x01\x00\x00"
                                     "x",
                                     11) +
                          tx->compress("def");
        auto rx = makeSnappyStream();
        QCOMPARE(decodeInPieces(*rx, wire, 3), QByteArray("abcdef"));
    }

    void deflateIsReadableByZlib()
    {
        auto tx = makeDeflateStream(6);
        const QByteArray a = sample(100000);
        QByteArray wire = tx->compress(a);
        wire += tx->compress("second write");
        QCOMPARE(referenceRawInflate(wire), a + "second write");
    }

    void deflateReadsZlibOutputInAnyPieces_data()
    {
        QTest::addColumn<int>("piece");
        QTest::newRow("1") << 1;
        QTest::newRow("13") << 13;
        QTest::newRow("whole") << 0;
    }
    void deflateReadsZlibOutputInAnyPieces()
    {
        QFETCH(int, piece);
        // Highly compressible input makes a tiny wire expand a lot: output buffering must cope.
        const QByteArray plain = QByteArray(300000, 'a') + sample(20000);
        const QByteArray wire = referenceRawDeflate(plain);
        auto rx = makeDeflateStream(6);
        QCOMPARE(decodeInPieces(*rx, wire, piece == 0 ? wire.size() : piece), plain);
    }

    void deflateCorruptStreamFails()
    {
        auto rx = makeDeflateStream(6);
        QByteArray out;
        QVERIFY(!rx->decompress(QByteArray("\xff\xff\xff\xff\xff\xff", 6), out));
        QVERIFY(rx->errorString().contains(QLatin1String("corrupt deflate")));
    }
};

QTEST_GUILESS_MAIN(TstCompression)
#include "tst_compression.moc"
