#include "views/charts/chart.h"

#include <QBuffer>
#include <QPainter>
#include <QSvgGenerator>

namespace srm::charts {

QString Chart::itemAt(const QRectF &, const ChartStyle &, const QPaintDevice *, const QPointF &) const
{
    return {};
}

FunctionChart::FunctionChart(QString title, PaintFn paint, HitFn hit)
    : m_title(std::move(title)), m_paint(std::move(paint)), m_hit(std::move(hit))
{
}

void FunctionChart::paint(QPainter &painter, const QRectF &rect, const ChartStyle &style) const
{
    if (m_paint)
        m_paint(painter, rect, style);
}

QString FunctionChart::itemAt(const QRectF &rect, const ChartStyle &style, const QPaintDevice *device,
                              const QPointF &pos) const
{
    return m_hit ? m_hit(rect, style, device, pos) : QString();
}

namespace {
// The margin around a chart in an export (chart pixels).
constexpr int kExportMargin = 12;
} // namespace

QImage renderImage(const Chart &chart, QSize size, const ChartStyle &style, qreal dpr)
{
    QImage image(size * dpr, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    image.fill(style.background);
    QPainter p(&image);
    chart.paint(
        p, QRectF(QPointF(0, 0), QSizeF(size)).adjusted(kExportMargin, kExportMargin, -kExportMargin, -kExportMargin),
        style);
    p.end();
    return image;
}

QByteArray renderSvg(const Chart &chart, QSize size, const ChartStyle &style)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setResolution(96);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    svg.setTitle(chart.title());
    QPainter p(&svg);
    p.fillRect(QRectF(QPointF(0, 0), QSizeF(size)), style.background);
    chart.paint(
        p, QRectF(QPointF(0, 0), QSizeF(size)).adjusted(kExportMargin, kExportMargin, -kExportMargin, -kExportMargin),
        style);
    p.end();
    return bytes;
}

} // namespace srm::charts
