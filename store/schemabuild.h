// The objects a schema version consists of, computed by running migrations 1..version on an
// in-memory database and reading its sqlite_master (readSchema also reads a workspace's). Shared
// by SchemaCheck and by srm_schemaref, the build-time program that writes the current version's
// objects down (store/schemareference.h), so that a command does not run the migrations at start.
#pragma once

#include "store/schemacheck.h"

#include <vector>

struct sqlite3;

namespace srm::SchemaCheck {

// Rows of sqlite_master, without SQLite's own statistics tables (ANALYZE) and sequences.
std::vector<Object> readSchema(sqlite3 *db);
// Throws std::runtime_error when a migration fails.
std::vector<Object> build(int version);

} // namespace srm::SchemaCheck
