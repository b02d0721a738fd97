// The gaps view (docs/views-and-report.md#the-eight-views): the roll-up table by theme — metric,
// current value, target, gap, the historical DORA 2023 cluster, weekly trend sparkline (on the
// dashboard's shared scales) and status — sortable within each theme, with the target editable in
// place (an undoable edit of target.<metric>); under it the DORA Quick Check panel
// (views/charts/dorachart.h), the current way to hold the five delivery metrics against the
// industry.
#pragma once

#include "views/viewpage.h"

class QSortFilterProxyModel;
class QSplitter;
class QTreeView;

namespace srm {

class ChartWidget;
class GapsModel;

class GapsView : public ViewPage
{
    Q_OBJECT

public:
    explicit GapsView(WorkspaceEditor *editor, QWidget *parent = nullptr);

    GapsModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTreeView *tree() const { return m_tree; }
    ChartWidget *doraPanel() const { return m_dora; }

protected:
    void showSnapshot(const SnapshotPtr &snapshot) override;
    void clearSnapshot() override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void spanThemes();
    void fitTextColumns();
    void showQuickCheck(const SnapshotPtr &snapshot, bool first);

    GapsModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTreeView *m_tree;
    ChartWidget *m_dora;
    QSplitter *m_splitter;
    int m_teamsWidth = 0; // the roll-up by team, whole
};

} // namespace srm
