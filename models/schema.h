// Schema of the workspace file, as forward migrations: migration N brings user_version N-1 to N.
// Never edit a migration that has shipped; add a new one and raise Workspace::kSchemaVersion.
#pragma once

#include <QStringList>

namespace srm::Schema {

// SQL statements of the migration to `version` (1-based).
QStringList migration(int version);

} // namespace srm::Schema
