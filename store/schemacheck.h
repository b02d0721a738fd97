// A workspace is data, not code (docs/hostile-input.md#workspaces): before a command reads a
// workspace, the tables, indexes, views and triggers it holds are compared, by name and SQL,
// with the ones this version's migrations create. A view or trigger someone added with
// sqlite3 would otherwise run inside the app (a recursive view hangs every query; a trigger
// can delete data on the next import). The expected objects are not a list kept by hand: the
// migrations 1..N of store/schema.cpp run on an in-memory database and its sqlite_master is the
// reference, so whatever a migration adds is expected automatically. For the current version
// that runs at build time (srm_schemaref writes store/schemareference.h's table): running them at
// every command's start cost 5 to 6 ms. Older versions (a workspace not yet migrated) run them
// when asked.
#pragma once

#include <QSet>
#include <QString>

#include <vector>

struct sqlite3;

namespace srm::SchemaCheck {

// One row of sqlite_master.
struct Object
{
    QString type; // table, index, view, trigger
    QString name;
    QString table;
    QString sql; // NULL (empty) for the automatic indexes of UNIQUE and PRIMARY KEY constraints
};

// The objects migrations 1..version create (the build's table for the current version; others
// computed once per version and cached).
const std::vector<Object> &expected(int version);
// The same, computed now by running the migrations (tests compare it with the build's table).
std::vector<Object> computed(int version);

struct Result
{
    // The first object that is not what the migrations create ("unexpected schema object
    // NAME"), or the first expected one that is missing; empty when the schema is as expected.
    QString problem;
    // Event tables whose latest_events triggers are (partly) missing: a bulk load drops them
    // while it runs (RecordWriter); their latest_events entries cannot be trusted.
    QSet<QString> untrackedTables;
};

// Compares the schema of the main database of `db` with expected(version). Reads
// sqlite_master only: nothing of the workspace runs.
Result compare(sqlite3 *db, int version);

} // namespace srm::SchemaCheck
