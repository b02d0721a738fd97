#include "app/cli.h"

#include "app/translations.h"

#include "app/commands.h"
#include "store/texthygiene.h"
#include "store/workspace.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QGuiApplication>

#include <cerrno>
#include <cstdio>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace srm::cli {

namespace {

// Offscreen: widgets on the offscreen platform unless QT_QPA_PLATFORM names one (rendering
// without a display, and without showing a window on one). Gui: fonts and painting without
// widgets (PDF, SVG), also offscreen unless the user chose a platform.
enum class AppKind { Core, Widgets, Offscreen, Gui };

struct Command
{
    const char *name;
    const char *synopsis;
    const char *summary;
    int (*run)(const QStringList &);
    AppKind app;
};

const Command kCommands[] = {
    {"gui", "[WORKSPACE]", "open the window (the default command)", cmdGui, AppKind::Widgets},
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
     "render a view of the window to a PNG, offscreen", cmdScreenshot, AppKind::Offscreen},
    {"report", "WORKSPACE --pdf OUT.pdf [--as-of T] [--window-days N] [--page-size A4|Letter] [--force]",
     "the executive PDF roadmap", cmdReport, AppKind::Gui},
    {"export", "WORKSPACE (--csv DIR | --html OUT.html) [--as-of T] [--window-days N] [--force]",
     "tables as CSV files; a one-page HTML summary (daily e-mail)", cmdExport, AppKind::Gui},
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

// Cron and ssh sessions have no XDG_RUNTIME_DIR; Qt then falls back to /tmp/runtime-USER and says
// so on stderr, and cron mails every line a job prints there (the daily e-mail of `export
// --html` would come with a second, useless one). The headless commands set up that same
// private directory themselves, quietly; when it cannot be made, Qt's own fallback applies.
void provideRuntimeDir()
{
    if (!qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR"))
        return;
    const passwd *pw = ::getpwuid(::geteuid());
    const QString user = pw && pw->pw_name ? QString::fromLocal8Bit(pw->pw_name) : QString::number(::geteuid());
    const QByteArray dir = QFile::encodeName(QDir::tempPath() + QStringLiteral("/runtime-") + user);
    if (::mkdir(dir.constData(), 0700) != 0 && errno != EEXIST)
        return;
    struct stat st;
    if (::lstat(dir.constData(), &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != ::geteuid()
        || (st.st_mode & 0777) != 0700)
        return;
    qputenv("XDG_RUNTIME_DIR", dir);
}

// The window needs a display. Without one, Qt's platform plugin prints a page about plugins and
// aborts (SIGABRT, exit 134); a user gets one line and exit 1 instead. No DISPLAY nor
// WAYLAND_DISPLAY is caught before Qt starts; a display that is named but does not answer is
// caught by the message handler while QApplication starts (Qt reports it with qFatal).
bool displayAvailable()
{
    if (!qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        return true; // the user chose a platform (offscreen, vnc, ...): Qt decides
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

const char kNoDisplay[] = "sre-roadmap: cannot open the window: no display (set DISPLAY, or use the command line: "
                          "sre-roadmap --help)\n";

void noDisplayHandler(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtFatalMsg) {
        std::fputs(kNoDisplay, stderr);
        std::fflush(stderr);
        std::_Exit(Failure);
    }
    // Qt's warnings while the platform starts (the xcb connection, plugin lists) are what the
    // one line replaces; others still reach stderr.
    if (!message.startsWith(QLatin1StringView("qt.qpa")) && !message.contains(QLatin1StringView("platform plugin"))
        && !message.contains(QLatin1StringView("display")))
        std::fprintf(stderr, "%s\n", message.toLocal8Bit().constData());
}

bool wantsHelp(const QStringList &args)
{
    return args.contains(QStringLiteral("--help")) || args.contains(QStringLiteral("-h"))
        || args.contains(QStringLiteral("-help"));
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

    std::unique_ptr<QCoreApplication> app;
    if (command->app == AppKind::Offscreen || command->app == AppKind::Gui || command->app == AppKind::Widgets)
        provideRuntimeDir();
    if (command->app == AppKind::Offscreen && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Help needs no display: `gui --help` over ssh prints its options.
    if (command->app == AppKind::Widgets && wantsHelp(args) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (command->app == AppKind::Widgets && !displayAvailable()) {
        std::fputs(kNoDisplay, stderr);
        return Failure;
    }
    if (command->app == AppKind::Widgets) {
        const QtMessageHandler previous = qInstallMessageHandler(noDisplayHandler);
        app = std::make_unique<QApplication>(argc, argv);
        qInstallMessageHandler(previous);
    } else if (command->app == AppKind::Offscreen) {
        app = std::make_unique<QApplication>(argc, argv);
    } else if (command->app == AppKind::Gui) {
        // Rendering without a window (PDF, SVG) needs fonts, not a screen: the offscreen platform,
        // so that cron and ssh sessions without a display work, unless the user chose one.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setOrganizationName(QStringLiteral("sre-roadmap"));
    QCoreApplication::setApplicationName(QStringLiteral("sre-roadmap"));
    QCoreApplication::setApplicationVersion(QLatin1StringView(SRM_VERSION));
    // The window speaks the user's language where a translation exists (app/translations.h); the
    // batch commands' output stays in English, which scripts parse.
    if (command->app == AppKind::Widgets || command->app == AppKind::Offscreen)
        installTranslators(*app);

    try {
        return command->run(args);
    } catch (const UsageError &e) {
        printErr(QStringLiteral("sre-roadmap %1: %2\nRun 'sre-roadmap %1 --help' for usage.\n")
                     .arg(QLatin1StringView(command->name), e.message()));
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
