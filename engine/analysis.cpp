#include "engine/analysis.h"

#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <unordered_map>

namespace srm {

namespace {

constexpr double kMicrosPerHourD = double(kMicrosPerHour);
constexpr double kMicrosPerMinuteD = double(kMicrosPerMinute);
constexpr Micros kWeek = 7 * kMicrosPerDay;

// R-7 on unsorted values without a full sort: the two closest ranks by selection. Reorders
// `v`; gives exactly what percentileSorted gives on the sorted values.
std::optional<double> percentileInPlace(std::span<double> v, double q)
{
    if (v.empty())
        return std::nullopt;
    const double h = double(v.size() - 1) * q;
    const double lo = std::floor(h);
    const auto i = std::size_t(lo);
    std::nth_element(v.begin(), v.begin() + std::ptrdiff_t(i), v.end());
    const double a = v[i];
    if (h == lo || i + 1 >= v.size())
        return a;
    const double b = *std::min_element(v.begin() + std::ptrdiff_t(i) + 1, v.end());
    return a + (h - lo) * (b - a);
}

// Maps an instant of the window to its week slot.
class Weeks
{
public:
    explicit Weeks(const AnalysisWindow &w)
        : m_slots(weekSlots(w)), m_first(isoWeekStart(w.from()))
    {
    }
    std::size_t size() const { return m_slots.size(); }
    const WeekSlot &slot(std::size_t i) const { return m_slots[i]; }
    // t must be in the window.
    std::size_t index(Micros t) const { return std::size_t((t - m_first) / kWeek); }

