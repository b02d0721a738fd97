// The comparison of a scenario's plan with the baseline (planning/plancomparison.h) as tables for
// the roadmap view: either the items that move (into the plan, out of it, to an earlier or later
// quarter) or the gaps whose addressing changes, each with the baseline's and the scenario's
// quarter side by side. Read-only; the figures come from the snapshot's ScenarioPlan.
#pragma once

#include "views/workspacesnapshot.h"

#include <QAbstractTableModel>

namespace srm {

class PlanComparisonModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Kind { Moves, Gaps };
    enum Column { Subject, Title, Baseline, Scenario, Change, ColumnCount };

    explicit PlanComparisonModel(Kind kind, QObject *parent = nullptr);
    // The snapshot and the scenario compared (an unknown name, or none, shows no rows).
    void setComparison(SnapshotPtr snapshot, const QString &scenario);
    QString scenarioName() const { return m_scenario; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const ScenarioPlan *scenarioPlan() const;

    Kind m_kind;
    SnapshotPtr m_snapshot;
    QString m_scenario;
};

} // namespace srm
