#include "lifediagram.h"

#include "timeformat.h"

#include <QAbstractTextDocumentLayout>
#include <QEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTextEdit>
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
// A box holds a state's name and its times, each of which may wrap once in a narrow box.
constexpr int kBoxLines = 4;
constexpr int kBoxPadding = 10;
constexpr int kCellGap = 10; // between boxes, room for an arrow head
// Past this the words scroll: the drawing keeps its room whatever the history.
constexpr int kWordLines = 3;
// The longest stretch that is looked for repeating (timed out → delivered again is 2).
constexpr int kLongestRepeat = 3;
constexpr int kFewestRepeats = 3;

QColor mix(const QColor &from, const QColor &to, qreal t)
{
    return QColor::fromRgbF(from.redF() + (to.redF() - from.redF()) * t,
                            from.greenF() + (to.greenF() - from.greenF()) * t,
                            from.blueF() + (to.blueF() - from.blueF()) * t);
}

// WCAG's contrast ratio, 1 to 21.
qreal contrast(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &c) {
        const auto channel = [](qreal v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) +
               0.0722 * channel(c.blueF());
    };
    const qreal la = luminance(a), lb = luminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

// One step in words: key tells which steps are alike when they repeat; bare is the step without
// its time, for the count of a repeated stretch.
struct Word
{
    QString key;
    QString bare;
    QString full;
    qint64 atMs = 0;
};
} // namespace

LifeDiagram::LifeDiagram(QWidget *parent)
    : QScrollArea(parent), m_canvas(new QWidget), m_words(new QTextEdit)
{
    setObjectName(QStringLiteral("lifeDiagram"));
    setFrameShape(QFrame::NoFrame);
    setWidgetResizable(true);
    // On Base like the other tabs' text, so the words sit on the drawing's own background.
    setBackgroundRole(QPalette::Base);
    auto *content = new QWidget;
    content->setBackgroundRole(QPalette::Base);
    content->setAutoFillBackground(true);
    m_canvas->setObjectName(QStringLiteral("lifeDrawing"));
    m_canvas->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    m_canvas->installEventFilter(this);
    m_words->setObjectName(QStringLiteral("lifePath"));
    m_words->setReadOnly(true);
    m_words->setFrameShape(QFrame::NoFrame);
    m_words->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_words->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    connect(m_words->document()->documentLayout(),
            &QAbstractTextDocumentLayout::documentSizeChanged, this, &LifeDiagram::fitWords);
    auto *layout = new QVBoxLayout(content);
    layout->addWidget(m_canvas, 1);
    layout->addWidget(m_words);
    setWidget(content);
    connect(&TimeFormat::instance(), &TimeFormat::changed, this, &LifeDiagram::rebuild);
    connect(&TimeFormat::instance(), &TimeFormat::aged, this, &LifeDiagram::rebuild);
    fitCanvas();
    rebuild();
}

QWidget *LifeDiagram::words() const
{
    return m_words;
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

QString LifeDiagram::nodeLabel(int node) const
{
    if (!m_litNodes.contains(node))
        return nodeName(node);
    // The latest visit too: in flight for the third time, it is that one that is running.
    const Visits v = m_visits.value(node);
    QString times;
    if (v.partial) // past the steps not kept: the count is a floor, the first time maybe unknown
        times = tr("%1 … %2 ×%3+", "at least %3 times")
                    .arg(v.firstKept ? since(v.firstMs) : QString(), since(v.lastMs))
                    .arg(v.count)
                    .trimmed();
    else if (v.count > 1)
        times = tr("%1 … %2 ×%3").arg(since(v.firstMs), since(v.lastMs)).arg(v.count);
    else
        times = since(v.firstMs);
    return nodeName(node) + QLatin1Char('\n') + times;
}

QString LifeDiagram::since(qint64 ms) const
{
    return tr("+%1", "time since the first delivery").arg(TimeFormat::span(ms - m_startMs));
}

void LifeDiagram::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        rebuild();
    if (event->type() == QEvent::FontChange)
        fitCanvas();
    QScrollArea::changeEvent(event);
}

void LifeDiagram::setLife(const QList<MessageModel::LifeStep> &life, int dropped)
{
    if (dropped == m_dropped && life.size() == m_life.size() &&
        std::equal(life.cbegin(), life.cend(), m_life.cbegin(), [](const auto &a, const auto &b) {
            return a.kind == b.kind && a.atMs == b.atMs && a.value == b.value;
        }))
        return;
    m_life = life;
    m_dropped = dropped;
    rebuild();
}

