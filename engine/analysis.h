// The analysis engine (docs/metrics.md and docs/slos-and-alerts.md): from a Dataset (dataset.h) of
// one window it computes every metric of the catalogue with its p90 companion, count n and weekly
// series; targets, gaps, status and DORA tiers; the DORA Quick Check (dora.h); which deployments
// count as failed or rework; the theme roll-ups; SLO attainment, error budgets and burn rates; the
// alert groups (built-in keys, then the user's rules and merges) with their Pareto figures; and the
// incidents' durations and phases. It is the single source of these figures: the command line, the
// views and the PDF read them from these structs (or their JSON, see analysisjson.h) and never
// derive one themselves. Every figure carries its 95% interval, and a window compared with the
// period before it carries a verdict (intervals.h, docs/intervals-and-progress.md). Pure
// computation, no store access, so a worker thread can run it on a Dataset it loaded through its
// own connection:
//     auto ws = Workspace::openConnection(path);
//     const Analysis a = analyze(Dataset::load(*ws, asOf, days, Dataset::AllParts, now));
// An Engine computes several windows from one Dataset that spans them all (the window and the
// period before it, the quarters of progress.h), reading the facts once.
#pragma once

#include "engine/dataset.h"
#include "engine/dora.h"
#include "engine/intervals.h"
#include "store/metriccatalogue.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace srm {

// Linear interpolation between closest ranks (R-7, NumPy's default) on sorted values:
// h = (n − 1)q, x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋ + 1] − x[⌊h⌋]). nullopt for no values.
std::optional<double> percentileSorted(std::span<const double> sorted, double q);
// The same on unsorted values (sorts a copy).
std::optional<double> percentile(std::vector<double> values, double q);

struct WeeklyPoint
{
    QString week;     // "2026-W27"
    Micros start = 0; // clipped to the window
    Micros end = 0;
    std::optional<double> value;
    std::int64_t n = 0;
};

// deployment_rework_rate's deployments per rule (a deployment may match several; it counts once
// in the metric).
struct ReworkRuleCounts
{
    std::int64_t fix = 0;
    std::int64_t afterFailure = 0;
    std::int64_t duringIncident = 0;
};

// A deployment in the numerator of change_failure_rate or deployment_rework_rate, with every rule
// that put it there and the records behind each, so that a lead can check the figure against
// their own records (docs/metrics.md#which-deployments-count). A deployment is listed once per
// metric, however many of its rules hold.
struct CountedDeployment
{
    enum Rule : unsigned {
        RolledBack = 1u << 0,     // change_failure_rate: its result is rolled_back
        CausedIncident = 1u << 1, //   an incident names it as caused_by_deployment_id
        FixedLater = 1u << 2,     //   a deployment names it as fixes_deployment_id
        Fix = 1u << 3,            // deployment_rework_rate (a): it has a fixes_deployment_id
        AfterFailure = 1u << 4,   //   (b) its service's previous deployment failed or was rolled back
        DuringIncident = 1u << 5, //   (c) an incident of its service was open when it finished
    };
    static constexpr Rule kFailureRules[] = {RolledBack, CausedIncident, FixedLater};
    static constexpr Rule kReworkRules[] = {Fix, AfterFailure, DuringIncident};

    QString deploymentId;
    QString service;
    Micros finishedAt = 0;
    DeployResult result = DeployResult::Success;
    unsigned rules = 0;
    QStringList causedIncidents;                         // CausedIncident: by id
    QStringList fixedBy;                                 // FixedLater: by finished_at, then id
    QString fixes;                                       // Fix: the deployment it fixes
    QString previousDeployment;                          // AfterFailure: the previous deployment of the stream
    DeployResult previousResult = DeployResult::Failure; //   and its result (failure or rolled_back)
    QString openIncident;                                // DuringIncident: the latest-started incident open then
    int openIncidents = 0;                               //   and how many were open

    bool has(Rule rule) const { return (rules & rule) != 0; }
};
// "rolled_back", "caused_incident", "fixed_later", "fix", "after_failure", "during_incident"
// (the last three are the keys of rework_rules in JSON).
QString countedRuleId(CountedDeployment::Rule rule);

