// The cluster view, offscreen with real widgets, against embedded brokers behind one lookupd (and
// a node that is down): what it lists, and what its admin buttons change on the brokers.
#include "clusterpanel.h"
#include "mainwindow.h"
#include "models/clustermodel.h"
#include "models/timeformat.h"
#include "rawclient.h"

#include <broker/broker.h>
#include <broker/lookupd.h>
#include <broker/topic.h>
#include <protocol/commands.h>

#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTcpServer>
#include <QTest>
#include <QTreeView>

using namespace nsq;
using namespace nsqui;

namespace {
constexpr int kWait = 20000;

QString httpOf(const Broker &b)
{
    return QStringLiteral("127.0.0.1:%1").arg(b.httpPort());
}
} // namespace

class TstCluster : public QObject
{
    Q_OBJECT

    std::unique_ptr<Broker> m_a, m_b;
    std::unique_ptr<Lookupd> m_lookupd;
    quint16 m_deadPort = 0;

    // The row whose column 0 reads `name`, under `parent`.
    static QModelIndex child(const ClusterModel *m, const QModelIndex &parent, const QString &name)
    {
        for (int r = 0; r < m->rowCount(parent); ++r)
            if (m->index(r, 0, parent).data().toString() == name)
                return m->index(r, 0, parent);
        return {};
    }
    static QString cell(const ClusterModel *m, const QModelIndex &row, int column)
    {
        return m->index(row.row(), column, row.parent()).data().toString();
    }
    static bool refreshOnce(ClusterPanel &panel)
    {
        QSignalSpy spy(&panel, &ClusterPanel::refreshed);
        QTest::mouseClick(panel.findChild<QPushButton *>(QStringLiteral("clusterRefresh")),
                          Qt::LeftButton);
        return spy.wait(kWait);
    }
    static bool select(ClusterPanel &panel, const QModelIndex &index)
    {
        if (!index.isValid())
            return false;
        panel.select(index);
        return panel.currentRow() == index;
    }
    static bool click(ClusterPanel &panel, const char *button)
    {
        QSignalSpy done(&panel, &ClusterPanel::actionFinished);
        auto *b = panel.findChild<QPushButton *>(QString::fromLatin1(button));
        if (!b || !b->isEnabled())
            return false;
        QTest::mouseClick(b, Qt::LeftButton);
        return done.wait(kWait);
    }

private Q_SLOTS:
    void init()
    {
        m_a = std::make_unique<Broker>();
        m_b = std::make_unique<Broker>();
        QCOMPARE(m_a->start(), QString());
        QCOMPARE(m_b->start(), QString());
        m_lookupd = std::make_unique<Lookupd>();
        m_lookupd->addBroker(m_a.get());
        m_lookupd->addBroker(m_b.get());
        QVERIFY(m_lookupd->listen() != 0);
        QTcpServer probe; // a port nothing listens on: the node that is down
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        m_deadPort = probe.serverPort();
        probe.close();
        // orders on both: billing behind on both, audit caught up
        for (Broker *b : {m_a.get(), m_b.get()}) {
            QCOMPARE(b->createChannel(QStringLiteral("orders"), QStringLiteral("billing")),
                     QString());
            QCOMPARE(b->createChannel(QStringLiteral("orders"), QStringLiteral("audit")),
                     QString());
        }
        QCOMPARE(m_a->publish(QStringLiteral("orders"), {"1", "2", "3", "4", "5"}), QString());
        QCOMPARE(m_b->publish(QStringLiteral("orders"), {"6", "7", "8"}), QString());
        QCOMPARE(m_a->emptyChannel(QStringLiteral("orders"), QStringLiteral("audit")), QString());
        QCOMPARE(m_b->emptyChannel(QStringLiteral("orders"), QStringLiteral("audit")), QString());
    }
    void cleanup()
    {
        m_lookupd.reset();
        m_a.reset();
        m_b.reset();
    }

