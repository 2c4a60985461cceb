// The cluster and publish docks against the server a conformance run judges: the real nsqd and
// nsqlookupd named by NSQD_TCP_ADDRESS, NSQD_HTTP_ADDRESS and NSQLOOKUPD_HTTP_ADDRESS, or else
// the embedded broker with its lookupd role. Offscreen, with real widgets, observed through the
// server's own HTTP API and a consuming connection.
#include "clusterpanel.h"
#include "models/clustermodel.h"
#include "publishpanel.h"
#include "servertarget.h"

#include <client/conn.h>

#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace nsq;
using namespace nsqui;

namespace {
constexpr int kWait = 20000;
}

class TstWindowConformance : public QObject
{
    Q_OBJECT

    ServerTarget m_target;

    static QModelIndex child(const ClusterModel *m, const QModelIndex &parent, const QString &name)
    {
        for (int r = 0; r < m->rowCount(parent); ++r)
            if (m->index(r, 0, parent).data().toString() == name)
                return m->index(r, 0, parent);
        return {};
    }
    static bool refresh(ClusterPanel &p)
    {
        QSignalSpy spy(&p, &ClusterPanel::refreshed);
        QTest::mouseClick(p.findChild<QPushButton *>(QStringLiteral("clusterRefresh")),
                          Qt::LeftButton);
        return spy.wait(kWait);
    }
    static QString click(ClusterPanel &p, const char *button)
    {
        QSignalSpy done(&p, &ClusterPanel::actionFinished);
        auto *b = p.findChild<QPushButton *>(QString::fromLatin1(button));
        if (!b->isEnabled())
            return QStringLiteral("(disabled)");
        QTest::mouseClick(b, Qt::LeftButton);
        if (done.isEmpty() && !done.wait(kWait))
            return QStringLiteral("(no answer)");
        return done.first().first().toString();
    }
    QString httpAddress() const
    {
        return const_cast<ServerTarget &>(m_target).http().base().mid(7); // drop http://
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString error = m_target.start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        qInfo("judged against %s", qPrintable(m_target.describe()));
    }

    void clusterShowsAndChangesTheServer()
    {
        ClusterPanel panel;
        panel.show();
        panel.setConfirmer([](const QString &) { return true; });
        // Through nsqlookupd when there is one, as a user would start; else the node itself.
        if (m_target.lookup())
            panel.findChild<QLineEdit *>(QStringLiteral("clusterLookupds"))
                ->setText(m_target.lookup()->base());
        else
            panel.findChild<QLineEdit *>(QStringLiteral("clusterNsqds"))->setText(httpAddress());
        QVERIFY(refresh(panel));

        const QString topic = ServerTarget::freshName("cl");
        auto *name = panel.findChild<QLineEdit *>(QStringLiteral("clusterNewName"));
        QTest::keyClicks(name, topic);
        QString summary = click(panel, "clusterCreateTopic");
        QVERIFY2(summary.contains(QLatin1String("done")), qPrintable(summary));
        QTRY_VERIFY_WITH_TIMEOUT(!m_target.topicStats(topic).isEmpty(), kWait);

        const ClusterModel *m = panel.model();
        QTRY_VERIFY_WITH_TIMEOUT(refresh(panel) && child(m, {}, topic).isValid(), kWait);
        panel.select(child(m, {}, topic));
        name->clear();
        QTest::keyClicks(name, QStringLiteral("ch"));
        summary = click(panel, "clusterCreateChannel");
        QVERIFY2(summary.contains(QLatin1String("done")), qPrintable(summary));
        QVERIFY(m_target.publishMany(topic, {"a", "b", "c"}));

        // The counts /stats gives, through the view.
        QVERIFY(refresh(panel));
        QModelIndex ch = child(m, child(m, {}, topic), QStringLiteral("ch"));
        QVERIFY(ch.isValid());
        QCOMPARE(m->index(ch.row(), ClusterModel::DepthColumn, ch.parent()).data().toString(),
                 QStringLiteral("3"));

        panel.select(ch);
        summary = click(panel, "clusterPause");
        QVERIFY2(summary.contains(QLatin1String("done")), qPrintable(summary));
        QVERIFY(m_target.channelStats(topic, QStringLiteral("ch"))
                    .value(QLatin1String("paused"))
                    .toBool());

        QVERIFY(refresh(panel));
        ch = child(m, child(m, {}, topic), QStringLiteral("ch"));
        panel.select(ch);
        summary = click(panel, "clusterEmpty");
        QVERIFY2(summary.contains(QLatin1String("done")), qPrintable(summary));
        QCOMPARE(m_target.channelStats(topic, QStringLiteral("ch"))
                     .value(QLatin1String("depth"))
                     .toInt(),
                 0);

        QVERIFY(refresh(panel));
        panel.select(child(m, {}, topic));
        summary = click(panel, "clusterDelete");
        QVERIFY2(summary.contains(QLatin1String("done")), qPrintable(summary));
        QTRY_VERIFY_WITH_TIMEOUT(m_target.topicStats(topic).isEmpty(), kWait);
    }

    void publishedBodiesArriveByteForByte_data()
    {
        QTest::addColumn<int>("via");
        QTest::newRow("TCP") << 0;
        QTest::newRow("HTTP") << 1;
    }

    void publishedBodiesArriveByteForByte()
    {
        QFETCH(int, via);
        const QString topic = ServerTarget::freshName("pb");
        QCOMPARE(m_target.http().post(QStringLiteral("/topic/create?topic=") + topic).status, 200);
        QCOMPARE(m_target.http()
                     .post(QStringLiteral("/channel/create?topic=%1&channel=c").arg(topic))
                     .status,
                 200);
        PublishPanel panel;
        panel.show();
        panel.findChild<QLineEdit *>(QStringLiteral("publishTopic"))->setText(topic);
        panel.findChild<QComboBox *>(QStringLiteral("publishVia"))->setCurrentIndex(via);
        panel.findChild<QLineEdit *>(QStringLiteral("publishAddress"))
            ->setText(via == 0 ? m_target.tcpAddress() : httpAddress());
        panel.findChild<QComboBox *>(QStringLiteral("publishMode"))->setCurrentIndex(2); // hex
        panel.findChild<QPlainTextEdit *>(QStringLiteral("publishEditor"))
            ->setPlainText(QStringLiteral("ff 00 0a 0d 41 e4 b8"));
        QSignalSpy done(&panel, &PublishPanel::finished);
        QTest::mouseClick(panel.findChild<QPushButton *>(QStringLiteral("publishButton")),
                          Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, kWait);
        QVERIFY2(done.first().first().toString().startsWith(QLatin1String("Published 1 of 1")),
                 qPrintable(done.first().first().toString()));

        Conn conn{Config()};
        QSignalSpy messages(&conn, &Conn::messageReceived);
        conn.connectToNsqd(m_target.host(), m_target.tcpPort());
        QTRY_COMPARE_WITH_TIMEOUT(conn.state(), Conn::State::Connected, kWait);
        conn.subscribe(topic, QStringLiteral("c"));
        conn.setReady(1);
        QTRY_COMPARE_WITH_TIMEOUT(messages.size(), 1, kWait);
        const Message msg = messages.first().first().value<Message>();
        QCOMPARE(msg.body, QByteArray("\xff\x00\x0a\x0d\x41\xe4\xb8", 7));
        conn.finish(msg.id);
        QCOMPARE(m_target.http().post(QStringLiteral("/topic/delete?topic=") + topic).status, 200);
    }
};

QTEST_MAIN(TstWindowConformance)
#include "tst_windowconformance.moc"
