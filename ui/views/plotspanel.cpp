// QCustomPlot's header uses Qt's keywords (signals, foreach), which the project switches off: it
// is read first, in this file only, with them on.
#undef QT_NO_KEYWORDS
#undef QT_NO_FOREACH
#include <qcustomplot.h>

#include "plotspanel.h"

#include "timeformat.h"

#include <QBoxLayout>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QTextStream>
#include <QVBoxLayout>

#include <cmath>

namespace nsqui {

namespace {

constexpr qint64 kKeepMs = 16 * 60 * 1000; // the widest window and a margin

double key(qint64 ms)
{
    return double(ms) / 1000.0;
}

// The point at or before key (the series are steps in time); nullopt before the first.
std::optional<double> valueAt(const QCPGraph *g, double k)
{
    auto data = g->data();
    if (data->isEmpty())
        return std::nullopt;
    auto it = data->findEnd(k, false); // first point with key > k
    if (it == data->constBegin())
        return std::nullopt;
    --it;
    if (k - it->key > 2.0 * PlotsPanel::kSampleMs / 1000.0 + 0.01 && it + 1 == data->constEnd())
        return std::nullopt; // past the last point: unknown yet
    return it->value;
}

} // namespace

PlotsPanel::PlotsPanel(QWidget *parent)
    : QWidget(parent), m_windowBox(new QComboBox), m_pauseBox(new QCheckBox(tr("Pause"))),
      m_readout(new QLabel)
{
    m_ready = makePlot(tr("RDY and messages in flight (this consumer)"), tr("messages"));
    m_rates = makePlot(tr("Messages per second"), tr("per second"));
    m_channel = makePlot(tr("The channel on nsqd (/stats)"), tr("messages"));
    connect(&TimeFormat::instance(), &TimeFormat::changed, this, [this] {
        for (QCustomPlot *plot : {m_ready, m_rates, m_channel}) {
            applyTimeMode(plot);
            plot->replot(QCustomPlot::rpQueuedReplot);
        }
    });
    m_ready->setObjectName(QStringLiteral("readyPlot"));
    m_rates->setObjectName(QStringLiteral("ratePlot"));
    m_channel->setObjectName(QStringLiteral("channelPlot"));

    addGraph(m_ready, QStringLiteral("rdy"), tr("RDY total"), QColor(0x1f, 0x77, 0xb4), true);
    addGraph(m_ready, QStringLiteral("inflight"), tr("in flight"), QColor(0xd6, 0x27, 0x28), true);
    QCPGraph *beats =
        addGraph(m_ready, QStringLiteral("heartbeat"), tr("heartbeat"), QColor(0x2c, 0xa0, 0x2c));
    beats->setLineStyle(QCPGraph::lsNone);
    beats->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDiamond, 9));
    addGraph(m_rates, QStringLiteral("received"), tr("received/s"), QColor(0x1f, 0x77, 0xb4));
    addGraph(m_rates, QStringLiteral("finished"), tr("finished/s"), QColor(0x2c, 0xa0, 0x2c));
    addGraph(m_rates, QStringLiteral("requeued"), tr("requeued/s"), QColor(0xff, 0x7f, 0x0e));
    addGraph(m_rates, QStringLiteral("timedout"), tr("timed out/s"), QColor(0xd6, 0x27, 0x28));
    addGraph(m_channel, QStringLiteral("depth"), tr("depth"), QColor(0x94, 0x67, 0xbd), true);
    addGraph(m_channel, QStringLiteral("nsqdinflight"), tr("in flight (nsqd)"),
             QColor(0xd6, 0x27, 0x28), true);

    m_windowBox->setObjectName(QStringLiteral("plotWindow"));
    m_windowBox->addItem(tr("1 minute"), 60);
    m_windowBox->addItem(tr("5 minutes"), 300);
    m_windowBox->addItem(tr("15 minutes"), 900);
    m_pauseBox->setObjectName(QStringLiteral("plotPause"));
    m_pauseBox->setToolTip(tr("Stop following the present; drag or wheel over a plot to scroll "
                              "and zoom in time"));
    m_readout->setObjectName(QStringLiteral("plotReadout"));
    m_readout->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *png = new QPushButton(tr("PNG\u2026"));
    png->setObjectName(QStringLiteral("plotPng"));
    auto *csv = new QPushButton(tr("CSV\u2026"));
    csv->setObjectName(QStringLiteral("plotCsv"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Show the last")));
    bar->addWidget(m_windowBox);
    bar->addWidget(m_pauseBox);
    bar->addStretch(1);
    bar->addWidget(png);
    bar->addWidget(csv);
    m_plotBox = new QBoxLayout(QBoxLayout::TopToBottom);
    m_plotBox->addWidget(m_ready, 3);
    m_plotBox->addWidget(m_rates, 3);
    m_plotBox->addWidget(m_channel, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addLayout(m_plotBox, 1);
    layout->addWidget(m_readout);

    const int saved = QSettings().value(QStringLiteral("plots/window"), 300).toInt();
    m_windowBox->setCurrentIndex(qMax(0, m_windowBox->findData(saved)));
    m_windowSeconds = m_windowBox->currentData().toInt();
    connect(m_windowBox, &QComboBox::currentIndexChanged, this, [this] {
        setWindow(m_windowBox->currentData().toInt());
        QSettings().setValue(QStringLiteral("plots/window"), m_windowSeconds);
    });
    connect(m_pauseBox, &QCheckBox::toggled, this, &PlotsPanel::setPaused);
    connect(png, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export the plots"), QStringLiteral("plots.png"), tr("PNG images (*.png)"));
        QString error;
        if (!path.isEmpty() && !exportPng(path, &error))
            QMessageBox::warning(this, tr("Export the plots"), error);
    });
    connect(csv, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Export the plotted values"),
                                         QStringLiteral("plots.csv"), tr("CSV files (*.csv)"));
        QString error;
        if (!path.isEmpty() && !exportCsv(path, &error))
            QMessageBox::warning(this, tr("Export the plotted values"), error);
    });

    m_timer.setInterval(kSampleMs);
    connect(&m_timer, &QTimer::timeout, this, &PlotsPanel::sample);
    m_timer.start();
    follow();
}

