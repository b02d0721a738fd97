// The roadmap view (docs/views-and-report.md#the-eight-views): the plan as quarters with items as
// bars, dependency arrows, capacity used and free per quarter, the critical path, and under each
// quarter the gaps it addresses; below it, the unscheduled items with the scheduler's reasons, the
// gaps no scheduled work addresses, and the reason (with the gap factor) of the item selected in
// the chart.
//
// What-if (docs/debt-and-roadmap.md#scenarios): a picker over the workspace's saved scenarios.
// With one chosen, the baseline and the scenario are drawn side by side, and below them what
// changes: the items that move into the plan, out of it or to another quarter, and the gaps that
// become addressed (or sooner, later, no longer). New, Edit and Delete change the scenarios
// through undoable commands; the plans themselves come from the snapshot (planning/readmodel.h).
#pragma once

#include "views/viewpage.h"

class QComboBox;
class QLabel;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTableView;

namespace srm {

class ChartWidget;
class PlanComparisonModel;
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
    QString unaddressedText() const;

    // The scenario compared with the baseline (empty: the baseline alone). Unknown names are
    // ignored until a snapshot holds them.
    void compareWith(const QString &scenario);
    QString comparedScenario() const { return m_scenarioName; }
    QComboBox *scenarioPicker() const { return m_picker; }
    ChartWidget *baselineChart() const { return m_baselineChart; }
    ChartWidget *scenarioChart() const { return m_scenarioChart; }
    PlanComparisonModel *movesModel() const { return m_moves; }
    PlanComparisonModel *gapChangesModel() const { return m_gapChanges; }
    QString comparisonSummary() const;

    void newScenario();
    void editScenario();
    void deleteScenario();

protected:
    void showSnapshot(const SnapshotPtr &snapshot) override;
    void clearSnapshot() override;

private:
    void fillPicker();
    void showComparison();
    void setChart(ChartWidget *chart, const SnapshotPtr &snapshot, const Plan *plan);
    void updateScenarioActions();

    ChartWidget *m_chart;
    QLabel *m_error;
    PlanItemsModel *m_unscheduled;
    QTableView *m_table;
    QLabel *m_unaddressed;
    QLabel *m_reason;
    QString m_selected;

    QComboBox *m_picker;
    QPushButton *m_newScenario;
    QPushButton *m_editScenario;
    QPushButton *m_deleteScenario;
    QSplitter *m_splitter;
    QStackedWidget *m_top;
    QStackedWidget *m_bottom;
    QLabel *m_baselineTitle;
    QLabel *m_scenarioTitle;
    ChartWidget *m_baselineChart;
    ChartWidget *m_scenarioChart;
    QLabel *m_summary;
    PlanComparisonModel *m_moves;
    PlanComparisonModel *m_gapChanges;
    QString m_scenarioName;
};

} // namespace srm
