#include <broker/broker.h>
#include <client/producer.h>

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace nsq;

namespace {
constexpr int kWait = 15000;

PublishResult resultOf(const QSignalSpy &spy, quint64 id)
{
    for (const auto &args : spy)
        if (args.at(0).toULongLong() == id)
            return args.at(1).value<PublishResult>();
    return {PublishResult::Status::IoError, QStringLiteral("no result")};
}
} // namespace

class TstProducer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pipelinesAndAnswersEachRequest()
    {
        Broker b;
        QCOMPARE(b.start(), QString());
        Producer p(QStringLiteral("127.0.0.1:%1").arg(b.tcpPort()), Config{});
        QSignalSpy done(&p, &Producer::finished);
        QList<quint64> ids;
        for (int i = 0; i < 100; ++i)
            ids << p.publish(QStringLiteral("t"), QByteArray::number(i));
        ids << p.multiPublish(QStringLiteral("t"), {"a", "b"});
        ids << p.deferredPublish(QStringLiteral("t"), 60000, "later");
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 102, kWait);
        for (int i = 0; i < done.size(); ++i) {
            QCOMPARE(done.at(i).at(0).toULongLong(), ids.at(i)); // answered in order
            QVERIFY(done.at(i).at(1).value<PublishResult>().ok());
        }
        QCOMPARE(b.topic(QStringLiteral("t"))->messageCount, quint64(103));
        QCOMPARE(p.pendingCount(), 0);
    }

    void serverErrorThenIoErrorForTheRest()
    {
        BrokerConfig bc;
        bc.maxMsgSize = 10;
        Broker b(bc);
        QCOMPARE(b.start(), QString());
        Producer p(QStringLiteral("127.0.0.1:%1").arg(b.tcpPort()), Config{});
        QSignalSpy done(&p, &Producer::finished);
        const quint64 ok = p.publish(QStringLiteral("t"), "small");
        const quint64 big = p.publish(QStringLiteral("t"), QByteArray(100, 'x'));
        const quint64 after = p.publish(QStringLiteral("t"), "after");
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 3, kWait);
        QVERIFY(resultOf(done, ok).ok());
        const PublishResult e = resultOf(done, big);
        QCOMPARE(e.status, PublishResult::Status::ServerError);
        QVERIFY2(e.error.startsWith(QLatin1String("E_BAD_MESSAGE PUB message too big 100 > 10")),
                 qPrintable(e.error));
        // nsqd hangs up after that error: what was behind it never got an answer.
        QCOMPARE(resultOf(done, after).status, PublishResult::Status::IoError);
        // And the next request opens a new connection.
        const quint64 again = p.publish(QStringLiteral("t"), "again");
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 4, kWait);
        QVERIFY(resultOf(done, again).ok());
    }

    void resultNeverArrivesBeforeTheIdIsReturned_data()
    {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("value");
        QTest::newRow("unreadable CA file")
            << QStringLiteral("tls_root_ca_file") << QStringLiteral("/nonexistent/ca.pem");
        QTest::newRow("invalid option value")
            << QStringLiteral("sample_rate") << QStringLiteral("100");
        // Qt reports these connect() failures at once, not from the event loop.
        QTest::newRow("broadcast address")
            << QStringLiteral("address") << QStringLiteral("255.255.255.255:4150");
        QTest::newRow("multicast address")
            << QStringLiteral("address") << QStringLiteral("224.0.0.1:4150");
        QTest::newRow("unspecified address")
            << QStringLiteral("address") << QStringLiteral("0.0.0.0:1");
    }
    void resultNeverArrivesBeforeTheIdIsReturned()
    {
        QFETCH(QString, option);
        QFETCH(QString, value);
        Config cfg;
        QString address = QStringLiteral("127.0.0.1:1");
        // set() refuses out-of-range values; the struct takes them, as a caller's code may.
        if (option == QLatin1String("sample_rate")) {
            cfg.sampleRate = value.toInt();
        } else if (option == QLatin1String("address")) {
            address = value;
        } else {
            cfg.tlsV1 = true;
            QCOMPARE(cfg.set(option, value), QString());
        }
        Producer p(address, cfg);
        QList<quint64> seen;
        quint64 id = 0;
        // A caller that files the id away and then looks it up when the result comes.
        connect(&p, &Producer::finished, this, [&](quint64 finishedId, const PublishResult &) {
            QVERIFY2(finishedId == id, "the result came before publish() returned its id");
            seen << finishedId;
        });
        id = p.publish(QStringLiteral("t"), "x");
        QVERIFY(seen.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(seen.size(), 1, kWait);
        QCOMPARE(seen.first(), id);
    }

    void unreachableServerFailsEveryRequest()
    {
        quint16 dead = 0;
        {
            QTcpServer s;
            s.listen(QHostAddress::LocalHost);
            dead = s.serverPort();
        }
        Producer p(QStringLiteral("127.0.0.1:%1").arg(dead), Config{});
        QSignalSpy done(&p, &Producer::finished);
        p.publish(QStringLiteral("t"), "x");
        p.publish(QStringLiteral("t"), "y");
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 2, kWait);
        for (const auto &args : done) {
            const auto r = args.at(1).value<PublishResult>();
            QCOMPARE(r.status, PublishResult::Status::IoError);
            QVERIFY2(r.error.contains(QLatin1String("refused")), qPrintable(r.error));
        }
    }

    void badRequestsAreRefusedLocally_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("topic");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("reason");
        QTest::newRow("topic") << "127.0.0.1:1"
                               << "bad topic" << QByteArray("x") << "not a valid topic name";
        QTest::newRow("empty body") << "127.0.0.1:1"
                                    << "t" << QByteArray() << "empty message bodies";
        QTest::newRow("address") << "nowhere"
                                 << "t" << QByteArray("x") << "not host:port";
    }
    void badRequestsAreRefusedLocally()
    {
        QFETCH(QString, address);
        QFETCH(QString, topic);
        QFETCH(QByteArray, body);
        QFETCH(QString, reason);
        Producer p(address, Config{});
        QSignalSpy done(&p, &Producer::finished);
        p.publish(topic, body);
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, kWait);
        const auto r = done.first().at(1).value<PublishResult>();
        QCOMPARE(r.status, PublishResult::Status::Refused);
        QVERIFY2(r.error.contains(reason), qPrintable(r.error));
    }
};

QTEST_GUILESS_MAIN(TstProducer)
#include "tst_producer.moc"
