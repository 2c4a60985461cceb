#pragma once

#include "handler.h"

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace nsq {

// Runs a Handler on threads of its own, as go-nsq runs handlers in goroutines of their own: a
// handler that takes its time never holds up the thread its connections live in, so heartbeats
// are answered and TOUCH, FIN and RDY leave while it works.
//
// submit() is called from the consumer's thread, with whatever arrived together. Each outcome is
// handed back as soon as its handler call returns: resultsReady is called (from a handler thread)
// when the first outcome since the last takeResults() is ready, and the consumer's thread then
// takes all that are there. With one thread, a worker takes everything queued at once; with more,
// one message at a time, so that a slow message never holds others back from idle threads.
class HandlerPool
{
public:
    struct Item
    {
        Message message;
        quint64 connection = 0; // the consumer's serial number of the connection it came on
        QString source;         // that connection's address
    };
    struct Outcome
    {
        Item item;
        bool ok = false;
    };

    HandlerPool(Handler *handler, int threads, bool collectOutcomes,
                std::function<void()> resultsReady);
    // Waits for the handler calls under way; messages not yet handed to the handler are dropped
    // (they are still in flight on the server, which delivers them again).
    ~HandlerPool();
    HandlerPool(const HandlerPool &) = delete;
    HandlerPool &operator=(const HandlerPool &) = delete;

    void submit(std::vector<Item> items);
    std::vector<Outcome> takeResults();
    // Forgets what waits for a handler (its connections are gone: those messages were reported
    // released). Returns whether no handler call is running; if one is, `idle` is called (from
    // its thread) once the last running call has returned.
    bool dropQueuedAndCheckIdle(std::function<void()> idle);

private:
    void run();

    Handler *m_handler;
    const int m_threadCount;
    const bool m_collect;
    std::function<void()> m_resultsReady;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Item> m_queue;
    std::vector<Outcome> m_results;
    int m_running = 0; // workers busy with handler calls
    int m_drops = 0;   // dropQueuedAndCheckIdle() calls so far
    std::function<void()> m_idle;
    bool m_stopping = false;
    std::vector<std::thread> m_threads;
};

} // namespace nsq
