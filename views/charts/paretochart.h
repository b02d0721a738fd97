// The Pareto chart of alert groups (docs/slos-and-alerts.md and docs/views-and-report.md): one bar
// per group by number of pages in the engine's order (count descending), the cumulative share of
// pages as a line on a 0–100% axis, the 80% mark and the number of groups that reach it; the "vital
// few" bars are drawn darker, and the largest groups are named by rank in the free space beside the
// mark when it allows. Beyond 200 groups only the first max(200, twice the vital few) are drawn,
// and a note says how many groups and what share of the pages the rest hold. Both axes start at
// zero and are labelled with their units.
#pragma once

#include "engine/analysis.h"
#include "views/charts/chartstyle.h"

#include <QRectF>

class QPainter;
class QPaintDevice;

namespace srm::charts {

struct ParetoOptions
{
    int selected = -1;        // index into AlertReport::groups to highlight
    bool directLabels = true; // name the largest groups in the chart when there is room
};

void paintPareto(QPainter &painter, const QRectF &rect, const AlertReport &report, const ChartStyle &style,
                 const ParetoOptions &options = {});

// The index of the group whose bar (full plot height) is under `pos`, or -1. `device` is the
// device the chart is shown on (for text metrics), e.g. the widget.
int paretoGroupAt(const QRectF &rect, const AlertReport &report, const ChartStyle &style, const QPaintDevice *device,
                  const QPointF &pos);

} // namespace srm::charts
