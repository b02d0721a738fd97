#include "views/report/csvexport.h"

#include "store/timeutil.h"
#include "views/charts/valueformat.h"
#include "views/report/exportfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <cmath>

namespace srm::report {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("srm::report::Csv", text);
}

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

QString join(const std::vector<std::string> &ids)
{
    QStringList out;
    for (const std::string &id : ids)
        out << qs(id);
    return out.join(u';');
}

} // namespace

// --- CsvWriter ---------------------------------------------------------------------------------

CsvWriter::CsvWriter(const QStringList &header)
{
    for (const QString &h : header)
        word(h);
    endRow();
}

QString CsvWriter::guardFormula(const QString &value)
{
    if (value.isEmpty())
        return value;
    switch (value.front().unicode()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r': return u'\'' + value;
    default: return value;
    }
}

QString CsvWriter::quote(const QString &value)
{
    const bool needs = value.contains(u',') || value.contains(u'"') || value.contains(u'\n') || value.contains(u'\r');
    if (!needs)
        return value;
    QString out = value;
    out.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + out + u'"';
}

void CsvWriter::field(const QString &value)
{
    if (m_fields++ > 0)
        m_bytes += ',';
    m_bytes += quote(value).toUtf8();
}

CsvWriter &CsvWriter::text(const QString &value)
{
    field(guardFormula(value));
    return *this;
}

CsvWriter &CsvWriter::text(const std::string &value)
{
    return text(qs(value));
}

CsvWriter &CsvWriter::word(const QString &value)
{
    field(value);
    return *this;
}

CsvWriter &CsvWriter::number(std::optional<double> value)
{
    field(value && std::isfinite(*value) ? SettingsSchema::formatNumber(*value) : QString());
    return *this;
}

CsvWriter &CsvWriter::integer(std::int64_t value)
{
    field(QString::number(value));
    return *this;
}

CsvWriter &CsvWriter::boolean(std::optional<bool> value)
{
    field(!value ? QString() : *value ? QStringLiteral("true") : QStringLiteral("false"));
    return *this;
}

void CsvWriter::endRow()
{
    m_bytes += "\r\n";
    m_fields = 0;
}

// --- The files ---------------------------------------------------------------------------------

