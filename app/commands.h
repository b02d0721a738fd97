// One function per sub-command; `args` are the arguments after the command name.
// Each returns an exit code or throws (see cli.h for the mapping).
#pragma once

#include <QStringList>

namespace srm::cli {

int cmdGui(const QStringList &args);
int cmdDemo(const QStringList &args);
int cmdSet(const QStringList &args);
int cmdGet(const QStringList &args);
int cmdPlan(const QStringList &args);
int cmdScenario(const QStringList &args);
int cmdMetrics(const QStringList &args);
int cmdProgress(const QStringList &args);
int cmdAlerts(const QStringList &args);
int cmdImport(const QStringList &args);
int cmdProfile(const QStringList &args);

int cmdSource(const QStringList &args);
int cmdSync(const QStringList &args);
int cmdGenerate(const QStringList &args);
int cmdScreenshot(const QStringList &args);
int cmdReport(const QStringList &args);
int cmdExport(const QStringList &args);

} // namespace srm::cli
