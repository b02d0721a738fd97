// The store's SQLite mechanics, in one place: a prepared statement that finalises itself
// (Statement), the prepared statements a writer keeps for the length of an import
// (StatementCache), a query's rows handed to a function (RowSink), a savepoint (Savepoint), the
// foreign-key switch of a bulk write (ForeignKeysOff), reads through a memory map (MappedReads), the durability PRAGMAs of a file
// nobody else sees yet (Durability) and the start-up check that Qt's SQLite driver runs on the library we link (checkSqliteLibrary).
// Everything works on the raw handle of one Workspace (Workspace::handle) and reports a failure
// as the WorkspaceError matching the SQLite code (Workspace::fail). Layers above store/ use
// these types instead of calling sqlite3_* for transactions or PRAGMAs.
#pragma once

#include "store/records.h"

#include <QString>

#include <sqlite3.h>

#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>

namespace srm {

class Workspace;

namespace sqlite {

// Binders shared by the writers: text is bound without a copy (the caller keeps it alive until
// the step), an empty optional as NULL, import id 0 as NULL.
inline void bindText(sqlite3_stmt *s, int i, const std::string &v)
{
    sqlite3_bind_text(s, i, v.data(), int(v.size()), SQLITE_STATIC);
}

template <typename T>
void bindOpt(sqlite3_stmt *s, int i, const std::optional<T> &v)
{
    if (!v)
        sqlite3_bind_null(s, i);
    else if constexpr (std::is_floating_point_v<T>)
        sqlite3_bind_double(s, i, *v);
    else
        sqlite3_bind_int64(s, i, std::int64_t(*v));
}

inline void bindImport(sqlite3_stmt *s, int i, std::int64_t importId)
{
    if (importId > 0)
        sqlite3_bind_int64(s, i, importId);
    else
        sqlite3_bind_null(s, i);
}

// Runs one or more statements without bound values; throws WorkspaceError("what") on failure.
void exec(Workspace &ws, const char *sql, const char *what);
// Whether the connection is inside a transaction (BEGIN or a savepoint).
bool inTransaction(const Workspace &ws);

// One prepared statement, finalised on destruction.
class Statement
{
public:
    Statement(Workspace &ws, const char *sql);
    ~Statement() { sqlite3_finalize(m_stmt); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    void bind(int i, std::int64_t v) { sqlite3_bind_int64(m_stmt, i, v); }
    void bind(int i, const std::string &v) { sqlite3_bind_text(m_stmt, i, v.data(), int(v.size()), SQLITE_TRANSIENT); }
    void bindBlob(int i, const void *data, std::size_t size)
    {
        sqlite3_bind_blob64(m_stmt, i, data, sqlite3_uint64(size), SQLITE_TRANSIENT);
    }

    // Steps to the next row: false when done; throws WorkspaceError on failure.
    bool next();
    void reset() { sqlite3_reset(m_stmt); }

    bool isNull(int c) const { return sqlite3_column_type(m_stmt, c) == SQLITE_NULL; }
    std::int64_t i64(int c) const { return sqlite3_column_int64(m_stmt, c); }
    // NULL reads as 0, so only a 0 needs its type looked up: one call into SQLite per value
    // instead of two (a page has two such times, and `metrics` reads 10M pages at 10M).
    Micros timeOr(int c, Micros none) const
    {
        const std::int64_t v = sqlite3_column_int64(m_stmt, c);
        return v == 0 && isNull(c) ? none : v;
    }
    std::optional<Micros> optTime(int c) const
    {
        const std::int64_t v = sqlite3_column_int64(m_stmt, c);
        return v == 0 && isNull(c) ? std::nullopt : std::optional<Micros>(v);
    }
    double real(int c) const { return sqlite3_column_double(m_stmt, c); }
    std::optional<double> optReal(int c) const
    {
        return isNull(c) ? std::nullopt : std::optional<double>(sqlite3_column_double(m_stmt, c));
    }
    std::string text(int c) const
    {
        const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, c));
        return p ? std::string(p, size_t(sqlite3_column_bytes(m_stmt, c))) : std::string();
    }
    // Valid until the next step.
    std::string_view textView(int c) const
    {
        const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, c));
        return p ? std::string_view(p, size_t(sqlite3_column_bytes(m_stmt, c))) : std::string_view();
    }
    bool textIs(int c, const char *v) const;
    bool isBlob(int c) const { return sqlite3_column_type(m_stmt, c) == SQLITE_BLOB; }
    // The column's bytes as a blob; valid until the next step.
    std::string_view blobView(int c) const
    {
        const auto *p = static_cast<const char *>(sqlite3_column_blob(m_stmt, c));
        return p ? std::string_view(p, size_t(sqlite3_column_bytes(m_stmt, c))) : std::string_view();
    }

private:
    Workspace &m_ws;
    sqlite3_stmt *m_stmt = nullptr;
};

// Statements prepared once per SQL text (SQLITE_PREPARE_PERSISTENT) and kept until the cache
// goes: the million-row path of the writers. get() hands a statement back reset, without
// bindings.
class StatementCache
{
public:
    explicit StatementCache(Workspace &ws) : m_ws(ws) { }
    ~StatementCache();
    StatementCache(const StatementCache &) = delete;
    StatementCache &operator=(const StatementCache &) = delete;

