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

bool HandlerPool::dropQueuedAndCheckIdle(std::function<void()> idle)
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    m_queue.clear();
    ++m_drops; // batches a worker already took are dropped too
    if (m_running == 0)
        return true;
    m_idle = std::move(idle);
    return false;
}

void HandlerPool::run()
{
    const bool takeAll = m_threadCount == 1;
    std::deque<Item> batch;
    std::unique_lock<std::mutex> lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
        if (m_stopping)
            return;
        ++m_running;
        while (!m_queue.empty()) {
            if (takeAll) {
                batch.swap(m_queue);
            } else {
                batch.push_back(std::move(m_queue.front()));
                m_queue.pop_front();
            }
            const int drops = m_drops;
            while (!batch.empty() && drops == m_drops && !m_stopping) {
                Item item = std::move(batch.front());
                batch.pop_front();
                lock.unlock();
                const bool ok = m_handler->handleDelivery(item.message, item.source);
                lock.lock();
                if (!m_collect)
                    continue;
                // Handed back at once, so that each FIN leaves when its own call is done.
                const bool first = m_results.empty();
                m_results.push_back({std::move(item), ok});
                if (first) {
                    lock.unlock();
                    m_resultsReady();
                    lock.lock();
                }
            }
            batch.clear();
            if (!takeAll || m_stopping)
                break; // one at a time: back to the wait, where the others may take the next
        }
        --m_running;
        if (m_running == 0 && m_queue.empty() && m_idle) {
            auto idle = std::exchange(m_idle, {});
            lock.unlock();
            idle();
            lock.lock();
        }
    }
}

} // namespace nsq
