// The tables of the Progress view (docs/intervals-and-progress.md): ProgressModel lists every metric with its latest
// complete quarter (value and 95% range), the verdict against the quarter before, the Theil–Sen
// pace and where it leads ("met", "on pace for 2027Q2", "not at this pace"), successes in bold
// on a green tint; SloProgressModel lists each SLO's attainment over each quarter itself, met or
// missed. Both read the snapshot's ProgressReport (engine/progress.h) and compute nothing.
#pragma once

#include "views/workspacesnapshot.h"

#include <QAbstractTableModel>

namespace srm {

class ProgressModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Metric, Latest, Change, Projected, Range, Pace, ColumnCount };

    explicit ProgressModel(QObject *parent = nullptr);
    void setSnapshot(SnapshotPtr snapshot);
    const MetricProgress *metricAt(int row) const;
    int rowOf(const QString &metricId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::optional<int> latest() const;

    SnapshotPtr m_snapshot;
};

class SloProgressModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Objective, FirstQuarter }; // then one column per quarter

    explicit SloProgressModel(QObject *parent = nullptr);
    void setSnapshot(SnapshotPtr snapshot);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    SnapshotPtr m_snapshot;
};

} // namespace srm
