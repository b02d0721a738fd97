#include "planning/roadmap.h"

#include "planning/debtstore.h"
#include "planning/plancomparison.h"
#include "store/metriccatalogue.h"
#include "store/texthygiene.h"
#include "store/workspace.h"

#include <QDateTime>
#include <QJsonArray>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_map>

namespace srm {

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

QString weeks1(double v) // "14.0"
{
    return QString::number(v == 0 ? 0.0 : v, 'f', 1);
}

// A number of weeks in a reason, in its shortest form but without the noise of binary
// arithmetic: team_size 2 × 12 × (1 − 0.6) is "9.6", not "9.600000000000001".
QString weeksText(double v)
{
    return SettingsSchema::formatNumber(std::round(v * 1e6) / 1e6);
}

QString idList(const std::vector<std::string> &ids)
{
    QStringList out;
    for (const std::string &id : ids)
        out << qs(id);
    return out.join(QStringLiteral(", "));
}

enum class State { Waiting, Placed, Unscheduled };

struct Node
{
    const DebtItem *item = nullptr;
    DebtAssessment assessment;
    double effective = 0;
    size_t effectiveFrom = 0; // node whose own priority `effective` is
    std::vector<size_t> deps; // open dependencies (done ones are satisfied)
    std::vector<size_t> dependants;
    State state = State::Waiting;
    int quarter = -1;          // index into the plan's quarters
    bool blocked = false;      // unscheduled because a dependency is
    std::vector<size_t> roots; // when blocked: the unscheduled items that are not, behind it
};

class Scheduler
{
public:
    Scheduler(const std::vector<DebtItem> &items, const WorkspaceSettings &settings, Quarter start, int quarters,
              const GapBasis &gaps)
        : m_settings(settings), m_gaps(gaps)
    {
        if (quarters < 1 || quarters > kMaxPlanQuarters)
            throw InputError(
                QStringLiteral("the plan needs 1 to %1 quarters, not %2").arg(kMaxPlanQuarters).arg(quarters));
        DebtGraph graph(items);
        graph.check();
        m_plan.start = start;
        m_plan.horizon = quarters;
        m_plan.capacityWeeks = settings.quarterCapacity();
        m_plan.criticalPath = graph.criticalPath();
        Quarter q = start;
        for (int i = 0; i < quarters; ++i, q = q.next())
            m_plan.quarters.push_back({q, m_plan.capacityWeeks, 0, {}});

        // Open items in byte order of ids: node numbers order like ids.
        std::vector<const DebtItem *> open;
        std::unordered_map<std::string, const DebtItem *> byId;
        for (const DebtItem &item : items) {
            byId.emplace(item.id, &item);
            if (item.status == DebtStatus::Done)
                ++m_plan.doneItems;
            else
                open.push_back(&item);
        }
        std::sort(open.begin(), open.end(), [](const DebtItem *a, const DebtItem *b) { return a->id < b->id; });
        for (const DebtItem *item : open) {
            m_index.emplace(item->id, m_nodes.size());
            Node n;
            n.item = item;
            n.assessment = assessDebtItem(*item, settings, gaps);
            n.effective = n.assessment.priority;
            n.effectiveFrom = m_nodes.size();
            m_nodes.push_back(std::move(n));
        }
        for (size_t v = 0; v < m_nodes.size(); ++v) {
            for (const std::string &dep : m_nodes[v].item->dependsOn) {
                const auto it = m_index.find(dep);
                if (it == m_index.end())
                    continue; // a done item: satisfied
                m_nodes[v].deps.push_back(it->second);
                m_nodes[it->second].dependants.push_back(v);
            }
            std::sort(m_nodes[v].deps.begin(), m_nodes[v].deps.end());
        }
        for (Node &n : m_nodes)
            std::sort(n.dependants.begin(), n.dependants.end());
        for (const std::string &id : graph.topologicalOrder())
            if (const auto it = m_index.find(id); it != m_index.end())
                m_topological.push_back(it->second);
        propagatePriorities();
    }

