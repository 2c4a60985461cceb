#include "gaveuppanel.h"

#include "connectpanel.h" // fieldErrorLabel
#include "models/gaveupmodel.h"

#include <protocol/messagerecord.h>
#include <protocol/names.h>

#include <QDateTime>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QTableView>
#include <QVBoxLayout>

namespace nsqui {

GaveUpPanel::GaveUpPanel(GaveUpModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_table(new QTableView), m_topic(new QLineEdit),
      m_resend(new QPushButton(tr("Resend"))), m_result(new QLabel)
{
    m_table->setObjectName(QStringLiteral("gaveUpTable"));
    m_table->setModel(model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    m_topic->setObjectName(QStringLiteral("gaveUpTopic"));
    m_topic->setPlaceholderText(tr("topic to resend to, e.g. orders_dead_letter"));
    m_resend->setObjectName(QStringLiteral("gaveUpResend"));
    m_resend->setToolTip(tr("Publish the selected messages (all when none is selected) to the "
                            "topic beside it"));
    auto *exportButton = new QPushButton(tr("Export…"));
    exportButton->setObjectName(QStringLiteral("gaveUpExport"));
    exportButton->setToolTip(tr("Write the selected messages (all when none is selected) to a "
                                "JSON Lines file"));
    auto *clear = new QPushButton(tr("Clear"));
    clear->setObjectName(QStringLiteral("gaveUpClear"));
    m_result->setObjectName(QStringLiteral("gaveUpResult"));
    m_result->setWordWrap(true);
    QLabel *topicError = fieldErrorLabel(QStringLiteral("gaveUpTopicError"));

    auto *intro = new QLabel(tr("Messages the consumer gave up on: past the attempts allowed "
                                "(Connection options ▸ Give up after), or refused when answered "
                                "(FIN or REQ after they timed out; one that nsqd delivers again "
                                "leaves the list). Kept until cleared."));
    intro->setWordWrap(true);
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Resend to")));
    bar->addWidget(m_topic, 1);
    bar->addWidget(m_resend);
    bar->addWidget(exportButton);
    bar->addWidget(clear);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addLayout(bar);
    layout->addWidget(topicError);
    layout->addWidget(m_result);
    auto *dropped = new QLabel;
    dropped->setObjectName(QStringLiteral("gaveUpDropped"));
    dropped->hide();
    layout->addWidget(dropped);
    connect(model, &GaveUpModel::droppedChanged, dropped, [dropped](quint64 n) {
        dropped->setText(tr("%1 older ones dropped: the list keeps the newest %2")
                             .arg(n)
                             .arg(GaveUpModel::kMostRows));
        dropped->setVisible(n > 0);
    });

    connect(m_resend, &QPushButton::clicked, this, [this, topicError] {
        const QString topic = m_topic->text().trimmed();
        QString why;
        if (!nsq::isValidTopicName(topic))
            why = tr("'%1' is not a valid topic name").arg(topic);
        else if (m_model->rowCount() == 0)
            why = tr("Nothing to resend");
        topicError->setText(why);
        topicError->setVisible(!why.isEmpty());
        if (!why.isEmpty())
            return;
        QList<QByteArray> bodies;
        for (int row : chosenRows())
            bodies << m_model->rowAt(row).message.body;
        m_result->setText(
            tr("Resending %n message(s) to %1…", nullptr, int(bodies.size())).arg(topic));
        m_resend->setEnabled(false); // until this resend is done: a second click would double it
        Q_EMIT resendRequested(bodies, topic);
    });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export the messages given up on"), QStringLiteral("gave-up.jsonl"),
            tr("JSON Lines (*.jsonl);;All files (*)"));
        if (path.isEmpty())
            return;
        const QString error = exportTo(path);
        m_result->setText(error.isEmpty() ? tr("Exported to %1").arg(path) : error);
    });
    connect(clear, &QPushButton::clicked, model, &GaveUpModel::clear);
}

QList<int> GaveUpPanel::chosenRows() const
{
    QList<int> rows;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
        rows << i.row();
    std::sort(rows.begin(), rows.end());
    if (rows.isEmpty())
        for (int i = 0; i < m_model->rowCount(); ++i)
            rows << i;
    return rows;
}

void GaveUpPanel::showResult(const QString &text, bool busy)
{
    m_result->setText(text);
    m_resend->setEnabled(!busy);
}

QString GaveUpPanel::exportTo(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("Could not write %1: %2").arg(path, file.errorString());
    for (int row : chosenRows()) {
        const GaveUpModel::Row &r = m_model->rowAt(row);
        QJsonObject o = nsq::messageRecordObject(r.message, r.nsqd, r.topic);
        o.insert(QStringLiteral("gave_up"), GaveUpModel::whyCode(r.why));
        o.insert(QStringLiteral("gave_up_detail"), r.detail);
        o.insert(QStringLiteral("gave_up_at"),
                 QDateTime::fromMSecsSinceEpoch(r.atMs, Qt::UTC).toString(Qt::ISODateWithMs));
        file.write(QJsonDocument(o).toJson(QJsonDocument::Compact));
        file.write("\n");
    }
    if (!file.commit())
        return tr("Could not write %1: %2").arg(path, file.errorString());
    return {};
}

} // namespace nsqui
