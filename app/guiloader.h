// Where the batch executable hands over to the window and the rendering commands: the module
// sre-roadmap-gui (built from srm_app, app/guirun.h) is loaded only for them. It is looked for
// beside the executable (the build tree) and then in the installed place (SRM_GUI_MODULE_DIR,
// relative to the executable's directory): never from the working directory or the environment,
// so that nobody can have another library loaded in its place.
#pragma once

#include <QString>
#include <QStringList>

namespace srm::cli {

// Runs command `name` of the module with the process's arguments and the command's own; its exit
// code, or Failure with a message when the module cannot be loaded.
int runInGuiModule(const QString &name, int argc, char **argv, const QStringList &args);

} // namespace srm::cli
