#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QSpinBox;
class QTableView;

namespace nsqui {

class HexView;
class TraceModel;

// The wire trace: every frame sent and received, its decoded summary, and the selected frame's
// bytes (offset, hex, ASCII). Long frames are cut in the hex pane only.
class TracePanel : public QWidget
{
    Q_OBJECT
public:
    // record: the window's "Record the wire trace" action (checkable).
    TracePanel(TraceModel *model, QAction *record, QWidget *parent = nullptr);
    QTableView *table() const { return m_table; }
    HexView *hexView() const { return m_hex; }
    void setViewCut(int bytes);
    int viewCut() const { return m_cutBytes; }
    // Shows the frame (scrolls to it and selects it).
    void showRow(int row);
    bool save(const QString &path, QString *error) const;

private:
    void onCurrentChanged();
    void updateDropped();

    TraceModel *m_model;
    QTableView *m_table;
    HexView *m_hex;
    QLabel *m_cutNote;
    QLabel *m_dropped;
    QSpinBox *m_cut;
    int m_cutBytes = 4096;
    bool m_follow = true;
};

} // namespace nsqui
