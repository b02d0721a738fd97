// `progress WORKSPACE [--as-of T] [--quarters N] [--json]` (docs/intervals-and-progress.md): every metric quarter by
// quarter with its interval and verdict, the Theil–Sen pace and the quarter each gap is
// projected to close in, the SLOs quarter-aligned and the successes
// (docs/intervals-and-progress.md). The JSON document of progressjson.h, or aligned text tables
// grouped by theme. The figures come from engine/progress.h; this file only formats them.
#include "app/analysisoptions.h"
#include "app/cli.h"
#include "app/commands.h"
#include "engine/progress.h"
#include "engine/progressjson.h"
#include "store/workspace.h"

#include <QDateTime>

namespace srm::cli {

namespace {

// A quarter's cell: its value, marked when the verdict against the quarter before is a real
// change ("+" improved, "!" worse) or cannot be told ("?").
QString cell(const QuarterFigure &f, Unit unit)
{
    if (!f.value)
        return QStringLiteral("-");
    QString text = formatValue(f.value, unit);
    if (!f.verdict)
        return text;
    switch (*f.verdict) {
    case Verdict::Improved: return text + QStringLiteral(" +");
    case Verdict::Worse: return text + QStringLiteral(" !");
    case Verdict::NoClearChange: return text + QStringLiteral("  ");
    case Verdict::InsufficientData: return text + QStringLiteral(" ?");
    }
    return text;
}

QString paceText(const MetricProgress &m)
{
    if (!m.pace.slopePerQuarter)
        return QStringLiteral("-");
    const double slope = *m.pace.slopePerQuarter;
    return (slope >= 0 ? QStringLiteral("+") : QString()) + formatValue(slope, m.def->unit);
}

QString targetText(const MetricProgress &m)
{
    if (m.pace.met)
        return QStringLiteral("met");
    if (m.pace.targetQuarter)
        return QStringLiteral("on pace for %1").arg(formatQuarter(*m.pace.targetQuarter));
    if (!m.pace.slopePerQuarter)
        return QStringLiteral("too few quarters");
    return QStringLiteral("not at this pace");
}

QString render(const ProgressReport &report)
{
    const ProgressQuarter &first = report.quarters.front();
    const ProgressQuarter &last = report.quarters.back();
    QString out = QStringLiteral("Progress from %1 to %2 (as of %3)")
                      .arg(formatQuarter(first.quarter), formatQuarter(last.quarter), formatIso(report.asOf));
    if (last.partial)
        out += QStringLiteral("; %1 is partial: %2 to %3")
                   .arg(formatQuarter(last.quarter), formatDate(last.period.from), formatIso(last.period.to));
    out += QStringLiteral(
        "\nEach value against the quarter before: + improved, ! worse (the 95% ranges do not overlap), "
        "? not enough data to tell; no mark: no clear change.\n");

    QStringList header{QStringLiteral("metric")};
    QList<bool> right{false};
    for (const ProgressQuarter &q : report.quarters) {
        header << formatQuarter(q.quarter) + (q.partial ? QStringLiteral("*") : QString());
        right << true;
    }
    header << QStringLiteral("target") << QStringLiteral("pace/quarter") << QStringLiteral("projected");
    right << true << true << false;
    for (Theme theme : MetricCatalogue::kThemes) {
        out += QStringLiteral("\n%1\n").arg(MetricCatalogue::themeName(theme));
        TextTable table(header, right);
        for (const MetricProgress &m : report.metrics) {
            if (m.def->theme != theme)
                continue;
            QStringList row{QString::fromLatin1(m.def->name) + (m.success ? QStringLiteral(" (success)") : QString())};
            for (const QuarterFigure &f : m.quarters)
                row << cell(f, m.def->unit);
            row << formatValue(m.target, m.def->unit) << paceText(m) << targetText(m);
            table.addRow(row);
        }
        out += table.render();
    }

    out += QStringLiteral("\nSLOs, attainment over each quarter itself (met or missed against the objective)\n");
    if (report.slos.empty()) {
        out += QStringLiteral("  none defined\n");
    } else {
        QStringList sloHeader{QStringLiteral("name"), QStringLiteral("objective")};
        QList<bool> sloRight{false, true};
        for (const ProgressQuarter &q : report.quarters) {
            sloHeader << formatQuarter(q.quarter) + (q.partial ? QStringLiteral("*") : QString());
            sloRight << true;
        }
        TextTable slos(sloHeader, sloRight);
        for (const SloProgress &s : report.slos) {
            QStringList row{s.name, QString::number(s.objective * 100, 'f', 3) + u'%'};
            for (const SloQuarter &q : s.quarters)
                row << (q.attainment ? QString::number(*q.attainment * 100, 'f', 3)
                                + (*q.met ? QStringLiteral("% met") : QStringLiteral("% missed"))
                                     : QStringLiteral("-"));
            slos.addRow(row);
        }
        out += slos.render();
    }

    QStringList successes;
    for (MetricId id : report.successes)
        successes << QString::fromLatin1(MetricCatalogue::def(id).name);
    const std::optional<int> latest = report.latestComplete();
    out += QStringLiteral("\nSuccesses of %1: %2\n")
               .arg(latest ? formatQuarter(report.quarters[std::size_t(*latest)].quarter) : QStringLiteral("-"),
                    successes.isEmpty() ? QStringLiteral("none") : successes.join(QStringLiteral(", ")));
    return out;
}

} // namespace

int cmdProgress(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("WORKSPACE"), QStringLiteral("the workspace file (.srmap)"));
    const WindowOptions options;
    const QCommandLineOption quarters(
        QStringLiteral("quarters"),
        QStringLiteral("calendar quarters to show, the last one holding as-of (default %1)")
            .arg(ProgressRequest::kDefaultQuarters),
        QStringLiteral("N"));
    parser.addOptions({options.asOf, quarters, options.json});
    const ScopeOptions scope;
    scope.addTo(parser);
    if (!parse(parser, QStringLiteral("progress"), args))
        return Ok;
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 1)
        throw UsageError(QStringLiteral("expected WORKSPACE"));
    ProgressRequest request;
    if (parser.isSet(options.asOf)) {
        request.asOf = parseAsOf(parser.value(options.asOf));
        if (!request.asOf)
            throw UsageError(QStringLiteral("--as-of needs YYYY-MM-DD or an ISO-8601 instant, not '%1'")
                                 .arg(parser.value(options.asOf)));
    }
    if (parser.isSet(quarters))
        request.quarters = intOption(parser, quarters, 1, ProgressRequest::kMaxQuarters);
    scope.validate(parser);
    auto ws = openWorkspace(pos[0]);
    request.scope = scope.value(parser, *ws);
    Dataset read;
    const ProgressReport report = loadProgress(*ws, request, QDateTime::currentMSecsSinceEpoch() * 1000, &read);
    if (parser.isSet(options.json))
        printJsonText(toJsonText(report));
    else
        printOut(render(report));
    keepUntilExit(std::move(read));
    return Ok;
}

} // namespace srm::cli
