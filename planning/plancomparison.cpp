#include "planning/plancomparison.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <map>

namespace srm {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("srm::PlanComparison", text);
}

// Every item of a plan (placed or unscheduled) with its quarter.
std::map<std::string, const PlannedItem *> itemsOf(const Plan &plan)
{
    std::map<std::string, const PlannedItem *> out;
    for (const PlanQuarter &q : plan.quarters)
        for (const PlannedItem &p : q.items)
            out.emplace(p.id, &p);
    for (const PlannedItem &p : plan.unscheduled)
        out.emplace(p.id, &p);
    return out;
}

int scheduled(const Plan &plan)
{
    int n = 0;
    for (const PlanQuarter &q : plan.quarters)
        n += int(q.items.size());
    return n;
}

} // namespace

PlanComparison comparePlans(const Plan &baseline, const Plan &scenario)
{
    PlanComparison c;
    c.scheduledBefore = scheduled(baseline);
    c.scheduledAfter = scheduled(scenario);
    const auto before = itemsOf(baseline);
    const auto after = itemsOf(scenario);
    for (const auto &[id, p] : after) {
        const auto it = before.find(id);
        const std::optional<Quarter> from = it == before.end() ? std::nullopt : it->second->quarter;
        const std::optional<Quarter> &to = p->quarter;
        if (from == to)
            continue;
        ItemMove m;
        m.id = id;
        m.title = p->title;
        m.from = from;
        m.to = to;
        if (!from)
            m.kind = ItemMove::Kind::MovesIn;
        else if (!to)
            m.kind = ItemMove::Kind::MovesOut;
        else
            m.kind = to->index() < from->index() ? ItemMove::Kind::Earlier : ItemMove::Kind::Later;
        c.moves.push_back(std::move(m));
    }
    std::stable_sort(c.moves.begin(), c.moves.end(),
                     [](const ItemMove &a, const ItemMove &b) { return a.kind < b.kind; });

    for (int i = 0; i < kMetricCount; ++i) {
        const auto metric = MetricId(i);
        const PlanGap *b = baseline.findGap(metric);
        const PlanGap *s = scenario.findGap(metric);
        if (!b && !s)
            continue;
        GapChange g;
        g.metric = metric;
        g.from = b ? b->addressedIn : std::nullopt;
        g.to = s ? s->addressedIn : std::nullopt;
        if (b && !s)
            g.kind = GapChange::Kind::NoLongerAGap;
        else if (!b && s)
            g.kind = GapChange::Kind::NewGap;
        else if (g.from == g.to)
            continue;
        else if (!g.from)
            g.kind = GapChange::Kind::BecomesAddressed;
        else if (!g.to)
            g.kind = GapChange::Kind::NoLongerAddressed;
        else
            g.kind = g.to->index() < g.from->index() ? GapChange::Kind::Earlier : GapChange::Kind::Later;
        c.gaps.push_back(g);
    }
    return c;
}

QString moveText(const ItemMove &m)
{
    switch (m.kind) {
    case ItemMove::Kind::MovesIn: return tr("moves in (%1)").arg(formatQuarter(*m.to));
    case ItemMove::Kind::MovesOut: return tr("moves out (was %1)").arg(formatQuarter(*m.from));
    case ItemMove::Kind::Earlier: return tr("%1 → %2 (earlier)").arg(formatQuarter(*m.from), formatQuarter(*m.to));
    case ItemMove::Kind::Later: return tr("%1 → %2 (later)").arg(formatQuarter(*m.from), formatQuarter(*m.to));
    }
    return {};
}

QString gapChangeText(const GapChange &g)
{
    switch (g.kind) {
    case GapChange::Kind::BecomesAddressed: return tr("becomes addressed in %1").arg(formatQuarter(*g.to));
    case GapChange::Kind::Earlier:
        return tr("sooner: %1 instead of %2").arg(formatQuarter(*g.to), formatQuarter(*g.from));
    case GapChange::Kind::Later: return tr("later: %1 instead of %2").arg(formatQuarter(*g.to), formatQuarter(*g.from));
    case GapChange::Kind::NoLongerAddressed: return tr("no longer addressed (was %1)").arg(formatQuarter(*g.from));
    case GapChange::Kind::NoLongerAGap: return tr("met under the scenario");
    case GapChange::Kind::NewGap:
        return g.to ? tr("a gap under the scenario (addressed in %1)").arg(formatQuarter(*g.to))
                    : tr("a gap under the scenario (no work planned)");
    }
    return {};
}

QString deliveredText(const PlanQuarter &q)
{
    if (q.items.empty())
        return tr("nothing");
    const QString weeks = QLocale::c().toString(q.usedWeeks, 'f', 1);
    return q.items.size() == 1 ? tr("1 item, %1 weeks").arg(weeks)
                               : tr("%1 items, %2 weeks").arg(q.items.size()).arg(weeks);
}

QString shortList(const QStringList &entries, qsizetype max, const QString &separator)
{
    if (entries.size() <= max)
        return entries.join(separator);
    return tr("%1 and %2 more").arg(entries.mid(0, max).join(separator)).arg(entries.size() - max);
}

} // namespace srm
