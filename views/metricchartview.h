// The metric detail's interactive chart (Qt Charts, the metric detail dialog): the weekly series
// as a line with its points, the window's value (p50 for duration metrics) with its 95%
// interval as a band across the window (engine/intervals.h, docs/intervals-and-progress.md#intervals),
// p90 and the target as lines. The user zooms (wheel, +/−, a rubber band dragged with the left
// button), pans (drag with Shift or the middle button, arrow keys) and resets (Home or a
// double-click); a crosshair follows the mouse and names the nearest week with its value and n.
// Everything shown is the engine's MetricResult; nothing is computed here but positions. The
// small multiples, the PDF and the PNG exports keep their QPainter routines (views/charts).
#pragma once

#include "engine/analysis.h"

#include <QChartView>

#include <optional>

class QGraphicsLineItem;
class QGraphicsSimpleTextItem;
class QLineSeries;

namespace srm {

class MetricChartView : public QChartView
{
    Q_OBJECT

public:
    explicit MetricChartView(QWidget *parent = nullptr);

    // Shows `metric` (a copy is kept); nullptr clears the chart.
    void setMetric(const MetricResult *metric);
    bool hasMetric() const { return m_metric.has_value(); }

    // The crosshair at the week nearest to x (in widget coordinates); its text, empty when
    // there is no week. Exposed for tests and the tooltip.
    QString crosshairAt(const QPointF &widgetPos);
    QString crosshairText() const { return m_crosshairText; }
    // Names of the series on the chart ("Weekly", "95% interval", …).
    QStringList seriesNames() const;
    // The visible span of the time axis (ms since the epoch, UTC).
    std::pair<qint64, qint64> visibleRange() const;
    void zoomBy(qreal factor);
    void panBy(qreal dx);
    void resetZoom();

protected:
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void hideCrosshair();

    std::optional<MetricResult> m_metric;
    QLineSeries *m_weekly = nullptr;
    QGraphicsLineItem *m_vLine = nullptr;
    QGraphicsLineItem *m_hLine = nullptr;
    QGraphicsSimpleTextItem *m_label = nullptr;
    QString m_crosshairText;
    std::optional<QPointF> m_panFrom;
};

} // namespace srm
