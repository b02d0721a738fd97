// `import WORKSPACE FILE... [--format F] [--map FIELD=COLUMN]... [--skip-bad-rows] [--slo NAME
// --series good|bad|total]` (docs/command-line.md, docs/formats.md): each file in its own
// transaction through the ImportRunner; a CSV no format recognises is read with a saved import
// profile of its header when there is one (app/cmd_profile.cpp); problems on stderr as
// FILE:LINE: column 'x': reason (at most 100 per file, then a count), a summary line per file
// on stdout, progress on stderr when it is a terminal. Exit 2 when any file was not imported.
#include "app/cli.h"
#include "app/commands.h"
#include "app/mapoption.h"
#include "importers/importrunner.h"
#include "store/texthygiene.h"
#include "store/workspace.h"

#include <QElapsedTimer>
#include <QFileInfo>

namespace srm::cli {

namespace {

using importers::ImportResult;

QString summary(const ImportResult &r)
{
    return QStringLiteral("%1: %2, %3 added, %4 updated, %5 unchanged, %6 skipped\n")
        .arg(r.path, QString::fromLatin1(importers::formatId(*r.format)))
        .arg(r.counts.added)
        .arg(r.counts.updated)
        .arg(r.counts.unchanged)
        .arg(r.badRows);
}

} // namespace

int cmdImport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("WORKSPACE"), QStringLiteral("the workspace (created when missing)"));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("files to import"), QStringLiteral("FILE..."));
    const QCommandLineOption format(
        QStringLiteral("format"),
        QStringLiteral("the format of the files instead of detecting it: %1").arg(importers::knownFormatIds()),
        QStringLiteral("F"));
    const QCommandLineOption skip(QStringLiteral("skip-bad-rows"),
                                  QStringLiteral("import the good rows of a file with bad ones (default: a bad row "
                                                 "imports nothing from its file)"));
    const QCommandLineOption slo(QStringLiteral("slo"), QStringLiteral("Prometheus: the SLO the samples belong to"),
                                 QStringLiteral("NAME"));
    const QCommandLineOption series(QStringLiteral("series"),
                                    QStringLiteral("Prometheus: what the samples count (good, bad or total)"),
                                    QStringLiteral("SERIES"));
    const QCommandLineOption map = mapOption();
    parser.addOptions({format, map, skip, slo, series});
    if (!parse(parser, QStringLiteral("import"), args))
        return Ok;
    const QStringList pos = parser.positionalArguments();
    if (pos.size() < 2)
        throw UsageError(QStringLiteral("expected WORKSPACE FILE..."));

    importers::ImportOptions options;
    if (parser.isSet(format)) {
        options.format = importers::formatFromId(parser.value(format).toStdString());
        if (!options.format)
            throw UsageError(QStringLiteral("unknown format '%1'; known formats: %2")
                                 .arg(parser.value(format), importers::knownFormatIds()));
    }
    options.columnMap = columnMapOption(parser.values(map), options.format);
    options.skipBadRows = parser.isSet(skip);
    if (parser.isSet(slo) != parser.isSet(series))
        throw UsageError(QStringLiteral("--slo and --series go together"));
    if (parser.isSet(slo)) {
        options.sloName = parser.value(slo).trimmed().toStdString();
        options.series = importers::seriesFromName(parser.value(series).toStdString());
        if (options.sloName.empty())
            throw UsageError(QStringLiteral("--slo needs a name"));
        if (!options.series)
            throw UsageError(QStringLiteral("--series must be good, bad or total, not '%1'").arg(parser.value(series)));
    }

    // A workspace this command creates appears only when at least one file was imported: it is
    // built under a temporary name and renamed into place at the end (NewWorkspace), so a
    // failed or killed first import leaves nothing half-made behind.
    const QString wsPath = pos[0];
    std::unique_ptr<importers::NewWorkspace> created;
    std::unique_ptr<Workspace> existing;
    if (QFileInfo::exists(wsPath))
        existing = openWorkspace(wsPath);
    else
        created = std::make_unique<importers::NewWorkspace>(wsPath);
    Workspace &ws = created ? created->workspace() : *existing;
    int imported = 0;

    const bool terminal = stderrIsTerminal();
    bool failed = false;
    importers::ImportRunner runner(ws);
    for (const QString &file : pos.mid(1)) {
        importers::StreamControl control;
        QElapsedTimer shown;
        if (terminal) {
            shown.start();
            control.progress = [&](std::int64_t done, std::int64_t total) {
                if (shown.elapsed() < 100 || total <= 0)
                    return;
                shown.restart();
                printProgress(QStringLiteral("%1: %2% (%3 of %4 MB)")
                                  .arg(file)
                                  .arg(100 * done / total)
                                  .arg(double(done) / 1e6, 0, 'f', 1)
                                  .arg(double(total) / 1e6, 0, 'f', 1));
            };
        }
        const ImportResult r = runner.importFile(file, options, control);
        if (terminal)
            printProgress(QString());
        for (const QString &note : r.notes)
            printErr(QStringLiteral("%1: note: %2\n").arg(file, hygiene::escapeControls(note)));
        const QStringList problems = r.messages();
        if (!problems.isEmpty())
            printErr(problems.join(u'\n') + u'\n');
        if (r.ok()) {
            ++imported;
            printOut(summary(r));
        } else {
            failed = true;
            if (r.badRows > 0 && !r.fileError)
                printErr(QStringLiteral("%1: nothing imported: %2 bad row%3 (with --skip-bad-rows the good rows "
                                        "are imported)\n")
                             .arg(file)
                             .arg(r.badRows)
                             .arg(r.badRows == 1 ? QString() : QStringLiteral("s")));
            else if (r.fileError)
                printErr(QStringLiteral("%1: nothing imported\n").arg(file));
        }
    }
    if (created && imported > 0)
        created->publish();
    return failed ? BadInput : Ok;
}

} // namespace srm::cli
