#include "views/report/reportdata.h"

#include "planning/debtstore.h"
#include "store/timeutil.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>

namespace srm::report {

ReportData ReportData::load(Workspace &ws, const ReportOptions &options, Micros now)
{
    ReportData d;
    d.workspacePath = ws.path();
    d.settings = ws.settings();
    d.organisation = d.settings.name.trimmed();
    if (d.organisation.isEmpty())
        d.organisation = QFileInfo(ws.path()).completeBaseName();

    const Dataset data = Dataset::load(ws, options.asOf, options.windowDays, Dataset::AllParts, now);
    d.analysis = analyze(data);
    const AnalysisWindow &w = d.analysis.metrics.window;
    // The window before: same length, ending where this one starts.
    const Dataset before = Dataset::load(ws, AnalysisWindow{w.from(), w.days}, Dataset::AllParts);
    d.previous = computeMetrics(before);

    d.debtItems = DebtStore(ws).items();
    d.assessments = assessDebt(d.debtItems, d.settings);
    try {
        PlanRequest request;
        request.asOf = w.asOf;
        d.plan = planRoadmap(ws, request);
    } catch (const InputError &e) {
        d.planProblem = e.message();
    }

    d.imports = ws.importLog();
    std::stable_sort(d.imports.begin(), d.imports.end(), [](const ImportLogEntry &a, const ImportLogEntry &b) {
        return a.importedAt != b.importedAt ? a.importedAt < b.importedAt : a.id < b.id;
    });
    return d;
}

std::vector<std::size_t> ReportData::rankedOpenItems() const
{
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < assessments.size(); ++i)
        if (assessments[i].rank)
            out.push_back(i);
    std::sort(out.begin(), out.end(), [this](std::size_t a, std::size_t b) {
        return *assessments[a].rank < *assessments[b].rank;
    });
    return out;
}

const DebtItem *ReportData::debtItem(const std::string &id) const
{
    for (const DebtItem &item : debtItems)
        if (item.id == id)
            return &item;
    return nullptr;
}

Movement movement(const MetricResult &now, const MetricResult *before)
{
    if (!before || !now.value || !before->value)
        return Movement::NotComparable;
    if (*now.value == *before->value)
        return Movement::Same;
    const bool up = *now.value > *before->value;
    return up == (now.def->better == Better::Higher) ? Movement::Better : Movement::Worse;
}

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
