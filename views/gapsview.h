// The gaps view (SPEC 10): the roll-up table by theme — metric, current value, target, gap,
// DORA tier, weekly trend sparkline (on the dashboard's shared scales) and status — sortable
// within each theme, with the target editable in place (an undoable edit of target.<metric>).
#pragma once

#include "views/viewpage.h"

class QSortFilterProxyModel;
class QTreeView;

namespace srm {

class GapsModel;

class GapsView : public ViewPage
{
    Q_OBJECT

public:
    explicit GapsView(WorkspaceEditor *editor, QWidget *parent = nullptr);

    GapsModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTreeView *tree() const { return m_tree; }

protected:
    void showSnapshot(const SnapshotPtr &snapshot) override;
    void clearSnapshot() override;

private:
    void spanThemes();

    GapsModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTreeView *m_tree;
};

} // namespace srm
