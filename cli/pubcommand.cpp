#include "clicommands.h"
#include "cliutil.h"

#include <client/producer.h>
#include <protocol/messagerecord.h>
#include <protocol/names.h>
#include <protocol/printable.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSocketNotifier>
#include <QTimer>

#include <cerrno>
#include <cstring>
#include <deque>
#include <unistd.h>

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
    const QCommandLineOption maxMsgSize(
        QStringLiteral("max-msg-size"),
        QStringLiteral("Longer lines are not sent (said by line number): nsqd's --max-msg-size."),
        QStringLiteral("bytes"), QStringLiteral("1048576"));
    const QCommandLineOption maxBody(
        QStringLiteral("max-body-size"),
        QStringLiteral("An MPUB is cut before it passes this: nsqd's --max-body-size."),
        QStringLiteral("bytes"), QStringLiteral("5242880"));
    const QCommandLineOption reconnect(
        QStringLiteral("reconnect-timeout"),
        QStringLiteral("When the connection is lost after a publish succeeded, reconnect and send "
                       "the unconfirmed batches again for up to this many seconds (0: stop at "
                       "once)."),
        QStringLiteral("seconds"), QStringLiteral("60"));
    const QCommandLineOption format(
        QStringLiteral("format"),
        QStringLiteral("lines: each line is a message; jsonl: each line is a message record as "
                       "`tail --format jsonl` writes it (bodies byte for byte, binary and "
                       "multi-line ones too)."),
        QStringLiteral("lines|jsonl"), QStringLiteral("lines"));
    p.addOptions({nsqd, topic, rate, batch, opt, maxMsgSize, maxBody, reconnect, format});
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
    const qint64 maxMessage = p.value(maxMsgSize).toLongLong(&ok);
    if (!ok || maxMessage < 1)
        return fail("pub", 2,
                    QStringLiteral("--max-msg-size: '%1' is not a positive number")
                        .arg(p.value(maxMsgSize)));
    const qint64 maxBatchBytes = p.value(maxBody).toLongLong(&ok);
    if (!ok || maxBatchBytes < maxMessage)
        return fail("pub", 2,
                    QStringLiteral("--max-body-size: '%1' is not a number of bytes at least "
                                   "--max-msg-size")
                        .arg(p.value(maxBody)));
    const bool jsonl = p.value(format) == QLatin1String("jsonl");
    if (!jsonl && p.value(format) != QLatin1String("lines"))
        return fail("pub", 2,
                    QStringLiteral("--format: '%1' is not lines or jsonl").arg(p.value(format)));
    const int reconnectSeconds = p.value(reconnect).toInt(&ok);
    if (!ok || reconnectSeconds < 0 || reconnectSeconds > 86400)
        return fail("pub", 2,
                    QStringLiteral("--reconnect-timeout: '%1' is not a number of seconds from 0 "
                                   "to 86400")
                        .arg(p.value(reconnect)));

    nsq::Config config;
    error = applyOptions(QStringLiteral("producer-opt"), p.values(opt), &config);
    if (!error.isEmpty())
        return fail("pub", 2, error);
    nsq::Producer producer(address, config);
    qint64 published = 0, skipped = 0, sent = 0, lineNumber = 0;
    QList<qint64> tooLong;    // line numbers of lines over --max-msg-size
    QList<qint64> unreadable; // --format jsonl: line numbers of lines that are not a record
    QString firstUnreadable;
    QHash<quint64, QByteArrayList> outstanding; // sent, not yet answered
    QString firstError;
    // A lost connection (nsqd restarted, a proxy's idle timeout) is not the end: once a publish
    // has succeeded, the batches it left unconfirmed are sent again on a new connection, with
    // backoff, for up to --reconnect-timeout. They may have been published already: NSQ delivers
    // at least once, and this says so.
    std::deque<QByteArrayList> resend;
    bool everPublished = false;
    QElapsedTimer failingSince;
    int reconnectAttempt = 0;
    QTimer retry;
    retry.setSingleShot(true);

    // Standard input is read as it arrives, from the event loop: a slow stream
    // (`tail -f log | pub`) is published line by line as the lines come, a fast one in batches,
    // and the connection is served (heartbeats) while input is idle.
    QByteArray input; // what was read and not yet published
    bool eof = false;
    QElapsedTimer clock;
    clock.start();
    QSocketNotifier notifier(STDIN_FILENO, QSocketNotifier::Read);
    QTimer pace;
    pace.setSingleShot(true);
    // Reading pauses while this much waits for the broker, but never in the middle of a line:
    // a line must be whole before it can go. A line longer than any nsqd would take ends the run.
    constexpr qsizetype kMaxBuffered = 4 * 1024 * 1024;
    constexpr qsizetype kMaxLine = 64 * 1024 * 1024;
    qsizetype noNewlineBefore = 0; // input[0, noNewlineBefore) is known to hold no '\n'
    QString inputError;
    // --rate is a token bucket that holds at most kSlackMs of credit: idle input earns no burst.
    constexpr double kSlackMs = 100;
    double nextDueMs = 0;

    auto takeLines = [&] {
        QByteArrayList bodies;
        qint64 batchBytes = 4; // MPUB's body: a count, then each message with its size
        while (bodies.size() < perBatch) {
            qsizetype nl = input.indexOf('\n', noNewlineBefore);
            if (nl < 0 && !(eof && !input.isEmpty())) {
                noNewlineBefore = input.size();
                break;
            }
            if (nl < 0)
                nl = input.size();
            // A line that would take the batch past the server's body limit waits for the next.
            if (!bodies.isEmpty() && batchBytes + 4 + qMin(nl, maxMessage + 1) > maxBatchBytes)
                break;
            noNewlineBefore = 0;
            QByteArray body = input.left(nl);
            input.remove(0, qMin(nl + 1, input.size()));
            ++lineNumber;
            while (body.endsWith('\r'))
                body.chop(1);
            if (jsonl) {
                if (body.trimmed().isEmpty())
                    continue; // a blank line between records is no message
                const auto record = nsq::decodeMessageRecord(body);
                if (!record.ok()) {
                    unreadable << lineNumber;
                    if (firstUnreadable.isEmpty())
                        firstUnreadable = record.error();
                    continue;
                }
                body = record.value().message.body;
            }
            if (body.isEmpty()) {
                ++skipped; // nsqd refuses empty messages
            } else if (body.size() > maxMessage) {
                tooLong << lineNumber; // nsqd would refuse the whole MPUB for it
            } else {
                batchBytes += 4 + body.size();
                bodies << body;
            }
        }
        return bodies;
    };
    auto finishIfDone = [&] {
        if (eof && input.isEmpty() && resend.empty() && producer.pendingCount() == 0)
            QCoreApplication::quit();
    };
    auto publishWhatIsReady = [&] {
        while (firstError.isEmpty() && producer.pendingCount() < 8 && !pace.isActive() &&
               !retry.isActive()) {
            const double now = double(clock.elapsed());
            if (perSecond > 0 && nextDueMs > now) {
                pace.start(int(nextDueMs - now) + 1);
                break;
            }
            QByteArrayList bodies;
            if (!resend.empty()) {
                bodies = std::move(resend.front());
                resend.pop_front();
            } else {
                bodies = takeLines();
                if (bodies.isEmpty())
                    break;
                sent += bodies.size();
            }
            const qsizetype n = bodies.size();
            outstanding.insert(producer.multiPublish(p.value(topic), bodies), std::move(bodies));
            if (perSecond > 0)
                nextDueMs = qMax(nextDueMs, now - kSlackMs) + 1000.0 * double(n) / perSecond;
        }
        if (noNewlineBefore > kMaxLine && firstError.isEmpty())
            inputError = firstError =
                QStringLiteral("a line of input is longer than %1 MiB").arg(kMaxLine >> 20);
        // Read more only while what waits here stays small, or while no line is whole yet.
        const bool lineIncomplete = noNewlineBefore == input.size();
        notifier.setEnabled(!eof && firstError.isEmpty() &&
                            (input.size() < kMaxBuffered || lineIncomplete));
        if (!firstError.isEmpty()) {
            eof = true;
            input.clear();
            resend.clear();
        }
        finishIfDone();
    };
    QObject::connect(&notifier, &QSocketNotifier::activated, &notifier, [&] {
        char chunk[65536];
        const ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
        if (n > 0) {
            input.append(chunk, qsizetype(n));
        } else if (n == 0) {
            eof = true;
        } else if (errno != EINTR && errno != EAGAIN) {
            // Unreadable (a directory, an I/O error) is not the end of the input: what was read
            // still goes out, and the run ends in an error that says so.
            if (inputError.isEmpty())
                inputError = QStringLiteral("cannot read standard input: %1")
                                 .arg(QString::fromLocal8Bit(std::strerror(errno)));
            eof = true;
        }
        publishWhatIsReady();
    });
    QObject::connect(&pace, &QTimer::timeout, &pace, publishWhatIsReady);
    QObject::connect(&retry, &QTimer::timeout, &retry, publishWhatIsReady);
    QObject::connect(
        &producer, &nsq::Producer::finished, &producer,
        [&](quint64 id, const nsq::PublishResult &r) {
            QByteArrayList bodies = outstanding.take(id);
            if (r.ok()) {
                published += bodies.size();
                everPublished = true;
                if (reconnectAttempt > 0)
                    std::fprintf(stderr, "nsq-inspector-cli pub: reconnected, publishing again\n");
                reconnectAttempt = 0;
                failingSince.invalidate();
            } else if (r.status == nsq::PublishResult::Status::IoError && everPublished &&
                       reconnectSeconds > 0 && firstError.isEmpty() &&
                       (!failingSince.isValid() ||
                        failingSince.elapsed() < qint64(reconnectSeconds) * 1000)) {
                if (!failingSince.isValid()) {
                    failingSince.start();
                    warn("pub", r.error + QStringLiteral("; reconnecting, and sending what was "
                                                         "not confirmed again (it may be published "
                                                         "twice)"));
                }
                resend.push_back(std::move(bodies));
                if (!retry.isActive())
                    retry.start(qMin(5000, 100 << qMin(reconnectAttempt++, 6)));
            } else if (firstError.isEmpty()) {
                firstError = r.error;
                if (failingSince.isValid())
                    firstError += QStringLiteral("; gave up reconnecting after %1 s")
                                      .arg(failingSince.elapsed() / 1000);
            }
            publishWhatIsReady();
        });
    QCoreApplication::exec();
    if (skipped > 0)
        std::fprintf(stderr,
                     jsonl ? "nsq-inspector-cli pub: skipped %lld records with an empty body\n"
                           : "nsq-inspector-cli pub: skipped %lld empty lines\n",
                     static_cast<long long>(skipped));
    if (!tooLong.isEmpty()) {
        QStringList numbers;
        for (qint64 n : std::as_const(tooLong).first(qMin<qsizetype>(tooLong.size(), 20)))
            numbers << QString::number(n);
        std::fprintf(stderr,
                     "nsq-inspector-cli pub: %lld lines longer than --max-msg-size (%lld bytes) "
                     "not published: line %s%s\n",
                     static_cast<long long>(tooLong.size()), static_cast<long long>(maxMessage),
                     qPrintable(numbers.join(QStringLiteral(", "))),
                     tooLong.size() > 20 ? ", ..." : "");
    }
    if (!unreadable.isEmpty()) {
        QStringList numbers;
        for (qint64 n : std::as_const(unreadable).first(qMin<qsizetype>(unreadable.size(), 20)))
            numbers << QString::number(n);
        std::fprintf(stderr,
                     "nsq-inspector-cli pub: %lld lines are not message records and were not "
                     "published: line %s%s (first: %s)\n",
                     static_cast<long long>(unreadable.size()),
                     qPrintable(numbers.join(QStringLiteral(", "))),
                     unreadable.size() > 20 ? ", ..." : "",
                     qPrintable(nsq::printable(firstUnreadable)));
    }
    if (!inputError.isEmpty())
        return fail(
            "pub", 1,
            QStringLiteral("%1; stopped reading (%2 published)").arg(inputError).arg(published));
    if (!firstError.isEmpty())
        return fail("pub", 1,
                    QStringLiteral("%1 messages not published: %2 (%3 published; input read "
                                   "up to line %4)")
                        .arg(sent - published)
                        .arg(firstError)
                        .arg(published)
                        .arg(lineNumber));
    std::fprintf(stderr, "nsq-inspector-cli pub: published %lld messages to %s\n",
                 static_cast<long long>(published), qPrintable(p.value(topic)));
    return tooLong.isEmpty() && unreadable.isEmpty() ? 0 : 1;
}

} // namespace nsqcli
