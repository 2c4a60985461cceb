#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace nsqui {

class GaveUpModel;

// The "Gave up" dock: the messages the consumer gave up on, to browse, export as JSON Lines, or
// publish again to a topic of the user's choice.
class GaveUpPanel : public QWidget
{
    Q_OBJECT
public:
    explicit GaveUpPanel(GaveUpModel *model, QWidget *parent = nullptr);
    QTableView *table() const { return m_table; }
    // The rows selected, or all when none is.
    QList<int> chosenRows() const;
    // Says how a resend went (or why it could not start); Resend can be pressed again.
    void showResult(const QString &text, bool busy = false);
    // Writes the chosen rows as JSON Lines records (with "gave_up": why, "gave_up_at": when);
    // "" or why not.
    QString exportTo(const QString &path) const;

Q_SIGNALS:
    // Publish these bodies to this topic.
    void resendRequested(const QList<QByteArray> &bodies, const QString &topic);

private:
    GaveUpModel *m_model;
    QTableView *m_table;
    QLineEdit *m_topic;
    QPushButton *m_resend;
    QLabel *m_result;
};

} // namespace nsqui
