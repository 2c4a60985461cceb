#include "fieldfilterjob.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QThread>

namespace nsqui {

FieldFilterJob::FieldFilterJob(QObject *parent) : QObject(parent) {}

FieldFilterJob::~FieldFilterJob()
{
    stopThread();
}

void FieldFilterJob::stopThread()
{
    if (!m_thread)
        return;
    *m_cancel = true;
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
}

void FieldFilterJob::cancel()
{
    ++m_generation; // an answer already queued is ignored
    stopThread();
}

void FieldFilterJob::start(QList<Item> items, std::shared_ptr<const nsqdecode::FieldQuery> query,
                           nsqdecode::DecodeOptions options)
{
    cancel();
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_done = 0;
    m_total = int(items.size());
    const quint64 generation = m_generation;
    QPointer<FieldFilterJob> self(this);
    auto cancelled = m_cancel;
    m_thread = QThread::create([self, cancelled, generation, items = std::move(items),
                                query = std::move(query), options = std::move(options), this] {
        QElapsedTimer clock;
        clock.start();
        QHash<QByteArray, bool> results;
        results.reserve(items.size());
        for (const Item &item : items) {
            if (*cancelled)
                return;
            const nsqdecode::DecodedBody d = nsqdecode::decodeBody(item.body, options);
            results.insert(item.key, d.result.ok && query->matches(d.result.root));
            ++m_done;
        }
        const qint64 ms = clock.elapsed();
        QMetaObject::invokeMethod(
            self,
            [self, generation, results = std::move(results), ms] {
                if (!self || generation != self->m_generation)
                    return;
                self->stopThread(); // done: joins at once
                Q_EMIT self->finished(results, ms);
            },
            Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("field filter"));
    m_thread->start(QThread::LowPriority);
}

} // namespace nsqui
