// The dependency graph of the operational debt register
// (docs/debt-and-roadmap.md#scheduling step 1), built with Boost.Graph: one vertex per item, an
// edge from each dependency (the blocker) to the item that depends on it. It finds the register's
// problems (a dependency on an unknown id, cycles, duplicate ids), gives a topological order, what
// each item blocks and what blocks it, and the critical path. The scheduler, the debt and roadmap
// views and the PDF read it; it never throws from the constructor, so a view can show the problems;
// check() turns them into an InputError (exit 2).
#pragma once

#include "store/records.h"

#include <QJsonObject>
#include <QString>

#include <memory>
#include <string>
#include <vector>

namespace srm {

struct UnknownDependency
{
    std::string item;    // the item that names it
    std::string missing; // the id no item has
};

struct DependencyCycle
{
    // The members in order: members[0] depends on members[1], ..., the last depends on
    // members[0]. Starts at the member smallest in byte order; the shortest such cycle.
    std::vector<std::string> members;
    // Every item of the strongly connected component (byte order): when cycles interlock, the
    // ones not on `members` are here too.
    std::vector<std::string> component;
    // "dependency cycle: OPS-1 -> OPS-3 -> OPS-2 -> OPS-1" (+ the other entangled items).
    QString message() const;
};

struct CriticalPath
{
    std::vector<std::string> ids; // blocker first
    double totalCostWeeks = 0;
};

class DebtGraph
{
public:
    explicit DebtGraph(const std::vector<DebtItem> &items);
    ~DebtGraph();
    DebtGraph(const DebtGraph &) = delete;
    DebtGraph &operator=(const DebtGraph &) = delete;

    // Problems; each list is in byte order of item ids.
    const std::vector<UnknownDependency> &unknownDependencies() const { return m_unknown; }
    const std::vector<DependencyCycle> &cycles() const { return m_cycles; }
    const std::vector<std::string> &duplicateIds() const { return m_duplicates; }
    bool isValid() const { return m_unknown.empty() && m_cycles.empty() && m_duplicates.empty(); }
    // Every problem, one per line ("OPS-4 depends on unknown OPS-99", "dependency cycle: ...").
    QString problems() const;
    // Throws InputError(problems()) unless valid.
    void check() const;

    bool contains(const std::string &id) const;
    // Every item, blockers before the items that depend on them; among items free to go next,
    // byte order of ids. Items on a cycle, or behind one, are left out (they have no such order).
    std::vector<std::string> topologicalOrder() const;
    // Direct relations, byte order. Unknown ids are not in the graph and not listed.
    std::vector<std::string> blockers(const std::string &id) const; // what it depends on
    std::vector<std::string> blocks(const std::string &id) const;   // what depends on it
    // Transitive closures, byte order.
    std::vector<std::string> allBlockers(const std::string &id) const;
    std::vector<std::string> allBlocked(const std::string &id) const;

    // docs/debt-and-roadmap.md: the chain of dependencies among items that are not done with the largest total
    // cost_weeks; ties (within 1e-9 weeks) go to the lexicographically smallest id list. Blocker
    // first. Empty when no item is open. Needs a valid graph (throws InputError otherwise).
    CriticalPath criticalPath() const;

    // {"unknown_dependencies": [{"item", "missing"}], "cycles": [[...]], "duplicate_ids": [...]}
    QJsonObject problemsToJson() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    std::vector<UnknownDependency> m_unknown;
    std::vector<DependencyCycle> m_cycles;
    std::vector<std::string> m_duplicates;
};

} // namespace srm
