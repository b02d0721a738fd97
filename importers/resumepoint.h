// Where a file import ended, so that importing the same file again, or the file with rows
// appended (a daily export that grows), reads only what is new (docs/formats.md#re-importing).
// After a pages import without bad rows or updates the runner stores in import_files the file's
// length, how it was read (format, column mapping, zone, app version), the pages table's row
// count, the file's line ends, an XXH3-128 of its bytes and SHA-256's state after them
// (importers/filehash.h). The next import of the same format reads a resume point only when
// that import is still the workspace's latest and the pages table still holds exactly that many
// rows; if the new file's first `bytes` bytes have the stored XXH3 and end a line, the rows
// there are the ones already written, unchanged, and only the rest is parsed and hashed.
// The import also leaves the prints of the table's page identities (page_prints), so that the
// appended rows are told from the pages already there without reading the table's keys.
#pragma once

#include "importers/importformat.h"
#include "importers/parser.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

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
    std::int64_t lines = 0;      // LFs in those bytes (a point is only kept for a file without CR)
    QByteArray prefixHash;       // XXH3-128 of those bytes
    QByteArray shaState;         // SHA-256's state after them
};

class FileHash;

// The formats whose imports may resume: CSV files of pages, whose records all go to the pages
// table (which nothing but imports writes).
bool mayResume(Format f);

// How a file is read: the same bytes read the same way give the same records.
QString readingKey(Format f, const ParseOptions &options, const QString &timezone);

// The resume point for a file read as `readingKey`, when it still describes the workspace.
std::optional<ResumePoint> findResumePoint(Workspace &ws, const QString &readingKey);

// Stores where import `importId` ended, after the bytes `hash` was fed. `pagesAfter` < 0: counted
// now. Nothing is stored for a file with a CR (see PrefixCheck in importrunner.cpp).
void saveResumePoint(Workspace &ws, std::int64_t importId, const FileHash &hash, const QString &readingKey,
                     std::int64_t pagesAfter);

// The prints of the pages in the table (BulkPageLoader::appendKnown), sorted, and the most runs
// a part of them was stored in: the last import that read the table's keys wrote them all, each
// import of appended rows since then a run of its new pages.
struct PagePrints
{
    std::vector<std::uint64_t> prints;
    int runs = 0;
};
// Nothing when they are not one for each of the `point.pagesAfter` pages or do not hold together.
std::optional<PagePrints> loadPagePrints(Workspace &ws, const ResumePoint &point);

} // namespace srm::importers
