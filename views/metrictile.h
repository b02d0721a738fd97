// One small multiple of the dashboard: a focusable widget that paints one metric with
// paintMetricTile() on the scales shared by all tiles, explains the figure in its tooltip (the
// catalogue's definition, p90, n, target, gap, DORA Quick Check score, DORA 2023 cluster) and
// opens the metric's detail when clicked or activated with Enter or Space. In breakdown mode it
// paints the metric by team or by service instead (paintBreakdownBars, docs/scope.md#breakdown).
#pragma once

#include "views/charts/chartstyle.h"
#include "views/workspacesnapshot.h"

#include <QWidget>

#include <optional>

namespace srm {

class MetricTile : public QWidget
{
    Q_OBJECT

public:
    MetricTile(const QString &metricId, QWidget *parent = nullptr);

    QString metricId() const { return m_id; }
    void setSnapshot(SnapshotPtr snapshot);
    const MetricResult *metric() const { return m_metric; }
    QString valueText() const; // what the tile shows as the current value
    QString statusText() const;
    void setBreakdown(std::optional<BreakdownBy> by);
    std::optional<BreakdownBy> breakdown() const { return m_breakdown; }

signals:
    void activated(const QString &metricId);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void enterEvent(QEnterEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QString m_id;
    SnapshotPtr m_snapshot;
    const MetricResult *m_metric = nullptr;
    bool m_hover = false;
    std::optional<BreakdownBy> m_breakdown;
    std::optional<charts::ChartStyle> m_style; // follows the palette and font
};

} // namespace srm
