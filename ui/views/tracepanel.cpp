#include "tracepanel.h"

#include "hexview.h"
#include "models/tracemodel.h"

#include <QAction>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace nsqui {

TracePanel::TracePanel(TraceModel *model, QAction *record, QWidget *parent)
    : QWidget(parent), m_model(model), m_table(new QTableView), m_hex(new HexView),
      m_cutNote(new QLabel), m_dropped(new QLabel), m_cut(new QSpinBox)
{
    auto *recordButton = new QToolButton;
    recordButton->setDefaultAction(record);
    recordButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    recordButton->setObjectName(QStringLiteral("traceRecord"));
    auto *clear = new QPushButton(tr("Clear"));
    clear->setObjectName(QStringLiteral("traceClear"));
    auto *save = new QPushButton(tr("Save\u2026"));
    save->setObjectName(QStringLiteral("traceSave"));
    save->setToolTip(tr("Save the frames in view as JSON Lines, whole (never cut)"));
    m_cut->setObjectName(QStringLiteral("traceCut"));
    m_cut->setRange(16, 16 * 1024 * 1024);
    m_cut->setSuffix(tr(" bytes"));
    m_cut->setToolTip(tr("Frames longer than this are cut in the hex pane; the saved file and "
                         "--trace-file always have them whole"));
    m_cutBytes = QSettings().value(QStringLiteral("trace/viewCut"), 4096).toInt();
    m_cut->setValue(m_cutBytes);
    m_dropped->setObjectName(QStringLiteral("traceDropped"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(recordButton);
    bar->addWidget(clear);
    bar->addWidget(save);
    bar->addSpacing(12);
    bar->addWidget(new QLabel(tr("Show at most")));
    bar->addWidget(m_cut);
    bar->addStretch(1);
    bar->addWidget(m_dropped);

    m_table->setObjectName(QStringLiteral("traceTable"));
    m_table->setModel(model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 4);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(TraceModel::Summary, QHeaderView::Stretch);
    m_table->setColumnWidth(TraceModel::Time, 100);
    m_table->setColumnWidth(TraceModel::Connection, 130);
    m_table->setColumnWidth(TraceModel::Direction, 70);
    m_table->setWordWrap(false);

    m_hex->setObjectName(QStringLiteral("traceHex"));
    auto *hexBox = new QWidget;
    auto *hexLayout = new QVBoxLayout(hexBox);
    hexLayout->setContentsMargins(0, 0, 0, 0);
    hexLayout->addWidget(m_cutNote);
    hexLayout->addWidget(m_hex, 1);
    m_cutNote->setObjectName(QStringLiteral("traceCutNote"));

    auto *split = new QSplitter(Qt::Horizontal);
    split->addWidget(m_table);
    split->addWidget(hexBox);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    // Room for a whole line of the dump: offset, 16 bytes in hex, and their ASCII.
    m_hex->setMinimumWidth(m_hex->fontMetrics().horizontalAdvance(QString(80, QLatin1Char('0'))));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(split, 1);

    connect(clear, &QPushButton::clicked, model, &TraceModel::clear);
    connect(save, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save the wire trace"), QStringLiteral("trace.jsonl"),
            tr("JSON Lines (*.jsonl);;All files (*)"));
        if (path.isEmpty())
            return;
        QString error;
        if (!this->save(path, &error))
            QMessageBox::warning(this, tr("Save the wire trace"), error);
    });
    connect(m_cut, &QSpinBox::valueChanged, this, [this](int bytes) {
        setViewCut(bytes);
        QSettings().setValue(QStringLiteral("trace/viewCut"), bytes);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &TracePanel::onCurrentChanged);
    connect(model, &TraceModel::droppedCountChanged, this, &TracePanel::updateDropped);
    // Follow the newest frames while the view is at the bottom; stay put once scrolled up.
    connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, this,
            [this](int v) { m_follow = v >= m_table->verticalScrollBar()->maximum() - 1; });
    connect(model, &TraceModel::rowsInserted, this, [this] {
        if (m_follow)
            m_table->scrollToBottom();
    });
    updateDropped();
    onCurrentChanged();
}

void TracePanel::setViewCut(int bytes)
{
    m_cutBytes = bytes;
    if (m_cut->value() != bytes)
        m_cut->setValue(bytes);
    onCurrentChanged();
}

void TracePanel::showRow(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    m_follow = false;
    const QModelIndex index = m_model->index(row, 0);
    m_table->setCurrentIndex(index);
    m_table->scrollTo(index, QAbstractItemView::PositionAtCenter);
}

bool TracePanel::save(const QString &path, QString *error) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    if (m_model->write(&file) < 0 || !file.flush()) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void TracePanel::onCurrentChanged()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_hex->setData({});
        m_cutNote->setText(tr("Select a frame to see its bytes."));
        return;
    }
    const QByteArray &raw = m_model->entryAt(current.row()).record.raw;
    if (raw.size() > m_cutBytes) {
        m_hex->setData(raw.left(m_cutBytes));
        m_cutNote->setText(
            tr("Showing the first %1 of %2 bytes (the saved file has them all).")
                .arg(QLocale().toString(m_cutBytes), QLocale().toString(raw.size())));
    } else {
        m_hex->setData(raw);
        m_cutNote->setText(tr("%1 bytes, as framed on the wire (before compression and TLS).")
                               .arg(QLocale().toString(raw.size())));
    }
}

void TracePanel::updateDropped()
{
    const quint64 n = m_model->droppedCount();
    m_dropped->setText(
        n == 0 ? QString()
               : tr("%1 older frames dropped from view").arg(QLocale().toString(qulonglong(n))));
}

} // namespace nsqui
