// The analysis engine's input: one snapshot of everything a window needs, read once from a
// workspace through its raw SQLite handle (prepared statements, no per-row QVariant), so that
// the engine (analysis.h) computes in plain C++ and the GUI can load and compute in a worker
// thread on its own Workspace::openConnection(). Loading joins what the definitions of docs/metrics.md
// need across tables (a deployment's fixes and the incidents it caused, the changes it shipped)
// so the computation never goes back to the store.
#pragma once

#include "engine/scope.h"
#include "store/alertrules.h"
#include "store/records.h"
#include "store/settings.h"

#include <QString>

#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace srm {

class Workspace;

// The analysis window [asOf − days, asOf) of docs/command-line.md.
struct AnalysisWindow
{
    Micros asOf = 0;
    int days = 90;

    Micros from() const { return asOf - Micros(days) * kMicrosPerDay; }
    Micros to() const { return asOf; }
    bool contains(Micros t) const { return t >= from() && t < to(); }

    static constexpr int kDefaultDays = 90;
    static constexpr int kMaxDays = 36600;
    // docs/command-line.md's default as-of: UTC midnight at the start of the day after the latest event of any
    // kind in the workspace; the UTC midnight after `now` when the workspace holds no event.
    static Micros defaultAsOf(const Workspace &ws, Micros now);
};

// One ISO week (Monday 00:00 UTC) overlapping a window, clipped to it.
struct WeekSlot
{
    QString name; // "2026-W27"
    Micros start = 0;
    Micros end = 0;
    double days() const { return double(end - start) / double(kMicrosPerDay); }
};
std::vector<WeekSlot> weekSlots(const AnalysisWindow &window);

constexpr Micros kNoTime = std::numeric_limits<Micros>::min();

// A production deployment (production environment, result success or rolled_back) that
// finished in the window, with what docs/metrics.md derives from other records.
struct DeploymentFact
{
    std::string deploymentId;
    std::string service;
    std::string team; // its own team, else its service's owner (docs/scope.md#teams)
    Micros finishedAt = 0;
    DeployResult result = DeployResult::Success; // Success or RolledBack
    int causedIncidents = 0;                     // incidents with caused_by_deployment_id = this
    int fixes = 0;                               // deployments with fixes_deployment_id = this
    Micros firstFixAt = kNoTime;                 // earliest finished_at of those fixes
    Micros incidentsResolvedAt = kNoTime;        // latest resolved_at of its incidents, if all resolved
    std::vector<std::string> causedIncidentIds;  // those incidents, by id
    std::vector<std::string> fixedByIds;         // those fixes, by finished_at then id
    // The rework rules (deployment_rework_rate, docs/metrics.md#rework), judged for deployments
    // with result success, with the record that made each hold:
    bool reworkFix = false;            // (a) it has a fixes_deployment_id
    bool reworkAfterFailure = false;   // (b) the previous deployment of its stream failed or was rolled back
    bool reworkDuringIncident = false; // (c) an incident of its (non-empty) service was open when it finished
    std::string fixesDeploymentId;     // (a) the deployment it fixes
    std::string previousDeploymentId;  // (b) the stream's previous deployment
    DeployResult previousResult = DeployResult::Failure; // (b) and its result
    std::string openIncidentId; // (c) the latest-started incident open then (equal starts: the larger id)
    int openIncidents = 0;      // (c) how many were open
    bool isRework() const
    {
        return result == DeployResult::Success && (reworkFix || reworkAfterFailure || reworkDuringIncident);
    }

    bool failed() const { return result == DeployResult::RolledBack || causedIncidents > 0 || fixes > 0; }
    // docs/metrics.md#failed-deployments recovery: earliest of the first fix and the resolution of
    // all caused incidents.
    std::optional<Micros> recoveredAt() const;
};

// A change shipped by one of the production deployments above.
struct ChangeFact
{
    Micros committedAt = 0;
    Micros deployedAt = 0;        // the deployment's finished_at
    std::int32_t deployment = -1; // index into Dataset::deployments (what a scope follows)
};

// A page; `group` indexes Dataset::groups (the built-in alert group of the page).
struct PageFact
{
    Micros createdAt = 0;
    Micros acknowledgedAt = kNoTime;
    Micros resolvedAt = kNoTime;
    std::int32_t group = 0;
    bool autoResolved = false;
};

struct GroupName
{
    std::string service; // UTF-8
    std::string title;   // normalised by the built-in rules
};

struct SloData
{
    Slo slo;
    std::vector<SloMeasurement> measurements; // by timestamp, within Dataset::sloFrom..window.to()
};

// Every service and team the workspace names (docs/scope.md): services of deployments,
// incidents, pages, SLOs and the ownership table; teams of the ownership table and the
// deployments' own team column. Both sorted in byte order, without "".
struct ScopeNames
{
    std::vector<std::string> services;
    std::vector<std::string> teams;
    static ScopeNames read(Workspace &ws);
};

struct Dataset
{
    enum Part {
        Delivery = 1, // deployments and changes
        Incidents = 2,
        Pages = 4,       // pages created in the window
        PageHistory = 8, // and in the 7 days before it (repeat pages)
        Slos = 16,
        Debt = 32,
        AllParts = 63,
    };

