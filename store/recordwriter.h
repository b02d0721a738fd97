// RecordWriter upserts records into a workspace, keyed by their source ids (SPEC 3: importing
// the same data twice changes nothing): deployments by deployment_id, changes by
// (deployment_id, commit_sha), incidents by incident_id, pages by id or else
// created_at + service + title, SLOs by name, measurements by (slo, timestamp), debt items by id,
// ownership by service.
// Each call reports whether the record was added, updated or already identical. It files a
// page under its alert group (the normalised title, computed by identify(), which callers may
// run on another thread). The caller owns the transaction (one per imported file).
// Uses prepared statements on the raw SQLite handle: this is the million-row path. Loading
// pages into an empty pages table can use bulk mode (see setBulkPages).
#pragma once

#include "store/records.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

struct sqlite3_stmt;

namespace srm {

class Workspace;

class RecordWriter
{
public:
    enum class Outcome { Added, Updated, Unchanged };
    // Which measurement columns a write sets (Prometheus imports set one series at a time).
    enum MeasurementColumns { Good = 1, Bad = 2, Total = 4, AllColumns = 7 };

    struct Counts
    {
        std::int64_t added = 0;
        std::int64_t updated = 0;
        std::int64_t unchanged = 0;
    };

    // importId: the import-log entry the written records belong to (0: none).
    RecordWriter(Workspace &ws, std::int64_t importId);
    ~RecordWriter();
    RecordWriter(const RecordWriter &) = delete;
    RecordWriter &operator=(const RecordWriter &) = delete;

    Outcome add(const Deployment &d);
    Outcome add(const Change &c);
    Outcome add(const Incident &i);
    Outcome add(const Page &p);
    Outcome add(const Slo &s);
    Outcome add(const SloMeasurement &m, int columns = AllColumns);
    Outcome add(const DebtItem &item);
    Outcome add(const Ownership &o);

    // A page's identity and alert group: pure, so an importer computes it on its parsing
    // thread and hands it over with the page.
    struct PageIdentity
    {
        std::int64_t key = 0;        // pages.ukey
        std::string normalizedTitle; // AlertNormalizer::normalize(title)
    };
    static void identify(const Page &p, PageIdentity &out);
    Outcome add(const Page &p, const PageIdentity &identity);

    // Bulk mode for pages: when the first page arrives and the pages table is empty, the
    // table's indexes are dropped, pages are appended with multi-row INSERTs (duplicates within
    // the load are found in memory, 16 to 32 bytes per page, and updated in place), and finish()
    // builds the indexes again, except the identity index (pages_ukey), which only upserts need
    // and which the first later upsert builds (Schema::kPagesIdentityIndex). For a million pages
    // this is three to four times faster than keeping the indexes up to date row by row. Opt-in,
    // because the caller must call finish() before committing (a rollback restores the indexes
    // by itself). Beyond kMaxBulkPages pages the writer builds every index and continues with
    // ordinary upserts, to bound memory. Into a table that a bulk load left without its identity
    // index and that holds at most kMaxBulkPages / 2 pages, pages are appended the same way (the
    // map filled with the table's keys first, every other index kept up to date), without
    // building the identity index.
    // The same opt-in covers the latest_events triggers (schema.h) of every record table the
    // writer finds empty when it first writes to it: they are dropped, the writer keeps the
    // latest time it writes, and finish() stores it and creates the triggers again (a trigger
    // costs 1.5 µs a row with Debian's SQLite: +70% on loading 218,000 changes).
    static constexpr std::int64_t kMaxBulkPages = 2000000;
    void setBulkPages(bool on) { m_bulkAllowed = on; }
    bool bulkActive() const { return m_pageMode == PageMode::Bulk; }
    // Completes the writes: rebuilds what bulk mode dropped, stores the latest_events entries
    // that are unknown (Workspace::refreshLatestEvents). Call before committing.
    void finish();

    const Counts &counts() const { return m_counts; }

    // The 64-bit identity of a page (stored in pages.ukey).
    static std::int64_t pageKey(const Page &p);

private:
    enum class PageMode { Unknown, Upsert, Bulk };

    // Open-addressing map ukey -> pages.id for bulk mode.
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

    struct StringHash
    {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };

    sqlite3_stmt *statement(const std::string &sql);
    Outcome step(sqlite3_stmt *stmt, const char *what);
    void exec(const char *sql, const char *what);
    std::int64_t groupId(const std::string &service, const std::string &normalizedTitle);
    void startPages();
    bool startAppend();
    void endBulk(bool upsertsFollow);
    void flushBulk();
    void bindPage(sqlite3_stmt *s, int first, const Page &p, std::int64_t group);

    // The record tables in the order of Schema::eventTables().
    enum EventTable { Deployments, Changes, Incidents, Pages, Measurements, EventTableCount };
    struct LatestTracking
    {
        bool checked = false;              // decided whether to track the table
        bool active = false;               // its latest_events triggers are dropped
        std::vector<std::string> triggers; // their CREATE statements
        std::int64_t added = 0;
        bool updated = false;              // a row was written twice (it may have moved earlier)
        Micros latest = 0;                 // the latest time of the rows added
    };
    // Before each write to `table`.
    void prepareTracking(EventTable table)
    {
        if (!m_latest[table].checked)
            startTracking(table);
    }
    void startTracking(EventTable table);
    // After a write to `table` of a record whose latest time is `latest`.
    void track(EventTable table, Micros latest, Outcome outcome);
    void endTracking();

    Workspace &m_ws;
    std::int64_t m_importId;
    Counts m_counts;
    std::unordered_map<std::string, sqlite3_stmt *> m_statements;
    std::unordered_map<std::string, std::int64_t, StringHash, std::equal_to<>> m_groups; // service \x1f title -> id
    std::string m_groupKey;
    bool m_groupsLoaded = false;

    bool m_bulkAllowed = false;
    PageMode m_pageMode = PageMode::Unknown;
    std::vector<std::string> m_droppedIndexes; // their CREATE statements
    KeyMap m_bulkKeys;
    std::int64_t m_lastPageId = 0;
    // New pages of a bulk load wait here and go in kBulkRows at a time (one INSERT with many
    // VALUES rows costs a quarter less per row than one INSERT each).
    static constexpr int kBulkRows = 128;
    struct PendingPage
    {
        Page page;
        std::int64_t key = 0;
        std::int64_t group = 0;
    };
    std::vector<PendingPage> m_pending;
    std::size_t m_pendingCount = 0;
    sqlite3_stmt *m_pageMultiInsert = nullptr;
    PageIdentity m_identity;
    sqlite3_stmt *m_pageUpsert = nullptr; // owned by m_statements
    sqlite3_stmt *m_groupInsert = nullptr;
    LatestTracking m_latest[EventTableCount];
};

} // namespace srm
