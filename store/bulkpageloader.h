// BulkPageLoader appends pages to an empty pages table fast: begin() drops the table's indexes
// (and alert_groups' when that is empty too), pages are queued and go in with multi-row INSERTs
// of kRows rows, duplicates within the load are found in memory (KeyMap, 16 to 32 bytes a
// page), and end() builds the indexes again, except the identity index (pages_ukey), which only
// upserts need and which the first later upsert builds (Schema::kPagesIdentityIndex). For a
// million pages this is three to four times faster than keeping the indexes up to date row by
// row. RecordWriter decides when to use it and does the upserts around it.
#pragma once

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
    // bound memory.
    static constexpr std::int64_t kMaxPages = 2000000;

    BulkPageLoader(sqlite::StatementCache &statements, std::int64_t importId)
        : m_statements(statements), m_importId(importId)
    {
    }

    // When the pages table is empty: drops the indexes and returns true; else false.
    bool begin();
    // Into a table that a bulk load left without its identity index and that holds at most
    // kMaxPages / 2 pages: fills the key map with the table's keys and returns true, so that pages
    // are appended the same way (every other index kept up to date) without building the
    // identity index; else false (docs/formats.md#re-importing).
    bool append();
    // Queues a new page (returns 0) or returns the id of the page of the same identity `key`
    // already loaded (the caller updates it, after flush()).
    std::int64_t add(const Page &p, std::int64_t key, std::int64_t group);
    bool full() const { return std::int64_t(m_keys.size()) >= kMaxPages; }
    // Writes the queued pages.
    void flush();
    // Writes the queued pages and rebuilds the indexes (the identity index too when upserts
    // follow).
    void end(bool upsertsFollow);

    // Binds source_id .. group_id (12 values) from parameter `first` on.
    static void bindPage(sqlite3_stmt *s, int first, const Page &p, std::int64_t group);

private:
    // Open-addressing map ukey -> pages.id.
    class KeyMap
    {
    public:
        // The id stored for `key`, or 0 after storing `id` for it.
        std::int64_t findOrInsert(std::int64_t key, std::int64_t id);
        std::size_t size() const { return m_size; }
        void clear();

    private:
        void grow();
        std::vector<std::pair<std::int64_t, std::int64_t>> m_slots; // id 0 = empty
        std::size_t m_size = 0;
    };

    sqlite::StatementCache &m_statements;
    std::int64_t m_importId;
    std::vector<std::string> m_droppedIndexes; // their CREATE statements
    KeyMap m_keys;
    std::int64_t m_lastPageId = 0;
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

} // namespace srm
