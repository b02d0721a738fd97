// The roadmap chart (docs/debt-and-roadmap.md and docs/views-and-report.md): one column per quarter
// of the plan and one for the unscheduled items. A column's head shows its capacity used and free;
// each item is a row with its id and title over a bar whose width is its cost in the quarter's
// capacity, placed after the items before it, so the bars of a quarter fill its capacity like a
// staircase. Arrows run from each blocker to the items that depend on it; the critical path is
// drawn in its own colour; pins are marked. Under each quarter, the gaps its items address (metrics
// with a gap or not measured that an item of the quarter is linked to); under the unscheduled
// column, the gaps no scheduled work addresses. Everything comes from the scheduler's Plan
// (roadmap.h); the register is only read for the dependencies.
#pragma once

#include "planning/roadmap.h"
#include "views/charts/chartstyle.h"

#include <QRectF>

#include <string>
#include <vector>

class QPainter;
class QPaintDevice;

namespace srm::charts {

struct RoadmapOptions
{
    QString selected;     // item id to highlight
    bool showGaps = true; // the gaps each quarter addresses, under its column
    int maxGapLines = 4;  // lines the gaps may take under a column (the rest is elided)
};

void paintRoadmap(QPainter &painter, const QRectF &rect, const Plan &plan, const std::vector<DebtItem> &items,
                  const ChartStyle &style, const RoadmapOptions &options = {});

// Where an item is drawn: its column (an index into plan.quarters, or plan.quarters.size()
// for the unscheduled column), its whole row and its bar.
struct RoadmapBar
{
    std::string id;
    int column = 0;
    QRectF row;
    QRectF bar;
};
std::vector<RoadmapBar> roadmapBars(const QRectF &rect, const Plan &plan, const ChartStyle &style,
                                    const QPaintDevice *device, const RoadmapOptions &options = {});

// The id of the item whose row is under `pos`, or empty.
QString roadmapItemAt(const QRectF &rect, const Plan &plan, const ChartStyle &style, const QPaintDevice *device,
                      const QPointF &pos, const RoadmapOptions &options = {});

// The words under a column: "Addresses: change failure rate, SLO compliance" for quarter
// `column` (an index into plan.quarters), "Unaddressed gaps: time to restore" for the
// unscheduled column; empty when there is nothing to say.
QString roadmapGapText(const Plan &plan, std::size_t column);

} // namespace srm::charts
