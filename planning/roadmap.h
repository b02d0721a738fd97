// The roadmap scheduler of docs/debt-and-roadmap.md#scheduling: places the open operational debt
// items into quarters within the team's capacity, respecting dependencies and pins, and says why
// for every placement and every item left out. Input: the register (DebtStore), the settings, a
// start quarter and a horizon; output: a Plan, which the plan command prints (JSON or text), and
// the roadmap view and the PDF draw. Deterministic: the same register and settings always give the
// same plan. Priorities carry the gap factor of the items' linked metrics (gapfactor.h), and the
// plan says which gap each quarter addresses and which gaps no scheduled work addresses. A what-if
// plan is the same computation on overridden settings (PlanRequest::overrides, scenarios.h). The
// rules, with examples: docs/debt-and-roadmap.md. Decisions where docs/debt-and-roadmap.md is
// silent are in docs/decisions.md ("Debt and roadmap").
#pragma once

#include "planning/debt.h"
#include "planning/debtgraph.h"
#include "planning/gapfactor.h"
#include "planning/scenarios.h"
#include "store/records.h"
#include "store/settings.h"
#include "store/timeutil.h"

#include <QJsonObject>
#include <QString>

#include <optional>
#include <string>
#include <vector>

namespace srm {

class Workspace;

struct PlannedItem
{
    std::string id;
    std::string title;
    double costWeeks = 0;
    double priority = 0;          // docs/debt-and-roadmap.md (+infinity for a zero-cost item)
    double effectivePriority = 0; // docs/debt-and-roadmap.md#scheduling step 2: max of its own and its dependants'
    std::string priorityFrom;     // the item whose own priority that is (itself when not inherited)
    std::vector<MetricId> linkedMetrics;
    double gapFactor = 1; // part of priority (gapfactor.h)
    QString gapNote;      // "× 1.24: linked to change failure rate, 6.2% against 5.0%"; empty without links
    ToilCostQuadrant quadrant = ToilCostQuadrant::NoBrainer;
    bool pinned = false;
    std::optional<Quarter> quarter; // nullopt: unscheduled
    QString reason;                 // always set
};

struct PlanQuarter
{
    Quarter quarter;
    std::optional<double> capacityWeeks; // nullopt when the workspace has no capacity
    double usedWeeks = 0;
    std::vector<PlannedItem> items; // in placement order: pins first, then by the scheduler's picks
    // Capacity minus used (negative when a pin overbooks the quarter); nullopt without capacity.
    std::optional<double> freeWeeks() const;
};

// A metric with a gap (or not measured) and the plan's work on it: "which gap does this roadmap
// close, and when".
struct PlanGap
{
    struct Item
    {
        std::string id;
        std::optional<Quarter> quarter; // nullopt: unscheduled
    };
    MetricId metric = MetricId::DeploymentFrequency;
    Status status = Status::Gap; // Gap or NotMeasured
    std::optional<double> value; // the default window's, for display
    double target = 0;
    std::vector<Item> items;            // open items linked to it, by id (byte order)
    std::optional<Quarter> addressedIn; // earliest quarter of a scheduled linked item
};

struct Plan
{
    enum class StartSource { Explicit, Setting, AfterAsOf };

    Quarter start;
    int horizon = 4;
    StartSource startSource = StartSource::Explicit;
    std::optional<Micros> asOf;           // set when the start came from it
    std::optional<double> capacityWeeks;  // per quarter
    QString capacityNote;                 // where the capacity comes from, in words
    std::vector<PlanQuarter> quarters;    // start, start + 1, ... (horizon of them)
    std::vector<PlannedItem> unscheduled; // as the scheduler gave up on them, each followed by its dependants
    CriticalPath criticalPath;
    int doneItems = 0; // not scheduled (docs/debt-and-roadmap.md#scheduling)
    // Every metric with a gap or not measured, in catalogue order (empty when the metrics were not
    // evaluated: gapsEvaluated false); and those no scheduled item addresses, in catalogue order.
    std::vector<PlanGap> gaps;
    std::vector<MetricId> unaddressedGaps;
    bool gapsEvaluated = false;
    AnalysisWindow gapWindow; // the default window the gaps and gap factors come from
    // A what-if: the scenario applied (empty for none) and the overrides in force (scenario, then --set).
    QString scenario;
    SettingOverrides overrides;

    const PlannedItem *find(const std::string &id) const; // placed or unscheduled; nullptr for done items
    QString startNote() const;                            // "from --start", ...
    // The gaps that have a linked item scheduled in `quarter`, catalogue order.
    std::vector<const PlanGap *> gapsAddressedIn(const Quarter &quarter) const;
    const PlanGap *findGap(MetricId metric) const;
};

// Fits when free weeks >= cost − this, so sums like 0.1 + 0.2 do not lose a placement.
constexpr double kCapacityTolerance = 1e-9;
constexpr int kMaxPlanQuarters = 40;

// The scheduler itself: every item of the register (done ones included, as dependencies),
// `quarters` quarters from `start`, priorities with the gap factors of `gaps` (the default
// window's metrics judged under `settings`). Throws InputError for unknown dependencies and
// cycles (the message names the items) and for a horizon outside 1..kMaxPlanQuarters.
Plan scheduleRoadmap(const std::vector<DebtItem> &items, const WorkspaceSettings &settings, Quarter start, int quarters,
                     const GapBasis &gaps);
// The same without metrics: every gap factor is 1 and the plan lists no gaps (the scheduling
// rules alone, for tests).
Plan scheduleRoadmap(const std::vector<DebtItem> &items, const WorkspaceSettings &settings, Quarter start,
                     int quarters = 4);

struct PlanRequest
{
    std::optional<Quarter> start; // --start (wins over the setting roadmap_start)
    int quarters = 4;             // --quarters
    std::optional<Micros> asOf;   // default: defaultAsOf()
    SettingOverrides overrides;   // a what-if: settings overridden for this plan only (nothing is saved)
    QString scenario;             // the saved scenario the overrides came from (shown in the plan), or empty
};

// UTC midnight after the latest event in the workspace; a workspace without events uses the
// current time as its latest event.
Micros defaultAsOf(const Workspace &ws);

// The plan of a workspace: its register and settings (with the request's overrides), the start
// resolved as docs/debt-and-roadmap.md says (--start, else roadmap_start, else the quarter after the one containing
// as-of), and the gap factors of the default window's metrics (computed here, once).
Plan planRoadmap(Workspace &ws, const PlanRequest &request);
// The same with the default window's metrics already at hand (`gaps`, judged under the stored
// settings: the read model's); overrides re-judge them (GapBasis::withSettings).
Plan planRoadmap(Workspace &ws, const PlanRequest &request, const GapBasis &gaps);

// docs/debt-and-roadmap.md's document: {"start", "quarters": [{"quarter", "capacity_weeks", "used_weeks", "items":
// [{"id", "title", "cost_weeks", "priority", "quadrant", "reason", "linked_metrics", "gap_factor",
// ...}]}], "unscheduled": [{"id", "reason", ...}], "critical_path": [...], "gaps": [{"metric",
// "status", "items": [{"id", "quarter"}], "addressed_in"}], "unaddressed_gaps": [metric ids]},
// "scenario" and "overrides" for a what-if, plus a few extra fields (effective_priority, pinned,
// free_weeks, critical_path_weeks, gap_factor_note, capacity_weeks at the top).
QJsonObject toJson(const Plan &plan);

// The readable form: per quarter capacity used and free with its items and their reasons, the
// unscheduled items with reasons, the critical path.
QString planToText(const Plan &plan);

} // namespace srm
