#include "handlerpool.h"

namespace nsq {

HandlerPool::HandlerPool(Handler *handler, int threads, bool collectOutcomes,
                         std::function<void()> resultsReady)
    : m_handler(handler), m_collect(collectOutcomes), m_resultsReady(std::move(resultsReady))
{
    m_threads.reserve(size_t(qMax(1, threads)));
    for (int i = 0; i < qMax(1, threads); ++i)
        m_threads.emplace_back([this] { run(); });
}

HandlerPool::~HandlerPool()
{
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
        m_queue.clear();
    }
    m_wake.notify_all();
    for (std::thread &t : m_threads)
        t.join();
}

void HandlerPool::submit(Item item)
{
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_queue.push_back(std::move(item));
    }
    m_wake.notify_one();
}

std::vector<HandlerPool::Outcome> HandlerPool::takeResults()
{
    std::vector<Outcome> out;
    const std::lock_guard<std::mutex> lock(m_mutex);
    out.swap(m_results);
    return out;
}

void HandlerPool::run()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
        if (m_stopping)
            return;
        Item item = std::move(m_queue.front());
        m_queue.pop_front();
        lock.unlock();
        const bool ok = m_handler->handleMessage(item.message);
        lock.lock();
        if (!m_collect)
            continue;
        const bool first = m_results.empty();
        m_results.push_back({std::move(item), ok});
        if (first) {
            // Told once per batch; the consumer takes everything collected by then.
            lock.unlock();
            m_resultsReady();
            lock.lock();
        }
    }
}

} // namespace nsq
