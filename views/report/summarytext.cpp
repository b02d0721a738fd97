#include "views/report/summarytext.h"

#include "views/charts/valueformat.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace srm::report {

using namespace srm::charts;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("srm::report::Summary", text);
}

// English number agreement without a translation file: the singular for exactly one.
QString count(std::int64_t n, const char *one, const char *many)
{
    return (n == 1 ? tr(one) : tr(many)).arg(formatCount(n));
}

QString joinWords(const QStringList &items)
{
    if (items.size() <= 1)
        return items.join(QString());
    return items.mid(0, items.size() - 1).join(QStringLiteral(", ")) + tr(" and ") + items.back();
}

// "Time to restore (3.10 h → 2.48 h)"
QString change(const MetricResult &now)
{
    return tr("%1 (%2 → %3)")
        .arg(metricName(now), formatValue(now.previous ? now.previous->value : std::nullopt, now.def->unit),
             formatValue(now.value, now.def->unit));
}

// At most three names, then how many more.
QString someOf(const std::vector<const MetricResult *> &metrics)
{
    QStringList out;
    for (std::size_t i = 0; i < metrics.size() && i < 3; ++i)
        out << change(*metrics[i]);
    if (metrics.size() > 3)
        out << tr("%1 more").arg(metrics.size() - 3);
    return joinWords(out);
}

QString improving(const ReportData &d)
{
    const MetricsReport &m = d.analysis.metrics;
    int met = 0, gaps = 0, notMeasured = 0;
    for (const ThemeSummary &t : m.themes) {
        met += t.met;
        gaps += t.gaps;
        notMeasured += t.notMeasured;
    }
    QString s = tr("%1 of %2 metrics meet their target and %3.")
                    .arg(met)
                    .arg(m.metrics.size())
                    .arg(notMeasured > 0 ? tr("%1 have a gap; %2 are not measured").arg(gaps).arg(notMeasured)
                                         : count(gaps, "%1 has a gap", "%1 have a gap"));

    // Counted from the verdicts: a change only where the 95% ranges of the two periods do not overlap.
    std::vector<const MetricResult *> better, worse;
    int steady = 0, unknown = 0;
    for (const MetricResult &now : m.metrics) {
        switch (now.verdict) {
        case Verdict::Improved: better.push_back(&now); break;
        case Verdict::Worse: worse.push_back(&now); break;
        case Verdict::NoClearChange: ++steady; break;
        case Verdict::InsufficientData: ++unknown; break;
        }
    }
    const AnalysisWindow &prev = d.previous.window;
    if (better.empty() && worse.empty() && steady == 0) {
        s += u' '
            + tr("The %1 days before (%2 to %3) have too little data to compare with.")
                  .arg(prev.days)
                  .arg(formatDate(prev.from()), formatDate(prev.to() - 1));
        return s;
    }
    s += u' '
        + tr("Against the %1 days before (%2 to %3): %4 improved and %5 got worse beyond what chance moves (their 95% "
             "ranges do not overlap); %6 show no clear change and %7 too little data to tell.")
              .arg(prev.days)
              .arg(formatDate(prev.from()), formatDate(prev.to() - 1))
              .arg(better.size())
              .arg(worse.size())
              .arg(steady)
              .arg(unknown);
    if (!better.empty())
        s += u' ' + tr("Improved: %1.").arg(someOf(better));
    if (!worse.empty())
        s += u' ' + tr("Worse: %1.").arg(someOf(worse));
    return s;
}

