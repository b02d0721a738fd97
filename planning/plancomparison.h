// A what-if plan against the baseline (docs/debt-and-roadmap.md#scenarios): which items move into
// the plan, out of it or to another quarter, and which gaps become addressed (or sooner, later,
// no longer). Pure: two Plans in, the differences out. The roadmap view's comparison and the
// PDF's Options page show these, so the window and the report tell the same story.
#pragma once

#include "planning/roadmap.h"

#include <optional>
#include <string>
#include <vector>

namespace srm {

struct ItemMove
{
    enum class Kind { MovesIn, Earlier, Later, MovesOut };
    std::string id;
    std::string title;
    std::optional<Quarter> from; // the baseline's quarter (nullopt: unscheduled)
    std::optional<Quarter> to;   // the scenario's
    Kind kind = Kind::MovesIn;
};

struct GapChange
{
    enum class Kind {
        BecomesAddressed, // no work planned in the baseline, some in the scenario
        Earlier,          // addressed sooner
        Later,
        NoLongerAddressed,
        NoLongerAGap, // met under the scenario's settings (a target, or team_size for toil_ratio)
        NewGap,       // a gap only under the scenario's settings
    };
    MetricId metric = MetricId::DeploymentFrequency;
    std::optional<Quarter> from; // addressed_in of the baseline
    std::optional<Quarter> to;   // addressed_in of the scenario
    Kind kind = Kind::BecomesAddressed;
};

struct PlanComparison
{
    std::vector<ItemMove> moves; // by kind (in, earlier, later, out), then id
    std::vector<GapChange> gaps; // catalogue order
    int scheduledBefore = 0;     // items scheduled in the baseline
    int scheduledAfter = 0;
    bool same() const { return moves.empty() && gaps.empty(); }
};

PlanComparison comparePlans(const Plan &baseline, const Plan &scenario);

// "moves in (2027Q3)", "2027Q2 → 2027Q1 (earlier)", "moves out (was 2027Q4)".
QString moveText(const ItemMove &move);
// "becomes addressed in 2027Q2", "sooner: 2027Q1 instead of 2027Q3", "later: ...", "no longer
// addressed (was 2027Q2)", "met under the scenario", "a gap under the scenario (addressed in 2027Q2)".
QString gapChangeText(const GapChange &change);

// Items scheduled in each quarter of a plan and the weeks they take: "3 items, 22.0 weeks".
QString deliveredText(const PlanQuarter &quarter);

// A list that stays readable however long the register: the first `max` entries joined by
// `separator`, then "and 12 more".
QString shortList(const QStringList &entries, qsizetype max = 12, const QString &separator = QStringLiteral(", "));

} // namespace srm
