// `plan WORKSPACE [--start YYYYQn] [--quarters N] [--as-of T] [--json]` (SPEC 8): the roadmap
// schedule of the workspace's operational debt, as SPEC 8's JSON document or as readable text.
#include "app/analysisoptions.h"
#include "app/cli.h"
#include "app/commands.h"
#include "planning/roadmap.h"
#include "store/workspace.h"

#include <QJsonDocument>

namespace srm::cli {

int cmdPlan(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("WORKSPACE"), QStringLiteral("the workspace file (.srmap)"));
    const QCommandLineOption start(QStringLiteral("start"),
                                   QStringLiteral("first quarter (default: setting roadmap_start, else the quarter after as-of)"),
                                   QStringLiteral("YYYYQn"));
    const QCommandLineOption quarters(QStringLiteral("quarters"), QStringLiteral("quarters to plan (default 4)"),
                                      QStringLiteral("N"));
    const QCommandLineOption asOf(QStringLiteral("as-of"),
                                  QStringLiteral("YYYY-MM-DD or an ISO-8601 instant (default: the day after the latest event)"),
                                  QStringLiteral("T"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("print SPEC 8's JSON document"));
    parser.addOptions({start, quarters, asOf, json});
    if (!parse(parser, QStringLiteral("plan"), args))
        return Ok;
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 1)
        throw UsageError(QStringLiteral("expected WORKSPACE"));

    PlanRequest request;
    if (parser.isSet(start)) {
        request.start = parseQuarter(parser.value(start));
        if (!request.start)
            throw UsageError(QStringLiteral("--start needs a quarter like 2027Q1, not '%1'").arg(parser.value(start)));
    }
    if (parser.isSet(quarters)) {
        bool ok = false;
        request.quarters = parser.value(quarters).toInt(&ok);
        if (!ok || request.quarters < 1 || request.quarters > kMaxPlanQuarters)
            throw UsageError(QStringLiteral("--quarters needs a whole number from 1 to %1, not '%2'")
                                 .arg(kMaxPlanQuarters)
                                 .arg(parser.value(quarters)));
    }
    if (parser.isSet(asOf)) {
        request.asOf = parseAsOf(parser.value(asOf));
        if (!request.asOf)
            throw UsageError(QStringLiteral("--as-of needs YYYY-MM-DD or an ISO-8601 instant, not '%1'").arg(parser.value(asOf)));
    }

    auto ws = openWorkspace(pos[0]);
    Plan plan;
    try {
        plan = planRoadmap(*ws, request);
    } catch (const InputError &e) {
        // Problems of the register (cycles, unknown dependencies): one line each, with the file.
        QStringList lines = e.message().split(u'\n');
        for (QString &line : lines)
            line.prepend(pos[0] + QStringLiteral(": "));
        throw InputError(lines.join(u'\n'));
    }
    if (parser.isSet(json))
        printJsonText(QJsonDocument(toJson(plan)).toJson(QJsonDocument::Compact));
    else
        printOut(planToText(plan));
    return Ok;
}

} // namespace srm::cli
