// The DORA Quick Check panel (docs/metrics.md#dora-quick-check): the five delivery metrics in
// their two groups, throughput and instability, each with its level in words beside the
// measured value and its 0–10 score, the group means and the overall mean, and a dot plot of
// every score on one 0–10 scale against the industry's mean ± one standard deviation (the Quick
// Check 2025 benchmark). Everything drawn comes from the engine's dora::QuickCheck; the same
// routine paints the gaps view's panel, PNG/SVG exports and the PDF.
#pragma once

#include "engine/dora.h"
#include "views/charts/chartstyle.h"

#include <QRectF>
#include <QString>

class QPainter;
class QPaintDevice;

namespace srm::charts {

// Draws the panel into `rect`; rows share its height up to a comfortable line height.
void paintDoraQuickCheck(QPainter &painter, const QRectF &rect, const dora::QuickCheck &quickCheck,
                         const ChartStyle &style);

// The height the panel wants at `style`'s fonts on `device` (a title, eight rows, the axis and
// the legend).
qreal doraQuickCheckHeight(const ChartStyle &style, const QPaintDevice *device);

// What is under `pos`: a metric id ("lead_time_for_changes"), "throughput", "stability",
// "overall", or an empty string.
QString doraQuickCheckItemAt(const QRectF &rect, const ChartStyle &style, const QPaintDevice *device,
                             const QPointF &pos);

// The tooltip of an item: what the score is made of and what the industry scores.
QString doraQuickCheckToolTip(const dora::QuickCheck &quickCheck, const QString &item);

} // namespace srm::charts
