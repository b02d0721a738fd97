// The operational debt register (docs/debt-and-roadmap.md) as a table, in register order: the item's own columns
// with docs/debt-and-roadmap.md's figures from the engine (quadrant, priority, gap factor, payback, rank) and the
// quarter the plan gives it. Title, theme, toil, cost, likelihood, impact, status, dependencies,
// linked metrics (catalogue ids separated by ';') and the pin are editable in place: setData()
// changes nothing itself but emits the edit, which the view pushes as an undoable command (an
// unknown metric id is refused there; a theme or status that is not one of its words is refused
// here, with editRefused); the next snapshot shows the result.
#pragma once

#include "views/workspacesnapshot.h"

#include <QAbstractTableModel>

namespace srm {

class DebtModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Rank,
        Id,
        Title,
        Quadrant,
        Priority,
        GapFactor,
        Planned,
        Toil,
        Cost,
        Likelihood,
        Impact,
        Theme,
        DependsOn,
        Linked,
        Pinned,
        Payback,
        Status,
        ColumnCount
    };

    explicit DebtModel(QObject *parent = nullptr);
    void setSnapshot(SnapshotPtr snapshot);
    const DebtItem *itemAt(int row) const;
    int rowOf(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

signals:
    void itemEdited(const QString &id, const srm::DebtItem &item);
    void dependenciesEdited(const QString &id, const QStringList &dependsOn);
    void pinEdited(const QString &id, const QString &quarter);
    void linkedMetricsEdited(const QString &id, const QString &text);
    // Typed text that names no theme or status: the store's message, nothing is pushed.
    void editRefused(const QString &message);

private:
    SnapshotPtr m_snapshot;
};

} // namespace srm
