#include <protocol/compression.h>

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>
#include <QtEndian>

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

// CRC-32C (Castagnoli), computed one bit at a time: deliberately nothing like the table-driven
// production code, so a slip in either shows up as a disagreement.
quint32 referenceCrc32c(QByteArrayView data)
{
    quint32 crc = 0xFFFFFFFFu;
    for (const char ch : data) {
        crc ^= uchar(ch);
        for (int bit = 0; bit < 8; ++bit) {
            const bool low = crc & 1u;
            crc >>= 1;
            if (low)
                crc ^= 0x82F63B78u; // reflected Castagnoli polynomial
        }
    }
    return crc ^ 0xFFFFFFFFu;
}

// The framing format stores CRCs rotated right by 15 bits plus a constant.
quint32 referenceMaskedCrc(QByteArrayView data)
{
    const quint32 crc = referenceCrc32c(data);
    return ((crc >> 15) | (crc << 17)) + 0xa282ead8u;
}

quint32 littleEndian24(const QByteArray &b, qsizetype at)
{
    return uchar(b[at]) | quint32(uchar(b[at + 1])) << 8 | quint32(uchar(b[at + 2])) << 16;
}

// An independent reading of the snappy framing format, using libsnappy directly for the block
// format and checking every chunk's masked CRC-32C. Returns "FAILED: ..." on any violation.
QByteArray referenceSnappyUnframe(const QByteArray &wire)
{
    QByteArray out;
    qsizetype pos = 0;
    bool sawIdentifier = false;
    while (pos < wire.size()) {
        if (wire.size() - pos < 4)
            return "FAILED: truncated chunk header at " + QByteArray::number(pos);
        const uchar type = uchar(wire[pos]);
        const qsizetype len = littleEndian24(wire, pos + 1);
        if (wire.size() - pos - 4 < len)
            return "FAILED: truncated chunk at " + QByteArray::number(pos);
        const QByteArray chunk = wire.mid(pos + 4, len);
        const qsizetype chunkAt = pos;
        pos += 4 + len;
        if (type == 0xff) {
            if (chunk != "sNaPpY")
                return "FAILED: bad stream identifier";
            sawIdentifier = true;
            continue;
        }
        if (!sawIdentifier)
            return "FAILED: no stream identifier";
        if (type == 0x00 || type == 0x01) {
            if (len < 4)
                return "FAILED: chunk without checksum at " + QByteArray::number(chunkAt);
            const quint32 stored = littleEndian24(chunk, 0) | quint32(uchar(chunk[3])) << 24;
            QByteArray plain;
            if (type == 0x00) {
                std::string unpacked;
                if (!snappy::Uncompress(chunk.constData() + 4, size_t(len - 4), &unpacked))
                    return "FAILED: corrupt compressed chunk at " + QByteArray::number(chunkAt);
                plain = QByteArray(unpacked.data(), qsizetype(unpacked.size()));
            } else {
                plain = chunk.mid(4);
            }
            if (plain.size() > 65536)
                return "FAILED: chunk over 64 KiB at " + QByteArray::number(chunkAt);
            if (referenceMaskedCrc(plain) != stored)
                return "FAILED: checksum mismatch in chunk at " + QByteArray::number(chunkAt);
            out += plain;
        } else if (type <= 0x7f) {
            return "FAILED: reserved unskippable chunk type " + QByteArray::number(type, 16);
        }
        // 0x80..0xfe: skippable (including padding).
    }
    return out;
}

