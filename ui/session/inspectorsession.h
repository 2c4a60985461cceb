#pragma once

#include "sessionsettings.h"

#include <client/consumer.h>
#include <client/consumerevents.h>
#include <client/handler.h>

#include <QObject>

#include <memory>

namespace nsqui {

// The GUI thread's owner of a Consumer running in its worker thread. Messages and events come in
// as batches (about every 16 ms); the user's commands go out as one queued call per batch of IDs.
// Nothing else in the window knows the Consumer exists.
class InspectorSession : public QObject
{
    Q_OBJECT
public:
    explicit InspectorSession(QObject *parent = nullptr);
    ~InspectorSession() override;

    // Checks the settings (the problems are returned, nothing is sent), then connects.
    QStringList start(const SessionSettings &settings);
    // CLS and close; stopped() follows. Held messages go back to nsqd.
    void stop();
    bool isActive() const { return m_thread != nullptr; }
    bool isStopping() const { return m_stopping; }
    const SessionSettings &settings() const { return m_settings; }
    QString channel() const { return m_channel; }
    bool isPaused() const { return m_paused; }
    int maxInFlight() const { return m_settings.maxInFlight; }

    void finish(const QList<nsq::MessageId> &ids);
    // delayMs -1: the server's default.
    void requeue(const QList<nsq::MessageId> &ids, qint64 delayMs);
    void touch(const QList<nsq::MessageId> &ids);
    void setMaxInFlight(int count);
    void setPaused(bool paused);

Q_SIGNALS:
    void started();
    void deliveriesArrived(const QList<nsq::Delivery> &deliveries);
    void eventsArrived(const QList<nsq::ConsumerEvent> &events);
    void statsUpdated(const nsq::ConsumerStats &stats);
    // A line for the log pane; problem: also worth the status bar.
    void logged(const QString &line, bool problem);
    void stopped();

private:
    void onEvents(const QList<nsq::ConsumerEvent> &events);
    void finishStopping();
    template <typename F> void post(F &&f);

    SessionSettings m_settings;
    QString m_channel;
    std::unique_ptr<nsq::ConsumerThread> m_thread;
    nsq::Consumer *m_consumer = nullptr; // lives in m_thread; touched only through post()
    bool m_stopping = false;
    bool m_paused = false;
};

} // namespace nsqui
