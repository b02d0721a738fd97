// Edit › Services & Teams… (docs/scope.md#teams): the ownership of every service, edited in
// place (type a team, or pick one of the teams already known; empty removes the owner). Every
// change is an undoable edit through WorkspaceEditor::setOwner, so Edit › Undo works while the
// dialog is open; the table follows new snapshots.
#pragma once

#include "views/workspacesnapshot.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace srm {

class OwnershipModel;
class WorkspaceEditor;

class ServicesTeamsDialog : public QDialog
{
    Q_OBJECT

public:
    ServicesTeamsDialog(WorkspaceEditor *editor, QWidget *parent = nullptr);
    void setSnapshot(const SnapshotPtr &snapshot);
    OwnershipModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QLineEdit *searchEdit() const { return m_search; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QLabel *summary() const { return m_summary; }

private:
    WorkspaceEditor *m_editor;
    OwnershipModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QLineEdit *m_search;
    QLabel *m_summary;
};

} // namespace srm
