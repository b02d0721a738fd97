// Schema 7's packed pages (docs/decisions.md#packed-pages): page_spans.packed holds, for a block
// of 4096 page ids, the five columns the analysis reads of its pages (created_at,
// acknowledged_at, resolved_at, auto_resolved, group_id) in id order, as varint deltas. Reading a
// block's blob costs a tenth of stepping SQLite through its rows, which was most of reading 10M
// pages. The pages table stays the record: the triggers of page_spans set a block's packed to
// NULL whenever a row of it is written, and a NULL (or a blob that does not decode to the
// block's count) makes the reader read the block's rows instead. BulkPageLoader packs the blocks
// it fills as it appends; packStale() packs the rest from the table at the end of each import
// and of the migration to schema 7.
#pragma once

#include "store/timeutil.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace srm {

class Workspace;

namespace PagePacks {

// What the analysis reads of one page. A NULL time is absent; auto_resolved is its integer != 0.
struct Row
{
    Micros createdAt = 0;
    Micros acknowledgedAt = 0;
    Micros resolvedAt = 0;
    std::int64_t group = 0;
    bool hasAcknowledged = false;
    bool hasResolved = false;
    bool autoResolved = false;
};

// Builds one block's blob.
class Writer
{
public:
    void add(const Row &row) { m_rows.push_back(row); }
    std::size_t size() const { return m_rows.size(); }
    void clear() { m_rows.clear(); }
    // The blob of the rows added so far (which it puts in time order).
    std::string pack();

private:
    std::vector<Row> m_rows;
};

// Decodes `blob` into `out`, replacing what it held. False, with `out` cleared, when it is not a blob
// pack() wrote of `expected` rows (a block never holds more than 4096): the caller then reads
// the block's rows.
bool unpack(std::string_view blob, std::int64_t expected, std::vector<Row> &out);

// How packStale finds the stale blocks: each page_spans row with its pack fills a 64 KB page,
// and the scan reads every row. Copied: through SQLite's cache, bounded memory (a load of
// millions of pages into an empty table, whose peak memory counts). Mapped (sqlite::MappedReads):
// no copy, but every page touched counts as resident memory, with the neighbours the kernel maps
// on each fault: 60 MB more at the end of a 10M-page load; for an import into a table that had
// pages (a 1% delta at a million pages) it saves copying 16 MB, 7 ms.
enum class StaleScan { Copied, Mapped };

// Packs every block of page_spans that holds pages and whose packed is NULL, reading its rows
// from the table, in the caller's transaction. Returns how many blocks it packed.
std::int64_t packStale(Workspace &ws, StaleScan scan = StaleScan::Copied);

} // namespace PagePacks
} // namespace srm
