// The workspace settings of docs/settings.md as a table: every key with its current value (stored, or
// the default in italics), the default and what it means. The value is editable: setData()
// emits settingEdited() and the view pushes it as an undoable edit.
#pragma once

#include "views/workspacesnapshot.h"

#include <QAbstractTableModel>

namespace srm {

class SettingsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Key, Value, Default, Description, ColumnCount };

    explicit SettingsModel(QObject *parent = nullptr);
    void setSnapshot(SnapshotPtr snapshot);
    int rowOf(const QString &key) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

signals:
    void settingEdited(const QString &key, const QString &value);

private:
    SnapshotPtr m_snapshot;
};

} // namespace srm
