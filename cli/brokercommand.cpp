#include "clicommands.h"
#include "cliutil.h"

#include <broker/broker.h>
#include <broker/demotraffic.h>
#include <broker/lookupd.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>
#include <cstdio>
#include <limits>
#include <sys/resource.h>

namespace nsqcli {

namespace {

// "host:port" into an address to listen on; port 0 picks a free one.
QString parseListen(const QString &option, const QString &text, QHostAddress *address,
                    quint16 *port)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon < 0)
        return QStringLiteral("--%1: '%2' is not host:port").arg(option, text);
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    if (host.isEmpty() || host == QLatin1String("localhost"))
        host = QStringLiteral("127.0.0.1");
    bool ok = false;
    const uint p = text.mid(colon + 1).toUInt(&ok);
    if (!ok || p > 65535)
        return QStringLiteral("--%1: '%2' has no valid port (0-65535)").arg(option, text);
    if (!address->setAddress(host))
        return QStringLiteral("--%1: '%2' is not an IP address to listen on").arg(option, host);
    *port = quint16(p);
    return {};
}

// "512MiB", "2G", "1000000" (bytes): a size with an optional binary unit; -1 when unreadable.
qint64 parseSize(QString text)
{
    text = text.trimmed();
    static const std::pair<const char *, int> units[] = {
        {"KiB", 10}, {"MiB", 20}, {"GiB", 30}, {"KB", 10}, {"MB", 20},
        {"GB", 30},  {"K", 10},   {"M", 20},   {"G", 30},  {"B", 0}};
    int shift = 0;
    for (const auto &[suffix, bits] : units)
        if (text.endsWith(QLatin1String(suffix), Qt::CaseInsensitive)) {
            text.chop(qsizetype(qstrlen(suffix)));
            shift = bits;
            break;
        }
    bool ok = false;
    const qint64 n = text.trimmed().toLongLong(&ok);
    if (!ok || n < 0 || n > (std::numeric_limits<qint64>::max() >> shift))
        return -1;
    return n << shift;
}

} // namespace

