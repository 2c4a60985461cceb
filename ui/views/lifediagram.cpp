#include "lifediagram.h"

#include "timeformat.h"

#include <QEvent>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QVBoxLayout>

#include <cmath>

namespace nsqui {

namespace {
using Kind = MessageModel::LifeStep::Kind;

// Where each state sits, in a 3 x 2 grid of cells, laid out so that no arrow crosses a box.
const QPointF kCell[LifeDiagram::NodeCount] = {
    {0, 0}, // Delivered
    {1, 0}, // In flight
    {2, 0}, // Finished
    {2, 1}, // Requeued
    {0, 1}, // Timed out
    {1, 1}, // Redelivered
};
const QList<QPair<int, int>> kEdges = {
    {LifeDiagram::Delivered, LifeDiagram::InFlight},
    {LifeDiagram::InFlight, LifeDiagram::Finished},
    {LifeDiagram::InFlight, LifeDiagram::Requeued},
    {LifeDiagram::InFlight, LifeDiagram::TimedOut},
    {LifeDiagram::Requeued, LifeDiagram::Redelivered},
    {LifeDiagram::TimedOut, LifeDiagram::Redelivered},
    {LifeDiagram::Redelivered, LifeDiagram::InFlight},
};
} // namespace

LifeDiagram::LifeDiagram(QWidget *parent) : QWidget(parent), m_path(new QLabel)
{
    setObjectName(QStringLiteral("lifeDiagram"));
    m_path->setObjectName(QStringLiteral("lifePath"));
    m_path->setWordWrap(true);
    m_path->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1); // the drawing is painted above
    layout->addWidget(m_path);
    connect(&TimeFormat::instance(), &TimeFormat::changed, this, &LifeDiagram::rebuild);
    connect(&TimeFormat::instance(), &TimeFormat::aged, this, &LifeDiagram::rebuild);
    rebuild();
}

QString LifeDiagram::nodeName(int node) const
{
    switch (node) {
    case Delivered:
        return tr("delivered");
    case InFlight:
        return tr("in flight");
    case Finished:
        return tr("finished");
    case Requeued:
        return tr("requeued (deferred)");
    case TimedOut:
        return tr("timed out");
    case Redelivered:
        return tr("redelivered, attempts + 1");
    }
    return {};
}

void LifeDiagram::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        rebuild();
    QWidget::changeEvent(event);
}

void LifeDiagram::setLife(const QList<MessageModel::LifeStep> &life)
{
    if (life.size() == m_life.size() &&
        std::equal(life.cbegin(), life.cend(), m_life.cbegin(), [](const auto &a, const auto &b) {
            return a.kind == b.kind && a.atMs == b.atMs && a.value == b.value;
        }))
        return;
    m_life = life;
    rebuild();
}

void LifeDiagram::rebuild()
{
    m_steps.clear();
    m_litNodes.clear();
    m_litEdges.clear();
    m_nodeTimes.clear();
    m_visits.clear();
    if (m_life.isEmpty()) {
        m_path->setText(tr("Select a message to see the path it took."));
        update();
        return;
    }
    const qint64 start = m_life.first().atMs;
    const auto since = [start](qint64 ms) {
        return QStringLiteral("+%1 s").arg(double(ms - start) / 1000.0, 0, 'f', 1);
    };
    int at = -1; // the node the message is in
    const auto reach = [&](int node, qint64 ms) {
        if (at >= 0)
            m_litEdges.insert({at, node});
        m_litNodes.insert(node);
        m_visits[node] += 1;
        if (!m_nodeTimes.contains(node))
            m_nodeTimes.insert(node, since(ms));
        at = node;
    };
    for (const MessageModel::LifeStep &s : std::as_const(m_life)) {
        switch (s.kind) {
        case Kind::Delivered:
            if (at < 0) {
                reach(Delivered, s.atMs);
                m_steps << tr("delivered (attempt %1) at %2")
                               .arg(s.value)
                               .arg(TimeFormat::instance().time(s.atMs));
            } else {
                reach(Redelivered, s.atMs);
                m_steps << tr("delivered again (attempt %1) %2").arg(s.value).arg(since(s.atMs));
            }
            reach(InFlight, s.atMs);
            break;
        case Kind::Touched:
            m_steps << tr("touched %1").arg(since(s.atMs));
            break;
        case Kind::Finished:
            reach(Finished, s.atMs);
            m_steps << tr("finished %1").arg(since(s.atMs));
            break;
        case Kind::Failed:
            reach(Finished, s.atMs);
            m_steps << tr("given up on (past its attempts) and finished %1").arg(since(s.atMs));
            break;
        case Kind::Requeued:
            reach(Requeued, s.atMs);
            m_steps << (s.value > 0
                            ? tr("requeued with a %1 ms delay %2").arg(s.value).arg(since(s.atMs))
                            : tr("requeued %1").arg(since(s.atMs)));
            break;
        case Kind::TimedOut:
            reach(TimedOut, s.atMs);
            m_steps << tr("timed out %1").arg(since(s.atMs));
            break;
        case Kind::Refused:
            reach(TimedOut, s.atMs);
            m_steps << tr("answered too late (nsqd had taken it back) %1").arg(since(s.atMs));
            break;
        case Kind::Lost:
            reach(TimedOut, s.atMs);
            m_steps << tr("lost with its connection %1").arg(since(s.atMs));
            break;
        }
    }
    m_path->setText(m_steps.join(QStringLiteral(" → ")));
    update();
}

