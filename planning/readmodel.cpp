#include "planning/readmodel.h"

#include "planning/debtgraph.h"
#include "planning/debtstore.h"

#include "engine/twothreads.h"

#include <QElapsedTimer>
#include <QFileInfo>

#include <algorithm>
#include <functional>
#include <future>
#include <vector>

namespace srm {

namespace {

// What the read model holds besides the Dataset's facts, read on `ws` after the span.
void readTheRest(ReadModel &m, Workspace &ws, const Dataset &data, Micros now)
{
    m.window = AnalysisWindow{data.window.asOf, m.request.days};
    m.scope = m.request.scope;
    m.scopeNames = ScopeNames::read(ws);
    m.owners = data.owners;
    m.latestEvent = ws.latestEventTime();
    m.readAt = now;
    m.settings = data.settings;
    m.storedSettings = ws.storedSettings();
    m.organisation = m.settings.name.trimmed();
    if (m.organisation.isEmpty())
        m.organisation = QFileInfo(ws.path()).completeBaseName();
    m.debtItems = DebtStore(ws).items();
    m.alertRules = data.alertRules;
    m.alertMerges = data.alertMerges;
    m.imports = ws.importLog();
    std::stable_sort(m.imports.begin(), m.imports.end(), [](const ImportLogEntry &a, const ImportLogEntry &b) {
        return a.importedAt != b.importedAt ? a.importedAt < b.importedAt : a.id < b.id;
    });
}

} // namespace

void ReadModel::load(ReadModel &m, Workspace &ws, const ReadRequest &request, Micros now, Dataset *read)
{
    QElapsedTimer timer;
    timer.start();
    m.workspacePath = ws.path();
    m.request = request;
    // One read for the window, the period of the same length before it and the quarters of
    // progress (the quarter before the oldest included).
    const int days = request.days;
    const int quarters = std::clamp(request.progressQuarters, 1, ProgressRequest::kMaxQuarters);
    Dataset data = Dataset::loadSpan(
        ws, request.asOf,
        [days, quarters](Micros asOf) {
            return std::min(asOf - 2 * Micros(days) * kMicrosPerDay, progressFrom(asOf, quarters));
        },
        Dataset::AllParts, now, request.scope);
    Engine engine(data);
    // The engine's preparation (alert groups and repeat flags, 0.7 s at 10M pages) needs only
    // the Dataset: it runs while this thread reads the rest of the workspace (the scope's names
    // alone took 0.5 s).
    auto prepared = std::async(std::launch::async, [&engine] { engine.prepare(); });
    try {
        readTheRest(m, ws, data, now);
    } catch (...) {
        prepared.wait(); // it reads `data`, which this frame owns
        throw;
    }
    m.loadMs = double(timer.nsecsElapsed()) / 1e6;

    timer.restart();
    prepared.get();

    // The figures below are independent and read the same Dataset and prepared Engine (both
    // read-only from here on), each writing its own member: two threads take them in turn, the
    // longest first (at 10M pages: the two breakdowns 2.9 s together, the window 1.3 s, progress
    // 1.2 s, each window of metrics 0.75 s). With the breakdowns and progress on one thread and
    // the window's figures on the other, one thread waited 1.3 s for the other.
    runOnTwoThreads({
        [&] { m.byService = computeBreakdown(engine, m.window, BreakdownBy::Service); },
        [&] { m.byTeam = computeBreakdown(engine, m.window, BreakdownBy::Team); },
        [&] { m.analysis = engine.analyze(m.window); },
        [&] { m.progress = computeProgress(engine, m.window.asOf, quarters); },
        [&] {
            m.previous = engine.metrics(AnalysisWindow{m.window.from(), m.window.days}, false);
        },
        [&] {
            m.yesterday = engine.metrics(AnalysisWindow{m.window.asOf - kMicrosPerDay, m.window.days}, false);
        },
    });
    compareWithPrevious(m.analysis.metrics, m.previous);
    // Gap factors come from the default window: the one just computed when the user looks at it.
    const Micros defaultAsOf = request.asOf ? AnalysisWindow::defaultAsOf(ws, now) : m.window.asOf;
    // A scoped window is not the basis either: the debt register (and so its gaps) is not scoped.
    m.gapsFromWindow = m.window.days == AnalysisWindow::kDefaultDays && m.window.asOf == defaultAsOf
        && request.scope.isEmpty();
    m.gaps = m.gapsFromWindow ? GapBasis::fromReport(m.analysis.metrics, data.openDebtItems, data.openToilHoursPerWeek)
                              : GapBasis::load(ws, now);
    m.assessments = assessDebt(m.debtItems, m.settings, m.gaps);
    m.debtProblems = DebtGraph(m.debtItems).problems();
    try {
        m.plan = planRoadmap(ws, PlanRequest{std::nullopt, request.quarters, m.window.asOf, {}, {}}, m.gaps);
    } catch (const InputError &e) {
        m.planProblem = e.message();
    }
    try {
        for (Scenario &scenario : ScenarioStore(ws).list()) {
            ScenarioPlan sp;
            sp.scenario = std::move(scenario);
            try {
                sp.plan = planRoadmap(
                    ws,
                    PlanRequest{std::nullopt, request.quarters, m.window.asOf, sp.scenario.overrides, sp.scenario.name},
                    m.gaps);
                if (m.plan)
                    sp.comparison = comparePlans(*m.plan, *sp.plan);
            } catch (const InputError &e) {
                sp.problem = e.message();
            }
            m.scenarios.push_back(std::move(sp));
        }
    } catch (const InputError &e) {
        m.scenarioProblem = e.message();
    }
    m.computeMs = double(timer.nsecsElapsed()) / 1e6;
    if (read)
        *read = std::move(data); // the engine, destroyed next, no longer reads it
}

ReadModel ReadModel::load(Workspace &ws, const ReadRequest &request, Micros now, Dataset *read)
{
    ReadModel m;
    load(m, ws, request, now, read);
    return m;
}

std::vector<std::size_t> ReadModel::rankedOpenItems() const
{
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < assessments.size(); ++i)
        if (assessments[i].rank)
            out.push_back(i);
    std::sort(out.begin(), out.end(),
              [this](std::size_t a, std::size_t b) { return *assessments[a].rank < *assessments[b].rank; });
    return out;
}

const DebtItem *ReadModel::debtItem(const std::string &id) const
{
    for (const DebtItem &item : debtItems)
        if (item.id == id)
            return &item;
    return nullptr;
}

const DebtItem *ReadModel::findDebt(const QString &id) const
{
    return debtItem(id.toStdString());
}

const ScenarioPlan *ReadModel::findScenario(const QString &name) const
{
    for (const ScenarioPlan &s : scenarios)
        if (s.scenario.name == name)
            return &s;
    return nullptr;
}

const DebtAssessment *ReadModel::findAssessment(const QString &id) const
{
    const std::string key = id.toStdString();
    for (const DebtAssessment &a : assessments)
        if (a.id == key)
            return &a;
    return nullptr;
}

} // namespace srm
