#include "mainwindow.h"

#include "language.h"
#include "models/messagemodel.h"
#include "session/inspectorsession.h"
#include "session/profilestore.h"
#include "session/sessionsettings.h"
#include "theme.h"
#include "versions.h"

#include "screenshottour.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QScreen>
#include <QTimer>

#include <QSocketNotifier>

#include <QFile>
#include <csignal>

#include <cstdio>
#include <cstring>
#include <unistd.h>

namespace {

// Parsed before QApplication exists, so that a wrong flag is answered on stderr (exit 2) before
// any window, and without a display.
struct Startup
{
    bool demo = false;
    bool connect = false;
    QString profile;
    QString traceFile;
    nsqui::SessionSettings settings;
};

int parse(const QStringList &args, Startup *out)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Look inside NSQ: messages, frames and counts."));
    p.addHelpOption();
    p.addOption({QStringList{QStringLiteral("v"), QStringLiteral("version")},
                 QStringLiteral("Print the version and exit.")});
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QStringLiteral("Start the embedded broker with demo traffic."));
    const QCommandLineOption nsqd(QStringLiteral("nsqd-tcp-address"),
                                  QStringLiteral("nsqd TCP address (repeatable)."),
                                  QStringLiteral("host:port"));
    const QCommandLineOption lookupd(QStringLiteral("lookupd-http-address"),
                                     QStringLiteral("nsqlookupd HTTP address (repeatable)."),
                                     QStringLiteral("host:port"));
    const QCommandLineOption nsqdHttp(
        QStringLiteral("nsqd-http-address"),
        QStringLiteral("nsqd HTTP address for the checks before subscribing (repeatable; "
                       "default: each TCP port + 1)."),
        QStringLiteral("host:port"));
    const QCommandLineOption topic(QStringLiteral("topic"), QStringLiteral("Topic."),
                                   QStringLiteral("name"));
    const QCommandLineOption channel(QStringLiteral("channel"),
                                     QStringLiteral("Channel (default: a fresh ephemeral one)."),
                                     QStringLiteral("name"));
    const QCommandLineOption mode(QStringLiteral("mode"),
                                  QStringLiteral("hold (default), tail or peek."),
                                  QStringLiteral("mode"), QStringLiteral("hold"));
    const QCommandLineOption maxInFlight(QStringLiteral("max-in-flight"),
                                         QStringLiteral("Messages in flight at once (default 25)."),
                                         QStringLiteral("N"), QStringLiteral("25"));
    const QCommandLineOption profile(QStringLiteral("profile"),
                                     QStringLiteral("Connect with a saved profile (the other "
                                                    "options override its values)."),
                                     QStringLiteral("name"));
    const QCommandLineOption traceFile(
        QStringLiteral("trace-file"),
        QStringLiteral("Write every frame of the session to FILE as it happens, one JSON object "
                       "a line (time, conn, dir, summary, hex). The file is emptied first."),
        QStringLiteral("FILE"));
    p.addOptions(
        {demo, nsqd, lookupd, nsqdHttp, topic, channel, mode, maxInFlight, profile, traceFile});
    const auto fail = [](const QString &why) {
        std::fprintf(stderr, "nsq-inspector: %s\n", qPrintable(why));
        return 2;
    };
    if (!p.parse(args))
        return fail(p.errorText());
    if (p.isSet(QStringLiteral("help"))) {
        // Before QApplication the parser does not know the program's name.
        std::printf("%s", qPrintable(p.helpText().replace(QLatin1String("<executable_name>"),
                                                          QLatin1String("nsq-inspector"))));
        return 0;
    }
    if (!p.positionalArguments().isEmpty())
        return fail(
            QStringLiteral("unexpected argument '%1'").arg(p.positionalArguments().first()));
    if (p.isSet(traceFile)) {
        out->traceFile = p.value(traceFile);
        QFile f(out->traceFile);
        if (out->traceFile.isEmpty() || !f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return fail(QStringLiteral("--trace-file: cannot write '%1': %2")
                            .arg(out->traceFile, f.errorString()));
    }
    out->demo = p.isSet(demo);
    out->connect = p.isSet(nsqd) || p.isSet(lookupd) || p.isSet(profile);
    if (out->demo && out->connect)
        return fail(QStringLiteral("--demo cannot be combined with server addresses or a profile"));
    nsqui::SessionSettings &s = out->settings;
    if (p.isSet(profile)) {
        out->profile = p.value(profile);
        if (!nsqui::ProfileStore::contains(out->profile)) {
            const QStringList names = nsqui::ProfileStore::names();
            return fail(QStringLiteral("--profile: no profile named '%1' (saved: %2)")
                            .arg(out->profile, names.isEmpty() ? QStringLiteral("none")
                                                               : names.join(QStringLiteral(", "))));
        }
        s = nsqui::ProfileStore::load(out->profile);
    }
    if (!out->connect) {
        for (const QCommandLineOption *o : {&topic, &channel, &mode, &maxInFlight, &nsqdHttp})
            if (p.isSet(*o))
                return fail(QStringLiteral("--%1 needs --nsqd-tcp-address or "
                                           "--lookupd-http-address")
                                .arg(o->names().first()));
        return -1;
    }
    if (p.isSet(nsqd) || p.isSet(lookupd)) {
        s.nsqdAddresses = p.values(nsqd);
        s.lookupdAddresses = p.values(lookupd);
    }
    if (p.isSet(nsqdHttp))
        s.nsqdHttpAddresses = p.values(nsqdHttp);
    if (p.isSet(topic))
        s.topic = p.value(topic);
    if (p.isSet(channel))
        s.channel = p.value(channel);
    if ((p.isSet(mode) || out->profile.isEmpty()) && !nsqui::modeFromName(p.value(mode), &s.mode))
        return fail(QStringLiteral("--mode: '%1' is not hold, tail or peek").arg(p.value(mode)));
    if (p.isSet(maxInFlight) || out->profile.isEmpty()) {
        bool ok = false;
        s.maxInFlight = p.value(maxInFlight).toInt(&ok);
        if (!ok)
            return fail(
                QStringLiteral("--max-in-flight: '%1' is not a number").arg(p.value(maxInFlight)));
    }
    if (s.topic.isEmpty())
        return fail(QStringLiteral("--topic is required with a server address"));
    const QStringList problems = s.validate();
    if (!problems.isEmpty())
        return fail(problems.join(QStringLiteral("; ")));
    return -1;
}

} // namespace

