// MessageModel on its own: one row per ID, batches, retention, events.
#include "models/messagemodel.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

using namespace nsq;
using namespace nsqui;

namespace {
Delivery delivery(const char *id, quint16 attempts, const QByteArray &body = "b")
{
    Delivery d;
    d.message.id = MessageId::fromBytes(id);
    d.message.attempts = attempts;
    d.message.body = body;
    d.source = QStringLiteral("127.0.0.1:4150");
    d.receivedMs = 1000;
    return d;
}
ConsumerEvent makeEvent(ConsumerEvent::Kind kind, const char *id)
{
    ConsumerEvent e;
    e.kind = kind;
    e.id = MessageId::fromBytes(id);
    e.atMs = 2000;
    return e;
}
} // namespace

class TstMessageModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sameIdTwiceInOneBatchIsOneRow()
    {
        // Peek requeues at once: a message may come back within the same 16 ms batch.
        MessageModel m;
        QSignalSpy inserted(&m, &QAbstractItemModel::rowsInserted);
        m.addDeliveries({delivery("000000000000000a", 1), delivery("000000000000000b", 1),
                         delivery("000000000000000a", 2), delivery("000000000000000a", 3)});
        QCOMPARE(m.rowCount(), 2);
        QCOMPARE(inserted.size(), 1); // one insert per batch
        QCOMPARE(int(m.rowAt(0).delivery.message.attempts), 3);
        QCOMPARE(m.rowAt(0).deliveries, 3);
        QCOMPARE(m.heldCount(), 2);
        QCOMPARE(m.rowOf(MessageId::fromBytes("000000000000000b")), 1);
    }

    void redeliveryUpdatesItsRow()
    {
        MessageModel m;
        m.addDeliveries({delivery("000000000000000a", 1)});
        m.applyEvents({makeEvent(ConsumerEvent::Kind::TimedOut, "000000000000000a")});
        QCOMPARE(m.rowAt(0).state, MessageState::TimedOut);
        QCOMPARE(m.heldCount(), 0);
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        m.addDeliveries({delivery("000000000000000a", 2)});
        QCOMPARE(m.rowCount(), 1);
        QCOMPARE(m.rowAt(0).state, MessageState::InFlight);
        QCOMPARE(m.heldCount(), 1);
        QVERIFY(changed.size() >= 1);
        QVERIFY(m.data(m.index(0, MessageModel::State))
                    .toString()
                    .contains(QLatin1String("redelivered")));
    }

    void retentionDropsTheOldestAndCountsThem()
    {
        MessageModel m;
        m.setFinishedOnArrival(true); // Tail: nothing held, so the cap is exact
        m.setRetention(3);
        QSignalSpy dropped(&m, &MessageModel::droppedCountChanged);
        QList<Delivery> batch;
        const char *ids[] = {"0000000000000001", "0000000000000002", "0000000000000003",
                             "0000000000000004", "0000000000000005"};
        for (const char *id : ids)
            batch << delivery(id, 1);
        m.addDeliveries(batch);
        QCOMPARE(m.rowCount(), 3);
        QCOMPARE(m.droppedCount(), quint64(2));
        QCOMPARE(dropped.last().at(0).toULongLong(), quint64(2));
        QCOMPARE(m.rowAt(0).delivery.message.id, MessageId::fromBytes(ids[2]));
        QCOMPARE(m.rowOf(MessageId::fromBytes(ids[0])), -1);
        QCOMPARE(m.rowOf(MessageId::fromBytes(ids[4])), 2);
        // Events for a dropped message are ignored; for a kept one they land on its row.
        m.applyEvents({makeEvent(ConsumerEvent::Kind::TimedOut, ids[0]),
                       makeEvent(ConsumerEvent::Kind::Failed, ids[3])});
        QCOMPARE(m.rowAt(1).state, MessageState::Failed);
        QCOMPARE(m.data(m.index(0, MessageModel::Seq)).toULongLong(), quint64(3));
    }

    void timeoutThenRedeliveryInOneBatchLeavesItHeld()
    {
        // The feed keeps the consumer's order: the earlier delivery timed out, then it came
        // again. Within one batch (rows inserted at its end) the row must end up held.
        MessageModel m;
        m.beginBatch();
        m.addDeliveries({delivery("000000000000000a", 1)});
        m.applyEvents({makeEvent(ConsumerEvent::Kind::TimedOut, "000000000000000a")});
        m.addDeliveries({delivery("000000000000000a", 2)});
        QCOMPARE(m.rowCount(), 0); // not inserted until the batch ends
        m.endBatch();
        QCOMPARE(m.rowCount(), 1);
        QCOMPARE(m.rowAt(0).state, MessageState::InFlight);
        QCOMPARE(int(m.rowAt(0).delivery.message.attempts), 2);
        QCOMPARE(m.heldCount(), 1);
    }

    void clearKeepsHeldRows()
    {
        MessageModel m;
        m.addDeliveries({delivery("000000000000000a", 1), delivery("000000000000000b", 1),
                         delivery("000000000000000c", 1)});
        m.applyEvents({makeEvent(ConsumerEvent::Kind::Finished, "000000000000000b")});
        m.clear();
        QCOMPARE(m.rowCount(), 2);
        QCOMPARE(m.heldCount(), 2);
        QCOMPARE(m.heldIds().size(), 2);
        QCOMPARE(m.rowOf(MessageId::fromBytes("000000000000000c")), 1);
        m.applyEvents({makeEvent(ConsumerEvent::Kind::Finished, "000000000000000c")});
        QCOMPARE(m.rowAt(1).state, MessageState::Finished);
    }

    void touchStopsAtMaxMsgTimeout()
    {
        MessageModel m;
        m.setMessageTimeout(QStringLiteral("127.0.0.1:4150"), 60000, 90000);
        Delivery d = delivery("000000000000000a", 1);
        d.receivedMs = QDateTime::currentMSecsSinceEpoch() - 80000; // held for 80 s already
        m.addDeliveries({d});
        ConsumerEvent touch = makeEvent(ConsumerEvent::Kind::Touched, "000000000000000a");
        touch.atMs = QDateTime::currentMSecsSinceEpoch();
        m.applyEvents({touch});
        QCOMPARE(m.rowAt(0).deadlineMs, d.receivedMs + 90000); // not now + 60 s
    }

    void aHeldRowIsNeverDropped()
    {
        MessageModel m;
        m.setRetention(2);
        m.addDeliveries({delivery("0000000000000001", 1), delivery("0000000000000002", 1)});
        m.applyEvents({makeEvent(ConsumerEvent::Kind::Finished, "0000000000000002")});
        m.addDeliveries({delivery("0000000000000003", 1)});
        QCOMPARE(m.rowCount(), 3); // the first is held: it stays, and so does what follows it
        QCOMPARE(m.droppedCount(), quint64(0));
        QCOMPARE(m.heldCount(), 2);
        m.applyEvents({makeEvent(ConsumerEvent::Kind::Finished, "0000000000000001")});
        m.addDeliveries({delivery("0000000000000004", 1)});
        QCOMPARE(m.rowCount(), 2);
        QCOMPARE(m.droppedCount(), quint64(2));
        QCOMPARE(m.rowAt(0).delivery.message.id, MessageId::fromBytes("0000000000000003"));
    }

    void eventsSetStatesAndNotes()
    {
        MessageModel m;
        m.addDeliveries({delivery("000000000000000a", 1), delivery("000000000000000b", 1),
                         delivery("000000000000000c", 1)});
        ConsumerEvent req = makeEvent(ConsumerEvent::Kind::Requeued, "000000000000000a");
        req.value = 5000;
        ConsumerEvent refused = makeEvent(ConsumerEvent::Kind::ActionFailed, "000000000000000b");
        refused.action = Conn::MessageAction::Finish;
        refused.text = QStringLiteral("E_FIN_FAILED FIN 000000000000000b failed ID not in flight");
        ConsumerEvent released;
        released.kind = ConsumerEvent::Kind::Released;
        released.ids = {MessageId::fromBytes("000000000000000c")};
        m.applyEvents({req, refused, released});
        QCOMPARE(m.rowAt(0).state, MessageState::Requeued);
        QVERIFY(
            m.data(m.index(0, MessageModel::State)).toString().contains(QLatin1String("5000 ms")));
        QCOMPARE(m.rowAt(1).state, MessageState::TimedOut);
        QVERIFY(m.data(m.index(1, MessageModel::State))
                    .toString()
                    .contains(QLatin1String("E_FIN_FAILED")));
        QCOMPARE(m.rowAt(2).state, MessageState::Lost);
        QCOMPARE(m.heldCount(), 0);
    }
};

QTEST_MAIN(TstMessageModel)
#include "tst_messagemodel.moc"
