#include "sources/tokenstore.h"

#include "sources/httpclient.h"
#include "sources/sourcekinds.h"

#include <QEventLoop>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace srm::sources {

namespace {

QString describeError(QKeychain::Error error, const QString &text)
{
    switch (error) {
    case QKeychain::NoBackendAvailable: return QStringLiteral("no secret service is running");
    case QKeychain::AccessDeniedByUser: return QStringLiteral("access was denied");
    case QKeychain::AccessDenied: return QStringLiteral("access was denied (%1)").arg(text);
    case QKeychain::NotImplemented: return QStringLiteral("not supported on this system");
    default:
        // QtKeychain says little more than "Unknown error" when no secret service is on the
        // session bus (or there is no session bus).
        if (text.isEmpty() || text.compare(QLatin1StringView("Unknown error"), Qt::CaseInsensitive) == 0)
            return QStringLiteral("no secret service answered: the desktop keychain is not running here");
        return text;
    }
}

// Starts `job` and waits for it, at most timeoutMs. A job that does not finish in time is left
// to finish (or not) on its own: it deletes itself, and nothing here listens to it any more.
template <typename Job, typename Done>
KeychainResult runJob(Job *job, int timeoutMs, Done done)
{
    KeychainResult result;
    bool finished = false;
    {
        QEventLoop loop;
        QObject context; // the connection dies with it, so a late job reports to nobody
        QObject::connect(job, &QKeychain::Job::finished, &context, [&](QKeychain::Job *) {
            finished = true;
            if (job->error() == QKeychain::NoError) {
                result.ok = true;
                done(result);
            } else if (job->error() == QKeychain::EntryNotFound) {
                result.notFound = true;
            } else {
                result.error = describeError(job->error(), job->errorString());
            }
            loop.quit();
        });
        QTimer::singleShot(timeoutMs, &context, [&loop] { loop.quit(); });
        job->setAutoDelete(true);
        job->start();
        if (!finished)
            loop.exec();
    }
    if (!finished)
        result.error = QStringLiteral("the keychain did not answer within %1 s").arg(timeoutMs / 1000);
    return result;
}

} // namespace

QString keychainService()
{
    return QStringLiteral("sre-roadmap");
}

QString keychainAdvice()
{
    return QStringLiteral("on a machine without a desktop keychain (cron, ssh, a server), put the token in an "
                          "environment variable and name it with --token-env VAR");
}

KeychainResult readKeychain(const QString &key, int timeoutMs)
{
    auto *job = new QKeychain::ReadPasswordJob(keychainService());
    job->setKey(key);
    return runJob(job, timeoutMs, [job](KeychainResult &r) { r.value = job->textData(); });
}

KeychainResult writeKeychain(const QString &key, const QString &secret, int timeoutMs)
{
    auto *job = new QKeychain::WritePasswordJob(keychainService());
    job->setKey(key);
    job->setTextData(secret);
    return runJob(job, timeoutMs, [](KeychainResult &) {});
}

KeychainResult deleteKeychain(const QString &key, int timeoutMs)
{
    auto *job = new QKeychain::DeletePasswordJob(keychainService());
    job->setKey(key);
    KeychainResult r = runJob(job, timeoutMs, [](KeychainResult &) {});
    if (r.notFound) // nothing to delete is what was wanted
        r.ok = true;
    return r;
}

TokenLookup findToken(const SourceDefinition &source, int timeoutMs)
{
    TokenLookup lookup;
    if (!source.tokenEnv.isEmpty()) {
        const QString value = qEnvironmentVariable(source.tokenEnv.toLocal8Bit().constData()).trimmed();
        if (!value.isEmpty()) {
            lookup.token = value;
            lookup.origin = QStringLiteral("environment variable %1").arg(source.tokenEnv);
            return lookup;
        }
    }
    const bool stored = source.options.value(QLatin1StringView("keychain")).toBool();
    if (!needsToken(source.kind) && !stored)
        return lookup;
    const QString unset = source.tokenEnv.isEmpty()
        ? QString()
        : QStringLiteral("the environment variable %1 is not set, and ").arg(source.tokenEnv);
    const KeychainResult r = readKeychain(source.name, timeoutMs);
    if (r.ok && !r.value.isEmpty()) {
        lookup.token = r.value;
        lookup.origin = QStringLiteral("keychain");
        return lookup;
    }
    if (r.notFound || r.ok) {
        if (!needsToken(source.kind))
            return lookup;
        throw SyncError(SyncError::Kind::Setup,
                        QStringLiteral("no token: %1the keychain holds none for '%2' (service %3); store one with "
                                       "'sre-roadmap source add … --token-stdin' or in File › Sources…, or name an "
                                       "environment variable with --token-env VAR")
                            .arg(unset, source.name, keychainService()));
    }
    throw SyncError(SyncError::Kind::Setup,
                    QStringLiteral("no token: %1the desktop keychain cannot be read (%2); %3")
                        .arg(unset, r.error, keychainAdvice()));
}

} // namespace srm::sources
