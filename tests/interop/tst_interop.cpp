// The official NSQ tools (nsqd 1.3.0's to_nsq, nsq_tail, nsq_stat, nsqadmin, bench_writer,
// bench_reader, and go-nsq 1.1.0 programs) against the embedded broker and its lookupd role.
// Runs when NSQ_TOOLS_DIR names the folder holding them (see README, "Conformance against a real
// nsqd"); says plainly that it skipped otherwise.
#include "httpget.h"

#include <broker/broker.h>
#include <broker/lookupd.h>

#include <QDir>
#include <QJsonArray>
#include <QProcess>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace nsq;

namespace {
constexpr int kWait = 60000;

QString fresh(const char *prefix)
{
    return QStringLiteral("%1%2")
        .arg(QLatin1String(prefix))
        .arg(QRandomGenerator::global()->bounded(1000000));
}

quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost);
    return s.serverPort();
}

struct Ran
{
    int code = -1;
    QByteArray out, err;
};
} // namespace

class TstInterop : public QObject
{
    Q_OBJECT

    QDir m_tools;
    std::unique_ptr<Broker> m_broker;
    std::unique_ptr<Lookupd> m_lookupd;

    QString tcp() const { return QStringLiteral("127.0.0.1:%1").arg(m_broker->tcpPort()); }
    QString http() const { return QStringLiteral("127.0.0.1:%1").arg(m_broker->httpPort()); }
    QString lookup() const { return QStringLiteral("127.0.0.1:%1").arg(m_lookupd->httpPort()); }
    QString tool(const char *name) const { return m_tools.filePath(QLatin1String(name)); }

    // Runs a tool to its end while the broker (in this thread) keeps serving.
    Ran run(const char *name, const QStringList &args, const QByteArray &input = {},
            int timeoutMs = kWait)
    {
        QProcess p;
        p.start(tool(name), args);
        Ran r;
        if (!p.waitForStarted(kWait))
            return r;
        if (!input.isEmpty())
            p.write(input);
        p.closeWriteChannel();
        if (!QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, timeoutMs)) {
            p.kill();
            p.waitForFinished();
        }
        r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

    QJsonObject channel(const QString &topic, const QString &name)
    {
        TestHttp h(QStringLiteral("http://") + http());
        const QJsonObject stats = h.get(QStringLiteral("/stats?format=json&topic=") + topic).json();
        for (const auto &t : stats.value(QLatin1String("topics")).toArray())
            for (const auto &c : t.toObject().value(QLatin1String("channels")).toArray())
                if (c.toObject().value(QLatin1String("channel_name")).toString() == name)
                    return c.toObject();
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString dir = qEnvironmentVariable("NSQ_TOOLS_DIR");
        if (dir.isEmpty())
            QSKIP("NSQ_TOOLS_DIR is not set: the official NSQ tools were not run (see README)");
        m_tools = QDir(dir);
        for (const char *t : {"to_nsq", "nsq_tail", "nsq_stat", "nsqadmin", "bench_writer",
                              "bench_reader", "gonsq_publish", "gonsq_consume"})
            QVERIFY2(QFileInfo(tool(t)).isExecutable(), qPrintable(tool(t) + " is missing"));
        BrokerConfig cfg;
        cfg.maxTopicMessages = 5000000;
        m_broker = std::make_unique<Broker>(cfg);
        QCOMPARE(m_broker->start(), QString());
        m_lookupd = std::make_unique<Lookupd>();
        m_lookupd->addBroker(m_broker.get());
        QVERIFY(m_lookupd->listen() != 0);
    }

    void toNsqThenNsqTail_data()
    {
        QTest::addColumn<bool>("throughLookupd");
        QTest::newRow("-nsqd-tcp-address") << false;
        QTest::newRow("-lookupd-http-address") << true;
    }
    void toNsqThenNsqTail()
    {
        QFETCH(bool, throughLookupd);
        const QString topic = fresh("interop");
        QByteArray lines;
        for (int i = 0; i < 500; ++i)
            lines += "line-" + QByteArray::number(i) + '\n';
        const Ran pub = run(
            "to_nsq", {QStringLiteral("-nsqd-tcp-address"), tcp(), QStringLiteral("-topic"), topic},
            lines);
        QVERIFY2(pub.code == 0, pub.err.constData());
        const Ran tail =
            run("nsq_tail", {throughLookupd ? QStringLiteral("-lookupd-http-address")
                                            : QStringLiteral("-nsqd-tcp-address"),
                             throughLookupd ? lookup() : tcp(), QStringLiteral("-topic"), topic,
                             QStringLiteral("-n"), QStringLiteral("500")});
        QVERIFY2(tail.code == 0, tail.err.constData());
        QCOMPARE(tail.out, lines); // each once, in order (one connection)
    }

    void nsqStatReadsTheBroker()
    {
        const QString topic = fresh("stat");
        m_broker->getOrCreateChannel(m_broker->getOrCreateTopic(topic), QStringLiteral("c"));
        m_broker->publish(topic, {"a", "b", "c"});
        for (const QString &flag :
             {QStringLiteral("-nsqd-http-address"), QStringLiteral("-lookupd-http-address")}) {
            const Ran r =
                run("nsq_stat", {flag, flag.contains(QLatin1String("lookupd")) ? lookup() : http(),
                                 QStringLiteral("-topic"), topic, QStringLiteral("-channel"),
                                 QStringLiteral("c"), QStringLiteral("-count"), QStringLiteral("1"),
                                 QStringLiteral("-interval"), QStringLiteral("100ms")});
            QVERIFY2(r.code == 0, r.err.constData());
            // A header and one row: the depth of 3 is in it.
            QVERIFY2(r.out.contains("depth"), r.out.constData());
            QVERIFY2(QString::fromUtf8(r.out)
                             .split(QLatin1Char('\n'))
                             .filter(QLatin1String("3"))
                             .size() >= 1,
                     r.out.constData());
        }
    }

