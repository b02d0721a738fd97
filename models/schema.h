// Schema of the workspace file, as forward migrations: migration N brings user_version N-1 to N.
// Never edit a migration that has shipped; add a new one and raise Workspace::kSchemaVersion.
#pragma once

#include <QStringList>

namespace srm::Schema {

// SQL statements of the migration to `version` (1-based).
QStringList migration(int version);

// The unique index on pages.ukey, the identity of a page. Only upserts need it, so a bulk load
// into an empty pages table does not build it; RecordWriter runs this statement before its
// first upsert of a page.
extern const char *const kPagesIdentityIndex;

} // namespace srm::Schema