    Plan run()
    {
        if (!m_plan.capacityWeeks) {
            for (size_t v : m_topological)
                unschedule(v, QStringLiteral("no capacity: set team_size or capacity_weeks"));
            return finish();
        }
        placePins();
        scheduleReady();
        noteConflictingPins();
        return finish();
    }

private:
    // docs/debt-and-roadmap.md#scheduling step 2, over open items only (a done item is not
    // scheduled, so it has no urgency to pass on): dependants before their blockers, so one pass
    // suffices.
    void propagatePriorities()
    {
        for (auto it = m_topological.rbegin(); it != m_topological.rend(); ++it) {
            Node &n = m_nodes[*it];
            for (size_t w : n.dependants)
                if (m_nodes[w].effective > n.effective) {
                    n.effective = m_nodes[w].effective;
                    n.effectiveFrom = m_nodes[w].effectiveFrom;
                }
        }
    }

    // docs/debt-and-roadmap.md#scheduling step 4's choice: highest effective priority, ties by id (node order).
    bool before(size_t a, size_t b) const
    {
        if (m_nodes[a].effective != m_nodes[b].effective)
            return m_nodes[a].effective > m_nodes[b].effective;
        return a < b;
    }

    QString quarterName(int i) const { return formatQuarter(m_plan.quarters[size_t(i)].quarter); }
    double capacity() const { return *m_plan.capacityWeeks; }
    double freeWeeks(int i) const { return capacity() - m_plan.quarters[size_t(i)].usedWeeks; }
    bool fits(int i, double cost) const { return freeWeeks(i) >= cost - kCapacityTolerance; }

    QString hadFree(int i) const
    {
        return QStringLiteral("%1 had %2 of %3 weeks free")
            .arg(quarterName(i), weeks1(std::max(0.0, freeWeeks(i))), weeks1(capacity()));
    }

    QString inheritedNote(size_t v) const
    {
        const Node &n = m_nodes[v];
        if (n.effectiveFrom == v)
            return {};
        return QStringLiteral(" (inherits priority %1 from %2, which depends on it)")
            .arg(formatPriority(n.effective), qs(m_nodes[n.effectiveFrom].item->id));
    }

    void place(size_t v, int q, const QString &reason)
    {
        Node &n = m_nodes[v];
        n.state = State::Placed;
        n.quarter = q;
        PlanQuarter &pq = m_plan.quarters[size_t(q)];
        pq.usedWeeks += n.item->costWeeks;
        PlannedItem p = planned(v);
        p.quarter = pq.quarter;
        p.reason = reason;
        pq.items.push_back(std::move(p));
    }

    void unschedule(size_t v, const QString &reason)
    {
        m_nodes[v].state = State::Unscheduled;
        PlannedItem p = planned(v);
        p.reason = reason;
        m_plan.unscheduled.push_back(std::move(p));
    }

    PlannedItem planned(size_t v) const
    {
        const Node &n = m_nodes[v];
        PlannedItem p;
        p.id = n.item->id;
        p.title = n.item->title;
        p.costWeeks = n.item->costWeeks;
        p.priority = n.assessment.priority;
        p.effectivePriority = n.effective;
        p.priorityFrom = m_nodes[n.effectiveFrom].item->id;
        p.quadrant = n.assessment.quadrant;
        p.pinned = !n.item->pinnedQuarter.empty();
        p.linkedMetrics = n.item->linkedMetrics;
        p.gapFactor = n.assessment.gap.factor;
        p.gapNote = n.assessment.gapNote;
        return p;
    }

