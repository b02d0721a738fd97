// The progress chart (docs/intervals-and-progress.md, the Progress view and the PDF's Progress page): small multiples
// of every metric by calendar quarter (engine/progress.h). The panels share one quarter axis
// (the N quarters, extended to the furthest quarter a pace reaches its target in) and, per unit,
// one value scale from zero; each shows the target as a dashed reference line, each quarter's
// value with its 95% interval as a bar (the dot green when the quarter improved against the one
// before, red when it got worse, docs/intervals-and-progress.md), the partial quarter hatched
// with a hollow dot, and the Theil–Sen pace as a dotted line up to the quarter it reaches the
// target in. Successes have a green frame. One paint routine for the screen, PNG/SVG and PDF.
#pragma once

#include "engine/progress.h"
#include "views/charts/chartstyle.h"

#include <QRectF>
#include <QString>

#include <array>

class QPainter;
class QPaintDevice;

namespace srm::charts {

// The scales every panel of one report shares.
struct ProgressScale
{
    int quarterSlots = 0; // quarters on the axis: the N, then up to the furthest projected quarter
    std::array<double, 5> lo{};
    std::array<double, 5> hi{};
    double low(Unit u) const { return lo[std::size_t(u)]; }
    double high(Unit u) const { return hi[std::size_t(u)]; }
    static ProgressScale forReport(const ProgressReport &report);
};

struct ProgressChartOptions
{
    QString selected; // a metric id to highlight
    int columns = 4;
    bool legend = true; // the key line above the panels
};

void paintProgress(QPainter &painter, const QRectF &rect, const ProgressReport &report, const ChartStyle &style,
                   const ProgressChartOptions &options = {});

// The metric id of the panel under `pos`, or an empty string.
QString progressMetricAt(const QRectF &rect, const ProgressReport &report, const ChartStyle &style,
                         const QPaintDevice *device, const QPointF &pos, const ProgressChartOptions &options = {});

// Words shared by the chart, the view's table, the PDF and the HTML.
// "met", "on pace for 2027Q2", "not at this pace", "too few quarters".
QString projectionText(const MetricProgress &metric);
// "+0.12/day a quarter", "−1.5% a quarter"; "–" without a pace.
QString paceText(const MetricProgress &metric);
// A quarter figure: "6.1% (4.0% – 9.5%)"; "no data".
QString quarterFigureText(const QuarterFigure &figure, Unit unit);

} // namespace srm::charts