    std::vector<WeeklyPoint> points() const
    {
        std::vector<WeeklyPoint> out;
        out.reserve(m_slots.size());
        for (const WeekSlot &s : m_slots)
            out.push_back({s.name, s.start, s.end, std::nullopt, 0});
        return out;
    }

private:
    std::vector<WeekSlot> m_slots;
    Micros m_first;
};

// Values of a p50 metric, for the window and per week.
class ValueSeries
{
public:
    explicit ValueSeries(const Weeks &weeks) : m_weeks(weeks), m_perWeek(weeks.size()) {}
    void add(Micros anchor, double value)
    {
        m_all.push_back(value);
        m_perWeek[m_weeks.index(anchor)].push_back(value);
    }
    void fill(MetricResult &r)
    {
        r.n = std::int64_t(m_all.size());
        r.value = percentileInPlace(m_all, 0.5);
        r.p90 = percentileInPlace(m_all, 0.9);
        r.weekly = m_weeks.points();
        for (std::size_t w = 0; w < m_perWeek.size(); ++w) {
            r.weekly[w].n = std::int64_t(m_perWeek[w].size());
            r.weekly[w].value = percentileInPlace(m_perWeek[w], 0.5);
        }
    }

private:
    const Weeks &m_weeks;
    std::vector<double> m_all;
    std::vector<std::vector<double>> m_perWeek;
};

// A ratio metric: hits ÷ events, n = events.
class RatioSeries
{
public:
    explicit RatioSeries(const Weeks &weeks) : m_weeks(weeks), m_num(weeks.size()), m_den(weeks.size()) {}
    void add(Micros anchor, bool hit)
    {
        const std::size_t w = m_weeks.index(anchor);
        ++m_den[w];
        if (hit)
            ++m_num[w];
    }
    void fill(MetricResult &r) const
    {
        const std::int64_t num = std::accumulate(m_num.begin(), m_num.end(), std::int64_t(0));
        const std::int64_t den = std::accumulate(m_den.begin(), m_den.end(), std::int64_t(0));
        r.n = den;
        if (den > 0)
            r.value = double(num) / double(den);
        r.weekly = m_weeks.points();
        for (std::size_t w = 0; w < m_den.size(); ++w) {
            r.weekly[w].n = m_den[w];
            if (m_den[w] > 0)
                r.weekly[w].value = double(m_num[w]) / double(m_den[w]);
        }
    }

private:
    const Weeks &m_weeks;
    std::vector<std::int64_t> m_num, m_den;
};

// A rate: events ÷ (days ÷ perDays), n = events; a week divides by its clipped days.
class RateSeries
{
public:
    RateSeries(const Weeks &weeks, double perDays) : m_weeks(weeks), m_perDays(perDays), m_count(weeks.size()) {}
    void add(Micros anchor) { ++m_count[m_weeks.index(anchor)]; }
    void fill(MetricResult &r, int windowDays) const
    {
        const std::int64_t total = std::accumulate(m_count.begin(), m_count.end(), std::int64_t(0));
        r.n = total;
        if (total > 0)
            r.value = double(total) / (double(windowDays) / m_perDays);
        r.weekly = m_weeks.points();
        for (std::size_t w = 0; w < m_count.size(); ++w) {
            r.weekly[w].n = m_count[w];
            if (m_count[w] > 0)
                r.weekly[w].value = double(m_count[w]) / (m_weeks.slot(w).days() / m_perDays);
        }
    }

private:
    const Weeks &m_weeks;
    double m_perDays;
    std::vector<std::int64_t> m_count;
};

double hoursBetween(Micros a, Micros b)
{
    return double(b - a) / kMicrosPerHourD;
}

double minutesBetween(Micros a, Micros b)
{
    return double(b - a) / kMicrosPerMinuteD;
}

// --- alert groups ---------------------------------------------------------------------------

// The final groups after the user's rules and merges, for the built-in groups of a Dataset.
struct GroupMap
{
    std::vector<std::int32_t> finalOf; // built-in group index -> final group
    std::vector<std::string> keys;     // UTF-8
    std::vector<std::string> services;
    std::vector<std::string> titles;
    std::vector<QStringList> mergedKeys;
};

GroupMap resolveGroups(const Dataset &data)
{
    GroupMap map;
    const std::size_t n = data.groups.size();
    map.finalOf.resize(n);

    std::vector<QRegularExpression> rules;
    std::vector<QString> replacements;
    for (const AlertRule &r : data.alertRules) {
        // With its match budget (docs/hostile-input.md#rules): the store refuses rules that
        // blow it, but one written with sqlite3 must not stall every command.
        QRegularExpression re = AlertRuleStore::compile(r.pattern);
        if (!re.isValid())
            continue; // the store refuses these; one written with sqlite3 is ignored
        re.optimize();
        rules.push_back(std::move(re));
        replacements.push_back(r.replacement);
    }

    // Keys after the rules; a key reached without a merge keeps its own service and title.
    std::vector<std::string> ruled(n);
    std::unordered_map<std::string, std::pair<std::string, std::string>> named;
    named.reserve(n);
    for (std::size_t g = 0; g < n; ++g) {
        const GroupName &name = data.groups[g];
        std::string title = name.title;
        if (!rules.empty()) {
            QString t = QString::fromUtf8(title);
            for (std::size_t i = 0; i < rules.size(); ++i)
                AlertRuleStore::apply(rules[i], replacements[i], t); // a title that blows the budget keeps it
            title = t.toStdString();
        }
        ruled[g] = name.service + '|' + title;
        named.try_emplace(ruled[g], name.service, std::move(title));
    }

    std::unordered_map<std::string, std::string> into;
    for (const AlertMerge &m : data.alertMerges)
        into.emplace(m.fromKey.toStdString(), m.intoKey.toStdString());
    // Follows a chain of merges; a cycle (only possible by editing the file by hand) stops
    // where it would repeat.
    const auto resolve = [&](const std::string &key) {
        std::string k = key;
        for (std::size_t steps = 0; steps < into.size(); ++steps) {
            const auto it = into.find(k);
            if (it == into.end() || it->second == key)
                break;
            k = it->second;
        }
        return k;
    };

    std::unordered_map<std::string, std::int32_t> index;
    index.reserve(n);
    for (std::size_t g = 0; g < n; ++g) {
        const std::string key = into.empty() ? ruled[g] : resolve(ruled[g]);
        auto [it, added] = index.try_emplace(key, std::int32_t(map.keys.size()));
        if (added) {
            map.keys.push_back(key);
            const auto nm = named.find(key);
            if (nm != named.end()) {
                map.services.push_back(nm->second.first);
                map.titles.push_back(nm->second.second);
            } else {
                const std::size_t bar = key.find('|');
                map.services.push_back(bar == std::string::npos ? std::string() : key.substr(0, bar));
                map.titles.push_back(bar == std::string::npos ? key : key.substr(bar + 1));
            }
            map.mergedKeys.emplace_back();
        }
        map.finalOf[g] = it->second;
        if (key != ruled[g]) {
            QStringList &merged = map.mergedKeys[size_t(it->second)];
            const QString from = QString::fromStdString(ruled[g]);
            if (!merged.contains(from))
                merged.append(from);
        }
    }
    for (QStringList &m : map.mergedKeys)
        m.sort();
    return map;
}

bool isNoise(const PageFact &p)
{
    return p.autoResolved || (p.resolvedAt != kNoTime && p.acknowledgedAt == kNoTime);
}

AlertReport computeAlertsWith(const Dataset &data, const GroupMap &map)
{
    AlertReport report;
    report.window = data.window;
    const std::size_t groups = map.keys.size();
    std::vector<std::int64_t> count(groups), offHours(groups), noisy(groups), acked(groups);
    const ZoneOffsets zone(data.settings.timezone);
    const int bhStart = data.settings.businessHoursStart;
    const int bhEnd = data.settings.businessHoursEnd;
    const Micros from = data.window.from();
    std::int64_t total = 0;
    for (const PageFact &p : data.pages) {
        if (p.createdAt < from)
            continue; // history for repeat pages
        ++total;
        const auto g = std::size_t(map.finalOf[std::size_t(p.group)]);
        ++count[g];
        if (!isBusinessHours(p.createdAt, zone, bhStart, bhEnd))
            ++offHours[g];
        if (isNoise(p))
            ++noisy[g];
        if (p.acknowledgedAt != kNoTime)
            ++acked[g];
    }
    // Acknowledgement times bucketed by group for the per-group medians.
    std::vector<std::size_t> offset(groups + 1, 0);
    for (std::size_t g = 0; g < groups; ++g)
        offset[g + 1] = offset[g] + std::size_t(acked[g]);
    std::vector<double> ackMinutes(offset[groups]);
    {
        std::vector<std::size_t> fill(offset.begin(), offset.end() - 1);
        for (const PageFact &p : data.pages)
            if (p.createdAt >= from && p.acknowledgedAt != kNoTime)
                ackMinutes[fill[std::size_t(map.finalOf[std::size_t(p.group)])]++] =
                    minutesBetween(p.createdAt, p.acknowledgedAt);
    }

    std::vector<std::size_t> order;
    for (std::size_t g = 0; g < groups; ++g)
        if (count[g] > 0)
            order.push_back(g);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (count[a] != count[b])
            return count[a] > count[b];
        return map.keys[a] < map.keys[b]; // std::string compares bytes as unsigned: UTF-8 order
    });

