// `plan WORKSPACE [--start YYYYQn] [--quarters N] [--as-of T] [--scenario NAME] [--set KEY=VALUE]...
// [--json]` (docs/debt-and-roadmap.md): the roadmap schedule of the workspace's operational debt,
// as docs/debt-and-roadmap.md's JSON document or as readable text, optionally under a what-if (a saved scenario,
// then --set overrides on top; nothing is saved). And `scenario WORKSPACE save NAME KEY=VALUE... |
// list [--json] | delete NAME`: the named what-if plans.
#include "app/analysisoptions.h"
#include "app/cli.h"
#include "app/commands.h"
#include "planning/roadmap.h"
#include "planning/scenarios.h"
#include "store/workspace.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace srm::cli {

namespace {

// "KEY=VALUE" arguments as overrides, checked before the workspace is opened (exit 2).
SettingOverrides parseOverrides(const QStringList &assignments, const QString &what)
{
    SettingOverrides out;
    for (const QString &a : assignments) {
        try {
            const auto [key, value] = WhatIf::parseAssignment(a);
            out.insert(key, value);
        } catch (const InputError &e) {
            throw UsageError(QStringLiteral("%1 %2: %3").arg(what, a, e.message()));
        }
    }
    return out;
}

} // namespace

int cmdPlan(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("WORKSPACE"), QStringLiteral("the workspace file (.srmap)"));
    const QCommandLineOption start(
        QStringLiteral("start"),
        QStringLiteral("first quarter (default: setting roadmap_start, else the quarter after as-of)"),
        QStringLiteral("YYYYQn"));
    const QCommandLineOption quarters(QStringLiteral("quarters"), QStringLiteral("quarters to plan (default 4)"),
                                      QStringLiteral("N"));
    const QCommandLineOption asOf(
        QStringLiteral("as-of"),
        QStringLiteral("YYYY-MM-DD or an ISO-8601 instant (default: the day after the latest event)"),
        QStringLiteral("T"));
    const QCommandLineOption scenario(
        QStringLiteral("scenario"), QStringLiteral("plan under a saved scenario's overrides"), QStringLiteral("NAME"));
    const QCommandLineOption set(
        QStringLiteral("set"),
        QStringLiteral("override a setting for this plan only (repeatable; after --scenario's): ")
            + WhatIf::allowedKeys(),
        QStringLiteral("KEY=VALUE"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("print the plan as one JSON document (docs/debt-and-roadmap.md)"));
    parser.addOptions({start, quarters, asOf, scenario, set, json});
    if (!parse(parser, QStringLiteral("plan"), args))
        return Ok;
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 1)
        throw UsageError(QStringLiteral("expected WORKSPACE"));

    PlanRequest request;
    if (parser.isSet(start)) {
        request.start = parseQuarter(parser.value(start));
        if (!request.start)
            throw UsageError(QStringLiteral("--start needs a quarter like 2027Q1, not '%1'").arg(parser.value(start)));
    }
    if (parser.isSet(quarters)) {
        bool ok = false;
        request.quarters = parser.value(quarters).toInt(&ok);
        if (!ok || request.quarters < 1 || request.quarters > kMaxPlanQuarters)
            throw UsageError(QStringLiteral("--quarters needs a whole number from 1 to %1, not '%2'")
                                 .arg(kMaxPlanQuarters)
                                 .arg(parser.value(quarters)));
    }
    if (parser.isSet(asOf)) {
        request.asOf = parseAsOf(parser.value(asOf));
        if (!request.asOf)
            throw UsageError(
                QStringLiteral("--as-of needs YYYY-MM-DD or an ISO-8601 instant, not '%1'").arg(parser.value(asOf)));
    }
    const SettingOverrides sets = parseOverrides(parser.values(set), QStringLiteral("--set"));

    auto ws = openWorkspace(pos[0]);
    if (parser.isSet(scenario)) {
        request.scenario = parser.value(scenario);
        const std::optional<Scenario> saved = ScenarioStore(*ws).find(request.scenario);
        if (!saved)
            throw InputError(QStringLiteral("%1: there is no scenario '%2' (sre-roadmap scenario %1 list)")
                                 .arg(pos[0], request.scenario));
        request.overrides = saved->overrides;
    }
    for (auto it = sets.cbegin(); it != sets.cend(); ++it)
        request.overrides.insert(it.key(), it.value());

    Plan plan;
    try {
        plan = planRoadmap(*ws, request);
    } catch (const InputError &e) {
        // Problems of the register (cycles, unknown dependencies): one line each, with the file.
        QStringList lines = e.message().split(u'\n');
        for (QString &line : lines)
            line.prepend(pos[0] + QStringLiteral(": "));
        throw InputError(lines.join(u'\n'));
    }
    if (parser.isSet(json))
        printJsonText(QJsonDocument(toJson(plan)).toJson(QJsonDocument::Compact));
    else
        printOut(planToText(plan));
    return Ok;
}

