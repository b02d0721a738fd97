// Charts of the metric catalogue (docs/views-and-report.md#the-eight-views dashboard): the
// small-multiple tile, the sparkline, the whole grid of small multiples grouped by theme (for the
// PDF), and a metric's detail chart. Small multiples share one time axis (the window) and, per
// unit, one value scale from zero (SmallMultiplesScale): no panel is scaled on its own, no axis is
// truncated. Everything drawn comes from the engine's MetricResult; these routines only place it.
#pragma once

#include "engine/analysis.h"
#include "views/charts/chartstyle.h"

#include <QRectF>

#include <array>

class QPainter;

namespace srm::charts {

// The scales every tile (and every sparkline) of one report shares.
struct SmallMultiplesScale
{
    Micros from = 0; // the window: the common time axis
    Micros to = 0;
    // Per unit (index int(Unit)): the value range, from min(0, lowest value) to a nice number
    // above the highest weekly value, window value or target of that unit's metrics
    // (ratios at most 100%).
    std::array<double, 5> lo{};
    std::array<double, 5> hi{};

    double low(Unit u) const { return lo[std::size_t(u)]; }
    double high(Unit u) const { return hi[std::size_t(u)]; }
    static SmallMultiplesScale forReport(const MetricsReport &report);
};

struct MetricTileOptions
{
    bool highlighted = false; // hover or keyboard focus: a stronger frame
    bool showDates = true;    // the first and last day of the window under the plot, the verdict between them
    // The five DORA delivery metrics: their Quick Check score (MetricsReport::dora), shown where
    // the DORA 2023 cluster used to be (the clusters are historical; docs/decisions.md).
    std::optional<double> doraScore;
    // Shown instead of the metric's name (a breakdown's tile names its service or team).
    QString title;
};

// One tile: name and status, the current value with its target and DORA score, the weekly series
// with the target as a reference line on the shared scale, the window's value with its 95%
// interval as a whisker at the right edge, and the verdict against the period before
// (docs/intervals-and-progress.md); a not-measured metric is an empty tile that says so.
void paintMetricTile(QPainter &painter, const QRectF &rect, const MetricResult &metric,
                     const SmallMultiplesScale &scale, const ChartStyle &style, const MetricTileOptions &options = {});

// The texts of a tile, for tests, tooltips and accessible names.
QString metricTileValueText(const MetricResult &metric);  // "3.41/day", or "not measured"
QString metricTileStatusText(const MetricResult &metric); // "met", "gap", "not measured"

// A word-sized line of the weekly series on the shared scale (no text): for table cells.
void paintSparkline(QPainter &painter, const QRectF &rect, const MetricResult &metric, const SmallMultiplesScale &scale,
                    const ChartStyle &style);

// Every metric of the report as tiles, grouped by theme (each theme starts a row with its
// heading and met / gaps / not measured counts), `columns` tiles a row.
void paintSmallMultiples(QPainter &painter, const QRectF &rect, const MetricsReport &report, const ChartStyle &style,
                         int columns = 4);

// A metric on its own, larger: the weekly series with each week's value, the window's p50 (or
// value) with its 95% interval as a band, p90 and the target as labelled lines, and the number
// of events per week (n) as bars below; scale from zero.
void paintMetricDetail(QPainter &painter, const QRectF &rect, const MetricResult &metric, const ChartStyle &style);

} // namespace srm::charts
