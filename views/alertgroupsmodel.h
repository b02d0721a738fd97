// The alert groups of the window (docs/slos-and-alerts.md#alert-groups) as a table in the engine's
// order (pages descending, then key): rank, service, title, pages, share, cumulative share,
// off-hours ratio, noise ratio and median time to acknowledge. Row i is AlertReport::groups[i].
#pragma once

#include "views/workspacesnapshot.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

namespace srm {

class AlertGroupsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Rank, Service, Title, Pages, Share, Cumulative, OffHours, Noise, AckMedian, ColumnCount };

    explicit AlertGroupsModel(QObject *parent = nullptr);
    void setSnapshot(SnapshotPtr snapshot);
    const AlertGroup *groupAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Whether row `left` sorts before row `right` in `column`, in the order of their SortRole
    // values (strings compared with `cs`, as QSortFilterProxyModel does).
    bool lessThan(int column, int left, int right, Qt::CaseSensitivity cs) const;

private:
    SnapshotPtr m_snapshot;
};

// The table's sort proxy: compares the groups themselves rather than a QVariant per comparison,
// since tens of thousands of groups are sorted again with every snapshot (a third of the first
// visit to the alerts view of the 1M-page workspace went to QVariant comparisons).
class AlertGroupsProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
};

} // namespace srm
