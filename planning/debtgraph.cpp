#include "planning/debtgraph.h"

#include "store/workspace.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>

#include <algorithm>
#include <cmath>
#include <deque>
#include <functional>
#include <limits>
#include <queue>
#include <unordered_map>

namespace srm {

namespace {

// Edge u -> v: v depends on u (u blocks v). Vertices are the items in byte order of their ids,
// so vertex numbers order like ids and every "ties by id" rule is a comparison of numbers.
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;
using Vertex = Graph::vertex_descriptor;

constexpr double kCostTolerance = 1e-9; // weeks; sums of costs that differ by less are equal

QString ids(const std::vector<std::string> &list, QStringView separator)
{
    QStringList out;
    for (const std::string &id : list)
        out << QString::fromStdString(id);
    return out.join(separator);
}

} // namespace

QString DependencyCycle::message() const
{
    std::vector<std::string> loop = members;
    loop.push_back(members.front());
    QString text = QStringLiteral("dependency cycle: ") + ids(loop, u" -> ");
    std::vector<std::string> others;
    for (const std::string &id : component)
        if (std::find(members.begin(), members.end(), id) == members.end())
            others.push_back(id);
    if (!others.empty())
        text += QStringLiteral(" (interlocked with %1)").arg(ids(others, u", "));
    return text;
}

struct DebtGraph::Impl
{
    std::vector<DebtItem> items; // vertex order: byte order of ids
    std::unordered_map<std::string, Vertex> index;
    Graph graph;

    std::vector<Vertex> sortedBlockers(Vertex v) const
    {
        std::vector<Vertex> out;
        for (auto [e, end] = boost::in_edges(v, graph); e != end; ++e)
            out.push_back(boost::source(*e, graph));
        std::sort(out.begin(), out.end());
        return out;
    }

    std::vector<Vertex> sortedBlocked(Vertex v) const
    {
        std::vector<Vertex> out;
        for (auto [e, end] = boost::out_edges(v, graph); e != end; ++e)
            out.push_back(boost::target(*e, graph));
        std::sort(out.begin(), out.end());
        return out;
    }

    std::vector<std::string> names(const std::vector<Vertex> &vs) const
    {
        std::vector<std::string> out;
        out.reserve(vs.size());
        for (Vertex v : vs)
            out.push_back(items[v].id);
        return out;
    }

    // Kahn's algorithm with a min-heap, so that among items whose blockers are all listed the
    // smallest id comes next (boost::topological_sort gives a valid order but not this one).
    std::vector<Vertex> topological() const
    {
        const size_t n = boost::num_vertices(graph);
        std::vector<size_t> waiting(n);
        std::priority_queue<Vertex, std::vector<Vertex>, std::greater<>> ready;
        for (Vertex v = 0; v < n; ++v) {
            waiting[v] = boost::in_degree(v, graph);
            if (waiting[v] == 0)
                ready.push(v);
        }
        std::vector<Vertex> order;
        while (!ready.empty()) {
            const Vertex v = ready.top();
            ready.pop();
            order.push_back(v);
            for (auto [e, end] = boost::out_edges(v, graph); e != end; ++e)
                if (--waiting[boost::target(*e, graph)] == 0)
                    ready.push(boost::target(*e, graph));
        }
        return order;
    }

    // Shortest cycle through `start` along "depends on" edges inside one component, found
    // breadth-first with blockers visited in id order: deterministic, and short enough to read.
    std::vector<Vertex> cycleThrough(Vertex start, const std::vector<int> &component) const
    {
        std::unordered_map<Vertex, Vertex> parent;
        std::deque<Vertex> queue{start};
        parent.emplace(start, start);
        while (!queue.empty()) {
            const Vertex v = queue.front();
            queue.pop_front();
            for (Vertex u : sortedBlockers(v)) {
                if (component[u] != component[start])
                    continue;
                if (u == start) {
                    std::vector<Vertex> path;
                    for (Vertex w = v; w != start; w = parent.at(w))
                        path.push_back(w);
                    path.push_back(start);
                    std::reverse(path.begin(), path.end());
                    return path;
                }
                if (parent.emplace(u, v).second)
                    queue.push_back(u);
            }
        }
        return {start}; // not reached: every vertex of a cyclic component lies on a cycle
    }

