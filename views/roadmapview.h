// The roadmap view (SPEC 10): the plan as quarters with items as bars, dependency arrows,
// capacity used and free per quarter and the critical path; below it, the unscheduled items
// with the scheduler's reasons, and the reason of the item selected (or hovered) in the chart.
#pragma once

#include "views/viewpage.h"

class QLabel;
class QTableView;

namespace srm {

class ChartWidget;
class PlanItemsModel;

class RoadmapView : public ViewPage
{
    Q_OBJECT

public:
    explicit RoadmapView(WorkspaceEditor *editor, QWidget *parent = nullptr);

    ChartWidget *chart() const { return m_chart; }
    PlanItemsModel *unscheduledModel() const { return m_unscheduled; }
    QTableView *unscheduledTable() const { return m_table; }
    void selectItem(const QString &id);
    QString selectedId() const { return m_selected; }
    QString reasonText() const;

protected:
    void showSnapshot(const SnapshotPtr &snapshot) override;
    void clearSnapshot() override;

private:
    ChartWidget *m_chart;
    QLabel *m_error;
    PlanItemsModel *m_unscheduled;
    QTableView *m_table;
    QLabel *m_reason;
    QString m_selected;
};

} // namespace srm
