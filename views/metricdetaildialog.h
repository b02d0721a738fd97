// A metric on its own (opened from a dashboard tile): its name and status, the catalogue's
// definition, how it is counted, and the interactive detail chart (MetricChartView, Qt Charts:
// weekly series, p50/p90, the 95% interval band and the target; zoom, pan, crosshair). For change
// failure rate and deployment rework rate it also lists the deployments
// the figure counts, each with the rules that made it count (docs/metrics.md#which-deployments-count).
// Tabs show it over time and broken down by team and by service (small multiples on one
// common scale, sorted by gap; docs/scope.md#breakdown). It follows new snapshots while open.
#pragma once

#include "views/workspacesnapshot.h"

#include <QDialog>

class QLabel;
class QSortFilterProxyModel;
class QSplitter;
class QTabWidget;
class QTreeView;

namespace srm {

class ChartWidget;
class MetricChartView;
class CountedDeploymentsModel;

class MetricDetailDialog : public QDialog
{
    Q_OBJECT

public:
    explicit MetricDetailDialog(QWidget *parent = nullptr);

    void showMetric(const QString &metricId, SnapshotPtr snapshot);
    void setSnapshot(SnapshotPtr snapshot);
    QString metricId() const { return m_id; }
    MetricChartView *chartView() const { return m_chart; }
    // The breakdown tabs' charts, and the tab widget (0: over time, 1: by team, 2: by service).
    ChartWidget *breakdownChart(BreakdownBy by) const { return by == BreakdownBy::Team ? m_byTeam : m_byService; }
    QTabWidget *tabs() const { return m_tabs; }
    QString definitionText() const;
    // The list of counted deployments (hidden for metrics that have none) and what it says above it.
    QTreeView *countedView() const { return m_counted; }
    CountedDeploymentsModel *countedModel() const { return m_countedModel; }
    QString countedText() const;

private:
    void refresh();

    QString m_id;
    SnapshotPtr m_snapshot;
    QLabel *m_title;
    QLabel *m_definition;
    QLabel *m_facts;
    MetricChartView *m_chart;
    ChartWidget *m_byTeam;
    ChartWidget *m_byService;
    QTabWidget *m_tabs;
    QSplitter *m_splitter;
    QWidget *m_countedBox;
    QLabel *m_countedTitle;
    QTreeView *m_counted;
    CountedDeploymentsModel *m_countedModel;
    QSortFilterProxyModel *m_countedProxy;
};

} // namespace srm