void LifeDiagram::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRect area = rect().adjusted(8, 8, -8, -(m_path->height() + 12));
    if (area.height() < 40)
        return;
    const qreal cw = area.width() / 3.0, ch = area.height() / 2.0;
    const QFontMetrics fm = fontMetrics();
    const qreal boxW = qMin(cw - 24, qreal(fm.horizontalAdvance(QLatin1Char('x')) * 26));
    const qreal boxH = qMin(ch - 16, qreal(fm.lineSpacing() * 2.6));
    QRectF box[NodeCount];
    for (int n = 0; n < NodeCount; ++n) {
        const QPointF c(area.left() + cw * (kCell[n].x() + 0.5),
                        area.top() + ch * (kCell[n].y() + 0.5));
        box[n] = QRectF(c.x() - boxW / 2, c.y() - boxH / 2, boxW, boxH);
    }
    const QColor plain = palette().color(QPalette::Mid);
    const QColor lit = palette().color(QPalette::Highlight);
    const QColor text = palette().color(QPalette::WindowText);
    // Edges, from box edge to box edge, with an arrow head.
    for (const auto &[from, to] : kEdges) {
        const bool on = m_litEdges.contains({from, to});
        QPointF a = box[from].center(), b = box[to].center();
        const QLineF line(a, b);
        const auto clip = [&](const QRectF &r, QPointF from, QPointF toward) {
            // Walk toward the other centre until outside the box.
            QLineF l(from, toward);
            for (qreal t = 0; t <= 1; t += 0.01)
                if (!r.contains(l.pointAt(t)))
                    return l.pointAt(t);
            return from;
        };
        a = clip(box[from], line.p1(), line.p2());
        b = clip(box[to], line.p2(), line.p1());
        p.setPen(QPen(on ? lit : plain, on ? 3 : 1.2));
        p.drawLine(a, b);
        const QLineF back(b, a);
        const qreal angle = std::atan2(-back.dy(), back.dx());
        const qreal head = 8;
        QPainterPath arrow;
        arrow.moveTo(b);
        arrow.lineTo(b + QPointF(std::cos(angle + 0.45) * head, -std::sin(angle + 0.45) * head));
        arrow.lineTo(b + QPointF(std::cos(angle - 0.45) * head, -std::sin(angle - 0.45) * head));
        arrow.closeSubpath();
        p.fillPath(arrow, on ? lit : plain);
    }
    for (int n = 0; n < NodeCount; ++n) {
        const bool on = m_litNodes.contains(n);
        p.setPen(QPen(on ? lit : plain, on ? 2.5 : 1));
        p.setBrush(on ? lit.lighter(180) : palette().color(QPalette::Base));
        p.drawRoundedRect(box[n], 6, 6);
        p.setPen(on ? QColor(Qt::black) : text);
        QString label = nodeName(n);
        if (on) {
            label += QLatin1Char('\n') + m_nodeTimes.value(n);
            if (m_visits.value(n) > 1)
                label += QStringLiteral("  ×%1").arg(m_visits.value(n));
        }
        p.drawText(box[n].adjusted(4, 2, -4, -2), Qt::AlignCenter | Qt::TextWordWrap, label);
    }
}

} // namespace nsqui
