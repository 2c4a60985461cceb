// The real main window (offscreen) against the embedded broker running in another process,
// 100-byte bodies. Prints numbers; asserts nothing.
//   bench_gui [seconds-per-phase (20)] [retention (100000)]
// Phases: Tail at the highest rate the window sustains (shown/s, longest event-loop stall, peak
// RSS, RSS per retained message at the cap); Hold with 2,500 messages in flight and their
// countdowns running (frame intervals, CPU while idle); cold start to the first paint.
#include "mainwindow.h"
#include "models/messagemodel.h"
#include "models/tourmodel.h"
#include "models/tracemodel.h"
#include "payloadview.h"
#include "session/inspectorsession.h"

#include <QApplication>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTimer>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

using namespace nsqui;

namespace {

quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

long peakRssMiB()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024;
}

double rssMiB()
{
    QFile f(QStringLiteral("/proc/self/statm"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> parts = f.readAll().split(' ');
    return parts.size() > 1 ? parts[1].toDouble() * 4096.0 / (1024.0 * 1024.0) : 0;
}

// Runs the event loop until done() (checked every 10 ms) or the time is up; sleeps in between,
// so that the CPU measured is the window's, not this loop's.
bool waitFor(const std::function<bool()> &done, int ms)
{
    QElapsedTimer t;
    t.start();
    QTimer tick;
    tick.start(10);
    while (!done()) {
        if (t.elapsed() > ms)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

// Largest gap between the ticks of a short timer: how long the event loop was busy at a stretch.
// Measured in nanoseconds: whole milliseconds would round a 16.4 ms gap to 17 or 16 by phase.
struct StallProbe
{
    QTimer timer;
    QElapsedTimer clock;
    qint64 last = 0;
    std::vector<qint64> gaps; // ns
    explicit StallProbe(int intervalMs)
    {
        timer.setTimerType(Qt::PreciseTimer);
        timer.setInterval(intervalMs);
        QObject::connect(&timer, &QTimer::timeout, [this] {
            const qint64 now = clock.nsecsElapsed();
            gaps.push_back(now - last);
            last = now;
        });
        clock.start();
        timer.start();
    }
    double longest() const
    {
        return gaps.empty() ? 0 : double(*std::max_element(gaps.begin(), gaps.end())) / 1e6;
    }
    double percentile(double p) const
    {
        if (gaps.empty())
            return 0;
        std::vector<qint64> g = gaps;
        std::sort(g.begin(), g.end());
        return double(g[size_t(double(g.size() - 1) * p)]) / 1e6;
    }
    // Share of gaps longer than limitMs.
    double shareOver(double limitMs) const
    {
        if (gaps.empty())
            return 0;
        const auto n = std::count_if(gaps.begin(), gaps.end(),
                                     [limitMs](qint64 g) { return double(g) / 1e6 > limitMs; });
        return 100.0 * double(n) / double(gaps.size());
    }
};

int run(const QString &cli, const QStringList &args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(cli, args);
    p.waitForFinished(600000);
    return p.exitCode();
}

void post(const QString &url)
{
    QNetworkAccessManager nam;
    QNetworkRequest request{QUrl(url)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("text/plain"));
    QNetworkReply *r = nam.post(request, QByteArray());
    waitFor([r] { return r->isFinished(); }, 10000);
    r->deleteLater();
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int seconds = argc > 1 ? std::atoi(argv[1]) : 20;
    const int retention = argc > 2 ? std::atoi(argv[2]) : 100000;
    if (seconds <= 0 || retention <= 0) {
        std::fprintf(stderr, "usage: bench_gui [seconds-per-phase] [retention]\n");
        return 2;
    }
    const QString cli = QStringLiteral(NSQ_CLI_PATH);
    const quint16 tcpPort = freePort(), httpPort = freePort();
    const QString tcp = QStringLiteral("127.0.0.1:%1").arg(tcpPort);
    const QString http = QStringLiteral("http://127.0.0.1:%1").arg(httpPort);
    QProcess broker;
    broker.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    broker.start(cli, {QStringLiteral("broker"), QStringLiteral("--tcp-address"), tcp,
                       QStringLiteral("--http-address"), http.mid(7),
                       QStringLiteral("--mem-queue-size"), QStringLiteral("20000000")});
    if (!broker.waitForStarted()) {
        std::fprintf(stderr, "bench_gui: broker did not start\n");
        return 1;
    }
    QTcpSocket probe;
    if (!waitFor(
            [&] {
                if (probe.state() == QAbstractSocket::ConnectedState)
                    return true;
                if (probe.state() == QAbstractSocket::UnconnectedState)
                    probe.connectToHost(QHostAddress::LocalHost, tcpPort);
                return false;
            },
            10000)) {
        std::fprintf(stderr, "bench_gui: broker not reachable at %s\n", qPrintable(tcp));
        return 1;
    }
    probe.abort();

    // ---- Tail ----
    const int backlog = std::max(20000, std::min(4000000, seconds * 200000));
    post(http + QStringLiteral("/channel/create?topic=tail&channel=bench"));
    QElapsedTimer fill;
    fill.start();
    run(cli,
        {QStringLiteral("bench"), QStringLiteral("publish"), QStringLiteral("--nsqd-tcp-address"),
         tcp, QStringLiteral("--topic"), QStringLiteral("tail"), QStringLiteral("-n"),
         QString::number(backlog), QStringLiteral("--size"), QStringLiteral("100"),
         QStringLiteral("--batch"), QStringLiteral("200")});
    std::printf("backlog: %d messages of 100 bytes published in %.1f s\n", backlog,
                double(fill.elapsed()) / 1000.0);

    const double rssStart = rssMiB();
    {
        MainWindow w;
        w.model()->setRetention(retention);
        w.show();
        SessionSettings s;
        s.nsqdAddresses = {tcp};
        s.topic = QStringLiteral("tail");
        s.channel = QStringLiteral("bench");
        s.mode = Mode::Tail;
        s.maxInFlight = 2500;
        w.connectTo(s);
        if (!waitFor([&] { return w.receivedCount() > 0; }, 30000)) {
            std::fprintf(stderr, "bench_gui: no message arrived\n");
            return 1;
        }
        StallProbe stalls(5);
        QElapsedTimer t;
        t.start();
        const quint64 first = w.receivedCount();
        const double cpu0 = cpuSeconds();
        double rssAtCap = 0;
        qint64 capAtMs = 0;
        quint64 receivedAtCap = 0;
        waitFor(
            [&] {
                if (rssAtCap == 0 && w.model()->rowCount() >= retention) {
                    rssAtCap = rssMiB();
                    capAtMs = t.elapsed();
                    receivedAtCap = w.receivedCount();
                }
                return w.receivedCount() >= quint64(backlog) || t.elapsed() >= seconds * 1000;
            },
            seconds * 1000 + 60000);
        const double elapsed = double(t.elapsed()) / 1000.0;
        const quint64 shown = w.receivedCount() - first;
        const double cpu = cpuSeconds() - cpu0;
        std::printf("tail: %llu messages shown in %.1f s = %.0f msg/s; %.2f CPU-s per million "
                    "(window process, consumer thread included)\n",
                    static_cast<unsigned long long>(shown), elapsed, double(shown) / elapsed,
                    cpu / (double(shown) / 1e6));
        std::printf("tail: longest event-loop stall %.1f ms (99th percentile %.1f ms)\n",
                    stalls.longest(), stalls.percentile(0.99));
        const double rssEnd = rssMiB();
        if (rssAtCap > 0)
            std::printf(
                "tail: retention cap %d rows reached after %.1f s; RSS %.0f MiB at the cap, "
                "%.0f MiB at the end (%llu more messages later); %.0f bytes per retained "
                "message\n",
                retention, double(capAtMs) / 1000.0, rssAtCap, rssEnd,
                static_cast<unsigned long long>(w.receivedCount() - receivedAtCap),
                (rssAtCap - rssStart) * 1024.0 * 1024.0 / double(retention));
        else
            std::printf("tail: retention cap %d not reached; RSS %.0f MiB\n", retention, rssEnd);
        std::printf("tail: peak RSS %ld MiB; the window held the consumer back %d times\n",
                    peakRssMiB(), w.session()->throttleCount());
        w.session()->stop();
        waitFor([&] { return !w.session()->isActive(); }, 60000);
    }

    // ---- Flood: what the plots and the trace cost at a steady 100,000 msg/s ----
    {
        const int floodSeconds = std::max(2, std::min(10, seconds / 2));
        const int rate = 100000;
        QTemporaryDir dir;
        const QString lines = dir.filePath(QStringLiteral("lines"));
        {
            QFile f(lines);
            f.open(QIODevice::WriteOnly);
            QByteArray line(99, 'x');
            line.append('\n');
            QByteArray chunk;
            for (int i = 0; i < 10000; ++i)
                chunk += line;
            for (int i = 0; i < floodSeconds * rate / 10000 + 10; ++i)
                f.write(chunk);
        }
        struct Variant
        {
            const char *name;
            const char *dock;
            bool trace;
        };
        for (const Variant &v : {Variant{"no dock in view", "logDock", false},
                                 Variant{"plots in view", "plotsDock", false},
                                 Variant{"wire trace on and in view", "traceDock", true}}) {
            MainWindow w;
            w.resize(1280, 800);
            w.show();
            w.findChild<QDockWidget *>(QLatin1String(v.dock))->raise();
            w.session()->setTraceEnabled(v.trace);
            const QString channel = QStringLiteral("flood%1").arg(v.dock);
            SessionSettings s;
            s.nsqdAddresses = {tcp};
            s.topic = QStringLiteral("flood");
            s.channel = channel;
            s.mode = Mode::Tail;
            s.maxInFlight = 2500;
            w.connectTo(s);
            if (!waitFor(
                    [&] {
                        return w.tour()->progress(TourModel::Subscribe).status ==
                               TourModel::Status::Happened;
                    },
                    10000))
                std::fprintf(stderr, "bench_gui: flood: not subscribed\n");
            QProcess pub;
            pub.setStandardInputFile(lines);
            pub.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            pub.setStandardOutputFile(QProcess::nullDevice());
            pub.start(cli, {QStringLiteral("pub"), QStringLiteral("--nsqd-tcp-address"), tcp,
                            QStringLiteral("--topic"), QStringLiteral("flood"),
                            QStringLiteral("--rate"), QString::number(rate)});
            // Settle for a second, then measure.
            waitFor([&] { return w.receivedCount() > quint64(rate); }, 20000);
            StallProbe stalls(5);
            const quint64 first = w.receivedCount();
            const double cpu0 = cpuSeconds();
            QElapsedTimer t;
            t.start();
            waitFor([&] { return t.elapsed() >= floodSeconds * 1000; }, floodSeconds * 1000 + 1000);
            const double elapsed = double(t.elapsed()) / 1000.0;
            const double cpu = cpuSeconds() - cpu0;
            const quint64 shown = w.receivedCount() - first;
            std::printf("flood (%s): %.0f msg/s shown; window process %.1f %% of one core; "
                        "longest stall %.1f ms; %d frames in the trace view, %llu dropped\n",
                        v.name, double(shown) / elapsed, 100.0 * cpu / elapsed, stalls.longest(),
                        w.trace()->rowCount(),
                        static_cast<unsigned long long>(w.trace()->droppedCount()));
            pub.kill();
            pub.waitForFinished(10000);
            w.session()->stop();
            waitFor([&] { return !w.session()->isActive(); }, 60000);
            post(http + QStringLiteral("/channel/delete?topic=flood&channel=") + channel);
        }
    }

    // ---- Hold ----
    {
        // The same probe with no window at all: what a 16 ms timer's intervals look like on this
        // machine by themselves, to compare the window's figures with.
        {
            StallProbe idle(16);
            QElapsedTimer t;
            t.start();
            waitFor([&] { return t.elapsed() >= 5000; }, 6000);
            std::printf("baseline (no window): 16 ms timer intervals longest %.1f ms, 99th "
                        "percentile %.1f ms, %.2f %% over 16 ms\n",
                        idle.longest(), idle.percentile(0.99), idle.shareOver(16.0));
        }
        post(http + QStringLiteral("/channel/create?topic=hold&channel=bench"));
        run(cli, {QStringLiteral("bench"), QStringLiteral("publish"),
                  QStringLiteral("--nsqd-tcp-address"), tcp, QStringLiteral("--topic"),
                  QStringLiteral("hold"), QStringLiteral("-n"), QStringLiteral("3000"),
                  QStringLiteral("--size"), QStringLiteral("100"), QStringLiteral("--batch"),
                  QStringLiteral("200")});
        MainWindow w;
        w.show();
        SessionSettings s;
        s.nsqdAddresses = {tcp};
        s.topic = QStringLiteral("hold");
        s.channel = QStringLiteral("bench");
        s.mode = Mode::Hold;
        s.maxInFlight = 2500;
        s.config.msgTimeout = 15 * 60 * 1000; // the countdowns run, none expires in the phase
        w.connectTo(s);
        if (!waitFor([&] { return w.model()->heldCount() >= 2500; }, 60000)) {
            std::fprintf(stderr, "bench_gui: only %d held\n", w.model()->heldCount());
            return 1;
        }
        // Show the countdown column with rows in view, as a user would look at it.
        w.resize(1280, 800);
        // The table's own repaint, timed: synchronous repaints of the viewport, 4 a second.
        qint64 repaints = 0, longestPaintNs = 0;
        QTimer paintTimer;
        QObject::connect(&paintTimer, &QTimer::timeout, [&] {
            QElapsedTimer p;
            p.start();
            w.table()->viewport()->repaint();
            longestPaintNs = std::max(longestPaintNs, p.nsecsElapsed());
            ++repaints;
        });
        paintTimer.start(250);
        StallProbe frames(16);
        const double cpu0 = cpuSeconds();
        QElapsedTimer t;
        t.start();
        waitFor([&] { return t.elapsed() >= seconds * 1000; }, seconds * 1000 + 1000);
        const double cpu = cpuSeconds() - cpu0;
        std::printf("hold: %d held, countdowns running for %.1f s: frame interval (16 ms timer) "
                    "longest %.1f ms, 99th percentile %.1f ms, %.2f %% over 16 ms; %lld table "
                    "repaints, longest %.1f ms; CPU %.1f %% of one core while idle\n",
                    w.model()->heldCount(), double(t.elapsed()) / 1000.0, frames.longest(),
                    frames.percentile(0.99), frames.shareOver(16.0),
                    static_cast<long long>(repaints), double(longestPaintNs) / 1e6,
                    100.0 * cpu / (double(t.elapsed()) / 1000.0));
        paintTimer.stop();
        w.session()->stop();
        waitFor([&] { return !w.session()->isActive(); }, 60000);
    }
    broker.terminate();
    broker.waitForFinished(10000);

    // ---- A 1 MB body in the payload view ----
    {
        PayloadView view;
        view.resize(1000, 500);
        view.show();
        QCoreApplication::processEvents();
        nsq::Delivery d;
        d.message.id = nsq::MessageId::fromBytes("0123456789abcdef");
        QByteArray body;
        while (body.size() < 1000000)
            body += "{\"user\":\"ada\",\"action\":\"login\",\"n\":12345}\n";
        body.truncate(1000000);
        QByteArray minified = "[";
        while (minified.size() < 999000)
            minified += "{\"user\":\"ada\",\"action\":\"login\",\"n\":12345},";
        minified.chop(1);
        minified += "]"; // valid JSON, one line
        const char *names[] = {"Text", "JSON", "Hex", "Base64", "Metadata"};
        QStringList timings;
        for (int tab = 0; tab < 10; ++tab) {
            d.message.body = tab < 5 ? body : minified; // lines, then one 1 MB line
            view.clear();
            view.tabs()->setCurrentIndex(tab % 5);
            QElapsedTimer t;
            t.start();
            view.showDelivery(d, QStringLiteral("in flight"));
            view.repaint();
            QCoreApplication::processEvents();
            timings << QStringLiteral("%1%2 %3 ms")
                           .arg(QLatin1String(names[tab % 5]),
                                tab < 5 ? QString() : QStringLiteral(" (one line)"))
                           .arg(t.elapsed());
        }
        std::printf("payload: a 1 MB body shown in: %s\n",
                    qPrintable(timings.join(QStringLiteral(", "))));
    }

    // ---- Cold start ----
    std::vector<qint64> starts, inProcess;
    for (int i = 0; i < 3; ++i) {
        QProcess gui;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("NSQ_INSPECTOR_FIRST_PAINT_EXIT"), QStringLiteral("1"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        gui.setProcessEnvironment(env);
        QElapsedTimer t;
        t.start();
        gui.start(QStringLiteral(NSQ_GUI_PATH), {QStringLiteral("--demo")});
        gui.waitForFinished(30000);
        const qint64 wall = t.elapsed();
        const QByteArray out = gui.readAllStandardOutput();
        const qsizetype at = out.indexOf("first-paint-ms ");
        if (at >= 0)
            inProcess.push_back(out.mid(at + 15).trimmed().toLongLong());
        starts.push_back(wall);
    }
    std::sort(starts.begin(), starts.end());
    std::sort(inProcess.begin(), inProcess.end());
    std::printf("cold start to first paint (demo mode, offscreen): median %lld ms from exec "
                "(%lld ms from main)\n",
                static_cast<long long>(starts[starts.size() / 2]),
                static_cast<long long>(inProcess.empty() ? -1 : inProcess[inProcess.size() / 2]));
    return 0;
}