namespace {
// Relative time on the axis: "-30 s", "-4 min", from now. Ticks stand at whole steps back from
// now, not at round clock times, or the labels would read "-2 min, -61 s, -1 s".
class RelativeTicker : public QCPAxisTickerDateTime
{
protected:
    QVector<double> createTickVector(double tickStep, const QCPRange &range) override
    {
        QVector<double> ticks;
        if (tickStep <= 0)
            return ticks;
        const double now = double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
        const double nearest = std::ceil((now - range.upper) / tickStep);
        const double farthest = std::floor((now - range.lower) / tickStep);
        for (double k = farthest; k >= nearest && ticks.size() < 1000; --k)
            ticks << now - k * tickStep;
        m_step = tickStep;
        return ticks;
    }
    QString getTickLabel(double tick, const QLocale &, QChar, int) override
    {
        const double ago = double(QDateTime::currentMSecsSinceEpoch()) / 1000.0 - tick;
        if (qAbs(ago) < 0.5)
            return PlotsPanel::tr("now");
        // One unit along the axis, the step's: "-90 s, -60 s, -30 s", not "-2 min, -60 s".
        if (m_step < 60)
            return PlotsPanel::tr("%1 s").arg(-qRound(ago));
        if (m_step < 3600)
            return PlotsPanel::tr("%1 min").arg(-qRound(ago / 60.0));
        return PlotsPanel::tr("%1 h").arg(-qRound(ago / 3600.0));
    }

private:
    double m_step = 1;
};
} // namespace

void PlotsPanel::applyTimeMode(QCustomPlot *plot)
{
    const TimeFormat::Mode mode = TimeFormat::instance().mode();
    QSharedPointer<QCPAxisTickerDateTime> ticker(
        mode == TimeFormat::Mode::Relative ? new RelativeTicker : new QCPAxisTickerDateTime);
    ticker->setDateTimeFormat(mode == TimeFormat::Mode::Utc ? QStringLiteral("HH:mm:ss'Z'")
                                                            : QStringLiteral("HH:mm:ss"));
    ticker->setDateTimeSpec(mode == TimeFormat::Mode::Utc ? Qt::UTC : Qt::LocalTime);
    ticker->setTickCount(4); // a narrow plot's times must not run into each other
    plot->xAxis->setTicker(ticker);
}

void PlotsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        for (QCustomPlot *plot : {m_ready, m_rates, m_channel})
            if (plot) {
                applyPalette(plot);
                plot->replot(QCustomPlot::rpQueuedReplot);
            }
    QWidget::changeEvent(event);
}

// QCustomPlot paints in its own colours (black on white); it follows the window's instead, so
// the dark theme has dark plots.
void PlotsPanel::applyPalette(QCustomPlot *plot)
{
    const QPalette p = palette();
    const QColor text = p.color(QPalette::WindowText);
    QColor grid = text;
    grid.setAlpha(50);
    plot->setBackground(p.brush(QPalette::Base));
    for (QCPAxis *axis : plot->axisRect()->axes()) {
        axis->setBasePen(QPen(text));
        axis->setTickPen(QPen(text));
        axis->setSubTickPen(QPen(text));
        axis->setLabelColor(text);
        axis->setTickLabelColor(text);
        axis->grid()->setPen(QPen(grid, 1, Qt::DotLine));
    }
    plot->legend->setBrush(p.brush(QPalette::Base));
    plot->legend->setTextColor(text);
    for (QCPLayoutElement *e : plot->plotLayout()->elements(true))
        if (auto *caption = qobject_cast<QCPTextElement *>(e))
            caption->setTextColor(text);
}

QCustomPlot *PlotsPanel::makePlot(const QString &title, const QString &yLabel)
{
    auto *plot = new QCustomPlot;
    plot->setMinimumSize(160, 60);
    plot->plotLayout()->insertRow(0);
    auto *caption = new QCPTextElement(plot, title);
    caption->setFont(QFont(font().family(), font().pointSize(), QFont::Bold));
    plot->plotLayout()->addElement(0, 0, caption);
    applyTimeMode(plot);
    plot->yAxis->setLabel(yLabel);
    plot->yAxis->setRange(0, 10);
    // The legend goes in a row of its own under the plot, so that it never hides a line.
    plot->legend->setVisible(true);
    plot->legend->setFont(QFont(font().family(), qMax(7, font().pointSize() - 1)));
    plot->legend->setBorderPen(Qt::NoPen);
    plot->axisRect()->insetLayout()->take(plot->legend);
    plot->plotLayout()->addElement(2, 0, plot->legend);
    plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot->legend->setWrap(3);
    plot->legend->setMargins(QMargins(4, 0, 4, 2));
    plot->plotLayout()->setRowStretchFactor(2, 0.001);
    plot->plotLayout()->setRowStretchFactor(0, 0.001);
    applyPalette(plot);
    plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot->axisRect()->setRangeDrag(Qt::Horizontal);
    plot->axisRect()->setRangeZoom(Qt::Horizontal);
    plot->setNoAntialiasingOnDrag(true);
    auto *cursor = new QCPItemStraightLine(plot);
    cursor->setPen(QPen(QColor(0, 0, 0, 90), 1, Qt::DashLine));
    cursor->setVisible(false);
    connect(plot->xAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this,
            [this, plot] { syncRange(plot); });
    connect(plot, &QCustomPlot::mousePress, this, [this] {
        // Dragging back in time means looking at the past: stop following the present.
        if (!m_paused)
            m_pauseBox->setChecked(true);
    });
    connect(plot, &QCustomPlot::mouseWheel, this, [this] {
        if (!m_paused)
            m_pauseBox->setChecked(true);
    });
    connect(plot, &QCustomPlot::mouseMove, this, [this, plot](QMouseEvent *event) {
        onMouseMove(plot, plot->xAxis->pixelToCoord(event->position().x()));
    });
    return plot;
}

QCPGraph *PlotsPanel::addGraph(QCustomPlot *plot, const QString &id, const QString &name,
                               const QColor &color, bool steps)
{
    QCPGraph *g = plot->addGraph();
    g->setName(name);
    g->setPen(QPen(color, 1.5));
    g->setAdaptiveSampling(true);
    if (steps)
        g->setLineStyle(QCPGraph::lsStepLeft);
    m_graphs.insert(id, g);
    return g;
}

QCPGraph *PlotsPanel::graph(const QString &name) const
{
    return m_graphs.value(name, m_connGraphs.value(name));
}

int PlotsPanel::heartbeatMarks() const
{
    return graph(QStringLiteral("heartbeat"))->dataCount();
}

