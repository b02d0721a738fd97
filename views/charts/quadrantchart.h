// The toil/cost quadrant of operational debt (docs/debt-and-roadmap.md#two-quadrants): toil hours
// per week across, cost in weeks up, split at the settings' thresholds (quadrant.toil_hours,
// quadrant.cost_weeks) into the four named cells "Defer", "Alligator v. swamp", "No brainer" and
// "Low-hanging fruit". Each open item is a point sized by its risk (likelihood × impact) and
// labelled with its id. Both axes are square-root scales from zero with labelled ticks, so a
// 40-week item fits while the many one- to four-week items stay apart.
#pragma once

#include "planning/debt.h"
#include "store/records.h"
#include "store/settings.h"
#include "views/charts/chartstyle.h"

#include <QRectF>

#include <vector>

class QPainter;
class QPaintDevice;

namespace srm::charts {

struct QuadrantOptions
{
    QString selected; // item id to highlight
};

// Done items are left out (a note says how many).
void paintDebtQuadrant(QPainter &painter, const QRectF &rect, const std::vector<DebtItem> &items,
                       const WorkspaceSettings &settings, const ChartStyle &style, const QuadrantOptions &options = {});

// The id of the item whose point is under `pos` (the nearest within its radius), or empty.
QString debtQuadrantAt(const QRectF &rect, const std::vector<DebtItem> &items, const WorkspaceSettings &settings,
                       const ChartStyle &style, const QPaintDevice *device, const QPointF &pos);

} // namespace srm::charts