int cmdScenario(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("WORKSPACE"), QStringLiteral("the workspace file (.srmap)"));
    parser.addPositionalArgument(
        QStringLiteral("ACTION"),
        QStringLiteral("save NAME KEY=VALUE... (replaces a scenario of that name) | list | delete NAME"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("list: print one JSON document"));
    parser.addOption(json);
    if (!parse(parser, QStringLiteral("scenario"), args))
        return Ok;
    const QStringList pos = parser.positionalArguments();
    if (pos.size() < 2)
        throw UsageError(
            QStringLiteral("expected WORKSPACE save NAME KEY=VALUE..., WORKSPACE list or WORKSPACE delete NAME"));
    const QString action = pos[1];
    if (action == u"save") {
        if (pos.size() < 4)
            throw UsageError(
                QStringLiteral("expected WORKSPACE save NAME KEY=VALUE... (at least one override; allowed keys: %1)")
                    .arg(WhatIf::allowedKeys()));
        try {
            ScenarioStore::validateName(pos[2]);
        } catch (const InputError &e) {
            throw UsageError(e.message());
        }
        const SettingOverrides overrides = parseOverrides(pos.mid(3), QStringLiteral("override"));
        auto ws = openWorkspace(pos[0]);
        const std::optional<Scenario> old = ScenarioStore(*ws).save(pos[2], overrides);
        printOut(
            QStringLiteral("%1 scenario \"%2\": %3\n")
                .arg(old ? QStringLiteral("Replaced") : QStringLiteral("Saved"), pos[2], WhatIf::toText(overrides)));
        return Ok;
    }
    if (action == u"list") {
        if (pos.size() != 2)
            throw UsageError(QStringLiteral("list takes no further arguments"));
        auto ws = openWorkspace(pos[0]);
        const std::vector<Scenario> list = ScenarioStore(*ws).list();
        if (parser.isSet(json)) {
            QJsonArray out;
            for (const Scenario &s : list)
                out.append(QJsonObject{{QStringLiteral("name"), s.name},
                                       {QStringLiteral("overrides"), WhatIf::toJson(s.overrides)}});
            printJsonText(
                QJsonDocument(QJsonObject{{QStringLiteral("scenarios"), out}}).toJson(QJsonDocument::Compact));
            return Ok;
        }
        QString out;
        for (const Scenario &s : list)
            out += QStringLiteral("%1: %2\n").arg(s.name, WhatIf::toText(s.overrides));
        if (list.empty())
            out = QStringLiteral("No scenarios saved (sre-roadmap scenario %1 save NAME KEY=VALUE...).\n").arg(pos[0]);
        printOut(out);
        return Ok;
    }
    if (action == u"delete") {
        if (pos.size() != 3)
            throw UsageError(QStringLiteral("expected WORKSPACE delete NAME"));
        auto ws = openWorkspace(pos[0]);
        try {
            ScenarioStore(*ws).remove(pos[2]);
        } catch (const InputError &e) {
            throw InputError(QStringLiteral("%1: %2").arg(pos[0], e.message()));
        }
        printOut(QStringLiteral("Deleted scenario \"%1\".\n").arg(pos[2]));
        return Ok;
    }
    throw UsageError(QStringLiteral("unknown action '%1': save, list or delete").arg(action));
}

} // namespace srm::cli
