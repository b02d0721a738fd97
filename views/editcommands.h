// The undoable edits of the window (docs/views-and-report.md: "every edit can be undone and redone"): each is a
// QUndoCommand that writes through the store's own API (Workspace::setSetting, DebtStore,
// AlertRuleStore) and remembers exactly what it needs to put the workspace back as it was —
// a setting's stored value or its absence, the RemovedDebtItem of a deletion, an item's former
// dependencies, linked metrics or pin, the merge a new one replaced, the scenario a save replaced
// or a deletion removed. A command whose first redo fails (the
// store refused the value) marks itself obsolete, so QUndoStack drops it. WorkspaceEditor
// (workspaceeditor.h) makes them; they report to it.
#pragma once

#include "planning/debtstore.h"
#include "planning/scenarios.h"
#include "store/alertrules.h"
#include "store/importprofiles.h"
#include "store/ownershipstore.h"
#include "store/records.h"
#include "store/sourcestore.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QUndoCommand>

#include <optional>
#include <vector>

namespace srm {

class Workspace;
class WorkspaceEditor;

class EditCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(srm::EditCommand)

public:
    void redo() override;
    void undo() override;

protected:
    EditCommand(WorkspaceEditor *editor, const QString &text);
    virtual void apply(Workspace &ws) = 0;
    virtual void revert(Workspace &ws) = 0;

private:
    void run(bool forward);

    WorkspaceEditor *m_editor;
    bool m_done = false; // applied at least once
};

class SetSettingCommand : public EditCommand
{
public:
    SetSettingCommand(WorkspaceEditor *editor, const QString &key, const QString &value, const QString &text = {});

protected:
    void apply(Workspace &ws) override;
    void revert(Workspace &ws) override;

private:
    QString m_key;
    QString m_value;
    std::optional<QString> m_old; // nullopt: the key was not stored (its default applied)
    bool m_captured = false;
};

class AddDebtItemCommand : public EditCommand
{
public:
    AddDebtItemCommand(WorkspaceEditor *editor, const DebtItem &item);

protected:
    void apply(Workspace &ws) override;
    void revert(Workspace &ws) override;

private:
    DebtItem m_item;
};

class UpdateDebtItemCommand : public EditCommand
{
public:
    UpdateDebtItemCommand(WorkspaceEditor *editor, const std::string &id, const DebtItem &item);

protected:
    void apply(Workspace &ws) override;
    void revert(Workspace &ws) override;

private:
    std::string m_id;
    DebtItem m_item;
    std::optional<DebtItem> m_old;
    std::string m_newId; // as stored (canonical)
};

class RemoveDebtItemCommand : public EditCommand
{
public:
    RemoveDebtItemCommand(WorkspaceEditor *editor, const std::string &id);

protected:
    void apply(Workspace &ws) override;
    void revert(Workspace &ws) override;

private:
    std::string m_id;
    std::optional<RemovedDebtItem> m_removed;
};

class SetDependenciesCommand : public EditCommand
{
public:
    SetDependenciesCommand(WorkspaceEditor *editor, const std::string &id, const std::vector<std::string> &dependsOn);

protected:
    void apply(Workspace &ws) override;
    void revert(Workspace &ws) override;

private:
    std::string m_id;
    std::vector<std::string> m_dependsOn;
    std::optional<std::vector<std::string>> m_old;
};

class SetLinkedMetricsCommand : public EditCommand
{
public:
    SetLinkedMetricsCommand(WorkspaceEditor *editor, const std::string &id, const std::vector<MetricId> &linked);

protected:
    void apply(Workspace &ws) override;
    void revert(Workspace &ws) override;

private:
    std::string m_id;
    std::vector<MetricId> m_linked;
    std::optional<std::vector<MetricId>> m_old;
};

// Saves a scenario (docs/debt-and-roadmap.md#scenarios): a new one, a changed one, or one renamed
// from `replacing` (it keeps its place in the list).
class SaveScenarioCommand : public EditCommand
{
public:
    SaveScenarioCommand(WorkspaceEditor *editor, const QString &name, const SettingOverrides &overrides,
                        const QString &replacing = {});

protected:
    void apply(Workspace &ws) override;
    void revert(Workspace &ws) override;

private:
    QString m_name;
    SettingOverrides m_overrides;
    QString m_replacing;
    std::optional<Scenario> m_old;     // what a save under the same name replaced
    std::optional<Scenario> m_renamed; // the scenario renamed (removed) by this save
};

