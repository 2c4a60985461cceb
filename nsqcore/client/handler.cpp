#include "handler.h"

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
    m_pending.append(message);
    if (!m_timer->isActive())
        m_timer->start();
    return true;
}

void BatchingHandler::flush()
{
    if (m_pending.isEmpty())
        return;
    QList<Message> batch;
    batch.swap(m_pending);
    Q_EMIT messagesReceived(batch);
}

} // namespace nsq
