// The deployments a change failure rate or a deployment rework rate counts (the engine's
// MetricResult::counted; docs/metrics.md#which-deployments-count), as a table for the metric
// detail: deployment, service, finished (UTC), result and why it counts, one phrase per rule.
// It holds the snapshot that owns the list, so the rows stay valid while it is shown.
#pragma once

#include "views/workspacesnapshot.h"

#include <QAbstractTableModel>

namespace srm {

class CountedDeploymentsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Deployment, Service, Finished, Result, Why, ColumnCount };

    explicit CountedDeploymentsModel(QObject *parent = nullptr);
    // The counted deployments of `metricId` in `snapshot`; none for other metrics or no snapshot.
    void setMetric(SnapshotPtr snapshot, const QString &metricId);
    const CountedDeployment *deploymentAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    SnapshotPtr m_snapshot;
    const MetricResult *m_metric = nullptr;
};

} // namespace srm
