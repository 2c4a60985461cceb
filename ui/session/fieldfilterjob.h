#pragma once

#include <bodydecoder.h>
#include <fieldquery.h>

#include <QHash>
#include <QObject>

#include <atomic>
#include <memory>

class QThread;

namespace nsqui {

// Runs a field query over many bodies off the GUI thread: each is decoded (as the topic's
// settings say) and tested. Reports how far it is; can be cancelled; says which matched.
class FieldFilterJob : public QObject
{
    Q_OBJECT
public:
    struct Item
    {
        QByteArray key; // the message ID
        QByteArray body;
    };

    explicit FieldFilterJob(QObject *parent = nullptr);
    ~FieldFilterJob() override;

    // Starts over these items (a running job is cancelled first).
    void start(QList<Item> items, std::shared_ptr<const nsqdecode::FieldQuery> query,
               nsqdecode::DecodeOptions options);
    void cancel();
    bool isRunning() const { return m_thread != nullptr; }
    int done() const { return m_done.load(); }
    int total() const { return m_total; }

Q_SIGNALS:
    // Which keys matched (true) or not (false), and how long it took.
    void finished(const QHash<QByteArray, bool> &results, qint64 elapsedMs);

private:
    void stopThread();

    QThread *m_thread = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::atomic<int> m_done{0};
    int m_total = 0;
    quint64 m_generation = 0;
};

} // namespace nsqui
