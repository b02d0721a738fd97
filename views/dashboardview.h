// The dashboard (docs/views-and-report.md#the-eight-views): one small-multiple tile per catalogue
// metric, grouped by theme under a heading with the theme's met / gaps / not measured counts, in a
// grid whose number of columns follows the window's width; the tiles fill the height when they can
// and scroll when they cannot. Clicking (or pressing Enter on) a tile opens the metric's detail. A
// mode above the grid shows every tile broken down by team or by service instead
// (docs/scope.md#breakdown).
#pragma once

#include "views/viewpage.h"

#include <QList>

class QComboBox;
class QLabel;
class QScrollArea;

namespace srm {

class MetricTile;
class MetricDetailDialog;

class DashboardView : public ViewPage
{
    Q_OBJECT

public:
    explicit DashboardView(WorkspaceEditor *editor, QWidget *parent = nullptr);

    QList<MetricTile *> tiles() const { return m_tiles; }
    MetricTile *tile(const QString &metricId) const;
    // Opens (or brings up) the detail of a metric.
    void showDetail(const QString &metricId);
    MetricDetailDialog *detailDialog() const { return m_detail; }
    int columns() const { return m_columns; }
    // Breakdown mode: nullopt shows the scope as a whole.
    void setBreakdown(std::optional<BreakdownBy> by);
    std::optional<BreakdownBy> breakdown() const { return m_breakdown; }
    QComboBox *modeBox() const { return m_mode; }

protected:
    void showSnapshot(const SnapshotPtr &snapshot) override;
    void clearSnapshot() override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void relayout();

    QScrollArea *m_scroll;
    QWidget *m_canvas;
    QList<QLabel *> m_headings;  // one per theme
    QList<MetricTile *> m_tiles; // catalogue order
    MetricDetailDialog *m_detail = nullptr;
    int m_columns = 1;
    QComboBox *m_mode;
    std::optional<BreakdownBy> m_breakdown;
};

} // namespace srm
