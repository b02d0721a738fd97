// Shared test helpers: temporary workspaces, running the real sre-roadmap binary, file hashes,
// and the location of the sample payloads (tests using them skip, loudly, when they are absent).
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace srm::test {

struct CliResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QString errText() const { return QString::fromUtf8(err); }
    QString outText() const { return QString::fromUtf8(out); }
};

// Runs the built sre-roadmap with `args` (offscreen platform), waiting up to `timeoutMs`.
CliResult runCli(const QStringList &args, int timeoutMs = 120000, const QByteArray &stdinData = {});
// The same without the environment variables `unset` (e.g. as cron runs it, with no display
// and no XDG_RUNTIME_DIR) and without choosing a platform.
CliResult runCliWithout(const QStringList &unset, const QStringList &args, int timeoutMs = 120000);

QByteArray sha256Of(const QString &path);
// `sqlite3 PATH .dump`: the whole content of a workspace as SQL text, to compare before/after.
// When sqlite3 is missing or fails, the calling test fails (QTest::qFail) and the value returned
// equals no other dump.
QByteArray sqliteDump(const QString &path);
// The public sample payloads (/work/shared/samples in the project's checkout): the directory
// the environment variable SRM_SAMPLES_DIR names, else the one compiled in (CMake cache variable
// SRM_SAMPLES_DIR, by default ../shared/samples beside the source tree).
struct SamplesLocation
{
    QString dir;        // canonical path; empty when it does not exist
    QString looked;     // where it was looked for
    bool named = false; // SRM_SAMPLES_DIR was set (then a missing directory is an error, not a skip)
};
SamplesLocation samplesLocation();
QString samplesDir();  // samplesLocation().dir
QString fixturesDir(); // tests/fixtures
void writeFile(const QString &path, const QByteArray &content);

} // namespace srm::test