void LifeDiagram::rebuild()
{
    m_steps.clear();
    m_litNodes.clear();
    m_litEdges.clear();
    m_visits.clear();
    if (m_life.isEmpty()) {
        m_words->setPlainText(tr("Select a message to see the path it took."));
        m_canvas->update();
        return;
    }
    m_startMs = m_life.first().atMs;
    int at = -1; // the node the message is in; unknown right after steps not kept
    bool delivered = false;
    bool afterGap = false;
    const auto reach = [&](int node, qint64 ms) {
        if (at >= 0)
            m_litEdges.insert({at, node});
        m_litNodes.insert(node);
        Visits &v = m_visits[node];
        if (v.count++ == 0) {
            v.firstMs = ms;
            v.firstKept = !afterGap;
        }
        v.partial = v.partial || afterGap;
        v.lastMs = ms;
        at = node;
    };
    QList<Word> words;
    const auto say = [&](const MessageModel::LifeStep &s, const QString &bare,
                         const QString &full) {
        words << Word{QStringLiteral("%1/%2").arg(int(s.kind)).arg(s.value), bare, full, s.atMs};
    };
    for (qsizetype i = 0; i < m_life.size(); ++i) {
        const MessageModel::LifeStep &s = m_life.at(i);
        if (i == 1 && m_dropped > 0) {
            words << Word{
                QStringLiteral("gap"), {}, tr("… %n steps not kept …", nullptr, m_dropped)};
            at = -1;
            afterGap = true;
        }
        switch (s.kind) {
        case Kind::Delivered:
            if (!delivered) {
                delivered = true;
                reach(Delivered, s.atMs);
                const TimeFormat &format = TimeFormat::instance();
                // Relative mode writes "1 min 10 s ago", which takes no "at".
                words << Word{QStringLiteral("first"),
                              {},
                              (format.mode() == TimeFormat::Mode::Relative
                                   ? tr("delivered (attempt %1) %2")
                                   : tr("delivered (attempt %1) at %2"))
                                  .arg(s.value)
                                  .arg(format.time(s.atMs)),
                              s.atMs};
            } else {
                reach(Redelivered, s.atMs);
                words << Word{QStringLiteral("again"), tr("delivered again"),
                              tr("delivered again (attempt %1) %2").arg(s.value).arg(since(s.atMs)),
                              s.atMs};
            }
            reach(InFlight, s.atMs);
            break;
        case Kind::Touched:
            say(s, tr("touched"), tr("touched %1").arg(since(s.atMs)));
            break;
        case Kind::Finished:
            reach(Finished, s.atMs);
            say(s, tr("finished"), tr("finished %1").arg(since(s.atMs)));
            break;
        case Kind::Failed:
            reach(Finished, s.atMs);
            say(s, tr("given up on (past its attempts) and finished"),
                tr("given up on (past its attempts) and finished %1").arg(since(s.atMs)));
            break;
        case Kind::Requeued:
            reach(Requeued, s.atMs);
            if (s.value > 0)
                say(s, tr("requeued with a %1 ms delay").arg(s.value),
                    tr("requeued with a %1 ms delay %2").arg(s.value).arg(since(s.atMs)));
            else
                say(s, tr("requeued"), tr("requeued %1").arg(since(s.atMs)));
            break;
        case Kind::TimedOut:
            reach(TimedOut, s.atMs);
            say(s, tr("timed out"), tr("timed out %1").arg(since(s.atMs)));
            break;
        case Kind::Refused:
            reach(TimedOut, s.atMs);
            say(s, tr("answered too late (nsqd had taken it back)"),
                tr("answered too late (nsqd had taken it back) %1").arg(since(s.atMs)));
            break;
        case Kind::Lost:
            reach(TimedOut, s.atMs);
            say(s, tr("lost with its connection"),
                tr("lost with its connection %1").arg(since(s.atMs)));
            break;
        }
    }
    // A message left to time out twenty times reads as one stretch with a count, not forty steps.
    const auto alike = [&](qsizetype a, qsizetype b, int n) {
        for (int k = 0; k < n; ++k)
            if (words.at(a + k).key != words.at(b + k).key)
                return false;
        return true;
    };
    for (qsizetype i = 0; i < words.size();) {
        int period = 0, repeats = 1;
        for (int p = 1; p <= kLongestRepeat; ++p) {
            int r = 1;
            while (i + (r + 1) * p <= words.size() && alike(i, i + r * p, p))
                ++r;
            if (r >= kFewestRepeats && r * p > repeats * period) {
                period = p;
                repeats = r;
            }
        }
        if (period == 0 || words.at(i).bare.isEmpty()) {
            m_steps << words.at(i).full;
            ++i;
            continue;
        }
        QStringList stretch;
        for (int k = 0; k < period; ++k)
            stretch << words.at(i + k).bare;
        const qsizetype last = i + qsizetype(repeats) * period - 1;
        m_steps << tr("%1, %n times (%2 … %3)", "a stretch of the path that repeated", repeats)
                       .arg(stretch.join(QStringLiteral(" → ")), since(words.at(i).atMs),
                            since(words.at(last).atMs));
        i = last + 1;
    }
    m_words->setPlainText(m_steps.join(QStringLiteral(" → ")));
    m_canvas->update();
}

