#pragma once

#include <QAbstractScrollArea>

namespace nsqui {

// Offset, hex and ASCII, 16 bytes a line, painted only for the lines in view: any size of body
// stays responsive.
class HexView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    explicit HexView(QWidget *parent = nullptr);
    void setData(const QByteArray &data);
    const QByteArray &data() const { return m_data; }
    // The whole dump as text (for copying); capped by the caller's sense.
    static QString dump(const QByteArray &data, qsizetype maxBytes = -1);
    static QString line(const QByteArray &data, qsizetype offset);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateScrollBar();
    QByteArray m_data;
};

} // namespace nsqui
