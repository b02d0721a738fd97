// The saved import profiles of a workspace (docs/formats.md#profiles), listed and removed in the
// window: ImportProfilesModel is a table of them (name, format, mapping, header, saved), and
// ImportProfilesDialog shows it with Remove, Undo and Redo. Removing goes through the
// WorkspaceEditor, so it is one step on the window's undo stack like every edit; the model
// reloads whenever the editor reports a change.
#pragma once

#include "store/importprofiles.h"

#include <QAbstractTableModel>
#include <QDialog>

class QPushButton;
class QTableView;

namespace srm {

class WorkspaceEditor;

class ImportProfilesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, FormatColumn, MappingColumn, HeaderColumn, SavedColumn, ColumnCount };

    explicit ImportProfilesModel(QObject *parent = nullptr);

    void setProfiles(const QList<ImportProfile> &profiles);
    const QList<ImportProfile> &profiles() const { return m_profiles; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "deployment_id ← Run ID, finished_at ← Finished", as the dialogs show a mapping.
    static QString mappingText(const ImportProfile &p);
    // The header key's names, comma-separated.
    static QString headerText(const ImportProfile &p);

private:
    QList<ImportProfile> m_profiles;
};

class ImportProfilesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ImportProfilesDialog(WorkspaceEditor *editor, QWidget *parent = nullptr);

    ImportProfilesModel *model() const { return m_model; }
    // Removes the profile in `row` (through the editor); false when refused or out of range.
    bool removeRow(int row);

public slots:
    void reload();

private:
    void updateButtons();

    WorkspaceEditor *m_editor;
    ImportProfilesModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QPushButton *m_remove = nullptr;
};

} // namespace srm
