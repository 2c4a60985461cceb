#pragma once

#include <client/producer.h>

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

#include <memory>
#include <utility>

namespace nsq {
class NsqdHttpClient;
}

namespace nsqui {

// Publishes messages to one topic on one nsqd, over TCP (PUB, MPUB, DPUB) or its HTTP API
// (/pub, /mpub, /pub?defer=): one body a number of times at a rate (a small load test), or a list
// of bodies as they were recorded, optionally at their original pacing (a replay). It reports its
// progress, can be stopped, and ends at the first refusal, saying which message and why.
class PublishJob : public QObject
{
    Q_OBJECT
public:
    enum class Transport { Tcp, Http };
    struct Item
    {
        QByteArray body;
        qint64 atMs = 0; // with pacing: when, from the start, it is sent
    };

    PublishJob(Transport transport, const QString &address, const QString &topic,
               QObject *parent = nullptr);
    ~PublishJob() override;

    void setDeferMs(qint64 ms) { m_deferMs = ms; }
    void setRate(double perSecond) { m_rate = perSecond; }
    // Several bodies per MPUB (not with a defer: nsqd has no deferred MPUB), cut before they
    // pass maxBytes (nsqd's max_body_size).
    void setBatchSize(int n, qint64 maxBytes = 5 * 1024 * 1024)
    {
        m_batch = qMax(1, n);
        m_batchBytes = maxBytes;
    }
    void setPaced(bool paced) { m_paced = paced; }

    void start(const QByteArray &body, qint64 count);
    void start(QList<Item> items);
    void stop();
    bool running() const { return m_running; }
    qint64 published() const { return m_published; }
    qint64 total() const { return m_total; }
    qint64 elapsedMs() const { return m_clock.isValid() ? m_clock.elapsed() : 0; }

Q_SIGNALS:
    void progress(qint64 published, qint64 total);
    // Messages first … first + count - 1 (in the order given) were accepted. Over HTTP several
    // requests are out at once, so they need not be accepted in order.
    void accepted(qint64 first, int count);
    // Paced: nothing goes for this long (the recording had a gap).
    void waiting(qint64 ms);
    // error: empty when all went out; otherwise the first refusal, or "stopped".
    void finished(qint64 published, qint64 total, const QString &error);

private:
    const QByteArray &bodyAt(qint64 i) const;
    void pump();
    void settle(qint64 first, int count, bool ok, const QString &error);
    void end(const QString &error);

    Transport m_transport;
    QString m_address, m_topic;
    qint64 m_deferMs = 0;
    double m_rate = 0;
    int m_batch = 1;
    qint64 m_batchBytes = 5 * 1024 * 1024;
    bool m_paced = false;

    QByteArray m_body; // repeated m_total times, when m_items is empty
    QList<Item> m_items;
    qint64 m_total = 0, m_next = 0, m_published = 0;
    int m_outstanding = 0;
    bool m_running = false;
    QString m_error;
    QElapsedTimer m_clock;
    QTimer m_timer;
    nsq::Producer *m_producer = nullptr;
    nsq::NsqdHttpClient *m_http = nullptr;
    QHash<quint64, std::pair<qint64, int>> m_sizes; // Producer request -> its first message, count
    quint64 m_generation = 0;
};

} // namespace nsqui