    report.totalPages = total;
    std::int64_t cumulative = 0;
    report.groups.reserve(order.size());
    for (std::size_t g : order) {
        AlertGroup a;
        a.key = QString::fromStdString(map.keys[g]);
        a.service = QString::fromStdString(map.services[g]);
        a.title = QString::fromStdString(map.titles[g]);
        a.count = count[g];
        cumulative += count[g];
        a.share = double(count[g]) / double(report.totalPages);
        a.cumulativeShare = double(cumulative) / double(report.totalPages);
        a.offHours = offHours[g];
        a.noisy = noisy[g];
        a.acknowledged = acked[g];
        a.offHoursRatio = double(offHours[g]) / double(count[g]);
        a.noiseRatio = double(noisy[g]) / double(count[g]);
        a.ackP50Minutes = percentileInPlace(std::span<double>(ackMinutes.data() + offset[g], std::size_t(acked[g])), 0.5);
        a.mergedKeys = map.mergedKeys[g];
        report.groups.push_back(std::move(a));
        // Exact in integers: cumulative ÷ total ≥ 0.8.
        if (!report.groupsFor80Percent && cumulative * 5 >= report.totalPages * 4)
            report.groupsFor80Percent = int(report.groups.size());
    }
    return report;
}

// --- SLOs -----------------------------------------------------------------------------------

