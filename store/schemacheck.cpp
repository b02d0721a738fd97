#include "store/schemacheck.h"

#include "store/schema.h"
#include "store/texthygiene.h"

#include <sqlite3.h>

#include <map>
#include <mutex>
#include <stdexcept>

namespace srm::SchemaCheck {

namespace {

QString column(sqlite3_stmt *s, int i)
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(s, i));
    return text ? QString::fromUtf8(text, sqlite3_column_bytes(s, i)) : QString();
}

// Rows of sqlite_master, without SQLite's own statistics tables (ANALYZE) and sequences.
std::vector<Object> readSchema(sqlite3 *db)
{
    std::vector<Object> out;
    sqlite3_stmt *s = nullptr;
    if (sqlite3_prepare_v2(db,
                           "SELECT type, name, tbl_name, sql FROM main.sqlite_master WHERE NOT (type = 'table' AND "
                           "(name LIKE 'sqlite\\_stat%' ESCAPE '\\' OR name = 'sqlite_sequence')) ORDER BY rowid",
                           -1, &s, nullptr)
        != SQLITE_OK)
        throw std::runtime_error(std::string("reading the schema: ") + sqlite3_errmsg(db));
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW)
        out.push_back({column(s, 0), column(s, 1), column(s, 2), column(s, 3)});
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE)
        throw std::runtime_error(std::string("reading the schema: ") + sqlite3_errmsg(db));
    return out;
}

std::vector<Object> build(int version)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        throw std::runtime_error("cannot open an in-memory database");
    }
    try {
        for (int v = 1; v <= version; ++v)
            for (const QString &stmt : Schema::migration(v)) {
                char *err = nullptr;
                if (sqlite3_exec(db, stmt.toUtf8().constData(), nullptr, nullptr, &err) != SQLITE_OK) {
                    const std::string why = err ? err : "?";
                    sqlite3_free(err);
                    throw std::runtime_error("migration " + std::to_string(v) + ": " + why);
                }
            }
        std::vector<Object> out = readSchema(db);
        sqlite3_close(db);
        return out;
    } catch (...) {
        sqlite3_close(db);
        throw;
    }
}

// SQL compared with runs of white space as one space: the text SQLite keeps is the statement
// as written, so only layout may differ between the same statements.
QString normalized(const QString &sql)
{
    return sql.simplified();
}

QString shown(const QString &name)
{
    return hygiene::escapeControls(name);
}

} // namespace

const std::vector<Object> &expected(int version)
{
    static std::mutex mutex;
    static std::map<int, std::vector<Object>> cache;
    std::lock_guard lock(mutex);
    auto it = cache.find(version);
    if (it == cache.end())
        it = cache.emplace(version, build(version)).first;
    return it->second;
}

Result compare(sqlite3 *db, int version)
{
    Result r;
    const std::vector<Object> &want = expected(version);
    const std::vector<Object> have = readSchema(db);
    std::map<std::pair<QString, QString>, const Object *> byName;
    for (const Object &o : want)
        byName.emplace(std::make_pair(o.type, o.name), &o);
    QSet<QString> present;
    for (const Object &o : have) {
        const auto it = byName.find({o.type, o.name});
        if (it == byName.end()) {
            r.problem = QStringLiteral("unexpected schema object %1 (a %2 this version does not create)")
                            .arg(shown(o.name), shown(o.type));
            return r;
        }
        if (it->second->table != o.table || normalized(it->second->sql) != normalized(o.sql)) {
            r.problem = QStringLiteral("unexpected schema object %1 (this %2 is not defined as this version "
                                       "defines it)")
                            .arg(shown(o.name), shown(o.type));
            return r;
        }
        present.insert(o.type + u'\x1f' + o.name);
    }
    for (const Object &o : want) {
        if (present.contains(o.type + u'\x1f' + o.name))
            continue;
        if (!Schema::bulkLoadMayDrop(o.type, o.name)) {
            r.problem = QStringLiteral("missing schema object %1 (a %2)").arg(shown(o.name), shown(o.type));
            return r;
        }
        if (o.type == u"trigger")
            r.untrackedTables.insert(o.table);
    }
    return r;
}

} // namespace srm::SchemaCheck