    void listsEveryNodeChannelAndClient()
    {
        ClusterPanel panel;
        panel.resize(1200, 700);
        panel.show();
        // A consumer on billing at A, so that it shows as a client there.
        RawClient consumer;
        QVERIFY(consumer.connectTo(QStringLiteral("127.0.0.1"), m_a->tcpPort()));
        consumer.send(cmd::sub("orders", "billing"));
        QVERIFY(consumer.next(kWait));

        auto *lookupds = panel.findChild<QLineEdit *>(QStringLiteral("clusterLookupds"));
        auto *nsqds = panel.findChild<QLineEdit *>(QStringLiteral("clusterNsqds"));
        lookupds->setText(QStringLiteral("127.0.0.1:%1").arg(m_lookupd->httpPort()));
        nsqds->setText(QStringLiteral("127.0.0.1:%1").arg(m_deadPort));
        QVERIFY(refreshOnce(panel));

        // Three nodes: two from the lookupd, one given that is down and says why.
        auto *nodes = panel.findChild<QTableWidget *>(QStringLiteral("clusterNodes"));
        QCOMPARE(nodes->rowCount(), 3);
        QStringList states;
        for (int r = 0; r < 3; ++r)
            states << nodes->item(r, 0)->text() + QLatin1Char('=') + nodes->item(r, 6)->text();
        QVERIFY2(states.filter(QStringLiteral("=OK")).size() == 2, qPrintable(states.join(',')));
        QVERIFY2(states.filter(QStringLiteral("%1=unreachable:").arg(m_deadPort)).size() == 1,
                 qPrintable(states.join(',')));

        const ClusterModel *m = panel.model();
        const QModelIndex orders = child(m, {}, QStringLiteral("orders"));
        QVERIFY(orders.isValid());
        QCOMPARE(cell(m, orders, ClusterModel::NodeColumn), QStringLiteral("2 nodes"));
        const QModelIndex billing = child(m, orders, QStringLiteral("billing"));
        const QModelIndex audit = child(m, orders, QStringLiteral("audit"));
        QCOMPARE(cell(m, billing, ClusterModel::DepthColumn), QStringLiteral("8"));
        QCOMPARE(cell(m, audit, ClusterModel::DepthColumn), QStringLiteral("0"));
        QCOMPARE(cell(m, billing, ClusterModel::MessagesColumn), QStringLiteral("8"));
        // The channel furthest behind stands out.
        QVERIFY(billing.data(ClusterModel::LaggingRole).toBool());
        QVERIFY(!audit.data(ClusterModel::LaggingRole).toBool());
        // Per node, and the client on A.
        const QModelIndex onA = child(m, billing, QStringLiteral("on ") + httpOf(*m_a));
        const QModelIndex onB = child(m, billing, QStringLiteral("on ") + httpOf(*m_b));
        QCOMPARE(cell(m, onA, ClusterModel::DepthColumn), QStringLiteral("5"));
        QCOMPARE(cell(m, onB, ClusterModel::DepthColumn), QStringLiteral("3"));
        QCOMPARE(m->rowCount(onA), 1);
        QVERIFY(cell(m, m->index(0, 0, onA), ClusterModel::DetailsColumn)
                    .contains(QLatin1String("RDY 0")));
        // When it connected, in the window's time mode.
        TimeFormat::instance().setMode(TimeFormat::Mode::Utc);
        const QString details = cell(m, m->index(0, 0, onA), ClusterModel::DetailsColumn);
        QVERIFY2(QRegularExpression(QStringLiteral(R"(connected \d\d:\d\d:\d\d\.000Z$)"))
                     .match(details)
                     .hasMatch(),
                 qPrintable(details));
        TimeFormat::instance().setMode(TimeFormat::Mode::Relative);
        QVERIFY(cell(m, m->index(0, 0, onA), ClusterModel::DetailsColumn)
                    .endsWith(QLatin1String(" ago")));
        TimeFormat::instance().setMode(TimeFormat::Mode::Local);

        // Rates come from two snapshots.
        QCOMPARE(m_a->publish(QStringLiteral("orders"), {"9", "10"}), QString());
        QVERIFY(refreshOnce(panel));
        const QModelIndex orders2 = child(m, {}, QStringLiteral("orders"));
        QVERIFY(!cell(m, orders2, ClusterModel::RateColumn).isEmpty());
    }

