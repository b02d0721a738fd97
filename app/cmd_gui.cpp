// `gui [WORKSPACE]` (the default command): the main window.
#include "app/cli.h"
#include "app/commands.h"
#include "app/mainwindow.h"

#include <QApplication>

namespace srm::cli {

int cmdGui(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(
        QStringLiteral("WORKSPACE"),
        QStringLiteral("a workspace to open (when there is none, the window offers to create it)"),
        QStringLiteral("[WORKSPACE]"));
    if (!parse(parser, QStringLiteral("gui"), args))
        return Ok;
    const QStringList pos = parser.positionalArguments();
    if (pos.size() > 1)
        throw UsageError(QStringLiteral("expected at most one WORKSPACE"));
    QApplication::setApplicationDisplayName(QStringLiteral("SRE Roadmap"));
    QApplication::setDesktopFileName(QStringLiteral("org.sreroadmap.SreRoadmap"));
    MainWindow window;
    window.show();
    if (!pos.isEmpty())
        window.openOrOfferToCreate(pos[0]);
    return QApplication::exec();
}

} // namespace srm::cli
