#include "clicommands.h"
#include "cliutil.h"

#include <protocol/printable.h>

#include <http/httpclients.h>

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace nsqcli {

namespace {

struct NodeStats
{
    QString address;
    nsq::NsqdStats stats;
};

void printTable(const QList<NodeStats> &nodes, const QString &topicFilter)
{
    QList<QStringList> rows{
        {QStringLiteral("NSQD"), QStringLiteral("TOPIC"), QStringLiteral("CHANNEL"),
         QStringLiteral("DEPTH"), QStringLiteral("IN-FLIGHT"), QStringLiteral("DEFERRED"),
         QStringLiteral("MESSAGES"), QStringLiteral("REQUEUED"), QStringLiteral("TIMED-OUT"),
         QStringLiteral("CLIENTS"), QStringLiteral("PAUSED")}};
    for (const NodeStats &n : nodes)
        for (const nsq::TopicStats &t : n.stats.topics) {
            if (!topicFilter.isEmpty() && t.name != topicFilter)
                continue;
            rows << QStringList{n.address,
                                t.name,
                                QStringLiteral("-"),
                                QString::number(t.depth),
                                QStringLiteral("-"),
                                QStringLiteral("-"),
                                QString::number(t.messageCount),
                                QStringLiteral("-"),
                                QStringLiteral("-"),
                                QStringLiteral("-"),
                                t.paused ? QStringLiteral("yes") : QString()};
            for (const nsq::ChannelStats &c : t.channels)
                rows << QStringList{n.address,
                                    t.name,
                                    c.name,
                                    QString::number(c.depth),
                                    QString::number(c.inFlightCount),
                                    QString::number(c.deferredCount),
                                    QString::number(c.messageCount),
                                    QString::number(c.requeueCount),
                                    QString::number(c.timeoutCount),
                                    QString::number(c.clients.size()),
                                    c.paused ? QStringLiteral("yes") : QString()};
        }
    QList<qsizetype> widths(rows.first().size(), 0);
    for (const QStringList &r : rows)
        for (int i = 0; i < r.size(); ++i)
            widths[i] = qMax(widths[i], r[i].size());
    for (const QStringList &r : rows) {
        QString line;
        for (int i = 0; i < r.size(); ++i)
            line += (i >= 3 ? r[i].rightJustified(widths[i]) : r[i].leftJustified(widths[i])) +
                    QStringLiteral("  ");
        std::printf("%s\n", qPrintable(nsq::printable(line.trimmed())));
    }
}

QJsonObject toJson(const NodeStats &n)
{
    QJsonArray topics;
    for (const nsq::TopicStats &t : n.stats.topics) {
        QJsonArray channels;
        for (const nsq::ChannelStats &c : t.channels)
            channels.append(QJsonObject{{QStringLiteral("channel_name"), c.name},
                                        {QStringLiteral("depth"), c.depth},
                                        {QStringLiteral("in_flight_count"), c.inFlightCount},
                                        {QStringLiteral("deferred_count"), c.deferredCount},
                                        {QStringLiteral("message_count"), c.messageCount},
                                        {QStringLiteral("requeue_count"), c.requeueCount},
                                        {QStringLiteral("timeout_count"), c.timeoutCount},
                                        {QStringLiteral("client_count"), c.clients.size()},
                                        {QStringLiteral("paused"), c.paused}});
        topics.append(QJsonObject{{QStringLiteral("topic_name"), t.name},
                                  {QStringLiteral("depth"), t.depth},
                                  {QStringLiteral("message_count"), t.messageCount},
                                  {QStringLiteral("paused"), t.paused},
                                  {QStringLiteral("channels"), channels}});
    }
    return QJsonObject{{QStringLiteral("nsqd"), n.address},
                       {QStringLiteral("version"), n.stats.version},
                       {QStringLiteral("topics"), topics}};
}

} // namespace

int runStats(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Show the topics and channels of nsqd nodes."));
    const QCommandLineOption nsqd(QStringLiteral("nsqd-http-address"),
                                  QStringLiteral("nsqd HTTP address (repeatable)."),
                                  QStringLiteral("host:port"));
    const QCommandLineOption lookupd(
        QStringLiteral("lookupd-http-address"),
        QStringLiteral("Every nsqd this nsqlookupd knows (repeatable)."),
        QStringLiteral("host:port"));
    const QCommandLineOption topic(QStringLiteral("topic"), QStringLiteral("Only this topic."),
                                   QStringLiteral("name"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print JSON instead of a table."));
    p.addOptions({nsqd, lookupd, topic, json});
    int code = 0;
    if (!parseOrExit(p, arguments, "stats", &code))
        return code;
    QStringList nsqds = p.values(nsqd);
    const QStringList lookupds = p.values(lookupd);
    if (nsqds.isEmpty() && lookupds.isEmpty())
        return fail("stats", 2,
                    QStringLiteral("give --nsqd-http-address or --lookupd-http-address"));
    QString error = checkAddresses(QStringLiteral("nsqd-http-address"), nsqds);
    if (error.isEmpty())
        error = checkAddresses(QStringLiteral("lookupd-http-address"), lookupds);
    if (!error.isEmpty())
        return fail("stats", 2, error);

    QEventLoop loop;
    int pending = 0;
    QStringList errors;
    for (const QString &l : lookupds) {
        nsq::LookupdHttpClient client(l);
        ++pending;
        client.nodes([&](nsq::Result<QList<nsq::NodeInfo>> r) {
            if (!r.ok())
                errors << r.error();
            else
                for (const nsq::NodeInfo &n : r.value())
                    nsqds << n.httpAddress();
            if (--pending == 0)
                loop.quit();
        });
        if (pending > 0)
            loop.exec();
    }
    nsqds.removeDuplicates();
    QList<NodeStats> nodes;
    for (const QString &a : std::as_const(nsqds)) {
        nsq::NsqdHttpClient client(a);
        bool done = false;
        client.stats(p.value(topic), {}, [&](nsq::Result<nsq::NsqdStats> r) {
            if (r.ok())
                nodes << NodeStats{a, r.value()};
            else
                errors << r.error();
            done = true;
            loop.quit();
        });
        if (!done)
            loop.exec();
    }
    if (p.isSet(json)) {
        QJsonArray out;
        for (const NodeStats &n : nodes)
            out.append(toJson(n));
        std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Indented).constData());
    } else if (!nodes.isEmpty()) {
        printTable(nodes, p.value(topic));
    }
    for (const QString &e : errors)
        warn("stats", e);
    const int written = outputFailure("stats");
    if (written >= 0 && (written > 0 || errors.isEmpty()))
        return written;
    return errors.isEmpty() ? 0 : 1;
}

} // namespace nsqcli
