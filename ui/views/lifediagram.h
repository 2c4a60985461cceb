#pragma once

#include "models/messagemodel.h"

#include <QSet>
#include <QWidget>

class QLabel;

namespace nsqui {

// A message's life drawn as NSQ's state diagram - delivered, in flight, then finished, requeued
// (deferred) or timed out, and back as a redelivery with one more attempt - with the path this
// message took, as this session saw it, highlighted and timed.
class LifeDiagram : public QWidget
{
    Q_OBJECT
public:
    enum Node { Delivered, InFlight, Finished, Requeued, TimedOut, Redelivered, NodeCount };

    explicit LifeDiagram(QWidget *parent = nullptr);
    void setLife(const QList<MessageModel::LifeStep> &life);
    void clear() { setLife({}); }

    // For the tests and the reader: the path as words, and what is lit.
    QStringList pathSteps() const { return m_steps; }
    QSet<int> litNodes() const { return m_litNodes; }
    QSet<QPair<int, int>> litEdges() const { return m_litEdges; }

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;
    QSize sizeHint() const override { return {620, 190}; }
    QSize minimumSizeHint() const override { return {420, 150}; }

private:
    QString nodeName(int node) const;
    void rebuild();

    QList<MessageModel::LifeStep> m_life;
    QStringList m_steps;
    QSet<int> m_litNodes;
    QSet<QPair<int, int>> m_litEdges;
    QHash<int, QString> m_nodeTimes; // first time each lit node was reached, as "+1.2 s"
    QHash<int, int> m_visits;
    QLabel *m_path;
};

} // namespace nsqui
