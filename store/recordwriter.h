// RecordWriter upserts records into a workspace, keyed by their source ids (docs/formats.md:
// importing the same data twice changes nothing): deployments by deployment_id, changes by
// (deployment_id, commit_sha), incidents by incident_id, pages by id or else
// created_at + service + title, SLOs by name, measurements by (slo, timestamp), debt items by id,
// ownership by service.
// Each call reports whether the record was added, updated or already identical. It files a
// page under its alert group (the normalised title, computed by identify(), which callers may
// run on another thread). The caller owns the transaction (one per imported file).
// Uses prepared statements on the raw SQLite handle (sqlite::StatementCache): this is the
// million-row path. In bulk mode (setBulkPages) it hands pages for an empty pages table to a
// BulkPageLoader and keeps latest_events with a LatestEventsUpkeep.
#pragma once

#include "store/bulkpageloader.h"
#include "store/latestevents.h"
#include "store/records.h"
#include "store/sqlite.h"

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
    using Outcome = WriteOutcome;
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

    // Bulk mode for pages: when the first page arrives and the pages table is empty, pages go
    // through a BulkPageLoader until finish() (or kMaxBulkPages pages; then every index is built
    // and ordinary upserts continue, to bound memory). Opt-in, because the caller must call
    // finish() before committing (a rollback restores the indexes by itself). Pages added to a
    // table a bulk load left without its identity index go through the loader too
    // (BulkPageLoader::append).
    // The same opt-in covers the latest_events triggers (schema.h) of every record table the
    // writer finds empty when it first writes to it (LatestEventsUpkeep).
    static constexpr std::int64_t kMaxBulkPages = BulkPageLoader::kMaxPages;
    void setBulkPages(bool on)
    {
        m_bulkAllowed = on;
        m_latest.setEnabled(on);
    }
    // Asks a bulk load to leave this import's page prints (BulkPageLoader::setKeepPrints).
    void setKeepPagePrints(bool keep) { m_bulk.setKeepPrints(keep); }
    // The prints of the pages the table holds (`runs`: the most runs a part of them has), when
    // this import follows the rows of the latest: pages are appended by them
    // (BulkPageLoader::appendKnown) instead of the table's keys.
    void setKnownPagePrints(std::vector<std::uint64_t> prints, int runs)
    {
        m_knownPrints = std::move(prints);
        m_knownPrintRuns = runs;
    }
    bool bulkActive() const { return m_pageMode == PageMode::Bulk; }
    // Completes the writes: rebuilds what bulk mode dropped, stores the latest_events entries
    // that are unknown (Workspace::refreshLatestEvents). Call before committing.
    void finish();

    const Counts &counts() const { return m_counts; }

    // The 64-bit identity of a page (stored in pages.ukey).
    static std::int64_t pageKey(const Page &p);

private:
    enum class PageMode { Unknown, Upsert, Bulk };

    struct StringHash
    {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };

    sqlite3_stmt *statement(const std::string &sql) { return m_statements.get(sql); }
    Outcome step(sqlite3_stmt *stmt, const char *what);
    std::int64_t groupId(const std::string &service, const std::string &normalizedTitle);
    std::int64_t groupIdOf(const std::string &service, const std::string &normalizedTitle); // past the slots
    void startPages();
    void endBulk(bool upsertsFollow);

    Workspace &m_ws;
    std::int64_t m_importId;
    Counts m_counts;
    sqlite::StatementCache m_statements;
    std::unordered_map<std::string, std::int64_t, StringHash, std::equal_to<>> m_groups; // service \x1f title -> id
    std::string m_groupKey;
    // The group of a (service, normalised title) seen recently, in front of m_groups: a slot
    // chosen by the title's hash holds the last pair there. A hit compares two short strings
    // where the map built a key, hashed it and probed (perf: 6% of a 1M-page import).
    struct GroupSlot
    {
        std::string service;
        std::string title;
        std::int64_t id = 0;
    };
    std::vector<GroupSlot> m_groupSlots;
    bool m_groupsLoaded = false;
    // Groups looked up one by one (the unique index on service and title) before the table is
    // read into m_groups: a few thousand new pages need a few thousand lookups, where reading
    // 60,000 groups took 45 ms of a 1% delta at a million pages. -1: not yet decided.
    std::int64_t m_groupLookupsLeft = -1;
    sqlite3_stmt *m_groupLookup = nullptr;

    bool m_bulkAllowed = false;
    std::vector<std::uint64_t> m_knownPrints;
    int m_knownPrintRuns = 0;
    PageMode m_pageMode = PageMode::Unknown;
    bool m_intoEmptyTable = false; // this import's pages went into an empty table (a bulk load)
    BulkPageLoader m_bulk;
    PageIdentity m_identity;
    sqlite3_stmt *m_pageUpsert = nullptr; // owned by m_statements
    sqlite3_stmt *m_groupInsert = nullptr;
    LatestEventsUpkeep m_latest;
};

} // namespace srm
