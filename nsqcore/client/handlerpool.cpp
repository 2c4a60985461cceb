#include "handlerpool.h"

#include <iterator>

namespace nsq {

HandlerPool::HandlerPool(Handler *handler, int threads, bool collectOutcomes,
                         std::function<void()> resultsReady)
    : m_handler(handler), m_threadCount(qMax(1, threads)), m_collect(collectOutcomes),
      m_resultsReady(std::move(resultsReady))
{
    m_threads.reserve(size_t(m_threadCount));
    for (int i = 0; i < m_threadCount; ++i)
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

void HandlerPool::submit(std::vector<Item> items)
{
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        for (Item &item : items)
            m_queue.push_back(std::move(item));
    }
    if (m_threadCount == 1 || items.size() == 1)
        m_wake.notify_one();
    else
        m_wake.notify_all();
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
    const bool takeAll = m_threadCount == 1;
    std::deque<Item> batch;
    std::vector<Outcome> outcomes;
    std::unique_lock<std::mutex> lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
        if (m_stopping)
            return;
        if (takeAll) {
            batch.swap(m_queue);
        } else {
            batch.push_back(std::move(m_queue.front()));
            m_queue.pop_front();
        }
        lock.unlock();
        for (Item &item : batch) {
            const bool ok = m_handler->handleMessage(item.message);
            if (m_collect)
                outcomes.push_back({std::move(item), ok});
        }
        batch.clear();
        lock.lock();
        if (outcomes.empty())
            continue;
        const bool first = m_results.empty();
        if (first)
            m_results.swap(outcomes);
        else
            std::move(outcomes.begin(), outcomes.end(), std::back_inserter(m_results));
        outcomes.clear();
        if (first) {
            // Told once per batch; the consumer takes everything collected by then.
            lock.unlock();
            m_resultsReady();
            lock.lock();
        }
    }
}

} // namespace nsq