int runBroker(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Run the embedded NSQ-compatible broker until Ctrl-C.\n\n"
        "It speaks nsqd's TCP protocol and HTTP API (and nsqlookupd's, with\n"
        "--lookupd-http-address), but keeps everything in memory: messages are gone when it\n"
        "stops, and a topic holding --mem-queue-size messages refuses publishes (nsqd would\n"
        "spill to disk). AUTH is one shared secret (nsqd asks an auth server)."));
    parser.addHelpOption();
    const QCommandLineOption tcp(QStringLiteral("tcp-address"),
                                 QStringLiteral("TCP address to listen on."),
                                 QStringLiteral("host:port"), QStringLiteral("127.0.0.1:4150"));
    const QCommandLineOption http(QStringLiteral("http-address"),
                                  QStringLiteral("HTTP address to listen on."),
                                  QStringLiteral("host:port"), QStringLiteral("127.0.0.1:4151"));
    const QCommandLineOption lookupd(
        QStringLiteral("lookupd-http-address"),
        QStringLiteral("Also serve the nsqlookupd HTTP API on this address."),
        QStringLiteral("host:port"));
    const QCommandLineOption demo(
        QStringLiteral("demo-rate"),
        QStringLiteral("Publish demo traffic at this many messages per second."),
        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption memQueue(
        QStringLiteral("mem-queue-size"),
        QStringLiteral("Messages held in memory per topic and per channel."), QStringLiteral("N"),
        QStringLiteral("100000"));
    const QCommandLineOption maxMemory(
        QStringLiteral("max-memory"),
        QStringLiteral("Bytes of messages held in all topics and channels (a message once, "
                       "however many channels hold it); past it, publishes are refused. Units "
                       "KiB, MiB, GiB; 0: no bound."),
        QStringLiteral("size"), QStringLiteral("1GiB"));
    const QCommandLineOption tlsCert(QStringLiteral("tls-cert"),
                                     QStringLiteral("PEM certificate: offer TLS in IDENTIFY."),
                                     QStringLiteral("file"));
    const QCommandLineOption tlsKey(QStringLiteral("tls-key"),
                                    QStringLiteral("Unencrypted PEM key of --tls-cert."),
                                    QStringLiteral("file"));
    const QCommandLineOption authSecret(
        QStringLiteral("auth-secret"),
        QStringLiteral("Require AUTH with this secret before SUB and PUB (visible to other "
                       "local users in the process list; the environment variable "
                       "NSQ_BROKER_AUTH_SECRET is not)."),
        QStringLiteral("secret"));
    const QCommandLineOption inflateRatio(
        QStringLiteral("max-inflate-ratio"),
        QStringLiteral("A client's compressed stream may inflate to at most N times its size "
                       "(counted past 4 MiB); beyond, E_BAD_BODY and the connection closes."),
        QStringLiteral("N"), QStringLiteral("250"));
    const QCommandLineOption broadcast(
        QStringLiteral("broadcast-address"),
        QStringLiteral("Address given to consumers by the lookupd role and /info (default: the "
                       "--tcp-address host, or this host's name when it listens on 0.0.0.0)."),
        QStringLiteral("host"));
    parser.addOptions({tcp, http, lookupd, demo, memQueue, maxMemory, tlsCert, tlsKey, authSecret,
                       inflateRatio, broadcast});
    if (!parser.parse(arguments))
        return fail("broker", 2, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        std::printf("%s", qPrintable(parser.helpText()));
        return 0;
    }
    if (!parser.positionalArguments().isEmpty())
        return fail(
            "broker", 2,
            QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));

    nsq::BrokerConfig config;
    QString error = parseListen(QStringLiteral("tcp-address"), parser.value(tcp),
                                &config.tcpAddress, &config.tcpPort);
    if (error.isEmpty())
        error = parseListen(QStringLiteral("http-address"), parser.value(http), &config.httpAddress,
                            &config.httpPort);
    QHostAddress lookupAddress;
    quint16 lookupPort = 0;
    if (error.isEmpty() && parser.isSet(lookupd))
        error = parseListen(QStringLiteral("lookupd-http-address"), parser.value(lookupd),
                            &lookupAddress, &lookupPort);
    bool rateOk = false;
    const int rate = parser.value(demo).toInt(&rateOk);
    if (error.isEmpty() && (!rateOk || rate < 0 || rate > 1000000))
        error = QStringLiteral("--demo-rate: '%1' is not a rate from 0 to 1000000")
                    .arg(parser.value(demo));
    const qint64 memQueueSize = parser.value(memQueue).toLongLong(&rateOk);
    if (error.isEmpty() && (!rateOk || memQueueSize < 1))
        error = QStringLiteral("--mem-queue-size: '%1' is not a positive number")
                    .arg(parser.value(memQueue));
    config.maxTopicMessages = memQueueSize;
    config.maxMemoryBytes = parseSize(parser.value(maxMemory));
    if (error.isEmpty() && config.maxMemoryBytes < 0)
        error = QStringLiteral("--max-memory: '%1' is not a size (512MiB, 2GiB, or bytes)")
                    .arg(parser.value(maxMemory));
    const qint64 ratio = parser.value(inflateRatio).toLongLong(&rateOk);
    if (error.isEmpty() && (!rateOk || ratio < 2 || ratio > 1000000))
        error = QStringLiteral("--max-inflate-ratio: '%1' is not a number from 2 to 1000000")
                    .arg(parser.value(inflateRatio));
    config.maxInflateRatio = ratio;
    config.broadcastAddress = parser.value(broadcast).trimmed();
    if (error.isEmpty() && parser.isSet(broadcast) &&
        (config.broadcastAddress.isEmpty() || config.broadcastAddress.contains(QLatin1Char(' '))))
        error = QStringLiteral("--broadcast-address: '%1' is not a host name or address")
                    .arg(parser.value(broadcast));
    if (error.isEmpty() && parser.isSet(tlsCert) != parser.isSet(tlsKey))
        error = QStringLiteral("--tls-cert and --tls-key go together");
    config.tlsCertFile = parser.value(tlsCert);
    config.tlsKeyFile = parser.value(tlsKey);
    config.authSecret = parser.isSet(authSecret) ? parser.value(authSecret)
                                                 : qEnvironmentVariable("NSQ_BROKER_AUTH_SECRET");
    if (error.isEmpty() && parser.isSet(authSecret) && config.authSecret.isEmpty())
        error = QStringLiteral("--auth-secret: the secret is empty");
    if (!error.isEmpty())
        return fail("broker", 2, error);

    // As nsqd (Go) does: as many file descriptors as allowed, for clients.
    rlimit files{};
    if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        setrlimit(RLIMIT_NOFILE, &files);
    }
    nsq::Broker broker(config);
    error = broker.start();
    if (!error.isEmpty())
        return fail("broker", 1, error);
    std::printf("nsq-inspector broker %s (NSQ %s protocol)\n", NSQ_INSPECTOR_VERSION,
                qPrintable(config.version));
    std::printf("TCP:  %s:%u\n", qPrintable(config.tcpAddress.toString()), broker.tcpPort());
    std::printf("HTTP: %s:%u\n", qPrintable(config.httpAddress.toString()), broker.httpPort());
    if (broker.tlsAvailable())
        std::printf("TLS:  offered (%s)\n", qPrintable(config.tlsCertFile));
    if (!config.authSecret.isEmpty())
        std::printf("AUTH: required (shared secret, identity '%s')\n",
                    qPrintable(config.authIdentity));

    nsq::Lookupd lookup;
    if (parser.isSet(lookupd)) {
        lookup.addBroker(&broker);
        if (lookup.listen(lookupAddress, lookupPort) == 0)
            return fail("broker", 1, lookup.errorString());
        std::printf("lookupd HTTP: %s:%u\n", qPrintable(lookupAddress.toString()),
                    lookup.httpPort());
    }
    nsq::DemoTraffic traffic(&broker, rate);
    if (rate > 0) {
        traffic.start();
        std::printf("demo traffic: %d msg/s to %s\n", rate,
                    qPrintable(nsq::DemoTraffic::topics().join(QLatin1String(", "))));
    }
    std::printf("Ctrl-C to stop\n");
    std::fflush(stdout);

    quitOnSignals();
    QCoreApplication::exec();
    std::printf("stopped (%llu demo messages published)\n",
                static_cast<unsigned long long>(traffic.published()));
    return 0;
}

} // namespace nsqcli
