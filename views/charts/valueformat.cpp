#include "views/charts/valueformat.h"

#include "store/timeutil.h"

#include <QCoreApplication>
#include <QDate>
#include <QLocale>

#include <cmath>

namespace srm::charts {

namespace {
QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("srm::charts::Format", text, disambiguation, n);
}
} // namespace

namespace {
// Beyond this a figure is written with an exponent: a value of 1e300 written into a workspace
// by hand would otherwise print 301 digits over a chart (docs/hostile-input.md#charts).
constexpr double kPlainLimit = 1e12;
} // namespace

QString formatNumber(double v)
{
    if (!std::isfinite(v))
        return QStringLiteral("–");
    const double a = std::abs(v);
    if (a >= kPlainLimit)
        return QLocale::c().toString(v, 'g', 3);
    return QLocale::c().toString(v, 'f', a >= 100 ? 0 : a >= 10 ? 1 : 2);
}

QString formatValue(std::optional<double> value, Unit unit)
{
    if (!value)
        return QStringLiteral("–");
    switch (unit) {
    case Unit::Ratio: return formatPercent(value);
    case Unit::PerDay: return tr("%1/day").arg(formatNumber(*value));
    case Unit::PerWeek: return tr("%1/week").arg(formatNumber(*value));
    case Unit::Hours: return tr("%1 h").arg(formatNumber(*value));
    case Unit::Minutes: return tr("%1 min").arg(formatNumber(*value));
    }
    return formatNumber(*value);
}

QString formatGap(std::optional<double> gap, Unit unit)
{
    if (!gap || unit != Unit::Ratio)
        return formatValue(gap, unit);
    const QString percent = formatPercent(gap);
    if (percent == QStringLiteral("–"))
        return percent;
    return tr("%1 pts").arg(percent.chopped(1));
}

QString formatPercent(std::optional<double> ratio, int decimals)
{
    if (!ratio || !std::isfinite(*ratio * 100))
        return QStringLiteral("–");
    if (std::abs(*ratio * 100) >= kPlainLimit)
        return QLocale::c().toString(*ratio * 100, 'g', 3) + u'%';
    return QLocale::c().toString(*ratio * 100, 'f', decimals) + u'%';
}

QString formatCount(std::int64_t n)
{
    QLocale l = QLocale::c();
    l.setNumberOptions(QLocale::DefaultNumberOptions);
    return l.toString(qlonglong(n));
}

QString formatWeeks(double weeks)
{
    return tr("%1 weeks").arg(QLocale::c().toString(weeks, 'f', 1));
}

QString formatDuration(double minutes)
{
    const double a = std::abs(minutes);
    if (a < 1)
        return tr("%1 s").arg(QLocale::c().toString(minutes * 60, 'f', 0));
    if (a < 60)
        return tr("%1 min").arg(formatNumber(minutes));
    if (a < 48 * 60)
        return tr("%1 h").arg(formatNumber(minutes / 60));
    return tr("%1 d").arg(formatNumber(minutes / 1440));
}

QString formatDurationTick(double minutes)
{
    if (minutes < 1)
        return tr("%1 s").arg(qRound(minutes * 60));
    if (minutes < 60)
        return tr("%1 min").arg(QLocale::c().toString(minutes, 'g', 3));
    if (minutes < 1440)
        return tr("%1 h").arg(QLocale::c().toString(minutes / 60, 'g', 3));
    if (minutes < 7 * 1440)
        return tr("%1 d").arg(QLocale::c().toString(minutes / 1440, 'g', 3));
    return tr("%1 w").arg(QLocale::c().toString(minutes / (7 * 1440), 'g', 3));
}

QString statusText(Status status)
{
    switch (status) {
    case Status::Met: return tr("met");
    case Status::Gap: return tr("gap");
    case Status::NotMeasured: return tr("not measured");
    }
    return {};
}

QString formatRange(std::optional<Interval> ci, Unit unit)
{
    if (!ci)
        return QStringLiteral("–");
    const QString lo = formatValue(ci->lo, unit);
    const QString hi = formatValue(ci->hi, unit);
    // "3.04/day – 3.81/day" reads as "3.04 – 3.81/day"; percentages and durations keep both units.
    if (unit == Unit::PerDay || unit == Unit::PerWeek) {
        const qsizetype slash = lo.indexOf(u'/');
        if (slash > 0)
            return lo.left(slash) + QStringLiteral(" – ") + hi;
    }
    return lo + QStringLiteral(" – ") + hi;
}

