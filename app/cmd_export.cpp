// `export WORKSPACE (--csv DIR | --html OUT.html) [--as-of T] [--window-days N]`: the report's
// tables as CSV files for spreadsheets and slides (views/report/csvexport.h), and the one-page
// HTML summary for a daily e-mail (views/report/htmlsummary.h). Both may be asked at once; the
// figures are computed once. Every file goes through QSaveFile; a file that cannot be written
// exits 1 and is left as it was. Outputs are checked first (docs/hostile-input.md#outputs): the
// workspace, a FIFO or a device, or a file with content without --force is exit 2 and nothing is
// written; --html - writes the summary to standard output (a cron job's mail).
#include "app/analysisoptions.h"
#include "app/cli.h"
#include "app/commands.h"
#include "store/workspace.h"
#include "views/report/csvexport.h"
#include "views/report/exportfile.h"
#include "views/report/htmlsummary.h"

#include <QDateTime>
#include <QDir>

namespace srm::cli {

int cmdExport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("WORKSPACE"), QStringLiteral("the workspace file (.srmap)"));
    const WindowOptions window;
    const QCommandLineOption csv(QStringLiteral("csv"),
                                 QStringLiteral("write the tables as CSV files into DIR (made when missing)"),
                                 QStringLiteral("DIR"));
    const QCommandLineOption html(QStringLiteral("html"),
                                  QStringLiteral("write the one-page HTML summary to FILE (- for standard output)"),
                                  QStringLiteral("FILE"));
    const QCommandLineOption force(QStringLiteral("force"),
                                   QStringLiteral("replace output files that exist and are not empty"));
    parser.addOptions({csv, html, force, window.asOf, window.windowDays});
    const ScopeOptions scope;
    scope.addTo(parser);
    if (!parse(parser, QStringLiteral("export"), args))
        return Ok;
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 1)
        throw UsageError(QStringLiteral("expected WORKSPACE"));
    if (!parser.isSet(csv) && !parser.isSet(html))
        throw UsageError(QStringLiteral("say what to export: --csv DIR and/or --html OUT.html"));
    if (parser.isSet(csv) && parser.value(csv).isEmpty())
        throw UsageError(QStringLiteral("--csv needs a directory"));
    if (parser.isSet(html) && parser.value(html).isEmpty())
        throw UsageError(QStringLiteral("--html needs a file name"));
    window.validate(parser);
    scope.validate(parser);

    auto ws = openWorkspace(pos[0]);
    const Scope chosen = scope.value(parser, *ws);
    report::OutputPolicy policy;
    policy.workspace = pos[0];
    policy.force = parser.isSet(force);
    const QString htmlPath = parser.value(html);
    const bool toStdout = parser.isSet(html) && report::isStandardOutput(htmlPath);
    try {
        // Every output is checked before the work: nothing is written when one may not be.
        QStringList outputs;
        if (parser.isSet(html))
            outputs << htmlPath;
        if (parser.isSet(csv)) {
            if (report::isStandardOutput(parser.value(csv)))
                throw report::ExportError(
                    QStringLiteral("the CSV tables are several files: --csv needs a directory, not -"),
                    report::ExportError::Kind::Refused);
            for (const QString &name : report::csvFileNames())
                outputs << QDir(parser.value(csv)).filePath(name);
        }
        report::checkOutputs(outputs, policy);

        ReadRequest options;
        options.asOf = window.asOfValue(parser);
        options.days = window.days(parser);
        options.scope = chosen;
        Dataset read;
        const report::ReportData data = report::ReportData::load(*ws, options,
                                                                 QDateTime::currentMSecsSinceEpoch() * 1000, &read);
        keepUntilExit(std::move(read));
        if (!data.planProblem.isEmpty())
            printErr(QStringLiteral("sre-roadmap export: %1: the roadmap cannot be planned:\n%2\n")
                         .arg(pos[0], data.planProblem));
        if (parser.isSet(csv)) {
            const QStringList files = report::writeCsvFiles(data, parser.value(csv), policy);
            if (!toStdout)
                printOut(QStringLiteral("wrote %1 CSV files into %2\n")
                             .arg(files.size())
                             .arg(QDir::toNativeSeparators(parser.value(csv))));
        }
        if (parser.isSet(html)) {
            report::writeHtmlSummary(data, htmlPath, policy);
            if (!toStdout) // standard output holds the HTML alone
                printOut(QStringLiteral("wrote %1\n").arg(QDir::toNativeSeparators(htmlPath)));
        }
    } catch (const report::ExportError &e) {
        printErr(QStringLiteral("sre-roadmap export: %1\n").arg(e.message()));
        return exitCodeFor(e);
    }
    return Ok;
}

} // namespace srm::cli