    void nsqadminShowsTheBroker_data()
    {
        QTest::addColumn<bool>("throughLookupd");
        QTest::newRow("--nsqd-http-address") << false;
        QTest::newRow("--lookupd-http-address") << true;
    }
    void nsqadminShowsTheBroker()
    {
        QFETCH(bool, throughLookupd);
        const QString topic = fresh("admin");
        m_broker->getOrCreateChannel(m_broker->getOrCreateTopic(topic), QStringLiteral("c"));
        m_broker->publish(topic, {"a", "b"});
        const quint16 port = freePort();
        QProcess admin;
        admin.start(tool("nsqadmin"),
                    {QStringLiteral("--http-address"), QStringLiteral("127.0.0.1:%1").arg(port),
                     throughLookupd ? QStringLiteral("--lookupd-http-address")
                                    : QStringLiteral("--nsqd-http-address"),
                     throughLookupd ? lookup() : http()});
        QVERIFY(admin.waitForStarted(kWait));
        TestHttp api(QStringLiteral("http://127.0.0.1:%1").arg(port));
        HttpResult nodes;
        QTRY_COMPARE_WITH_TIMEOUT((nodes = api.get(QStringLiteral("/api/nodes"))).status, 200,
                                  kWait);
        const QJsonArray list = nodes.json().value(QLatin1String("nodes")).toArray();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first().toObject().value(QLatin1String("tcp_port")).toInt(),
                 int(m_broker->tcpPort()));
        const QJsonObject t = api.get(QStringLiteral("/api/topics/") + topic).json();
        QCOMPARE(t.value(QLatin1String("message_count")).toInt(), 2);
        QCOMPARE(t.value(QLatin1String("nodes")).toArray().size(), 1);
        const QJsonObject c = api.get(QStringLiteral("/api/topics/%1/c").arg(topic)).json();
        QCOMPARE(c.value(QLatin1String("depth")).toInt(), 2);
        QCOMPARE(c.value(QLatin1String("channel_name")).toString(), QStringLiteral("c"));
        const QJsonValue message = nodes.json().value(QLatin1String("message"));
        QVERIFY2(message.toString().isEmpty(), qPrintable(message.toString())); // no errors
        admin.kill();
        admin.waitForFinished();
    }

    void benchWriterAndBenchReader()
    {
        const QString topic = fresh("bench");
        // The reader subscribes first and outlasts the writer, so it sees all that was written.
        QProcess reader;
        reader.start(tool("bench_reader"),
                     {QStringLiteral("-nsqd-tcp-address"), tcp(), QStringLiteral("-topic"), topic,
                      QStringLiteral("-runfor"), QStringLiteral("6s"), QStringLiteral("-size"),
                      QStringLiteral("100")});
        QVERIFY(reader.waitForStarted(kWait));
        QTRY_VERIFY_WITH_TIMEOUT(!channel(topic, QStringLiteral("ch")).isEmpty(), kWait);
        const Ran writer = run("bench_writer", {QStringLiteral("-nsqd-tcp-address"), tcp(),
                                                QStringLiteral("-topic"), topic,
                                                QStringLiteral("-runfor"), QStringLiteral("2s"),
                                                QStringLiteral("-size"), QStringLiteral("100")});
        QVERIFY2(writer.code == 0, writer.err.constData());
        QVERIFY(QTest::qWaitFor([&] { return reader.state() == QProcess::NotRunning; }, kWait));
        QCOMPARE(reader.exitCode(), 0);
        const QJsonObject ch = channel(topic, QStringLiteral("ch"));
        const qint64 written = m_broker->topic(topic)->messageCount;
        QVERIFY(written > 0);
        QCOMPARE(ch.value(QLatin1String("message_count")).toInteger(), written);
        QCOMPARE(ch.value(QLatin1String("depth")).toInteger(), 0);
        QCOMPARE(ch.value(QLatin1String("requeue_count")).toInteger(), 0);
        QCOMPARE(ch.value(QLatin1String("timeout_count")).toInteger(), 0);
        // They report on stderr.
        qInfo("bench_writer: %s | bench_reader: %s", writer.err.trimmed().constData(),
              reader.readAllStandardError().trimmed().constData());
    }

    void goNsqProducerAndConsumer()
    {
        const QString topic = fresh("gonsq");
        const Ran pub =
            run("gonsq_publish", {QStringLiteral("-nsqd"), tcp(), QStringLiteral("-topic"), topic,
                                  QStringLiteral("-n"), QStringLiteral("100000")});
        QVERIFY2(pub.code == 0, pub.err.constData());
        QCOMPARE(m_broker->topic(topic)->messageCount, quint64(100000));
        const Ran con =
            run("gonsq_consume", {QStringLiteral("-nsqd"), tcp(), QStringLiteral("-topic"), topic,
                                  QStringLiteral("-n"), QStringLiteral("100000")});
        QVERIFY2(con.code == 0, con.err.constData());
        qInfo("gonsq_publish: %s; gonsq_consume: %s", pub.out.trimmed().constData(),
              con.out.trimmed().constData());
        const QJsonObject ch = channel(topic, QStringLiteral("ch"));
        QCOMPARE(ch.value(QLatin1String("message_count")).toInteger(), 100000);
        QCOMPARE(ch.value(QLatin1String("requeue_count")).toInteger(), 0);
        QCOMPARE(ch.value(QLatin1String("timeout_count")).toInteger(), 0);
    }
};

QTEST_GUILESS_MAIN(TstInterop)
#include "tst_interop.moc"
