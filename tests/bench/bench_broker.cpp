// Delivery rate of the embedded broker to one consumer: N messages of 100 bytes, RDY 2500, FINs
// batched per read. The broker runs in its own thread; the reader is a bare FrameDecoder loop, so
// the figure is the broker's. Prints numbers; asserts nothing.
#include <broker/broker.h>
#include <protocol/commands.h>
#include <protocol/framedecoder.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTcpSocket>
#include <QThread>

#include <pthread.h>
#include <sys/resource.h>
#include <time.h>

#include <cstdio>
#include <cstdlib>

using namespace nsq;

namespace {

double threadCpuSeconds(clockid_t clock)
{
    timespec ts{};
    clock_gettime(clock, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? std::atoi(argv[1]) : 1000000;
    if (count <= 0) {
        std::fprintf(stderr, "usage: bench_broker [message-count]\n");
        return 2;
    }

    QThread brokerThread;
    BrokerConfig cfg;
    cfg.maxTopicMessages = qint64(count) + 1;
    auto *broker = new Broker(cfg);
    broker->moveToThread(&brokerThread);
    brokerThread.start();
    quint16 port = 0;
    clockid_t brokerClock{};
    QMetaObject::invokeMethod(
        broker,
        [&] {
            broker->start();
            port = broker->tcpPort();
            pthread_getcpuclockid(pthread_self(), &brokerClock);
            QByteArrayList batch;
            for (int i = 0; i < 1000; ++i)
                batch << QByteArray(100, 'b');
            for (int sent = 0; sent < count; sent += int(batch.size())) {
                if (count - sent < batch.size())
                    batch = batch.mid(0, count - sent);
                broker->publish(QStringLiteral("bench"), batch);
            }
        },
        Qt::BlockingQueuedConnection);

    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!socket.waitForConnected(10000)) {
        std::fprintf(stderr, "bench_broker: cannot connect: %s\n",
                     qPrintable(socket.errorString()));
        return 1;
    }
    FrameDecoder decoder;
    QByteArray out = cmd::magic() + cmd::sub("bench", "c") + cmd::rdy(2500);
    socket.write(out);
    out.clear();

    int received = 0;
    QElapsedTimer wall;
    const double brokerCpuStart = threadCpuSeconds(brokerClock);
    rusage before{};
    getrusage(RUSAGE_SELF, &before);
    wall.start();
    while (received < count && socket.waitForReadyRead(10000)) {
        decoder.feed(socket.readAll());
        while (decoder.next() == FrameDecoder::Status::FrameReady) {
            const FrameView &f = decoder.frame();
            if (f.type != FrameType::Message)
                continue;
            cmd::appendFin(out, MessageId::fromBytes(f.data.sliced(10, MessageId::Size)));
            ++received;
        }
        if (!out.isEmpty()) {
            socket.write(out);
            out.clear();
        }
    }
    const double seconds = wall.nsecsElapsed() / 1e9;
    const double brokerCpu = threadCpuSeconds(brokerClock) - brokerCpuStart;
    rusage after{};
    getrusage(RUSAGE_SELF, &after);
    const auto cpu = [](const rusage &r) {
        return double(r.ru_utime.tv_sec + r.ru_stime.tv_sec) +
               double(r.ru_utime.tv_usec + r.ru_stime.tv_usec) / 1e6;
    };
    const double totalCpu = cpu(after) - cpu(before);
    std::printf("broker delivery: %d messages of 100 bytes in %.3f s = %.0f msg/s\n", received,
                seconds, received / seconds);
    std::printf("broker thread CPU: %.2f s (%.0f%% of wall) = %.2f CPU-s per million messages\n",
                brokerCpu, 100.0 * brokerCpu / seconds, brokerCpu * 1e6 / qMax(1, received));
    std::printf("whole process CPU: %.2f s; peak RSS %ld MiB\n", totalCpu, after.ru_maxrss / 1024);

    QMetaObject::invokeMethod(
        broker, [broker] { delete broker; }, Qt::BlockingQueuedConnection);
    brokerThread.quit();
    brokerThread.wait();
    return received == count ? 0 : 1;
}
