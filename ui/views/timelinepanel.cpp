#include "timelinepanel.h"

#include "models/timelinemodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace nsqui {

namespace {

// Rows of one connection and one kind (either may be "all").
class TimelineFilter : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void set(const QString &address, int kind)
    {
        m_address = address;
        m_kind = kind;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &) const override
    {
        const auto *m = static_cast<const TimelineModel *>(sourceModel());
        const TimelineModel::Row &r = m->rowAt(row);
        return (m_address.isEmpty() || r.address == m_address) &&
               (m_kind < 0 || int(r.kind) == m_kind);
    }

private:
    QString m_address;
    int m_kind = -1;
};

} // namespace

TimelinePanel::TimelinePanel(TimelineModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_proxy(new TimelineFilter(this)), m_table(new QTableView),
      m_connection(new QComboBox), m_kind(new QComboBox), m_counts(new QLabel)
{
    m_proxy->setSourceModel(model);
    m_connection->setObjectName(QStringLiteral("timelineConnection"));
    m_connection->addItem(tr("All connections"), QString());
    m_connection->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_kind->setObjectName(QStringLiteral("timelineKind"));
    m_kind->addItem(tr("All events"), -1);
    for (TimelineModel::Kind k : TimelineModel::kinds())
        m_kind->addItem(TimelineModel::kindName(k), int(k));
    auto *clear = new QPushButton(tr("Clear"));
    m_counts->setObjectName(QStringLiteral("timelineCounts"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_connection);
    bar->addWidget(m_kind);
    bar->addWidget(clear);
    bar->addStretch(1);
    bar->addWidget(m_counts);

    m_table->setObjectName(QStringLiteral("timelineTable"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 4);
    m_table->horizontalHeader()->setSectionResizeMode(TimelineModel::Details, QHeaderView::Stretch);
    m_table->setColumnWidth(TimelineModel::Time, 100);
    m_table->setColumnWidth(TimelineModel::Connection, 130);
    m_table->setColumnWidth(TimelineModel::Event, 170);
    m_table->setWordWrap(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);

    const auto refilter = [this] {
        static_cast<TimelineFilter *>(m_proxy)->set(m_connection->currentData().toString(),
                                                    m_kind->currentData().toInt());
    };
    connect(m_connection, &QComboBox::currentIndexChanged, this, refilter);
    connect(m_kind, &QComboBox::currentIndexChanged, this, refilter);
    connect(clear, &QPushButton::clicked, model, &TimelineModel::clear);
    connect(model, &TimelineModel::connectionsChanged, this, [this](const QStringList &all) {
        for (const QString &a : all)
            if (m_connection->findData(a) < 0)
                m_connection->addItem(a, a);
    });
    connect(model, &TimelineModel::droppedCountChanged, this, &TimelinePanel::updateCounts);
    connect(model, &TimelineModel::rowsInserted, this, [this] {
        updateCounts();
        if (m_follow)
            m_table->scrollToBottom();
    });
    connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, this,
            [this](int v) { m_follow = v >= m_table->verticalScrollBar()->maximum() - 1; });
    updateCounts();
}

void TimelinePanel::showRow(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid()) {
        m_connection->setCurrentIndex(0);
        m_kind->setCurrentIndex(0);
        index = m_proxy->mapFromSource(m_model->index(row, 0));
    }
    m_follow = false;
    m_table->setCurrentIndex(index);
    m_table->scrollTo(index, QAbstractItemView::PositionAtCenter);
}

void TimelinePanel::updateCounts()
{
    QStringList parts;
    if (m_model->countedEvents() > 0)
        parts << tr("%1 per-message events counted per batch, not listed")
                     .arg(QLocale().toString(qulonglong(m_model->countedEvents())));
    if (m_model->droppedCount() > 0)
        parts << tr("%1 older events dropped from view")
                     .arg(QLocale().toString(qulonglong(m_model->droppedCount())));
    m_counts->setText(parts.join(QStringLiteral(" \u00b7 ")));
}

} // namespace nsqui