struct SloEval
{
    std::int64_t measurements = 0;
    double good = 0;
    double total = 0;
    std::optional<double> attainment;
};

// good and total of one measurement: total as given, else good + bad; good = total − bad when
// bad is given, else good as given. SPEC 6 puts bad first, so a row that also carries a good
// count that does not add up to its total is judged by its bad count. nullopt when either
// cannot be known.
std::optional<std::pair<double, double>> goodTotal(const SloMeasurement &m)
{
    std::optional<double> total = m.total;
    if (!total && m.good && m.bad)
        total = *m.good + *m.bad;
    if (!total)
        return std::nullopt;
    if (m.bad)
        return std::make_pair(*total - *m.bad, *total);
    if (m.good)
        return std::make_pair(*m.good, *total);
    return std::nullopt;
}

double sliceThreshold(const Slo &slo)
{
    return slo.timeSliceTarget ? *slo.timeSliceTarget : slo.objective;
}

// Iterates the usable measurements of [from, to): f(timestamp, good, total) for Occurrences,
// f(timestamp, goodSlice ? 1 : 0, 1) for Timeslices (slices without events are skipped).
template <typename F>
void forEachEvent(const SloData &data, Micros from, Micros to, F f)
{
    const auto &ms = data.measurements;
    auto it = std::lower_bound(ms.begin(), ms.end(), from,
                               [](const SloMeasurement &m, Micros t) { return m.timestamp < t; });
    const bool slices = data.slo.method == BudgetingMethod::Timeslices;
    const double threshold = sliceThreshold(data.slo);
    for (; it != ms.end() && it->timestamp < to; ++it) {
        const auto gt = goodTotal(*it);
        if (!gt)
            continue;
        if (slices) {
            if (gt->second <= 0)
                continue;
            f(it->timestamp, gt->first / gt->second >= threshold ? 1.0 : 0.0, 1.0);
        } else {
            f(it->timestamp, gt->first, gt->second);
        }
    }
}

SloEval evaluate(const SloData &data, Micros from, Micros to)
{
    SloEval e;
    forEachEvent(data, from, to, [&](Micros, double good, double total) {
        ++e.measurements;
        e.good += good;
        e.total += total;
    });
    // Sums that overflowed (counts near 1e308 written into the file by hand) measure nothing:
    // no attainment, so the SLO is neither met nor missed (docs/hostile-input.md#limits).
    if (e.total > 0 && std::isfinite(e.total) && std::isfinite(e.good) && std::isfinite(e.good / e.total))
        e.attainment = e.good / e.total;
    return e;
}

std::optional<double> budgetLeft(double attainment, double objective)
{
    if (objective >= 1)
        return std::nullopt;
    return 1 - (1 - attainment) / (1 - objective);
}

