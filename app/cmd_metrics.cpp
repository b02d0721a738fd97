// `metrics WORKSPACE [--as-of T] [--window-days N] [SCOPE] [--by service|team] [--json]`
// (docs/metrics.md, docs/scope.md): the metric
// catalogue with targets, gaps, the historical DORA 2023 clusters, the DORA Quick Check and the
// SLOs, each figure with its 95% interval and its verdict against the period of the same length
// before the window (docs/intervals-and-progress.md), from the analysis engine; the JSON
// document, or the roll-up grouped by theme as aligned text.
#include "app/analysisoptions.h"
#include "app/cli.h"
#include "app/commands.h"
#include "engine/analysis.h"
#include "engine/analysisjson.h"
#include "engine/breakdown.h"
#include "store/workspace.h"

#include <QDateTime>

namespace srm::cli {

namespace {

QString statusText(Status s)
{
    switch (s) {
    case Status::Met: return QStringLiteral("met");
    case Status::Gap: return QStringLiteral("gap");
    case Status::NotMeasured: return QStringLiteral("not measured");
    }
    return {};
}

QString score(const std::optional<double> &v)
{
    return v ? QString::number(*v, 'f', 1) : QStringLiteral("-");
}

QString industry(const dora::Industry &i)
{
    return i.sd ? QStringLiteral("%1 ± %2").arg(QString::number(i.mean, 'f', 1), QString::number(*i.sd, 'f', 1))
                : QString::number(i.mean, 'f', 1);
}

// docs/metrics.md#dora-quick-check: the five metrics in their two groups, each with its level in
// words beside its value, its score and the industry's, then the three means.
QString renderQuickCheck(const MetricsReport &report)
{
    const dora::QuickCheck &q = report.dora;
    QString out = QStringLiteral("\nDORA Quick Check (benchmark %1: all industries, mean ± sd)\n")
                      .arg(QLatin1StringView(dora::kBenchmarkId));
    TextTable table({QStringLiteral("group"), QStringLiteral("metric"), QStringLiteral("level"),
                     QStringLiteral("value"), QStringLiteral("score"), QStringLiteral("industry")},
                    {false, false, false, true, true, true});
    std::optional<dora::Group> last;
    for (const dora::MetricScore &m : q.metrics) {
        const MetricDef &def = MetricCatalogue::def(m.metric);
        const dora::Group group = dora::group(m.metric);
        QString groupName;
        if (group != last)
            groupName = group == dora::Group::Throughput ? QStringLiteral("throughput") : QStringLiteral("instability");
        last = group;
        QString level;
        if (m.level)
            level
                = QStringLiteral("%1 (%2)").arg(QLatin1StringView(dora::levelWords(m.metric, *m.level))).arg(*m.level);
        else if (!m.value)
            level = QStringLiteral("not measured");
        table.addRow({groupName, QString::fromLatin1(def.name), level, formatValue(m.value, def.unit), score(m.score),
                      industry(dora::industry(m.metric))});
    }
    out += table.render();
    out += QStringLiteral("  throughput %1 (industry %2) · stability %3 (industry %4) · overall %5 (industry %6)\n")
               .arg(score(q.throughput), industry(dora::industryThroughput()), score(q.stability),
                    industry(dora::industryStability()), score(q.overall), industry(dora::industryOverall()));
    return out;
}

// docs/scope.md#breakdown: one row per metric, one column per service (team) with its value
// and status, then the roll-up counts; never an average across the columns.
QString renderBreakdown(const Breakdown &b)
{
    const QString noun = breakdownName(b.by);
    QString out = QStringLiteral("\nBy %1: %2 %1%3 with records in the window\n")
                      .arg(noun)
                      .arg(b.entries.size())
                      .arg(b.entries.size() == 1 ? QString() : QStringLiteral("s"));
    if (b.entries.empty())
        return out;
    QStringList header{QStringLiteral("metric")};
    QList<bool> right{false};
    for (const BreakdownEntry &e : b.entries) {
        header << (e.name.isEmpty() ? QStringLiteral("(no %1)").arg(noun) : e.name);
        right << true;
    }
    header << QStringLiteral("roll-up");
    right << false;
    TextTable table(header, right);
    for (const MetricDef &def : MetricCatalogue::all()) {
        QStringList row{QString::fromLatin1(def.name)};
        for (const BreakdownEntry &e : b.entries) {
            const MetricResult &m = e.metrics.at(def.key);
            row << (m.status == Status::NotMeasured ? QStringLiteral("not measured")
                                                    : formatValue(m.value, def.unit) + u' ' + statusText(m.status));
        }
        row << rollupWords(b.rollupOf(def.key), b.by);
        table.addRow(row);
    }
    out += table.render();
    return out;
}

QString render(const MetricsReport &report, const Breakdown *breakdown)
{
    const AnalysisWindow &w = report.window;
    QString out = QStringLiteral("Metrics from %1 to %2 (%3 days; as of %4)\n")
                      .arg(formatIso(w.from()), formatIso(w.to()))
                      .arg(w.days)
                      .arg(formatIso(w.asOf));
    if (!report.scope.isEmpty())
        out += QStringLiteral("Scope: %1 (the debt register and toil ratio are not scoped)\n")
                   .arg(report.scope.describe());
    for (const ThemeSummary &theme : report.themes) {
        out += QStringLiteral("\n%1: %2 met, %3 with a gap, %4 not measured (weight %5)\n")
                   .arg(MetricCatalogue::themeName(theme.theme))
                   .arg(theme.met)
                   .arg(theme.gaps)
                   .arg(theme.notMeasured)
                   .arg(SettingsSchema::formatNumber(theme.weight));
        TextTable table({QStringLiteral("metric"), QStringLiteral("current"), QStringLiteral("95% range"),
                         QStringLiteral("p90"), QStringLiteral("n"), QStringLiteral("target"), QStringLiteral("gap"),
                         QStringLiteral("2023 cluster*"), QStringLiteral("status"), QStringLiteral("vs. before")},
                        {false, true, true, true, true, true, true, false, false, false});
        for (const MetricResult &m : report.metrics) {
            if (m.def->theme != theme.theme)
                continue;
            table.addRow({QString::fromLatin1(m.def->name), formatValue(m.value, m.def->unit),
                          formatRange(m.ci, m.def->unit), m.def->hasP90 ? formatValue(m.p90, m.def->unit) : QString(),
                          QString::number(m.n), formatValue(m.target, m.def->unit), formatGap(m.gap, m.def->unit),
                          m.tier ? MetricCatalogue::tierId(*m.tier) : QString(), statusText(m.status),
                          verdictWords(m.verdict)});
        }
        out += table.render();
    }
    if (report.previousWindow)
        out += QStringLiteral(
                   "\nvs. before: against %1 to %2; a change counts only when the two 95% ranges do not overlap.\n")
                   .arg(formatIso(report.previousWindow->from()), formatIso(report.previousWindow->to()));
    out += QStringLiteral("\n* DORA 2023 clusters (historical): DORA has published no tiers since 2025; its current "
                          "measure is the Quick Check below.\n");
    out += renderQuickCheck(report);
    if (breakdown)
        out += renderBreakdown(*breakdown);
    out += QStringLiteral("\nSLOs\n");
    if (report.slos.empty()) {
        out += QStringLiteral("  none defined\n");
        return out;
    }
    TextTable slos({QStringLiteral("name"), QStringLiteral("service"), QStringLiteral("objective"),
                    QStringLiteral("window"), QStringLiteral("attainment"), QStringLiteral("budget left"),
                    QStringLiteral("burn 24h"), QStringLiteral("status")},
                   {false, false, true, true, true, true, true, false});
    for (const SloResult &s : report.slos) {
        const QString percent = QStringLiteral("%1%");
        auto pct = [&](const std::optional<double> &v) {
            return v ? percent.arg(QString::number(*v * 100, 'f', 3)) : QStringLiteral("-");
        };
        slos.addRow({s.name, s.service, pct(s.objective), SettingsSchema::formatNumber(s.windowDays()) + u'd',
                     pct(s.attainment), pct(s.errorBudgetRemaining),
                     s.burnRate24h ? formatNumber(*s.burnRate24h) : QStringLiteral("-"),
                     !s.met       ? QStringLiteral("no data")
                         : *s.met ? QStringLiteral("met")
                                  : QStringLiteral("missed")});
    }
    out += slos.render();
    return out;
}

} // namespace

int cmdMetrics(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("WORKSPACE"), QStringLiteral("the workspace file (.srmap)"));
    const WindowOptions options;
    options.addTo(parser);
    const ScopeOptions scope;
    scope.addTo(parser);
    const QCommandLineOption by(
        QStringLiteral("by"), QStringLiteral("break every metric down by service or team, with a roll-up of statuses"),
        QStringLiteral("service|team"));
    parser.addOption(by);
    if (!parse(parser, QStringLiteral("metrics"), args))
        return Ok;
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 1)
        throw UsageError(QStringLiteral("expected WORKSPACE"));
    options.validate(parser);
    scope.validate(parser);
    std::optional<BreakdownBy> breakdownBy;
    if (parser.isSet(by)) {
        const QString v = parser.value(by).trimmed().toLower();
        if (v == u"service")
            breakdownBy = BreakdownBy::Service;
        else if (v == u"team")
            breakdownBy = BreakdownBy::Team;
        else
            throw UsageError(QStringLiteral("--by needs service or team, not '%1'").arg(parser.value(by)));
    }
    auto ws = openWorkspace(pos[0]);
    const Scope chosen = scope.value(parser, *ws);
    const int days = options.days(parser);
    // One read for the window and the period before it (docs/intervals-and-progress.md#the-previous-period).
    Dataset data = Dataset::loadSpan(
        *ws, options.asOfValue(parser), [days](Micros asOf) { return asOf - 2 * Micros(days) * kMicrosPerDay; },
        Dataset::AllParts, QDateTime::currentMSecsSinceEpoch() * 1000, chosen);
    const AnalysisWindow window{data.window.asOf, days};
    // One engine: the breakdown's parts reuse the pages' repeat flags it computes.
    Engine engine(data);
    // Neither the JSON nor the text lists the counted deployments (the window's detail and the CSV
    // export do).
    MetricsReport report = computeComparedMetrics(engine, window, false);
    std::optional<Breakdown> breakdown;
    if (breakdownBy)
        breakdown = computeBreakdown(engine, window, *breakdownBy, true);
    if (parser.isSet(options.json))
        printJsonText(breakdown ? toJsonText(report, *breakdown) : toJsonText(report));
    else
        printOut(render(report, breakdown ? &*breakdown : nullptr));
    keepUntilExit(std::move(data));
    keepUntilExit(std::move(report));
    keepUntilExit(std::move(breakdown));
    return Ok;
}

} // namespace srm::cli
