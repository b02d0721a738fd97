// The SLOs of the workspace (docs/slos-and-alerts.md#slos) as a table: name, service, budgeting method, window,
// objective, attainment, error budget remaining, 24 h burn rate, measurements and status;
// an SLO without data in its window says "no data".
#pragma once

#include "views/workspacesnapshot.h"

#include <QAbstractTableModel>

namespace srm {

class SloModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Name,
        Service,
        Method,
        Window,
        Objective,
        Attainment,
        Budget,
        BurnRate,
        Measurements,
        Status,
        ColumnCount
    };

    explicit SloModel(QObject *parent = nullptr);
    void setSnapshot(SnapshotPtr snapshot);
    const SloResult *sloAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    SnapshotPtr m_snapshot;
};

} // namespace srm
