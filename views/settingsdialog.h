// Edit › Workspace Settings: every setting of SPEC 9 in a table whose values edit in place;
// each change is an undoable edit (Edit › Undo works while the dialog is open).
#pragma once

#include "views/workspacesnapshot.h"

#include <QDialog>

class QTableView;

namespace srm {

class SettingsModel;
class WorkspaceEditor;

class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    SettingsDialog(WorkspaceEditor *editor, QWidget *parent = nullptr);
    void setSnapshot(SnapshotPtr snapshot);
    SettingsModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }

private:
    SettingsModel *m_model;
    QTableView *m_table;
};

} // namespace srm
