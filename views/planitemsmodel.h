// The items of the roadmap plan (docs/debt-and-roadmap.md#scheduling) as a table with the scheduler's reason for each:
// either the unscheduled items (the roadmap view's list) or every placed and unscheduled item.
#pragma once

#include "views/workspacesnapshot.h"

#include <QAbstractTableModel>

namespace srm {

class PlanItemsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Id, Title, Quarter, Cost, Priority, Reason, ColumnCount };
    enum class Scope { Unscheduled, All };

    explicit PlanItemsModel(Scope scope, QObject *parent = nullptr);
    void setSnapshot(SnapshotPtr snapshot);
    const PlannedItem *itemAt(int row) const;
    int rowOf(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    Scope m_scope;
    SnapshotPtr m_snapshot;
    std::vector<const PlannedItem *> m_items;
};

} // namespace srm
