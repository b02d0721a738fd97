// The breakdown of the metrics by service or by team, and its roll-up (docs/scope.md#breakdown):
// one Dataset per service (team) with a record in the window (Dataset::partition, one pass over
// the facts), each computed by its own Engine exactly as a scoped `metrics` computes it; then,
// per metric, how many entries met the target, have a gap, or are not measured. Roll-ups count
// statuses and never average a figure across services or teams. `metrics --by`, the window's
// breakdown (metric detail, dashboard mode, gaps view) and the PDF's "By team" page read it.
#pragma once

#include "engine/analysis.h"
#include "engine/scope.h"

#include <QString>

#include <vector>

namespace srm {

struct BreakdownEntry
{
    QString name;          // the service or team; "" for records without one
    MetricsReport metrics; // the window's metrics of that service (team) alone, no verdicts
};

struct MetricRollup
{
    MetricId metric = MetricId(0);
    int met = 0;
    int gap = 0;
    int notMeasured = 0;
    int total() const { return met + gap + notMeasured; }
};

struct Breakdown
{
    BreakdownBy by = BreakdownBy::Team;
    Scope scope;                         // the scope the breakdown was taken within
    std::vector<BreakdownEntry> entries; // by name, byte order
    std::vector<MetricRollup> rollup;    // catalogue order, every metric

    const MetricRollup &rollupOf(MetricId id) const { return rollup[std::size_t(id)]; }
    // Entry indexes for one metric's small multiples: the largest gap first, then the met ones,
    // then the not measured; ties by name.
    std::vector<std::size_t> byGap(MetricId id) const;
};

// The breakdown of `data` over `window` (which lies inside the Dataset's span).
Breakdown computeBreakdown(const Dataset &data, const AnalysisWindow &window, BreakdownBy by);
// The same from an engine over that Dataset: its pages' repeat flags serve the parts when they
// can (computed first if the engine has not; an engine shared by threads must be prepared).
// With `twoThreads`, the parts are filled and computed on this thread and a second one (a caller
// that keeps both cores busy otherwise leaves it false).
Breakdown computeBreakdown(const Engine &whole, const AnalysisWindow &window, BreakdownBy by, bool twoThreads = false);

// "3 teams met · 2 with a gap · 1 not measured" (zero counts left out; "no teams" when empty).
QString rollupWords(const MetricRollup &r, BreakdownBy by);

} // namespace srm
