#include "store/schemabuild.h"

#include "store/schema.h"

#include <sqlite3.h>

#include <stdexcept>
#include <string>

namespace srm::SchemaCheck {

namespace {

QString column(sqlite3_stmt *s, int i)
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(s, i));
    return text ? QString::fromUtf8(text, sqlite3_column_bytes(s, i)) : QString();
}

} // namespace

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

} // namespace srm::SchemaCheck
