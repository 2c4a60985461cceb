// The docks that show the consumer at work (plots, event timeline, wire trace, guided tour),
// offscreen with real widgets against the embedded broker in this process; --trace-file through
// the real executable.

// QCustomPlot's header needs Qt's keywords, which the project switches off: read it first.
#undef QT_NO_KEYWORDS
#include <qcustomplot.h>

#include "hexview.h"
#include "language.h"
#include "mainwindow.h"
#include "models/messagemodel.h"
#include "models/timelinemodel.h"
#include "models/tourmodel.h"
#include "models/tracemodel.h"
#include "plotspanel.h"
#include "session/inspectorsession.h"
#include "timelinepanel.h"
#include "tourpanel.h"
#include "tracepanel.h"

#include <broker/broker.h>
#include <broker/topic.h>
#include <client/trace.h>

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListView>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace nsq;
using namespace nsqui;

namespace {
constexpr int kWait = 30000;

// The trace rows' summaries, in order.
QStringList summaries(const TraceModel *m)
{
    QStringList out;
    for (int i = 0; i < m->rowCount(); ++i)
        out << m->entryAt(i).record.summary;
    return out;
}

int firstStartingWith(const QStringList &list, const QString &prefix, int from = 0)
{
    for (int i = from; i < list.size(); ++i)
        if (list[i].startsWith(prefix))
            return i;
    return -1;
}

QByteArray frameOf(quint32 type, const QByteArray &data)
{
    QByteArray out;
    const quint32 size = quint32(data.size()) + 4;
    for (quint32 v : {size, type})
        for (int shift = 24; shift >= 0; shift -= 8)
            out.append(char((v >> shift) & 0xff));
    return out + data;
}
} // namespace

class TstConsumerDocks : public QObject
{
    Q_OBJECT

    std::unique_ptr<Broker> m_broker;
    int m_topicSerial = 0;

    QString tcp() const { return QStringLiteral("127.0.0.1:%1").arg(m_broker->tcpPort()); }
    QString http() const { return QStringLiteral("127.0.0.1:%1").arg(m_broker->httpPort()); }
    QString freshTopic() { return QStringLiteral("docks%1").arg(++m_topicSerial); }
    void publish(const QString &topic, int n)
    {
        QByteArrayList bodies;
        for (int i = 0; i < n; ++i)
            bodies << "m" + QByteArray::number(i);
        QCOMPARE(m_broker->publish(topic, bodies), QString());
    }
    SessionSettings settings(const QString &topic, Mode mode = Mode::Hold)
    {
        SessionSettings s;
        s.nsqdAddresses = {tcp()};
        s.nsqdHttpAddresses = {http()};
        s.topic = topic;
        s.channel = QStringLiteral("docks");
        s.mode = mode;
        return s;
    }
    template <typename T> static T *child(QObject *w, const char *name)
    {
        T *c = w->findChild<T *>(QLatin1String(name));
        if (!c)
            qFatal("no child %s", name);
        return c;
    }
    static void clickRecord(MainWindow &w)
    {
        findDock(w, "traceDock")->raise();
        auto *record = child<QToolButton>(w.tracePanel(), "traceRecord");
        QTest::mouseClick(record, Qt::LeftButton);
    }
    static QDockWidget *findDock(MainWindow &w, const char *name)
    {
        return child<QDockWidget>(&w, name);
    }
    static double last(const QCPGraph *g)
    {
        return g->dataCount() == 0 ? -1 : (g->data()->constEnd() - 1)->value;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear(); // the test's own settings (test mode), from a clean slate
        m_broker = std::make_unique<Broker>();
        QCOMPARE(m_broker->start(), QString());
    }

