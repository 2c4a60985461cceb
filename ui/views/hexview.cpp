#include "hexview.h"

#include <QFontDatabase>
#include <QPainter>
#include <QScrollBar>

namespace nsqui {

HexView::HexView(QWidget *parent) : QAbstractScrollArea(parent)
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    viewport()->setBackgroundRole(QPalette::Base);
    viewport()->setAutoFillBackground(true);
}

void HexView::setData(const QByteArray &data)
{
    m_data = data;
    verticalScrollBar()->setValue(0);
    updateScrollBar();
    viewport()->update();
}

QString HexView::line(const QByteArray &data, qsizetype offset)
{
    static const char digits[] = "0123456789abcdef";
    QString s = QStringLiteral("%1  ").arg(offset, 8, 16, QLatin1Char('0'));
    QString ascii;
    for (int i = 0; i < 16; ++i) {
        if (offset + i < data.size()) {
            const auto b = static_cast<unsigned char>(data.at(offset + i));
            s += QLatin1Char(digits[b >> 4]);
            s += QLatin1Char(digits[b & 15]);
            s += QLatin1Char(' ');
            ascii += (b >= 0x20 && b < 0x7f) ? QLatin1Char(char(b)) : QLatin1Char('.');
        } else {
            s += QStringLiteral("   ");
        }
        if (i == 7)
            s += QLatin1Char(' ');
    }
    return s + QLatin1Char(' ') + ascii;
}

QString HexView::dump(const QByteArray &data, qsizetype maxBytes)
{
    const qsizetype n = maxBytes < 0 ? data.size() : qMin(maxBytes, data.size());
    const QByteArray part = data.left(n);
    QString out;
    for (qsizetype off = 0; off < n; off += 16)
        out += line(part, off) + QLatin1Char('\n');
    return out;
}

void HexView::updateScrollBar()
{
    const int lineHeight = fontMetrics().lineSpacing();
    const qsizetype lines = (m_data.size() + 15) / 16;
    const int visible = qMax(1, viewport()->height() / lineHeight);
    verticalScrollBar()->setRange(0, int(qMax<qsizetype>(0, lines - visible)));
    verticalScrollBar()->setPageStep(visible);
}

void HexView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBar();
}

void HexView::paintEvent(QPaintEvent *)
{
    QPainter p(viewport());
    p.setFont(font());
    const int lineHeight = fontMetrics().lineSpacing();
    const qsizetype first = verticalScrollBar()->value();
    const int rows = viewport()->height() / lineHeight + 1;
    for (int i = 0; i < rows; ++i) {
        const qsizetype offset = (first + i) * 16;
        if (offset >= m_data.size())
            break;
        p.drawText(4, i * lineHeight + fontMetrics().ascent(), line(m_data, offset));
    }
}

} // namespace nsqui