    void adminVerbsChangeTheBrokers()
    {
        ClusterPanel panel;
        panel.show();
        QStringList asked;
        panel.setConfirmer([&](const QString &q) {
            asked << q;
            return true;
        });
        panel.findChild<QLineEdit *>(QStringLiteral("clusterLookupds"))
            ->setText(QStringLiteral("127.0.0.1:%1").arg(m_lookupd->httpPort()));
        QVERIFY(refreshOnce(panel));
        const ClusterModel *m = panel.model();
        const auto channelOn = [](Broker &b, const char *name) {
            return b.topic(QStringLiteral("orders"))->channels.at(QString::fromLatin1(name)).get();
        };

        // Pause billing everywhere.
        QVERIFY(select(
            panel, child(m, child(m, {}, QStringLiteral("orders")), QStringLiteral("billing"))));
        QVERIFY(click(panel, "clusterPause"));
        QVERIFY(channelOn(*m_a, "billing")->paused);
        QVERIFY(channelOn(*m_b, "billing")->paused);
        QTRY_VERIFY_WITH_TIMEOUT(
            cell(m, child(m, child(m, {}, QStringLiteral("orders")), QStringLiteral("billing")),
                 ClusterModel::PausedColumn) == QStringLiteral("paused"),
            kWait);

        // Empty billing on B only, after a question that names what is lost.
        const QModelIndex billing =
            child(m, child(m, {}, QStringLiteral("orders")), QStringLiteral("billing"));
        QVERIFY(select(panel, child(m, billing, QStringLiteral("on ") + httpOf(*m_b))));
        QVERIFY(click(panel, "clusterEmpty"));
        QCOMPARE(asked.size(), 1);
        QVERIFY2(asked.first().contains(QLatin1String("3 messages waiting will be lost")),
                 qPrintable(asked.first()));
        QCOMPARE(channelOn(*m_b, "billing")->depth(), 0);
        QCOMPARE(channelOn(*m_a, "billing")->depth(), 5);

        // Refused: the question answered no changes nothing.
        panel.setConfirmer([](const QString &) { return false; });
        QVERIFY(refreshOnce(panel));
        QVERIFY(select(panel,
                       child(m, child(m, {}, QStringLiteral("orders")), QStringLiteral("audit"))));
        QTest::mouseClick(panel.findChild<QPushButton *>(QStringLiteral("clusterDelete")),
                          Qt::LeftButton);
        QVERIFY(m_a->topic(QStringLiteral("orders"))->channels.count(QStringLiteral("audit")));

        // Delete audit everywhere, B down meanwhile: A's success is shown with B's failure.
        panel.setConfirmer([](const QString &) { return true; });
        m_lookupd->removeBroker(m_b.get());
        const quint16 bPort = m_b->httpPort();
        m_b.reset();
        QVERIFY(select(panel,
                       child(m, child(m, {}, QStringLiteral("orders")), QStringLiteral("audit"))));
        QSignalSpy done(&panel, &ClusterPanel::actionFinished);
        QTest::mouseClick(panel.findChild<QPushButton *>(QStringLiteral("clusterDelete")),
                          Qt::LeftButton);
        QVERIFY(done.wait(kWait));
        QVERIFY2(done.first().first().toString().contains(QLatin1String("failed on 1 of 2")),
                 qPrintable(done.first().first().toString()));
        QVERIFY(!m_a->topic(QStringLiteral("orders"))->channels.count(QStringLiteral("audit")));
        const QString results =
            panel.findChild<QPlainTextEdit *>(QStringLiteral("clusterResults"))->toPlainText();
        QVERIFY2(results.contains(httpOf(*m_a) + QStringLiteral(": done")), qPrintable(results));
        QVERIFY2(results.contains(QStringLiteral("127.0.0.1:%1: FAILED").arg(bPort)),
                 qPrintable(results));
    }

    void tombstoneGoesThroughTheLookupd()
    {
        ClusterPanel panel;
        panel.show();
        panel.findChild<QLineEdit *>(QStringLiteral("clusterLookupds"))
            ->setText(QStringLiteral("127.0.0.1:%1").arg(m_lookupd->httpPort()));
        QVERIFY(refreshOnce(panel));
        const ClusterModel *m = panel.model();
        const QModelIndex orders = child(m, {}, QStringLiteral("orders"));
        // Only a topic's row on one node can be tombstoned.
        QVERIFY(select(panel, orders));
        QVERIFY(!panel.findChild<QPushButton *>(QStringLiteral("clusterTombstone"))->isEnabled());
        QVERIFY(select(panel, child(m, orders, QStringLiteral("on ") + httpOf(*m_a))));
        QVERIFY(click(panel, "clusterTombstone"));
        QVERIFY(refreshOnce(panel));
        auto *nodes = panel.findChild<QTableWidget *>(QStringLiteral("clusterNodes"));
        QStringList tombstoned;
        for (int r = 0; r < nodes->rowCount(); ++r)
            tombstoned << nodes->item(r, 0)->text() + QLatin1Char('=') + nodes->item(r, 5)->text();
        QVERIFY2(tombstoned.contains(httpOf(*m_a) + QStringLiteral("=1")),
                 qPrintable(tombstoned.join(',')));
        QVERIFY2(tombstoned.contains(httpOf(*m_b) + QStringLiteral("=0")),
                 qPrintable(tombstoned.join(',')));
    }