    void plotsReceivePointsAsReadyAndInFlightChange()
    {
        const QString topic = freshTopic();
        publish(topic, 10);
        MainWindow w;
        w.show();
        findDock(w, "plotsDock")->raise();
        SessionSettings s = settings(topic);
        s.maxInFlight = 3;
        s.config.heartbeatInterval = 1000;
        QCOMPARE(w.connectTo(s), QStringList());
        PlotsPanel *plots = w.plots();
        QTRY_COMPARE_WITH_TIMEOUT(w.model()->heldCount(), 3, kWait);
        QTRY_COMPARE_WITH_TIMEOUT(last(plots->graph(QStringLiteral("rdy"))), 3.0, kWait);
        QTRY_COMPARE_WITH_TIMEOUT(last(plots->graph(QStringLiteral("inflight"))), 3.0, kWait);
        QTRY_COMPARE_WITH_TIMEOUT(last(plots->graph(tcp())), 3.0, kWait);
        QTRY_VERIFY_WITH_TIMEOUT(plots->graph(QStringLiteral("received"))->dataCount() > 0, kWait);
        // More in flight: RDY follows, and so do the messages held.
        w.session()->setMaxInFlight(6);
        QTRY_COMPARE_WITH_TIMEOUT(last(plots->graph(tcp())), 6.0, kWait);
        QTRY_COMPARE_WITH_TIMEOUT(last(plots->graph(QStringLiteral("inflight"))), 6.0, kWait);
        // nsqd's side, from /stats: the channel's in-flight count and depth (10 - 6).
        QTRY_COMPARE_WITH_TIMEOUT(last(plots->graph(QStringLiteral("nsqdinflight"))), 6.0, kWait);
        QTRY_COMPARE_WITH_TIMEOUT(last(plots->graph(QStringLiteral("depth"))), 4.0, kWait);
        // Heartbeats are marks on the time axis.
        QTRY_VERIFY_WITH_TIMEOUT(plots->heartbeatMarks() >= 1, kWait);
        // A requeue as a failure puts the consumer in backoff: a shaded span.
        QCOMPARE(plots->backoffSpans(), 0);
        w.findChild<QAction *>(QStringLiteral("requeueAsFailure"))->setChecked(true);
        w.table()->setFocus();
        w.table()->selectRow(0);
        QTest::keyClick(w.table(), Qt::Key_R);
        QTRY_VERIFY_WITH_TIMEOUT(plots->backoffSpans() >= 1, kWait);
        QVERIFY(plots->inBackoff());
        // The read-out says so at a time inside the span (spans grow with each sample).
        QTRY_VERIFY_WITH_TIMEOUT(
            (plots->sampleNow(),
             plots->readout(double(QDateTime::currentMSecsSinceEpoch()) / 1000.0 - 0.05)
                 .contains(QLatin1String("in backoff"))),
            kWait);
        // The read-out names the values at a time.
        const QString text =
            plots->readout(double(QDateTime::currentMSecsSinceEpoch()) / 1000.0 - 0.6);
        QVERIFY2(text.contains(QLatin1String("RDY total")), qPrintable(text));

        // Exports.
        QTemporaryDir dir;
        QString error;
        QVERIFY(plots->exportCsv(dir.filePath(QStringLiteral("p.csv")), &error));
        QFile csv(dir.filePath(QStringLiteral("p.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csv.readAll().split('\n');
        QVERIFY(lines.first().startsWith("time_ms,time,rdy_total,in_flight"));
        QVERIFY(lines.first().contains("rdy " + tcp().toUtf8()));
        QVERIFY(lines.size() > 2);
        QVERIFY(plots->exportPng(dir.filePath(QStringLiteral("p.png")), &error));
        QVERIFY(QImage(dir.filePath(QStringLiteral("p.png"))).width() > 100);
        QVERIFY(!plots->exportCsv(QStringLiteral("/nonexistent/dir/p.csv"), &error));
        QVERIFY(error.contains(QLatin1String("/nonexistent/dir/p.csv")));

        // Pause stops following the present; the window choice widens the view.
        auto *pause = child<QCheckBox>(plots, "plotPause");
        QTest::mouseClick(pause, Qt::LeftButton);
        QVERIFY(plots->isPaused());
        const QCPRange frozen = plots->readyPlot()->xAxis->range();
        plots->sampleNow();
        QCOMPARE(plots->readyPlot()->xAxis->range().upper, frozen.upper);
        QTest::mouseClick(pause, Qt::LeftButton);
        auto *window = child<QComboBox>(plots, "plotWindow");
        window->setCurrentIndex(window->findData(900));
        QVERIFY(qAbs(plots->readyPlot()->xAxis->range().size() - 900) < 1);
        QCOMPARE(plots->ratePlot()->xAxis->range().size(),
                 plots->readyPlot()->xAxis->range().size());

        // A consumer that stops in backoff leaves it: the span ends.
        w.session()->stop();
        QTRY_VERIFY_WITH_TIMEOUT(!w.session()->isActive(), kWait);
        QVERIFY(!plots->inBackoff());
    }

    void timelineShowsTheHandshakeInOrderAndAHeartbeat()
    {
        const QString topic = freshTopic();
        publish(topic, 1);
        MainWindow w;
        w.show();
        SessionSettings s = settings(topic);
        s.config.heartbeatInterval = 1000;
        QCOMPARE(w.connectTo(s), QStringList());
        TimelineModel *tl = w.timeline();
        const auto firstOf = [tl](TimelineModel::Kind kind, const QString &details = {}) {
            for (int i = 0; i < tl->rowCount(); ++i)
                if (tl->rowAt(i).kind == kind &&
                    (details.isEmpty() || tl->rowAt(i).details == details))
                    return i;
            return -1;
        };
        using K = TimelineModel::Kind;
        QTRY_VERIFY_WITH_TIMEOUT(firstOf(K::Heartbeat) >= 0, kWait);
        const int connecting = firstOf(K::State, QStringLiteral("connecting"));
        const int identifying = firstOf(K::State, QStringLiteral("identifying"));
        const int subscribed = firstOf(K::State, QStringLiteral("subscribed"));
        const int ready = firstOf(K::Ready);
        const int message = firstOf(K::Message);
        QVERIFY(connecting >= 0);
        QVERIFY(connecting < identifying);
        QVERIFY(identifying < subscribed);
        QVERIFY(subscribed < ready);
        QVERIFY(ready < message);
        QCOMPARE(tl->rowAt(ready).details, QStringLiteral("RDY 25"));
        QCOMPARE(tl->rowAt(connecting).address, tcp());
        QCOMPARE(tl->rowAt(firstOf(K::Heartbeat)).address, tcp());
        // The SUB's OK is a response.
        QVERIFY(firstOf(K::Response, QStringLiteral("OK")) >= 0);

        // Filter by kind and by connection, with the real combo boxes.
        auto *kind = child<QComboBox>(w.timelinePanel(), "timelineKind");
        kind->setCurrentIndex(kind->findData(int(K::Heartbeat)));
        QSortFilterProxyModel *proxy = w.timelinePanel()->proxy();
        QVERIFY(proxy->rowCount() >= 1);
        for (int i = 0; i < proxy->rowCount(); ++i)
            QCOMPARE(proxy->index(i, TimelineModel::Event).data(TimelineModel::KindRole).toInt(),
                     int(K::Heartbeat));
        auto *conn = child<QComboBox>(w.timelinePanel(), "timelineConnection");
        QVERIFY(conn->findData(tcp()) > 0);
        conn->addItem(QStringLiteral("10.0.0.1:4150"), QStringLiteral("10.0.0.1:4150"));
        conn->setCurrentIndex(conn->findData(QStringLiteral("10.0.0.1:4150")));
        QCOMPARE(proxy->rowCount(), 0);
        conn->setCurrentIndex(conn->findData(tcp()));
        QVERIFY(proxy->rowCount() >= 1);

        // Finishing the message is a "message finished" event on its connection.
        kind->setCurrentIndex(0);
        w.table()->setFocus();
        w.table()->selectRow(0);
        QTest::keyClick(w.table(), Qt::Key_F);
        QTRY_VERIFY_WITH_TIMEOUT(firstOf(K::Finished) >= 0, kWait);
        QCOMPARE(tl->rowAt(firstOf(K::Finished)).address, tcp());
    }

    void aFloodIsCountedNotListed()
    {
        const QString topic = freshTopic();
        publish(topic, 2000);
        MainWindow w;
        w.show();
        SessionSettings s = settings(topic, Mode::Tail);
        s.maxInFlight = 500;
        QCOMPARE(w.connectTo(s), QStringList());
        QTRY_COMPARE_WITH_TIMEOUT(w.model()->rowCount(), 2000, kWait);
        TimelineModel *tl = w.timeline();
        qint64 listed = 0, counted = 0;
        for (int i = 0; i < tl->rowCount(); ++i) {
            if (tl->rowAt(i).kind != TimelineModel::Kind::Message)
                continue;
            if (tl->rowAt(i).count > 1)
                counted += tl->rowAt(i).count;
            else
                ++listed;
        }
        // Every message is accounted for, most of them in counted rows, which say so.
        QCOMPARE(listed + counted, qint64(2000));
        QVERIFY(counted > 0);
        QVERIFY(tl->countedEvents() >= quint64(counted));
        QVERIFY(child<QLabel>(w.timelinePanel(), "timelineCounts")
                    ->text()
                    .contains(QLatin1String("counted")));
        for (int i = 0; i < tl->rowCount(); ++i)
            if (tl->rowAt(i).count > 1) {
                QVERIFY(
                    tl->data(tl->index(i, TimelineModel::Event)).toString().contains(u'\u00d7'));
                break;
            }
        // Tail finishes each message on arrival: every FIN is counted, on its connection, in the
        // timeline, the plots and the tour.
        const auto finished = [tl, this] {
            qint64 n = 0;
            for (int i = 0; i < tl->rowCount(); ++i)
                if (tl->rowAt(i).kind == TimelineModel::Kind::Finished) {
                    if (tl->rowAt(i).address != tcp())
                        return qint64(-1);
                    n += tl->rowAt(i).count;
                }
            return n;
        };
        QTRY_COMPARE_WITH_TIMEOUT(finished(), qint64(2000), kWait);
        QCOMPARE(w.tour()->progress(TourModel::Respond).status, TourModel::Status::Happened);
        QCOMPARE(w.tour()->progress(TourModel::Respond).count, qint64(2000));
        // The plots lose nothing, not even what came before their first sample.
        QTRY_COMPARE_WITH_TIMEOUT(
            (w.plots()->sampleNow(), w.plots()->total(QStringLiteral("received"))), qint64(2000),
            kWait);
        QTRY_COMPARE_WITH_TIMEOUT(
            (w.plots()->sampleNow(), w.plots()->total(QStringLiteral("finished"))), qint64(2000),
            kWait);
    }

    void aRefusedConnectionIsNotAClose()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close(); // nothing listens there now
        MainWindow w;
        w.show();
        SessionSettings s;
        s.nsqdAddresses = {QStringLiteral("127.0.0.1:%1").arg(port)};
        s.topic = freshTopic();
        QCOMPARE(w.connectTo(s), QStringList());
        const auto closedRow = [&w] {
            for (int i = 0; i < w.timeline()->rowCount(); ++i)
                if (w.timeline()->rowAt(i).kind == TimelineModel::Kind::Close)
                    return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(closedRow(), kWait);
        QCOMPARE(w.tour()->progress(TourModel::Connect).status, TourModel::Status::Happened);
        QCOMPARE(w.tour()->progress(TourModel::Close).status, TourModel::Status::ToCome);
    }

    void timelineAndTraceAreBounded()
    {
        TimelineModel tl;
        tl.setCapacity(100);
        QList<FeedSegment> feed;
        FeedSegment seg;
        for (int i = 0; i < 150; ++i) {
            ConsumerEvent e;
            e.kind = ConsumerEvent::Kind::Heartbeat;
            e.address = QStringLiteral("a:1");
            seg.events << e;
        }
        feed << seg;
        tl.addFeed(feed);
        QCOMPARE(tl.rowCount(), 100);
        QCOMPARE(tl.droppedCount(), quint64(50));

        TraceModel tm;
        tm.setCapacity(100);
        QList<TraceEntry> frames;
        for (int i = 0; i < 130; ++i)
            frames << TraceEntry{
                QStringLiteral("a:1"),
                TraceRecord{TraceRecord::Direction::Sent, i, QStringLiteral("NOP"), "NOP\n"}};
        tm.append(frames.mid(0, 80));
        tm.append(frames.mid(80), 7); // 7 more the sender already left out
        QCOMPARE(tm.rowCount(), 100);
        QCOMPARE(tm.droppedCount(), quint64(37));
        QCOMPARE(tm.entryAt(0).record.timestampMs, qint64(30)); // the newest are kept
        // Big frames count by their size, not one each.
        TraceModel big;
        QList<TraceEntry> huge;
        for (int i = 0; i < 5; ++i)
            huge << TraceEntry{QStringLiteral("a:1"),
                               TraceRecord{TraceRecord::Direction::Received, i,
                                           QStringLiteral("message"), QByteArray(20 << 20, 'x')}};
        big.append(huge);
        QVERIFY(big.rowCount() < 5);
        QVERIFY(big.droppedCount() >= 1);
    }

    void traceShowsTheConversationInOrderWithItsBytes()
    {
        const QString topic = freshTopic();
        MainWindow w;
        w.show();
        clickRecord(w); // before connecting: the handshake too
        QVERIFY(w.session()->isTraceEnabled());
        QCOMPARE(w.connectTo(settings(topic, Mode::Tail)), QStringList());
        QTRY_VERIFY_WITH_TIMEOUT(
            firstStartingWith(summaries(w.trace()), QStringLiteral("RDY")) >= 0, kWait);
        publish(topic, 1);
        QTRY_COMPARE_WITH_TIMEOUT(w.model()->rowCount(), 1, kWait);
        const QString id = w.model()->rowAt(0).delivery.message.id.toString();
        QTRY_VERIFY_WITH_TIMEOUT(
            firstStartingWith(summaries(w.trace()), QStringLiteral("FIN ") + id) >= 0, kWait);
        const QStringList all = summaries(w.trace());
        const int magic = firstStartingWith(all, QStringLiteral("MAGIC"));
        const int identify = firstStartingWith(all, QStringLiteral("IDENTIFY {"));
        const int identified = firstStartingWith(all, QStringLiteral("response: {"), identify);
        const int sub = firstStartingWith(all, QStringLiteral("SUB ") + topic + " docks");
        const int rdy = firstStartingWith(all, QStringLiteral("RDY 25"));
        const int message = firstStartingWith(all, QStringLiteral("message ") + id);
        const int fin = firstStartingWith(all, QStringLiteral("FIN ") + id);
        QVERIFY2(magic == 0, qPrintable(all.join('\n')));
        QVERIFY(magic < identify && identify < identified && identified < sub && sub < rdy &&
                rdy < message && message < fin);
        const TraceModel *t = w.trace();
        QCOMPARE(t->entryAt(magic).record.raw, QByteArray("  V2"));
        QCOMPARE(t->entryAt(magic).record.direction, TraceRecord::Direction::Sent);
        QCOMPARE(t->entryAt(sub).record.raw, ("SUB " + topic + " docks\n").toUtf8());
        QCOMPARE(t->entryAt(rdy).record.raw, QByteArray("RDY 25\n"));
        QCOMPARE(t->entryAt(fin).record.raw, ("FIN " + id + "\n").toUtf8());
        QCOMPARE(t->entryAt(identified).record.direction, TraceRecord::Direction::Received);
        QVERIFY(t->entryAt(identified).record.summary.contains(QLatin1String("max_rdy_count")));
        // The message as framed: size, type 2, timestamp, attempts, ID, body.
        const QByteArray msgRaw = t->entryAt(message).record.raw;
        QCOMPARE(msgRaw.left(8), frameOf(2, msgRaw.mid(8)).left(8));
        QCOMPARE(msgRaw.mid(8 + 8, 2), QByteArray("\x00\x01", 2));
        QCOMPARE(msgRaw.mid(8 + 10, 16), id.toUtf8());
        QVERIFY(msgRaw.endsWith("m0"));

        // The hex pane shows the selected frame: offset, hex, ASCII.
        QTableView *table = w.tracePanel()->table();
        table->scrollTo(t->index(sub, 0));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                          table->visualRect(t->index(sub, TraceModel::Summary)).center());
        QCOMPARE(w.tracePanel()->hexView()->data(), t->entryAt(sub).record.raw);
        QVERIFY(HexView::line(t->entryAt(sub).record.raw, 0)
                    .startsWith(QLatin1String("00000000  53 55 42 20")));
        // Cut in the view only.
        w.tracePanel()->setViewCut(16);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                          table->visualRect(t->index(message, TraceModel::Summary)).center());
        QCOMPARE(w.tracePanel()->hexView()->data().size(), 16);
        QVERIFY(
            child<QLabel>(w.tracePanel(), "traceCutNote")->text().contains(QLatin1String("16")));
        w.tracePanel()->setViewCut(4096);

        // Saved whole, as JSON Lines.
        QTemporaryDir dir;
        QString error;
        QVERIFY(w.tracePanel()->save(dir.filePath(QStringLiteral("t.jsonl")), &error));
        QFile f(dir.filePath(QStringLiteral("t.jsonl")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), t->rowCount());
        const QJsonObject m = QJsonDocument::fromJson(lines[message]).object();
        QCOMPARE(m.value(QLatin1String("dir")).toString(), QStringLiteral("received"));
        QCOMPARE(m.value(QLatin1String("conn")).toString(), tcp());
        QCOMPARE(QByteArray::fromHex(m.value(QLatin1String("hex")).toString().toLatin1()), msgRaw);

        // Off again: nothing is recorded until it is on again. Batches keep their order, so once
        // the third message's frame is in, the second's would have been before it.
        clickRecord(w);
        QVERIFY(!w.session()->isTraceEnabled());
        publish(topic, 1);
        QTRY_COMPARE_WITH_TIMEOUT(w.model()->rowCount(), 2, kWait);
        const QString second = w.model()->rowAt(1).delivery.message.id.toString();
        clickRecord(w);
        publish(topic, 1);
        QTRY_COMPARE_WITH_TIMEOUT(w.model()->rowCount(), 3, kWait);
        const QString third = w.model()->rowAt(2).delivery.message.id.toString();
        QTRY_VERIFY_WITH_TIMEOUT(
            firstStartingWith(summaries(t), QStringLiteral("message ") + third) >= 0, kWait);
        QCOMPARE(firstStartingWith(summaries(t), QStringLiteral("message ") + second), -1);
    }

    void traceFileWritesEveryFrame()
    {
        const QString topic = freshTopic();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("trace.jsonl"));
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), dir.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.path());
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(NSQ_GUI_PATH),
                {QStringLiteral("--nsqd-tcp-address"), tcp(), QStringLiteral("--nsqd-http-address"),
                 http(), QStringLiteral("--topic"), topic, QStringLiteral("--mode"),
                 QStringLiteral("tail"), QStringLiteral("--trace-file"), path});
        const auto content = [&] {
            QFile f(path);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        };
        QTRY_VERIFY_WITH_TIMEOUT(content().contains("\"RDY 25\""), kWait);
        publish(topic, 1);
        QTRY_VERIFY_WITH_TIMEOUT(content().contains("\"FIN "), kWait);
        p.terminate();
        QTRY_COMPARE_WITH_TIMEOUT(p.state(), QProcess::NotRunning, kWait);
        QStringList order;
        QString id;
        for (const QByteArray &line : content().trimmed().split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            QVERIFY2(!o.isEmpty(), line.constData());
            const QString time = o.value(QLatin1String("time")).toString();
            QVERIFY2(
                QRegularExpression(QStringLiteral(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$)"))
                    .match(time)
                    .hasMatch(),
                qPrintable(time));
            QCOMPARE(o.value(QLatin1String("conn")).toString(), tcp());
            const QString dirWord = o.value(QLatin1String("dir")).toString();
            QVERIFY(dirWord == QLatin1String("sent") || dirWord == QLatin1String("received"));
            const QByteArray raw =
                QByteArray::fromHex(o.value(QLatin1String("hex")).toString().toLatin1());
            const QString summary = o.value(QLatin1String("summary")).toString();
            if (summary.startsWith(QLatin1String("MAGIC"))) {
                QCOMPARE(raw, QByteArray("  V2"));
                order << QStringLiteral("magic");
            } else if (summary.startsWith(QLatin1String("IDENTIFY"))) {
                QVERIFY(raw.startsWith("IDENTIFY\n"));
                order << QStringLiteral("identify");
            } else if (summary.startsWith(QLatin1String("SUB"))) {
                order << QStringLiteral("sub");
            } else if (summary.startsWith(QLatin1String("RDY")) && !order.contains("rdy")) {
                order << QStringLiteral("rdy");
            } else if (summary.startsWith(QLatin1String("message")) && id.isEmpty()) {
                id = QString::fromLatin1(raw.mid(18, 16));
                order << QStringLiteral("message");
            } else if (!id.isEmpty() && summary == QStringLiteral("FIN ") + id) {
                QCOMPARE(raw, ("FIN " + id + "\n").toUtf8());
                order << QStringLiteral("fin");
            } else if (summary.startsWith(QLatin1String("CLS"))) {
                order << QStringLiteral("cls");
            }
        }
        QVERIFY2(order == (QStringList{"magic", "identify", "sub", "rdy", "message", "fin", "cls"}),
                 qPrintable(order.join(',') + '\n' + QString::fromUtf8(content())));
    }

    void tourLightsUpInOrderInDemoMode()
    {
        MainWindow w;
        w.show();
        QCOMPARE(w.startDemo(), QString());
        QVERIFY(findDock(w, "tourDock")->isVisible());
        TourModel *tour = w.tour();
        using S = TourModel::Status;
        // The demo's heartbeats come every 5 s.
        QTRY_COMPARE_WITH_TIMEOUT(tour->progress(TourModel::Heartbeat).status, S::Happened, kWait);
        const TourModel::Step order[] = {
            TourModel::Connect, TourModel::Magic,   TourModel::Identify, TourModel::Subscribe,
            TourModel::Ready,   TourModel::Message, TourModel::Handler};
        qint64 previous = 0;
        for (TourModel::Step step : order) {
            QCOMPARE(tour->progress(step).status, S::Happened);
            QVERIFY(tour->progress(step).firstMs >= previous);
            previous = tour->progress(step).firstMs;
        }
        QCOMPARE(tour->progress(TourModel::Upgrades).status, S::NotUsed);
        QCOMPARE(tour->progress(TourModel::Respond).status, S::ToCome);
        QCOMPARE(tour->progress(TourModel::Close).status, S::ToCome);
        TourPanel *panel = w.tourPanel();
        // The newest step is shown, with its explanation; the list marks what is still to come.
        QCOMPARE(panel->currentStep(), TourModel::Heartbeat);
        QVERIFY(panel->explanationLabel()->text().contains(QLatin1String("NOP")));
        QVERIFY(tour->index(TourModel::Close)
                    .data()
                    .toString()
                    .contains(QLatin1String("still to come")));
        // F in the table: step 9 lights up.
        w.table()->setFocus();
        w.table()->selectRow(0);
        QTest::keyClick(w.table(), Qt::Key_F);
        QTRY_COMPARE_WITH_TIMEOUT(tour->progress(TourModel::Respond).status, S::Happened, kWait);
        // A step's events link to the timeline.
        panel->showStep(TourModel::Ready);
        QTest::mouseClick(panel->eventsButton(), Qt::LeftButton);
        const QModelIndex current = w.timelinePanel()->table()->currentIndex();
        QVERIFY(current.isValid());
        QCOMPARE(
            current.siblingAtColumn(TimelineModel::Event).data(TimelineModel::KindRole).toInt(),
            int(TimelineModel::Kind::Ready));
        // The trace was off: the frames link says so instead of showing nothing.
        QTest::mouseClick(panel->framesButton(), Qt::LeftButton);
        QVERIFY(w.statusBar()->currentMessage().contains(QLatin1String("trace was off")));
        // Replay walks through the recorded steps in order.
        panel->setReplayInterval(30);
        QSignalSpy shown(panel, &TourPanel::stepShown);
        QSignalSpy finished(panel, &TourPanel::replayFinished);
        const QList<TourModel::Step> recorded = tour->happenedInOrder();
        QTest::mouseClick(panel->replayButton(), Qt::LeftButton);
        QVERIFY(panel->isReplaying());
        QVERIFY(finished.wait(kWait));
        QVERIFY(!panel->isReplaying());
        QList<TourModel::Step> replayed;
        for (const QList<QVariant> &args : std::as_const(shown))
            replayed << args.at(0).value<TourModel::Step>();
        QCOMPARE(replayed, recorded);
        QCOMPARE(recorded.first(), TourModel::Connect);
        // Disconnecting: CLS and close.
        w.session()->stop();
        QTRY_COMPARE_WITH_TIMEOUT(tour->progress(TourModel::Close).status, S::Happened, kWait);
    }

    void tourFramesLinkSelectsTheFrame()
    {
        const QString topic = freshTopic();
        MainWindow w;
        w.show();
        clickRecord(w);
        QCOMPARE(w.connectTo(settings(topic)), QStringList());
        QTRY_COMPARE_WITH_TIMEOUT(w.tour()->progress(TourModel::Ready).status,
                                  TourModel::Status::Happened, kWait);
        QTRY_VERIFY_WITH_TIMEOUT(
            firstStartingWith(summaries(w.trace()), QStringLiteral("RDY")) >= 0, kWait);
        w.tourPanel()->showStep(TourModel::Subscribe);
        QTest::mouseClick(w.tourPanel()->framesButton(), Qt::LeftButton);
        const QModelIndex current = w.tracePanel()->table()->currentIndex();
        QVERIFY(current.isValid());
        QVERIFY(w.trace()->entryAt(current.row()).record.summary.startsWith(QLatin1String("SUB ")));
        QCOMPARE(w.tracePanel()->hexView()->data(), w.trace()->entryAt(current.row()).record.raw);
    }

    void switchingTheLanguageChangesTheTourText()
    {
        MainWindow w;
        w.show();
        TourPanel *panel = w.tourPanel();
        panel->showStep(TourModel::Ready);
        const QString english = panel->explanationLabel()->text();
        QVERIFY(english.startsWith(QLatin1String("RDY is flow control")));
        auto *zh = child<QAction>(&w, "language_zh_CN");
        zh->trigger();
        QCOMPARE(Language::current(), QStringLiteral("zh_CN"));
        QTRY_VERIFY_WITH_TIMEOUT(panel->explanationLabel()->text() != english, kWait);
        const QString chinese = panel->explanationLabel()->text();
        QVERIFY(chinese.contains(QStringLiteral("流量控制")));
        QVERIFY(w.tour()
                    ->index(TourModel::Ready)
                    .data()
                    .toString()
                    .contains(QStringLiteral("准备接收消息")));
        QCOMPARE(findDock(w, "tourDock")->windowTitle(), QStringLiteral("消费者工作原理"));
        QCOMPARE(panel->replayButton()->text(), QStringLiteral("回放"));
        child<QAction>(&w, "language_en")->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(panel->explanationLabel()->text(), english, kWait);
        QCOMPARE(findDock(w, "tourDock")->windowTitle(), QStringLiteral("How a consumer works"));
    }

    void badTraceFileExitsTwo()
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(NSQ_GUI_PATH),
                {QStringLiteral("--demo"), QStringLiteral("--trace-file"),
                 QStringLiteral("/nonexistent/dir/trace.jsonl")});
        QVERIFY(p.waitForFinished(kWait));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardError().contains("--trace-file"));
    }

    void cleanupTestCase()
    {
        nsqui::MainWindow w; // leave the language as it was found
        w.setLanguage(QString());
    }
};

QTEST_MAIN(TstConsumerDocks)
#include "tst_consumerdocks.moc"
