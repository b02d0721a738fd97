// The window and the rendering commands (gui, screenshot, report, export): their application
// object (QApplication, on the offscreen platform for screenshot; QGuiApplication for report and
// export), the checks before it starts and the window's translations. The executable calls this
// through the module sre-roadmap-gui (app/guiloader.h, app/guimodule.cpp).
#pragma once

#include <QString>
#include <QStringList>

namespace srm::cli {

// `argc` and `argv` are the process's, for the application object; `args` the command's own.
// Returns the exit code; Failure for a name that is not one of these commands.
int runGuiCommand(const QString &name, int argc, char **argv, const QStringList &args);

} // namespace srm::cli
