// `report WORKSPACE --pdf OUT.pdf [--as-of T] [--window-days N] [--page-size A4|Letter]`
// (SPEC 10): the executive PDF roadmap, laid out by views/report/reportrenderer.h. The workspace
// is opened first (exit 3 when it is not one), then OUT.pdf through QSaveFile: an unwritable
// path exits 1 and nothing is left at OUT.pdf unless the whole report was written.
#include "app/analysisoptions.h"
#include "app/cli.h"
#include "app/commands.h"
#include "views/report/exportfile.h"
#include "views/report/reportrenderer.h"
#include "store/workspace.h"

#include <QDateTime>
#include <QDir>

namespace srm::cli {

int cmdReport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("WORKSPACE"), QStringLiteral("the workspace file (.srmap)"));
    const WindowOptions window;
    const QCommandLineOption pdf(QStringLiteral("pdf"), QStringLiteral("write the executive PDF to FILE"),
                                 QStringLiteral("FILE"));
    const QCommandLineOption pageSize(QStringLiteral("page-size"), QStringLiteral("A4 (default) or Letter"),
                                      QStringLiteral("SIZE"), QStringLiteral("A4"));
    parser.addOptions({pdf, window.asOf, window.windowDays, pageSize});
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
    window.validate(parser);

    auto ws = openWorkspace(pos[0]);
    const QString out = parser.value(pdf);
    ReadRequest options;
    options.asOf = window.asOfValue(parser);
    options.days = window.days(parser);
    try {
        // The file is opened before the work, so an unwritable path fails at once.
        report::PdfSummary summary;
        report::saveFile(out, [&](QIODevice &device) {
            const report::ReportData data =
                report::ReportData::load(*ws, options, QDateTime::currentMSecsSinceEpoch() * 1000);
            if (!data.planProblem.isEmpty())
                printErr(QStringLiteral("sre-roadmap report: %1: the roadmap cannot be planned:\n%2\n")
                             .arg(pos[0], data.planProblem));
            summary = report::ReportRenderer(data, *size).write(device);
        });
        printOut(QStringLiteral("wrote %1: %2 pages (%3)\n")
                     .arg(QDir::toNativeSeparators(out))
                     .arg(summary.pages)
                     .arg(report::pageSizeName(*size)));
    } catch (const report::ExportError &e) {
        printErr(QStringLiteral("sre-roadmap report: %1\n").arg(e.message()));
        return Failure;
    }
    return Ok;
}

} // namespace srm::cli
