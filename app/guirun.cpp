#include "app/guirun.h"

#include "app/cli.h"
#include "app/commands.h"
#include "app/translations.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QGuiApplication>

#include <cerrno>
#include <cstdio>
#include <memory>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace srm::cli {

namespace {

// Widgets: the window, on the user's display. Offscreen: widgets on the offscreen platform unless
// QT_QPA_PLATFORM names one (rendering without a display, and without showing a window on one).
// Painting: fonts and painting without widgets (PDF, SVG), also offscreen unless the user chose a
// platform.
enum class AppKind { Widgets, Offscreen, Painting };

struct GuiCommand
{
    const char *name;
    int (*run)(const QStringList &);
    AppKind app;
};

const GuiCommand kGuiCommands[] = {
    {"gui", cmdGui, AppKind::Widgets},
    {"screenshot", cmdScreenshot, AppKind::Offscreen},
    {"report", cmdReport, AppKind::Painting},
    {"export", cmdExport, AppKind::Painting},
};

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

int runGuiCommand(const QString &name, int argc, char **argv, const QStringList &args)
{
    const GuiCommand *command = nullptr;
    for (const GuiCommand &c : kGuiCommands)
        if (name == QLatin1StringView(c.name))
            command = &c;
    if (!command) {
        printErr(QStringLiteral("sre-roadmap: '%1' is not a command of the window\n").arg(name));
        return Failure;
    }

    std::unique_ptr<QCoreApplication> app;
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
    } else {
        // Rendering without a window (PDF, SVG) needs fonts, not a screen: the offscreen platform,
        // so that cron and ssh sessions without a display work, unless the user chose one.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    }
    nameApplication();
    // The window speaks the user's language where a translation exists (app/translations.h); the
    // batch commands' output stays in English, which scripts parse.
    if (command->app != AppKind::Painting)
        installTranslators(*app);
    return runCommand(name, command->run, args);
}

} // namespace srm::cli
