// The demo workspace (docs/demo.md): an online shop of eleven services over six quarters (2025Q2 to 2026Q3), made by
// the seeded generator and written through the same RecordWriter as the importers, with
// settings, an import log, a user alert rule and a merge. Deterministic: the same bytes
// (sqlite3 .dump) on every run.
#pragma once

#include "demo/generator.h"

#include <QString>

namespace srm {

// Writes the demo to `path`, replacing an existing workspace there (never another kind of
// file: that is a WorkspaceError). Built aside and renamed into place. Other options give
// bigger (or smaller) shops of the same shape, e.g. the benchmarks' million pages.
void writeDemoWorkspace(const QString &path, const GeneratorOptions &options = {});

} // namespace srm