QCPGraph *PlotsPanel::connectionGraph(const QString &address)
{
    if (QCPGraph *g = m_connGraphs.value(address))
        return g;
    static const QColor palette[] = {QColor(0x17, 0xbe, 0xcf), QColor(0xbc, 0xbd, 0x22),
                                     QColor(0x8c, 0x56, 0x4b), QColor(0xe3, 0x77, 0xc2),
                                     QColor(0x7f, 0x7f, 0x7f)};
    QCPGraph *g = m_ready->addGraph();
    g->setName(tr("RDY %1").arg(address));
    g->setPen(QPen(palette[m_connGraphs.size() % 5], 1, Qt::DashLine));
    g->setLineStyle(QCPGraph::lsStepLeft);
    m_connGraphs.insert(address, g);
    return g;
}

void PlotsPanel::reset()
{
    for (QCPGraph *g : std::as_const(m_graphs))
        g->data()->clear();
    for (QCPGraph *g : std::as_const(m_connGraphs))
        m_ready->removeGraph(g);
    m_connGraphs.clear();
    for (const Span &s : m_spans)
        m_ready->removeItem(s.item);
    m_spans.clear();
    m_samples.clear();
    m_totals.clear();
    m_readyNow.clear();
    m_inFlightNow = 0;
    m_received = m_finished = m_requeued = m_timedOut = 0;
    // The first interval counts from now: what arrives before the first sample is in it.
    m_lastSampleMs = QDateTime::currentMSecsSinceEpoch();
    m_channelDepth = m_channelInFlight = -1;
    replot();
}

void PlotsPanel::addFeed(const QList<FeedSegment> &feed)
{
    using K = nsq::ConsumerEvent::Kind;
    for (const FeedSegment &segment : feed) {
        m_received += segment.deliveries.size();
        for (qsizetype n : segment.finishedUnlisted)
            m_finished += n;
        for (const nsq::ConsumerEvent &e : segment.events) {
            switch (e.kind) {
            case K::Finished:
                ++m_finished;
                break;
            case K::Requeued:
                ++m_requeued;
                break;
            case K::TimedOut:
                ++m_timedOut;
                break;
            case K::Ready:
                m_readyNow[e.address] = e.value;
                connectionGraph(e.address)->addData(key(e.atMs), double(e.value));
                break;
            case K::Disconnected:
                if (m_readyNow.contains(e.address)) {
                    m_readyNow[e.address] = 0;
                    connectionGraph(e.address)->addData(key(e.atMs), 0);
                }
                break;
            case K::Heartbeat:
                graph(QStringLiteral("heartbeat"))->addData(key(e.atMs), 0);
                break;
            case K::BackoffStarted:
            case K::BackoffContinued: {
                if (!m_spans.empty() && m_spans.back().open)
                    break;
                auto *rect = new QCPItemRect(m_ready);
                rect->setPen(Qt::NoPen);
                rect->setBrush(QColor(0xff, 0x7f, 0x0e, 60));
                rect->topLeft->setTypeX(QCPItemPosition::ptPlotCoords);
                rect->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
                rect->bottomRight->setTypeX(QCPItemPosition::ptPlotCoords);
                rect->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
                rect->topLeft->setCoords(key(e.atMs), 0);
                rect->bottomRight->setCoords(key(e.atMs), 1);
                rect->setClipToAxisRect(true);
                m_spans.push_back(Span{rect, key(e.atMs), true});
                break;
            }
            case K::BackoffResumed:
            case K::Stopped: // a consumer that stops in backoff leaves it with its connections
                if (!m_spans.empty() && m_spans.back().open) {
                    m_spans.back().open = false;
                    m_spans.back().item->bottomRight->setCoords(key(e.atMs), 1);
                }
                break;
            default:
                break;
            }
        }
    }
}

void PlotsPanel::addStats(const nsq::ConsumerStats &stats)
{
    qint64 inFlight = 0;
    for (const auto &c : stats.connections)
        inFlight += c.inFlightCount;
    m_inFlightNow = inFlight;
}

void PlotsPanel::addChannelStats(qint64 atMs, qint64 depth, qint64 inFlight)
{
    m_channelDepth = depth;
    m_channelInFlight = inFlight;
    m_channelAtMs = atMs;
    graph(QStringLiteral("depth"))->addData(key(atMs), double(depth));
    graph(QStringLiteral("nsqdinflight"))->addData(key(atMs), double(inFlight));
}

