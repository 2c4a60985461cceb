#include "trace.h"

#include "consumer.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace nsq {

QByteArray traceJsonLine(const QString &address, const TraceRecord &record)
{
    QJsonObject o;
    o.insert(QLatin1String("time"), record.timestampMs);
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

TraceFileWriter::TraceFileWriter(Consumer *consumer, QFile *file)
    : QObject(consumer), m_file(file), m_timer(new QTimer(this))
{
    m_file->setParent(this);
    m_timer->setSingleShot(true);
    m_timer->setInterval(100);
    connect(m_timer, &QTimer::timeout, this, &TraceFileWriter::flush);
    connect(consumer, &Consumer::frameTraced, this,
            [this](const QString &address, const TraceRecord &record) {
                if (m_failed)
                    return;
                m_buffer.append(traceJsonLine(address, record));
                if (m_buffer.size() > (1 << 20))
                    flush();
                else if (!m_timer->isActive())
                    m_timer->start();
            });
    connect(consumer, &Consumer::stopped, this, &TraceFileWriter::flush);
}

TraceFileWriter::~TraceFileWriter()
{
    flush();
}

void TraceFileWriter::flush()
{
    m_timer->stop();
    if (m_failed || m_buffer.isEmpty())
        return;
    if (m_file->write(m_buffer) != m_buffer.size() || !m_file->flush()) {
        m_failed = true;
        Q_EMIT writeFailed(m_file->errorString());
    }
    m_buffer.clear();
}

} // namespace nsq
