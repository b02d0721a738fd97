#include "planning/debt.h"

#include "store/metriccatalogue.h"

#include <QJsonValue>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace srm {

namespace {

struct QuadrantText
{
    ToilCostQuadrant quadrant;
    const char *name;
    const char *caption;
};

constexpr QuadrantText kQuadrants[] = {
    {ToilCostQuadrant::Defer, "Defer", "Defer (perhaps forever?)"},
    {ToilCostQuadrant::AlligatorVSwamp, "Alligator v. swamp", "Alligator v. swamp (may need intervention)"},
    {ToilCostQuadrant::NoBrainer, "No brainer", "No brainer (but also no pressure)"},
    {ToilCostQuadrant::LowHangingFruit, "Low-hanging fruit", "Low-hanging fruit (also quite rare)"},
};

struct FowlerText
{
    FowlerQuadrant fowler;
    const char *id;
    const char *name;
    const char *example;
};

constexpr FowlerText kFowler[] = {
    {FowlerQuadrant::CarelessIntentional, "careless-intentional", "Careless and intentional",
     "a brittle manual workaround to hit the deadline"},
    {FowlerQuadrant::CarefulIntentional, "careful-intentional", "Careful and intentional",
     "defer the work until a growth benchmark"},
    {FowlerQuadrant::CarelessUnintentional, "careless-unintentional", "Careless and unintentional",
     "what's a runbook?"},
    {FowlerQuadrant::CarefulUnintentional, "careful-unintentional", "Careful and unintentional",
     "we discovered it's already in production"},
};

const QuadrantText &quadrantText(ToilCostQuadrant q)
{
    return kQuadrants[int(q)];
}

const FowlerText &fowlerText(FowlerQuadrant f)
{
    return kFowler[int(f)];
}

} // namespace

QString quadrantName(ToilCostQuadrant q)
{
    return QString::fromLatin1(quadrantText(q).name);
}

QString quadrantCaption(ToilCostQuadrant q)
{
    return QString::fromLatin1(quadrantText(q).caption);
}

std::optional<ToilCostQuadrant> quadrantFromName(QStringView name)
{
    for (const QuadrantText &t : kQuadrants)
        if (name.compare(QLatin1StringView(t.name), Qt::CaseInsensitive) == 0)
            return t.quadrant;
    return std::nullopt;
}

ToilCostQuadrant toilCostQuadrant(double toilHoursPerWeek, double costWeeks, const WorkspaceSettings &settings)
{
    const bool largeToil = toilHoursPerWeek >= settings.quadrantToilHours;
    const bool highCost = costWeeks >= settings.quadrantCostWeeks;
    if (highCost)
        return largeToil ? ToilCostQuadrant::AlligatorVSwamp : ToilCostQuadrant::Defer;
    return largeToil ? ToilCostQuadrant::LowHangingFruit : ToilCostQuadrant::NoBrainer;
}

std::optional<FowlerQuadrant> fowlerFromId(QStringView id)
{
    for (const FowlerText &t : kFowler)
        if (id.trimmed().compare(QLatin1StringView(t.id), Qt::CaseInsensitive) == 0)
            return t.fowler;
    return std::nullopt;
}

QString fowlerId(FowlerQuadrant f)
{
    return QString::fromLatin1(fowlerText(f).id);
}

QString fowlerName(FowlerQuadrant f)
{
    return QString::fromLatin1(fowlerText(f).name);
}

QString fowlerExample(FowlerQuadrant f)
{
    return QString::fromLatin1(fowlerText(f).example);
}

bool isCareful(FowlerQuadrant f)
{
    return f == FowlerQuadrant::CarefulIntentional || f == FowlerQuadrant::CarefulUnintentional;
}

bool isIntentional(FowlerQuadrant f)
{
    return f == FowlerQuadrant::CarelessIntentional || f == FowlerQuadrant::CarefulIntentional;
}