// A span of time figures are computed over, [from, to); rates divide by its length in days
// (a fraction for a partial quarter that ends at an instant).
struct Period
{
    Micros from = 0;
    Micros to = 0;
    double days() const { return double(to - from) / double(kMicrosPerDay); }
    bool contains(Micros t) const { return t >= from && t < to; }
    static Period of(const AnalysisWindow &w) { return {w.from(), w.to()}; }
};

// A metric's figures over the period before the window, as its verdict compares them.
struct PreviousFigure
{
    std::optional<double> value;
    std::int64_t n = 0;
    std::optional<Interval> ci;
};

struct MetricResult
{
    const MetricDef *def = nullptr;
    std::optional<double> value;
    std::optional<double> p90; // p50 metrics only
    std::int64_t n = 0;
    std::int64_t numerator = 0; // ratio metrics: the exact s of s ÷ n (the Wilson interval's)
    // The 95% interval of the value (docs/intervals-and-progress.md#intervals): order statistics
    // for medians, Wilson for ratios, Byar for rates. Null when not measured, for toil_ratio and
    // for a median of fewer than 8 values.
    std::optional<Interval> ci;
    // Set by compareWithPrevious(): the figures of the period before and the verdict against
    // them (insufficient data until compared).
    std::optional<PreviousFigure> previous;
    Verdict verdict = Verdict::InsufficientData;
    double target = 0;
    std::optional<double> gap; // null when not measured
    Status status = Status::NotMeasured;
    std::optional<Tier> tier; // DORA metrics, when measured
    std::vector<WeeklyPoint> weekly;
    std::optional<ReworkRuleCounts> reworkRules; // deployment_rework_rate only
    // change_failure_rate and deployment_rework_rate: the deployments of the numerator, by
    // finished_at then id (as many as the value's numerator; empty for other metrics).
    std::vector<CountedDeployment> counted;

    QString id() const { return QString::fromLatin1(def->id); }
    MetricId key() const { return def->key; }
};

struct ThemeSummary
{
    Theme theme = Theme::Change;
    int metrics = 0;
    int met = 0;
    int gaps = 0;
    int notMeasured = 0;
    double weight = 1; // setting weight.<theme>: multiplies the priority of its debt items
};

// The error budget left at one instant of an SLO's window (see SloResult::budget).
struct SloBudgetPoint
{
    Micros at = 0;
    double remaining = 1;
};

struct SloResult
{
    QString name;
    QString displayName;
    QString service;
    BudgetingMethod method = BudgetingMethod::Occurrences;
    double objective = 0;
    std::optional<double> timeSliceTarget; // the threshold a slice is judged against
    std::int64_t windowSeconds = 0;
    double windowDays() const { return double(windowSeconds) / 86400.0; }
    Micros windowFrom = 0; // [as_of − W, as_of)
    Micros windowTo = 0;

    std::int64_t measurements = 0; // usable measurements (slices) in the window
    double good = 0;               // Occurrences: Σgood, Σtotal; Timeslices: good slices, slices
    double total = 0;
    std::optional<double> attainment;
    std::optional<double> errorBudgetRemaining; // negative when overspent
    std::optional<double> burnRate24h;
    std::optional<bool> met;
    // Budget burn-down over the window: at the window's start and at each UTC day boundary
    // inside it, then at as_of, the budget left after the bad events (slices) measured so far,
    // 1 − bad[start, t) ÷ ((1 − objective) × total of the whole window). Starts at 1, ends at
    // errorBudgetRemaining. Empty without data or with an objective of 1.
    std::vector<SloBudgetPoint> budget;
};

struct MetricsReport
{
    AnalysisWindow window;
    std::optional<AnalysisWindow> previousWindow; // set by compareWithPrevious()
    std::vector<MetricResult> metrics;            // catalogue order (metrics[int(id)]), every metric
    std::vector<SloResult> slos;                  // by name
    std::vector<ThemeSummary> themes;             // catalogue order
    dora::QuickCheck dora;                        // the DORA Quick Check of the five delivery metrics
    Scope scope;                                  // the services and teams counted (docs/scope.md)

    const MetricResult &at(MetricId id) const;
    const MetricResult *find(QStringView id) const; // by text id; nullptr when unknown
};

