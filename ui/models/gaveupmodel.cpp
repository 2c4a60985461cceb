#include "gaveupmodel.h"

#include "messagemodel.h"
#include "timeformat.h"

#include <QLocale>

namespace nsqui {

GaveUpModel::GaveUpModel(QObject *parent) : QAbstractTableModel(parent) {}

void GaveUpModel::add(Row row)
{
    if (m_ids.contains(row.message.id)) {
        for (int i = 0; i < m_rows.size(); ++i) {
            Row &r = m_rows[i];
            if (r.message.id != row.message.id)
                continue;
            if (row.message.body.isEmpty() && !r.message.body.isEmpty())
                row.message = r.message;
            if (row.nsqd.isEmpty())
                row.nsqd = r.nsqd;
            r = std::move(row);
            Q_EMIT dataChanged(index(i, 0), index(i, ColumnCount - 1));
            return;
        }
    }
    if (m_rows.size() >= kMostRows) {
        beginRemoveRows({}, 0, 0);
        m_ids.remove(m_rows.first().message.id);
        m_rows.removeFirst();
        endRemoveRows();
        Q_EMIT droppedChanged(++m_dropped);
    }
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
    m_ids.insert(row.message.id);
    m_rows << std::move(row);
    endInsertRows();
}

int GaveUpModel::removeDelivered(const QList<nsq::MessageId> &ids)
{
    int removed = 0;
    for (const nsq::MessageId &id : ids) {
        if (!m_ids.remove(id))
            continue;
        for (int i = 0; i < m_rows.size(); ++i)
            if (m_rows.at(i).message.id == id) {
                beginRemoveRows({}, i, i);
                m_rows.removeAt(i);
                endRemoveRows();
                ++removed;
                break;
            }
    }
    return removed;
}

void GaveUpModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_ids.clear();
    m_dropped = 0;
    endResetModel();
    Q_EMIT droppedChanged(0);
}

QString GaveUpModel::whyText(const Row &row)
{
    switch (row.why) {
    case Why::MaxAttempts:
        return tr("passed the %1 attempts allowed; finished").arg(row.detail);
    case Why::FinRefused:
        return tr("FIN refused: %1").arg(row.detail);
    case Why::ReqRefused:
        return tr("REQ refused: %1").arg(row.detail);
    }
    return {};
}

QString GaveUpModel::whyCode(Why why)
{
    switch (why) {
    case Why::MaxAttempts:
        return QStringLiteral("max_attempts");
    case Why::FinRefused:
        return QStringLiteral("fin_refused");
    case Why::ReqRefused:
        return QStringLiteral("req_refused");
    }
    return {};
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
        return role == Qt::ToolTipRole ? TimeFormat::instance().allForms(r.atMs)
                                       : TimeFormat::instance().when(r.atMs);
    case Id:
        return r.message.id.toString();
    case Topic:
        return r.topic;
    case Attempts:
        return int(r.message.attempts);
    case Reason:
        return whyText(r);
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
