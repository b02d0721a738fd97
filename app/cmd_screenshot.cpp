// `screenshot WORKSPACE --view NAME --out FILE.png [--size WxH] [--palette light|dark]
// [--as-of T] [--window-days N] [--scenario NAME] [--force]`: renders the real main window, open
// on the workspace and on one view of docs/views-and-report.md#the-eight-views (the roadmap
// compared with a saved scenario with --scenario), and writes it as a PNG (QSaveFile, or standard
// output with -; the output is checked first as every export's: docs/hostile-input.md#outputs). The
// platform is offscreen unless QT_QPA_PLATFORM says otherwise (cli.cpp), and the user's recent
// files and window geometry are left alone. A bad view, size or palette exits 2 naming what is
// accepted.
#include "app/analysisoptions.h"
#include "app/cli.h"
#include "app/commands.h"
#include "app/mainwindow.h"
#include "store/workspace.h"
#include "views/palettes.h"
#include "views/report/exportfile.h"
#include "views/roadmapview.h"
#include "views/viewids.h"
#include "views/viewpage.h"

#include <QApplication>
#include <QBuffer>
#include <QPixmap>
#include <QRegularExpression>
#include <QStyleFactory>

#include <unistd.h>

namespace srm::cli {

namespace {
constexpr int kMaxSide = 10000;

QSize parseSize(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^(\\d{1,5})[xX](\\d{1,5})$"));
    const QRegularExpressionMatch m = re.match(text.trimmed());
    const int w = m.hasMatch() ? m.captured(1).toInt() : 0;
    const int h = m.hasMatch() ? m.captured(2).toInt() : 0;
    if (w < 200 || h < 150 || w > kMaxSide || h > kMaxSide)
        throw UsageError(
            QStringLiteral("--size needs WIDTHxHEIGHT in pixels, from 200x150 to %1x%1 (e.g. 1600x1000), not '%2'")
                .arg(kMaxSide)
                .arg(text));
    return {w, h};
}
} // namespace

int cmdScreenshot(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("WORKSPACE"), QStringLiteral("the workspace file (.srmap)"));
    const QCommandLineOption view(QStringLiteral("view"),
                                  QStringLiteral("the view to render: %1").arg(viewNames().join(QStringLiteral(", "))),
                                  QStringLiteral("NAME"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("the PNG file to write (- for standard output)"),
                                 QStringLiteral("FILE.png"));
    const QCommandLineOption force(QStringLiteral("force"),
                                   QStringLiteral("replace FILE.png when it exists and is not empty"));
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("window size in pixels (default 1600x1000)"),
                                  QStringLiteral("WxH"), QStringLiteral("1600x1000"));
    const QCommandLineOption palette(QStringLiteral("palette"), QStringLiteral("light (default) or dark"),
                                     QStringLiteral("NAME"), QStringLiteral("light"));
    const QCommandLineOption scenario(QStringLiteral("scenario"),
                                      QStringLiteral("roadmap view: compare the baseline with this saved scenario"),
                                      QStringLiteral("NAME"));
    const WindowOptions window;
    parser.addOptions({view, out, size, palette, scenario, force, window.asOf, window.windowDays});
    const ScopeOptions scope;
    scope.addTo(parser);
    const QCommandLineOption by(QStringLiteral("by"),
                                QStringLiteral("dashboard view: small multiples of each metric by service or team"),
                                QStringLiteral("service|team"));
    parser.addOption(by);
    if (!parse(parser, QStringLiteral("screenshot"), args))
        return Ok;
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 1)
        throw UsageError(QStringLiteral("expected WORKSPACE"));
    if (!parser.isSet(view))
        throw UsageError(QStringLiteral("--view is required; views: %1").arg(viewNames().join(QStringLiteral(", "))));
    const std::optional<ViewId> id = viewFromName(parser.value(view));
    if (!id)
        throw UsageError(QStringLiteral("unknown view '%1'; views: %2")
                             .arg(parser.value(view), viewNames().join(QStringLiteral(", "))));
    if (!parser.isSet(out) || parser.value(out).isEmpty())
        throw UsageError(QStringLiteral("--out FILE.png is required"));
    const QSize windowSize = parseSize(parser.value(size));
    const QString paletteName = parser.value(palette).toLower();
    if (paletteName != u"light" && paletteName != u"dark")
        throw UsageError(QStringLiteral("unknown palette '%1'; palettes: light, dark").arg(parser.value(palette)));
    const QString outPath = parser.value(out);
    if (report::isStandardOutput(outPath) && ::isatty(STDOUT_FILENO))
        throw UsageError(
            QStringLiteral("--out - writes the PNG to standard output, which is a terminal here; redirect it"));
    window.validate(parser);
    scope.validate(parser);
    std::optional<BreakdownBy> breakdownBy;
    if (parser.isSet(by)) {
        const QString v = parser.value(by).trimmed().toLower();
        if (v != u"service" && v != u"team")
            throw UsageError(QStringLiteral("--by needs service or team, not '%1'").arg(parser.value(by)));
        if (*id != ViewId::Dashboard)
            throw UsageError(QStringLiteral("--by applies to the dashboard view only"));
        breakdownBy = v == u"service" ? BreakdownBy::Service : BreakdownBy::Team;
    }
    if (parser.isSet(scenario) && *id != ViewId::Roadmap)
        throw UsageError(QStringLiteral("--scenario applies to the roadmap view only"));

    // Fails here with the store's own error (exit 3) rather than in a dialog.
    Scope chosen;
    {
        auto ws = openWorkspace(pos[0]);
        chosen = scope.value(parser, *ws);
    }
    report::OutputPolicy policy;
    policy.workspace = pos[0];
    policy.force = parser.isSet(force);
    try {
        report::checkOutputs({outPath}, policy); // before the work (docs/hostile-input.md#outputs)
    } catch (const report::ExportError &e) {
        printErr(QStringLiteral("sre-roadmap screenshot: %1\n").arg(e.message()));
        return BadInput;
    }

    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(paletteName == u"dark" ? darkPalette() : lightPalette());
    MainWindow w;
    w.setRemembersFiles(false);
    w.setAttribute(Qt::WA_DontShowOnScreen);
    if (!w.openWorkspace(pos[0]))
        throw WorkspaceError(WorkspaceError::Kind::Io, w.lastError());
    w.setAnalysisWindow(window.asOfValue(parser), window.days(parser));
    w.setScope(chosen);
    if (breakdownBy)
        w.setDashboardBreakdown(breakdownBy);
    if (!w.refreshNow())
        throw WorkspaceError(WorkspaceError::Kind::Io, w.lastError());
    if (parser.isSet(scenario)) {
        const SnapshotPtr s = w.snapshot();
        if (!s || !s->findScenario(parser.value(scenario))) {
            QStringList names;
            if (s)
                for (const ScenarioPlan &sp : s->scenarios)
                    names << sp.scenario.name;
            throw UsageError(QStringLiteral("no scenario '%1' in %2; scenarios: %3")
                                 .arg(parser.value(scenario), pos[0],
                                      names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", "))));
        }
        static_cast<RoadmapView *>(w.viewPage(*id))->compareWith(parser.value(scenario));
    }
    w.showView(*id);
    w.resize(windowSize);
    w.show();
    QApplication::processEvents();
    static_cast<ViewPage *>(w.viewPage(*id))->applyPending();
    QApplication::processEvents();

    const QImage image = w.grab().toImage();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG"))
        throw std::runtime_error("could not encode the PNG");
    try {
        report::writeOutput(outPath, bytes, policy);
    } catch (const report::ExportError &e) {
        printErr(QStringLiteral("sre-roadmap screenshot: %1\n").arg(e.message()));
        return exitCodeFor(e);
    }
    if (!report::isStandardOutput(outPath))
        printOut(QStringLiteral("wrote %1: %2 view, %3x%4\n")
                     .arg(outPath, viewName(*id))
                     .arg(image.width())
                     .arg(image.height()));
    return Ok;
}

} // namespace srm::cli
