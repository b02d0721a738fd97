#include "store/metriccatalogue.h"

#include <algorithm>
#include <array>

namespace srm::MetricCatalogue {

namespace {

constexpr std::array<MetricDef, kMetricCount> kMetrics = {{
    {MetricId::DeploymentFrequency, "deployment_frequency", Theme::Change, Unit::PerDay, Better::Higher,
     "Deployment frequency", "Production deployments (success or rolled back) per day of the window.", "finished_at",
     1.0, false, true},
    {MetricId::LeadTimeForChanges, "lead_time_for_changes", Theme::Change, Unit::Hours, Better::Lower,
     "Lead time for changes",
     "Median time from commit to the production deployment that shipped it (deployment finished_at "
     "minus committed_at), over the changes of production deployments.",
     "deployment finished_at", 24.0, true, true},
    {MetricId::ChangeFailureRate, "change_failure_rate", Theme::Change, Unit::Ratio, Better::Lower,
     "Change failure rate",
     "Failed production deployments divided by all production deployments. A deployment failed when "
     "it was rolled back, caused an incident, or was fixed by a later deployment.",
     "finished_at", 0.05, false, true},
    {MetricId::FailedDeploymentRecoveryTime, "failed_deployment_recovery_time", Theme::Change, Unit::Hours,
     Better::Lower, "Failed deployment recovery time",
     "Median time from a failed production deployment to its recovery: the earliest of the fixing "
     "deployment and the resolution of the last incident it caused.",
     "finished_at", 1.0, true, true},
    {MetricId::DeploymentReworkRate, "deployment_rework_rate", Theme::Change, Unit::Ratio, Better::Lower,
     "Deployment rework rate",
     "Successful production deployments that were unplanned rework (a fix of an earlier deployment, "
     "the next deployment of a service after a failed or rolled-back one, or a deployment while an "
     "incident of its service was open) divided by successful production deployments.",
     "finished_at", 0.10, false, false},
    {MetricId::TimeToDetect, "time_to_detect", Theme::Detection, Unit::Minutes, Better::Lower, "Time to detect",
     "Median time from an incident's start to its detection, over incidents with a detection time.", "started_at", 5.0,
     true, false},
    {MetricId::CustomerDetectedRatio, "customer_detected_ratio", Theme::Detection, Unit::Ratio, Better::Lower,
     "Customer-detected ratio", "Incidents detected by customers divided by incidents with a known detection source.",
     "started_at", 0.10, false, false},
    {MetricId::SloCompliance, "slo_compliance", Theme::Detection, Unit::Ratio, Better::Higher, "SLO compliance",
     "SLOs meeting their objective over their own window, divided by SLOs with data.", "as_of", 1.0, false, false},
    {MetricId::TimeToAcknowledge, "time_to_acknowledge", Theme::Incident, Unit::Minutes, Better::Lower,
     "Time to acknowledge a page",
     "Median time from a page's creation to its first acknowledgement, over acknowledged pages (not from the "
     "incident's start).",
     "created_at", 5.0, true, false},
    {MetricId::TimeToRestore, "time_to_restore", Theme::Incident, Unit::Hours, Better::Lower, "Time to restore",
     "Median time from an incident's start to its resolution, over resolved incidents.", "started_at", 1.0, true, true},
    {MetricId::PagesPerWeek, "pages_per_week", Theme::Incident, Unit::PerWeek, Better::Lower, "Pages per week",
     "Pages divided by the weeks of the window.", "created_at", 14.0, false, false},
    {MetricId::OffHoursPageRatio, "off_hours_page_ratio", Theme::Incident, Unit::Ratio, Better::Lower,
     "Off-hours page ratio", "Pages created outside business hours (workspace time zone) divided by all pages.",
     "created_at", 0.25, false, false},
    {MetricId::AlertNoiseRatio, "alert_noise_ratio", Theme::Incident, Unit::Ratio, Better::Lower, "Alert noise ratio",
     "Pages that resolved themselves (auto-resolved, or resolved without acknowledgement) divided by "
     "all pages.",
     "created_at", 0.20, false, false},
    {MetricId::PostmortemCompletionRatio, "postmortem_completion_ratio", Theme::Improvement, Unit::Ratio,
     Better::Higher, "Postmortem completion",
     "Severity 1 and 2 incidents with a postmortem link divided by all severity 1 and 2 incidents.", "started_at", 1.0,
     false, false},
    {MetricId::RepeatPageRatio, "repeat_page_ratio", Theme::Improvement, Unit::Ratio, Better::Lower,
     "Repeat page ratio", "Pages whose alert group had another page in the 7 days before, divided by all pages.",
     "created_at", 0.30, false, false},
    {MetricId::ToilRatio, "toil_ratio", Theme::Improvement, Unit::Ratio, Better::Lower, "Toil ratio",
     "Weekly toil hours of open debt items divided by the team's working hours (team_size x 40).", "now", 0.50, false,
     false},
}};

constexpr bool inOrder()
{
    for (int i = 0; i < kMetricCount; ++i)
        if (int(kMetrics[std::size_t(i)].key) != i)
            return false;
    return true;
}
static_assert(inOrder(), "kMetrics must list the metrics in MetricId order");

// The one table between a theme and its text: the id written in settings keys, JSON, CSV and a
// debt item's theme column, and the name people read.
struct ThemeText
{
    Theme theme;
    const char *id;
    const char *name;
};
constexpr ThemeText kThemeTexts[] = {
    {Theme::Change, "change", "Change management"},
    {Theme::Detection, "detection", "Monitoring & detection"},
    {Theme::Incident, "incident", "Incident management"},
    {Theme::Improvement, "improvement", "Continuous improvement"},
};

constexpr bool themesInOrder()
{
    if (std::size(kThemeTexts) != std::size(kThemes))
        return false;
    for (std::size_t i = 0; i < std::size(kThemeTexts); ++i)
        if (kThemeTexts[i].theme != kThemes[i] || int(kThemes[i]) != int(i))
            return false;
    return true;
}
static_assert(themesInOrder(), "kThemeTexts must list the themes in Theme order, as kThemes does");

// nullptr for a value outside the enum (a cast from a bad integer).
const ThemeText *themeText(Theme t)
{
    const auto i = std::size_t(t);
    return i < std::size(kThemeTexts) ? &kThemeTexts[i] : nullptr;
}

} // namespace

std::span<const MetricDef> all()
{
    return kMetrics;
}

const MetricDef &def(MetricId id)
{
    return kMetrics[std::size_t(id)];
}

std::optional<MetricId> fromIdText(QStringView id)
{
    if (const MetricDef *m = find(id))
        return m->key;
    return std::nullopt;
}

QString idText(MetricId id)
{
    return QString::fromLatin1(def(id).id);
}

const MetricDef *find(QStringView id)
{
    for (const auto &m : kMetrics)
        if (id == QLatin1StringView(m.id))
            return &m;
    return nullptr;
}

QStringList ids()
{
    QStringList out;
    for (const auto &m : kMetrics)
        out << QString::fromLatin1(m.id);
    return out;
}

QString themeId(Theme t)
{
    const ThemeText *text = themeText(t);
    return text ? QString::fromLatin1(text->id) : QString();
}

QString themeName(Theme t)
{
    const ThemeText *text = themeText(t);
    return text ? QString::fromLatin1(text->name) : QString();
}

std::optional<Theme> themeFromId(QStringView id)
{
    for (const ThemeText &t : kThemeTexts)
        if (id.compare(QLatin1StringView(t.id), Qt::CaseInsensitive) == 0)
            return t.theme;
    return std::nullopt;
}

QString themeIdOrEmpty(std::optional<Theme> t)
{
    // Empty but not null: a null QString is bound as SQL NULL, and the theme column is NOT NULL.
    return t ? themeId(*t) : QString::fromLatin1("");
}

QStringList themeIds()
{
    QStringList out;
    for (const ThemeText &t : kThemeTexts)
        out << QString::fromLatin1(t.id);
    return out;
}

QString unitId(Unit u)
{
    switch (u) {
    case Unit::PerDay: return QStringLiteral("per_day");
    case Unit::Hours: return QStringLiteral("hours");
    case Unit::Ratio: return QStringLiteral("ratio");
    case Unit::Minutes: return QStringLiteral("minutes");
    case Unit::PerWeek: return QStringLiteral("per_week");
    }
    return {};
}

QString unitLabel(Unit u)
{
    switch (u) {
    case Unit::PerDay: return QStringLiteral("per day");
    case Unit::Hours: return QStringLiteral("h");
    case Unit::Ratio: return QString();
    case Unit::Minutes: return QStringLiteral("min");
    case Unit::PerWeek: return QStringLiteral("per week");
    }
    return {};
}

QString betterId(Better b)
{
    return b == Better::Higher ? QStringLiteral("higher") : QStringLiteral("lower");
}

QString tierId(Tier t)
{
    switch (t) {
    case Tier::Elite: return QStringLiteral("elite");
    case Tier::High: return QStringLiteral("high");
    case Tier::Medium: return QStringLiteral("medium");
    case Tier::Low: return QStringLiteral("low");
    }
    return {};
}

QString statusId(Status s)
{
    switch (s) {
    case Status::Met: return QStringLiteral("met");
    case Status::Gap: return QStringLiteral("gap");
    case Status::NotMeasured: return QStringLiteral("not_measured");
    }
    return {};
}

std::optional<Tier> doraTier(MetricId id, double v)
{
    switch (id) {
    case MetricId::DeploymentFrequency:
        if (v >= 1.0)
            return Tier::Elite;
        if (v >= 1.0 / 7.0)
            return Tier::High;
        if (v >= 1.0 / 30.0)
            return Tier::Medium;
        return Tier::Low;
    case MetricId::LeadTimeForChanges:
        if (v < 24)
            return Tier::Elite;
        if (v < 168)
            return Tier::High;
        if (v < 720)
            return Tier::Medium;
        return Tier::Low;
    case MetricId::ChangeFailureRate:
        if (v <= 0.05)
            return Tier::Elite;
        if (v <= 0.10)
            return Tier::High;
        if (v <= 0.15)
            return Tier::Medium;
        return Tier::Low;
    case MetricId::FailedDeploymentRecoveryTime:
    case MetricId::TimeToRestore:
        if (v < 1)
            return Tier::Elite;
        if (v < 24)
            return Tier::High;
        if (v < 168)
            return Tier::Medium;
        return Tier::Low;
    default: return std::nullopt;
    }
}

std::optional<std::vector<MetricId>> parseIdList(QStringView text, QString *unknown)
{
    bool linked[kMetricCount] = {};
    for (QStringView entry : text.split(u';')) {
        entry = entry.trimmed();
        if (entry.isEmpty())
            continue;
        const std::optional<MetricId> id = fromIdText(entry);
        if (!id) {
            if (unknown)
                *unknown = entry.toString();
            return std::nullopt;
        }
        linked[int(*id)] = true;
    }
    std::vector<MetricId> out;
    for (int i = 0; i < kMetricCount; ++i)
        if (linked[i])
            out.push_back(MetricId(i));
    return out;
}

QString idListText(const std::vector<MetricId> &ids)
{
    QString out = QStringLiteral(""); // never null: it is stored in a NOT NULL column
    for (MetricId id : ids) {
        if (!out.isEmpty())
            out += u';';
        out += idText(id);
    }
    return out;
}

QString unknownIdMessage(QStringView id)
{
    return QStringLiteral("'%1' is not a metric of the catalogue; valid ids: %2")
        .arg(id, ids().join(QStringLiteral(", ")));
}

QStringList presets()
{
    return {QStringLiteral("dora-2023")};
}

double gap(Better better, double value, double target)
{
    return better == Better::Lower ? std::max(0.0, value - target) : std::max(0.0, target - value);
}

} // namespace srm::MetricCatalogue
