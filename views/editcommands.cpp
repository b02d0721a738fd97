#include "views/editcommands.h"

#include "store/metriccatalogue.h"
#include "store/workspace.h"
#include "views/workspaceeditor.h"

namespace srm {

EditCommand::EditCommand(WorkspaceEditor *editor, const QString &text) : m_editor(editor)
{
    setText(text);
}

void EditCommand::redo()
{
    run(true);
}

void EditCommand::undo()
{
    run(false);
}

void EditCommand::run(bool forward)
{
    Workspace *ws = m_editor->workspace();
    QString error;
    if (!ws) {
        error = tr("No workspace is open.");
    } else {
        try {
            if (forward)
                apply(*ws);
            else
                revert(*ws);
            m_done = true;
            m_editor->reportChanged();
            return;
        } catch (const InputError &e) {
            error = e.message();
        } catch (const WorkspaceError &e) {
            error = e.message();
        }
    }
    // The store refused (it changed nothing): the command leaves the stack.
    setObsolete(true);
    m_editor->reportFailure(error);
}

// --- settings ---------------------------------------------------------------------------------

SetSettingCommand::SetSettingCommand(WorkspaceEditor *editor, const QString &key, const QString &value,
                                     const QString &text)
    : EditCommand(editor, text.isEmpty() ? tr("Set %1").arg(key) : text), m_key(key), m_value(value)
{
}

void SetSettingCommand::apply(Workspace &ws)
{
    if (!m_captured) {
        const QHash<QString, QString> stored = ws.storedSettings();
        m_old = stored.contains(m_key) ? std::optional<QString>(stored.value(m_key)) : std::nullopt;
        m_captured = true;
    }
    ws.setSetting(m_key, m_value);
}

void SetSettingCommand::revert(Workspace &ws)
{
    // An empty value removes the key, so its default applies again.
    ws.setSetting(m_key, m_old.value_or(QString()));
}

// --- debt register ----------------------------------------------------------------------------

namespace {
DebtItem requireItem(const DebtStore &store, const std::string &id)
{
    const std::optional<StoredDebtItem> found = store.find(id);
    if (!found)
        throw InputError(QCoreApplication::translate("srm::EditCommand", "There is no debt item '%1'.")
                             .arg(QString::fromStdString(id)));
    return found->item;
}
} // namespace

AddDebtItemCommand::AddDebtItemCommand(WorkspaceEditor *editor, const DebtItem &item)
    : EditCommand(editor, tr("Add %1").arg(QString::fromStdString(item.id))), m_item(item)
{
}

void AddDebtItemCommand::apply(Workspace &ws)
{
    m_item = DebtStore(ws).add(m_item);
}

void AddDebtItemCommand::revert(Workspace &ws)
{
    // References other items already made to this id were there before: keep them.
    DebtStore(ws).remove(m_item.id, DebtStore::References::Keep);
}

UpdateDebtItemCommand::UpdateDebtItemCommand(WorkspaceEditor *editor, const std::string &id, const DebtItem &item)
    : EditCommand(editor, tr("Edit %1").arg(QString::fromStdString(id))), m_id(id), m_item(item)
{
}

void UpdateDebtItemCommand::apply(Workspace &ws)
{
    DebtStore store(ws);
    if (!m_old)
        m_old = requireItem(store, m_id);
    m_newId = store.update(m_id, m_item).id;
}

void UpdateDebtItemCommand::revert(Workspace &ws)
{
    DebtStore(ws).update(m_newId, *m_old);
}

RemoveDebtItemCommand::RemoveDebtItemCommand(WorkspaceEditor *editor, const std::string &id)
    : EditCommand(editor, tr("Delete %1").arg(QString::fromStdString(id))), m_id(id)
{
}

void RemoveDebtItemCommand::apply(Workspace &ws)
{
    DebtStore store(ws);
    requireItem(store, m_id);
    m_removed = store.remove(m_id, DebtStore::References::Drop);
}

void RemoveDebtItemCommand::revert(Workspace &ws)
{
    DebtStore(ws).restore(*m_removed);
}

SetDependenciesCommand::SetDependenciesCommand(WorkspaceEditor *editor, const std::string &id,
                                               const std::vector<std::string> &dependsOn)
    : EditCommand(editor, tr("Set dependencies of %1").arg(QString::fromStdString(id))),
      m_id(id),
      m_dependsOn(dependsOn)
{
}

void SetDependenciesCommand::apply(Workspace &ws)
{
    DebtStore store(ws);
    if (!m_old)
        m_old = requireItem(store, m_id).dependsOn;
    store.setDependencies(m_id, m_dependsOn);
}

void SetDependenciesCommand::revert(Workspace &ws)
{
    DebtStore(ws).setDependencies(m_id, *m_old);
}

SetLinkedMetricsCommand::SetLinkedMetricsCommand(WorkspaceEditor *editor, const std::string &id,
                                                 const std::vector<MetricId> &linked)
    : EditCommand(editor, tr("Link %1 to metrics").arg(QString::fromStdString(id))), m_id(id), m_linked(linked)
{
}

void SetLinkedMetricsCommand::apply(Workspace &ws)
{
    DebtStore store(ws);
    if (!m_old)
        m_old = requireItem(store, m_id).linkedMetrics;
    store.setLinkedMetrics(m_id, m_linked);
}

void SetLinkedMetricsCommand::revert(Workspace &ws)
{
    DebtStore(ws).setLinkedMetrics(m_id, *m_old);
}

SetPinnedQuarterCommand::SetPinnedQuarterCommand(WorkspaceEditor *editor, const std::string &id, const QString &quarter)
    : EditCommand(editor,
                  quarter.isEmpty() ? tr("Unpin %1").arg(QString::fromStdString(id))
                                    : tr("Pin %1 to %2").arg(QString::fromStdString(id), quarter.toUpper())),
      m_id(id),
      m_quarter(quarter)
{
}

void SetPinnedQuarterCommand::apply(Workspace &ws)
{
    DebtStore store(ws);
    if (!m_old)
        m_old = QString::fromStdString(requireItem(store, m_id).pinnedQuarter);
    store.setPinnedQuarter(m_id, m_quarter);
}

void SetPinnedQuarterCommand::revert(Workspace &ws)
{
    DebtStore(ws).setPinnedQuarter(m_id, *m_old);
}

// --- scenarios --------------------------------------------------------------------------------

SaveScenarioCommand::SaveScenarioCommand(WorkspaceEditor *editor, const QString &name,
                                         const SettingOverrides &overrides, const QString &replacing)
    : EditCommand(editor,
                  !replacing.isEmpty() && replacing != name ? tr("Rename scenario %1 to %2").arg(replacing, name)
                                                            : tr("Save scenario %1").arg(name)),
      m_name(name),
      m_overrides(overrides),
      m_replacing(replacing == name ? QString() : replacing)
{
}

void SaveScenarioCommand::apply(Workspace &ws)
{
    ScenarioStore store(ws);
    ScenarioStore::validateName(m_name);
    if (m_replacing.isEmpty()) {
        m_old = store.save(m_name, m_overrides);
        return;
    }
    // A rename: the new name must be free; the scenario keeps its place in the list.
    if (store.find(m_name))
        throw InputError(tr("There is already a scenario named '%1'.").arg(m_name));
    for (auto it = m_overrides.cbegin(); it != m_overrides.cend(); ++it)
        WhatIf::validate(it.key(), it.value());
    if (m_overrides.isEmpty())
        throw InputError(tr("A scenario needs at least one override."));
    m_renamed = store.remove(m_replacing);
    store.restore(Scenario{m_name, m_overrides, m_renamed->position});
}

void SaveScenarioCommand::revert(Workspace &ws)
{
    ScenarioStore store(ws);
    if (m_renamed) {
        store.remove(m_name);
        store.restore(*m_renamed);
    } else if (m_old) {
        store.restore(*m_old);
    } else {
        store.remove(m_name);
    }
}

DeleteScenarioCommand::DeleteScenarioCommand(WorkspaceEditor *editor, const QString &name)
    : EditCommand(editor, tr("Delete scenario %1").arg(name)), m_name(name)
{
}

void DeleteScenarioCommand::apply(Workspace &ws)
{
    m_removed = ScenarioStore(ws).remove(m_name);
}

void DeleteScenarioCommand::revert(Workspace &ws)
{
    ScenarioStore(ws).restore(*m_removed);
}

// --- alert rules and merges -------------------------------------------------------------------

AddAlertRuleCommand::AddAlertRuleCommand(WorkspaceEditor *editor, const QString &pattern, const QString &replacement)
    : EditCommand(editor, tr("Add alert rule %1").arg(pattern)), m_pattern(pattern), m_replacement(replacement)
{
}

void AddAlertRuleCommand::apply(Workspace &ws)
{
    AlertRuleStore store(ws);
    m_id = store.addRule(m_pattern, m_replacement, m_position);
    if (m_position == 0)
        for (const AlertRule &r : store.rules())
            if (r.id == m_id)
                m_position = r.position;
}

void AddAlertRuleCommand::revert(Workspace &ws)
{
    AlertRuleStore(ws).removeRule(m_id);
}

RemoveAlertRuleCommand::RemoveAlertRuleCommand(WorkspaceEditor *editor, const AlertRule &rule)
    : EditCommand(editor, tr("Remove alert rule %1").arg(rule.pattern)), m_rule(rule)
{
}

void RemoveAlertRuleCommand::apply(Workspace &ws)
{
    AlertRuleStore(ws).removeRule(m_rule.id);
}

void RemoveAlertRuleCommand::revert(Workspace &ws)
{
    AlertRuleStore(ws).addRule(m_rule.pattern, m_rule.replacement, m_rule.position, m_rule.id);
}

RemoveAlertMergeCommand::RemoveAlertMergeCommand(WorkspaceEditor *editor, const AlertMerge &merge)
    : EditCommand(editor, tr("Unmerge alert group %1").arg(merge.fromKey)), m_merge(merge)
{
}

void RemoveAlertMergeCommand::apply(Workspace &ws)
{
    AlertRuleStore(ws).removeMerge(m_merge.fromKey);
}

void RemoveAlertMergeCommand::revert(Workspace &ws)
{
    AlertRuleStore(ws).addMerge(m_merge.fromKey, m_merge.intoKey);
}

MergeAlertGroupsCommand::MergeAlertGroupsCommand(WorkspaceEditor *editor, const QStringList &fromKeys,
                                                 const QString &intoKey)
    : EditCommand(editor,
                  fromKeys.size() == 1 ? tr("Merge alert group %1").arg(fromKeys.first())
                                       : tr("Merge %1 alert groups").arg(fromKeys.size())),
      m_from(fromKeys),
      m_into(intoKey)
{
}

void MergeAlertGroupsCommand::apply(Workspace &ws)
{
    AlertRuleStore store(ws);
    if (m_old.isEmpty()) {
        const QList<AlertMerge> merges = store.merges();
        for (const QString &from : m_from) {
            std::optional<QString> old;
            for (const AlertMerge &m : merges)
                if (m.fromKey == from)
                    old = m.intoKey;
            m_old.append(old);
        }
    }
    // Each merge is its own transaction: if one is refused, take back the ones made.
    qsizetype done = 0;
    try {
        for (; done < m_from.size(); ++done)
            store.addMerge(m_from[done], m_into);
    } catch (const InputError &) {
        for (qsizetype i = done - 1; i >= 0; --i) {
            store.removeMerge(m_from[i]);
            if (m_old[i])
                store.addMerge(m_from[i], *m_old[i]);
        }
        throw;
    }
}

void MergeAlertGroupsCommand::revert(Workspace &ws)
{
    AlertRuleStore store(ws);
    for (qsizetype i = m_from.size() - 1; i >= 0; --i) {
        store.removeMerge(m_from[i]);
        if (m_old[i])
            store.addMerge(m_from[i], *m_old[i]);
    }
}

// --- import profiles --------------------------------------------------------------------------

SaveImportProfileCommand::SaveImportProfileCommand(WorkspaceEditor *editor, const ImportProfile &profile)
    : EditCommand(editor, tr("Save import profile %1").arg(profile.name)), m_profile(profile)
{
}

void SaveImportProfileCommand::apply(Workspace &ws)
{
    ImportProfileStore store(ws);
    if (!m_captured) {
        m_old = store.find(m_profile.name);
        store.save(m_profile);
        m_profile = store.find(m_profile.name).value_or(m_profile);
        m_captured = true;
        return;
    }
    store.save(m_profile);
}

void SaveImportProfileCommand::revert(Workspace &ws)
{
    ImportProfileStore store(ws);
    if (m_old)
        store.save(*m_old);
    else
        store.remove(m_profile.name);
}

RemoveImportProfileCommand::RemoveImportProfileCommand(WorkspaceEditor *editor, const ImportProfile &profile)
    : EditCommand(editor, tr("Remove import profile %1").arg(profile.name)), m_profile(profile)
{
}

void RemoveImportProfileCommand::apply(Workspace &ws)
{
    ImportProfileStore(ws).remove(m_profile.name);
}

void RemoveImportProfileCommand::revert(Workspace &ws)
{
    ImportProfileStore(ws).save(m_profile);
}

// --- live sources -----------------------------------------------------------------------------

AddSourceCommand::AddSourceCommand(WorkspaceEditor *editor, const SourceDefinition &source)
    : EditCommand(editor, tr("Add source %1").arg(source.name)), m_source(source)
{
}

void AddSourceCommand::apply(Workspace &ws)
{
    SourceStore(ws).add(m_source);
}

void AddSourceCommand::revert(Workspace &ws)
{
    SourceStore(ws).remove(m_source.name);
}

UpdateSourceCommand::UpdateSourceCommand(WorkspaceEditor *editor, const SourceDefinition &source)
    : EditCommand(editor, tr("Edit source %1").arg(source.name)), m_source(source)
{
}

void UpdateSourceCommand::apply(Workspace &ws)
{
    SourceStore store(ws);
    if (!m_old) {
        m_old = store.find(m_source.name);
        if (!m_old)
            throw InputError(tr("There is no source named '%1'.").arg(m_source.name));
    }
    store.update(m_source);
}

void UpdateSourceCommand::revert(Workspace &ws)
{
    SourceStore(ws).update(*m_old);
}

RemoveSourceCommand::RemoveSourceCommand(WorkspaceEditor *editor, const QString &name)
    : EditCommand(editor, tr("Remove source %1").arg(name)), m_name(name)
{
}

void RemoveSourceCommand::apply(Workspace &ws)
{
    SourceStore store(ws);
    if (!m_removed) {
        m_removed = store.find(m_name);
        if (!m_removed)
            throw InputError(tr("There is no source named '%1'.").arg(m_name));
    }
    store.remove(m_name);
}

void RemoveSourceCommand::revert(Workspace &ws)
{
    SourceStore(ws).add(*m_removed);
}

// --- ownership --------------------------------------------------------------------------------

SetOwnerCommand::SetOwnerCommand(WorkspaceEditor *editor, const QString &service, const QString &team)
    : EditCommand(editor,
                  team.isEmpty() ? tr("Remove the owner of %1").arg(service)
                                 : tr("Set the owner of %1 to %2").arg(service, team)),
      m_service(service),
      m_team(team)
{
}

void SetOwnerCommand::apply(Workspace &ws)
{
    OwnershipStore store(ws);
    if (!m_captured) {
        m_old = store.find(m_service);
        m_captured = true;
    }
    if (m_team.isEmpty())
        store.remove(m_service);
    else
        store.set(m_service, OwnerRow{m_team, std::nullopt});
}

void SetOwnerCommand::revert(Workspace &ws)
{
    OwnershipStore store(ws);
    if (m_old)
        store.set(m_service, *m_old);
    else
        store.remove(m_service);
}

} // namespace srm
