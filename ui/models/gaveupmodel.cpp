#include "gaveupmodel.h"

#include "messagemodel.h"
#include "timeformat.h"

#include <QLocale>

namespace nsqui {

GaveUpModel::GaveUpModel(QObject *parent) : QAbstractTableModel(parent) {}

void GaveUpModel::add(const nsq::Message &message, const QString &topic, const QString &reason,
                      qint64 atMs)
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].message.id == message.id) {
            m_rows[i].reason = reason;
            m_rows[i].atMs = atMs;
            if (!message.body.isEmpty() || m_rows[i].message.body.isEmpty())
                m_rows[i].message = message;
            Q_EMIT dataChanged(index(i, 0), index(i, ColumnCount - 1));
            return;
        }
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
    m_rows << Row{message, topic, reason, atMs};
    endInsertRows();
}

void GaveUpModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int GaveUpModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int GaveUpModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant GaveUpModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (index.column()) {
    case When:
        return TimeFormat::instance().time(r.atMs);
    case Id:
        return r.message.id.toString();
    case Topic:
        return r.topic;
    case Attempts:
        return int(r.message.attempts);
    case Reason:
        return r.reason;
    case Size:
        return QLocale().formattedDataSize(r.message.body.size(), 1,
                                           QLocale::DataSizeTraditionalFormat);
    case Body:
        return bodyPreview(r.message.body);
    }
    return {};
}

QVariant GaveUpModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case When:
        return tr("When");
    case Id:
        return tr("ID");
    case Topic:
        return tr("Topic");
    case Attempts:
        return tr("Attempts");
    case Reason:
        return tr("Why");
    case Size:
        return tr("Size");
    case Body:
        return tr("Body");
    }
    return {};
}

} // namespace nsqui