    std::vector<std::string> closure(Vertex from, bool forward) const
    {
        std::vector<bool> seen(boost::num_vertices(graph), false);
        std::vector<Vertex> stack{from};
        while (!stack.empty()) {
            const Vertex v = stack.back();
            stack.pop_back();
            for (Vertex w : forward ? sortedBlocked(v) : sortedBlockers(v))
                if (!seen[w]) {
                    seen[w] = true;
                    stack.push_back(w);
                }
        }
        std::vector<Vertex> out;
        for (Vertex v = 0; v < seen.size(); ++v)
            if (seen[v] && v != from)
                out.push_back(v);
        return names(out);
    }
};

DebtGraph::DebtGraph(const std::vector<DebtItem> &items) : m_impl(std::make_unique<Impl>())
{
    Impl &g = *m_impl;
    g.items = items;
    std::stable_sort(g.items.begin(), g.items.end(), [](const DebtItem &a, const DebtItem &b) { return a.id < b.id; });
    // A duplicated id keeps its first row (register order); the others are reported.
    auto dup = std::unique(g.items.begin(), g.items.end(), [&](const DebtItem &a, const DebtItem &b) {
        if (a.id != b.id)
            return false;
        if (m_duplicates.empty() || m_duplicates.back() != a.id)
            m_duplicates.push_back(a.id);
        return true;
    });
    g.items.erase(dup, g.items.end());

    g.graph = Graph(g.items.size());
    for (Vertex v = 0; v < g.items.size(); ++v)
        g.index.emplace(g.items[v].id, v);
    for (Vertex v = 0; v < g.items.size(); ++v) {
        for (const std::string &dep : g.items[v].dependsOn) {
            const auto it = g.index.find(dep);
            if (it == g.index.end()) {
                m_unknown.push_back({g.items[v].id, dep});
                continue;
            }
            if (!boost::edge(it->second, v, g.graph).second)
                boost::add_edge(it->second, v, g.graph);
        }
    }

    std::vector<int> component(g.items.size());
    const int count = g.items.empty()
        ? 0
        : int(boost::strong_components(
            g.graph, boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, g.graph))));
    std::vector<std::vector<Vertex>> members(static_cast<size_t>(count));
    for (Vertex v = 0; v < g.items.size(); ++v)
        members[size_t(component[v])].push_back(v);
    for (const std::vector<Vertex> &c : members) {
        const Vertex first = c.front(); // smallest id: vertices were added in order
        if (c.size() == 1 && !boost::edge(first, first, g.graph).second)
            continue;
        DependencyCycle cycle;
        cycle.members = g.names(g.cycleThrough(first, component));
        cycle.component = g.names(c);
        m_cycles.push_back(std::move(cycle));
    }
    std::sort(m_cycles.begin(), m_cycles.end(),
              [](const DependencyCycle &a, const DependencyCycle &b) { return a.members.front() < b.members.front(); });
}

DebtGraph::~DebtGraph() = default;

QString DebtGraph::problems() const
{
    QStringList lines;
    for (const std::string &id : m_duplicates)
        lines << QStringLiteral("duplicate item id %1").arg(QString::fromStdString(id));
    for (const UnknownDependency &u : m_unknown)
        lines << QStringLiteral("%1 depends on unknown %2")
                     .arg(QString::fromStdString(u.item), QString::fromStdString(u.missing));
    for (const DependencyCycle &c : m_cycles)
        lines << c.message();
    return lines.join(u'\n');
}

void DebtGraph::check() const
{
    if (!isValid())
        throw InputError(problems());
}

bool DebtGraph::contains(const std::string &id) const
{
    return m_impl->index.contains(id);
}

std::vector<std::string> DebtGraph::topologicalOrder() const
{
    return m_impl->names(m_impl->topological());
}