struct AlertGroup
{
    QString key; // service + "|" + title, after the user's rules and merges
    QString service;
    QString title;
    std::int64_t count = 0;
    double share = 0;
    double cumulativeShare = 0;
    double offHoursRatio = 0;
    double noiseRatio = 0;
    std::optional<double> ackP50Minutes;
    std::int64_t acknowledged = 0; // pages the median was taken over
    std::int64_t offHours = 0;
    std::int64_t noisy = 0;
    QStringList mergedKeys; // other keys (after the rules) merged into this group by hand
};

struct AlertReport
{
    AnalysisWindow window;
    std::int64_t totalPages = 0;
    std::vector<AlertGroup> groups;        // count descending, then key ascending (UTF-8 byte order)
    std::optional<int> groupsFor80Percent; // smallest k with cumulative share ≥ 0.8
    Scope scope;                           // the services and teams counted (docs/scope.md)
    std::int64_t groupsTotal() const { return std::int64_t(groups.size()); }
};

// One incident's milestones; each phase runs from the previous known milestone (or the start)
// to its own, never backwards.
struct IncidentTimeline
{
    QString incidentId;
    QString service;
    QString title;
    QString severity;
    std::optional<int> severityLevel; // the digit of SEV1, sev-2, P1, 1 ...
    Micros startedAt = 0;
    std::optional<Micros> detectedAt;
    std::optional<Micros> acknowledgedAt;
    std::optional<Micros> mitigatedAt;
    std::optional<Micros> resolvedAt;
    std::optional<DetectionSource> detectionSource;
    QString causedByDeploymentId;
    QString postmortemUrl;

    enum Phase { Detect, Acknowledge, Mitigate, Resolve };
    struct Span
    {
        Phase phase;
        Micros start;
        Micros end;
    };
    std::vector<Span> phases() const; // the phases whose milestone is known
};

struct DurationStats
{
    Unit unit = Unit::Minutes;
    std::vector<double> values; // sorted ascending, in `unit`
    std::optional<double> p50;
    std::optional<double> p90;
    std::int64_t n() const { return std::int64_t(values.size()); }
};

struct IncidentReport
{
    AnalysisWindow window;
    std::vector<IncidentTimeline> incidents; // started in the window, by started_at then id
    // All measured from started_at over the incidents of the window that have the milestone.
    // timeToDetect and timeToRestore are exactly the time_to_detect and time_to_restore metrics.
    DurationStats timeToDetect;      // minutes
    DurationStats timeToAcknowledge; // minutes
    DurationStats timeToMitigate;    // hours
    DurationStats timeToRestore;     // hours
};

struct Analysis
{
    MetricsReport metrics;
    AlertReport alerts;
    IncidentReport incidents;
};

// The severity level of docs/metrics.md's postmortem rule: the first run of digits in the text
// ("SEV1" -> 1, "sev-2" -> 2, "P1" -> 1, "1" -> 1); nullopt without digits.
std::optional<int> severityLevel(std::string_view severity);

// Whether a UTC instant falls in business hours (Monday to Friday, [start, end) minutes after
// local midnight) in `zone`.
bool isBusinessHours(Micros utc, const ZoneOffsets &zone, int startMinutes, int endMinutes);
// The same for a time already on the local clock (ZoneCursor::toLocal).
bool isBusinessHoursLocal(Micros local, int startMinutes, int endMinutes);

// isBusinessHours for times that mostly come in order (the pages of a period), read by one
// thread: it keeps the local day of the last time and that day's open hours, so that a time of
// the same day is two comparisons (the day and weekday of each page took three 64-bit divisions,
// 5% of the figures' CPU at 10M pages, perf).
class BusinessHoursCursor
{
public:
    BusinessHoursCursor(const ZoneOffsets &zone, int startMinutes, int endMinutes)
        : m_cursor(zone), m_startMinutes(startMinutes), m_endMinutes(endMinutes)
    {
    }
    bool contains(Micros utc)
    {
        const Micros local = m_cursor.toLocal(utc);
        if (local < m_dayStart || local >= m_dayEnd)
            enterDay(local);
        return local >= m_open && local < m_close;
    }

private:
    void enterDay(Micros local);

    ZoneCursor m_cursor;
    int m_startMinutes;
    int m_endMinutes;
    Micros m_dayStart = 0; // the local day [m_dayStart, m_dayEnd); empty: the first time enters one
    Micros m_dayEnd = 0;
    Micros m_open = 0; // its business hours [m_open, m_close), empty on a weekend
    Micros m_close = 0;
};

