#include "handler.h"

#include <QDateTime>
#include <QMetaMethod>
#include <QThread>
#include <QTimer>

namespace nsq {

BatchingHandler::BatchingHandler(int intervalMs, QObject *parent)
    : QObject(parent), m_timer(new QTimer(this))
{
    qRegisterMetaType<QList<nsq::Delivery>>();
    qRegisterMetaType<QList<nsq::Message>>();
    m_timer->setSingleShot(true);
    m_timer->setInterval(intervalMs);
    connect(m_timer, &QTimer::timeout, this, &BatchingHandler::flush);
}

bool BatchingHandler::handleMessage(const Message &message)
{
    return handleDelivery(message, QString());
}

bool BatchingHandler::handleDelivery(const Message &message, const QString &source)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    bool first;
    {
        const QMutexLocker lock(&m_mutex);
        first = m_pending.isEmpty();
        m_pending.append(Delivery{message, source, now});
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
    QList<Delivery> batch;
    {
        const QMutexLocker lock(&m_mutex);
        batch.swap(m_pending);
    }
    if (batch.isEmpty())
        return;
    if (isSignalConnected(QMetaMethod::fromSignal(&BatchingHandler::messagesReceived))) {
        QList<Message> messages;
        messages.reserve(batch.size());
        for (const Delivery &d : std::as_const(batch))
            messages << d.message;
        Q_EMIT messagesReceived(messages);
    }
    Q_EMIT deliveriesReceived(batch);
}

} // namespace nsq