QString verdictText(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Improved: return tr("improved");
    case Verdict::Worse: return tr("worse");
    case Verdict::NoClearChange: return tr("no clear change");
    case Verdict::InsufficientData: return tr("not enough data");
    }
    return {};
}

QString tierText(std::optional<Tier> tier)
{
    if (!tier)
        return {};
    switch (*tier) {
    case Tier::Elite: return tr("elite");
    case Tier::High: return tr("high");
    case Tier::Medium: return tr("medium");
    case Tier::Low: return tr("low");
    }
    return {};
}

QString tierCaption()
{
    return tr("DORA 2023 clusters (historical)");
}

QString formatScore(std::optional<double> score)
{
    return score ? QLocale::c().toString(*score, 'f', 1) : QStringLiteral("–");
}

QString formatIndustry(const dora::Industry &industry)
{
    const QString mean = QLocale::c().toString(industry.mean, 'f', 1);
    return industry.sd ? tr("%1 ± %2").arg(mean, QLocale::c().toString(*industry.sd, 'f', 1)) : mean;
}

QString doraLevelWords(MetricId metric, int level)
{
    const char *words = dora::levelWords(metric, level);
    return words ? QCoreApplication::translate("srm::dora", words) : QString();
}

QString doraLevelAndValue(const dora::MetricScore &score)
{
    const Unit unit = MetricCatalogue::def(score.metric).unit;
    if (!score.value)
        return tr("not measured");
    if (score.level)
        return tr("%1 · %2").arg(doraLevelWords(score.metric, *score.level), formatValue(score.value, unit));
    return tr("%1 · score 10 × (1 − rate)").arg(formatValue(score.value, unit));
}

QString doraGroupName(dora::Group group)
{
    return group == dora::Group::Throughput ? tr("Throughput") : tr("Instability");
}

QString deployResultText(DeployResult result)
{
    switch (result) {
    case DeployResult::Success: return tr("success");
    case DeployResult::Failure: return tr("failure");
    case DeployResult::RolledBack: return tr("rolled back");
    case DeployResult::Other: return tr("other");
    }
    return {};
}

QStringList countedReasons(const CountedDeployment &d)
{
    const auto list = [](const QStringList &ids) {
        return ids.size() <= 3
            ? ids.join(QStringLiteral(", "))
            : tr("%1 and %n more", nullptr, int(ids.size() - 3)).arg(ids.mid(0, 3).join(QStringLiteral(", ")));
    };
    QStringList out;
    if (d.has(CountedDeployment::RolledBack))
        out << tr("rolled back");
    if (d.has(CountedDeployment::CausedIncident))
        out << (d.causedIncidents.size() == 1 ? tr("caused incident %1") : tr("caused incidents %1"))
                   .arg(list(d.causedIncidents));
    if (d.has(CountedDeployment::FixedLater))
        out << (d.fixedBy.size() == 1 ? tr("fixed by deployment %1") : tr("fixed by deployments %1"))
                   .arg(list(d.fixedBy));
    if (d.has(CountedDeployment::Fix))
        out << tr("fix of %1").arg(d.fixes);
    if (d.has(CountedDeployment::AfterFailure))
        out << (d.previousResult == DeployResult::RolledBack ? tr("after %1 was rolled back") : tr("after %1 failed"))
                   .arg(d.previousDeployment);
    if (d.has(CountedDeployment::DuringIncident))
        out << (d.openIncidents > 1 ? tr("during incident %1 (and %n more open)", nullptr, d.openIncidents - 1)
                                    : tr("during incident %1"))
                   .arg(d.openIncident);
    return out;
}

QString formatShortDate(Micros t)
{
    int y;
    unsigned m, d;
    civilFromDays(floorToDay(t) / kMicrosPerDay, y, m, d);
    return QLocale().toString(QDate(y, int(m), int(d)), QStringLiteral("d MMM"));
}

QString formatTick(double value, Unit unit)
{
    if (value == 0)
        return QStringLiteral("0");
    const double v = unit == Unit::Ratio ? value * 100 : value;
    const QString n = std::abs(v) >= 100 ? QLocale::c().toString(v, 'f', 0) : QLocale::c().toString(v, 'g', 3);
    switch (unit) {
    case Unit::Ratio: return n + u'%';
    case Unit::PerDay: return tr("%1/day").arg(n);
    case Unit::PerWeek: return tr("%1/wk").arg(n);
    case Unit::Hours: return tr("%1 h").arg(n);
    case Unit::Minutes: return tr("%1 min").arg(n);
    }
    return n;
}

} // namespace srm::charts
