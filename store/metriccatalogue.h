// The fixed metric catalogue of SPEC 4 and the target/tier rules of SPEC 5: ids, themes,
// units, direction, human names, definitions (shown in tooltips and the PDF appendix),
// default targets and the dora-2023 tier thresholds. Pure data; the engine computes values.
#pragma once

#include <QString>
#include <QStringList>

#include <optional>
#include <span>

namespace srm {

enum class Theme { Change, Detection, Incident, Improvement };
enum class Unit { PerDay, Hours, Ratio, Minutes, PerWeek };
enum class Better { Higher, Lower };
enum class Tier { Elite, High, Medium, Low };
enum class Status { Met, Gap, NotMeasured };

struct MetricDef
{
    const char *id;
    Theme theme;
    Unit unit;
    Better better;
    const char *name;        // "Deployment frequency"
    const char *definition;  // one sentence, SPEC 4 wording
    const char *anchor;      // the time that places an event in the window
    double defaultTarget;
    bool hasP90;             // p50 metrics carry a p90 companion
    bool hasTier;            // DORA metrics
};

namespace MetricCatalogue {

std::span<const MetricDef> all();
const MetricDef *find(QStringView id);
QStringList ids();

constexpr Theme kThemes[] = {Theme::Change, Theme::Detection, Theme::Incident, Theme::Improvement};
QString themeId(Theme t);             // "change"
QString themeName(Theme t);           // "Change management"
std::optional<Theme> themeFromId(QStringView id);
QStringList themeIds();

QString unitId(Unit u);               // "per_day", "hours", "ratio", "minutes", "per_week"
QString unitLabel(Unit u);            // "per day", "h", "", "min", "per week"
QString betterId(Better b);           // "higher" / "lower"
QString tierId(Tier t);               // "elite", "high", "medium", "low"
QString statusId(Status s);           // "met", "gap", "not_measured"

// dora-2023 tier of a value, for the metrics that have tiers (nullopt otherwise).
std::optional<Tier> doraTier(QStringView metricId, double value);
QStringList presets();                // {"dora-2023"}

// SPEC 5 gap: lower-is-better max(0, value − target), higher-is-better max(0, target − value).
double gap(Better better, double value, double target);

} // namespace MetricCatalogue
} // namespace srm
