// The one way the window edits a workspace: every change is pushed as a command
// (editcommands.h) onto the main window's QUndoStack, so Edit › Undo and Redo cover targets,
// settings, debt items, dependencies, linked metrics, pins, scenarios, alert rules and merges,
// import profiles and live sources alike. The editor holds the open workspace (none: edits are
// refused), reports each applied do/undo/redo with changed() — the main window recomputes its
// snapshot on it — and a refused edit with failed().
#pragma once

#include "planning/scenarios.h"
#include "store/alertrules.h"
#include "store/importprofiles.h"
#include "store/records.h"
#include "store/sourcestore.h"

#include <QObject>
#include <QStringList>

class QUndoStack;

namespace srm {

class Workspace;

class WorkspaceEditor : public QObject
{
    Q_OBJECT

public:
    WorkspaceEditor(QUndoStack *stack, QObject *parent = nullptr);

    // The workspace the commands write to; changing it clears the undo stack.
    void setWorkspace(Workspace *ws);
    Workspace *workspace() const { return m_workspace; }
    QUndoStack *undoStack() const { return m_stack; }

    // Each returns false (and emits failed) when the store refuses the edit; nothing is pushed then.
    bool setSetting(const QString &key, const QString &value, const QString &text = {});
    bool setTarget(const QString &metricId, double target);
    bool addDebtItem(const DebtItem &item);
    bool updateDebtItem(const QString &id, const DebtItem &item);
    bool removeDebtItem(const QString &id);
    bool setDependencies(const QString &id, const QStringList &dependsOn);
    bool setPinnedQuarter(const QString &id, const QString &quarter);
    bool setLinkedMetrics(const QString &id, const std::vector<MetricId> &linked);
    // Linked metrics as typed ("change_failure_rate; time_to_restore"): an unknown id is refused
    // with the list of valid ids, and nothing is pushed.
    bool setLinkedMetrics(const QString &id, const QString &text);
    // Saves a scenario; `replacing` names the scenario it renames (empty: save under `name`).
    bool saveScenario(const QString &name, const SettingOverrides &overrides, const QString &replacing = {});
    bool deleteScenario(const QString &name);
    bool addAlertRule(const QString &pattern, const QString &replacement);
    bool mergeAlertGroups(const QStringList &fromKeys, const QString &intoKey);
    bool removeAlertRule(const AlertRule &rule);
    bool removeAlertMerge(const AlertMerge &merge);
    bool saveImportProfile(const ImportProfile &profile);
    bool removeImportProfile(const ImportProfile &profile);

    // Live sources: definitions only (tokens are not workspace data; docs/sources.md).
    bool addSource(const SourceDefinition &source);
    bool updateSource(const SourceDefinition &source);
    bool removeSource(const QString &name);

    // Ownership (docs/scope.md#teams): `team` owns `service` from now on; an empty team removes
    // the service's owner.
    bool setOwner(const QString &service, const QString &team);

    QString lastError() const { return m_lastError; }

    // Called by the commands (and by the views for typed text they refuse before any command).
    void reportChanged();
    void reportFailure(const QString &message);

signals:
    void changed();
    void failed(const QString &message);

private:
    bool push(class EditCommand *command);

    QUndoStack *m_stack;
    Workspace *m_workspace = nullptr;
    QString m_lastError;
};

} // namespace srm