DebtAssessment assessDebtItem(const DebtItem &item, const WorkspaceSettings &settings, const GapBasis &gaps)
{
    DebtAssessment a;
    a.id = item.id;
    a.open = item.status != DebtStatus::Done;
    a.quadrant = toilCostQuadrant(item.toilHoursPerWeek, item.costWeeks, settings);
    a.fowler = fowlerFromId(QString::fromStdString(item.fowler));
    // The operations in docs/debt-and-roadmap.md's order, so that results agree to the last bit with any other
    // IEEE-754 implementation of the same formulas (ties in the ranking depend on it).
    const double toilPerQuarter = item.toilHoursPerWeek * 13;
    a.value = toilPerQuarter + 8.0 * item.riskLikelihood * item.riskImpact;
    a.costHours = item.costWeeks * 40;
    a.weight = settings.weight(MetricCatalogue::themeIdOrEmpty(item.theme));
    a.gap = gapFactor(item.linkedMetrics, gaps);
    a.gapNote = gapFactorText(a.gap, gaps);
    a.priority = a.costHours > 0 ? a.value / a.costHours * a.weight * a.gap.factor
                                 : std::numeric_limits<double>::infinity();
    if (toilPerQuarter > 0)
        a.paybackQuarters = a.costHours / toilPerQuarter;
    return a;
}

bool rankedBefore(double priorityA, const std::string &idA, double priorityB, const std::string &idB)
{
    if (priorityA != priorityB)
        return priorityA > priorityB;
    return idA < idB; // std::string compares as unsigned bytes: UTF-8 byte order
}

std::vector<DebtAssessment> assessDebt(const std::vector<DebtItem> &items, const WorkspaceSettings &settings,
                                       const GapBasis &gaps)
{
    std::vector<DebtAssessment> out;
    out.reserve(items.size());
    for (const DebtItem &item : items)
        out.push_back(assessDebtItem(item, settings, gaps));
    std::vector<size_t> order(out.size());
    std::iota(order.begin(), order.end(), size_t(0));
    std::erase_if(order, [&](size_t i) { return !out[i].open; });
    std::sort(order.begin(), order.end(),
              [&](size_t a, size_t b) { return rankedBefore(out[a].priority, out[a].id, out[b].priority, out[b].id); });
    for (size_t r = 0; r < order.size(); ++r)
        out[order[r]].rank = int(r) + 1;
    return out;
}

QJsonValue priorityToJson(double priority)
{
    return std::isfinite(priority) ? QJsonValue(priority) : QJsonValue(QJsonValue::Null);
}

QString formatPriority(double priority)
{
    return std::isfinite(priority) ? QString::number(priority, 'f', 2) : QStringLiteral("free");
}

QJsonObject toJson(const DebtAssessment &a)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), QString::fromStdString(a.id));
    o.insert(QStringLiteral("quadrant"), quadrantName(a.quadrant));
    o.insert(QStringLiteral("quadrant_caption"), quadrantCaption(a.quadrant));
    o.insert(QStringLiteral("fowler"), a.fowler ? QJsonValue(fowlerId(*a.fowler)) : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("value"), a.value);
    o.insert(QStringLiteral("cost_hours"), a.costHours);
    o.insert(QStringLiteral("weight"), a.weight);
    o.insert(QStringLiteral("linked_metrics"), linkedMetricsJson(a.gap.linked));
    o.insert(QStringLiteral("gap_factor"), a.gap.factor);
    o.insert(QStringLiteral("gap_factor_note"), a.gapNote);
    o.insert(QStringLiteral("priority"), priorityToJson(a.priority));
    o.insert(QStringLiteral("payback_quarters"),
             a.paybackQuarters ? QJsonValue(*a.paybackQuarters) : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("rank"), a.rank ? QJsonValue(*a.rank) : QJsonValue(QJsonValue::Null));
    return o;
}

QJsonArray linkedMetricsJson(const std::vector<MetricId> &ids)
{
    QJsonArray out;
    for (MetricId id : ids)
        out.append(MetricCatalogue::idText(id));
    return out;
}

} // namespace srm
