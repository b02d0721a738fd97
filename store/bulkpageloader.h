// BulkPageLoader appends pages to an empty pages table fast: begin() drops the table's indexes
// (and alert_groups' when that is empty too), pages are queued and go in with multi-row INSERTs
// of kRows rows, duplicates within the load are found in memory (KeyMap, 8 to 16 bytes a
// page), and end() builds the indexes again, except the identity index (pages_ukey), which only
// upserts need and which the first later upsert builds (Schema::kPagesIdentityIndex). For a
// million pages this is three to four times faster than keeping the indexes up to date row by
// row. RecordWriter decides when to use it and does the upserts around it.
// Asked to (setKeepPrints), end() leaves the key map's entry for every page in the table (the
// key's high 32 bits beside the page id, schema 5's page_prints) for this import, so that the
// next import of rows appended to the same file tells new pages from old ones without reading
// the table's keys (appendKnown, importers/resumepoint.h).
#pragma once

#include "store/pagepacks.h"
#include "store/records.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

struct sqlite3_stmt;

namespace srm {

namespace sqlite {
class StatementCache;
}

class BulkPageLoader
{
public:
    // Beyond this many pages the writer builds every index and continues with upserts, to
    // bound memory: the key map holds at most 2^24 slots of 8 bytes (128 MB), which keeps an
    // import under 300 MB of resident memory at this bound.
    static constexpr std::int64_t kMaxPages = 12000000;

    // page_prints holds the prints in this many parts, by their top bits (the key map's shards).
    static constexpr int kPrintParts = 16;
    // An import of appended rows writes the prints of its new pages only, as runs beside those
    // of the imports before it, until a part holds this many runs: then it writes them all
    // again, as one run a part (the reader merges the runs of a part).
    static constexpr int kMaxPrintRuns = 32;

    BulkPageLoader(sqlite::StatementCache &statements, std::int64_t importId)
        : m_statements(statements), m_importId(importId)
    {
    }
    ~BulkPageLoader();
    BulkPageLoader(const BulkPageLoader &) = delete;
    BulkPageLoader &operator=(const BulkPageLoader &) = delete;

    // When the pages table is empty: drops the indexes and returns true; else false.
    bool begin();
    // Into a table that a bulk load left without its identity index and that holds at most
    // kMaxPages / 2 pages: fills the key map with the table's keys and returns true, so that pages
    // are appended the same way (every other index kept up to date) without building the
    // identity index; else false (docs/formats.md#re-importing).
    bool append();
    // Like append(), with the table's keys known by their prints (fingerprint << 32 | page id,
    // sorted; the latest import's page_prints, one for each page): a page whose fingerprint is
    // not among them is new without a look at the table; one whose fingerprint is, is
    // confirmed against the key of each page with it (a rowid lookup). About one new page in
    // four thousand needs that at a million pages, and a print that names another page (a
    // workspace edited by hand) only fails to confirm.
    // `runs`: the most runs a part of them has (kMaxPrintRuns).
    bool appendKnown(std::vector<std::uint64_t> prints, int runs);
    // Whether end() writes this import's page_prints: all of them, replacing those of other
    // imports, or after appendKnown() those of the new pages (kMaxPrintRuns).
    void setKeepPrints(bool keep) { m_keepPrints = keep; }
    // Queues a new page (returns 0) or returns the id of the page of the same identity `key`
    // already loaded (the caller updates it, after flush()).
    std::int64_t add(const Page &p, std::int64_t key, std::int64_t group);
    bool full() const { return std::int64_t(m_keys.size()) >= kMaxPages || m_lastPageId + 1 >= KeyMap::kMaxId; }
    // Writes the queued pages.
    void flush();
    // Writes the queued pages and their page_spans, rebuilds the indexes (the identity index
    // too when upserts follow) and restores the trigger of page_spans.
    void end(bool upsertsFollow);

    // Binds source_id .. group_id (12 values) from parameter `first` on.
    static void bindPage(sqlite3_stmt *s, int first, const Page &p, std::int64_t group);

    // Open-addressing map ukey -> pages.id in 8 bytes a slot: the key's high 32 bits (its
    // fingerprint, which also places it) beside the page id. Storing the full key and id took 16
    // bytes a slot and bounded bulk loads at 2M pages; a fingerprint match is confirmed against
    // the key stored in the table (a rowid lookup), which happens for a duplicate page and
    // otherwise about once in four billion probes.
    class KeyMap
    {
    public:
        // Calls `confirm(id)` to learn whether the page `id` has this key when the fingerprints
        // match; returns the id of the page with `key`, or 0 after storing `id` for it.
        template <typename Confirm>
        std::int64_t findOrInsert(std::int64_t key, std::int64_t id, Confirm &&confirm);
        std::size_t size() const { return m_size; }
        void clear();
        // The entries (fingerprint << 32 | id) of shard `part`, sorted; the shard is emptied
        // (its memory freed).
        std::vector<std::uint64_t> takePrints(int part);
        static constexpr std::int64_t kMaxId = 0xffffffff;
        static std::uint32_t fingerprint(std::int64_t key) { return std::uint32_t(std::uint64_t(key) >> 32); }