SloResult computeSlo(const SloData &data, Micros asOf)
{
    const Slo &slo = data.slo;
    SloResult r;
    r.name = QString::fromStdString(slo.name);
    r.displayName = QString::fromStdString(slo.displayName);
    r.service = QString::fromStdString(slo.service);
    r.method = slo.method;
    r.objective = slo.objective;
    if (slo.method == BudgetingMethod::Timeslices)
        r.timeSliceTarget = sliceThreshold(slo);
    r.windowSeconds = slo.windowSeconds;
    r.windowTo = asOf;
    r.windowFrom = asOf - slo.windowSeconds * kMicrosPerSecond;

    const SloEval e = evaluate(data, r.windowFrom, r.windowTo);
    r.measurements = e.measurements;
    r.good = e.good;
    r.total = e.total;
    r.attainment = e.attainment;
    if (!e.attainment)
        return r;
    r.met = *e.attainment >= slo.objective;
    r.errorBudgetRemaining = budgetLeft(*e.attainment, slo.objective);
    const SloEval day = evaluate(data, asOf - kMicrosPerDay, asOf);
    if (day.attainment && slo.objective < 1)
        r.burnRate24h = (1 - *day.attainment) / (1 - slo.objective);

    if (!r.errorBudgetRemaining)
        return r;
    const double allowed = (1 - slo.objective) * e.total;
    double bad = 0;
    r.budget.push_back({r.windowFrom, 1.0});
    Micros next = floorToDay(r.windowFrom) + kMicrosPerDay;
    forEachEvent(data, r.windowFrom, r.windowTo, [&](Micros t, double good, double total) {
        while (next <= t && next < asOf) {
            r.budget.push_back({next, 1 - bad / allowed});
            next += kMicrosPerDay;
        }
        bad += total - good;
    });
    while (next < asOf) {
        r.budget.push_back({next, 1 - bad / allowed});
        next += kMicrosPerDay;
    }
    r.budget.push_back({asOf, *r.errorBudgetRemaining});
    return r;
}

// --- metrics --------------------------------------------------------------------------------

void finish(MetricResult &r, const WorkspaceSettings &settings)
{
    r.target = settings.target(r.key());
    if (!r.value) {
        r.status = Status::NotMeasured;
        return;
    }
    r.gap = MetricCatalogue::gap(r.def->better, *r.value, r.target);
    r.status = *r.gap == 0 ? Status::Met : Status::Gap;
    if (r.def->hasTier && settings.doraPreset == u"dora-2023")
        r.tier = MetricCatalogue::doraTier(r.key(), *r.value);
}

