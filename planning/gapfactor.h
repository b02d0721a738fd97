// The gap factor (docs/debt-and-roadmap.md#gap-factor): what makes the roadmap metrics-driven.
// A debt item linked to metrics that miss their target ranks higher, by 1 + the largest relative
// gap of its linked metrics. The metrics are those of the default window (90 days to the default
// as-of), whatever window the user looks at, so that a priority does not change with the view.
//
// Data flow: the engine's MetricsReport of the default window → GapBasis::fromReport (one
// standing per catalogue metric; the read model reuses the window's report when the user's window
// is the default one, the plan command computes it once) → withSettings() for a what-if (targets,
// and team_size for toil_ratio) → gapFactor() per item, in assessDebtItem (planning/debt.h) and so
// in every priority the scheduler, the views, the PDF and the exports show.
#pragma once

#include "engine/analysis.h"
#include "store/metriccatalogue.h"
#include "store/settings.h"

#include <QString>

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace srm {

class Workspace;

// One metric as the gap factor sees it: the engine's value, and its gap to a target.
struct MetricStanding
{
    MetricId metric = MetricId::DeploymentFrequency;
    std::optional<double> value; // nullopt: not measured
    double target = 0;
    std::optional<double> gap; // docs/metrics.md's gap; nullopt when not measured
    Status status = Status::NotMeasured;
};

// 0 when met, 0.5 when not measured, min(1, gap ÷ |target|) with a gap and a non-zero target, 1
// with a gap and a target of 0.
double relativeGap(const MetricStanding &standing);

struct GapBasis
{
    AnalysisWindow window;                              // the default window
    std::array<MetricStanding, kMetricCount> metrics{}; // catalogue order
    // What toil_ratio is computed from, so that a what-if on team_size can recompute it.
    std::int64_t openDebtItems = 0;
    double openToilHoursPerWeek = 0;
    bool evaluated = false; // false: no metrics (every gap factor is 1, the plan lists no gaps)

    const MetricStanding &at(MetricId id) const { return metrics[std::size_t(id)]; }

    // From the engine's report of the default window and the register totals of its Dataset.
    static GapBasis fromReport(const MetricsReport &report, std::int64_t openDebtItems, double openToilHoursPerWeek);
    // Loads the default window of `ws` (Dataset::load without an as-of, 90 days) and computes its
    // metrics; `now` stands in for the latest event of an empty workspace.
    static GapBasis load(Workspace &ws, Micros now);

    // The same metrics judged under other settings (a what-if): each target from `settings`, and
    // toil_ratio recomputed by the engine for its team_size; values measured from events stay.
    GapBasis withSettings(const WorkspaceSettings &settings) const;
};

struct GapFactor
{
    double factor = 1;                // 1 + the largest relative gap; 1 without links
    std::optional<MetricId> decisive; // the linked metric with that gap (first in catalogue order)
    std::vector<MetricId> linked;     // the item's linked metrics (catalogue order)
};

// An item's factor from its linked metrics; without an evaluated basis, 1.
GapFactor gapFactor(const std::vector<MetricId> &linked, const GapBasis &basis);

// The explanation shown wherever a priority is: "× 1.24: linked to change failure rate, 6.2%
// against 5.0%", "× 1.5: linked to time to detect, not measured", "× 1: its linked metric
// (change failure rate) meets its target"; empty for an item without linked metrics. Other
// linked metrics follow in brackets ("; also time to restore, met").
QString gapFactorText(const GapFactor &factor, const GapBasis &basis);
// "× 1.24" (at most two decimals, no trailing zeros).
QString formatGapFactor(double factor);
// A metric's value in its unit as the views show it: "6.2%", "3.41/day", "19.9 h", "14.1 min",
// "137/week".
QString formatMetricValue(double value, Unit unit);
// The metric's name in lower case for a sentence: "change failure rate".
QString metricPhrase(MetricId id);

} // namespace srm