    // docs/debt-and-roadmap.md#scheduling step 3. A pin is a commitment: it takes its quarter even
    // when that overbooks it (the reason says by how much); a pin outside the plan's quarters
    // leaves the item unscheduled.
    void placePins()
    {
        std::vector<size_t> pins;
        for (size_t v = 0; v < m_nodes.size(); ++v)
            if (!m_nodes[v].item->pinnedQuarter.empty())
                pins.push_back(v);
        std::sort(pins.begin(), pins.end(), [&](size_t a, size_t b) { return before(a, b); });
        auto quarterIndex = [&](size_t v) {
            const auto q = parseQuarter(qs(m_nodes[v].item->pinnedQuarter));
            const int i = q ? q->index() - m_plan.start.index() : -1;
            return i < m_plan.horizon ? i : -1;
        };
        // Pins inside the plan first, so that no pin is taken for a dependant of one outside it.
        std::vector<size_t> outside;
        for (size_t v : pins) {
            const Node &n = m_nodes[v];
            const QString pin = qs(n.item->pinnedQuarter);
            const int i = quarterIndex(v);
            if (i < 0) {
                outside.push_back(v);
                continue;
            }
            QString reason = QStringLiteral("pinned to %1; %2").arg(pin, hadFree(i));
            const double over = n.item->costWeeks - freeWeeks(i);
            if (over > kCapacityTolerance)
                reason += QStringLiteral("; overbooks %1 by %2 weeks").arg(pin, weeks1(over));
            place(v, i, reason);
        }
        const Quarter last = m_plan.quarters.back().quarter;
        for (size_t v : outside)
            if (m_nodes[v].state == State::Waiting) // not already blocked by another pin outside
                giveUp(v,
                       QStringLiteral("pinned to %1, outside the plan (%2 to %3)")
                           .arg(qs(m_nodes[v].item->pinnedQuarter), formatQuarter(m_plan.start), formatQuarter(last)));
    }

    // docs/debt-and-roadmap.md#scheduling step 4.
    void scheduleReady()
    {
        auto order = [this](size_t a, size_t b) { return before(a, b); };
        std::set<size_t, decltype(order)> ready(order);
        std::vector<size_t> waiting(m_nodes.size(), 0);
        for (size_t v = 0; v < m_nodes.size(); ++v) {
            for (size_t d : m_nodes[v].deps)
                if (m_nodes[d].state != State::Placed)
                    ++waiting[v];
            if (m_nodes[v].state == State::Waiting && waiting[v] == 0)
                ready.insert(v);
        }
        while (!ready.empty()) {
            const size_t v = *ready.begin();
            ready.erase(ready.begin());
            if (!scheduleOne(v))
                continue;
            for (size_t w : m_nodes[v].dependants)
                if (--waiting[w] == 0 && m_nodes[w].state == State::Waiting)
                    ready.insert(w);
        }
    }

    bool scheduleOne(size_t v)
    {
        const Node &n = m_nodes[v];
        const double cost = n.item->costWeeks;
        int earliest = 0;
        size_t waitsFor = v;
        for (size_t d : n.deps) // id order: the first dependency in the latest quarter is named
            if (m_nodes[d].quarter > earliest) {
                earliest = m_nodes[d].quarter;
                waitsFor = d;
            }
        const QString lead = waitsFor == v
            ? QStringLiteral("highest priority ready item")
            : QStringLiteral("waits for %1 (%2)").arg(qs(m_nodes[waitsFor].item->id), quarterName(earliest));
        if (cost > capacity() + kCapacityTolerance) {
            giveUp(v, QStringLiteral("needs %1 weeks, a quarter has %2").arg(weeksText(cost), weeksText(capacity())));
            return false;
        }
        QStringList full;
        for (int i = earliest; i < m_plan.horizon; ++i) {
            if (fits(i, cost)) {
                QString reason = lead + inheritedNote(v);
                if (!full.isEmpty())
                    reason += QStringLiteral("; no room in %1").arg(full.join(QStringLiteral(", ")));
                place(v, i, reason + QStringLiteral("; ") + hadFree(i));
                return true;
            }
            full << QStringLiteral("%1 (%2 weeks free)").arg(quarterName(i), weeks1(std::max(0.0, freeWeeks(i))));
        }
        int roomiest = earliest;
        for (int i = earliest; i < m_plan.horizon; ++i)
            if (freeWeeks(i) > freeWeeks(roomiest))
                roomiest = i;
        QString reason = waitsFor == v ? QString() : lead + QStringLiteral("; ");
        if (earliest == m_plan.horizon - 1)
            reason += QStringLiteral("needs %1 weeks, %2 has only %3 free")
                          .arg(weeksText(cost), quarterName(earliest), weeks1(std::max(0.0, freeWeeks(earliest))));
        else
            reason += QStringLiteral(
                          "needs %1 weeks, no quarter from %2 to %3 has that much free (the most is %4 in %5)")
                          .arg(weeksText(cost), quarterName(earliest), quarterName(m_plan.horizon - 1),
                               weeks1(std::max(0.0, freeWeeks(roomiest))), quarterName(roomiest));
        giveUp(v, reason);
        return false;
    }

