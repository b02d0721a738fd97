// The fixed metric catalogue of docs/metrics.md and the target/tier rules of docs/metrics.md: ids, themes,
// units, direction, human names, definitions (shown in tooltips and the PDF appendix),
// default targets and the dora-2023 tier thresholds. Pure data; the engine computes values.
#pragma once

#include <QString>
#include <QStringList>

#include <optional>
#include <span>
#include <vector>

namespace srm {

// The four themes every metric belongs to; a debt item may name one for its business weight.
enum class Theme : int { Change, Detection, Incident, Improvement };

// The catalogue's metrics, in catalogue order (the order of every listing and of JSON). The text
// ids ("change_failure_rate") exist only at the edges: settings keys, JSON, CSV, the command
// line; MetricCatalogue::idText() and fromIdText() are the one table between the two.
enum class MetricId : int {
    DeploymentFrequency,
    LeadTimeForChanges,
    ChangeFailureRate,
    FailedDeploymentRecoveryTime,
    DeploymentReworkRate,
    TimeToDetect,
    CustomerDetectedRatio,
    SloCompliance,
    TimeToAcknowledge,
    TimeToRestore,
    PagesPerWeek,
    OffHoursPageRatio,
    AlertNoiseRatio,
    PostmortemCompletionRatio,
    RepeatPageRatio,
    ToilRatio,
};
constexpr int kMetricCount = int(MetricId::ToilRatio) + 1;
enum class Unit { PerDay, Hours, Ratio, Minutes, PerWeek };
enum class Better { Higher, Lower };
enum class Tier { Elite, High, Medium, Low };
enum class Status { Met, Gap, NotMeasured };

struct MetricDef
{
    MetricId key;
    const char *id; // "deployment_frequency"
    Theme theme;
    Unit unit;
    Better better;
    const char *name;       // "Deployment frequency"
    const char *definition; // one sentence, docs/metrics.md wording
    const char *anchor;     // the time that places an event in the window
    double defaultTarget;
    bool hasP90;  // p50 metrics carry a p90 companion
    bool hasTier; // DORA metrics
};

namespace MetricCatalogue {

std::span<const MetricDef> all(); // catalogue order: all()[int(id)].key == id
const MetricDef &def(MetricId id);
const MetricDef *find(QStringView id); // by text id, exact; nullptr when unknown
std::optional<MetricId> fromIdText(QStringView id);
QString idText(MetricId id); // "deployment_frequency"
QStringList ids();

// A list of catalogue ids, as a debt item's linked metrics are written (docs/debt-and-roadmap.md#linked-metrics):
// ids separated by ';', each trimmed of white space, empty entries skipped. The ids must be exact
// catalogue ids (byte for byte, like every id). The result is in catalogue order with no repeats,
// so that one set of metrics has one spelling. nullopt when an entry is not a catalogue id
// (*unknown then holds the first such entry).
std::optional<std::vector<MetricId>> parseIdList(QStringView text, QString *unknown = nullptr);
// "change_failure_rate;time_to_restore" (empty for no ids): what parseIdList() reads back.
QString idListText(const std::vector<MetricId> &ids);
// "'mttr' is not a metric of the catalogue; valid ids: deployment_frequency, ..., toil_ratio"
QString unknownIdMessage(QStringView id);

constexpr Theme kThemes[] = {Theme::Change, Theme::Detection, Theme::Incident, Theme::Improvement};
QString themeId(Theme t);   // "change"
QString themeName(Theme t); // "Change management"
// The theme of an id, in any case ("Change"); nullopt for anything else (white space included).
std::optional<Theme> themeFromId(QStringView id);
// A debt item's theme as it is written (the debt CSV, the workspace, exports): "" for none.
QString themeIdOrEmpty(std::optional<Theme> t);
QStringList themeIds();

QString unitId(Unit u);     // "per_day", "hours", "ratio", "minutes", "per_week"
QString unitLabel(Unit u);  // "per day", "h", "", "min", "per week"
QString betterId(Better b); // "higher" / "lower"
QString tierId(Tier t);     // "elite", "high", "medium", "low"
QString statusId(Status s); // "met", "gap", "not_measured"

// dora-2023 tier of a value, for the metrics that have tiers (nullopt otherwise).
std::optional<Tier> doraTier(MetricId metric, double value);
QStringList presets(); // {"dora-2023"}

// docs/metrics.md#targets-gaps-and-status gap: lower-is-better max(0, value − target),
// higher-is-better max(0, target − value).
double gap(Better better, double value, double target);

} // namespace MetricCatalogue
} // namespace srm