MetricsReport computeMetricsWith(const Dataset &data, const GroupMap *map)
{
    MetricsReport report;
    report.window = data.window;
    const Weeks weeks(data.window);
    std::array<MetricResult, kMetricCount> results;
    auto result = [&](MetricId id) -> MetricResult & { return results[std::size_t(id)]; };

    // Change management.
    {
        RateSeries frequency(weeks, 1.0);
        RatioSeries failure(weeks);
        ValueSeries recovery(weeks);
        for (const DeploymentFact &d : data.deployments) {
            frequency.add(d.finishedAt);
            failure.add(d.finishedAt, d.failed());
            if (d.failed())
                if (const auto at = d.recoveredAt())
                    recovery.add(d.finishedAt, hoursBetween(d.finishedAt, *at));
        }
        // Rework: over the production deployments with result success.
        RatioSeries rework(weeks);
        ReworkRuleCounts rules;
        for (const DeploymentFact &d : data.deployments) {
            if (d.result != DeployResult::Success)
                continue;
            rework.add(d.finishedAt, d.isRework());
            rules.fix += d.reworkFix;
            rules.afterFailure += d.reworkAfterFailure;
            rules.duringIncident += d.reworkDuringIncident;
        }
        rework.fill(result(MetricId::DeploymentReworkRate));
        result(MetricId::DeploymentReworkRate).reworkRules = rules;
        ValueSeries lead(weeks);
        for (const ChangeFact &c : data.changes)
            lead.add(c.deployedAt, hoursBetween(c.committedAt, c.deployedAt));
        frequency.fill(result(MetricId::DeploymentFrequency), data.window.days);
        lead.fill(result(MetricId::LeadTimeForChanges));
        failure.fill(result(MetricId::ChangeFailureRate));
        recovery.fill(result(MetricId::FailedDeploymentRecoveryTime));
    }

    // Detection and incidents.
    {
        ValueSeries detect(weeks), restore(weeks);
        RatioSeries customer(weeks), postmortem(weeks);
        for (const Incident &i : data.incidents) {
            if (i.detectedAt)
                detect.add(i.startedAt, minutesBetween(i.startedAt, *i.detectedAt));
            if (i.detectionSource)
                customer.add(i.startedAt, *i.detectionSource == DetectionSource::Customer);
            if (i.resolvedAt)
                restore.add(i.startedAt, hoursBetween(i.startedAt, *i.resolvedAt));
            const auto level = severityLevel(i.severity);
            if (level && (*level == 1 || *level == 2))
                postmortem.add(i.startedAt, !QByteArray::fromStdString(i.postmortemUrl).trimmed().isEmpty());
        }
        detect.fill(result(MetricId::TimeToDetect));
        customer.fill(result(MetricId::CustomerDetectedRatio));
        restore.fill(result(MetricId::TimeToRestore));
        postmortem.fill(result(MetricId::PostmortemCompletionRatio));
    }

    // SLO compliance: the SLOs with data that meet their objective over their own window,
    // at as_of and at the end of each (clipped) week.
    {
        report.slos = computeSlos(data);
        MetricResult &r = result(MetricId::SloCompliance);
        std::int64_t withData = 0, met = 0;
        for (const SloResult &s : report.slos)
            if (s.met) {
                ++withData;
                met += *s.met ? 1 : 0;
            }
        r.n = withData;
        if (withData > 0)
            r.value = double(met) / double(withData);
        r.weekly = weeks.points();
        for (WeeklyPoint &w : r.weekly) {
            std::int64_t wData = 0, wMet = 0;
            for (const SloData &s : data.slos) {
                const SloEval e = evaluate(s, w.end - s.slo.windowSeconds * kMicrosPerSecond, w.end);
                if (!e.attainment)
                    continue;
                ++wData;
                wMet += *e.attainment >= s.slo.objective ? 1 : 0;
            }
            w.n = wData;
            if (wData > 0)
                w.value = double(wMet) / double(wData);
        }
    }

    // Pages.
    {
        ValueSeries ack(weeks);
        RateSeries perWeek(weeks, 7.0);
        RatioSeries offHours(weeks), noise(weeks), repeat(weeks);
        const ZoneOffsets zone(data.settings.timezone);
        const int bhStart = data.settings.businessHoursStart;
        const int bhEnd = data.settings.businessHoursEnd;
        const Micros from = data.window.from();
        for (const PageFact &p : data.pages) {
            if (p.createdAt < from)
                continue;
            perWeek.add(p.createdAt);
            if (p.acknowledgedAt != kNoTime)
                ack.add(p.createdAt, minutesBetween(p.createdAt, p.acknowledgedAt));
            offHours.add(p.createdAt, !isBusinessHours(p.createdAt, zone, bhStart, bhEnd));
            noise.add(p.createdAt, isNoise(p));
        }
        // Repeat pages: each group's page times in order, the history before the window included.
        GroupMap own;
        if (!map && !data.pages.empty()) {
            own = resolveGroups(data);
            map = &own;
        }
        if (map) {
            const std::size_t groups = map->keys.size();
            std::vector<std::size_t> offset(groups + 1, 0);
            for (const PageFact &p : data.pages)
                ++offset[std::size_t(map->finalOf[std::size_t(p.group)]) + 1];
            for (std::size_t g = 0; g < groups; ++g)
                offset[g + 1] += offset[g];
            std::vector<Micros> times(data.pages.size());
            std::vector<std::size_t> fill(offset.begin(), offset.end() - 1);
            for (const PageFact &p : data.pages)
                times[fill[std::size_t(map->finalOf[std::size_t(p.group)])]++] = p.createdAt;
            for (std::size_t g = 0; g < groups; ++g) {
                const auto first = times.begin() + std::ptrdiff_t(offset[g]);
                const auto last = times.begin() + std::ptrdiff_t(offset[g + 1]);
                std::sort(first, last);
                for (auto it = first; it != last; ++it)
                    if (*it >= from)
                        repeat.add(*it, it != first && *it - *(it - 1) <= Dataset::kRepeatLookback);
            }
        }
        ack.fill(result(MetricId::TimeToAcknowledge));
        perWeek.fill(result(MetricId::PagesPerWeek), data.window.days);
        offHours.fill(result(MetricId::OffHoursPageRatio));
        noise.fill(result(MetricId::AlertNoiseRatio));
        repeat.fill(result(MetricId::RepeatPageRatio));
    }

    // Toil: the debt register is a snapshot without history, so every week shows today's value.
    {
        MetricResult &r = result(MetricId::ToilRatio);
        r.n = data.openDebtItems;
        const auto team = data.settings.teamSize;
        if (data.openDebtItems > 0 && team && *team > 0)
            r.value = data.openToilHoursPerWeek / (double(*team) * 40.0);
        r.weekly = weeks.points();
        for (WeeklyPoint &w : r.weekly) {
            w.value = r.value;
            w.n = r.n;
        }
    }

    for (const MetricDef &def : MetricCatalogue::all()) {
        MetricResult r = std::move(results[std::size_t(def.key)]);
        r.def = &def;
        finish(r, data.settings);
        report.metrics.push_back(std::move(r));
    }
    for (Theme t : MetricCatalogue::kThemes) {
        ThemeSummary s;
        s.theme = t;
        s.weight = data.settings.weight(MetricCatalogue::themeId(t));
        for (const MetricResult &r : report.metrics) {
            if (r.def->theme != t)
                continue;
            ++s.metrics;
            switch (r.status) {
            case Status::Met: ++s.met; break;
            case Status::Gap: ++s.gaps; break;
            case Status::NotMeasured: ++s.notMeasured; break;
            }
        }
        report.themes.push_back(s);
    }
    return report;
}