void PlotsPanel::sample()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (m_lastSampleMs == 0)
        m_lastSampleMs = now - kSampleMs; // before any session
    const double seconds = qMax(0.001, double(now - m_lastSampleMs) / 1000.0);
    Sample s;
    s.atMs = now;
    s.ready = m_readyNow;
    for (qint64 r : std::as_const(m_readyNow))
        s.totalReady += r;
    s.inFlight = m_inFlightNow;
    s.received = double(m_received) / seconds;
    s.finished = double(m_finished) / seconds;
    s.requeued = double(m_requeued) / seconds;
    s.timedOut = double(m_timedOut) / seconds;
    m_totals[QStringLiteral("received")] += m_received;
    m_totals[QStringLiteral("finished")] += m_finished;
    m_totals[QStringLiteral("requeued")] += m_requeued;
    m_totals[QStringLiteral("timedout")] += m_timedOut;
    m_received = m_finished = m_requeued = m_timedOut = 0;
    m_lastSampleMs = now;

    const double k = key(now);
    graph(QStringLiteral("rdy"))->addData(k, double(s.totalReady));
    graph(QStringLiteral("inflight"))->addData(k, double(s.inFlight));
    graph(QStringLiteral("received"))->addData(k, s.received);
    graph(QStringLiteral("finished"))->addData(k, s.finished);
    graph(QStringLiteral("requeued"))->addData(k, s.requeued);
    graph(QStringLiteral("timedout"))->addData(k, s.timedOut);
    for (auto it = m_readyNow.cbegin(); it != m_readyNow.cend(); ++it)
        connectionGraph(it.key())->addData(k, double(it.value()));
    if (m_channelDepth >= 0 && now - m_channelAtMs < 5000) { // a stale figure is not drawn on
        graph(QStringLiteral("depth"))->addData(k, double(m_channelDepth));
        graph(QStringLiteral("nsqdinflight"))->addData(k, double(m_channelInFlight));
    }
    m_samples.push_back(std::move(s));

    // Keep the widest window's worth.
    const double oldest = key(now - kKeepMs);
    while (!m_samples.empty() && m_samples.front().atMs < now - kKeepMs)
        m_samples.pop_front();
    for (QCPGraph *g : std::as_const(m_graphs))
        g->data()->removeBefore(oldest);
    for (QCPGraph *g : std::as_const(m_connGraphs))
        g->data()->removeBefore(oldest);
    while (!m_spans.empty() && !m_spans.front().open &&
           m_spans.front().item->bottomRight->coords().x() < oldest) {
        m_ready->removeItem(m_spans.front().item);
        m_spans.pop_front();
    }
    for (Span &span : m_spans)
        if (span.open)
            span.item->bottomRight->setCoords(k, 1);
    follow();
}

void PlotsPanel::follow()
{
    if (!m_paused) {
        const double now = key(QDateTime::currentMSecsSinceEpoch());
        m_syncing = true;
        for (QCustomPlot *p : {m_ready, m_rates, m_channel})
            p->xAxis->setRange(now - m_windowSeconds, now);
        m_syncing = false;
    }
    // Values: from zero to a little over the highest in view.
    for (QCustomPlot *p : {m_ready, m_rates, m_channel}) {
        double top = 1;
        for (int i = 0; i < p->graphCount(); ++i) {
            bool found = false;
            const QCPRange r = p->graph(i)->getValueRange(found, QCP::sdBoth, p->xAxis->range());
            if (found)
                top = qMax(top, r.upper);
        }
        p->yAxis->setRange(0, top * 1.15);
    }
    replot();
}

void PlotsPanel::replot()
{
    if (!isVisible())
        return; // a hidden dock costs nothing to draw
    for (QCustomPlot *p : {m_ready, m_rates, m_channel})
        p->replot(QCustomPlot::rpQueuedReplot);
}

void PlotsPanel::syncRange(QCustomPlot *from)
{
    if (m_syncing)
        return;
    m_syncing = true;
    for (QCustomPlot *p : {m_ready, m_rates, m_channel})
        if (p != from) {
            p->xAxis->setRange(from->xAxis->range());
            p->replot(QCustomPlot::rpQueuedReplot);
        }
    m_syncing = false;
}