    // docs/debt-and-roadmap.md#scheduling step 4: an item that cannot be placed is unscheduled,
    // "and so is everything that depends on it". Its dependants follow it in the list, in
    // dependency order, so that each one's unscheduled blockers are listed before it. Placed pins
    // are not taken back.
    void giveUp(size_t v, const QString &reason)
    {
        unschedule(v, reason);
        std::vector<bool> hit(m_nodes.size(), false);
        std::vector<size_t> stack{v};
        while (!stack.empty()) {
            const size_t u = stack.back();
            stack.pop_back();
            for (size_t w : m_nodes[u].dependants)
                if (!hit[w] && m_nodes[w].state == State::Waiting) {
                    hit[w] = true;
                    stack.push_back(w);
                }
        }
        for (size_t w : m_topological) {
            if (!hit[w])
                continue;
            Node &n = m_nodes[w];
            std::vector<std::string> direct;
            std::set<size_t> cause;
            for (size_t d : n.deps) {
                if (m_nodes[d].state != State::Unscheduled)
                    continue;
                direct.push_back(m_nodes[d].item->id);
                if (m_nodes[d].blocked)
                    cause.insert(m_nodes[d].roots.begin(), m_nodes[d].roots.end());
                else
                    cause.insert(d);
            }
            n.roots.assign(cause.begin(), cause.end());
            std::vector<std::string> rootIds;
            for (size_t r : n.roots)
                rootIds.push_back(m_nodes[r].item->id);
            QString why = QStringLiteral("blocked by unscheduled %1").arg(idList(direct));
            if (rootIds != direct)
                why += QStringLiteral(" (root cause: %1)").arg(idList(rootIds));
            n.blocked = true;
            unschedule(w, why);
        }
    }

    // A pin stays where it is even when what it depends on lands later or not at all; the reason
    // says so, for the lead to move the pin or the work.
    void noteConflictingPins()
    {
        for (PlanQuarter &pq : m_plan.quarters)
            for (PlannedItem &p : pq.items) {
                if (!p.pinned)
                    continue;
                const Node &n = m_nodes[m_index.at(p.id)];
                QStringList conflicts;
                for (size_t d : n.deps) {
                    const Node &dep = m_nodes[d];
                    if (dep.state == State::Unscheduled)
                        conflicts << QStringLiteral("%1 is unscheduled").arg(qs(dep.item->id));
                    else if (dep.quarter > n.quarter)
                        conflicts << QStringLiteral("%1 is only planned for %2")
                                         .arg(qs(dep.item->id), quarterName(dep.quarter));
                }
                if (!conflicts.isEmpty())
                    p.reason += QStringLiteral("; but its dependency %1").arg(conflicts.join(QStringLiteral(", ")));
            }
    }

