#include "importers/resumepoint.h"

#include "importers/filehash.h"
#include "store/bulkpageloader.h"
#include "store/schema.h"
#include "store/sqlite.h"
#include "store/workspace.h"

#include <sqlite3.h>

#include <algorithm>
#include <bit>
#include <cstring>

namespace srm::importers {

namespace {

using sqlite::Statement;

std::int64_t countPages(Workspace &ws)
{
    Statement count(ws, Schema::kPageCountSql);
    return count.next() ? count.i64(0) : -1;
}

} // namespace

bool mayResume(Format f)
{
    return f == Format::Pages || f == Format::PagerDutyCsv;
}

QString readingKey(Format f, const ParseOptions &options, const QString &timezone)
{
    // Unit separators keep the parts apart; the version, because a later release may read the
    // same bytes differently.
    QString key = QStringLiteral("%1\x1f%2\x1f%3")
                      .arg(QLatin1StringView(formatId(f)), timezone, QLatin1StringView(SRM_VERSION));
    for (const auto &[field, column] : options.columnMap)
        key += QStringLiteral("\x1f%1=%2").arg(QString::fromStdString(field), QString::fromStdString(column));
    return key;
}

std::optional<ResumePoint> findResumePoint(Workspace &ws, const QString &readingKey)
{
    if (ws.schemaVersion() < 5)
        return std::nullopt;
    // The latest import only: a later one may have changed rows of this file.
    Statement q(ws,
                "SELECT i.id, f.bytes, i.added + i.unchanged, f.pages_after, f.lines, f.prefix_hash, f.sha_state "
                "FROM imports i JOIN import_files f ON f.import_id = i.id "
                "WHERE i.id = (SELECT max(id) FROM imports) AND i.updated = 0 AND i.skipped = 0 AND i.source = '' "
                "AND f.reading = ?1 AND f.lines IS NOT NULL AND f.prefix_hash IS NOT NULL AND f.sha_state IS NOT NULL");
    q.bind(1, readingKey.toStdString());
    if (!q.next())
        return std::nullopt;
    ResumePoint p;
    p.importId = q.i64(0);
    p.bytes = q.i64(1);
    p.records = q.i64(2);
    p.pagesAfter = q.i64(3);
    p.lines = q.i64(4);
    const std::string_view prefix = q.blobView(5);
    p.prefixHash = QByteArray(prefix.data(), qsizetype(prefix.size()));
    const std::string_view state = q.blobView(6);
    p.shaState = QByteArray(state.data(), qsizetype(state.size()));
    // Removing an import (its pages with it) since then shows in the count.
    if (p.bytes <= 0 || p.lines < 0 || p.prefixHash.size() != 16 || countPages(ws) != p.pagesAfter)
        return std::nullopt;
    return p;
}

void saveResumePoint(Workspace &ws, std::int64_t importId, const FileHash &hash, const QString &readingKey,
                     std::int64_t pagesAfter)
{
    if (ws.schemaVersion() < 5 || hash.sawCr())
        return;
    if (pagesAfter < 0)
        pagesAfter = countPages(ws);
    Statement s(ws,
                "INSERT OR REPLACE INTO import_files (import_id, bytes, reading, pages_after, lines, prefix_hash, "
                "sha_state) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    s.bind(1, importId);
    s.bind(2, hash.bytes());
    s.bind(3, readingKey.toStdString());
    s.bind(4, pagesAfter);
    s.bind(5, hash.lines());
    const QByteArray prefix = hash.prefixHash();
    const QByteArray state = hash.shaState();
    s.bindBlob(6, prefix.constData(), std::size_t(prefix.size()));
    s.bindBlob(7, state.constData(), std::size_t(state.size()));
    s.next();
}

std::optional<PagePrints> loadPagePrints(Workspace &ws, const ResumePoint &point)
{
    static_assert(std::endian::native == std::endian::little, "page_prints holds little-endian words");
    constexpr int kShift = 64 - std::countr_zero(unsigned(BulkPageLoader::kPrintParts)); // a print's part
    constexpr std::size_t kWord = sizeof(std::uint64_t);
    PagePrints out;
    // Each run read straight into the vector (sqlite3_blob_read): a SELECT of the blob made
    // SQLite assemble its own copy first (perf: a third of the time spent on the prints).
    Statement q(ws, "SELECT rowid, part, length(prints) FROM page_prints ORDER BY part, import_id");
    out.prints.reserve(std::size_t(std::max<std::int64_t>(0, point.pagesAfter)));
    std::int64_t part = -1;
    std::size_t partStart = 0;
    int runs = 0; // of this part
    while (q.next()) {
        const std::int64_t bytes = q.i64(2);
        // Parts in order, each run a whole number of words, sorted and in its part's range, and
        // one print for each page: a workspace edited by hand gives no prints, not wrong ones.
        if (q.i64(1) < part || q.i64(1) >= BulkPageLoader::kPrintParts || bytes < 0 || bytes % std::int64_t(kWord) != 0
            || std::int64_t(out.prints.size()) + bytes / std::int64_t(kWord) > point.pagesAfter)
            return std::nullopt;
        if (q.i64(1) != part) {
            part = q.i64(1);
            partStart = out.prints.size();
            runs = 0;
        }
        out.runs = std::max(out.runs, ++runs);
        const std::size_t first = out.prints.size();
        out.prints.resize(first + std::size_t(bytes) / kWord);
        sqlite3_blob *blob = nullptr;
        const bool read = sqlite3_blob_open(ws.handle(), "main", "page_prints", "prints", q.i64(0), 0, &blob)
                == SQLITE_OK
            && sqlite3_blob_bytes(blob) == bytes
            && sqlite3_blob_read(blob, out.prints.data() + first, int(bytes), 0) == SQLITE_OK;
        sqlite3_blob_close(blob);
        if (!read)
            return std::nullopt;
        const auto begin = out.prints.begin() + std::ptrdiff_t(first);
        if (!std::is_sorted(begin, out.prints.end())
            || (begin != out.prints.end()
                && (*begin >> kShift != std::uint64_t(part) || out.prints.back() >> kShift != std::uint64_t(part))))
            return std::nullopt;
        // The runs of one part merged as they come: a part's runs are few (the writer
        // rewrites them all past BulkPageLoader::kMaxPrintRuns).
        std::inplace_merge(out.prints.begin() + std::ptrdiff_t(partStart), begin, out.prints.end());
    }
    if (std::int64_t(out.prints.size()) != point.pagesAfter)
        return std::nullopt;
    return out;
}

} // namespace srm::importers
