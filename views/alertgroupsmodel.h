// The alert groups of the window (SPEC 6) as a table in the engine's order (pages descending,
// then key): rank, service, title, pages, share, cumulative share, off-hours ratio, noise ratio
// and median time to acknowledge. Row i is AlertReport::groups[i].
#pragma once

#include "workspacesnapshot.h"

#include <QAbstractTableModel>

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

private:
    SnapshotPtr m_snapshot;
};

} // namespace srm
