// The current schema version's objects (type, name, table, SQL; SQL null for SQLite's automatic
// indexes), as migrations 1..N create them on an empty database, in sqlite_master's order.
// Written at build time by srm_schemaref (store/schemaref.cpp) into schemareference.cpp in the
// build tree; SchemaCheck::expected() uses it instead of running the migrations.
#pragma once

namespace srm::SchemaCheck::Reference {

extern const int kVersion;
extern const int kCount;
extern const char *const kObjects[][4];

} // namespace srm::SchemaCheck::Reference
