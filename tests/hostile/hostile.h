// Helpers of the hostile-input suites (tests/hostile/): change a workspace behind the app's
// back as someone with sqlite3 would, and small fixtures written by the tests themselves.
#pragma once

#include "tests/common/testutil.h"

#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QTest>

#include <sys/resource.h>

namespace srm::test {

// AddressSanitizer reserves terabytes of address space for its shadow memory, so a process
// cannot run under an address-space cap there: the cap (the memory bound of a case) is checked
// in the other builds only.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

// Runs the child with its address space capped at `megabytes` (not under ASan, see above).
inline void capAddressSpace(QProcess &p, int megabytes)
{
    if (kSanitized)
        return;
    p.setChildProcessModifier([megabytes] {
        const rlimit cap{rlim_t(megabytes) * 1024 * 1024, rlim_t(megabytes) * 1024 * 1024};
        ::setrlimit(RLIMIT_AS, &cap);
    });
}

// Runs `statements` on `path` through a plain SQLite connection (no checks of ours).
inline bool tamper(const QString &path, const QStringList &statements)
{
    static int n = 0;
    const QString name = QStringLiteral("tamper-%1").arg(++n);
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open())
            return false;
        QSqlQuery q(db);
        for (const QString &sql : statements)
            if (!q.exec(sql)) {
                qWarning("tamper: %s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
                ok = false;
            }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

// Runs one statement with bound values (text with NUL or any other character).
inline bool tamperBound(const QString &path, const QString &sql, const QVariantList &values)
{
    static int n = 0;
    const QString name = QStringLiteral("tamper-bound-%1").arg(++n);
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open())
            return false;
        QSqlQuery q(db);
        ok = q.prepare(sql);
        for (const QVariant &v : values)
            q.addBindValue(v);
        ok = ok && q.exec();
        if (!ok)
            qWarning("tamper: %s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

// A pages CSV of `n` pages, one a minute from 2026-03-01T00:00:00Z.
inline QByteArray pagesCsv(int n, const QString &title = QStringLiteral("Disk full on db-1"))
{
    QByteArray out = "created_at,title,service\n";
    for (int i = 0; i < n; ++i)
        out += QStringLiteral("2026-03-01T%1:%2:00Z,%3,db\n")
                   .arg(i / 60 % 24, 2, 10, QLatin1Char('0'))
                   .arg(i % 60, 2, 10, QLatin1Char('0'))
                   .arg(title)
                   .toUtf8();
    return out;
}

} // namespace srm::test
