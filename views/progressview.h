// The Progress view (docs/views-and-report.md and docs/intervals-and-progress.md): are we there
// yet? Small multiples of every metric by quarter (charts/progresschart.h: intervals, verdicts, the
// partial quarter, the pace to the target) beside a table of each metric's latest quarter, its
// verdict, its pace and the quarter it reaches the target in (successes highlighted), over the SLOs
// quarter by quarter. Clicking a panel selects its row and the other way round; the tooltip of a
// panel lists its quarters.
#pragma once

#include "views/viewpage.h"

class QSplitter;
class QTableView;

namespace srm {

class ChartWidget;
class ProgressModel;
class SloProgressModel;

class ProgressView : public ViewPage
{
    Q_OBJECT

public:
    explicit ProgressView(WorkspaceEditor *editor, QWidget *parent = nullptr);

    ProgressModel *model() const { return m_model; }
    SloProgressModel *sloModel() const { return m_sloModel; }
    QTableView *table() const { return m_table; }
    QTableView *sloTable() const { return m_sloTable; }
    ChartWidget *chart() const { return m_chart; }
    QString selectedId() const { return m_selected; }

protected:
    void showSnapshot(const SnapshotPtr &snapshot) override;
    void clearSnapshot() override;

private:
    ProgressModel *m_model;
    SloProgressModel *m_sloModel;
    QTableView *m_table;
    QTableView *m_sloTable;
    ChartWidget *m_chart;
    QSplitter *m_splitter;
    QString m_selected;
};

} // namespace srm
