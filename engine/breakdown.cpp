#include "engine/breakdown.h"

#include <algorithm>

namespace srm {

Breakdown computeBreakdown(const Dataset &data, const AnalysisWindow &window, BreakdownBy by)
{
    Breakdown out;
    out.by = by;
    out.scope = data.scope;
    for (int i = 0; i < kMetricCount; ++i)
        out.rollup.push_back({MetricId(i), 0, 0, 0});
    for (auto &[name, part] : data.partition(by, window)) {
        const Engine engine(part);
        BreakdownEntry entry{QString::fromStdString(name), engine.metrics(window)};
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
