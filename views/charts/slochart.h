// The SLO chart (docs/slos-and-alerts.md and docs/views-and-report.md slos view): one row per SLO
// with its attainment against the objective, the error budget remaining as a bar and its burn-down
// over the window (the engine's SloResult::budget series), and the 24-hour burn rate. Budget bars
// and burn-down lines of all SLOs share one scale (from the most overspent budget, or zero, to
// 100%) and one time axis (days before as-of); an SLO without measurements in its window says so.
#pragma once

#include "engine/analysis.h"
#include "views/charts/chartstyle.h"

#include <QRectF>

#include <vector>

class QPainter;
class QPaintDevice;

namespace srm::charts {

struct SloChartOptions
{
    QString selected; // SloResult::name to highlight
};

void paintSloChart(QPainter &painter, const QRectF &rect, const std::vector<SloResult> &slos, const ChartStyle &style,
                   const SloChartOptions &options = {});

// The SLO whose row is under `pos`, or an empty string.
QString sloAt(const QRectF &rect, const std::vector<SloResult> &slos, const ChartStyle &style,
              const QPaintDevice *device, const QPointF &pos);

} // namespace srm::charts
