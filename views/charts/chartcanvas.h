// Drawing helpers the chart paint routines share (not a public chart API): a Canvas that binds a
// QPainter to a ChartStyle and the device's chart-pixel unit, text measured on the device being
// painted, linear/log/square-root scales, and a series drawer that keeps
// one min/max pair per pixel column when a series has more points than the plot has pixels.
#pragma once

#include "views/charts/chartstyle.h"
#include "views/charts/ticks.h" // niceCeil, niceTicks and the rest of the tick engine

#include <QFontMetricsF>
#include <QPainter>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <cmath>
#include <optional>
#include <utility>
#include <vector>

namespace srm::charts {

class Canvas
{
public:
    Canvas(QPainter &painter, const ChartStyle &style);

    QPainter &p;
    const ChartStyle &s;
    const qreal u;   // device pixels per chart pixel
    const qreal dpr; // device pixels per logical pixel (2 on a high-DPI screen)

    qreal px(qreal chartPixels) const { return chartPixels * u; }
    QPen pen(const QColor &color, qreal weight = 1, Qt::PenStyle style = Qt::SolidLine) const
    {
        // A cosmetic pen is as wide in device pixels whatever the scale: widen it on high-DPI
        // devices so a line keeps its weight (and stays crisp, being whole device pixels).
        return s.pen(color, s.cosmeticPens ? weight * dpr : weight, u, style);
    }

    // Metrics of a font on the painted device (kept for the few fonts a chart uses).
    const QFontMetricsF &metrics(const QFont &font) const;
    qreal textWidth(const QFont &font, const QString &text) const;
    qreal lineHeight(const QFont &font) const { return metrics(font).height(); }
    QString elide(const QFont &font, const QString &text, qreal width) const;

    // Draws one line of `text` in `rect` aligned by `flags` (Qt::Align*), elided to the rect's
    // width. Placed from the font metrics and drawn at a point: drawText(rect, flags) would run
    // a full text layout per label, which made a dashboard repaint several times slower.
    void text(const QRectF &rect, int flags, const QString &text, const QFont &font, const QColor &color) const;
    // Draws text with its baseline-left at `pos`.
    void textAt(const QPointF &pos, const QString &text, const QFont &font, const QColor &color) const;

    void hline(qreal y, qreal x0, qreal x1, const QPen &pen) const;
    void vline(qreal x, qreal y0, qreal y1, const QPen &pen) const;
    // A filled circle (used for data points) of `radius` chart pixels.
    void dot(const QPointF &center, qreal radius, const QColor &fill, const QColor &outline = QColor()) const;

private:
    mutable std::vector<std::pair<QFont, QFontMetricsF>> m_metrics;
};

// Linear scale from a domain to a pixel range (r0 may be greater than r1: y axes grow upwards).
struct LinearScale
{
    double d0 = 0, d1 = 1;
    double r0 = 0, r1 = 1;
    double map(double v) const { return d1 == d0 ? r0 : r0 + (v - d0) / (d1 - d0) * (r1 - r0); }
    double invert(double r) const { return r1 == r0 ? d0 : d0 + (r - r0) / (r1 - r0) * (d1 - d0); }
};

// Base-10 log scale (the domain must be positive).
struct LogScale
{
    double d0 = 1, d1 = 10;
    double r0 = 0, r1 = 1;
    double map(double v) const;
};

// Square-root scale from zero: keeps small values apart while a large one still fits.
struct SqrtScale
{
    double d1 = 1;
    double r0 = 0, r1 = 1;
    double map(double v) const { return r0 + std::sqrt(std::max(0.0, v) / d1) * (r1 - r0); }
};

// A point of a series in device coordinates; y nullopt breaks the line.
struct SeriesPoint
{
    qreal x;
    std::optional<qreal> y;
};

// Draws a polyline through `points` (sorted by x), broken where y is missing. When the points
// are denser than one per device pixel, each pixel column is drawn as the vertical span of its
// points (min to max), joined to the next column, so no peak disappears.
void drawSeries(const Canvas &c, const std::vector<SeriesPoint> &points, const QPen &pen);

} // namespace srm::charts
