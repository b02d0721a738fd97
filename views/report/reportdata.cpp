#include "views/report/reportdata.h"

#include "store/timeutil.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>

namespace srm::report {

std::vector<const MetricResult *> largestGaps(const MetricsReport &report, std::optional<Theme> theme)
{
    std::vector<const MetricResult *> out;
    for (const MetricResult &m : report.metrics)
        if (m.status == Status::Gap && (!theme || m.def->theme == *theme))
            out.push_back(&m);
    // Relative to the target, so that hours and ratios compare; a zero target ranks by the gap.
    auto relative = [](const MetricResult *m) { return m->target != 0 ? *m->gap / std::abs(m->target) : *m->gap; };
    std::stable_sort(out.begin(), out.end(),
                     [&](const MetricResult *a, const MetricResult *b) { return relative(a) > relative(b); });
    return out;
}

std::optional<GapSeverity> gapSeverity(const MetricResult &m)
{
    if (m.status != Status::Gap || !m.gap)
        return std::nullopt;
    if (m.target == 0)
        return *m.gap > 0 ? GapSeverity::Large : GapSeverity::Small;
    const double relative = *m.gap / std::abs(m.target);
    return relative < 0.10 ? GapSeverity::Small : relative < 0.50 ? GapSeverity::Moderate : GapSeverity::Large;
}

QString gapSeverityText(GapSeverity severity)
{
    switch (severity) {
    case GapSeverity::Small: return QCoreApplication::translate("srm::report", "small gap");
    case GapSeverity::Moderate: return QCoreApplication::translate("srm::report", "moderate gap");
    case GapSeverity::Large: return QCoreApplication::translate("srm::report", "large gap");
    }
    return {};
}

QString asOfDate(const AnalysisWindow &window)
{
    return formatDate(window.asOf);
}

QString windowText(const AnalysisWindow &window)
{
    return QCoreApplication::translate("srm::report", "%1 to %2 (%n days)", nullptr, window.days)
        .arg(formatDate(window.from()), formatDate(window.to() - 1));
}

QString metricName(const MetricResult &metric)
{
    return QCoreApplication::translate("srm::MetricCatalogue", metric.def->name);
}

} // namespace srm::report