DurationStats durationStats(Unit unit, std::vector<double> values)
{
    DurationStats s;
    s.unit = unit;
    std::sort(values.begin(), values.end());
    s.values = std::move(values);
    s.p50 = percentileSorted(s.values, 0.5);
    s.p90 = percentileSorted(s.values, 0.9);
    return s;
}

} // namespace

std::optional<double> percentileSorted(std::span<const double> x, double q)
{
    if (x.empty())
        return std::nullopt;
    const double h = double(x.size() - 1) * q;
    const double lo = std::floor(h);
    const auto i = std::size_t(lo);
    if (h == lo || i + 1 >= x.size())
        return x[i];
    return x[i] + (h - lo) * (x[i + 1] - x[i]);
}

std::optional<double> percentile(std::vector<double> values, double q)
{
    return percentileInPlace(values, q);
}

std::optional<int> severityLevel(std::string_view severity)
{
    std::size_t i = 0;
    while (i < severity.size() && !(severity[i] >= '0' && severity[i] <= '9'))
        ++i;
    if (i == severity.size())
        return std::nullopt;
    long long level = 0;
    for (; i < severity.size() && severity[i] >= '0' && severity[i] <= '9'; ++i)
        level = std::min<long long>(level * 10 + (severity[i] - '0'), 1000000);
    return int(level);
}