class DeleteScenarioCommand : public EditCommand
{
public:
    DeleteScenarioCommand(WorkspaceEditor *editor, const QString &name);

protected:
    void apply(Workspace &ws) override;
    void revert(Workspace &ws) override;

private:
    QString m_name;
    std::optional<Scenario> m_removed;
};

class SetPinnedQuarterCommand : public EditCommand
{
public:
    SetPinnedQuarterCommand(WorkspaceEditor *editor, const std::string &id, const QString &quarter);

protected:
    void apply(Workspace &ws) override;
    void revert(Workspace &ws) override;

private:
    std::string m_id;
    QString m_quarter;
    std::optional<QString> m_old;
};

class AddAlertRuleCommand : public EditCommand
{
public:
    AddAlertRuleCommand(WorkspaceEditor *editor, const QString &pattern, const QString &replacement);

protected:
    void apply(Workspace &ws) override;
    void revert(Workspace &ws) override;

private:
    QString m_pattern;
    QString m_replacement;
    int m_position = 0; // where the first redo put it (redo puts it back there)
    qint64 m_id = 0;
};

class RemoveAlertRuleCommand : public EditCommand
{
public:
    RemoveAlertRuleCommand(WorkspaceEditor *editor, const AlertRule &rule);

protected:
    void apply(Workspace &ws) override;
    void revert(Workspace &ws) override;

private:
    AlertRule m_rule; // as it was: undo puts it back with its id and position
};

class RemoveAlertMergeCommand : public EditCommand
{
public:
    RemoveAlertMergeCommand(WorkspaceEditor *editor, const AlertMerge &merge);

protected:
    void apply(Workspace &ws) override;
    void revert(Workspace &ws) override;

private:
    AlertMerge m_merge;
};

class MergeAlertGroupsCommand : public EditCommand
{
public:
    MergeAlertGroupsCommand(WorkspaceEditor *editor, const QStringList &fromKeys, const QString &intoKey);

protected:
    void apply(Workspace &ws) override;
    void revert(Workspace &ws) override;

private:
    QStringList m_from;
    QString m_into;
    // The merge each from-key had before (nullopt: none), captured by the first redo.
    QList<std::optional<QString>> m_old;
};

// Saving an import profile (docs/formats.md#profiles) replaces one of the same name: undo puts
// that one back, or removes the new one.
class SaveImportProfileCommand : public EditCommand
{
public:
    SaveImportProfileCommand(WorkspaceEditor *editor, const ImportProfile &profile);

protected:
    void apply(Workspace &ws) override;
    void revert(Workspace &ws) override;

private:
    ImportProfile m_profile;            // as stored by the first redo (with its time)
    std::optional<ImportProfile> m_old; // the profile it replaced
    bool m_captured = false;
};

class RemoveImportProfileCommand : public EditCommand
{
public:
    RemoveImportProfileCommand(WorkspaceEditor *editor, const ImportProfile &profile);

protected:
    void apply(Workspace &ws) override;
    void revert(Workspace &ws) override;

private:
    ImportProfile m_profile; // as it was: undo stores it again, time included
};

// Live sources (docs/sources.md): their definitions only. A source's token is not part of the
// workspace, so it is not part of an edit either (undoing a removal brings the source back
// without the token the removal forgot).
class AddSourceCommand : public EditCommand
{
public:
    AddSourceCommand(WorkspaceEditor *editor, const SourceDefinition &source);

protected:
    void apply(Workspace &ws) override;
    void revert(Workspace &ws) override;

private:
    SourceDefinition m_source;
};

class UpdateSourceCommand : public EditCommand
{
public:
    UpdateSourceCommand(WorkspaceEditor *editor, const SourceDefinition &source);

protected:
    void apply(Workspace &ws) override;
    void revert(Workspace &ws) override;

private:
    SourceDefinition m_source;
    std::optional<SourceDefinition> m_old;
};

class RemoveSourceCommand : public EditCommand
{
public:
    RemoveSourceCommand(WorkspaceEditor *editor, const QString &name);

protected:
    void apply(Workspace &ws) override;
    void revert(Workspace &ws) override;

private:
    QString m_name;
    std::optional<SourceDefinition> m_removed; // with its progress: undo puts it back as it was
};

// The owner of a service (the Services & Teams dialog): a team, or none (an empty team removes
// the row). Undo puts back the row as it was, with the import that wrote it.
class SetOwnerCommand : public EditCommand
{
public:
    SetOwnerCommand(WorkspaceEditor *editor, const QString &service, const QString &team);

protected:
    void apply(Workspace &ws) override;
    void revert(Workspace &ws) override;

private:
    QString m_service;
    QString m_team;
    std::optional<OwnerRow> m_old;
    bool m_captured = false;
};

} // namespace srm
