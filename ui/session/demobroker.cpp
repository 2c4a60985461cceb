#include "demobroker.h"

#include <broker/broker.h>
#include <broker/demotraffic.h>

namespace nsqui {

DemoBroker::DemoBroker(int messagesPerSecond) : m_rate(messagesPerSecond)
{
    m_thread.setObjectName(QStringLiteral("demo broker"));
}

DemoBroker::~DemoBroker()
{
    if (m_context) {
        QObject *context = m_context;
        QMetaObject::invokeMethod(
            context, [context] { delete context; }, Qt::BlockingQueuedConnection);
    }
    m_thread.quit();
    m_thread.wait();
}

QString DemoBroker::start()
{
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    m_thread.start();
    QString error;
    QMetaObject::invokeMethod(
        m_context,
        [this, &error] {
            nsq::BrokerConfig config;
            config.maxMemoryBytes = kDemoMemoryBytes;
            m_broker = new nsq::Broker(config, m_context);
            error = m_broker->start();
            if (!error.isEmpty())
                return;
            m_traffic = new nsq::DemoTraffic(m_broker, m_rate, m_context);
            m_traffic->start();
            m_tcpAddress = QStringLiteral("127.0.0.1:%1").arg(m_broker->tcpPort());
            m_httpAddress = QStringLiteral("127.0.0.1:%1").arg(m_broker->httpPort());
        },
        Qt::BlockingQueuedConnection);
    return error;
}

} // namespace nsqui