std::vector<std::string> DebtGraph::blockers(const std::string &id) const
{
    const auto it = m_impl->index.find(id);
    return it == m_impl->index.end() ? std::vector<std::string>{} : m_impl->names(m_impl->sortedBlockers(it->second));
}

std::vector<std::string> DebtGraph::blocks(const std::string &id) const
{
    const auto it = m_impl->index.find(id);
    return it == m_impl->index.end() ? std::vector<std::string>{} : m_impl->names(m_impl->sortedBlocked(it->second));
}

std::vector<std::string> DebtGraph::allBlockers(const std::string &id) const
{
    const auto it = m_impl->index.find(id);
    return it == m_impl->index.end() ? std::vector<std::string>{} : m_impl->closure(it->second, false);
}

std::vector<std::string> DebtGraph::allBlocked(const std::string &id) const
{
    const auto it = m_impl->index.find(id);
    return it == m_impl->index.end() ? std::vector<std::string>{} : m_impl->closure(it->second, true);
}

CriticalPath DebtGraph::criticalPath() const
{
    check();
    const Impl &g = *m_impl;
    auto open = [&](Vertex v) { return g.items[v].status != DebtStatus::Done; };
    // best chain from v (v first, then what depends on it): its cost and the vertex after v.
    // Linear in memory: a chain is its head and a link to the best chain of its successor,
    // not a copy of the path (a 20,000-item chain once took 3 GB that way).
    //
    // Ties between chains go to the lexicographically smallest id list. Every comparison
    // made here is between chains with different heads (the best chains of two blocked items,
    // or the chain at v against the best so far, which starts elsewhere), so the lists differ
    // at their first element and comparing heads decides; a chain beats stopping (the empty
    // list, which sorts first) only by costing more.
    constexpr Vertex kNone = std::numeric_limits<Vertex>::max();
    struct Chain
    {
        double cost = 0;
        Vertex head = kNone; // kNone: the empty chain
    };
    auto better = [](const Chain &a, const Chain &b) {
        if (std::abs(a.cost - b.cost) > kCostTolerance)
            return a.cost > b.cost;
        if (b.head == kNone || a.head == kNone)
            return false; // the empty list sorts first: it wins a tie, and nothing ties with it twice
        return a.head < b.head;
    };
    const std::vector<Vertex> order = g.topological();
    const std::size_t n = boost::num_vertices(g.graph);
    std::vector<double> cost(n, 0);
    std::vector<Vertex> next(n, kNone);
    Chain overall;
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        const Vertex v = *it;
        if (!open(v))
            continue;
        Chain follow; // stopping at v
        for (Vertex w : g.sortedBlocked(v))
            if (open(w) && better(Chain{cost[w], w}, follow))
                follow = Chain{cost[w], w};
        cost[v] = g.items[v].costWeeks + follow.cost;
        next[v] = follow.head;
        const Chain mine{cost[v], v};
        if (overall.head == kNone || better(mine, overall))
            overall = mine;
    }
    std::vector<Vertex> path;
    for (Vertex v = overall.head; v != kNone; v = next[v])
        path.push_back(v);
    return {g.names(path), overall.cost};
}

QJsonObject DebtGraph::problemsToJson() const
{
    QJsonArray unknown;
    for (const UnknownDependency &u : m_unknown)
        unknown.append(QJsonObject{{QStringLiteral("item"), QString::fromStdString(u.item)},
                                   {QStringLiteral("missing"), QString::fromStdString(u.missing)}});
    QJsonArray cycles;
    for (const DependencyCycle &c : m_cycles) {
        QJsonArray members;
        for (const std::string &id : c.members)
            members.append(QString::fromStdString(id));
        cycles.append(members);
    }
    QJsonArray duplicates;
    for (const std::string &id : m_duplicates)
        duplicates.append(QString::fromStdString(id));
    return {{QStringLiteral("unknown_dependencies"), unknown},
            {QStringLiteral("cycles"), cycles},
            {QStringLiteral("duplicate_ids"), duplicates}};
}

} // namespace srm
