#include "publishjob.h"

#include <http/httpclients.h>

namespace nsqui {

namespace {
// Requests out at once: enough to keep a connection busy (PUBs are pipelined on one TCP
// connection; HTTP has a few connections, one request each).
constexpr int kTcpWindow = 256;
constexpr int kHttpWindow = 16;
} // namespace

PublishJob::PublishJob(Transport transport, const QString &address, const QString &topic,
                       QObject *parent)
    : QObject(parent), m_transport(transport), m_address(address), m_topic(topic)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &PublishJob::pump);
}

PublishJob::~PublishJob() = default;

void PublishJob::start(const QByteArray &body, qint64 count)
{
    m_body = body;
    m_items.clear();
    m_total = count;
    m_paced = false;
    start(QList<Item>{});
}

void PublishJob::start(QList<Item> items)
{
    if (!items.isEmpty()) {
        m_items = std::move(items);
        m_total = m_items.size();
    }
    m_next = m_published = 0;
    m_outstanding = 0;
    m_error.clear();
    m_running = true;
    ++m_generation;
    if (m_transport == Transport::Tcp) {
        delete m_producer;
        m_producer = new nsq::Producer(m_address, nsq::Config(), this);
        connect(m_producer, &nsq::Producer::finished, this,
                [this](quint64 id, const nsq::PublishResult &r) {
                    if (m_sizes.contains(id)) {
                        const auto [first, n] = m_sizes.take(id);
                        settle(first, n, r.ok(), r.error);
                    }
                });
    } else {
        delete m_http;
        m_http = new nsq::NsqdHttpClient(m_address, this);
    }
    m_clock.start();
    Q_EMIT progress(0, m_total);
    QMetaObject::invokeMethod(this, &PublishJob::pump, Qt::QueuedConnection);
}

void PublishJob::stop()
{
    if (!m_running)
        return;
    if (m_error.isEmpty())
        m_error = tr("stopped");
    m_next = m_total; // nothing more is sent
    m_timer.stop();
    // What is out is not waited for: a node that never answers must not hold Stop. Whether
    // those reached nsqd is unknown, and said.
    if (m_outstanding > 0)
        m_error += tr(" (%1 requests were not answered)").arg(m_outstanding);
    ++m_generation;
    if (m_producer) {
        m_producer->disconnect(this);
        m_producer->close();
    }
    m_outstanding = 0;
    end(m_error);
}

const QByteArray &PublishJob::bodyAt(qint64 i) const
{
    return m_items.isEmpty() ? m_body : m_items.at(i).body;
}

void PublishJob::pump()
{
    if (!m_running)
        return;
    const int window = m_transport == Transport::Tcp ? kTcpWindow : kHttpWindow;
    while (m_next < m_total && m_outstanding < window && m_error.isEmpty()) {
        const qint64 now = m_clock.elapsed();
        // When the next may go: at its recorded time, or at the rate.
        qint64 due = 0;
        if (m_paced && !m_items.isEmpty())
            due = m_items.at(m_next).atMs;
        else if (m_rate > 0)
            due = qint64(double(m_next) * 1000.0 / m_rate);
        if (due > now) {
            if (m_paced && due - now >= 1000)
                Q_EMIT waiting(due - now);
            m_timer.start(int(qMin<qint64>(due - now, 60000)));
            return;
        }
        // One message, or a batch of those already due.
        const int room = m_deferMs > 0 ? 1 : m_batch;
        QByteArrayList bodies;
        qint64 bytes = 4; // MPUB's count, then each size and body
        while (bodies.size() < room && m_next < m_total) {
            if (!bodies.isEmpty() && bytes + 4 + bodyAt(m_next).size() > m_batchBytes)
                break;
            if (!bodies.isEmpty() && m_paced && !m_items.isEmpty() && m_items.at(m_next).atMs > now)
                break;
            if (!bodies.isEmpty() && !m_paced && m_rate > 0 &&
                qint64(double(m_next) * 1000.0 / m_rate) > now)
                break;
            bytes += 4 + bodyAt(m_next).size();
            bodies << bodyAt(m_next++);
        }
        ++m_outstanding;
        const int n = int(bodies.size());
        const qint64 first = m_next - n;
        if (m_transport == Transport::Tcp) {
            const quint64 id = m_deferMs > 0
                                   ? m_producer->deferredPublish(m_topic, m_deferMs, bodies.first())
                               : n == 1 ? m_producer->publish(m_topic, bodies.first())
                                        : m_producer->multiPublish(m_topic, bodies);
            m_sizes.insert(id, {first, n});
        } else {
            const quint64 generation = m_generation;
            auto done = [this, first, n, generation](const nsq::Result<QByteArray> &r) {
                if (generation == m_generation)
                    settle(first, n, r.ok(), r.ok() ? QString() : r.error());
            };
            if (m_deferMs > 0)
                m_http->deferredPublish(m_topic, m_deferMs, bodies.first(), done);
            else if (n == 1)
                m_http->publish(m_topic, bodies.first(), done);
            else
                m_http->multiPublish(m_topic, bodies, done);
        }
    }
}

void PublishJob::settle(qint64 first, int count, bool ok, const QString &error)
{
    --m_outstanding;
    if (ok) {
        m_published += count;
        Q_EMIT accepted(first, count);
        Q_EMIT progress(m_published, m_total);
    } else if (m_error.isEmpty()) {
        m_error = error;
        m_next = m_total;
    }
    if (m_outstanding == 0 && (m_next >= m_total || !m_error.isEmpty())) {
        end(m_error);
        return;
    }
    pump();
}

void PublishJob::end(const QString &error)
{
    if (!m_running)
        return;
    m_running = false;
    m_timer.stop();
    Q_EMIT finished(m_published, m_total, error);
}

} // namespace nsqui
