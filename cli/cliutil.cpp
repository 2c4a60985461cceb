#include "cliutil.h"

#include <protocol/printable.h>

#include <client/address.h>
#include <client/config.h>

#include <QCoreApplication>
#include <QFile>
#include <QTimer>

#include <sys/resource.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <poll.h>
#include <unistd.h>

namespace nsqcli {

namespace {
std::atomic<int> g_signal{0};
std::atomic<int> g_signals{0}; // how many came, ever
std::function<void()> g_onStop;

void handleSignal(int s)
{
    // The first asks for a clean stop; a second one ends the program at once, even if the
    // clean stop is stuck (a write to a pipe nobody reads).
    if (g_signals.fetch_add(1) > 0)
        _exit(128 + s);
    g_signal = s;
}
} // namespace

int outputFailure(const char *command, int writeErrno)
{
    errno = 0;
    if (writeErrno == 0 && std::fflush(stdout) == 0 && !std::ferror(stdout))
        return -1;
    const int e = writeErrno != 0 ? writeErrno : (errno != 0 ? errno : EIO);
    if (e == EPIPE)
        return 0; // the reader had enough: nothing to say
    return fail(
        command, 1,
        QStringLiteral("cannot write output: %1").arg(QString::fromLocal8Bit(std::strerror(e))));
}

void warn(const char *command, const QString &text)
{
    // Addresses, names and errors often come from servers: no escape sequence gets through.
    std::fprintf(stderr, "nsq-inspector-cli %s: %s\n", command, qPrintable(nsq::printable(text)));
}

int fail(const char *command, int code, const QString &text)
{
    warn(command, text);
    return code;
}

bool parseOrExit(QCommandLineParser &parser, const QStringList &arguments, const char *command,
                 int *exitCode)
{
    parser.addHelpOption();
    if (!parser.parse(arguments)) {
        *exitCode = fail(command, 2, parser.errorText());
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::printf("%s", qPrintable(parser.helpText()));
        *exitCode = 0;
        return false;
    }
    if (!parser.positionalArguments().isEmpty()) {
        *exitCode = fail(
            command, 2,
            QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));
        return false;
    }
    return true;
}

QString checkAddresses(const QString &option, const QStringList &addresses)
{
    for (const QString &a : addresses) {
        QString host;
        quint16 port = 0;
        const QString error = nsq::parseHostPort(a, &host, &port);
        if (!error.isEmpty())
            return QStringLiteral("--%1: %2").arg(option, error);
    }
    return {};
}

QString applyOptions(const QString &flag, const QStringList &options, nsq::Config *config)
{
    for (const QString &o : options) {
        const qsizetype eq = o.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return QStringLiteral("--%1: '%2' is not name=value").arg(flag, o);
        const QString name = o.left(eq);
        QString value = o.mid(eq + 1);
        // A secret on the command line is visible to every local user (ps): it can come from a
        // file (@FILE, its first line) or an environment variable (env:NAME) instead.
        if (name == QLatin1String("auth_secret")) {
            if (value.startsWith(QLatin1Char('@'))) {
                QFile f(value.mid(1));
                if (!f.open(QIODevice::ReadOnly))
                    return QStringLiteral("--%1: auth_secret: cannot read '%2': %3")
                        .arg(flag, value.mid(1), f.errorString());
                value = QString::fromUtf8(f.readLine(64 * 1024)).trimmed();
            } else if (value.startsWith(QLatin1String("env:"))) {
                const QByteArray var = value.mid(4).toLocal8Bit();
                if (!qEnvironmentVariableIsSet(var.constData()))
                    return QStringLiteral("--%1: auth_secret: the environment variable %2 is "
                                          "not set")
                        .arg(flag, value.mid(4));
                value = qEnvironmentVariable(var.constData());
            }
            if (value.isEmpty())
                return QStringLiteral("--%1: auth_secret is empty").arg(flag);
        }
        const QString error = config->set(name, value);
        if (!error.isEmpty())
            return QStringLiteral("--%1: %2").arg(flag, error);
    }
    const QStringList problems = config->validate();
    if (!problems.isEmpty())
        return QStringLiteral("--%1: %2").arg(flag, problems.join(QLatin1String("; ")));
    return {};
}

int writeOutput(const char *bytes, qsizetype size)
{
    while (size > 0) {
        // Waits in short slices so that a signal is seen; a pipe with room takes 4 KiB at once.
        if (g_signals.load() > 0)
            return ECANCELED;
        pollfd out{STDOUT_FILENO, POLLOUT, 0};
        const int ready = ::poll(&out, 1, 50);
        if (ready < 0 && errno != EINTR)
            return errno;
        if (ready <= 0)
            continue;
        if ((out.revents & (POLLERR | POLLNVAL)) != 0 && (out.revents & POLLOUT) == 0)
            return (out.revents & POLLNVAL) != 0 ? EBADF : EPIPE;
        const ssize_t n = ::write(STDOUT_FILENO, bytes, size_t(qMin<qsizetype>(size, 4096)));
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN)
                continue;
            return errno;
        }
        bytes += n;
        size -= n;
    }
    return 0;
}

void quitOnSignals()
{
    std::signal(SIGINT, handleSignal);
    std::signal(SIGTERM, handleSignal);
    std::signal(SIGPIPE, SIG_IGN); // a closed pipe shows up as a write error instead
    auto *poll = new QTimer(QCoreApplication::instance());
    QObject::connect(poll, &QTimer::timeout, [] {
        if (g_signal == 0)
            return;
        g_signal = 0;
        if (g_onStop)
            g_onStop();
        else
            QCoreApplication::quit();
    });
    poll->start(50);
}

void onStopRequested(std::function<void()> callback)
{
    g_onStop = std::move(callback);
}

double cpuSeconds()
{
    rusage r{};
    getrusage(RUSAGE_SELF, &r);
    return double(r.ru_utime.tv_sec + r.ru_stime.tv_sec) +
           double(r.ru_utime.tv_usec + r.ru_stime.tv_usec) / 1e6;
}

long peakRssKiB()
{
    rusage r{};
    getrusage(RUSAGE_SELF, &r);
    return r.ru_maxrss;
}

} // namespace nsqcli