QString cost(const ReportData &d)
{
    const MetricsReport &m = d.analysis.metrics;
    QStringList parts;

    const std::int64_t incidents = std::int64_t(d.analysis.incidents.incidents.size());
    const MetricResult *ttr = &m.at(MetricId::TimeToRestore);
    if (incidents == 0) {
        parts << tr("No incident started in the window.");
    } else if (ttr && ttr->value) {
        parts << tr("%1 started in the window; of the %2 resolved, half were restored within %3 and 90% within %4 "
                    "(target %5).")
                     .arg(count(incidents, "%1 incident", "%1 incidents"), formatCount(ttr->n),
                          formatValue(ttr->value, ttr->def->unit), formatValue(ttr->p90, ttr->def->unit),
                          formatValue(ttr->target, ttr->def->unit));
    } else {
        parts << tr("%1 started in the window; none is resolved yet.")
                     .arg(count(incidents, "%1 incident", "%1 incidents"));
    }

    if (const MetricResult *cfr = &m.at(MetricId::ChangeFailureRate); cfr && cfr->value)
        parts << tr("%1 of %2 production deployments failed (target %3).")
                     .arg(formatValue(cfr->value, cfr->def->unit), formatCount(cfr->n),
                          formatValue(cfr->target, cfr->def->unit));

    const MetricResult *ppw = &m.at(MetricId::PagesPerWeek);
    const MetricResult *off = &m.at(MetricId::OffHoursPageRatio);
    const MetricResult *noise = &m.at(MetricId::AlertNoiseRatio);
    if (d.analysis.alerts.totalPages > 0 && ppw && ppw->value && off && noise) {
        parts << tr("%1 reached on-call (%2, target %3): %4 outside business hours and %5 noise "
                    "(auto-resolved, or resolved without an acknowledgement).")
                     .arg(count(d.analysis.alerts.totalPages, "%1 page", "%1 pages"),
                          formatValue(ppw->value, ppw->def->unit), formatValue(ppw->target, ppw->def->unit),
                          formatValue(off->value, off->def->unit), formatValue(noise->value, noise->def->unit));
    } else {
        parts << tr("No page in the window.");
    }

    int withData = 0, missed = 0;
    const SloResult *worst = nullptr;
    for (const SloResult &s : m.slos) {
        if (!s.met)
            continue;
        ++withData;
        if (*s.met)
            continue;
        ++missed;
        auto budget = [](const SloResult *r) { return r->errorBudgetRemaining.value_or(1); };
        if (!worst || budget(&s) < budget(worst))
            worst = &s;
    }
    if (withData > 0) {
        QString slo = tr("%1 of %2 missed the objective")
                          .arg(missed)
                          .arg(count(withData, "%1 SLO with data", "%1 SLOs with data"));
        if (worst && worst->errorBudgetRemaining)
            slo += tr("; %1 has %2 of its error budget left")
                       .arg(worst->name, formatPercent(worst->errorBudgetRemaining, 0));
        else if (worst)
            slo += tr("; %1 reached %2 against %3")
                       .arg(worst->name, formatPercent(worst->attainment, 3), formatPercent(worst->objective, 3));
        parts << slo + u'.';
    }

    if (const MetricResult *toil = &m.at(MetricId::ToilRatio); toil && toil->value)
        parts << tr("Toil takes %1 of the team's time (target %2).")
                     .arg(formatValue(toil->value, toil->def->unit), formatValue(toil->target, toil->def->unit));
    return parts.join(u' ');
}

QString actions(const ReportData &d)
{
    if (d.debtItems.empty())
        return tr("No operational debt is registered yet: import a debt register to plan the work.");
    if (!d.plan)
        return tr("The roadmap cannot be planned until the debt register is fixed: %1.")
            .arg(QString(d.planProblem).replace(u'\n', QStringLiteral("; ")));
    const Plan &plan = *d.plan;
    std::int64_t open = 0;
    for (const DebtAssessment &a : d.assessments)
        open += a.open ? 1 : 0;
    if (open == 0)
        return tr("Every item of the debt register is done.");
    std::int64_t planned = 0;
    for (const PlanQuarter &q : plan.quarters)
        planned += std::int64_t(q.items.size());
    QStringList parts;
    const QString first = formatQuarter(plan.quarters.front().quarter);
    const QString last = formatQuarter(plan.quarters.back().quarter);
    if (!plan.capacityWeeks) {
        parts << tr("%1, none planned: no capacity is set (team_size or capacity_weeks).")
                     .arg(count(open, "%1 open debt item", "%1 open debt items"));
    } else {
        QString s = tr("%1: %2 planned from %3 to %4 within %5 a quarter")
                        .arg(count(open, "%1 open debt item", "%1 open debt items"), formatCount(planned), first, last,
                             formatWeeks(*plan.capacityWeeks));
        if (!plan.unscheduled.empty()) {
            const PlannedItem &u = plan.unscheduled.front();
            s += tr("; %1 (%2: %3)")
                     .arg(count(std::int64_t(plan.unscheduled.size()), "%1 cannot be scheduled",
                                "%1 cannot be scheduled"),
                          QString::fromStdString(u.id), u.reason);
        }
        parts << s + u'.';
    }
    for (const PlanQuarter &q : plan.quarters) {
        if (q.items.empty())
            continue;
        QStringList items;
        for (std::size_t i = 0; i < q.items.size() && i < 3; ++i)
            items << tr("%1 %2").arg(QString::fromStdString(q.items[i].id), QString::fromStdString(q.items[i].title));
        QString s = tr("First, in %1: %2").arg(formatQuarter(q.quarter), items.join(QStringLiteral("; ")));
        if (q.items.size() > 3)
            s += tr(" (and %1 more)").arg(q.items.size() - 3);
        parts << s + u'.';
        break;
    }
    if (!plan.criticalPath.ids.empty()) {
        QStringList ids;
        for (const std::string &id : plan.criticalPath.ids)
            ids << QString::fromStdString(id);
        parts << tr("Critical path: %1 (%2).")
                     .arg(ids.join(QStringLiteral(" → ")), formatWeeks(plan.criticalPath.totalCostWeeks));
    }
    return parts.join(u' ');
}

