// The roll-up of docs/views-and-report.md's gaps view as a tree: one row per theme (with its met / gaps / not
// measured counts from the engine's ThemeSummary), under it one row per metric with current
// value and its 95% range, target, gap, DORA 2023 cluster (historical), trend, the verdict
// against the period before (docs/intervals-and-progress.md), status, and the plan's work on the
// gap (the linked items with their quarters, or "no work planned"; planning/roadmap.h PlanGap),
// and the roll-up by team ("3 teams met · 2 with a gap · 1 not measured"; docs/scope.md#roll-up).
// The target is editable: setData() does not
// change the model but emits targetEdited() with the value in the metric's unit; the view turns
// it into an undoable edit and the next snapshot shows it.
#pragma once

#include "views/workspacesnapshot.h"

#include <QAbstractItemModel>

namespace srm {

class GapsModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { Metric, Current, Range, Target, Gap, Tier, Trend, Change, Status, Teams, Work, ColumnCount };

    explicit GapsModel(QObject *parent = nullptr);

    void setSnapshot(SnapshotPtr snapshot);
    SnapshotPtr snapshot() const { return m_snapshot; }
    // The metric of an index (nullptr for theme rows).
    const MetricResult *metricAt(const QModelIndex &index) const;
    bool isTheme(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    // The Work column: "OPS-1 (2027Q2), OPS-4 (unscheduled)", "no work planned", or empty for a
    // metric that meets its target in the default window.
    QString workText(const MetricResult &metric) const;

    // A target in the unit the table shows it in (percent for ratios) and back.
    static double toDisplayUnit(Unit unit, double value);
    static double fromDisplayUnit(Unit unit, double value);

signals:
    void targetEdited(const QString &metricId, double target);

private:
    const std::vector<const MetricResult *> &metricsOf(int theme) const { return m_byTheme[std::size_t(theme)]; }

    SnapshotPtr m_snapshot;
    std::vector<std::vector<const MetricResult *>> m_byTheme; // per theme, catalogue order
};

} // namespace srm