void LifeDiagram::fitCanvas()
{
    const QFontMetrics fm = fontMetrics();
    const int cellW = fm.averageCharWidth() * 22 + 2 * kCellGap;
    const int cellH = fm.lineSpacing() * kBoxLines + kBoxPadding + kCellGap;
    m_canvas->setMinimumSize(3 * cellW + 16, 2 * cellH + 16);
}

void LifeDiagram::fitWords()
{
    const int most = m_words->fontMetrics().lineSpacing() * kWordLines +
                     2 * int(std::ceil(m_words->document()->documentMargin()));
    const int content = int(std::ceil(m_words->document()->size().height()));
    m_words->setFixedHeight(qMin(content, most) + 2 * m_words->frameWidth());
}

bool LifeDiagram::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_canvas && event->type() == QEvent::Paint) {
        paintCanvas();
        return true;
    }
    return QScrollArea::eventFilter(watched, event);
}

void LifeDiagram::layoutBoxes(QRectF (&box)[NodeCount]) const
{
    const QRectF area = QRectF(m_canvas->rect()).adjusted(8, 8, -8, -8);
    const qreal cw = area.width() / 3.0, ch = area.height() / 2.0;
    const QFontMetrics fm = fontMetrics();
    const qreal boxW = qMax(qreal(1), qMin(cw - 2 * kCellGap, qreal(fm.averageCharWidth() * 34)));
    // As tall as the longest label needs at that width, within the cell.
    int need = 2 * fm.lineSpacing();
    for (int n = 0; n < NodeCount; ++n)
        need = qMax(need, fm.boundingRect(QRect(0, 0, int(boxW) - 8, 10000),
                                          Qt::AlignCenter | Qt::TextWordWrap, nodeLabel(n))
                              .height());
    const qreal boxH = qMax(qreal(1), qMin(ch - kCellGap, qreal(need + kBoxPadding)));
    for (int n = 0; n < NodeCount; ++n) {
        const QPointF c(area.left() + cw * (kCell[n].x() + 0.5),
                        area.top() + ch * (kCell[n].y() + 0.5));
        box[n] = QRectF(c.x() - boxW / 2, c.y() - boxH / 2, boxW, boxH);
    }
}

QRectF LifeDiagram::nodeRect(int node) const
{
    QRectF box[NodeCount];
    layoutBoxes(box);
    return node >= 0 && node < NodeCount ? box[node] : QRectF();
}

QColor LifeDiagram::edgeColour(bool lit) const
{
    const QColor back = palette().color(QPalette::Base);
    const QColor ink = palette().color(QPalette::Text);
    // Halfway to the text stands out on a light or a dark background alike (Mid did not in dark).
    const QColor plain = mix(back, ink, 0.5);
    if (!lit)
        return plain;
    // The highlight, taken toward the text until it stands out clearly more than the plain lines.
    const QColor highlight = palette().color(QPalette::Highlight);
    const qreal wanted = qMax(4.5, contrast(plain, back) * 1.3);
    QColor c = highlight;
    for (int step = 1; step <= 10 && contrast(c, back) < wanted; ++step)
        c = mix(highlight, ink, step / 10.0);
    return c;
}

void LifeDiagram::paintCanvas()
{
    QPainter p(m_canvas);
    p.setRenderHint(QPainter::Antialiasing);
    QRectF box[NodeCount];
    layoutBoxes(box);
    const QColor plain = edgeColour(false);
    const QColor lit = edgeColour(true);
    const QColor base = palette().color(QPalette::Base);
    const QColor text = palette().color(QPalette::Text);
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
        p.setPen(QPen(on ? lit : plain, on ? 2.5 : 1.2));
        p.setBrush(on ? mix(base, palette().color(QPalette::Highlight), 0.3) : base);
        p.drawRoundedRect(box[n], 6, 6);
        p.setPen(on ? text : mix(base, text, 0.75));
        p.drawText(box[n].adjusted(4, 2, -4, -2), Qt::AlignCenter | Qt::TextWordWrap, nodeLabel(n));
    }
}

} // namespace nsqui