    private:
        // 16 tables chosen by the fingerprint's top bits, each growing on its own: doubling one
        // table at a time needs a sixteenth of the memory that doubling them all at once would.
        static constexpr int kShardBits = 4;
        struct Shard
        {
            std::vector<std::uint64_t> cells; // fingerprint << 32 | id; id 0 = empty
            std::size_t size = 0;
        };
        static void grow(Shard &shard);
        static_assert(kPrintParts == 1 << kShardBits);
        Shard m_shards[1 << kShardBits];
        std::size_t m_size = 0;
    };

private:
    // Whether the page `id` (written or queued) has the identity `key`.
    bool hasKey(std::int64_t id, std::int64_t key);
    // The first column of the first row of `sql`, -1 without one.
    std::int64_t scalar(const char *sql);
    // Puts every key of the table into the key map; false when an id does not fit in it.
    bool readTableKeys();
    void writePrints();
    // page_spans while pages are appended: the insert trigger goes (it would cost a statement a
    // row); the block the rows go into is counted and packed here (schema 7's packed pages), and
    // written once the ids move past it. end() writes the last and creates the trigger again.
    // A block that page_spans holds already (shared with the pages before this load, or written
    // by the update trigger meanwhile) is merged, its packed left NULL: the writer packs it from
    // the table at the end of the import (PagePacks::packStale).
    void dropSpanTrigger();
    void writeSpan();
    void endSpans();
    struct Span
    {
        std::int64_t block = 0; // id >> Schema::kPageSpanShift
        std::int64_t pages = 0; // 0: none open
        std::int64_t firstAt = 0;
        std::int64_t lastAt = 0;
    };
    Span m_span;
    PagePacks::Writer m_pack;
    std::string m_spanTrigger; // its CREATE statement while it is dropped
    // While pages are appended the page cache holds little that is read again (the table grows
    // at its end): a smaller cache leaves the memory to the key map, and the index builds get
    // the whole cache back for their sorts.
    void shrinkCache();
    void restoreCache();
    std::int64_t m_savedCacheSize = 0; // PRAGMA cache_size before shrinkCache(), 0: not shrunk

    sqlite::StatementCache &m_statements;
    std::int64_t m_importId;
    std::vector<std::string> m_droppedIndexes; // their CREATE statements
    KeyMap m_keys;
    std::int64_t m_lastPageId = 0;
    // appendKnown()'s prints of the pages in the table before this load; the key map holds
    // the pages of this load.
    std::vector<std::uint64_t> m_known;
    // Where each value of a print's top kKnownBits bits begins in m_known (one more entry for
    // its end): a page's search starts among the few prints of its bucket. A binary search of a
    // million prints missed the processor's caches about twenty times a page (perf: 7 ms of a
    // 1% delta at a million pages).
    static constexpr int kKnownBits = 16;
    std::vector<std::uint32_t> m_knownStart;
    bool m_keepPrints = false;
    bool m_printsStayKnown = false; // end() writes the new pages' prints only
    // New pages wait here and go in kRows at a time (one INSERT with many VALUES rows costs a
    // quarter less per row than one INSERT each).
    static constexpr int kRows = 128;
    struct PendingPage
    {
        Page page;
        std::int64_t key = 0;
        std::int64_t group = 0;
    };
    std::vector<PendingPage> m_pending;
    std::size_t m_pendingCount = 0;
    sqlite3_stmt *m_multiInsert = nullptr; // owned by m_statements
};

template <typename Confirm>
std::int64_t BulkPageLoader::KeyMap::findOrInsert(std::int64_t key, std::int64_t id, Confirm &&confirm)
{
    const std::uint32_t fp = fingerprint(key);
    Shard &shard = m_shards[fp >> (32 - kShardBits)];
    // At most 4 slots in 5 used: linear probes stay within a cache line or two, and 16 tables
    // of 2^20 slots hold kMaxPages.
    if ((shard.size + 1) * 5 > shard.cells.size() * 4)
        grow(shard);
    const std::size_t mask = shard.cells.size() - 1;
    for (std::size_t i = fp & mask;; i = (i + 1) & mask) {
        const std::uint64_t slot = shard.cells[i];
        const std::int64_t slotId = std::int64_t(slot & 0xffffffffu);
        if (slotId == 0) {
            shard.cells[i] = std::uint64_t(fp) << 32 | std::uint64_t(id);
            ++shard.size;
            ++m_size;
            return 0;
        }
        if (std::uint32_t(slot >> 32) == fp && confirm(slotId))
            return slotId;
    }
}

} // namespace srm
