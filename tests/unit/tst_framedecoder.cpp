#include <protocol/bytes.h>
#include <protocol/framedecoder.h>
#include <protocol/message.h>

#include <QTest>

using namespace nsq;

namespace {

QByteArray frame(qint32 type, const QByteArray &data)
{
    QByteArray f;
    appendBigEndian32(f, quint32(data.size() + 4));
    appendBigEndian32(f, quint32(type));
    return f + data;
}

struct Decoded
{
    QList<QPair<FrameType, QByteArray>> frames;
    FrameDecoder::Status last = FrameDecoder::Status::NeedMoreData;
};

Decoded drain(FrameDecoder &d)
{
    Decoded out;
    for (;;) {
        out.last = d.next();
        if (out.last != FrameDecoder::Status::FrameReady)
            return out;
        out.frames.append({d.frame().type, d.frame().data.toByteArray()});
    }
}

} // namespace

class TstFrameDecoder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void wholeFramesInOneChunk()
    {
        FrameDecoder d;
        d.feed(frame(0, "OK") + frame(1, "E_INVALID bad") + frame(0, "_heartbeat_"));
        const Decoded r = drain(d);
        QCOMPARE(r.last, FrameDecoder::Status::NeedMoreData);
        QCOMPARE(r.frames.size(), 3);
        QCOMPARE(r.frames[0].first, FrameType::Response);
        QCOMPARE(r.frames[0].second, QByteArray("OK"));
        QCOMPARE(r.frames[1].first, FrameType::Error);
        QCOMPARE(r.frames[1].second, QByteArray("E_INVALID bad"));
        QCOMPARE(r.frames[2].second, QByteArray("_heartbeat_"));
        QCOMPARE(d.bufferedSize(), 0);
    }

    void oneByteAtATime()
    {
        Message m;
        m.id = MessageId::fromBytes("0123456789abcdef");
        m.timestamp = 1700000000123456789LL;
        m.attempts = 3;
        m.body = "hello world";
        const QByteArray stream =
            frame(0, "OK") + frame(2, encodeMessage(m)) + frame(0, "CLOSE_WAIT");
        FrameDecoder d;
        QList<QByteArray> got;
        for (char c : stream) {
            d.feed(QByteArrayView(&c, 1));
            while (d.next() == FrameDecoder::Status::FrameReady)
                got << d.frame().data.toByteArray();
        }
        QCOMPARE(got.size(), 3);
        const auto decoded = decodeMessage(got[1]);
        QVERIFY(decoded.ok());
        QCOMPARE(decoded.value().id, m.id);
        QCOMPARE(decoded.value().timestamp, m.timestamp);
        QCOMPARE(decoded.value().attempts, quint16(3));
        QCOMPARE(decoded.value().body, QByteArray("hello world"));
        QCOMPARE(got[2], QByteArray("CLOSE_WAIT"));
    }

    void emptyDataFrameIsValid()
    {
        FrameDecoder d;
        d.feed(frame(0, QByteArray()));
        QCOMPARE(d.next(), FrameDecoder::Status::FrameReady);
        QVERIFY(d.frame().data.isEmpty());
    }

    void oversizedFrameIsAnErrorNotAnAllocation()
    {
        FrameDecoder d(1024);
        QByteArray header;
        appendBigEndian32(header, 0x7fffffff);
        d.feed(header);
        QCOMPARE(d.next(), FrameDecoder::Status::Failed);
        QCOMPARE(d.error(), FrameDecoder::Error::FrameTooLarge);
        QVERIFY(d.errorString().contains(QLatin1String("exceeds the maximum of 1024")));
        // Stays failed: the stream is out of step.
        d.feed(frame(0, "OK"));
        QCOMPARE(d.next(), FrameDecoder::Status::Failed);
        d.reset();
        d.feed(frame(0, "OK"));
        QCOMPARE(d.next(), FrameDecoder::Status::FrameReady);
    }

    void frameAtExactlyTheMaximumIsAccepted()
    {
        FrameDecoder d(4 + 100);
        d.feed(frame(0, QByteArray(100, 'x')));
        QCOMPARE(d.next(), FrameDecoder::Status::FrameReady);
        QCOMPARE(d.frame().data.size(), 100);
    }

    void frameSizeLimitIsExact_data()
    {
        QTest::addColumn<int>("dataSize");
        QTest::addColumn<bool>("accepted");
        // The limit applies to the size field, which counts the 4-byte type and the data.
        QTest::newRow("one below") << 99 << true;
        QTest::newRow("at the limit") << 100 << true;
        QTest::newRow("one above") << 101 << false;
        QTest::newRow("four above") << 104 << false;
    }
    void frameSizeLimitIsExact()
    {
        QFETCH(int, dataSize);
        QFETCH(bool, accepted);
        FrameDecoder d(4 + 100);
        d.feed(frame(0, QByteArray(dataSize, 'x')));
        QCOMPARE(d.next(),
                 accepted ? FrameDecoder::Status::FrameReady : FrameDecoder::Status::Failed);
        if (!accepted)
            QCOMPARE(d.error(), FrameDecoder::Error::FrameTooLarge);
    }

    void unknownFrameTypeIsAnError_data()
    {
        QTest::addColumn<qint32>("type");
        QTest::newRow("3") << 3;
        QTest::newRow("-1") << -1;
        QTest::newRow("1000") << 1000;
    }
    void unknownFrameTypeIsAnError()
    {
        QFETCH(qint32, type);
        FrameDecoder d;
        // The type is reported as soon as it is readable, before the rest of the frame arrives.
        d.feed(frame(type, QByteArray(50, 'x')).left(8));
        QCOMPARE(d.next(), FrameDecoder::Status::Failed);
        QCOMPARE(d.error(), FrameDecoder::Error::UnknownFrameType);
    }

    void sizeTooSmallForTypeIsAnError()
    {
        FrameDecoder d;
        QByteArray bad;
        appendBigEndian32(bad, 2);
        bad.append("xx");
        d.feed(bad);
        QCOMPARE(d.next(), FrameDecoder::Status::Failed);
        QCOMPARE(d.error(), FrameDecoder::Error::FrameTooSmall);
    }

    void shortMessageFrameIsAnError()
    {
        const auto r = decodeMessage(QByteArray(25, 'x'));
        QVERIFY(!r.ok());
        QVERIFY(r.error().contains(QLatin1String("shorter than the 26-byte message header")));
        QVERIFY(decodeMessage(QByteArray(26, 'x')).ok());
    }

    void takeBufferedReturnsUnconsumedBytes()
    {
        FrameDecoder d;
        d.feed(frame(0, "{}") + QByteArray("compressed..."));
        QCOMPARE(d.next(), FrameDecoder::Status::FrameReady);
        QCOMPARE(d.takeBuffered(), QByteArray("compressed..."));
        QCOMPARE(d.next(), FrameDecoder::Status::NeedMoreData);
    }

    void partialHeaderWaits()
    {
        FrameDecoder d;
        const QByteArray f = frame(0, "OK");
        d.feed(f.left(3));
        QCOMPARE(d.next(), FrameDecoder::Status::NeedMoreData);
        d.feed(f.mid(3, 4));
        QCOMPARE(d.next(), FrameDecoder::Status::NeedMoreData);
        d.feed(f.mid(7));
        QCOMPARE(d.next(), FrameDecoder::Status::FrameReady);
    }
};

QTEST_GUILESS_MAIN(TstFrameDecoder)
#include "tst_framedecoder.moc"