// Offsets and types of the chunks of a snappy framed stream (no validation).
QList<QPair<qsizetype, uchar>> snappyChunks(const QByteArray &wire)
{
    QList<QPair<qsizetype, uchar>> chunks;
    for (qsizetype pos = 0; pos + 4 <= wire.size(); pos += 4 + littleEndian24(wire, pos + 1))
        chunks.append({pos, uchar(wire[pos])});
    return chunks;
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

QByteArray readFixture(const QString &name)
{
    QFile f(QStringLiteral(NSQ_FIXTURE_DIR "/compression/") + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The four writes behind the golang/snappy and Python zlib fixtures (see
// fixtures/compression/README.md).
QByteArrayList goldenWrites()
{
    const QByteArray sentence("The quick brown fox jumps over the lazy dog. ");
    const QByteArray text = sentence.repeated(70000 / sentence.size() + 1).left(70000);
    QByteArray noise;
    for (int i = 0; i < 32; ++i)
        noise += QCryptographicHash::hash("nsq-golden-" + QByteArray::number(i),
                                          QCryptographicHash::Sha256);
    return {"Hello, NSQ!\n", text, noise, "end\n"};
}

std::unique_ptr<StreamCompression> makeCodec(const QByteArray &name)
{
    return name == "snappy" ? makeSnappyStream() : makeDeflateStream(6);
}

// A decoded client->server stream split into command lines (without the newline) and bodies (empty
// for commands without one). False if the stream ends inside a command.
bool parseCommands(const QByteArray &plain, QByteArrayList &lines, QByteArrayList &bodies)
{
    qsizetype pos = 0;
    while (pos < plain.size()) {
        const qsizetype nl = plain.indexOf('\n', pos);
        if (nl < 0)
            return false;
        const QByteArray line = plain.mid(pos, nl - pos);
        pos = nl + 1;
        QByteArray body;
        const QByteArray verb = line.left(line.indexOf(' '));
        if (verb == "PUB" || verb == "DPUB" || verb == "MPUB" || verb == "IDENTIFY" ||
            verb == "AUTH") {
            if (plain.size() - pos < 4)
                return false;
            const qsizetype size = qFromBigEndian<quint32>(plain.constData() + pos);
            if (plain.size() - pos - 4 < size)
                return false;
            body = plain.mid(pos + 4, size);
            pos += 4 + size;
        }
        lines.append(line);
        bodies.append(body);
    }
    return true;
}

struct Frame
{
    qint32 type = -1;
    QByteArray data;
};

// A decoded server->client stream split into frames. False if it ends inside a frame.
bool parseFrames(const QByteArray &plain, QList<Frame> &frames)
{
    qsizetype pos = 0;
    while (pos < plain.size()) {
        if (plain.size() - pos < 8)
            return false;
        const qsizetype size = qFromBigEndian<quint32>(plain.constData() + pos);
        if (size < 4 || plain.size() - pos - 4 < size)
            return false;
        frames.append(
            {qFromBigEndian<qint32>(plain.constData() + pos + 4), plain.mid(pos + 8, size - 4)});
        pos += 4 + size;
    }
    return true;
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

    // --- Golden vectors from independent implementations (fixtures/compression/README.md) ---

    void referenceCrcMatchesPublishedVectors()
    {
        // RFC 3720 B.4 and the usual check value.
        QCOMPARE(referenceCrc32c("123456789"), 0xE3069283u);
        QCOMPARE(referenceCrc32c(QByteArray(32, '\0')), 0x8A9136AAu);
        QCOMPARE(referenceCrc32c(QByteArray(32, '\xff')), 0x62A8AB43u);
        QByteArray ascending;
        for (int i = 0; i < 32; ++i)
            ascending += char(i);
        QCOMPARE(referenceCrc32c(ascending), 0x46DD794Eu);
    }

    void goldenInputMatchesReadme()
    {
        const QByteArray all = goldenWrites().join();
        QCOMPARE(all.size(), 71040);
        QCOMPARE(QCryptographicHash::hash(all, QCryptographicHash::Sha256).toHex(),
                 QByteArray("6df31b1d9219fa4491f02bd05881ce50316052730579b35880c1e8377d348af1"));
    }

    void snappyDecodesGolangSnappyStreams_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("piece");
        for (const char *file : {"golang-snappy-writer.bin", "golang-snappy-bufferedwriter.bin"}) {
            for (const int piece : {0, 1, 1000}) {
                const QByteArray pieces = piece == 0 ? "whole" : QByteArray::number(piece);
                QTest::addRow("%s/%s", file, pieces.constData())
                    << QString::fromLatin1(file) << piece;
            }
        }
    }
    void snappyDecodesGolangSnappyStreams()
    {
        QFETCH(QString, file);
        QFETCH(int, piece);
        const QByteArray wire = readFixture(file);
        QVERIFY2(!wire.isEmpty(), qPrintable(QStringLiteral("missing fixture ") + file));
        // The fixture must keep covering several compressed chunks and an uncompressed one.
        int compressed = 0;
        int uncompressed = 0;
        for (const auto &chunk : snappyChunks(wire)) {
            compressed += chunk.second == 0x00;
            uncompressed += chunk.second == 0x01;
        }
        QVERIFY(compressed >= 2);
        QVERIFY(uncompressed >= 1);

        const QByteArray expected = goldenWrites().join();
        auto rx = makeSnappyStream();
        QCOMPARE(decodeInPieces(*rx, wire, piece == 0 ? int(wire.size()) : piece), expected);
        // The test's own reader must agree, or its verdict on our encoder would mean nothing.
        QCOMPARE(referenceSnappyUnframe(wire), expected);
    }

    void deflateDecodesPythonZlibStreams_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("piece");
        for (const char *file : {"python-zlib-syncflush.bin", "python-zlib-finish.bin"}) {
            for (const int piece : {0, 1, 100}) {
                const QByteArray pieces = piece == 0 ? "whole" : QByteArray::number(piece);
                QTest::addRow("%s/%s", file, pieces.constData())
                    << QString::fromLatin1(file) << piece;
            }
        }
    }
    void deflateDecodesPythonZlibStreams()
    {
        QFETCH(QString, file);
        QFETCH(int, piece);
        const QByteArray wire = readFixture(file);
        QVERIFY2(!wire.isEmpty(), qPrintable(QStringLiteral("missing fixture ") + file));
        auto rx = makeDeflateStream(6);
        QCOMPARE(decodeInPieces(*rx, wire, piece == 0 ? int(wire.size()) : piece),
                 goldenWrites().join());
    }

    void nsqdPublishSessionDecodes_data()
    {
        QTest::addColumn<QByteArray>("codec");
        QTest::addColumn<QByteArray>("topic");
        QTest::newRow("snappy") << QByteArray("snappy") << QByteArray("fixture_snappy");
        QTest::newRow("deflate") << QByteArray("deflate") << QByteArray("fixture_deflate");
    }
    void nsqdPublishSessionDecodes()
    {
        // to_nsq (go-nsq) publishing three lines through a real nsqd 1.3.0.
        QFETCH(QByteArray, codec);
        QFETCH(QByteArray, topic);
        const QString prefix = QStringLiteral("nsqd-%1-pub").arg(QString::fromLatin1(codec));
        const QByteArray c2s = readFixture(prefix + QStringLiteral(".c2s.bin"));
        const QByteArray s2c = readFixture(prefix + QStringLiteral(".s2c.bin"));
        QVERIFY(!c2s.isEmpty() && !s2c.isEmpty());

        auto fromClient = makeCodec(codec);
        QByteArray commands;
        QVERIFY2(fromClient->decompress(c2s, commands), qPrintable(fromClient->errorString()));
        auto byteWise = makeCodec(codec);
        QCOMPARE(decodeInPieces(*byteWise, c2s, 1), commands);
        QByteArrayList lines;
        QByteArrayList bodies;
        QVERIFY(parseCommands(commands, lines, bodies));
        const QByteArray pub = "PUB " + topic;
        QCOMPARE(lines, QByteArrayList({pub, pub, pub}));
        QCOMPARE(bodies, QByteArrayList({"hello from to_nsq", "second line",
                                         QByteArray("0123456789").repeated(20)}));

        auto fromServer = makeCodec(codec);
        QByteArray responses;
        QVERIFY2(fromServer->decompress(s2c, responses), qPrintable(fromServer->errorString()));
        QList<Frame> frames;
        QVERIFY(parseFrames(responses, frames));
        // The OK that completes the compression upgrade, then one per PUB.
        QCOMPARE(frames.size(), 4);
        for (const Frame &f : frames) {
            QCOMPARE(f.type, 0);
            QCOMPARE(f.data, QByteArray("OK"));
        }
    }

    void nsqdConsumeSessionDecodes_data()
    {
        QTest::addColumn<QByteArray>("codec");
        QTest::addColumn<QByteArray>("topic");
        QTest::newRow("snappy") << QByteArray("snappy") << QByteArray("fixture_snappy");
        QTest::newRow("deflate") << QByteArray("deflate") << QByteArray("fixture_deflate");
    }
    void nsqdConsumeSessionDecodes()
    {
        // nsq_tail (go-nsq) consuming those three messages from a real nsqd 1.3.0.
        QFETCH(QByteArray, codec);
        QFETCH(QByteArray, topic);
        const QString prefix = QStringLiteral("nsqd-%1-sub").arg(QString::fromLatin1(codec));
        const QByteArray c2s = readFixture(prefix + QStringLiteral(".c2s.bin"));
        const QByteArray s2c = readFixture(prefix + QStringLiteral(".s2c.bin"));
        QVERIFY(!c2s.isEmpty() && !s2c.isEmpty());

        auto fromServer = makeCodec(codec);
        QByteArray stream;
        QVERIFY2(fromServer->decompress(s2c, stream), qPrintable(fromServer->errorString()));
        auto byteWise = makeCodec(codec);
        QCOMPARE(decodeInPieces(*byteWise, s2c, 1), stream);
        QList<Frame> frames;
        QVERIFY(parseFrames(stream, frames));
        QCOMPARE(frames.size(), 5);
        // The OK that completes the compression upgrade, the OK for SUB, then three messages.
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(frames[i].type, 0);
            QCOMPARE(frames[i].data, QByteArray("OK"));
        }
        const QByteArrayList expectedBodies = {"hello from to_nsq", "second line",
                                               QByteArray("0123456789").repeated(20)};
        QByteArrayList ids;
        for (int i = 0; i < 3; ++i) {
            const Frame &m = frames[2 + i];
            QCOMPARE(m.type, 2);
            QVERIFY(m.data.size() >= 26);
            const qint64 timestampNs = qFromBigEndian<qint64>(m.data.constData());
            QVERIFY2(timestampNs > Q_INT64_C(1600000000) * 1000000000, "timestamp is not in ns");
            QCOMPARE(qFromBigEndian<quint16>(m.data.constData() + 8), quint16(1));
            const QByteArray id = m.data.mid(10, 16);
            QVERIFY2(QByteArray::fromHex(id).toHex() == id, id.constData()); // nsqd ids are hex
            ids.append(id);
            QCOMPARE(m.data.mid(26), expectedBodies[i]);
        }

        auto fromClient = makeCodec(codec);
        QByteArray commands;
        QVERIFY2(fromClient->decompress(c2s, commands), qPrintable(fromClient->errorString()));
        QByteArrayList lines;
        QByteArrayList bodies;
        QVERIFY(parseCommands(commands, lines, bodies));
        // nsq_tail -n 3 exits right after printing the third message, before its FIN is sent.
        QCOMPARE(lines, QByteArrayList({"SUB " + topic + " fixture#ephemeral", "RDY 3",
                                        "FIN " + ids[0], "FIN " + ids[1]}));
    }

    void snappyRejectsIndependentStreamWithCorruptedChecksum_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("chunk");
        QTest::addColumn<int>("chunkType");
        QTest::addColumn<int>("crcByte");
        QTest::newRow("golang uncompressed chunk")
            << QStringLiteral("golang-snappy-writer.bin") << 1 << 0x01 << 0;
        QTest::newRow("golang compressed chunk")
            << QStringLiteral("golang-snappy-writer.bin") << 2 << 0x00 << 3;
        QTest::newRow("golang buffered, last chunk")
            << QStringLiteral("golang-snappy-bufferedwriter.bin") << 3 << 0x01 << 2;
        QTest::newRow("nsqd messages chunk")
            << QStringLiteral("nsqd-snappy-sub.s2c.bin") << 3 << 0x00 << 1;
    }
    void snappyRejectsIndependentStreamWithCorruptedChecksum()
    {
        QFETCH(QString, file);
        QFETCH(int, chunk);
        QFETCH(int, chunkType);
        QFETCH(int, crcByte);
        QByteArray wire = readFixture(file);
        QVERIFY2(!wire.isEmpty(), qPrintable(QStringLiteral("missing fixture ") + file));
        const auto chunks = snappyChunks(wire);
        QVERIFY(chunk < chunks.size());
        QCOMPARE(int(chunks[chunk].second), chunkType);
        const qsizetype at = chunks[chunk].first + 4 + crcByte; // after type and 3-byte length
        wire[at] = char(wire[at] ^ 0x01);

        auto rx = makeSnappyStream();
        const QByteArray result = decodeInPieces(*rx, wire, int(wire.size()));
        QVERIFY2(result.startsWith("FAILED: ") && result.contains("checksum"), result.left(200));
        auto byteWise = makeSnappyStream();
        QVERIFY(decodeInPieces(*byteWise, wire, 1).startsWith("FAILED: "));
        QVERIFY(referenceSnappyUnframe(wire).startsWith("FAILED: checksum mismatch"));
    }

    void snappyOutputPassesChecksummingReader_data()
    {
        QTest::addColumn<QByteArrayList>("writes");
        QTest::newRow("golden writes") << goldenWrites();
        QTest::newRow("one byte") << QByteArrayList({"x"});
        QTest::newRow("exactly 64 KiB") << QByteArrayList({sample(65536)});
        QTest::newRow("64 KiB + 1") << QByteArrayList({sample(65537)});
        QTest::newRow("many small")
            << QByteArrayList({"PUB t\n", QByteArray("\0\0\0\x03", 4), "abc", "NOP\n"});
        QTest::newRow("incompressible") << QByteArrayList({goldenWrites().at(2)});
    }
    void snappyOutputPassesChecksummingReader()
    {
        QFETCH(QByteArrayList, writes);
        auto tx = makeSnappyStream();
        QByteArray wire;
        for (const QByteArray &w : writes)
            wire += tx->compress(w);
        QCOMPARE(referenceSnappyUnframe(wire), writes.join());
    }

    void deflateOutputIsReadByPythonZlib_data()
    {
        QTest::addColumn<int>("level");
        QTest::addColumn<QByteArrayList>("writes");
        QTest::newRow("golden writes, level 6") << 6 << goldenWrites();
        QTest::newRow("sample, level 1") << 1 << QByteArrayList({sample(100000), "tail"});
        QTest::newRow("sample, level 9") << 9 << QByteArrayList({"head", sample(100000)});
    }
    void deflateOutputIsReadByPythonZlib()
    {
        QFETCH(int, level);
        QFETCH(QByteArrayList, writes);
        const QString python = QStringLiteral("/usr/bin/python3");
        if (!QFileInfo::exists(python))
            QSKIP("/usr/bin/python3 is not installed: cannot cross-check deflate output with "
                  "Python's zlib");
        auto tx = makeDeflateStream(level);
        QByteArray wire;
        for (const QByteArray &w : writes)
            wire += tx->compress(w);

        QProcess p;
        // Raw inflate of stdin to stdout; a sync-flushed stream has no end, which is fine here.
        p.start(python,
                {QStringLiteral("-c"),
                 QStringLiteral("import sys, zlib\n"
                                "d = zlib.decompressobj(-15)\n"
                                "sys.stdout.buffer.write(d.decompress(sys.stdin.buffer.read()))\n"
                                "sys.stdout.buffer.write(d.flush())\n")});
        QVERIFY2(p.waitForStarted(30000), qPrintable(p.errorString()));
        p.write(wire);
        p.closeWriteChannel();
        QVERIFY2(p.waitForFinished(60000), qPrintable(p.errorString()));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        QCOMPARE(p.readAllStandardOutput(), writes.join());
    }
};

QTEST_GUILESS_MAIN(TstCompression)
#include "tst_compression.moc"
