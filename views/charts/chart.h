// A chart as an object: what the ChartWidget hosts and the exports render. A Chart paints itself
// with one of the paint routines of this directory into any rectangle of any QPainter, and may
// name the item under a point (for tooltips, clicks and selection). FunctionChart wraps a
// paint routine and its hit test as lambdas, so a view makes a chart from the data it holds.
// renderImage() and renderSvg() draw a chart on white in the light style, as documents and
// slides want it; the SVG is vector, from the same paint routine.
#pragma once

#include "views/charts/chartstyle.h"

#include <QByteArray>
#include <QImage>
#include <QRectF>
#include <QSize>
#include <QString>

#include <functional>

class QPainter;
class QPaintDevice;

namespace srm::charts {

class Chart
{
public:
    virtual ~Chart() = default;
    virtual void paint(QPainter &painter, const QRectF &rect, const ChartStyle &style) const = 0;
    // The id of the item under `pos` when drawn into `rect` on `device`; empty for none.
    virtual QString itemAt(const QRectF &rect, const ChartStyle &style, const QPaintDevice *device,
                           const QPointF &pos) const;
    // A title for the chart (window titles, accessible names, file names).
    virtual QString title() const = 0;
};

class FunctionChart : public Chart
{
public:
    using PaintFn = std::function<void(QPainter &, const QRectF &, const ChartStyle &)>;
    using HitFn = std::function<QString(const QRectF &, const ChartStyle &, const QPaintDevice *, const QPointF &)>;

    FunctionChart(QString title, PaintFn paint, HitFn hit = {});
    void paint(QPainter &painter, const QRectF &rect, const ChartStyle &style) const override;
    QString itemAt(const QRectF &rect, const ChartStyle &style, const QPaintDevice *device,
                   const QPointF &pos) const override;
    QString title() const override { return m_title; }

private:
    QString m_title;
    PaintFn m_paint;
    HitFn m_hit;
};

// The chart drawn at `size` (chart pixels) on its style's background, `dpr` device pixels each.
QImage renderImage(const Chart &chart, QSize size, const ChartStyle &style, qreal dpr = 2);
// The chart as an SVG document of `size` (chart pixels, 96 dpi), background included.
QByteArray renderSvg(const Chart &chart, QSize size, const ChartStyle &style);

} // namespace srm::charts
