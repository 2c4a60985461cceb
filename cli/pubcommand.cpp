#include "clicommands.h"
#include "cliutil.h"

#include <client/producer.h>
#include <protocol/names.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

namespace nsqcli {

int runPub(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Publish each line of standard input as a message (like to_nsq)."));
    const QCommandLineOption nsqd(QStringLiteral("nsqd-tcp-address"),
                                  QStringLiteral("nsqd TCP address."), QStringLiteral("host:port"));
    const QCommandLineOption topic(QStringLiteral("topic"), QStringLiteral("Topic to publish to."),
                                   QStringLiteral("name"));
    const QCommandLineOption rate(
        QStringLiteral("rate"),
        QStringLiteral("At most this many messages per second (0: no limit)."), QStringLiteral("N"),
        QStringLiteral("0"));
    const QCommandLineOption batch(QStringLiteral("batch"), QStringLiteral("Lines per MPUB."),
                                   QStringLiteral("N"), QStringLiteral("200"));
    const QCommandLineOption opt(
        QStringLiteral("producer-opt"),
        QStringLiteral("Producer option name=value, go-nsq names (repeatable), e.g. tls_v1=true."),
        QStringLiteral("name=value"));
    p.addOptions({nsqd, topic, rate, batch, opt});
    int code = 0;
    if (!parseOrExit(p, arguments, "pub", &code))
        return code;
    if (!p.isSet(nsqd))
        return fail("pub", 2, QStringLiteral("--nsqd-tcp-address is required"));
    const QString address = p.value(nsqd);
    QString error = checkAddresses(QStringLiteral("nsqd-tcp-address"), {address});
    if (!error.isEmpty())
        return fail("pub", 2, error);
    if (!p.isSet(topic) || !nsq::isValidTopicName(p.value(topic)))
        return fail("pub", 2,
                    QStringLiteral("--topic: '%1' is not a valid topic name").arg(p.value(topic)));
    bool ok = false;
    const double perSecond = p.value(rate).toDouble(&ok);
    if (!ok || perSecond < 0)
        return fail("pub", 2, QStringLiteral("--rate: '%1' is not a rate").arg(p.value(rate)));
    const int batchSize = p.value(batch).toInt(&ok);
    if (!ok || batchSize < 1)
        return fail("pub", 2,
                    QStringLiteral("--batch: '%1' is not a positive number").arg(p.value(batch)));
    const int perBatch = perSecond > 0 ? qMax(1, qMin(batchSize, int(perSecond / 10))) : batchSize;

    nsq::Config config;
    error = applyOptions(QStringLiteral("producer-opt"), p.values(opt), &config);
    if (!error.isEmpty())
        return fail("pub", 2, error);
    nsq::Producer producer(address, config);
    qint64 published = 0, skipped = 0;
    QHash<quint64, int> sizes;
    QString firstError;
    QEventLoop loop;
    QObject::connect(&producer, &nsq::Producer::finished, &loop,
                     [&](quint64 id, const nsq::PublishResult &r) {
                         const int n = sizes.take(id);
                         if (r.ok()) {
                             published += n;
                         } else {
                             if (firstError.isEmpty())
                                 firstError = r.error;
                         }
                         loop.quit();
                     });
    auto waitUntil = [&](auto done) {
        while (!done())
            loop.exec();
    };

    QElapsedTimer clock;
    clock.start();
    char *line = nullptr;
    size_t capacity = 0;
    bool eof = false;
    qint64 sent = 0;
    while (!eof && firstError.isEmpty()) {
        QByteArrayList bodies;
        while (bodies.size() < perBatch) {
            const ssize_t n = getline(&line, &capacity, stdin);
            if (n < 0) {
                eof = true;
                break;
            }
            QByteArray body(line, n);
            while (body.endsWith('\n') || body.endsWith('\r'))
                body.chop(1);
            if (body.isEmpty()) {
                ++skipped; // nsqd refuses empty messages
                continue;
            }
            bodies << body;
        }
        if (bodies.isEmpty())
            break;
        if (perSecond > 0) {
            // Pace by the clock: this batch may go once the previous ones fit the rate.
            const qint64 due = qint64(1000.0 * double(sent) / perSecond);
            while (due > clock.elapsed()) { // answers also wake the loop
                QTimer::singleShot(int(due - clock.elapsed()), &loop, &QEventLoop::quit);
                loop.exec();
            }
        }
        sizes.insert(producer.multiPublish(p.value(topic), bodies), int(bodies.size()));
        sent += bodies.size();
        // A few batches in flight keep the pipe full without reading all of stdin into memory.
        waitUntil([&] { return producer.pendingCount() < 8; });
    }
    free(line);
    waitUntil([&] { return producer.pendingCount() == 0; });
    if (skipped > 0)
        std::fprintf(stderr, "nsq-inspector-cli pub: skipped %lld empty lines\n",
                     static_cast<long long>(skipped));
    if (!firstError.isEmpty())
        return fail("pub", 1,
                    QStringLiteral("%1 messages not published: %2 (%3 published)")
                        .arg(sent - published)
                        .arg(firstError)
                        .arg(published));
    std::fprintf(stderr, "nsq-inspector-cli pub: published %lld messages to %s\n",
                 static_cast<long long>(published), qPrintable(p.value(topic)));
    return 0;
}

} // namespace nsqcli
