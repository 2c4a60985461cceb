#pragma once

#include <protocol/message.h>

#include <QAbstractTableModel>
#include <QList>

namespace nsqui {

// The messages the consumer gave up on: finished because they passed the attempts allowed, or,
// in Hold mode, answered with a FIN or REQ that nsqd refused. Kept across connections, until
// cleared: a manual dead-letter queue, which NSQ itself does not have.
class GaveUpModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { When, Id, Topic, Attempts, Reason, Size, Body, ColumnCount };
    struct Row
    {
        nsq::Message message;
        QString topic;
        QString reason;
        qint64 atMs = 0;
    };

    explicit GaveUpModel(QObject *parent = nullptr);

    // Once per message ID: a message given up on twice is one row, with the later reason.
    void add(const nsq::Message &message, const QString &topic, const QString &reason, qint64 atMs);
    void clear();
    const Row &rowAt(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<Row> m_rows;
};

} // namespace nsqui