namespace {

QByteArray rollup(const ReportData &d)
{
    CsvWriter w({QStringLiteral("theme"), QStringLiteral("metric_id"), QStringLiteral("metric"),
                 QStringLiteral("value"), QStringLiteral("p90"), QStringLiteral("n"), QStringLiteral("unit"),
                 QStringLiteral("target"), QStringLiteral("better"), QStringLiteral("gap"),
                 QStringLiteral("dora_2023_cluster_historical"), QStringLiteral("status"), QStringLiteral("ci_low"),
                 QStringLiteral("ci_high"), QStringLiteral("previous_value"), QStringLiteral("previous_ci_low"),
                 QStringLiteral("previous_ci_high"), QStringLiteral("verdict"), QStringLiteral("scope")});
    // docs/scope.md#window: which services and teams the figures count, on every row.
    const QString scope = d.scope.describe();
    auto lo = [](const std::optional<Interval> &ci) { return ci ? std::optional<double>(ci->lo) : std::nullopt; };
    auto hi = [](const std::optional<Interval> &ci) { return ci ? std::optional<double>(ci->hi) : std::nullopt; };
    for (const MetricResult &m : d.analysis.metrics.metrics) {
        const std::optional<PreviousFigure> before = m.previous;
        w.word(MetricCatalogue::themeId(m.def->theme))
            .word(m.id())
            .word(metricName(m))
            .number(m.value)
            .number(m.p90)
            .integer(m.n)
            .word(MetricCatalogue::unitId(m.def->unit))
            .number(m.target)
            .word(MetricCatalogue::betterId(m.def->better))
            .number(m.gap)
            .word(m.tier ? MetricCatalogue::tierId(*m.tier) : QString())
            .word(MetricCatalogue::statusId(m.status))
            .number(lo(m.ci))
            .number(hi(m.ci))
            .number(before ? before->value : std::nullopt)
            .number(before ? lo(before->ci) : std::nullopt)
            .number(before ? hi(before->ci) : std::nullopt)
            .word(QLatin1StringView(intervals::verdictId(m.verdict)))
            .text(scope);
        w.endRow();
    }
    return w.bytes();
}

QByteArray themes(const ReportData &d)
{
    CsvWriter w({QStringLiteral("theme"), QStringLiteral("name"), QStringLiteral("metrics"), QStringLiteral("met"),
                 QStringLiteral("gaps"), QStringLiteral("not_measured"), QStringLiteral("weight")});
    for (const ThemeSummary &t : d.analysis.metrics.themes) {
        w.word(MetricCatalogue::themeId(t.theme))
            .word(MetricCatalogue::themeName(t.theme))
            .integer(t.metrics)
            .integer(t.met)
            .integer(t.gaps)
            .integer(t.notMeasured)
            .number(t.weight);
        w.endRow();
    }
    return w.bytes();
}

QByteArray weekly(const ReportData &d)
{
    CsvWriter w({QStringLiteral("metric_id"), QStringLiteral("week"), QStringLiteral("from"), QStringLiteral("to"),
                 QStringLiteral("value"), QStringLiteral("n")});
    for (const MetricResult &m : d.analysis.metrics.metrics)
        for (const WeeklyPoint &p : m.weekly) {
            w.word(m.id()).word(p.week).word(formatIso(p.start)).word(formatIso(p.end)).number(p.value).integer(p.n);
            w.endRow();
        }
    return w.bytes();
}

// docs/metrics.md#which-deployments-count: the deployments of the numerators of
// change_failure_rate and deployment_rework_rate, one row per metric and deployment (so the rows
// of a metric count its numerator), the rules that hold as ids and as words.
QByteArray countedDeployments(const ReportData &d)
{
    CsvWriter w({QStringLiteral("metric_id"), QStringLiteral("deployment_id"), QStringLiteral("service"),
                 QStringLiteral("finished_at"), QStringLiteral("result"), QStringLiteral("rules"),
                 QStringLiteral("reasons")});
    for (MetricId id : {MetricId::ChangeFailureRate, MetricId::DeploymentReworkRate}) {
        const MetricResult &m = d.analysis.metrics.at(id);
        for (const CountedDeployment &c : m.counted) {
            QStringList rules;
            for (const auto *list : {&CountedDeployment::kFailureRules, &CountedDeployment::kReworkRules})
                for (CountedDeployment::Rule rule : *list)
                    if (c.has(rule))
                        rules << countedRuleId(rule);
            w.word(m.id())
                .text(c.deploymentId)
                .text(c.service)
                .word(formatIso(c.finishedAt))
                .word(QString::fromLatin1(toString(c.result)))
                .word(rules.join(u';'))
                .text(charts::countedReasons(c).join(QStringLiteral("; ")));
            w.endRow();
        }
    }
    return w.bytes();
}

// Every metric in each quarter of progress (docs/intervals-and-progress.md#progress-quarters), with the
// pace and the projected quarter repeated on each of its rows.
QByteArray progress(const ReportData &d)
{
    CsvWriter w({QStringLiteral("metric_id"), QStringLiteral("quarter"), QStringLiteral("partial"),
                 QStringLiteral("value"), QStringLiteral("n"), QStringLiteral("ci_low"), QStringLiteral("ci_high"),
                 QStringLiteral("verdict"), QStringLiteral("status"), QStringLiteral("slope_per_quarter"),
                 QStringLiteral("target_quarter"), QStringLiteral("success")});
    const ProgressReport &r = d.progress;
    for (const MetricProgress &m : r.metrics) {
        const QString target = m.pace.met ? QStringLiteral("met")
            : m.pace.targetQuarter        ? formatQuarter(*m.pace.targetQuarter)
                                          : QString();
        for (std::size_t i = 0; i < m.quarters.size(); ++i) {
            const QuarterFigure &f = m.quarters[i];
            w.word(m.id())
                .word(formatQuarter(r.quarters[i].quarter))
                .boolean(r.quarters[i].partial)
                .number(f.value)
                .integer(f.n)
                .number(f.ci ? std::optional<double>(f.ci->lo) : std::nullopt)
                .number(f.ci ? std::optional<double>(f.ci->hi) : std::nullopt)
                .word(f.verdict ? QLatin1StringView(intervals::verdictId(*f.verdict)) : QLatin1StringView())
                .word(MetricCatalogue::statusId(f.status))
                .number(m.pace.slopePerQuarter)
                .word(target)
                .boolean(m.success);
            w.endRow();
        }
    }
    return w.bytes();
}

// docs/metrics.md#dora-quick-check: one row per metric, then the three means.
QByteArray doraQuickCheck(const ReportData &d)
{
    CsvWriter w({QStringLiteral("item"), QStringLiteral("group"), QStringLiteral("value"), QStringLiteral("unit"),
                 QStringLiteral("level"), QStringLiteral("level_words"), QStringLiteral("score"),
                 QStringLiteral("industry_mean"), QStringLiteral("industry_sd"), QStringLiteral("benchmark")});
    const dora::QuickCheck &q = d.analysis.metrics.dora;
    const QString benchmark = QString::fromLatin1(dora::kBenchmarkId);
    for (const dora::MetricScore &m : q.metrics) {
        const dora::Industry industry = dora::industry(m.metric);
        w.word(MetricCatalogue::idText(m.metric))
            .word(dora::group(m.metric) == dora::Group::Throughput ? QStringLiteral("throughput")
                                                                   : QStringLiteral("instability"))
            .number(m.value)
            .word(MetricCatalogue::unitId(MetricCatalogue::def(m.metric).unit));
        if (m.level)
            w.integer(*m.level).word(charts::doraLevelWords(m.metric, *m.level));
        else
            w.word(QString()).word(QString());
        w.number(m.score).number(industry.mean).number(industry.sd).word(benchmark);
        w.endRow();
    }
    const std::pair<const char *, std::pair<std::optional<double>, dora::Industry>> means[] = {
        {"throughput", {q.throughput, dora::industryThroughput()}},
        {"stability", {q.stability, dora::industryStability()}},
        {"overall", {q.overall, dora::industryOverall()}},
    };
    for (const auto &[name, figures] : means) {
        w.word(QString::fromLatin1(name)).word(QString()).word(QString()).word(QString()).word(QString()).word(QString());
        w.number(figures.first).number(figures.second.mean).number(figures.second.sd).word(benchmark);
        w.endRow();
    }
    return w.bytes();
}

QByteArray alertGroups(const ReportData &d)
{
    CsvWriter w({QStringLiteral("rank"), QStringLiteral("key"), QStringLiteral("service"), QStringLiteral("title"),
                 QStringLiteral("count"), QStringLiteral("share"), QStringLiteral("cumulative_share"),
                 QStringLiteral("off_hours_ratio"), QStringLiteral("noise_ratio"), QStringLiteral("ack_p50_minutes"),
                 QStringLiteral("merged_keys")});
    std::int64_t rank = 0;
    for (const AlertGroup &g : d.analysis.alerts.groups) {
        w.integer(++rank)
            .text(g.key)
            .text(g.service)
            .text(g.title)
            .integer(g.count)
            .number(g.share)
            .number(g.cumulativeShare)
            .number(g.offHoursRatio)
            .number(g.noiseRatio)
            .number(g.ackP50Minutes)
            .text(g.mergedKeys.join(u';'));
        w.endRow();
    }
    return w.bytes();
}

QByteArray slos(const ReportData &d)
{
    CsvWriter w({QStringLiteral("name"), QStringLiteral("display_name"), QStringLiteral("service"),
                 QStringLiteral("budgeting_method"), QStringLiteral("objective"), QStringLiteral("window_days"),
                 QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("measurements"),
                 QStringLiteral("attainment"), QStringLiteral("error_budget_remaining"),
                 QStringLiteral("burn_rate_24h"), QStringLiteral("met")});
    for (const SloResult &s : d.analysis.metrics.slos) {
        w.text(s.name)
            .text(s.displayName)
            .text(s.service)
            .word(QString::fromLatin1(toString(s.method)))
            .number(s.objective)
            .number(s.windowDays())
            .word(formatIso(s.windowFrom))
            .word(formatIso(s.windowTo))
            .integer(s.measurements)
            .number(s.attainment)
            .number(s.errorBudgetRemaining)
            .number(s.burnRate24h)
            .boolean(s.met);
        w.endRow();
    }
    return w.bytes();
}

QByteArray debt(const ReportData &d)
{
    // The register in the columns of the debt import format (docs/formats.md), then its assessment.
    CsvWriter w({QStringLiteral("id"),
                 QStringLiteral("title"),
                 QStringLiteral("theme"),
                 QStringLiteral("toil_hours_per_week"),
                 QStringLiteral("cost_weeks"),
                 QStringLiteral("risk_likelihood"),
                 QStringLiteral("risk_impact"),
                 QStringLiteral("fowler"),
                 QStringLiteral("depends_on"),
                 QStringLiteral("linked_metric"),
                 QStringLiteral("status"),
                 QStringLiteral("pinned_quarter"),
                 QStringLiteral("notes"),
                 QStringLiteral("quadrant"),
                 QStringLiteral("value"),
                 QStringLiteral("cost_hours"),
                 QStringLiteral("weight"),
                 QStringLiteral("priority"),
                 QStringLiteral("payback_quarters"),
                 QStringLiteral("rank"),
                 QStringLiteral("gap_factor"),
                 QStringLiteral("gap_factor_note")});
    for (std::size_t i = 0; i < d.debtItems.size() && i < d.assessments.size(); ++i) {
        const DebtItem &item = d.debtItems[i];
        const DebtAssessment &a = d.assessments[i];
        w.text(item.id)
            .text(item.title)
            .word(MetricCatalogue::themeIdOrEmpty(item.theme))
            .number(item.toilHoursPerWeek)
            .number(item.costWeeks)
            .integer(item.riskLikelihood)
            .integer(item.riskImpact)
            .text(item.fowler)
            .text(join(item.dependsOn))
            .word(MetricCatalogue::idListText(item.linkedMetrics))
            .word(QString::fromLatin1(toString(item.status)))
            .text(item.pinnedQuarter)
            .text(item.notes)
            .word(quadrantName(a.quadrant))
            .number(a.value)
            .number(a.costHours)
            .number(a.weight)
            .number(a.priority) // a zero-cost item's infinity is empty, as JSON's null
            .number(a.paybackQuarters);
        if (a.rank)
            w.integer(*a.rank);
        else
            w.word(QString());
        w.number(a.gap.factor).text(a.gapNote);
        w.endRow();
    }
    return w.bytes();
}

QByteArray planItems(const ReportData &d)
{
    CsvWriter w({QStringLiteral("quarter"), QStringLiteral("order"), QStringLiteral("id"), QStringLiteral("title"),
                 QStringLiteral("cost_weeks"), QStringLiteral("priority"), QStringLiteral("effective_priority"),
                 QStringLiteral("priority_from"), QStringLiteral("quadrant"), QStringLiteral("pinned"),
                 QStringLiteral("scheduled"), QStringLiteral("critical_path"), QStringLiteral("reason"),
                 QStringLiteral("linked_metrics"), QStringLiteral("gap_factor"), QStringLiteral("gap_factor_note")});
    if (!d.plan)
        return w.bytes();
    const Plan &plan = *d.plan;
    const std::vector<std::string> &path = plan.criticalPath.ids;
    auto row = [&](const PlannedItem &p, int order) {
        w.word(p.quarter ? formatQuarter(*p.quarter) : QString())
            .integer(order)
            .text(p.id)
            .text(p.title)
            .number(p.costWeeks)
            .number(p.priority)
            .number(p.effectivePriority)
            .text(p.priorityFrom)
            .word(quadrantName(p.quadrant))
            .boolean(p.pinned)
            .boolean(p.quarter.has_value())
            .boolean(std::find(path.begin(), path.end(), p.id) != path.end())
            .text(p.reason)
            .word(MetricCatalogue::idListText(p.linkedMetrics))
            .number(p.gapFactor)
            .text(p.gapNote);
        w.endRow();
    };
    for (const PlanQuarter &q : plan.quarters)
        for (std::size_t i = 0; i < q.items.size(); ++i)
            row(q.items[i], int(i) + 1);
    for (std::size_t i = 0; i < plan.unscheduled.size(); ++i)
        row(plan.unscheduled[i], int(i) + 1);
    return w.bytes();
}

QByteArray planQuarters(const ReportData &d)
{
    CsvWriter w({QStringLiteral("quarter"), QStringLiteral("capacity_weeks"), QStringLiteral("used_weeks"),
                 QStringLiteral("free_weeks"), QStringLiteral("items")});
    if (!d.plan)
        return w.bytes();
    for (const PlanQuarter &q : d.plan->quarters) {
        w.word(formatQuarter(q.quarter))
            .number(q.capacityWeeks)
            .number(q.usedWeeks)
            .number(q.freeWeeks())
            .integer(std::int64_t(q.items.size()));
        w.endRow();
    }
    return w.bytes();
}

// Which gap the plan addresses, and when (docs/debt-and-roadmap.md#gaps): one row per metric with a
// gap or not measured in the default window.
QByteArray planGaps(const ReportData &d)
{
    CsvWriter w({QStringLiteral("metric"), QStringLiteral("status"), QStringLiteral("value"), QStringLiteral("target"),
                 QStringLiteral("items"), QStringLiteral("item_quarters"), QStringLiteral("addressed_in"),
                 QStringLiteral("unaddressed")});
    if (!d.plan)
        return w.bytes();
    for (const PlanGap &g : d.plan->gaps) {
        QStringList ids, quarters;
        for (const PlanGap::Item &i : g.items) {
            ids << QString::fromStdString(i.id);
            quarters << (i.quarter ? formatQuarter(*i.quarter) : QStringLiteral("unscheduled"));
        }
        w.word(MetricCatalogue::idText(g.metric))
            .word(MetricCatalogue::statusId(g.status))
            .number(g.value)
            .number(g.target)
            .text(ids.join(u';'))
            .word(quarters.join(u';'))
            .word(g.addressedIn ? formatQuarter(*g.addressedIn) : QString())
            .boolean(!g.addressedIn);
        w.endRow();
    }
    return w.bytes();
}

QByteArray dataSources(const ReportData &d)
{
    CsvWriter w({QStringLiteral("file"), QStringLiteral("imported_at"), QStringLiteral("format"),
                 QStringLiteral("added"), QStringLiteral("updated"), QStringLiteral("unchanged"),
                 QStringLiteral("skipped"), QStringLiteral("sha256"), QStringLiteral("notes")});
    for (const ImportLogEntry &e : d.imports) {
        w.text(e.fileName)
            .word(formatIso(e.importedAt))
            .text(e.format)
            .integer(e.added)
            .integer(e.updated)
            .integer(e.unchanged)
            .integer(e.skipped)
            .text(e.sha256)
            .text(e.notes);
        w.endRow();
    }
    return w.bytes();
}

// The files of an export and what makes each: one table, so the names are known without data.
struct CsvTable
{
    const char *name;
    QByteArray (*make)(const ReportData &);
};
const CsvTable kCsvTables[] = {
    {"rollup.csv", rollup},
    {"themes.csv", themes},
    {"metrics_weekly.csv", weekly},
    {"counted_deployments.csv", countedDeployments},
    {"dora_quick_check.csv", doraQuickCheck},
    {"progress.csv", progress},
    {"alert_groups.csv", alertGroups},
    {"slos.csv", slos},
    {"debt.csv", debt},
    {"plan.csv", planItems},
    {"plan_quarters.csv", planQuarters},
    {"plan_gaps.csv", planGaps},
    {"data_sources.csv", dataSources},
};

} // namespace

