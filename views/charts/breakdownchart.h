// Charts of a breakdown by service or team (docs/scope.md#breakdown), from the engine's
// Breakdown: each entry's figure of one metric on one common scale from zero, sorted by gap
// (the largest first, then the met, then the not measured), so that a lead sees where a gap
// lives. Two forms: small multiples of the weekly series (the metric detail) and one bar per
// entry (a dashboard tile in breakdown mode, the PDF). The roll-up is counted statuses in words;
// nothing here averages across entries.
#pragma once

#include "engine/breakdown.h"
#include "views/charts/chartstyle.h"
#include "views/charts/metricchart.h"

#include <QRectF>

class QPainter;

namespace srm::charts {

// The one scale of a metric's entries: the window as time axis, from zero to a nice number above
// every entry's weekly values, value, interval and target.
SmallMultiplesScale breakdownScale(const Breakdown &breakdown, MetricId metric);

// "frontend", "(no service)", "(no team)".
QString breakdownEntryName(const Breakdown &breakdown, std::size_t entry);

// One tile per entry (paintMetricTile with the entry's name), `columns` a row, by gap, under a
// heading line with the roll-up; "no services (teams) with records" when there is none.
void paintBreakdownMultiples(QPainter &painter, const QRectF &rect, const Breakdown &breakdown, MetricId metric,
                             const ChartStyle &style, int columns = 3);
// The height paintBreakdownMultiples wants for `width` (tiles of a fixed aspect).
qreal breakdownMultiplesHeight(const Breakdown &breakdown, qreal width, const ChartStyle &style, qreal unit,
                               int columns = 3);

struct BreakdownBarsOptions
{
    bool highlighted = false; // a stronger frame (hover, focus)
    int maxRows = 0;          // 0: every entry; else the first rows and "+ k more"
};

// A card: the metric's name and roll-up, then one row per entry (name, a bar of its value on the
// common scale with the target as a dashed line, the value and status in words), by gap, and
// the scale's end values under the bars.
void paintBreakdownBars(QPainter &painter, const QRectF &rect, const Breakdown &breakdown, MetricId metric,
                        const ChartStyle &style, const BreakdownBarsOptions &options = {});

} // namespace srm::charts