    // Which gap the plan closes, and when (docs/debt-and-roadmap.md#gaps): every metric with a gap
    // or not measured, its open linked items (node order is id order) and the earliest quarter
    // of one that is scheduled.
    void listGaps()
    {
        if (!m_gaps.evaluated)
            return;
        m_plan.gapsEvaluated = true;
        m_plan.gapWindow = m_gaps.window;
        for (const MetricStanding &s : m_gaps.metrics) {
            if (s.status == Status::Met)
                continue;
            PlanGap g;
            g.metric = s.metric;
            g.status = s.status;
            g.value = s.value;
            g.target = s.target;
            int earliest = -1;
            for (const Node &n : m_nodes) {
                const std::vector<MetricId> &linked = n.item->linkedMetrics;
                if (std::find(linked.begin(), linked.end(), s.metric) == linked.end())
                    continue;
                PlanGap::Item item{n.item->id, std::nullopt};
                if (n.state == State::Placed) {
                    item.quarter = m_plan.quarters[size_t(n.quarter)].quarter;
                    if (earliest < 0 || n.quarter < earliest)
                        earliest = n.quarter;
                }
                g.items.push_back(std::move(item));
            }
            if (earliest >= 0)
                g.addressedIn = m_plan.quarters[size_t(earliest)].quarter;
            else
                m_plan.unaddressedGaps.push_back(s.metric);
            m_plan.gaps.push_back(std::move(g));
        }
    }

    Plan finish()
    {
        listGaps();
        if (m_plan.capacityWeeks) {
            if (m_settings.capacityWeeks)
                m_plan.capacityNote = QStringLiteral("setting capacity_weeks");
            else
                m_plan.capacityNote = QStringLiteral("team_size %1 × 12 weeks × (1 − reserved_ratio %2)")
                                          .arg(*m_settings.teamSize)
                                          .arg(SettingsSchema::formatNumber(m_settings.reservedRatio));
        } else {
            m_plan.capacityNote = QStringLiteral("none: set team_size or capacity_weeks");
        }
        return std::move(m_plan);
    }