    AnalysisWindow window;
    int parts = 0;
    WorkspaceSettings settings;

    std::vector<DeploymentFact> deployments; // by finished_at, then id
    std::vector<ChangeFact> changes;
    std::vector<Incident> incidents; // started_at in the window, by started_at then id

    // Pages created in the window and, with PageHistory, in the 7 days before it (those have
    // createdAt < window.from()); in no particular order.
    std::vector<PageFact> pages;
    std::vector<GroupName> groups; // the built-in groups the pages refer to
    // Whether no two of `groups` have the same service and title: set by the load, which reads
    // them by id from the store, whose unique index on (service, title) sees to it; kept by the
    // parts of a restriction or breakdown (a subset). Unset, the engine checks it by sorting.
    bool groupsDistinct = false;
    // The pages' repeat flags (Engine::repeatFlags()) when the load computed them beside its
    // other reads, else empty; the Engine takes them as they are. Whatever changes the pages or
    // the alert rules and merges clears it (restricted() and partition() leave it empty).
    std::vector<std::uint8_t> pageRepeats;
    // Runs of `pages` as the load made them (one a block of page ids), each with the earliest and
    // latest created_at among its pages, so that the engine passes over a period's runs only
    // (Engine's time runs). Empty when not loaded; the engine makes its own when the runs do not
    // end where `pages` does. Whatever changes the pages clears it, as pageRepeats.
    struct PageRun
    {
        std::size_t end; // the run is pages [previous run's end, end)
        Micros earliest;
        Micros latest;
    };
    std::vector<PageRun> pageRuns;
    QList<AlertRule> alertRules; // by position
    QList<AlertMerge> alertMerges;

    std::vector<SloData> slos; // by name
    Micros sloFrom = 0;        // measurements are loaded from here (longest SLO window back)

    std::int64_t openDebtItems = 0;
    double openToilHoursPerWeek = 0;

    // The ownership table: service -> team (docs/scope.md#teams), always loaded.
    std::map<std::string, std::string, std::less<>> owners;
    Scope scope; // what the facts above were restricted to (empty: everything)

    static constexpr Micros kRepeatLookback = 7 * kMicrosPerDay;

    // A service's owner, "" when it has none.
    std::string_view ownerOf(std::string_view service) const;

    // The facts that `scope` selects (deployments and, through them, changes; incidents; pages;
    // SLOs with their measurements), everything else copied. Restricting a restricted Dataset
    // keeps what both scopes select; `scope` records the last one.
    Dataset restricted(const Scope &scope) const;
    // One Dataset per service (team) with any record in `window` (a production deployment
    // finished, an incident started, a page created, an SLO measurement taken), by name in byte
    // order ("" for records without one), each restricted to that name; one pass over the facts.
    // Each part holds only what computing `window` needs (its deployments, incidents, pages and
    // their repeat lookback, every SLO), not the rest of the span.
    // With `repeat` (one flag per page, in this Dataset's order), partRepeat[k] holds the flags
    // of part k's pages, in its order. With `twoThreads`, the pages and the other records are
    // copied on two threads.
    std::vector<std::pair<std::string, Dataset>> partition(BreakdownBy by, const AnalysisWindow &window,
                                                           const std::vector<std::uint8_t> *repeat = nullptr,
                                                           std::vector<std::vector<std::uint8_t>> *partRepeat = nullptr,
                                                           bool twoThreads = false) const;

    // Reads what `parts` asks for. Throws WorkspaceError when the store fails.
    // A non-empty `scope` restricts the facts once they are loaded (restricted()).
    static Dataset load(Workspace &ws, const AnalysisWindow &window, int parts = AllParts, const Scope &scope = {});
    // The same for the window of `days` ending at `asOf`, or, without one, at docs/command-line.md's default
    // as-of (AnalysisWindow::defaultAsOf; `now` when the workspace holds no event), read in the
    // same transaction as the records.
    static Dataset load(Workspace &ws, std::optional<Micros> asOf, int days, int parts, Micros now,
                        const Scope &scope = {});
    // The same for a span that holds several windows ending at or before as_of (the window and
    // the period before it, the quarters of progress): from `from(asOf)` (as_of resolved as
    // above) to as_of, widened to whole days. The Dataset's window is that span; the Engine
    // (analysis.h) computes each window inside it. A scope that restricts what is counted
    // applies here like in load().
    static Dataset loadSpan(Workspace &ws, std::optional<Micros> asOf, const std::function<Micros(Micros asOf)> &from,
                            int parts, Micros now, const Scope &scope = {});
    // With at least this many pages in the workspace, loadSpan() reads the pages and the changes
    // on a second connection and thread while it reads the deployments (tests lower it to check
    // both ways). The incidents go to whichever thread is free first, or, for tests, to the one
    // named here.
    static inline std::int64_t parallelPagesFrom = 200'000;
    enum class IncidentsReader { FirstFree, Caller, Beside };
    static inline IncidentsReader incidentsReader = IncidentsReader::FirstFree;
};

} // namespace srm
