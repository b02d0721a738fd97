// `report WORKSPACE --pdf OUT.pdf [--as-of T] [--window-days N] [--page-size A4|Letter]`
// (docs/views-and-report.md#the-executive-pdf): the executive PDF roadmap, laid out by
// views/report/reportrenderer.h. The workspace is opened first (exit 3 when it is not one), then
// OUT.pdf is checked (docs/hostile-input.md#outputs: the workspace, a FIFO or a device, or a file
// with content without --force is exit 2), the PDF is rendered in memory and written through
// QSaveFile (or to standard output with -): an unwritable path exits 1 and nothing is left at
// OUT.pdf unless the whole report was written.
#include "app/analysisoptions.h"
#include "app/cli.h"
#include "app/commands.h"
#include "store/workspace.h"
#include "views/report/exportfile.h"
#include "views/report/reportrenderer.h"

#include <QBuffer>
#include <QDateTime>
#include <QDir>

#include <unistd.h>

namespace srm::cli {

int cmdReport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("WORKSPACE"), QStringLiteral("the workspace file (.srmap)"));
    const WindowOptions window;
    const QCommandLineOption pdf(QStringLiteral("pdf"),
                                 QStringLiteral("write the executive PDF to FILE (- for standard output)"),
                                 QStringLiteral("FILE"));
    const QCommandLineOption pageSize(QStringLiteral("page-size"), QStringLiteral("A4 (default) or Letter"),
                                      QStringLiteral("SIZE"), QStringLiteral("A4"));
    const QCommandLineOption force(QStringLiteral("force"),
                                   QStringLiteral("replace FILE when it exists and is not empty"));
    parser.addOptions({pdf, window.asOf, window.windowDays, pageSize, force});
    const ScopeOptions scope;
    scope.addTo(parser);
    if (!parse(parser, QStringLiteral("report"), args))
        return Ok;
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 1)
        throw UsageError(QStringLiteral("expected WORKSPACE"));
    if (!parser.isSet(pdf) || parser.value(pdf).isEmpty())
        throw UsageError(QStringLiteral("--pdf OUT.pdf is required"));
    const auto size = report::pageSizeFromName(parser.value(pageSize));
    if (!size)
        throw UsageError(QStringLiteral("--page-size needs A4 or Letter, not '%1'").arg(parser.value(pageSize)));
    const QString out = parser.value(pdf);
    if (report::isStandardOutput(out) && ::isatty(STDOUT_FILENO))
        throw UsageError(
            QStringLiteral("--pdf - writes the PDF to standard output, which is a terminal here; redirect it"));
    window.validate(parser);
    scope.validate(parser);

    auto ws = openWorkspace(pos[0]);
    report::OutputPolicy policy;
    policy.workspace = pos[0];
    policy.force = parser.isSet(force);
    ReadRequest options;
    options.asOf = window.asOfValue(parser);
    options.days = window.days(parser);
    options.scope = scope.value(parser, *ws);
    try {
        // Checked before the work, so a path that may not be written fails at once.
        report::checkOutputs({out}, policy);
        Dataset read;
        const report::ReportData data = report::ReportData::load(*ws, options,
                                                                 QDateTime::currentMSecsSinceEpoch() * 1000, &read);
        keepUntilExit(std::move(read));
        if (!data.planProblem.isEmpty())
            printErr(QStringLiteral("sre-roadmap report: %1: the roadmap cannot be planned:\n%2\n")
                         .arg(pos[0], data.planProblem));
        // Rendered in memory (a few hundred KiB), then written whole.
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        const report::PdfSummary summary = report::ReportRenderer(data, *size).write(buffer);
        report::writeOutput(out, buffer.data(), policy);
        if (!report::isStandardOutput(out))
            printOut(QStringLiteral("wrote %1: %2 pages (%3)\n")
                         .arg(QDir::toNativeSeparators(out))
                         .arg(summary.pages)
                         .arg(report::pageSizeName(*size)));
    } catch (const report::ExportError &e) {
        printErr(QStringLiteral("sre-roadmap report: %1\n").arg(e.message()));
        return exitCodeFor(e);
    }
    return Ok;
}

} // namespace srm::cli
