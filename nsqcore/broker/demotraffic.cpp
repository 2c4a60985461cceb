#include "demotraffic.h"

#include "broker.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace nsq {

namespace {
constexpr int kTickMs = 50;
const char *const kUsers[] = {"ada", "grace", "linus", "barbara", "ken", "margaret", "dennis"};
const char *const kActions[] = {"login", "click", "purchase", "logout", "search", "share"};
const char *const kLevels[] = {"INFO", "INFO", "INFO", "DEBUG", "WARN", "ERROR"};
const char *const kServices[] = {"api", "billing", "search", "auth", "mailer"};
} // namespace

DemoTraffic::DemoTraffic(Broker *broker, int messagesPerSecond, QObject *parent)
    : QObject(parent), m_broker(broker), m_timer(new QTimer(this)),
      m_rate(qMax(0, messagesPerSecond))
{
    connect(m_timer, &QTimer::timeout, this, &DemoTraffic::onTick);
}

QStringList DemoTraffic::topics()
{
    return {QStringLiteral("events"), QStringLiteral("logs"), QStringLiteral("blobs")};
}

void DemoTraffic::start()
{
    if (m_rate <= 0 || m_timer->isActive())
        return;
    m_clock.start();
    m_sent = 0;
    m_timer->start(kTickMs);
}

void DemoTraffic::stop()
{
    m_timer->stop();
}

QByteArray DemoTraffic::makePayload(const QString &topic)
{
    ++m_sequence;
    if (topic == QLatin1String("events")) {
        QJsonObject o{
            {QStringLiteral("seq"), qint64(m_sequence)},
            {QStringLiteral("ts"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
            {QStringLiteral("user"), QLatin1String(kUsers[m_rng.bounded(7)])},
            {QStringLiteral("action"), QLatin1String(kActions[m_rng.bounded(6)])},
            {QStringLiteral("amount_cents"), int(m_rng.bounded(100000))},
        };
        // Now and then a large document, to show how big payloads look.
        if (m_rng.bounded(200) == 0)
            o.insert(QStringLiteral("attachment"), QString(256 * 1024, QLatin1Char('x')));
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    }
    if (topic == QLatin1String("logs")) {
        return QStringLiteral("%1 %2 [%3] request %4 served in %5 ms")
            .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs),
                 QLatin1String(kLevels[m_rng.bounded(6)]),
                 QLatin1String(kServices[m_rng.bounded(5)]))
            .arg(m_sequence)
            .arg(m_rng.bounded(500))
            .toUtf8();
    }
    QByteArray blob(int(16 + m_rng.bounded(240)), '\0');
    for (auto &b : blob)
        b = char(m_rng.bounded(256));
    return blob;
}

void DemoTraffic::onTick()
{
    // By the clock, not by the tick count: late ticks on a busy machine do not slow the rate.
    // After a long stall, at most one second's worth goes out at once.
    const qint64 due = qint64(double(m_rate) * double(m_clock.elapsed()) / 1000.0);
    if (due - m_sent > m_rate)
        m_sent = due - m_rate;
    const int n = int(due - m_sent);
    m_sent = due;
    const QStringList names = topics();
    for (int i = 0; i < n; ++i) {
        // Events are the busiest topic, blobs the quietest.
        const int pick = int(m_rng.bounded(10));
        const QString &topic = names.at(pick < 6 ? 0 : pick < 9 ? 1 : 2);
        const QString error = m_broker->publish(topic, {makePayload(topic)});
        if (error.isEmpty())
            ++m_published;
        else
            Q_EMIT publishFailed(error);
    }
}

} // namespace nsq
