#pragma once

#include "inspectorsession.h"

#include <QMap>
#include <QTimer>
#include <QWidget>

#include <deque>

class QBoxLayout;
class QCheckBox;
class QComboBox;
class QCPGraph;
class QCPItemRect;
class QCPItemStraightLine;
class QCustomPlot;
class QLabel;

namespace nsqui {

// Live plots of the consumer at work: RDY per connection and in total with the messages in flight
// (heartbeats as markers, backoff as shaded spans); messages received, finished, requeued and
// timed out per second; and the channel's depth and in-flight count as nsqd's /stats tells them.
// Fed from event batches and stats snapshots; a point per series every sampleMs, never per message.
class PlotsPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kSampleMs = 500;

    explicit PlotsPanel(QWidget *parent = nullptr);

    void addFeed(const QList<FeedSegment> &feed);
    void addStats(const nsq::ConsumerStats &stats);
    void addChannelStats(qint64 atMs, qint64 depth, qint64 inFlight);
    // A new session: the series start again.
    void reset();

    // Seconds of history shown (60, 300 or 900).
    void setWindow(int seconds);
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    bool exportPng(const QString &path, QString *error);
    bool exportCsv(const QString &path, QString *error) const;
    // The values at a time (seconds since the epoch), as the hover read-out shows them.
    QString readout(double key) const;

    QCustomPlot *readyPlot() const { return m_ready; }
    QCustomPlot *ratePlot() const { return m_rates; }
    QCustomPlot *channelPlot() const { return m_channel; }
    // rdy, inflight, heartbeat, received, finished, requeued, timedout, depth, nsqdinflight; or
    // a connection's address (its RDY).
    QCPGraph *graph(const QString &id) const;
    int backoffSpans() const { return int(m_spans.size()); }
    // A backoff span still open (growing with each sample).
    bool inBackoff() const { return !m_spans.empty() && m_spans.back().open; }
    int heartbeatMarks() const;
    // Messages counted into the rate series so far this session: received, finished, requeued,
    // timedout.
    qint64 total(const QString &id) const { return m_totals.value(id); }
    void sampleNow() { sample(); }

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void applyPalette(QCustomPlot *plot);
    void applyTimeMode(QCustomPlot *plot);
    struct Sample
    {
        qint64 atMs = 0;
        qint64 totalReady = 0, inFlight = 0;
        double received = 0, finished = 0, requeued = 0, timedOut = 0; // per second
        QMap<QString, qint64> ready;
    };
    struct Span
    {
        QCPItemRect *item;
        double start;
        bool open;
    };

    QCustomPlot *makePlot(const QString &title, const QString &yLabel);
    QCPGraph *addGraph(QCustomPlot *plot, const QString &id, const QString &name,
                       const QColor &color, bool steps = false);
    QCPGraph *connectionGraph(const QString &address);
    void sample();
    void follow();
    void syncRange(QCustomPlot *from);
    void onMouseMove(QCustomPlot *plot, double key);
    void replot();

    QCustomPlot *m_ready;
    QCustomPlot *m_rates;
    QCustomPlot *m_channel;
    QBoxLayout *m_plotBox;
    QComboBox *m_windowBox;
    QCheckBox *m_pauseBox;
    QLabel *m_readout;
    QMap<QString, QCPGraph *> m_graphs;
    QMap<QString, QCPGraph *> m_connGraphs;
    std::deque<Sample> m_samples;
    std::deque<Span> m_spans;
    QMap<QString, qint64> m_readyNow;
    qint64 m_inFlightNow = 0;
    qint64 m_received = 0, m_finished = 0, m_requeued = 0, m_timedOut = 0;
    qint64 m_lastSampleMs = 0;
    QMap<QString, qint64> m_totals;
    qint64 m_channelDepth = -1, m_channelInFlight = -1, m_channelAtMs = 0;
    int m_windowSeconds = 300;
    bool m_paused = false;
    bool m_syncing = false;
    QTimer m_timer;
};

} // namespace nsqui
