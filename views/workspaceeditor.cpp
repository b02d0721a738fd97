#include "views/workspaceeditor.h"

#include "planning/debtstore.h"
#include "store/metriccatalogue.h"
#include "store/settings.h"
#include "store/workspace.h"
#include "views/editcommands.h"

#include <QUndoStack>

namespace srm {

WorkspaceEditor::WorkspaceEditor(QUndoStack *stack, QObject *parent) : QObject(parent), m_stack(stack) { }

void WorkspaceEditor::setWorkspace(Workspace *ws)
{
    m_stack->clear();
    m_workspace = ws;
}

bool WorkspaceEditor::push(EditCommand *command)
{
    m_lastError.clear();
    m_stack->push(command); // runs redo(); a refused command is dropped by the stack
    return m_lastError.isEmpty();
}

void WorkspaceEditor::reportChanged()
{
    emit changed();
}

void WorkspaceEditor::reportFailure(const QString &message)
{
    m_lastError = message;
    emit failed(message);
}

bool WorkspaceEditor::setSetting(const QString &key, const QString &value, const QString &text)
{
    return push(new SetSettingCommand(this, key, value, text));
}

bool WorkspaceEditor::setTarget(const QString &metricId, double target)
{
    const MetricDef *def = MetricCatalogue::find(metricId);
    const QString name = def ? QCoreApplication::translate("srm::MetricCatalogue", def->name) : metricId;
    return setSetting(QStringLiteral("target.") + metricId, SettingsSchema::formatNumber(target),
                      tr("Set target of %1").arg(name));
}

bool WorkspaceEditor::addDebtItem(const DebtItem &item)
{
    return push(new AddDebtItemCommand(this, item));
}

bool WorkspaceEditor::updateDebtItem(const QString &id, const DebtItem &item)
{
    return push(new UpdateDebtItemCommand(this, id.toStdString(), item));
}

bool WorkspaceEditor::removeDebtItem(const QString &id)
{
    return push(new RemoveDebtItemCommand(this, id.toStdString()));
}

bool WorkspaceEditor::setDependencies(const QString &id, const QStringList &dependsOn)
{
    std::vector<std::string> deps;
    for (const QString &d : dependsOn)
        if (!d.trimmed().isEmpty())
            deps.push_back(d.trimmed().toStdString());
    return push(new SetDependenciesCommand(this, id.toStdString(), deps));
}

bool WorkspaceEditor::setPinnedQuarter(const QString &id, const QString &quarter)
{
    return push(new SetPinnedQuarterCommand(this, id.toStdString(), quarter.trimmed()));
}

bool WorkspaceEditor::setLinkedMetrics(const QString &id, const std::vector<MetricId> &linked)
{
    return push(new SetLinkedMetricsCommand(this, id.toStdString(), linked));
}

bool WorkspaceEditor::setLinkedMetrics(const QString &id, const QString &text)
{
    std::vector<MetricId> linked;
    try {
        linked = DebtStore::parseLinkedMetrics(text);
    } catch (const InputError &e) {
        m_lastError.clear();
        reportFailure(QStringLiteral("%1: %2").arg(id, e.message()));
        return false;
    }
    return setLinkedMetrics(id, linked);
}

bool WorkspaceEditor::saveScenario(const QString &name, const SettingOverrides &overrides, const QString &replacing)
{
    return push(new SaveScenarioCommand(this, name, overrides, replacing));
}

bool WorkspaceEditor::deleteScenario(const QString &name)
{
    return push(new DeleteScenarioCommand(this, name));
}

bool WorkspaceEditor::addAlertRule(const QString &pattern, const QString &replacement)
{
    return push(new AddAlertRuleCommand(this, pattern, replacement));
}

bool WorkspaceEditor::removeAlertRule(const AlertRule &rule)
{
    return push(new RemoveAlertRuleCommand(this, rule));
}

bool WorkspaceEditor::removeAlertMerge(const AlertMerge &merge)
{
    return push(new RemoveAlertMergeCommand(this, merge));
}

bool WorkspaceEditor::saveImportProfile(const ImportProfile &profile)
{
    return push(new SaveImportProfileCommand(this, profile));
}

bool WorkspaceEditor::removeImportProfile(const ImportProfile &profile)
{
    return push(new RemoveImportProfileCommand(this, profile));
}

bool WorkspaceEditor::mergeAlertGroups(const QStringList &fromKeys, const QString &intoKey)
{
    QStringList from = fromKeys;
    from.removeAll(intoKey);
    if (from.isEmpty()) {
        reportFailure(tr("Choose at least one other group to merge into %1.").arg(intoKey));
        return false;
    }
    return push(new MergeAlertGroupsCommand(this, from, intoKey));
}

bool WorkspaceEditor::addSource(const SourceDefinition &source)
{
    return push(new AddSourceCommand(this, source));
}

bool WorkspaceEditor::updateSource(const SourceDefinition &source)
{
    return push(new UpdateSourceCommand(this, source));
}

bool WorkspaceEditor::removeSource(const QString &name)
{
    return push(new RemoveSourceCommand(this, name));
}

bool WorkspaceEditor::setOwner(const QString &service, const QString &team)
{
    return push(new SetOwnerCommand(this, service, team.trimmed()));
}

} // namespace srm
