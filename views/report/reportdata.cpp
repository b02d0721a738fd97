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
