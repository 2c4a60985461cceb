#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>
#include <memory>

class QFile;
class QTimer;

namespace nsq {

class Consumer;

// One frame or command on the wire, as the protocol trace shows it.
struct TraceRecord
{
    enum class Direction { Sent, Received };
    Direction direction = Direction::Sent;
    qint64 timestampMs = 0; // wall clock, ms since the Unix epoch
    QString summary;        // decoded, one line
    QByteArray raw;         // the bytes as framed on the wire (before compression and TLS)
};

// A traced frame with the connection it belongs to.
struct TraceEntry
{
    QString address;
    TraceRecord record;
};

// One JSON object, newline-terminated: time (ms since the epoch), conn, dir ("sent" or
// "received"), summary, hex (the whole frame, never cut).
QByteArray traceJsonLine(const QString &address, const TraceRecord &record);

// Collects a Consumer's traced frames in the consumer's thread and hands them on as one batch at
// most every interval. Keeps at most `keep` frames between two batches (the newest); the older
// ones are counted as dropped: whoever shows them keeps only the newest anyway.
class TraceBatcher : public QObject
{
    Q_OBJECT
public:
    explicit TraceBatcher(Consumer *consumer, int intervalMs = 16, qsizetype keep = 20000);
    // Off: frames are not collected (the consumer may still trace them for a file).
    void setCollecting(bool on);
    void flush();

Q_SIGNALS:
    void framesReady(const QList<nsq::TraceEntry> &frames, qint64 dropped);

private:
    QTimer *m_timer;
    QList<TraceEntry> m_pending;
    qsizetype m_keep;
    qint64 m_dropped = 0;
    bool m_collecting = false;
};

class TraceFileSink;

// Writes every traced frame of a Consumer to a file as JSON Lines as it happens: collected in the
// consumer's thread, handed on every 100 ms (and when the consumer stops) to a thread of its own
// that formats and writes them, so that a slow disk never delays heartbeats. If the disk falls
// more than kMaxBacklog frames behind, frames are counted instead and the file says how many.
class TraceFileWriter : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kMaxBacklog = 2000000;
    TraceFileWriter(Consumer *consumer, QFile *file); // takes the open file
    ~TraceFileWriter() override;
    void flush();

Q_SIGNALS:
    void writeFailed(const QString &reason);

private:
    QThread m_thread;
    TraceFileSink *m_sink;
    QTimer *m_timer;
    QList<TraceEntry> m_pending;
    std::shared_ptr<std::atomic<qint64>> m_backlog; // frames handed on, not yet written
    qint64 m_dropped = 0;
    bool m_failed = false;
};

} // namespace nsq

Q_DECLARE_METATYPE(nsq::TraceRecord)
Q_DECLARE_METATYPE(nsq::TraceEntry)
