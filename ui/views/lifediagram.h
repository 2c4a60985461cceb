#pragma once

#include "models/messagemodel.h"

#include <QScrollArea>
#include <QSet>

class QTextEdit;

namespace nsqui {

// A message's life drawn as NSQ's state diagram - delivered, in flight, then finished, requeued
// (deferred) or timed out, and back as a redelivery with one more attempt - with the path this
// message took, as this session saw it, highlighted and timed; under it the same path in words.
// In a pane too small for the drawing it scrolls rather than squeeze the drawing away.
class LifeDiagram : public QScrollArea
{
    Q_OBJECT
public:
    enum Node { Delivered, InFlight, Finished, Requeued, TimedOut, Redelivered, NodeCount };

    explicit LifeDiagram(QWidget *parent = nullptr);
    // dropped: steps the model no longer keeps, from between life[0] and life[1].
    void setLife(const QList<MessageModel::LifeStep> &life, int dropped = 0);
    void clear() { setLife({}); }

    // For the tests and the reader: the path as words (a stretch that repeats written once, with
    // a count), what is lit, each state's box (where, and what it says) and the arrows' colour.
    QStringList pathSteps() const { return m_steps; }
    QSet<int> litNodes() const { return m_litNodes; }
    QSet<QPair<int, int>> litEdges() const { return m_litEdges; }
    QRectF nodeRect(int node) const; // on drawing()
    QString nodeLabel(int node) const;
    QColor edgeColour(bool lit) const;
    QWidget *drawing() const { return m_canvas; }
    QWidget *words() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Visits
    {
        qint64 firstMs = 0;
        qint64 lastMs = 0;
        int count = 0;
        bool firstKept = true; // false: the first visit was among the steps not kept
        bool partial = false;  // there may have been visits among the steps not kept
    };

    QString nodeName(int node) const;
    QString since(qint64 ms) const;
    void rebuild();
    void fitCanvas();
    void fitWords();
    void paintCanvas();
    void layoutBoxes(QRectF (&box)[NodeCount]) const;

    QList<MessageModel::LifeStep> m_life;
    int m_dropped = 0;
    qint64 m_startMs = 0;
    QStringList m_steps;
    QSet<int> m_litNodes;
    QSet<QPair<int, int>> m_litEdges;
    QHash<int, Visits> m_visits;
    QWidget *m_canvas;
    QTextEdit *m_words;
};

} // namespace nsqui
