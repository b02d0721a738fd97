// sre-roadmap-gui: the module the executable loads for the window and the rendering commands
// (app/guiloader.h). Its one exported function; everything else of srm_app stays hidden in it.
#include "app/guirun.h"

extern "C" __attribute__((visibility("default"))) int srm_gui_run(const QString *name, int argc, char **argv,
                                                                  const QStringList *args)
{
    return srm::cli::runGuiCommand(*name, argc, argv, *args);
}