bool isBusinessHours(Micros utc, const ZoneOffsets &zone, int startMinutes, int endMinutes)
{
    const Micros local = zone.toLocal(utc);
    Micros day = local / kMicrosPerDay;
    if (local % kMicrosPerDay < 0)
        --day;
    const Micros sinceMidnight = local - day * kMicrosPerDay;
    const std::int64_t weekday = ((day + 3) % 7 + 7) % 7; // 1970-01-01 was a Thursday; Monday = 0
    return weekday < 5 && sinceMidnight >= Micros(startMinutes) * kMicrosPerMinute
        && sinceMidnight < Micros(endMinutes) * kMicrosPerMinute;
}

std::vector<IncidentTimeline::Span> IncidentTimeline::phases() const
{
    std::vector<Span> out;
    Micros previous = startedAt;
    const std::optional<Micros> milestones[] = {detectedAt, acknowledgedAt, mitigatedAt, resolvedAt};
    for (int k = 0; k < 4; ++k) {
        if (!milestones[k])
            continue;
        const Micros end = std::max(*milestones[k], previous);
        out.push_back({Phase(k), previous, end});
        previous = end;
    }
    return out;
}

const MetricResult &MetricsReport::at(MetricId id) const
{
    return metrics.at(std::size_t(id));
}

const MetricResult *MetricsReport::find(QStringView id) const
{
    for (const MetricResult &r : metrics)
        if (id == QLatin1StringView(r.def->id))
            return &r;
    return nullptr;
}

std::vector<SloResult> computeSlos(const Dataset &data)
{
    std::vector<SloResult> out;
    out.reserve(data.slos.size());
    for (const SloData &s : data.slos)
        out.push_back(computeSlo(s, data.window.asOf));
    return out;
}

MetricsReport computeMetrics(const Dataset &data)
{
    return computeMetricsWith(data, nullptr);
}

AlertReport computeAlerts(const Dataset &data)
{
    return computeAlertsWith(data, resolveGroups(data));
}

IncidentReport computeIncidents(const Dataset &data)
{
    IncidentReport report;
    report.window = data.window;
    std::vector<double> detect, acknowledge, mitigate, restore;
    for (const Incident &i : data.incidents) {
        IncidentTimeline t;
        t.incidentId = QString::fromStdString(i.incidentId);
        t.service = QString::fromStdString(i.service);
        t.title = QString::fromStdString(i.title);
        t.severity = QString::fromStdString(i.severity);
        t.severityLevel = severityLevel(i.severity);
        t.startedAt = i.startedAt;
        t.detectedAt = i.detectedAt;
        t.acknowledgedAt = i.acknowledgedAt;
        t.mitigatedAt = i.mitigatedAt;
        t.resolvedAt = i.resolvedAt;
        t.detectionSource = i.detectionSource;
        t.causedByDeploymentId = QString::fromStdString(i.causedByDeploymentId);
        t.postmortemUrl = QString::fromStdString(i.postmortemUrl);
        report.incidents.push_back(std::move(t));
        if (i.detectedAt)
            detect.push_back(minutesBetween(i.startedAt, *i.detectedAt));
        if (i.acknowledgedAt)
            acknowledge.push_back(minutesBetween(i.startedAt, *i.acknowledgedAt));
        if (i.mitigatedAt)
            mitigate.push_back(hoursBetween(i.startedAt, *i.mitigatedAt));
        if (i.resolvedAt)
            restore.push_back(hoursBetween(i.startedAt, *i.resolvedAt));
    }
    report.timeToDetect = durationStats(Unit::Minutes, std::move(detect));
    report.timeToAcknowledge = durationStats(Unit::Minutes, std::move(acknowledge));
    report.timeToMitigate = durationStats(Unit::Hours, std::move(mitigate));
    report.timeToRestore = durationStats(Unit::Hours, std::move(restore));
    return report;
}

Analysis analyze(const Dataset &data)
{
    const GroupMap map = resolveGroups(data);
    Analysis a;
    a.metrics = computeMetricsWith(data, &map);
    a.alerts = computeAlertsWith(data, map);
    a.incidents = computeIncidents(data);
    return a;
}

} // namespace srm
