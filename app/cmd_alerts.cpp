// `alerts WORKSPACE [--as-of T] [--window-days N] [--top N] [--json]` (docs/slos-and-alerts.md): the alert
// groups of the window by page count (Pareto), after the built-in normalisation and the user's
// rules and merges, from the analysis engine; the JSON document of
// docs/slos-and-alerts.md#alert-groups, or a text table.
#include "app/analysisoptions.h"
#include "app/cli.h"
#include "app/commands.h"
#include "engine/analysis.h"
#include "engine/analysisjson.h"
#include "store/workspace.h"

#include <QDateTime>

namespace srm::cli {

namespace {

// Without --top the text lists this many groups (the JSON lists all).
constexpr int kDefaultTextTop = 20;

QString ratio(double v)
{
    return QString::number(v * 100, 'f', 1) + u'%';
}

QString render(const AlertReport &report, qsizetype top)
{
    const AnalysisWindow &w = report.window;
    QString out = QStringLiteral("Alert groups from %1 to %2 (%3 days; as of %4)\n")
                      .arg(formatIso(w.from()), formatIso(w.to()))
                      .arg(w.days)
                      .arg(formatIso(w.asOf));
    out += QStringLiteral("%1 pages in %2 groups").arg(report.totalPages).arg(report.groupsTotal());
    if (report.groupsFor80Percent)
        out += QStringLiteral("; the top %1 groups cause 80% of the pages").arg(*report.groupsFor80Percent);
    out += QStringLiteral("\n\n");
    if (report.groups.empty())
        return out;
    TextTable table({QStringLiteral("#"), QStringLiteral("pages"), QStringLiteral("share"),
                     QStringLiteral("cumulative"), QStringLiteral("off-hours"), QStringLiteral("noise"),
                     QStringLiteral("ack p50"), QStringLiteral("group")},
                    {true, true, true, true, true, true, true, false});
    const qsizetype listed = std::min<qsizetype>(top, qsizetype(report.groups.size()));
    for (qsizetype i = 0; i < listed; ++i) {
        const AlertGroup &g = report.groups[size_t(i)];
        table.addRow(
            {QString::number(i + 1), QString::number(g.count), ratio(g.share), ratio(g.cumulativeShare),
             ratio(g.offHoursRatio), ratio(g.noiseRatio),
             g.ackP50Minutes ? QString::number(*g.ackP50Minutes, 'f', 1) + QStringLiteral(" min") : QStringLiteral("-"),
             g.key});
    }
    out += table.render();
    if (listed < qsizetype(report.groups.size()))
        out += QStringLiteral("  ... %1 more groups (--top N lists more)\n")
                   .arg(qsizetype(report.groups.size()) - listed);
    return out;
}

} // namespace

int cmdAlerts(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("WORKSPACE"), QStringLiteral("the workspace file (.srmap)"));
    const WindowOptions options;
    const QCommandLineOption top(QStringLiteral("top"),
                                 QStringLiteral("list only the N most frequent groups (totals still count all; "
                                                "default: all with --json, %1 as text)")
                                     .arg(kDefaultTextTop),
                                 QStringLiteral("N"));
    options.addTo(parser);
    parser.addOption(top);
    const ScopeOptions scope;
    scope.addTo(parser);
    if (!parse(parser, QStringLiteral("alerts"), args))
        return Ok;
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 1)
        throw UsageError(QStringLiteral("expected WORKSPACE"));
    options.validate(parser);
    scope.validate(parser);
    std::optional<qsizetype> limit;
    if (parser.isSet(top))
        limit = intOption(parser, top, 0, std::numeric_limits<int>::max());
    auto ws = openWorkspace(pos[0]);
    const Scope chosen = scope.value(parser, *ws);
    const Dataset data = Dataset::load(*ws, options.asOfValue(parser), options.days(parser), Dataset::Pages,
                                       QDateTime::currentMSecsSinceEpoch() * 1000, chosen);
    const AlertReport report = computeAlerts(data);
    if (parser.isSet(options.json))
        printJsonText(toJsonText(report, limit));
    else
        printOut(render(report, limit ? *limit : kDefaultTextTop));
    return Ok;
}

} // namespace srm::cli
