// Edit › Workspace Settings (Preferences shortcut): every setting of the workspace as a form,
// grouped (organisation, team and capacity, targets, theme weights, debt quadrant, roadmap), each
// with a human name, its unit beside the field (percentages for ratios: a reserved ratio of 0.5
// reads 50 %) and its default as the placeholder. A value is checked when the field is left: a
// value the store would refuse is shown in red with what is accepted, and nothing is changed;
// a valid one becomes one undoable edit through the WorkspaceEditor (Edit › Undo works while the
// dialog is open). The second tab is the table of raw keys (what `sre-roadmap get` prints).
#pragma once

#include "store/settings.h"
#include "views/workspacesnapshot.h"

#include <QDialog>
#include <QHash>

class QLabel;
class QLineEdit;
class QTableView;
class QTabWidget;

namespace srm {

class SettingsModel;
class WorkspaceEditor;

// A setting's name and unit as the form and the roadmap show them: "Team size", "engineers";
// "Change failure rate target", "%". The raw key for a key the catalogue does not know.
QString settingLabel(const QString &key);
QString settingUnit(const QString &key);
// Whether the form shows the setting in percent (ratios: reserved_ratio and ratio targets).
bool settingInPercent(const QString &key);

class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    SettingsDialog(WorkspaceEditor *editor, QWidget *parent = nullptr);
    ~SettingsDialog() override;
    void setSnapshot(SnapshotPtr snapshot);
    SettingsModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    // The form's field of a key (object name "setting_KEY" with dots as underscores) and its
    // error line (empty when the value is valid).
    QLineEdit *field(const QString &key) const { return m_fields.value(key); }
    QString errorText(const QString &key) const;
    // Checks the field's text and, when valid and changed, makes the edit; false when refused.
    bool commit(const QString &key);

private:
    QWidget *buildForm();

    WorkspaceEditor *m_editor;
    SettingsModel *m_model;
    QTableView *m_table;
    QTabWidget *m_tabs;
    QHash<QString, QLineEdit *> m_fields;
    QHash<QString, QLabel *> m_errors;
    SnapshotPtr m_snapshot;
};

} // namespace srm
