// The Data sources panel: the workspace's import log (which file, or which live source's sync,
// when, in what format, its SHA-256 and what it added, updated, left unchanged or skipped),
// with a way to remove the records of one import (Workspace::removeImport). ImportLogModel is
// the table behind it.
#pragma once

#include "store/workspace.h"

#include <QAbstractTableModel>
#include <QWidget>

class QPushButton;
class QTableView;

namespace srm {

class ImportLogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        FileColumn,
        SourceColumn,
        FormatColumn,
        ImportedColumn,
        AddedColumn,
        UpdatedColumn,
        UnchangedColumn,
        SkippedColumn,
        Sha256Column,
        ColumnCount
    };
    static constexpr int IdRole = Qt::UserRole + 1;

    explicit ImportLogModel(QObject *parent = nullptr);

    void setEntries(const QList<ImportLogEntry> &entries);
    const QList<ImportLogEntry> &entries() const { return m_entries; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<ImportLogEntry> m_entries;
};

class DataSourcesPanel : public QWidget
{
    Q_OBJECT

public:
    explicit DataSourcesPanel(QWidget *parent = nullptr);

    // The workspace whose log is shown (not owned; nullptr when none is open).
    void setWorkspace(Workspace *ws);
    ImportLogModel *model() const { return m_model; }

public slots:
    void refresh();
    // Removes the records of the import with `id` (asks first when `confirm`).
    bool removeImport(qint64 id, bool confirm = true);

signals:
    // Records were removed: the views should reload.
    void dataChanged();

private:
    void removeSelected();

    Workspace *m_ws = nullptr;
    ImportLogModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QPushButton *m_remove = nullptr;
};

} // namespace srm