// For bench_gui: with NSQ_INSPECTOR_FIRST_PAINT_EXIT set, print how long the first paint took
// from main() and exit.
class FirstPaintReporter : public QObject
{
public:
    explicit FirstPaintReporter(const QElapsedTimer &clock) : m_clock(clock) {}
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_done) {
            m_done = true;
            QTimer::singleShot(0, qApp, [this] {
                std::printf("first-paint-ms %lld\n", static_cast<long long>(m_clock.elapsed()));
                std::fflush(stdout);
                QCoreApplication::exit(0);
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QElapsedTimer m_clock;
    bool m_done = false;
};

// SIGINT / SIGTERM (Ctrl+C in the terminal, a logout) close the window as its close button
// does, so that held messages go back to the channel instead of waiting for their msg_timeout.
static int g_signalPipe[2] = {-1, -1};

static void onTerminationSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t n = ::write(g_signalPipe[1], &byte, 1);
}

static void closeOnTerminationSignals(nsqui::MainWindow *window)
{
    if (::pipe(g_signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, window);
    QObject::connect(notifier, &QSocketNotifier::activated, window, [window] {
        char byte;
        [[maybe_unused]] const ssize_t n = ::read(g_signalPipe[0], &byte, 1);
        window->closeRequeueingHeld(); // nobody is there to ask
    });
    struct sigaction action = {};
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

int main(int argc, char *argv[])
{
    QElapsedTimer sinceMain;
    sinceMain.start();
    QStringList args;
    for (int i = 0; i < argc; ++i) {
        if (std::strcmp(argv[i], "--version") == 0 || std::strcmp(argv[i], "-v") == 0) {
            for (const QString &line : nsqui::versionLines())
                std::printf("%s\n", qPrintable(line));
            return 0;
        }
        args << QString::fromLocal8Bit(argv[i]);
    }
    // Before QApplication: QSettings (profiles) needs the names, and a wrong flag is answered
    // without a display.
    QCoreApplication::setApplicationName(QStringLiteral("nsq-inspector"));
    QCoreApplication::setOrganizationName(QStringLiteral("nsq-inspector"));
    Startup startup;
    const int early = parse(args, &startup);
    if (early >= 0)
        return early;

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("nsq-inspector"));
    QApplication::setOrganizationName(QStringLiteral("nsq-inspector"));
    QApplication::setApplicationVersion(QStringLiteral(NSQ_INSPECTOR_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("nsq-inspector"));

    FirstPaintReporter reporter(sinceMain);
    if (qEnvironmentVariableIsSet("NSQ_INSPECTOR_FIRST_PAINT_EXIT"))
        app.installEventFilter(&reporter);
    // The window is built in English and then switched, as the View menu does: every widget then
    // remembers its English, so switching back later is exact (two English texts can share one
    // translation).
    nsqui::Language::apply(QStringLiteral("en"));
    if (!nsqui::Theme::saved().isEmpty())
        nsqui::Theme::apply(nsqui::Theme::saved());
    nsqui::MainWindow window;
    window.setLanguage(nsqui::Language::saved());
    if (!startup.traceFile.isEmpty()) {
        const QString error = window.session()->setTraceFile(startup.traceFile);
        if (!error.isEmpty()) {
            std::fprintf(stderr, "nsq-inspector: --trace-file: cannot write '%s': %s\n",
                         qPrintable(startup.traceFile), qPrintable(error));
            return 2;
        }
    }
    window.show();
    closeOnTerminationSignals(&window);
    if (startup.connect)
        window.connectWithProfile(startup.profile, startup.settings);
    else if (startup.demo || !window.loadLastProfile())
        window.startDemo(); // no server named: show how it works with the embedded one
    // (else the last profile waits in the form for Connect: nothing is held unasked)

    // tools/screenshots.sh: the README's pictures, made by the app itself.
    if (qEnvironmentVariableIsSet("NSQ_INSPECTOR_SCREENSHOTS"))
        new ScreenshotTour(&window, qEnvironmentVariable("NSQ_INSPECTOR_SCREENSHOTS"));

    // For the window tests: with NSQ_INSPECTOR_DEMO_REPORT set, say when messages are held (demo
    // mode working end to end) and exit.
    QTimer demoReport;
    if (qEnvironmentVariableIsSet("NSQ_INSPECTOR_DEMO_REPORT")) {
        QElapsedTimer waited;
        waited.start();
        QObject::connect(&demoReport, &QTimer::timeout, &app, [&window, waited] {
            if (window.model()->heldCount() > 0) {
                std::printf("demo: messages held %d (language %s)\n", window.model()->heldCount(),
                            qPrintable(nsqui::Language::current()));
                // tools/check-package.sh: what the installed app really loaded.
                QFile maps(QStringLiteral("/proc/self/maps"));
                if (qgetenv("NSQ_INSPECTOR_DEMO_REPORT") == "maps" &&
                    maps.open(QIODevice::ReadOnly))
                    std::printf("%s", maps.readAll().constData());
                std::fflush(stdout);
                QCoreApplication::exit(0);
            } else if (waited.elapsed() > 30000) {
                std::printf("demo: nothing held after 30 s\n");
                QCoreApplication::exit(1);
            }
        });
        demoReport.start(50);
    }
    return app.exec();
}