    const WorkspaceSettings &m_settings;
    const GapBasis &m_gaps;
    Plan m_plan;
    std::vector<Node> m_nodes;
    std::unordered_map<std::string, size_t> m_index;
    std::vector<size_t> m_topological; // open nodes, blockers first
};

QJsonValue number(std::optional<double> v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QJsonObject itemJson(const PlannedItem &p, bool placed)
{
    QJsonObject o{{QStringLiteral("id"), qs(p.id)}, {QStringLiteral("reason"), p.reason}};
    o.insert(QStringLiteral("title"), qs(p.title));
    o.insert(QStringLiteral("cost_weeks"), p.costWeeks);
    o.insert(QStringLiteral("priority"), priorityToJson(p.priority));
    o.insert(QStringLiteral("effective_priority"), priorityToJson(p.effectivePriority));
    o.insert(QStringLiteral("quadrant"), quadrantName(p.quadrant));
    o.insert(QStringLiteral("linked_metrics"), linkedMetricsJson(p.linkedMetrics));
    o.insert(QStringLiteral("gap_factor"), p.gapFactor);
    o.insert(QStringLiteral("gap_factor_note"), p.gapNote);
    if (placed)
        o.insert(QStringLiteral("pinned"), p.pinned);
    return o;
}

QJsonValue quarterJson(const std::optional<Quarter> &q)
{
    return q ? QJsonValue(formatQuarter(*q)) : QJsonValue(QJsonValue::Null);
}

} // namespace

std::optional<double> PlanQuarter::freeWeeks() const
{
    if (!capacityWeeks)
        return std::nullopt;
    return *capacityWeeks - usedWeeks;
}

std::vector<const PlanGap *> Plan::gapsAddressedIn(const Quarter &quarter) const
{
    std::vector<const PlanGap *> out;
    for (const PlanGap &g : gaps)
        for (const PlanGap::Item &i : g.items)
            if (i.quarter && *i.quarter == quarter) {
                out.push_back(&g);
                break;
            }
    return out;
}

const PlanGap *Plan::findGap(MetricId metric) const
{
    for (const PlanGap &g : gaps)
        if (g.metric == metric)
            return &g;
    return nullptr;
}

const PlannedItem *Plan::find(const std::string &id) const
{
    for (const PlanQuarter &q : quarters)
        for (const PlannedItem &p : q.items)
            if (p.id == id)
                return &p;
    for (const PlannedItem &p : unscheduled)
        if (p.id == id)
            return &p;
    return nullptr;
}

QString Plan::startNote() const
{
    switch (startSource) {
    case StartSource::Explicit: return QStringLiteral("from --start");
    case StartSource::Setting: return QStringLiteral("from the setting roadmap_start");
    case StartSource::AfterAsOf:
        return QStringLiteral("the quarter after as-of %1").arg(asOf ? formatDate(*asOf) : QString());
    }
    return {};
}

Plan scheduleRoadmap(const std::vector<DebtItem> &items, const WorkspaceSettings &settings, Quarter start, int quarters,
                     const GapBasis &gaps)
{
    return Scheduler(items, settings, start, quarters, gaps).run();
}

Plan scheduleRoadmap(const std::vector<DebtItem> &items, const WorkspaceSettings &settings, Quarter start, int quarters)
{
    return scheduleRoadmap(items, settings, start, quarters, GapBasis());
}

Micros defaultAsOf(const Workspace &ws)
{
    const Micros latest = ws.latestEventTime().value_or(QDateTime::currentMSecsSinceEpoch() * 1000);
    return floorToDay(latest) + kMicrosPerDay;
}

Plan planRoadmap(Workspace &ws, const PlanRequest &request)
{
    return planRoadmap(ws, request, GapBasis::load(ws, QDateTime::currentMSecsSinceEpoch() * 1000));
}

Plan planRoadmap(Workspace &ws, const PlanRequest &request, const GapBasis &storedGaps)
{
    const WorkspaceSettings settings = request.overrides.isEmpty()
        ? ws.settings()
        : WhatIf::apply(ws.storedSettings(), request.overrides);
    // Targets (and team_size, through toil_ratio) change the gaps: judge the metrics again.
    const GapBasis gaps = request.overrides.isEmpty() ? storedGaps : storedGaps.withSettings(settings);
    const std::vector<DebtItem> items = DebtStore(ws).items();
    Quarter start;
    Plan::StartSource source;
    std::optional<Micros> asOf;
    if (request.start) {
        start = *request.start;
        source = Plan::StartSource::Explicit;
    } else if (settings.roadmapStart) {
        start = *settings.roadmapStart;
        source = Plan::StartSource::Setting;
    } else {
        asOf = request.asOf ? *request.asOf : defaultAsOf(ws);
        start = quarterOf(*asOf).next();
        source = Plan::StartSource::AfterAsOf;
    }
    Plan plan = scheduleRoadmap(items, settings, start, request.quarters, gaps);
    plan.startSource = source;
    plan.asOf = asOf;
    plan.scenario = request.scenario;
    plan.overrides = request.overrides;
    return plan;
}

QJsonObject toJson(const Plan &plan)
{
    QJsonArray quarters;
    for (const PlanQuarter &q : plan.quarters) {
        QJsonArray items;
        for (const PlannedItem &p : q.items)
            items.append(itemJson(p, true));
        quarters.append(QJsonObject{{QStringLiteral("quarter"), formatQuarter(q.quarter)},
                                    {QStringLiteral("capacity_weeks"), number(q.capacityWeeks)},
                                    {QStringLiteral("used_weeks"), q.usedWeeks},
                                    {QStringLiteral("free_weeks"), number(q.freeWeeks())},
                                    {QStringLiteral("items"), items}});
    }
    QJsonArray unscheduled;
    for (const PlannedItem &p : plan.unscheduled)
        unscheduled.append(itemJson(p, false));
    QJsonArray path;
    for (const std::string &id : plan.criticalPath.ids)
        path.append(qs(id));
    QJsonArray gaps;
    for (const PlanGap &g : plan.gaps) {
        QJsonArray items;
        for (const PlanGap::Item &i : g.items)
            items.append(
                QJsonObject{{QStringLiteral("id"), qs(i.id)}, {QStringLiteral("quarter"), quarterJson(i.quarter)}});
        gaps.append(QJsonObject{{QStringLiteral("metric"), MetricCatalogue::idText(g.metric)},
                                {QStringLiteral("status"), MetricCatalogue::statusId(g.status)},
                                {QStringLiteral("items"), items},
                                {QStringLiteral("addressed_in"), quarterJson(g.addressedIn)}});
    }
    QJsonArray unaddressed;
    for (MetricId m : plan.unaddressedGaps)
        unaddressed.append(MetricCatalogue::idText(m));
    QJsonObject o{{QStringLiteral("start"), formatQuarter(plan.start)},
                  {QStringLiteral("capacity_weeks"), number(plan.capacityWeeks)},
                  {QStringLiteral("quarters"), quarters},
                  {QStringLiteral("unscheduled"), unscheduled},
                  {QStringLiteral("critical_path"), path},
                  {QStringLiteral("critical_path_weeks"), plan.criticalPath.totalCostWeeks},
                  {QStringLiteral("gaps"), gaps},
                  {QStringLiteral("unaddressed_gaps"), unaddressed}};
    if (!plan.scenario.isEmpty() || !plan.overrides.isEmpty()) {
        o.insert(QStringLiteral("scenario"),
                 plan.scenario.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(plan.scenario));
        o.insert(QStringLiteral("overrides"), WhatIf::toJson(plan.overrides));
    }
    return o;
}

QString planToText(const Plan &plan)
{
    QString out;
    const Quarter last = plan.quarters.back().quarter;
    out += QStringLiteral("Roadmap %1 to %2 (%3 quarters; start %4)\n")
               .arg(formatQuarter(plan.start), formatQuarter(last))
               .arg(plan.horizon)
               .arg(plan.startNote());
    if (!plan.overrides.isEmpty())
        out += plan.scenario.isEmpty()
            ? QStringLiteral("What-if: %1 (nothing saved)\n").arg(WhatIf::toText(plan.overrides))
            : QStringLiteral("Scenario \"%1\": %2\n").arg(plan.scenario, WhatIf::toText(plan.overrides));
    if (plan.capacityWeeks)
        out += QStringLiteral("Capacity %1 engineer-weeks per quarter (%2)\n")
                   .arg(weeksText(*plan.capacityWeeks), plan.capacityNote);
    else
        out += QStringLiteral("Capacity: %1\n").arg(plan.capacityNote);
    if (plan.doneItems > 0)
        out += QStringLiteral("%1 done item%2 not scheduled\n")
                   .arg(plan.doneItems)
                   .arg(plan.doneItems == 1 ? QString() : QStringLiteral("s"));

    auto itemBlock = [](const PlannedItem &p, bool withCost) {
        // One line each, whatever the register holds (docs/hostile-input.md#text).
        QString line
            = QStringLiteral("  %1  %2\n").arg(hygiene::escapeControls(qs(p.id)), hygiene::escapeControls(qs(p.title)));
        if (withCost) {
            QString figures
                = QStringLiteral("%1 weeks, priority %2").arg(weeks1(p.costWeeks), formatPriority(p.priority));
            if (p.priorityFrom != p.id)
                figures += QStringLiteral(" (effective %1)").arg(formatPriority(p.effectivePriority));
            figures += QStringLiteral(", %1").arg(quadrantName(p.quadrant));
            if (p.pinned)
                figures += QStringLiteral(", pinned");
            line += QStringLiteral("      %1\n").arg(figures);
        }
        if (!p.gapNote.isEmpty())
            line += QStringLiteral("      gap factor %1\n").arg(p.gapNote);
        line += QStringLiteral("      %1\n").arg(p.reason);
        return line;
    };
    auto gapNames = [](const std::vector<const PlanGap *> &gaps) {
        QStringList names;
        for (const PlanGap *g : gaps)
            names << metricPhrase(g->metric);
        return names.join(QStringLiteral(", "));
    };

    for (const PlanQuarter &q : plan.quarters) {
        out += u'\n';
        if (q.capacityWeeks) {
            const double free = *q.freeWeeks();
            out += QStringLiteral("%1: %2 of %3 weeks used, %4\n")
                       .arg(formatQuarter(q.quarter), weeks1(q.usedWeeks), weeks1(*q.capacityWeeks),
                            free < -kCapacityTolerance ? QStringLiteral("overbooked by %1").arg(weeks1(-free))
                                                       : QStringLiteral("%1 free").arg(weeks1(std::max(0.0, free))));
        } else {
            out += QStringLiteral("%1: no capacity\n").arg(formatQuarter(q.quarter));
        }
        if (q.items.empty())
            out += QStringLiteral("  (nothing planned)\n");
        for (const PlannedItem &p : q.items)
            out += itemBlock(p, true);
        if (const auto addressed = plan.gapsAddressedIn(q.quarter); !addressed.empty())
            out += QStringLiteral("  addresses: %1\n").arg(gapNames(addressed));
    }

    out += QStringLiteral("\nUnscheduled: %1\n")
               .arg(plan.unscheduled.empty() ? QStringLiteral("none") : QString::number(plan.unscheduled.size()));
    for (const PlannedItem &p : plan.unscheduled)
        out += itemBlock(p, true);

    if (plan.gapsEvaluated) {
        out += QStringLiteral("\nGaps (metrics of the %1 days to %2): %3\n")
                   .arg(plan.gapWindow.days)
                   .arg(formatDate(plan.gapWindow.asOf))
                   .arg(plan.gaps.empty() ? QStringLiteral("none, every metric meets its target")
                                          : QString::number(plan.gaps.size()));
        for (const PlanGap &g : plan.gaps) {
            const Unit unit = MetricCatalogue::def(g.metric).unit;
            const QString standing = g.value
                ? QStringLiteral("%1 against %2")
                      .arg(formatMetricValue(*g.value, unit), formatMetricValue(g.target, unit))
                : QStringLiteral("not measured");
            QStringList work;
            for (const PlanGap::Item &i : g.items)
                work << QStringLiteral("%1 (%2)").arg(
                    qs(i.id), i.quarter ? formatQuarter(*i.quarter) : QStringLiteral("unscheduled"));
            out += QStringLiteral("  %1, %2: %3\n")
                       .arg(metricPhrase(g.metric), standing,
                            g.addressedIn ? QStringLiteral("addressed in %1 by %2")
                                                .arg(formatQuarter(*g.addressedIn), shortList(work, 20))
                                : work.isEmpty() ? QStringLiteral("no work planned (no open item is linked to it)")
                                                 : QStringLiteral("no work planned (%1)").arg(shortList(work, 20)));
        }
        QStringList unaddressed;
        for (MetricId m : plan.unaddressedGaps)
            unaddressed << metricPhrase(m);
        out += QStringLiteral("Unaddressed gaps: %1\n")
                   .arg(unaddressed.isEmpty() ? QStringLiteral("none") : unaddressed.join(QStringLiteral(", ")));
    }

    if (plan.criticalPath.ids.empty())
        out += QStringLiteral("\nCritical path: none (no open items)\n");
    else {
        QStringList ids;
        for (const std::string &id : plan.criticalPath.ids)
            ids << qs(id);
        out += QStringLiteral("\nCritical path (%1 weeks): %2\n")
                   .arg(weeks1(plan.criticalPath.totalCostWeeks), ids.join(QStringLiteral(" -> ")));
    }
    return out;
}

} // namespace srm
