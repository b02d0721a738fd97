// The command line (docs/command-line.md): picks the sub-command and maps errors to exit codes:
// 0 success, 2 bad input or usage, 3 workspace problem, 1 anything else. Each sub-command lives in
// its own cmd_*.cpp and is listed in the table in cli.cpp. The batch commands run here, under a
// QCoreApplication; the window and the rendering commands (gui, screenshot, report, export) run in
// the module sre-roadmap-gui (app/guiloader.h, app/guirun.h), so that a batch command does not
// load Qt's GUI libraries: 12 ms of every command's start.
#pragma once

#include "app/exitcodes.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <memory>
#include <type_traits>
#include <vector>

namespace srm {
class Workspace;
}

namespace srm::cli {

// Thrown for usage errors (missing arguments, bad option values): exit 2 with the message.
class UsageError : public Error
{
public:
    explicit UsageError(const QString &m) : Error(m) { }
};

int run(int argc, char **argv);
// Runs a command's function, mapping what it throws to a message on stderr and an exit code.
int runCommand(const QString &name, int (*run)(const QStringList &), const QStringList &args);
// The organisation and application names every command's application object carries.
void nameApplication();
// What `sre-roadmap --help` prints: every command with its synopsis (also shown in Help › Handbook).
QString helpText();

// Helpers for commands.
// Parses `args` (the command's own arguments, without the program and command names) with
// --help; throws UsageError on errors; returns false when help was printed.
bool parse(QCommandLineParser &parser, const QString &command, const QStringList &args);
std::unique_ptr<Workspace> openWorkspace(const QString &path, bool createIfMissing = false);
// Both escape every control character but line feed and tab (docs/hostile-input.md#text).
void printOut(const QString &text); // stdout, as UTF-8
void printErr(const QString &text); // stderr, as UTF-8
// Stderr: a progress line overwritten in place ("\r" + text; empty clears the line).
void printProgress(const QString &text);
bool stderrIsTerminal();

// Keeps `value` until the process ends, when the system takes all its memory back at once: freeing
// a 10M-page Dataset object by object took 0.35 s of `metrics` after its output was written (why
// clang has -disable-free). Only for what a command line's command leaves behind: its process
// ends with it. Reachable from a pointer that is never freed, so leak checkers do not report it.
template <typename T>
void keepUntilExit(T &&value)
{
    static auto *const kept = new std::vector<std::shared_ptr<void>>;
    kept->push_back(std::make_shared<std::decay_t<T>>(std::forward<T>(value)));
}

} // namespace srm::cli
