// The read model: everything the window, the executive report and the exports show, read from a
// workspace in one go and computed once. The engine's Analysis of the window and the metrics of
// the window of the same length just before it (each metric of the window carries its verdict
// against them); the progress of the last quarters; the settings; the debt register with its
// assessment and dependency problems; the default window's metrics the gap factors come from
// (the window's own analysis when it is the default window, so nothing is computed twice); the
// roadmap plan (or why there is none) and the plan of every saved scenario with its comparison
// to the baseline; the user's alert rules and merges; the import log. The window builds one on a worker thread (views'
// WorkspaceSnapshot adds the chart scales) and an export from the window reuses it; the command
// line's report and export build the same struct. Nothing downstream computes a figure of its
// own: the views, the PDF, the HTML and the CSV files format these.
#pragma once

#include "engine/analysis.h"
#include "engine/breakdown.h"
#include "engine/progress.h"
#include "planning/debt.h"
#include "planning/plancomparison.h"
#include "planning/roadmap.h"
#include "planning/scenarios.h"
#include "store/workspace.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>
#include <vector>

namespace srm {

struct ReadRequest
{
    std::optional<Micros> asOf; // nullopt: the default as-of (the UTC midnight after the latest event)
    int days = AnalysisWindow::kDefaultDays;
    int quarters = 4; // the plan's horizon
    int progressQuarters = ProgressRequest::kDefaultQuarters;
    Scope scope; // the services and teams counted (docs/scope.md); the debt register is not scoped
};

// A saved scenario planned beside the baseline.
struct ScenarioPlan
{
    Scenario scenario;
    std::optional<Plan> plan; // nullopt when it cannot be planned (problem says why)
    QString problem;
    PlanComparison comparison; // against the baseline plan (empty without one)
};

struct ReadModel
{
    QString workspacePath;
    ReadRequest request;
    AnalysisWindow window; // as computed (the default as-of resolved)
    QString organisation;  // setting `name`, else the workspace file's base name

    WorkspaceSettings settings;
    QHash<QString, QString> storedSettings; // what the workspace holds (unset keys absent)

    Analysis analysis;      // the window [as_of − days, as_of), compared with `previous`
    MetricsReport previous; // the window of the same length just before it
    // The same window one day earlier ([as_of − 1 d − days, as_of − 1 d)): "what changed since
    // yesterday" in the HTML summary, judged by the interval verdict like any other comparison.
    MetricsReport yesterday;
    ProgressReport progress; // the last request.progressQuarters quarters up to as_of
    Scope scope;             // request.scope (every figure above counts only it)
    ScopeNames scopeNames;   // every service and team the workspace names (the scope picker)
    std::map<std::string, std::string, std::less<>> owners; // the ownership table, service -> team
    // The window's metrics by team and by service within the scope, with their roll-ups
    // (docs/scope.md#breakdown): the breakdown views, the gaps view's roll-up, the PDF's "By team".
    Breakdown byTeam;
    Breakdown byService;
    std::optional<Micros> latestEvent; // the latest timestamp of any record (data freshness)
    Micros readAt = 0;                 // when it was read (the `now` of load())

    // The default window's metrics (90 days to the default as-of), which every gap factor and the
    // plan's gaps come from, whatever the window above.
    GapBasis gaps;
    bool gapsFromWindow = false; // true: the window is the default one (reused)

    std::vector<DebtItem> debtItems;         // register order
    std::vector<DebtAssessment> assessments; // register order, ranked (assessDebt, with gap factors)
    QString debtProblems;                    // DebtGraph::problems(), empty when valid
    std::optional<Plan> plan;                // nullopt when the register has a problem
    QString planProblem;                     // the scheduler's message then (cycles, unknown ids)
    std::vector<ScenarioPlan> scenarios;     // every saved scenario, in list order
    QString scenarioProblem;                 // why the scenarios could not be read (a hand-broken one)

    QList<AlertRule> alertRules;
    QList<AlertMerge> alertMerges;
    QList<ImportLogEntry> imports; // the import log, oldest first

    double loadMs = 0;    // reading the workspace
    double computeMs = 0; // the engine, the assessment and the plan

    // Open items, ranked: indexes into assessments, rank 1 first.
    std::vector<std::size_t> rankedOpenItems() const;
    const DebtItem *debtItem(const std::string &id) const;
    const DebtItem *findDebt(const QString &id) const;
    const DebtAssessment *findAssessment(const QString &id) const;
    const ScenarioPlan *findScenario(const QString &name) const;

    // Reads and computes everything from `ws` on the calling thread, from one read of the span
    // that holds the window, the period before it and the quarters of progress; `now` stands in
    // for the latest event when the workspace holds none. Throws WorkspaceError when the store
    // fails. With `read`, the Dataset the figures came from is moved there instead of being freed
    // here: freeing one of 10M pages object by object takes 0.35 s, which the window spends on
    // another thread and the command line leaves to the end of its process.
    static void load(ReadModel &into, Workspace &ws, const ReadRequest &request, Micros now, Dataset *read = nullptr);
    static ReadModel load(Workspace &ws, const ReadRequest &request, Micros now, Dataset *read = nullptr);
};

} // namespace srm
