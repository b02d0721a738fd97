// The figures docs/debt-and-roadmap.md#two-quadrants derives for each operational debt item: the
// toil/cost quadrant (thresholds from settings), Fowler's quadrant, value, cost in hours, priority
// with the theme weight and the gap factor of its linked metrics (gapfactor.h), payback in
// quarters, and the rank. Pure functions of a DebtItem, the WorkspaceSettings and the default
// window's metrics (GapBasis); the debt view, the scheduler (roadmap.h) and the PDF all read these,
// so the numbers agree everywhere. docs/debt-and-roadmap.md explains each figure with a worked
// example.
#pragma once

#include "planning/gapfactor.h"
#include "store/records.h"
#include "store/settings.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <string>
#include <vector>

namespace srm {

// docs/debt-and-roadmap.md's table: rows high/low cost, columns small/large toil pile.
enum class ToilCostQuadrant {
    Defer,           // high cost, small toil pile
    AlligatorVSwamp, // high cost, large toil pile
    NoBrainer,       // low cost, small toil pile
    LowHangingFruit, // low cost, large toil pile
};

// "Defer", "Alligator v. swamp", "No brainer", "Low-hanging fruit" (the names in JSON).
QString quadrantName(ToilCostQuadrant q);
// docs/debt-and-roadmap.md's captions for display: "Defer (perhaps forever?)", "Alligator v. swamp (may need
// intervention)", "No brainer (but also no pressure)", "Low-hanging fruit (also quite rare)".
QString quadrantCaption(ToilCostQuadrant q);
std::optional<ToilCostQuadrant> quadrantFromName(QStringView name);

// Large toil pile: toil_hours_per_week >= quadrant.toil_hours; high cost: cost_weeks >=
// quadrant.cost_weeks (a value exactly at a threshold counts as large / high).
ToilCostQuadrant toilCostQuadrant(double toilHoursPerWeek, double costWeeks, const WorkspaceSettings &settings);

// Fowler's technical debt quadrant: how the debt arose.
enum class FowlerQuadrant { CarelessIntentional, CarefulIntentional, CarelessUnintentional, CarefulUnintentional };

std::optional<FowlerQuadrant> fowlerFromId(QStringView id); // "careless-intentional"... (case-insensitive)
QString fowlerId(FowlerQuadrant f);
QString fowlerName(FowlerQuadrant f);    // "Careless and intentional"
QString fowlerExample(FowlerQuadrant f); // docs/debt-and-roadmap.md's example, e.g. "what's a runbook?"
bool isCareful(FowlerQuadrant f);
bool isIntentional(FowlerQuadrant f);

struct DebtAssessment
{
    std::string id;
    bool open = true; // status != done
    ToilCostQuadrant quadrant = ToilCostQuadrant::NoBrainer;
    std::optional<FowlerQuadrant> fowler; // nullopt when the item names none
    double value = 0;                     // toil × 13 + 8 × likelihood × impact (hours a quarter)
    double costHours = 0;                 // cost_weeks × 40
    double weight = 1;                    // weight.<theme>; 1 for no theme
    GapFactor gap;                        // 1 + the largest relative gap of its linked metrics
    QString gapNote;                      // gapFactorText(): "× 1.24: linked to ..."; empty without links
    // value ÷ cost_hours × weight × gap factor. A zero-cost item has +infinity: value is at least
    // 8 (likelihood and impact are at least 1), so free work comes before everything else (JSON: null).
    double priority = 0;
    std::optional<double> paybackQuarters; // cost_hours ÷ (toil × 13); nullopt without toil
    std::optional<int> rank;               // 1-based among open items; nullopt for done items
};

// The figures of one item (rank unset). `gaps` holds the default window's metrics; a basis that
// was never evaluated (the default) gives every item a gap factor of 1, for tests of the other
// figures alone.
DebtAssessment assessDebtItem(const DebtItem &item, const WorkspaceSettings &settings, const GapBasis &gaps = {});

// Every item of the register, in register order, with the rank filled in: open items by priority
// descending, ties by id ascending in byte order ("OPS-10" before "OPS-2"). Done items are not ranked.
std::vector<DebtAssessment> assessDebt(const std::vector<DebtItem> &items, const WorkspaceSettings &settings,
                                       const GapBasis &gaps = {});

// The ranking order of docs/debt-and-roadmap.md#value-cost-priority-and-payback (priority
// descending, then id in byte order).
bool rankedBefore(double priorityA, const std::string &idA, double priorityB, const std::string &idB);

// A priority for JSON: a number, or null for a zero-cost item's infinity.
QJsonValue priorityToJson(double priority);
// "1.85", or "free" for a zero-cost item.
QString formatPriority(double priority);

// {"id", "quadrant", "quadrant_caption", "fowler", "value", "cost_hours", "weight", "linked_metrics",
//  "gap_factor", "gap_factor_note", "priority", "payback_quarters", "rank"}
QJsonObject toJson(const DebtAssessment &a);
// ["change_failure_rate", ...]
QJsonArray linkedMetricsJson(const std::vector<MetricId> &ids);

} // namespace srm
