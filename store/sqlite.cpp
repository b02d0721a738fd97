#include "store/sqlite.h"

#include "store/workspace.h"

#include <cstring>

namespace srm::sqlite {

namespace {

[[noreturn]] void failOn(const Workspace &ws, const char *what, int rc)
{
    ws.fail(QString::fromLatin1(what), rc, QString::fromUtf8(sqlite3_errmsg(ws.handle())));
}

} // namespace

void exec(Workspace &ws, const char *sql, const char *what)
{
    char *err = nullptr;
    const int rc = sqlite3_exec(ws.handle(), sql, nullptr, nullptr, &err);
    const QString detail = QString::fromUtf8(err ? err : "");
    sqlite3_free(err);
    if (rc != SQLITE_OK)
        ws.fail(QString::fromLatin1(what), rc, detail);
}

bool inTransaction(const Workspace &ws)
{
    return sqlite3_get_autocommit(ws.handle()) == 0;
}

// --- Statement -------------------------------------------------------------------------------

Statement::Statement(Workspace &ws, const char *sql) : m_ws(ws)
{
    const int rc = sqlite3_prepare_v2(ws.handle(), sql, -1, &m_stmt, nullptr);
    if (rc != SQLITE_OK)
        failOn(ws, "preparing a query", rc);
}

bool Statement::next()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE)
        failOn(m_ws, "reading the workspace", rc);
    return false;
}

bool Statement::textIs(int c, const char *v) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, c));
    return p && std::strcmp(p, v) == 0;
}

// --- StatementCache --------------------------------------------------------------------------

StatementCache::~StatementCache()
{
    for (auto &[sql, stmt] : m_statements)
        sqlite3_finalize(stmt);
}

sqlite3_stmt *StatementCache::get(const std::string &sql)
{
    auto it = m_statements.find(sql);
    if (it != m_statements.end()) {
        sqlite3_reset(it->second);
        sqlite3_clear_bindings(it->second);
        return it->second;
    }
    sqlite3_stmt *stmt = nullptr;
    const int rc = sqlite3_prepare_v3(m_ws.handle(), sql.c_str(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                                      nullptr);
    if (rc != SQLITE_OK)
        failOn(m_ws, "preparing an upsert", rc);
    m_statements.emplace(sql, stmt);
    return stmt;
}

// --- Savepoint -------------------------------------------------------------------------------

Savepoint::Savepoint(Workspace &ws, const char *name) : m_ws(ws), m_name(name)
{
    exec(ws, ("SAVEPOINT " + m_name).c_str(), "starting a savepoint");
}

Savepoint::~Savepoint()
{
    if (!m_done) {
        sqlite3_exec(m_ws.handle(), ("ROLLBACK TO " + m_name).c_str(), nullptr, nullptr, nullptr);
        sqlite3_exec(m_ws.handle(), ("RELEASE " + m_name).c_str(), nullptr, nullptr, nullptr);
    }
}

void Savepoint::release()
{
    exec(m_ws, ("RELEASE " + m_name).c_str(), "releasing a savepoint");
    m_done = true;
}

// --- ForeignKeysOff --------------------------------------------------------------------------

ForeignKeysOff::ForeignKeysOff(Workspace &ws) : m_ws(ws)
{
    m_ws.exec(QStringLiteral("PRAGMA foreign_keys = OFF"));
}

ForeignKeysOff::~ForeignKeysOff()
{
    try {
        m_ws.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    } catch (const WorkspaceError &) {
        // The connection is failing anyway; the error that got us here is reported.
    }
}

// --- MappedReads -----------------------------------------------------------------------------

MappedReads::MappedReads(Workspace &ws) : m_db(ws.handle())
{
    m_set = sqlite3_exec(m_db, "PRAGMA mmap_size = 17179869184", nullptr, nullptr, nullptr) == SQLITE_OK;
}

MappedReads::~MappedReads()
{
    if (m_set)
        sqlite3_exec(m_db, "PRAGMA mmap_size = 0", nullptr, nullptr, nullptr);
}

// --- RowSink ---------------------------------------------------------------------------------

void registerFunction(Workspace &ws, const char *name, int columns, void *self,
                      void (*step)(sqlite3_context *, int, sqlite3_value **))
{
    const int flags = SQLITE_UTF8 | SQLITE_DIRECTONLY;
    // The aggregate's result is NULL: the rows went to `step`.
    const auto final = [](sqlite3_context *context) { sqlite3_result_null(context); };
    const int rc = step
        ? sqlite3_create_function_v2(ws.handle(), name, columns, flags, self, nullptr, step, +final, nullptr)
        : sqlite3_create_function_v2(ws.handle(), name, columns, flags, nullptr, nullptr, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK && step)
        ws.fail(QStringLiteral("reading the workspace"), rc, QString::fromUtf8(sqlite3_errmsg(ws.handle())));
}

// --- PRAGMAs ---------------------------------------------------------------------------------

void setDurability(Workspace &ws, Durability d)
{
    if (d == Durability::Scratch) {
        ws.exec(QStringLiteral("PRAGMA journal_mode = MEMORY"));
        ws.exec(QStringLiteral("PRAGMA synchronous = OFF"));
    } else {
        ws.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
        ws.exec(QStringLiteral("PRAGMA journal_mode = WAL"));
    }
}

void checkSqliteLibrary(const QString &driverVersion)
{
    const QString linked = QString::fromLatin1(sqlite3_libversion());
    if (driverVersion != linked)
        throw WorkspaceError(WorkspaceError::Kind::Io,
                             QStringLiteral("Qt's SQLite driver runs SQLite %1 but this program is linked with SQLite "
                                            "%2; both must be the same library (install Qt's libqt6sql6-sqlite built "
                                            "against the system libsqlite3)")
                                 .arg(driverVersion, linked));
}

} // namespace srm::sqlite
