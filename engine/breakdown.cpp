#include "engine/breakdown.h"

#include "engine/twothreads.h"

#include <algorithm>
#include <functional>

namespace srm {

namespace {

// Whether each final alert group's pages all fall in one part: then a part's pages have the
// repeat flags the whole Dataset gives them (a repeat looks back within its final group only), and
// the parts need not sort their pages by group again (at 10M pages, 0.3 s of `metrics --by
// service`). A merge or rule that joins groups of two services (or of two teams' services) makes
// the parts compute their own.
bool partsKeepRepeats(const Engine &whole, BreakdownBy by)
{
    const Dataset &data = whole.data();
    const std::vector<std::int32_t> finalOf = whole.finalGroups();
    std::vector<const std::string *> nameOfFinal(data.groups.size(), nullptr);
    std::vector<std::string> teams;
    if (by == BreakdownBy::Team)
        for (const GroupName &g : data.groups)
            teams.emplace_back(data.ownerOf(g.service));
    for (std::size_t g = 0; g < data.groups.size(); ++g) {
        const std::string &name = by == BreakdownBy::Service ? data.groups[g].service : teams[g];
        const auto f = std::size_t(finalOf[g]);
        if (f >= nameOfFinal.size())
            return false;
        if (!nameOfFinal[f])
            nameOfFinal[f] = &name;
        else if (*nameOfFinal[f] != name)
            return false;
    }
    return true;
}

} // namespace

Breakdown computeBreakdown(const Dataset &data, const AnalysisWindow &window, BreakdownBy by)
{
    const Engine whole(data);
    return computeBreakdown(whole, window, by);
}

Breakdown computeBreakdown(const Engine &whole, const AnalysisWindow &window, BreakdownBy by, bool twoThreads)
{
    const Dataset &data = whole.data();
    Breakdown out;
    out.by = by;
    out.scope = data.scope;
    for (int i = 0; i < kMetricCount; ++i)
        out.rollup.push_back({MetricId(i), 0, 0, 0});
    const bool keep = partsKeepRepeats(whole, by);
    std::vector<std::vector<std::uint8_t>> repeats;
    auto parts = data.partition(by, window, keep ? &whole.repeatFlags() : nullptr, keep ? &repeats : nullptr,
                                twoThreads);
    // Each part's figures read only that part: on two threads, each taking the next part not yet
    // started, the largest first (at 10M pages, `metrics --by service` computed its 11 parts on
    // one core for 1.1 s while the other was idle).
    std::vector<MetricsReport> reports(parts.size());
    std::vector<std::size_t> order(parts.size());
    for (std::size_t k = 0; k < order.size(); ++k)
        order[k] = k;
    const auto size = [&parts](std::size_t k) {
        const Dataset &p = parts[k].second;
        return p.pages.size() + p.deployments.size() + p.changes.size() + p.incidents.size();
    };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return size(a) > size(b); });
    std::vector<std::function<void()>> tasks;
    for (const std::size_t k : order)
        tasks.emplace_back([&, k] {
            const Dataset &part = parts[k].second;
            const Engine engine = keep ? Engine(part, std::move(repeats[k])) : Engine(part);
            reports[k] = engine.metrics(window, false); // a part's figures list no deployments
        });
    if (twoThreads && tasks.size() > 1) {
        runOnTwoThreads(tasks);
    } else {
        for (const auto &task : tasks)
            task();
    }
    for (std::size_t k = 0; k < parts.size(); ++k) {
        BreakdownEntry entry{QString::fromStdString(parts[k].first), std::move(reports[k])};
        for (const MetricResult &m : entry.metrics.metrics) {
            MetricRollup &r = out.rollup[std::size_t(m.key())];
            switch (m.status) {
            case Status::Met: ++r.met; break;
            case Status::Gap: ++r.gap; break;
            case Status::NotMeasured: ++r.notMeasured; break;
            }
        }
        out.entries.push_back(std::move(entry));
    }
    return out;
}

std::vector<std::size_t> Breakdown::byGap(MetricId id) const
{
    std::vector<std::size_t> order(entries.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    const auto rank = [&](std::size_t i) {
        const MetricResult &m = entries[i].metrics.at(id);
        return m.status == Status::Gap ? 0 : m.status == Status::Met ? 1 : 2;
    };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (rank(a) != rank(b))
            return rank(a) < rank(b);
        const MetricResult &ma = entries[a].metrics.at(id);
        const MetricResult &mb = entries[b].metrics.at(id);
        if (ma.gap && mb.gap && *ma.gap != *mb.gap)
            return *ma.gap > *mb.gap;
        return entries[a].name.toUtf8() < entries[b].name.toUtf8();
    });
    return order;
}

QString rollupWords(const MetricRollup &r, BreakdownBy by)
{
    const bool team = by == BreakdownBy::Team;
    const auto noun = [team](int n) {
        return team ? (n == 1 ? QStringLiteral("team") : QStringLiteral("teams"))
                    : (n == 1 ? QStringLiteral("service") : QStringLiteral("services"));
    };
    if (r.total() == 0)
        return QStringLiteral("no %1").arg(noun(0));
    // The noun goes with the first count: "3 teams met · 2 with a gap", "2 teams with a gap".
    QStringList parts;
    const auto add = [&](int n, const char *words) {
        if (n == 0)
            return;
        parts.append(parts.isEmpty() ? QStringLiteral("%1 %2 %3").arg(n).arg(noun(n), QLatin1StringView(words))
                                     : QStringLiteral("%1 %2").arg(n).arg(QLatin1StringView(words)));
    };
    add(r.met, "met");
    add(r.gap, "with a gap");
    add(r.notMeasured, "not measured");
    return parts.join(QStringLiteral(" · "));
}

} // namespace srm
