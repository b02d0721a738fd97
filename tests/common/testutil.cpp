#include "tests/common/testutil.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>

namespace srm::test {

namespace {

CliResult runWith(const QProcessEnvironment &env, const QStringList &args, int timeoutMs, const QByteArray &stdinData)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(SRM_BINARY), args);
    CliResult r;
    if (!p.waitForStarted(10000))
        return r;
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace

CliResult runCli(const QStringList &args, int timeoutMs, const QByteArray &stdinData)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    return runWith(env, args, timeoutMs, stdinData);
}

CliResult runCliWithout(const QStringList &unset, const QStringList &args, int timeoutMs)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : unset)
        env.remove(name);
    return runWith(env, args, timeoutMs, {});
}

QByteArray sha256Of(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result().toHex();
}

QByteArray sqliteDump(const QString &path)
{
    // A dump that could not be taken fails the calling test, and what it returns differs from
    // every other dump, so that "before == after" cannot hold by two empty outputs.
    static int failures = 0;
    const auto fail = [&path](const QString &why) {
        QTest::qFail(qPrintable(QStringLiteral("sqlite3 %1 .dump: %2").arg(path, why)), __FILE__, __LINE__);
        return QByteArray("sqliteDump failed #") + QByteArray::number(++failures);
    };
    QProcess p;
    p.start(QStringLiteral("sqlite3"), {QStringLiteral("-bail"), path, QStringLiteral(".dump")});
    if (!p.waitForStarted(10000))
        return fail(QStringLiteral("cannot run sqlite3 (%1); it is a test dependency: packaging/install-deps.sh")
                        .arg(p.errorString()));
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return fail(QStringLiteral("did not finish within 60 s"));
    }
    const QByteArray out = p.readAllStandardOutput();
    const QByteArray err = p.readAllStandardError();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0 || !err.isEmpty())
        return fail(QStringLiteral("exit code %1: %2").arg(p.exitCode()).arg(QString::fromLocal8Bit(err.trimmed())));
    // Even an empty database dumps "BEGIN TRANSACTION; COMMIT;".
    if (!out.contains("COMMIT;"))
        return fail(QStringLiteral("no complete dump in its output"));
    return out;
}

SamplesLocation samplesLocation()
{
    SamplesLocation l;
    const QByteArray fromEnv = qgetenv("SRM_SAMPLES_DIR");
    l.named = !fromEnv.isEmpty();
    l.looked = l.named ? QString::fromLocal8Bit(fromEnv) : QStringLiteral(SRM_SAMPLES_DIR);
    if (QDir(l.looked).exists())
        l.dir = QDir(l.looked).canonicalPath();
    return l;
}

QString samplesDir()
{
    return samplesLocation().dir;
}

QString fixturesDir()
{
    return QStringLiteral(SRM_FIXTURES_DIR);
}

void writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    QVERIFY2(f.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(path));
    f.write(content);
}

} // namespace srm::test