void PlotsPanel::setWindow(int seconds)
{
    m_windowSeconds = seconds;
    const int i = m_windowBox->findData(seconds);
    if (i >= 0 && i != m_windowBox->currentIndex())
        m_windowBox->setCurrentIndex(i);
    if (m_paused) {
        // Keep the right edge where the user left it.
        const double right = m_ready->xAxis->range().upper;
        m_ready->xAxis->setRange(right - seconds, right);
    }
    follow();
}

void PlotsPanel::setPaused(bool paused)
{
    m_paused = paused;
    if (m_pauseBox->isChecked() != paused)
        m_pauseBox->setChecked(paused);
    follow();
}

QString PlotsPanel::readout(double k) const
{
    QStringList parts;
    parts << TimeFormat::instance().time(qint64(k * 1000.0));
    const auto add = [&](const QCPGraph *g) {
        if (const auto v = valueAt(g, k))
            parts << QStringLiteral("%1 %2").arg(g->name()).arg(*v, 0, 'f', *v < 10 ? 1 : 0);
    };
    for (QCustomPlot *p : {m_ready, m_rates, m_channel})
        for (int i = 0; i < p->graphCount(); ++i)
            if (p->graph(i) != graph(QStringLiteral("heartbeat")))
                add(p->graph(i));
    for (const Span &s : m_spans)
        if (k >= s.start && k <= s.item->bottomRight->coords().x())
            parts << tr("in backoff");
    return parts.join(QStringLiteral(" \u00b7 "));
}

void PlotsPanel::onMouseMove(QCustomPlot *, double k)
{
    for (QCustomPlot *p : {m_ready, m_rates, m_channel}) {
        for (int i = 0; i < p->itemCount(); ++i)
            if (auto *line = qobject_cast<QCPItemStraightLine *>(p->item(i))) {
                line->point1->setCoords(k, 0);
                line->point2->setCoords(k, 1);
                line->setVisible(true);
            }
        p->replot(QCustomPlot::rpQueuedReplot);
    }
    m_readout->setText(readout(k));
}

void PlotsPanel::resizeEvent(QResizeEvent *event)
{
    // Side by side in a wide, low dock (under the table); stacked in a tall one.
    m_plotBox->setDirection(width() > 2 * height() ? QBoxLayout::LeftToRight
                                                   : QBoxLayout::TopToBottom);
    QWidget::resizeEvent(event);
}

bool PlotsPanel::exportPng(const QString &path, QString *error)
{
    QWidget *plots = this;
    const QPixmap pixmap = plots->grab();
    if (!pixmap.save(path, "PNG")) {
        *error = tr("Cannot write %1").arg(path);
        return false;
    }
    return true;
}

bool PlotsPanel::exportCsv(const QString &path, QString *error) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    QStringList connections;
    for (const Sample &s : m_samples)
        for (auto it = s.ready.cbegin(); it != s.ready.cend(); ++it)
            if (!connections.contains(it.key()))
                connections << it.key();
    QTextStream out(&file);
    out << "time_ms,time,rdy_total,in_flight,received_per_s,finished_per_s,requeued_per_s,"
           "timed_out_per_s";
    for (const QString &c : connections)
        out << ",rdy " << c;
    out << ",channel_depth,channel_in_flight\n";
    const QCPGraph *depth = graph(QStringLiteral("depth"));
    const QCPGraph *nsqdInFlight = graph(QStringLiteral("nsqdinflight"));
    for (const Sample &s : m_samples) {
        out << s.atMs << ',' << TimeFormat::isoUtc(s.atMs) // exports: always UTC
            << ',' << s.totalReady << ',' << s.inFlight << ',' << s.received << ',' << s.finished
            << ',' << s.requeued << ',' << s.timedOut;
        for (const QString &c : connections)
            out << ',' << (s.ready.contains(c) ? QString::number(s.ready.value(c)) : QString());
        const auto d = valueAt(depth, key(s.atMs));
        const auto f = valueAt(nsqdInFlight, key(s.atMs));
        out << ',' << (d ? QString::number(*d) : QString()) << ','
            << (f ? QString::number(*f) : QString()) << '\n';
    }
    out.flush();
    if (file.error() != QFileDevice::NoError) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace nsqui
