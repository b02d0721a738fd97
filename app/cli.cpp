#include "app/cli.h"

#include "app/commands.h"
#include "app/guiloader.h"
#include "store/texthygiene.h"
#include "store/workspace.h"

#include <QCoreApplication>
#include <QFile>

#include <cstdio>
#include <unistd.h>

namespace srm::cli {

namespace {

// Core: QCoreApplication, here. The others need Qt's GUI libraries and run in the module
// sre-roadmap-gui (app/guirun.h), which creates their application object.
enum class AppKind { Core, Gui };

struct Command
{
    const char *name;
    const char *synopsis;
    const char *summary;
    int (*run)(const QStringList &); // null for AppKind::Gui: the module has those
    AppKind app;
};

const Command kCommands[] = {
    {"gui", "[WORKSPACE]", "open the window (the default command)", nullptr, AppKind::Gui},
    {"demo", "WORKSPACE", "write a complete demo workspace", cmdDemo, AppKind::Core},
    {"set", "WORKSPACE KEY VALUE", "change a setting or target", cmdSet, AppKind::Core},
    {"get", "WORKSPACE [KEY]", "show settings and targets", cmdGet, AppKind::Core},
    {"plan", "WORKSPACE [--start YYYYQn] [--quarters N] [--scenario NAME] [--set KEY=VALUE]... [--json]",
     "schedule operational debt into quarters, optionally under a what-if", cmdPlan, AppKind::Core},
    {"scenario", "WORKSPACE save NAME KEY=VALUE... | list | delete NAME", "named what-if plans (setting overrides)",
     cmdScenario, AppKind::Core},
    {"metrics", "WORKSPACE [--as-of T] [--window-days N] [--json]",
     "the metric catalogue with targets, gaps, intervals and verdicts", cmdMetrics, AppKind::Core},
    {"progress", "WORKSPACE [--as-of T] [--quarters N] [--json]",
     "every metric quarter by quarter, with verdicts and pace", cmdProgress, AppKind::Core},
    {"alerts", "WORKSPACE [--as-of T] [--window-days N] [--top N] [--json]", "alert groups by frequency", cmdAlerts,
     AppKind::Core},
    {"import",
     "WORKSPACE FILE... [--format F] [--map FIELD=COLUMN]... [--skip-bad-rows] [--slo NAME --series good|bad|total]",
     "import files (created when missing); strict: a bad row imports nothing from its file", cmdImport, AppKind::Core},
    {"profile", "list WORKSPACE | save WORKSPACE NAME FILE --format F [--map FIELD=COLUMN]... | remove WORKSPACE NAME",
     "saved column mappings for CSV files that no format recognises", cmdProfile, AppKind::Core},

    {"source", "add WORKSPACE KIND NAME [options] | list WORKSPACE | remove WORKSPACE NAME",
     "live data sources: pagerduty, prometheus, github, gitlab (tokens in the keychain or --token-env)", cmdSource,
     AppKind::Core},
    {"sync", "WORKSPACE [NAME...] [--full]", "pull what is new from the workspace's sources, one import each", cmdSync,
     AppKind::Core},
    {"generate", "OUTDIR --pages N --deployments N --incidents N [--seed S]",
     "write deterministic scale data in the import formats", cmdGenerate, AppKind::Core},
    {"screenshot", "WORKSPACE --view NAME --out FILE.png [--size WxH] [--force]",
     "render a view of the window to a PNG, offscreen", nullptr, AppKind::Gui},
    {"report", "WORKSPACE --pdf OUT.pdf [--as-of T] [--window-days N] [--page-size A4|Letter] [--force]",
     "the executive PDF roadmap", nullptr, AppKind::Gui},
    {"export", "WORKSPACE (--csv DIR | --html OUT.html) [--as-of T] [--window-days N] [--force]",
     "tables as CSV files; a one-page HTML summary (daily e-mail)", nullptr, AppKind::Gui},
};

const Command *findCommand(const QString &name)
{
    for (const Command &c : kCommands)
        if (name == QLatin1StringView(c.name))
            return &c;
    return nullptr;
}

QString generalHelp()
{
    QString out = QStringLiteral("Usage: sre-roadmap [COMMAND] [ARGS...]\n\n"
                                 "SRE Roadmap measures reliability (DORA, detection, incidents, SLOs, alerts),\n"
                                 "shows the gaps to target, ranks operational debt and plans it into quarters.\n\n"
                                 "Commands:\n");
    for (const Command &c : kCommands)
        out += QStringLiteral("  %1 %2\n      %3\n")
                   .arg(QLatin1StringView(c.name), QLatin1StringView(c.synopsis), QLatin1StringView(c.summary));
    out += QStringLiteral("\nWith no command, or a workspace path alone, the window opens.\n"
                          "Run 'sre-roadmap COMMAND --help' for a command's options.\n\n"
                          "Outputs (--pdf, --html, --out) may be - for standard output; an existing file with\n"
                          "content is replaced only with --force.\n\n"
                          "Exit codes: 0 success, 2 bad input or usage, 3 workspace problem, 1 other errors.\n");
    return out;
}

} // namespace

// Whatever user text a message holds, the terminal gets no control character but line feeds
// and tabs: an escape sequence in an alert title is shown as "\x1b[2J", not run
// (docs/hostile-input.md#text). Messages that quote one value put it through
// hygiene::escapeControls() themselves, so that a line feed inside it cannot start a line
// that looks like another message.
void printOut(const QString &text)
{
    const QByteArray b = hygiene::escapeControls(text, true).toUtf8();
    std::fwrite(b.constData(), 1, size_t(b.size()), stdout);
    std::fflush(stdout);
}

void printErr(const QString &text)
{
    const QByteArray b = hygiene::escapeControls(text, true).toUtf8();
    std::fwrite(b.constData(), 1, size_t(b.size()), stderr);
    std::fflush(stderr);
}

void printProgress(const QString &text)
{
    // "\r" and "erase to the end of the line" are ours; the text is escaped.
    const QByteArray b = "\r" + hygiene::escapeControls(text).toUtf8() + (text.isEmpty() ? "\x1b[K" : "");
    std::fwrite(b.constData(), 1, size_t(b.size()), stderr);
    std::fflush(stderr);
}

bool stderrIsTerminal()
{
    return ::isatty(STDERR_FILENO) == 1;
}

bool parse(QCommandLineParser &parser, const QString &command, const QStringList &args)
{
    const Command *c = findCommand(command);
    parser.setApplicationDescription(c ? QString::fromLatin1(c->summary) : QString());
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    parser.addOption(help);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (!parser.parse(QStringList{QStringLiteral("sre-roadmap ") + command} + args))
        throw UsageError(parser.errorText());
    if (parser.isSet(help)) {
        // Qt writes the program as it was started (the build or install path); the help names
        // the command as a user types it: "Usage: sre-roadmap import [options] ...".
        QString text = parser.helpText();
        const QStringList arguments = QCoreApplication::arguments();
        const QString started = QStringLiteral("Usage: ") + (arguments.isEmpty() ? QString() : arguments.constFirst());
        if (!arguments.isEmpty() && text.startsWith(started))
            text = QStringLiteral("Usage: sre-roadmap ") + command + text.mid(started.size());
        printOut(text);
        return false;
    }
    return true;
}

std::unique_ptr<Workspace> openWorkspace(const QString &path, bool createIfMissing)
{
    auto ws = Workspace::open(path,
                              createIfMissing ? Workspace::OpenMode::CreateIfMissing : Workspace::OpenMode::Existing);
    // Settings someone wrote into the file that do not validate count as unset: say so.
    for (const QString &problem : ws->settingProblems())
        printErr(QStringLiteral("sre-roadmap: %1: warning: %2; the default is used\n").arg(path, problem));
    return ws;
}

int run(int argc, char **argv)
{
    QStringList raw;
    for (int i = 1; i < argc; ++i)
        raw << QString::fromLocal8Bit(argv[i]);

    QString name = QStringLiteral("gui");
    QStringList args = raw;
    if (!raw.isEmpty()) {
        if (raw.first() == u"--help" || raw.first() == u"-h" || raw.first() == u"help") {
            QCoreApplication app(argc, argv);
            printOut(generalHelp());
            return Ok;
        }
        if (raw.first() == u"--version" || raw.first() == u"-v") {
            QCoreApplication app(argc, argv);
            printOut(QStringLiteral("sre-roadmap %1\n").arg(QLatin1StringView(SRM_VERSION)));
            return Ok;
        }
        const QString &first = raw.first();
        if (findCommand(first)) {
            name = first;
            args = raw.mid(1);
        } else {
            // "sre-roadmap WORKSPACE" opens the window; anything else is an unknown command.
            const bool looksLikePath = QFile::exists(first) || first.contains(u'/') || first.contains(u'.');
            if (first.startsWith(u'-') || raw.size() > 1 || !looksLikePath) {
                QCoreApplication app(argc, argv);
                printErr(QStringLiteral("sre-roadmap: unknown command '%1'\n\n").arg(first) + generalHelp());
                return BadInput;
            }
        }
    }
    const Command *command = findCommand(name);
    if (command->app == AppKind::Gui)
        return runInGuiModule(name, argc, argv, args);

    QCoreApplication app(argc, argv);
    nameApplication();
    return runCommand(name, command->run, args);
}

void nameApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("sre-roadmap"));
    QCoreApplication::setApplicationName(QStringLiteral("sre-roadmap"));
    QCoreApplication::setApplicationVersion(QLatin1StringView(SRM_VERSION));
}

int runCommand(const QString &name, int (*run)(const QStringList &), const QStringList &args)
{
    try {
        return run(args);
    } catch (const UsageError &e) {
        printErr(QStringLiteral("sre-roadmap %1: %2\nRun 'sre-roadmap %1 --help' for usage.\n").arg(name, e.message()));
        return exitCodeFor(e);
    } catch (const Error &e) {
        printErr(e.message() + u'\n');
        return exitCodeFor(e);
    } catch (const std::exception &e) {
        printErr(QStringLiteral("sre-roadmap: %1\n").arg(QString::fromUtf8(e.what())));
        return Failure;
    }
}

QString helpText()
{
    return generalHelp();
}

} // namespace srm::cli
