#pragma once

#include "inspectorsession.h"
#include "sessionsettings.h"
#include "timelinemodel.h"

#include <QAbstractListModel>
#include <QSet>

namespace nsqui {

// The life of an NSQ consumer as steps, each marked the moment it happens on the connections of
// this session: connect, magic, IDENTIFY, TLS / compression / AUTH, SUB, RDY, a message, the
// handler, FIN / REQ / TOUCH, heartbeat and NOP, backoff and recovery, CLS and close.
class TourModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Step {
        Connect,
        Magic,
        Identify,
        Upgrades,
        Subscribe,
        Ready,
        Message,
        Handler,
        Respond,
        Heartbeat,
        Backoff,
        Close,
        StepCount
    };
    Q_ENUM(Step)
    enum class Status { ToCome, Happened, NotUsed };
    enum Role { StatusRole = Qt::UserRole + 1, TimeRole, AddressRole, ExplanationRole };

    struct Progress
    {
        Status status = Status::ToCome;
        qint64 firstMs = 0;
        qint64 lastMs = 0;
        qint64 count = 0;
        QString address;
        QString detail; // what this session showed of it (features, the RDY count, ...)
    };

    explicit TourModel(QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    static QString title(Step step);
    QString explanation(Step step) const;
    // Where this step's frames start in the trace (summary prefixes), and its kind of event in
    // the timeline.
    static QStringList framePrefixes(Step step);
    static TimelineModel::Kind timelineKind(Step step);

    void setMode(Mode mode);
    void reset();
    void addFeed(const QList<FeedSegment> &feed);
    void addStats(const nsq::ConsumerStats &stats);
    const Progress &progress(Step step) const { return m_steps[step]; }
    // The steps that happened, in the order they first did.
    QList<Step> happenedInOrder() const;
    // The language changed: the views ask again for every text.
    void retranslate();

Q_SIGNALS:
    // A step happened for the first time.
    void stepReached(nsqui::TourModel::Step step);

private:
    struct Seen
    {
        qint64 firstMs = 0, lastMs = 0;
        QString address;
        QString detail;
        qint64 count = 1;
    };
    void apply(Step step, const Seen &seen);

    Progress m_steps[StepCount];
    Mode m_mode = Mode::Hold;
    bool m_sawUpgrade = false;
    QSet<QString> m_closing; // connections that sent CLS
};

} // namespace nsqui
