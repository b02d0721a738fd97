// The SLOs view (docs/views-and-report.md#the-eight-views): per SLO, attainment against its objective, the error budget
// remaining and its burn-down over the SLO's window, and the 24 h burn rate, over a table of
// the same figures; SLOs without data in their window are marked as such.
#pragma once

#include "views/viewpage.h"

class QSplitter;
class QTableView;

namespace srm {

class ChartWidget;
class SloModel;

class SlosView : public ViewPage
{
    Q_OBJECT

public:
    explicit SlosView(WorkspaceEditor *editor, QWidget *parent = nullptr);

    SloModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    ChartWidget *chart() const { return m_chart; }

protected:
    void showSnapshot(const SnapshotPtr &snapshot) override;
    void clearSnapshot() override;

private:
    SloModel *m_model;
    QTableView *m_table;
    QSplitter *m_splitter;
    ChartWidget *m_chart;
    QString m_selected;
};

} // namespace srm
