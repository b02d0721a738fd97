// `sync WORKSPACE [NAME...] [--full] [--skip-bad-rows]` (docs/sources.md): pulls what is new from
// each source (all of them, or the ones named) and imports it, one import per source,
// all-or-nothing (sources/syncrunner.h). It runs on the main thread's event loop: QtNetwork
// needs one, and a command line has no window to keep responsive. A line per source on stdout;
// notes, waits (on a terminal) and failures on stderr as "NAME: message". Exit 0 when every
// source synced, else the worst failure's code: 2 (token refused, bad payload, no token), 1
// (network); a workspace problem stops everything with 3.
#include "app/cli.h"
#include "app/commands.h"
#include "sources/httpclient.h"
#include "sources/sourcekinds.h"
#include "sources/syncrunner.h"
#include "sources/tokenstore.h"
#include "store/sourcestore.h"
#include "store/workspace.h"

namespace srm::cli {

namespace {

using sources::SyncOutcome;

QString summary(const SourceDefinition &s, const SyncOutcome &o)
{
    const QString requests
        = QStringLiteral("%1 request%2").arg(o.requests).arg(o.requests == 1 ? QString() : QStringLiteral("s"));
    if (o.status == SyncOutcome::Status::NothingNew)
        return QStringLiteral("%1: %2, nothing new (%3)\n").arg(s.name, s.kind, requests);
    const auto &c = o.import.counts;
    return QStringLiteral("%1: %2, %3 fetched in %4; %5 added, %6 updated, %7 unchanged, %8 skipped\n")
        .arg(s.name, s.kind)
        .arg(o.items)
        .arg(requests)
        .arg(c.added)
        .arg(c.updated)
        .arg(c.unchanged)
        .arg(o.import.badRows);
}

} // namespace

int cmdSync(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("WORKSPACE"), QStringLiteral("the workspace"));
    parser.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("the sources to sync (default: all)"),
                                 QStringLiteral("[NAME...]"));
    const QCommandLineOption full(QStringLiteral("full"),
                                  QStringLiteral("fetch again from each source's start (--since), not from its last "
                                                 "sync; re-importing changes nothing that is the same"));
    const QCommandLineOption skip(QStringLiteral("skip-bad-rows"),
                                  QStringLiteral("import the good records of a sync with bad ones (default: a bad "
                                                 "record imports nothing from its source)"));
    parser.addOptions({full, skip});
    if (!parse(parser, QStringLiteral("sync"), args))
        return Ok;
    const QStringList pos = parser.positionalArguments();
    if (pos.isEmpty())
        throw UsageError(QStringLiteral("expected WORKSPACE [NAME...]"));

    auto ws = openWorkspace(pos[0]);
    const QList<SourceDefinition> all = SourceStore(*ws).list();
    QList<SourceDefinition> chosen;
    if (pos.size() == 1) {
        chosen = all;
    } else {
        for (const QString &name : pos.mid(1)) {
            const auto it = std::find_if(all.begin(), all.end(),
                                         [&](const SourceDefinition &s) { return s.name == name; });
            if (it == all.end()) {
                QStringList names;
                for (const SourceDefinition &s : all)
                    names << s.name;
                throw InputError(QStringLiteral("%1: there is no source named '%2' (sources: %3)")
                                     .arg(pos[0], name, names.isEmpty() ? QStringLiteral("none") : names.join(u", ")));
            }
            chosen << *it;
        }
    }
    if (chosen.isEmpty()) {
        printOut(QStringLiteral("%1: no sources to sync; add one with 'sre-roadmap source add'\n").arg(pos[0]));
        return Ok;
    }

    sources::SyncOptions options;
    options.full = parser.isSet(full);
    options.skipBadRows = parser.isSet(skip);
    const bool terminal = stderrIsTerminal();
    int exitCode = Ok;
    for (const SourceDefinition &s : chosen) {
        SyncOutcome outcome;
        QString token;
        try {
            token = sources::findToken(s).token;
        } catch (const sources::SyncError &e) {
            outcome.message = e.message();
            outcome.exitCode = e.exitCode();
            sources::SyncRunner::recordFailure(*ws, s.name, e.message());
        }
        if (outcome.message.isEmpty()) {
            sources::SyncRunner runner(*ws);
            if (terminal)
                runner.setStatusCallback(
                    [&s](const QString &text) { printErr(QStringLiteral("\r\x1b[K%1: %2").arg(s.name, text)); });
            outcome = runner.run(s, token, options);
            if (terminal)
                printErr(QStringLiteral("\r\x1b[K"));
        }
        for (const QString &note : std::as_const(outcome.notes))
            printErr(QStringLiteral("%1: note: %2\n").arg(s.name, note));
        if (outcome.ok()) {
            printOut(summary(s, outcome));
            continue;
        }
        for (const QString &detail : std::as_const(outcome.details))
            printErr(detail + u'\n');
        printErr(QStringLiteral("%1: %2\n").arg(s.name, outcome.message));
        exitCode = std::max(exitCode, outcome.exitCode);
    }
    return exitCode;
}

} // namespace srm::cli