    void deletingATopicNamesAllItLoses()
    {
        // Found by review: the question counted the topic's own depth only (0 here), not what
        // its channels hold, which go with it.
        ClusterPanel panel;
        panel.show();
        QStringList asked;
        panel.setConfirmer([&](const QString &q) {
            asked << q;
            return false;
        });
        panel.findChild<QLineEdit *>(QStringLiteral("clusterLookupds"))
            ->setText(QStringLiteral("127.0.0.1:%1").arg(m_lookupd->httpPort()));
        QVERIFY(refreshOnce(panel));
        QVERIFY(select(panel, child(panel.model(), {}, QStringLiteral("orders"))));
        QTest::mouseClick(panel.findChild<QPushButton *>(QStringLiteral("clusterDelete")),
                          Qt::LeftButton);
        QCOMPARE(asked.size(), 1);
        QVERIFY2(asked.first().contains(QLatin1String(
                     "8 messages waiting will be lost (in the topic and its 2 channels")),
                 qPrintable(asked.first()));
        QVERIFY(m_a->topic(QStringLiteral("orders"))); // answered no: still there
    }

    void theTopicFilterNarrowsTheTree()
    {
        ClusterPanel panel;
        panel.show();
        QCOMPARE(m_a->createChannel(QStringLiteral("other"), QStringLiteral("c")), QString());
        panel.setDefaultSources({QStringLiteral("127.0.0.1:%1").arg(m_lookupd->httpPort())}, {},
                                QStringLiteral("orders"));
        QTRY_VERIFY_WITH_TIMEOUT(panel.model()->rowCount() == 2, kWait);
        QCOMPARE(panel.tree()->model()->rowCount(), 1); // the session's topic
        auto *filter = panel.findChild<QLineEdit *>(QStringLiteral("clusterFilter"));
        filter->clear();
        QCOMPARE(panel.tree()->model()->rowCount(), 2);
        QTest::keyClicks(filter, QStringLiteral("oth"));
        QCOMPARE(panel.tree()->model()->rowCount(), 1);
        QCOMPARE(panel.tree()->model()->index(0, 0).data().toString(), QStringLiteral("other"));
    }

    void createChecksTheNameNextToTheField()
    {
        ClusterPanel panel;
        panel.show();
        panel.findChild<QLineEdit *>(QStringLiteral("clusterLookupds"))
            ->setText(QStringLiteral("127.0.0.1:%1").arg(m_lookupd->httpPort()));
        QVERIFY(refreshOnce(panel));
        auto *name = panel.findChild<QLineEdit *>(QStringLiteral("clusterNewName"));
        auto *error = panel.findChild<QLabel *>(QStringLiteral("clusterNameError"));
        QTest::keyClicks(name, QStringLiteral("bad name!"));
        QTest::mouseClick(panel.findChild<QPushButton *>(QStringLiteral("clusterCreateTopic")),
                          Qt::LeftButton);
        QVERIFY(error->isVisible());
        QVERIFY(error->text().contains(QLatin1String("not a valid topic name")));
        QVERIFY(!m_a->topic(QStringLiteral("bad name!")));

        name->clear();
        QTest::keyClicks(name, QStringLiteral("shipments"));
        QVERIFY(click(panel, "clusterCreateTopic"));
        QVERIFY(!error->isVisible());
        QVERIFY(m_a->topic(QStringLiteral("shipments")));
        QVERIFY(m_b->topic(QStringLiteral("shipments")));
    }

    void aBadSourceIsShownNextToTheFields()
    {
        ClusterPanel panel;
        panel.show();
        panel.findChild<QLineEdit *>(QStringLiteral("clusterNsqds"))
            ->setText(QStringLiteral("nonsense"));
        QTest::mouseClick(panel.findChild<QPushButton *>(QStringLiteral("clusterRefresh")),
                          Qt::LeftButton);
        auto *error = panel.findChild<QLabel *>(QStringLiteral("clusterSourceError"));
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().startsWith(QLatin1String("nsqd:")), qPrintable(error->text()));
    }

    void theWindowHasTheClusterDock()
    {
        MainWindow w;
        auto *dock = w.findChild<QDockWidget *>(QStringLiteral("clusterDock"));
        QVERIFY(dock);
        QCOMPARE(dock->widget(), static_cast<QWidget *>(w.cluster()));
    }
};

QTEST_MAIN(TstCluster)
#include "tst_cluster.moc"
