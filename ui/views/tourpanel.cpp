#include "tourpanel.h"

#include "timeformat.h"

#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QVBoxLayout>

namespace nsqui {

TourPanel::TourPanel(TourModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_list(new QListView), m_heading(new QLabel),
      m_status(new QLabel), m_explanation(new QLabel), m_intro(new QLabel),
      m_frames(new QPushButton), m_events(new QPushButton), m_replay(new QPushButton)
{
    m_list->setObjectName(QStringLiteral("tourSteps"));
    m_list->setModel(model);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setMinimumSize(260, 60);
    m_heading->setObjectName(QStringLiteral("tourHeading"));
    QFont bold = m_heading->font();
    bold.setBold(true);
    bold.setPointSize(bold.pointSize() + 1);
    m_heading->setFont(bold);
    m_status->setObjectName(QStringLiteral("tourStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_explanation->setObjectName(QStringLiteral("tourExplanation"));
    m_explanation->setWordWrap(true);
    m_explanation->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_intro->setWordWrap(true);
    m_frames->setObjectName(QStringLiteral("tourFrames"));
    m_events->setObjectName(QStringLiteral("tourEvents"));
    m_replay->setObjectName(QStringLiteral("tourReplay"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_frames);
    buttons->addWidget(m_events);
    buttons->addStretch(1);
    buttons->addWidget(m_replay);
    auto *detail = new QVBoxLayout;
    detail->addWidget(m_heading);
    detail->addWidget(m_status);
    detail->addWidget(m_explanation, 1);
    detail->addLayout(buttons);
    auto *row = new QHBoxLayout;
    row->addWidget(m_list, 2);
    row->addLayout(detail, 3);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_intro);
    layout->addLayout(row, 1);

    m_replayTimer.setInterval(5000);
    connect(&m_replayTimer, &QTimer::timeout, this, &TourPanel::replayNext);
    connect(m_replay, &QPushButton::clicked, this, &TourPanel::toggleReplay);
    connect(m_frames, &QPushButton::clicked, this,
            [this] { Q_EMIT framesRequested(currentStep()); });
    connect(m_events, &QPushButton::clicked, this,
            [this] { Q_EMIT eventsRequested(currentStep()); });
    connect(m_list, &QListView::clicked, this, [this] {
        m_userChose = true;
        if (m_replayTimer.isActive())
            toggleReplay();
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &TourPanel::updateDetail);
    connect(model, &TourModel::dataChanged, this, &TourPanel::updateDetail);
    connect(model, &TourModel::modelReset, this, [this] {
        m_userChose = false;
        showStep(TourModel::Connect);
    });
    // Each step lights up as it happens; the view follows the newest unless the user chose one.
    connect(model, &TourModel::stepReached, this, [this](TourModel::Step step) {
        if (!m_userChose && !m_replayTimer.isActive())
            showStep(step);
    });
    retranslate();
    // Moments are written as the window's time mode says; relative ones age.
    const auto rewriteTimes = [this] {
        retranslate();
        Q_EMIT m_model->dataChanged(m_model->index(0, 0),
                                    m_model->index(m_model->rowCount() - 1, 0));
    };
    connect(&TimeFormat::instance(), &TimeFormat::changed, this, rewriteTimes);
    connect(&TimeFormat::instance(), &TimeFormat::aged, this, rewriteTimes);
    showStep(TourModel::Connect);
}

TourModel::Step TourPanel::currentStep() const
{
    const QModelIndex i = m_list->currentIndex();
    return i.isValid() ? TourModel::Step(i.row()) : TourModel::Connect;
}

void TourPanel::showStep(TourModel::Step step)
{
    m_list->setCurrentIndex(m_model->index(step));
    updateDetail();
    Q_EMIT stepShown(step);
}

void TourPanel::updateDetail()
{
    const TourModel::Step step = currentStep();
    const TourModel::Progress &p = m_model->progress(step);
    m_heading->setText(TourModel::title(step));
    m_explanation->setText(m_model->explanation(step));
    QString status;
    switch (p.status) {
    case TourModel::Status::ToCome:
        status = tr("Still to come in this session.");
        break;
    case TourModel::Status::NotUsed:
        status = tr("Not used in this session (the server and the connection options did not ask "
                    "for it).");
        break;
    case TourModel::Status::Happened: {
        const QString at = TimeFormat::instance().atTime(p.firstMs);
        status = p.address.isEmpty() ? tr("Happened %1").arg(at)
                                     : tr("Happened %1 on %2").arg(at, p.address);
        if (p.count > 1)
            status += tr(", %n times so far", nullptr, int(qMin<qint64>(p.count, 1 << 30)));
        if (!p.detail.isEmpty())
            status += QStringLiteral(" (%1)").arg(p.detail);
        status += QLatin1Char('.');
        break;
    }
    }
    m_status->setText(status);
    const bool happened = p.status == TourModel::Status::Happened;
    m_frames->setEnabled(happened);
    m_events->setEnabled(happened);
}

void TourPanel::retranslate()
{
    m_intro->setText(tr("How an NSQ consumer works, step by step, as it happens on the "
                        "connections of this window. Select a step to read about it."));
    m_frames->setText(tr("Show its frames"));
    m_frames->setToolTip(tr("Select this step's frames in the wire trace"));
    m_events->setText(tr("Show its events"));
    m_events->setToolTip(tr("Select this step's events in the event timeline"));
    m_replay->setText(m_replayTimer.isActive() ? tr("Stop the replay") : tr("Replay"));
    m_replay->setToolTip(tr("Walk through the steps this session went through again, one every "
                            "few seconds"));
    updateDetail();
}

void TourPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_model->retranslate();
        retranslate();
    }
    QWidget::changeEvent(event);
}

void TourPanel::toggleReplay()
{
    if (m_replayTimer.isActive()) {
        m_replayTimer.stop();
        retranslate();
        return;
    }
    m_replaySteps = m_model->happenedInOrder();
    if (m_replaySteps.isEmpty())
        return;
    m_replayTimer.start();
    retranslate();
    replayNext();
}

void TourPanel::replayNext()
{
    if (m_replaySteps.isEmpty()) {
        m_replayTimer.stop();
        retranslate();
        Q_EMIT replayFinished();
        return;
    }
    showStep(m_replaySteps.takeFirst());
}

} // namespace nsqui
