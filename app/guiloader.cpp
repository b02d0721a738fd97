#include "app/guiloader.h"

#include "app/cli.h"

#include <QByteArray>

#include <climits>
#include <cstdlib>
#include <dlfcn.h>
#include <unistd.h>

namespace srm::cli {

namespace {

// The module's entry point (app/guimodule.cpp).
using GuiEntry = int (*)(const QString *name, int argc, char **argv, const QStringList *args);

QByteArray executableDirectory()
{
    char path[PATH_MAX];
    if (!::realpath("/proc/self/exe", path))
        return {};
    QByteArray dir(path);
    return dir.left(dir.lastIndexOf('/'));
}

} // namespace

int runInGuiModule(const QString &name, int argc, char **argv, const QStringList &args)
{
    const QByteArray dir = executableDirectory();
    QByteArray problem = "the executable's directory is unknown";
    void *module = nullptr;
    if (!dir.isEmpty()) {
        problem = "not found beside the executable nor in " + dir + "/" SRM_GUI_MODULE_DIR;
        for (const QByteArray &candidate :
             {dir + "/sre-roadmap-gui.so", dir + "/" SRM_GUI_MODULE_DIR "/sre-roadmap-gui.so"}) {
            if (::access(candidate.constData(), F_OK) != 0)
                continue;
            // Never closed: Qt keeps handlers and objects of the module until the process ends.
            module = ::dlopen(candidate.constData(), RTLD_NOW | RTLD_LOCAL);
            if (!module)
                problem = ::dlerror();
            break;
        }
    }
    auto entry = module ? reinterpret_cast<GuiEntry>(::dlsym(module, "srm_gui_run")) : nullptr;
    if (!entry) {
        printErr(QStringLiteral("sre-roadmap: cannot run '%1': the window's part of the program, sre-roadmap-gui.so, "
                                "could not be loaded (%2); reinstall sre-roadmap\n")
                     .arg(name, QString::fromLocal8Bit(module ? "no entry point" : problem.constData())));
        return Failure;
    }
    return entry(&name, argc, argv, &args);
}

} // namespace srm::cli
