#include "trace.h"

#include "consumer.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTimer>

namespace nsq {

namespace {
// Files are read by other people's tools, in other time zones: UTC ISO-8601 with milliseconds.
QString isoUtc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}
} // namespace

QByteArray traceJsonLine(const QString &address, const TraceRecord &record)
{
    QJsonObject o;
    o.insert(QLatin1String("time"), isoUtc(record.timestampMs));
    o.insert(QLatin1String("conn"), address);
    o.insert(QLatin1String("dir"), record.direction == TraceRecord::Direction::Sent
                                       ? QLatin1String("sent")
                                       : QLatin1String("received"));
    o.insert(QLatin1String("summary"), record.summary);
    o.insert(QLatin1String("hex"), QString::fromLatin1(record.raw.toHex()));
    QByteArray line = QJsonDocument(o).toJson(QJsonDocument::Compact);
    line.append('\n');
    return line;
}

TraceBatcher::TraceBatcher(Consumer *consumer, int intervalMs, qsizetype keep)
    : QObject(consumer), m_timer(new QTimer(this)), m_keep(qMax<qsizetype>(1, keep))
{
    qRegisterMetaType<QList<nsq::TraceEntry>>();
    m_timer->setSingleShot(true);
    m_timer->setInterval(intervalMs);
    connect(m_timer, &QTimer::timeout, this, &TraceBatcher::flush);
    connect(consumer, &Consumer::frameTraced, this,
            [this](const QString &address, const TraceRecord &record) {
                if (!m_collecting)
                    return;
                if (m_pending.size() >= m_keep) {
                    // A flood: keep the newest, count the rest, in bulk.
                    const qsizetype n = m_pending.size() / 2;
                    m_pending.remove(0, n);
                    m_dropped += n;
                }
                m_pending.append(TraceEntry{address, record});
                if (!m_timer->isActive())
                    m_timer->start();
            });
    connect(consumer, &Consumer::stopped, this, &TraceBatcher::flush); // the CLS goes out too
}

void TraceBatcher::setCollecting(bool on)
{
    m_collecting = on;
    if (!on) {
        m_pending.clear();
        m_dropped = 0;
    }
}

void TraceBatcher::flush()
{
    m_timer->stop();
    if (m_pending.isEmpty() && m_dropped == 0)
        return;
    Q_EMIT framesReady(std::exchange(m_pending, {}), std::exchange(m_dropped, 0));
}

// Formats and writes traced frames in a thread of its own, so that a slow disk never stalls the
// consumer's thread (which answers heartbeats). Lives in TraceFileWriter's I/O thread.
class TraceFileSink : public QObject
{
public:
    TraceFileSink(QFile *file, std::shared_ptr<std::atomic<qint64>> backlog)
        : m_file(file), m_backlog(std::move(backlog))
    {
        m_file->setParent(this);
    }
    // Returns why writing failed, or an empty string.
    QString write(const QList<TraceEntry> &frames, qint64 dropped)
    {
        QByteArray out;
        if (dropped > 0) {
            QJsonObject o;
            o.insert(QLatin1String("time"), isoUtc(QDateTime::currentMSecsSinceEpoch()));
            o.insert(QLatin1String("dropped"), dropped);
            o.insert(
                QLatin1String("summary"),
                QStringLiteral("%1 frames not written: the disk did not keep up").arg(dropped));
            out = QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
        }
        for (const TraceEntry &e : frames) {
            out.append(traceJsonLine(e.address, e.record));
            if (out.size() > (1 << 20))
                writeOut(&out);
        }
        writeOut(&out);
        *m_backlog -= frames.size();
        return m_error;
    }

private:
    void writeOut(QByteArray *out)
    {
        if (m_error.isEmpty() && !out->isEmpty() &&
            (m_file->write(*out) != out->size() || !m_file->flush()))
            m_error = m_file->errorString();
        out->clear();
    }

    QFile *m_file;
    std::shared_ptr<std::atomic<qint64>> m_backlog;
    QString m_error;
};

TraceFileWriter::TraceFileWriter(Consumer *consumer, QFile *file)
    : QObject(consumer), m_timer(new QTimer(this)),
      m_backlog(std::make_shared<std::atomic<qint64>>(0))
{
    m_sink = new TraceFileSink(file, m_backlog);
    m_sink->moveToThread(&m_thread);
    m_thread.start();
    m_timer->setSingleShot(true);
    m_timer->setInterval(100);
    connect(m_timer, &QTimer::timeout, this, &TraceFileWriter::flush);
    connect(consumer, &Consumer::frameTraced, this,
            [this](const QString &address, const TraceRecord &record) {
                m_pending.append(TraceEntry{address, record});
                if (!m_timer->isActive())
                    m_timer->start();
            });
    connect(consumer, &Consumer::stopped, this, &TraceFileWriter::flush);
}

TraceFileWriter::~TraceFileWriter()
{
    flush();
    TraceFileSink *sink = m_sink;
    QMetaObject::invokeMethod(
        sink, [sink] { delete sink; }, Qt::BlockingQueuedConnection); // after what is queued
    m_thread.quit();
    m_thread.wait();
}

void TraceFileWriter::flush()
{
    m_timer->stop();
    if (m_pending.isEmpty())
        return;
    // A disk far behind: frames are counted, and the file says how many are missing.
    if (*m_backlog > kMaxBacklog) {
        m_dropped += m_pending.size();
        m_pending.clear();
        return;
    }
    *m_backlog += m_pending.size();
    TraceFileSink *sink = m_sink;
    QPointer<TraceFileWriter> self(this);
    QMetaObject::invokeMethod(
        sink,
        [sink, self, frames = std::exchange(m_pending, {}), dropped = std::exchange(m_dropped, 0)] {
            const QString error = sink->write(frames, dropped);
            if (!error.isEmpty() && self)
                QMetaObject::invokeMethod(
                    self.data(),
                    [self, error] {
                        if (self && !self->m_failed) {
                            self->m_failed = true;
                            Q_EMIT self->writeFailed(error);
                        }
                    },
                    Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

} // namespace nsq
