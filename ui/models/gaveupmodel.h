#pragma once

#include <protocol/message.h>

#include <QAbstractTableModel>
#include <QList>
#include <QSet>

namespace nsqui {

// The messages the consumer gave up on: finished because they passed the attempts allowed, or,
// in Hold mode, answered with a FIN or REQ that nsqd refused. Kept across connections, until
// cleared: a manual dead-letter queue, which NSQ itself does not have.
class GaveUpModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { When, Id, Topic, Attempts, Reason, Size, Body, ColumnCount };
    enum class Why { MaxAttempts, FinRefused, ReqRefused };
    struct Row
    {
        nsq::Message message;
        QString topic;
        QString nsqd; // where it came from, when known
        Why why = Why::MaxAttempts;
        QString detail; // what nsqd said (a refusal), or the attempts allowed
        qint64 atMs = 0;
    };
    // Bodies are kept whole (they are resent): the oldest rows go past this many.
    static constexpr int kMostRows = 10'000;

    explicit GaveUpModel(QObject *parent = nullptr);

    // Once per message ID: a message given up on twice is one row, with the later reason.
    void add(Row row);
    // These were delivered again: nsqd still had them, so nobody gave up on them after all.
    // Returns how many rows that removed.
    int removeDelivered(const QList<nsq::MessageId> &ids);
    void clear();
    const Row &rowAt(int row) const { return m_rows.at(row); }
    quint64 dropped() const { return m_dropped; }
    // In the window's language, and as a stable code for files ("max_attempts", "fin_refused").
    static QString whyText(const Row &row);
    static QString whyCode(Why why);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

Q_SIGNALS:
    void droppedChanged(quint64 dropped);

private:
    QList<Row> m_rows;
    QSet<nsq::MessageId> m_ids; // a duplicate is looked for only when it is one
    quint64 m_dropped = 0;
};

} // namespace nsqui