std::vector<CsvFile> csvFiles(const ReportData &d)
{
    std::vector<CsvFile> out;
    for (const CsvTable &t : kCsvTables)
        out.push_back({QString::fromLatin1(t.name), t.make(d)});
    return out;
}

QStringList csvFileNames()
{
    QStringList out;
    for (const CsvTable &t : kCsvTables)
        out << QString::fromLatin1(t.name);
    return out;
}

QStringList writeCsvFiles(const ReportData &data, const QString &dir, const OutputPolicy &policy)
{
    if (isStandardOutput(dir))
        throw ExportError(tr("the CSV tables are several files: --csv needs a directory, not -"),
                          ExportError::Kind::Refused);
    // Everything is made and checked before the first file is written: a failure to compute,
    // or one file that may not be replaced, writes nothing.
    const std::vector<CsvFile> files = csvFiles(data);
    const QFileInfo info(dir);
    if (info.exists() && !info.isDir())
        throw ExportError(
            tr("cannot write CSV files into %1: it is not a directory").arg(QDir::toNativeSeparators(dir)));
    QStringList paths;
    for (const CsvFile &f : files)
        paths << QDir(dir).filePath(f.name);
    checkOutputs(paths, policy);
    if (!info.exists() && !QDir().mkpath(dir))
        throw ExportError(tr("cannot create the directory %1").arg(QDir::toNativeSeparators(dir)));
    for (std::size_t i = 0; i < files.size(); ++i)
        saveFile(paths[qsizetype(i)], files[i].bytes);
    return paths;
}

} // namespace srm::report
