// The alerts view (docs/views-and-report.md#the-eight-views): the Pareto chart of alert groups over
// the group table (rank, pages, share, cumulative share, off-hours, noise, median time to
// acknowledge). Selecting a bar selects its row and the other way round. From here the user adds a
// normalisation rule and merges selected groups, and lists the rules and merges made so far to
// remove them — all undoable edits.
#pragma once

#include "views/viewpage.h"

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace srm {

class AlertGroupsModel;
class ChartWidget;

class AlertsView : public ViewPage
{
    Q_OBJECT

public:
    explicit AlertsView(WorkspaceEditor *editor, QWidget *parent = nullptr);

    AlertGroupsModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QLineEdit *filter() const { return m_filter; }
    ChartWidget *chart() const { return m_chart; }
    // Group keys of the selected rows, in rank order.
    QStringList selectedKeys() const;
    void selectGroup(int rank);

    void addRule();
    void mergeSelected();
    // The dialog listing the user's rules and merges, each removable (an undoable edit).
    void manageRules();

protected:
    void showSnapshot(const SnapshotPtr &snapshot) override;
    void clearSnapshot() override;

private:
    void selectionChanged();

    AlertGroupsModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QLineEdit *m_filter;
    ChartWidget *m_chart;
    QPushButton *m_addRule;
    QPushButton *m_merge;
    QPushButton *m_manage;
    QLabel *m_rules;
    int m_selected = -1; // engine index of the highlighted group
};

} // namespace srm
