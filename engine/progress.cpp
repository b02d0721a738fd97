#include "engine/progress.h"

#include <algorithm>
#include <cmath>
#include <future>

namespace srm {

namespace {

bool meets(Better better, double value, double target)
{
    return better == Better::Lower ? value <= target : value >= target;
}

QuarterFigure figureOf(const MetricResult &m)
{
    QuarterFigure f;
    f.value = m.value;
    f.p90 = m.p90;
    f.n = m.n;
    f.ci = m.ci;
    f.status = m.status;
    return f;
}

// docs/intervals-and-progress.md#pace
Pace paceOf(const MetricProgress &m, const ProgressReport &report)
{
    Pace pace;
    const int n = report.count();
    std::vector<std::pair<double, double>> points;
    for (int i = 0; i < n; ++i)
        if (!report.quarters[std::size_t(i)].partial && m.quarters[std::size_t(i)].value) {
            points.emplace_back(double(i), *m.quarters[std::size_t(i)].value);
            pace.indexes.push_back(i);
        }
    if (points.size() >= 3) {
        const std::optional<TheilSenLine> line = theilSen(points);
        pace.slopePerQuarter = line->slope;
        pace.intercept = line->intercept;
    } else {
        pace.indexes.clear();
    }
    if (const std::optional<int> latest = report.latestComplete()) {
        const QuarterFigure &f = m.quarters[std::size_t(*latest)];
        pace.met = f.value && meets(m.def->better, *f.value, m.target);
    }
    if (!pace.met && pace.slopePerQuarter) {
        for (int k = n; k < n + ProgressRequest::kHorizon; ++k)
            if (meets(m.def->better, pace.projection(k), m.target)) {
                pace.targetIndex = k;
                pace.targetQuarter = report.quarterAt(k);
                break;
            }
    }
    return pace;
}

} // namespace

std::optional<int> ProgressReport::latestComplete() const
{
    for (int i = count() - 1; i >= 0; --i)
        if (!quarters[std::size_t(i)].partial)
            return i;
    return std::nullopt;
}

Quarter ProgressReport::quarterAt(int index) const
{
    return quarters.front().quarter.plus(index);
}

std::optional<double> medianOf(std::vector<double> values)
{
    if (values.empty())
        return std::nullopt;
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    if (n % 2 == 1)
        return values[n / 2];
    return (values[n / 2 - 1] + values[n / 2]) / 2;
}

std::optional<TheilSenLine> theilSen(std::span<const std::pair<double, double>> points)
{
    if (points.size() < 2)
        return std::nullopt;
    std::vector<double> slopes;
    slopes.reserve(points.size() * (points.size() - 1) / 2);
    for (std::size_t i = 0; i < points.size(); ++i)
        for (std::size_t j = i + 1; j < points.size(); ++j)
            if (points[j].first != points[i].first)
                slopes.push_back((points[j].second - points[i].second) / (points[j].first - points[i].first));
    const std::optional<double> slope = medianOf(std::move(slopes));
    if (!slope)
        return std::nullopt;
    std::vector<double> intercepts;
    intercepts.reserve(points.size());
    for (const auto &[x, y] : points)
        intercepts.push_back(y - *slope * x);
    return TheilSenLine{*slope, *medianOf(std::move(intercepts))};
}

Micros progressFrom(Micros asOf, int quarters)
{
    const Quarter last = quarterOf(asOf - 1);
    return quarterStart(last.plus(-std::max(1, quarters)));
}

ProgressReport computeProgress(const Engine &engine, Micros asOf, int quarters, bool twoThreads)
{
    quarters = std::clamp(quarters, 1, ProgressRequest::kMaxQuarters);
    ProgressReport report;
    report.asOf = asOf;
    report.scope = engine.data().scope;
    const Quarter last = quarterOf(asOf - 1);
    // Index −1 is the quarter before the oldest: computed the same way, for the oldest's verdict.
    std::vector<Period> periods;
    for (int i = -1; i < quarters; ++i) {
        const Quarter q = last.plus(i - (quarters - 1));
        const Micros start = quarterStart(q);
        const Micros end = std::min(quarterStart(q.next()), asOf);
        const Period period{start, end};
        if (i >= 0)
            report.quarters.push_back({q, period, end != quarterStart(q.next())});
        periods.push_back(period);
    }
    // figures[k] and slosOf[k] are those of periods[k]; the oldest has no SLO row.
    std::vector<std::vector<MetricResult>> figures(periods.size());
    std::vector<std::vector<SloResult>> slosOf(periods.size());
    const auto compute = [&](std::size_t k) {
        // toil_ratio: the register has no history, so only the last quarter has a value.
        figures[k] = engine.periodMetrics(periods[k], k + 1 == periods.size());
        if (k > 0)
            slosOf[k] = engine.periodSlos(periods[k]);
    };
    // What the engine's figures share, the pages' repeat flags, is computed first (a span read
    // on two threads brought them already); from then on the engine only reads, so the quarters,
    // which are independent, are computed every other one on a second thread (at 10M pages, 1.9 s
    // of `progress` on one core).
    engine.repeatFlags();
    if (twoThreads) {
        auto other = std::async(std::launch::async, [&] {
            for (std::size_t k = 0; k < periods.size(); k += 2)
                compute(k);
        });
        for (std::size_t k = 1; k < periods.size(); k += 2)
            compute(k);
        other.get();
    } else {
        for (std::size_t k = 0; k < periods.size(); ++k)
            compute(k);
    }
    std::vector<std::vector<SloResult>> slos(std::make_move_iterator(slosOf.begin() + 1),
                                             std::make_move_iterator(slosOf.end()));

    const WorkspaceSettings &settings = engine.data().settings;
    for (const MetricDef &def : MetricCatalogue::all()) {
        MetricProgress m;
        m.def = &def;
        m.target = settings.target(def.key);
        m.before = figureOf(figures[0][std::size_t(def.key)]);
        for (int i = 0; i < quarters; ++i) {
            const MetricResult &now = figures[std::size_t(i) + 1][std::size_t(def.key)];
            const MetricResult &prev = figures[std::size_t(i)][std::size_t(def.key)];
            QuarterFigure f = figureOf(now);
            if (def.key != MetricId::ToilRatio)
                f.verdict = intervals::verdict(def.better, now.value, now.ci, prev.value, prev.ci);
            m.quarters.push_back(f);
        }
        m.pace = paceOf(m, report);
        if (const std::optional<int> latest = report.latestComplete()) {
            const QuarterFigure &now = m.quarters[std::size_t(*latest)];
            const QuarterFigure &before = *latest > 0 ? m.quarters[std::size_t(*latest - 1)] : m.before;
            m.success = now.verdict == Verdict::Improved || (before.status == Status::Gap && now.status == Status::Met);
        }
        if (m.success)
            report.successes.push_back(def.key);
        report.metrics.push_back(std::move(m));
    }

    for (std::size_t s = 0; s < engine.data().slos.size(); ++s) {
        SloProgress p;
        const SloResult &first = slos.front()[s];
        p.name = first.name;
        p.service = first.service;
        p.objective = first.objective;
        for (const std::vector<SloResult> &quarter : slos) {
            const SloResult &r = quarter[s];
            p.quarters.push_back({r.measurements, r.attainment, r.errorBudgetRemaining, r.met});
        }
        report.slos.push_back(std::move(p));
    }
    return report;
}

ProgressReport loadProgress(Workspace &ws, const ProgressRequest &request, Micros now, Dataset *read)
{
    // The one read of progress: a scope of services and teams restricts what is counted here,
    // in the Dataset load, as it does for the window.
    const int quarters = std::clamp(request.quarters, 1, ProgressRequest::kMaxQuarters);
    Dataset data = Dataset::loadSpan(
        ws, request.asOf, [quarters](Micros asOf) { return progressFrom(asOf, quarters); }, Dataset::AllParts, now,
        request.scope);
    ProgressReport report;
    {
        const Engine engine(data);
        report = computeProgress(engine, data.window.asOf, quarters, true);
    }
    if (read)
        *read = std::move(data);
    return report;
}

} // namespace srm
