#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace nsqui {

class TimelineModel;

// The event timeline: every connection event, filterable by connection and kind.
class TimelinePanel : public QWidget
{
    Q_OBJECT
public:
    explicit TimelinePanel(TimelineModel *model, QWidget *parent = nullptr);
    QTableView *table() const { return m_table; }
    QComboBox *connectionFilter() const { return m_connection; }
    QComboBox *kindFilter() const { return m_kind; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    // Shows the model's row (clearing filters that would hide it).
    void showRow(int row);

private:
    void updateCounts();

    TimelineModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QComboBox *m_connection;
    QComboBox *m_kind;
    QLabel *m_counts;
    bool m_follow = true;
};

} // namespace nsqui