    sqlite3_stmt *get(const std::string &sql);
    Workspace &workspace() const { return m_ws; }

private:
    Workspace &m_ws;
    std::unordered_map<std::string, sqlite3_stmt *> m_statements;
};

// A savepoint: rolled back to and released on destruction unless release() was called.
class Savepoint
{
public:
    Savepoint(Workspace &ws, const char *name);
    ~Savepoint();
    Savepoint(const Savepoint &) = delete;
    Savepoint &operator=(const Savepoint &) = delete;
    void release();

private:
    Workspace &m_ws;
    std::string m_name;
    bool m_done = false;
};

// Foreign keys unchecked for the scope. SQLite ignores the switch inside a transaction, so a
// caller that holds one sets it before beginning.
class ForeignKeysOff
{
public:
    explicit ForeignKeysOff(Workspace &ws);
    ~ForeignKeysOff();
    ForeignKeysOff(const ForeignKeysOff &) = delete;
    ForeignKeysOff &operator=(const ForeignKeysOff &) = delete;

private:
    Workspace &m_ws;
};

// SQLite reads the file through a memory map for the scope: pages are used where the page cache
// holds them instead of being copied into SQLite's own cache. A workspace's pages are 64 KB, and a
// read that needs a few bytes of each (page_spans, whose rows each fill a page with their packed
// pages) copied all of them. Mapped pages count as the process's resident memory, so only reads
// that are bounded or meant to see the whole file ask for it; writes keep SQLite's own cache.
// The map asked for is larger than any workspace: SQLite caps it at its build's limit (2 GB in
// Debian's). A file system that cannot map reads as before. Inside a write transaction, pages
// the transaction changed are still read from SQLite's cache or the WAL; SQLite keeps the map
// while a statement still holds a page of it.
class MappedReads
{
public:
    explicit MappedReads(Workspace &ws);
    ~MappedReads();
    MappedReads(const MappedReads &) = delete;
    MappedReads &operator=(const MappedReads &) = delete;

private:
    sqlite3 *m_db;
    bool m_set = false;
};

// A value's text, as Statement::textView a column's: valid during the call of a RowSink's `Row`;
// NULL reads as "".
inline std::string_view valueText(sqlite3_value *v)
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_value_text(v));
    return p ? std::string_view(p, std::size_t(sqlite3_value_bytes(v))) : std::string_view();
}

// RowSink's: creates the aggregate `name` whose step calls `step` with `self` (or, with null
// ones, removes it). Throws WorkspaceError when SQLite refuses to create it.
void registerFunction(Workspace &ws, const char *name, int columns, void *self,
                      void (*step)(sqlite3_context *, int, sqlite3_value **));

// The rows of a query handed to a function of ours that SQLite calls for each, as an aggregate,
// so that one step reads them all: as result rows each cost a step and a call into the statement
// a column (at 10M pages, reading the pages that way took 2.4 s, this way 1.9 s). The query names
// the function, `SELECT name(a, b…) FROM …`, which exists on the connection while this object
// lives (create it before preparing the statement, and finalise the statement first);
// SQLITE_DIRECTONLY keeps a view or trigger from calling it. `Row` is called with the row's
// values (sqlite3_value_* reads them, valid during the call).
template <typename Row>
class RowSink
{
public:
    RowSink(Workspace &ws, const char *name, int columns, Row row)
        : m_ws(ws), m_name(name), m_columns(columns), m_row(std::move(row))
    {
        registerFunction(m_ws, m_name, m_columns, this, &RowSink::step);
    }
    ~RowSink() { registerFunction(m_ws, m_name, m_columns, nullptr, nullptr); }
    RowSink(const RowSink &) = delete;
    RowSink &operator=(const RowSink &) = delete;

    // Steps `s` once (every row it reads goes to `Row`) and resets it for its next bindings.
    // Rethrows what `Row` threw; else throws WorkspaceError on failure.
    void run(Statement &s)
    {
        try {
            s.next();
        } catch (...) {
            s.reset();
            if (m_error)
                std::rethrow_exception(std::exchange(m_error, nullptr));
            throw;
        }
        s.reset();
    }

private:
    static void step(sqlite3_context *context, int, sqlite3_value **values)
    {
        auto &self = *static_cast<RowSink *>(sqlite3_user_data(context));
        try {
            self.m_row(values);
        } catch (...) {
            self.m_error = std::current_exception();
            sqlite3_result_error(context, "reading the rows failed", -1);
        }
    }

    Workspace &m_ws;
    const char *m_name;
    int m_columns;
    Row m_row;
    std::exception_ptr m_error;
};

// Journal and sync settings. Scratch: for a file nobody else can see (a crash loses only that
// file): journal in memory, no syncing. Shared: what a published workspace uses (WAL, NORMAL).
enum class Durability { Scratch, Shared };
void setDurability(Workspace &ws, Durability d);

// Throws WorkspaceError(Io) when the SQLite library Qt's driver runs is not the one this
// program links (then the raw handle would be used by a different library: Workspace::handle).
// `driverVersion` is what the driver's connection reports (SELECT sqlite_version()).
void checkSqliteLibrary(const QString &driverVersion);

} // namespace sqlite
} // namespace srm
