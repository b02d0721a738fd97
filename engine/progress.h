// Progress: are we there yet? (docs/intervals-and-progress.md#progress-quarters). Every metric of the
// catalogue in each of the last N calendar quarters (UTC), ending with the quarter that holds the
// instant just before as_of (partial when as_of is not a quarter start), each with its n, its 95%
// interval and its verdict against the whole quarter before it; each SLO's attainment and error
// budget over each quarter itself; the Theil–Sen pace of every metric over its complete quarters
// and the quarter the pace reaches the target in; and the successes of the latest complete
// quarter. Computed by the analysis engine (analysis.h's Engine::periodMetrics) from one Dataset
// that spans the quarters and the one before them; the command line (`progress`), the Progress
// view and the PDF's Progress page format this struct and derive no figure of their own.
#pragma once

#include "engine/analysis.h"
#include "store/timeutil.h"

#include <QString>

#include <optional>
#include <span>
#include <utility>
#include <vector>

namespace srm {

class Workspace;

struct ProgressQuarter
{
    Quarter quarter;
    Period period;        // [start, end), or [start, as_of) for a partial last quarter
    bool partial = false; // the last quarter, when as_of is not its end
};

// One metric over one quarter.
struct QuarterFigure
{
    std::optional<double> value;
    std::optional<double> p90;
    std::int64_t n = 0;
    std::optional<Interval> ci;
    // Against the whole quarter before; nullopt for toil_ratio (a register without history).
    std::optional<Verdict> verdict;
    Status status = Status::NotMeasured; // against the target
};

// The Theil–Sen line through the complete quarters with a value, and where it reaches the target.
struct Pace
{
    std::optional<double> slopePerQuarter; // null with fewer than 3 complete quarters with a value
    std::optional<double> intercept;       // the line's value at index 0 (the oldest quarter)
    std::vector<int> indexes;              // the quarters the line was fitted to
    bool met = false;                      // the latest complete quarter meets the target
    // Not met: the first quarter at index N … N+7 whose projection meets the target.
    std::optional<int> targetIndex;
    std::optional<Quarter> targetQuarter;

    double projection(int index) const { return intercept.value_or(0) + slopePerQuarter.value_or(0) * index; }
};

struct MetricProgress
{
    const MetricDef *def = nullptr;
    double target = 0;
    std::vector<QuarterFigure> quarters; // one per ProgressReport::quarters, oldest first
    QuarterFigure before;                // the quarter before the oldest (its verdict's reference)
    Pace pace;
    bool success = false;

    MetricId key() const { return def->key; }
    QString id() const { return QString::fromLatin1(def->id); }
};

struct SloQuarter
{
    std::int64_t measurements = 0;
    std::optional<double> attainment;
    std::optional<double> errorBudgetRemaining;
    std::optional<bool> met;
};

struct SloProgress
{
    QString name;
    QString service;
    double objective = 0;
    std::vector<SloQuarter> quarters; // one per ProgressReport::quarters
};

struct ProgressReport
{
    Micros asOf = 0;
    std::vector<ProgressQuarter> quarters; // oldest first
    std::vector<MetricProgress> metrics;   // catalogue order (metrics[int(id)])
    std::vector<SloProgress> slos;         // by name
    std::vector<MetricId> successes;       // catalogue order
    Scope scope;                           // the services and teams counted (docs/scope.md)

    int count() const { return int(quarters.size()); }
    // Index of the latest complete quarter (the last, or the one before a partial last).
    std::optional<int> latestComplete() const;
    const MetricProgress &at(MetricId id) const { return metrics.at(std::size_t(id)); }
    // The quarter at `index` counted from the oldest (N and beyond: after the last).
    Quarter quarterAt(int index) const;
};

struct ProgressRequest
{
    std::optional<Micros> asOf; // nullopt: the default as-of (the UTC midnight after the latest event)
    int quarters = 6;
    Scope scope; // the services and teams counted (docs/scope.md)
    static constexpr int kDefaultQuarters = 6;
    static constexpr int kMaxQuarters = 40;
    // The projected quarter is looked for this many quarters after the last.
    static constexpr int kHorizon = 8;
};

// A median of an even count is the mean of the two middle values. nullopt for none.
std::optional<double> medianOf(std::vector<double> values);

struct TheilSenLine
{
    double slope = 0;
    double intercept = 0;
};
// The Theil–Sen line through (x, y) points: slope = median of (yⱼ − yᵢ) ÷ (xⱼ − xᵢ) over all
// pairs i < j (x distinct), intercept = median of (yᵢ − slope·xᵢ). nullopt for fewer than 2.
std::optional<TheilSenLine> theilSen(std::span<const std::pair<double, double>> points);

// The start of the span a progress of `quarters` quarters ending at as_of reads: the quarter
// before the oldest.
Micros progressFrom(Micros asOf, int quarters);

// The progress of the `quarters` quarters ending at `asOf`, computed by `engine`, whose Dataset
// must span [progressFrom(asOf, quarters), asOf). With `twoThreads`, every other quarter is
// computed on a second thread once the first has been; nothing else may use the engine meanwhile.
ProgressReport computeProgress(const Engine &engine, Micros asOf, int quarters, bool twoThreads = false);

// Loads the span (Dataset::loadSpan) and computes it. Throws WorkspaceError when the store fails.
// With `read`, the Dataset is moved there instead of being freed here (ReadModel::load says why).
ProgressReport loadProgress(Workspace &ws, const ProgressRequest &request, Micros now, Dataset *read = nullptr);

} // namespace srm
