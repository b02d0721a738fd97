// Where a file import ended, so that importing the same file again, or the file with rows
// appended (a daily export that grows), reads only what is new (docs/formats.md#re-importing).
// After a pages import without bad rows or updates the runner stores the file's length, how it
// was read (format, column mapping, zone, app version) and the pages table's row count in
// import_files. The next import of the same format reads a resume point only when that import
// is still the workspace's latest and the pages table still holds exactly that many rows; if
// the new file's first `bytes` bytes have the stored SHA-256 and end a line, the rows there are
// the ones already written, unchanged, and only the rest is parsed.
#pragma once

#include "importers/importformat.h"
#include "importers/parser.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <string>

namespace srm {
class Workspace;
}

namespace srm::importers {

struct ResumePoint
{
    std::int64_t importId = 0;
    std::int64_t bytes = 0;      // the length of the file imported then
    std::int64_t records = 0;    // the records its rows gave (all unchanged by a re-import)
    std::int64_t pagesAfter = 0; // pages in the workspace after it
    QString sha256;              // of those `bytes` bytes
};

// The formats whose imports may resume: CSV files of pages, whose records all go to the pages
// table (which nothing but imports writes).
bool mayResume(Format f);

// How a file is read: the same bytes read the same way give the same records.
QString readingKey(Format f, const ParseOptions &options, const QString &timezone);

// The resume point for a file read as `readingKey`, when it still describes the workspace.
std::optional<ResumePoint> findResumePoint(Workspace &ws, const QString &readingKey);

// Stores where import `importId` ended. `pagesAfter` < 0: counted now.
void saveResumePoint(Workspace &ws, std::int64_t importId, std::int64_t bytes, const QString &readingKey,
                     std::int64_t pagesAfter);

} // namespace srm::importers
