#pragma once

#include "models/tourmodel.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QListView;
class QPushButton;

namespace nsqui {

// "How a consumer works": the steps of the tour model, each lighting up when it happens, with an
// explanation, links to its frames and events, and a replay at a pace a class can follow.
class TourPanel : public QWidget
{
    Q_OBJECT
public:
    explicit TourPanel(TourModel *model, QWidget *parent = nullptr);
    QListView *list() const { return m_list; }
    QLabel *explanationLabel() const { return m_explanation; }
    QPushButton *replayButton() const { return m_replay; }
    QPushButton *framesButton() const { return m_frames; }
    QPushButton *eventsButton() const { return m_events; }
    TourModel::Step currentStep() const;
    void showStep(TourModel::Step step);
    bool isReplaying() const { return m_replayTimer.isActive(); }
    void setReplayInterval(int ms) { m_replayTimer.setInterval(ms); }

Q_SIGNALS:
    void framesRequested(nsqui::TourModel::Step step);
    void eventsRequested(nsqui::TourModel::Step step);
    void stepShown(nsqui::TourModel::Step step);
    void replayFinished();

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateDetail();
    void retranslate();
    void toggleReplay();
    void replayNext();

    TourModel *m_model;
    QListView *m_list;
    QLabel *m_heading;
    QLabel *m_status;
    QLabel *m_explanation;
    QLabel *m_intro;
    QPushButton *m_frames;
    QPushButton *m_events;
    QPushButton *m_replay;
    QTimer m_replayTimer;
    QList<TourModel::Step> m_replaySteps;
    bool m_userChose = false; // the user picked a step: new ones do not take the view from them
};

} // namespace nsqui