QString notMeasured(const ReportData &d)
{
    QStringList metrics;
    for (const MetricResult &m : d.analysis.metrics.metrics) {
        if (m.status != Status::NotMeasured)
            continue;
        if (m.id() == u"toil_ratio" && !d.settings.teamSize)
            metrics << tr("%1 (needs the setting team_size)").arg(metricName(m));
        else
            metrics << metricName(m);
    }
    QStringList slos;
    for (const SloResult &s : d.analysis.metrics.slos)
        if (!s.met)
            slos << s.name;
    if (metrics.isEmpty() && slos.isEmpty())
        return d.analysis.metrics.slos.empty()
            ? tr("Every metric of the catalogue has data in this window. No SLO is defined yet.")
            : tr("Every metric of the catalogue has data in this window, and every SLO has measurements.");
    QStringList parts;
    if (!metrics.isEmpty())
        parts << tr("No data in this window for %1.").arg(joinWords(metrics));
    else
        parts << tr("Every metric of the catalogue has data in this window.");
    if (!slos.isEmpty())
        parts << (slos.size() == 1 ? tr("The SLO %1 has no measurements in its window.")
                                   : tr("The SLOs %1 have no measurements in their windows."))
                     .arg(joinWords(slos));
    return parts.join(u' ');
}

QString quickCheck(const ReportData &d)
{
    const dora::QuickCheck &q = d.analysis.metrics.dora;
    if (!q.overall)
        return tr("No DORA delivery metric is measured in this window, so there is no Quick Check score.");
    const auto part = [](const QString &name, std::optional<double> score, const dora::Industry &industry) {
        return score ? tr("%1 %2 vs %3").arg(name, formatScore(score), formatIndustry(industry))
                     : tr("%1 not measured (industry %2)").arg(name, formatIndustry(industry));
    };
    return tr("Scores out of 10 against the industry (DORA Quick Check 2025, all industries, mean ± sd): %1; %2; %3.")
        .arg(part(tr("throughput"), q.throughput, dora::industryThroughput()),
             part(tr("stability"), q.stability, dora::industryStability()),
             part(tr("overall"), q.overall, dora::industryOverall()));
}

} // namespace

SummaryText summarize(const ReportData &d)
{
    SummaryText s;
    s.improvingQuestion = tr("Is reliability improving?");
    s.improving = improving(d);
    s.costQuestion = tr("What did failures cost?");
    s.cost = cost(d);
    s.actionsQuestion = tr("What are we doing about it?");
    s.actions = actions(d);
    for (const ThemeSummary &t : d.analysis.metrics.themes) {
        ThemeStatus ts;
        ts.theme = t.theme;
        ts.name = MetricCatalogue::themeName(t.theme);
        ts.counts = tr("%1 met · %2 with a gap · %3 not measured").arg(t.met).arg(t.gaps).arg(t.notMeasured);
        const std::vector<const MetricResult *> gaps = largestGaps(d.analysis.metrics, t.theme);
        for (std::size_t i = 0; i < gaps.size() && i < 2; ++i)
            ts.topGaps << tr("%1 %2 (target %3)")
                              .arg(metricName(*gaps[i]), formatValue(gaps[i]->value, gaps[i]->def->unit),
                                   formatValue(gaps[i]->target, gaps[i]->def->unit));
        ts.allMet = t.gaps == 0 && t.met > 0;
        if (t.gaps == 0)
            ts.note = ts.allMet ? tr("No gap to target.") : tr("Nothing measured yet.");
        s.themes.push_back(std::move(ts));
    }
    s.notMeasured = notMeasured(d);
    s.quickCheckTitle = tr("DORA Quick Check");
    s.quickCheck = quickCheck(d);
    return s;
}

} // namespace srm::report
