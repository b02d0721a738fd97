// The Services & Teams table (docs/scope.md#teams): one row per service the workspace names
// (records or the ownership table), with its owning team. The team is editable: setData() does
// not change the model but emits ownerEdited(); the dialog turns it into an undoable edit
// (WorkspaceEditor::setOwner) and the next snapshot shows it.
#pragma once

#include "views/workspacesnapshot.h"

#include <QAbstractTableModel>

namespace srm {

class OwnershipModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Service, Team, ColumnCount };

    explicit OwnershipModel(QObject *parent = nullptr);

    void setSnapshot(const SnapshotPtr &snapshot);
    QString serviceAt(int row) const;
    QString teamAt(int row) const;           // "" when the service has no owner
    int rowOf(const QString &service) const; // -1 when not listed
    QStringList teams() const;               // every team the workspace names, by name

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

signals:
    void ownerEdited(const QString &service, const QString &team);

private:
    struct Row
    {
        QString service;
        QString team;
    };
    std::vector<Row> m_rows;
    QStringList m_teams;
};

} // namespace srm