// The engine over one Dataset: it resolves the alert groups (built-in keys, the user's rules and
// merges) and marks the repeat pages once, then computes any window or period inside the
// Dataset's span from the same facts: the window shown, the period of the same length before it,
// the quarters of progress. A window's figures are exactly those of a Dataset loaded for that
// window alone (the relations that classify an event are looked up among all records either
// way). Holds a reference to the Dataset, which must outlive it; not for use from two threads.
class Engine
{
public:
    explicit Engine(const Dataset &data);
    // An engine whose pages take their repeat flags from `repeat` (one per page of `data`, in
    // its order) instead of computing them: a breakdown's part, whose flags the whole Dataset's
    // engine computed (computeBreakdown says when they are the same).
    Engine(const Dataset &data, std::vector<std::uint8_t> repeat);
    ~Engine();
    Engine(const Engine &) = delete;
    Engine &operator=(const Engine &) = delete;

    const Dataset &data() const { return m_data; }

    // Computes what the figures below share (alert groups after the rules and merges, the pages'
    // repeat flags), which they otherwise compute on first use. After it, the const members
    // only read, so several threads may call them at once.
    void prepare();
    // Computes only what metrics() and periodMetrics() share (the pages' repeat flags); after
    // it, those two only read, so several threads may call them at once.
    void prepareMetrics();
    // The pages' repeat flags, one per page of the Dataset in its order (computed on first use,
    // like prepareMetrics()).
    const std::vector<std::uint8_t> &repeatFlags() const;
    // For each built-in alert group of the Dataset, its final group after the rules and merges
    // (an index among the final groups).
    std::vector<std::int32_t> finalGroups() const;

    // `window` must lie inside the Dataset's window (and have the Dataset's 7 days of page
    // history before it when the Dataset's window starts where this one does).
    // Without `listCounted`, the deployments behind the change failure and rework numerators are
    // not listed (MetricResult::counted stays empty): only a window's detail and CSV show them,
    // and at 10M pages a window has 180,000 of them.
    MetricsReport metrics(const AnalysisWindow &window, bool listCounted = true) const;
    AlertReport alerts(const AnalysisWindow &window) const;
    IncidentReport incidents(const AnalysisWindow &window) const;
    Analysis analyze(const AnalysisWindow &window) const;

    // Every metric over `period` as a quarter of progress measures it (docs/intervals-and-
    // progress.md#quarters): the same definitions, no weekly series, slo_compliance from the
    // SLOs' attainment over the period itself, toil_ratio only `withToil` (else not measured),
    // and no `counted` deployments.
    std::vector<MetricResult> periodMetrics(const Period &period, bool withToil) const;
    // Each SLO's attainment, error budget and met over `period` itself (no burn rate, no
    // burn-down), by name.
    std::vector<SloResult> periodSlos(const Period &period) const;

private:
    struct Prepared;

    const Dataset &m_data;
    mutable std::unique_ptr<Prepared> m_prepared;
};

// Each needs the Dataset parts it reads (Dataset::Part); what was not loaded counts as empty.
// Over the Dataset's own window.
MetricsReport computeMetrics(const Dataset &data);
AlertReport computeAlerts(const Dataset &data);
IncidentReport computeIncidents(const Dataset &data);
std::vector<SloResult> computeSlos(const Dataset &data);
Analysis analyze(const Dataset &data);

// Sets every metric's previous figure (value, n, interval over `previous`, the same metrics over
// the period just before) and its verdict (intervals::verdict). toil_ratio has no previous value:
// the debt register keeps no history.
void compareWithPrevious(MetricsReport &current, const MetricsReport &previous);

// The metrics of the window [as_of − days, as_of) compared with the period of the same length
// before it, from one Dataset that spans both (Dataset::load with 2 × days): what `metrics`
// prints.
MetricsReport computeComparedMetrics(const Dataset &data, const AnalysisWindow &window);
// The same with an engine over that Dataset, which may be prepared already; the window's counted
// deployments listed only with `listCounted` (the period before never lists them).
MetricsReport computeComparedMetrics(Engine &engine, const AnalysisWindow &window, bool listCounted = true);

} // namespace srm
