// What-if plans (docs/debt-and-roadmap.md#what-if): settings overridden for one plan, and named,
// saved sets of such overrides (scenarios, table `scenarios`). An override is a setting key of
// the planning family (team_size, capacity_weeks, reserved_ratio, weight.<theme>,
// quadrant.toil_hours, quadrant.cost_weeks, roadmap_start, target.<metric>) with a value that the
// setting itself would accept, kept in its canonical text (SettingsSchema::validate). The plan
// command applies a scenario and then its --set overrides on top; the read model plans every
// saved scenario beside the baseline, for the roadmap view's comparison and the PDF's Options
// page; the window's scenario edits go through ScenarioStore in undoable commands.
#pragma once

#include "store/settings.h"

#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace srm {

class Workspace;

// key → canonical value, in key order.
using SettingOverrides = QMap<QString, QString>;

namespace WhatIf {

// Whether `key` may be overridden in a what-if.
bool isOverridable(QStringView key);
// "team_size, capacity_weeks, ..., target.<metric> (metric: ...)" for error messages.
QString allowedKeys();
// The canonical value of an override; throws InputError naming the key and what it accepts
// (an unknown key, a key outside the planning family, an empty or ill-typed value).
QString validate(const QString &key, const QString &value);
// "KEY=VALUE" (as written after --set or `scenario save NAME`): the key and its canonical value.
// Throws InputError.
std::pair<QString, QString> parseAssignment(const QString &text);
// The workspace's stored settings with the overrides on top, as typed settings.
WorkspaceSettings apply(const QHash<QString, QString> &stored, const SettingOverrides &overrides);
// {"team_size": 5, "roadmap_start": "2027Q2", ...}: numbers as JSON numbers, a quarter as text.
QJsonObject toJson(const SettingOverrides &overrides);
// "team_size=5, reserved_ratio=0.4" (key order); "no overrides" when empty.
QString toText(const SettingOverrides &overrides);

} // namespace WhatIf

struct Scenario
{
    QString name;
    SettingOverrides overrides;
    std::int64_t position = 0; // list order (ascending)

    bool operator==(const Scenario &) const = default;
};

class ScenarioStore
{
public:
    explicit ScenarioStore(Workspace &ws);

    // Every saved scenario, by position then name. Throws InputError when a stored scenario holds
    // an override that is not valid (written by hand), naming the scenario.
    std::vector<Scenario> list() const;
    std::optional<Scenario> find(const QString &name) const;

    // Checks a name: not blank, no white space around it, no control characters, at most 80
    // characters. Throws InputError.
    static void validateName(const QString &name);

    // Saves `overrides` under `name` (validated; at least one override): a new scenario goes to
    // the end of the list, an existing one is replaced in its place. Returns what it replaced.
    std::optional<Scenario> save(const QString &name, const SettingOverrides &overrides);
    // Removes a scenario and returns it (InputError when there is none of that name).
    Scenario remove(const QString &name);
    // Puts a removed or replaced scenario back exactly (name, overrides, position).
    void restore(const Scenario &scenario);

private:
    Workspace &m_ws;
};

} // namespace srm
