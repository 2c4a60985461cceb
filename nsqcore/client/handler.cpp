#include "handler.h"

#include <QThread>
#include <QTimer>

namespace nsq {

BatchingHandler::BatchingHandler(int intervalMs, QObject *parent)
    : QObject(parent), m_timer(new QTimer(this))
{
    qRegisterMetaType<QList<nsq::Message>>();
    m_timer->setSingleShot(true);
    m_timer->setInterval(intervalMs);
    connect(m_timer, &QTimer::timeout, this, &BatchingHandler::flush);
}

bool BatchingHandler::handleMessage(const Message &message)
{
    bool first;
    {
        const QMutexLocker lock(&m_mutex);
        first = m_pending.isEmpty();
        m_pending.append(message);
    }
    if (!first)
        return true; // the batch's timer is already on its way
    if (QThread::currentThread() == thread())
        m_timer->start();
    else
        QMetaObject::invokeMethod(m_timer, qOverload<>(&QTimer::start), Qt::QueuedConnection);
    return true;
}

void BatchingHandler::flush()
{
    QList<Message> batch;
    {
        const QMutexLocker lock(&m_mutex);
        batch.swap(m_pending);
    }
    if (!batch.isEmpty())
        Q_EMIT messagesReceived(batch);
}

} // namespace nsq
