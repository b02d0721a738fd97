#include "store/bulkpageloader.h"

#include "store/schema.h"
#include "store/sqlite.h"
#include "store/workspace.h"

#include <boost/sort/spreadsort/integer_sort.hpp>

#include <sqlite3.h>

#include <algorithm>
#include <bit>

namespace srm {

using sqlite::bindImport;
using sqlite::bindOpt;
using sqlite::bindText;

void BulkPageLoader::bindPage(sqlite3_stmt *s, int first, const Page &p, std::int64_t group)
{
    bindText(s, first, p.sourceId);
    bindOpt(s, first + 1, p.incidentNumber);
    bindText(s, first + 2, p.service);
    bindText(s, first + 3, p.title);
    bindText(s, first + 4, p.urgency);
    sqlite3_bind_int64(s, first + 5, p.createdAt);
    bindOpt(s, first + 6, p.acknowledgedAt);
    bindOpt(s, first + 7, p.resolvedAt);
    bindOpt(s, first + 8, p.autoResolved);
    bindOpt(s, first + 9, p.escalationCount);
    bindText(s, first + 10, p.incidentKey);
    sqlite3_bind_int64(s, first + 11, group);
}

BulkPageLoader::~BulkPageLoader()
{
    if (m_savedCacheSize != 0) { // an import that failed half-way: the connection lives on
        const std::string sql = "PRAGMA cache_size = " + std::to_string(m_savedCacheSize);
        sqlite3_exec(m_statements.workspace().handle(), sql.c_str(), nullptr, nullptr, nullptr);
    }
}

void BulkPageLoader::shrinkCache()
{
    if (m_savedCacheSize != 0)
        return;
    sqlite3_stmt *q = m_statements.get("PRAGMA cache_size");
    const std::int64_t size = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
    sqlite3_reset(q);
    constexpr std::int64_t kBulkCacheKiB = 16384;
    // Negative sizes are KiB, positive ones pages.
    sqlite3_stmt *pageSize = m_statements.get("PRAGMA page_size");
    const std::int64_t pageKiB = sqlite3_step(pageSize) == SQLITE_ROW ? sqlite3_column_int64(pageSize, 0) / 1024 : 4;
    sqlite3_reset(pageSize);
    if (size == 0 || (size < 0 ? -size : size * pageKiB) <= kBulkCacheKiB)
        return;
    sqlite::exec(m_statements.workspace(), "PRAGMA cache_size = -16384", "sizing the page cache for a bulk load");
    m_savedCacheSize = size;
}

void BulkPageLoader::restoreCache()
{
    if (m_savedCacheSize == 0)
        return;
    const std::string sql = "PRAGMA cache_size = " + std::to_string(m_savedCacheSize);
    m_savedCacheSize = 0;
    sqlite::exec(m_statements.workspace(), sql.c_str(), "sizing the page cache after a bulk load");
}

bool BulkPageLoader::begin()
{
    auto isEmpty = [this](const char *sql) { return scalar(sql) == 0; };
    if (!isEmpty("SELECT EXISTS (SELECT 1 FROM pages)"))
        return false;
    // Alert groups are only kept for pages, so they are normally empty too; their unique index
    // is rebuilt the same way (the in-memory map keeps them unique meanwhile).
    const bool groupsEmpty = isEmpty("SELECT EXISTS (SELECT 1 FROM alert_groups)");
    sqlite3_stmt *indexes = m_statements.get(
        groupsEmpty ? "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('pages', "
                      "'alert_groups') AND sql IS NOT NULL"
                    : "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'pages' AND sql IS "
                      "NOT NULL");
    std::vector<std::string> names;
    while (sqlite3_step(indexes) == SQLITE_ROW) {
        const std::string name = reinterpret_cast<const char *>(sqlite3_column_text(indexes, 0));
        names.push_back(name);
        if (name != "pages_ukey") // left to the first upsert (Schema::kPagesIdentityIndex)
            m_droppedIndexes.emplace_back(reinterpret_cast<const char *>(sqlite3_column_text(indexes, 1)));
    }
    sqlite3_reset(indexes);
    for (const std::string &name : names) {
        std::string drop = "DROP INDEX \"";
        for (char c : name)
            drop += c == '"' ? std::string("\"\"") : std::string(1, c);
        drop += '"';
        sqlite::exec(m_statements.workspace(), drop.c_str(), "dropping an index for a bulk load");
    }
    m_lastPageId = 0; // the table is empty
    // Blocks left by pages deleted since hold none; they would only widen reads.
    if (m_statements.workspace().schemaVersion() >= 6)
        sqlite::exec(m_statements.workspace(), "DELETE FROM page_spans", "emptying the page spans for a bulk load");
    dropSpanTrigger();
    shrinkCache();
    return true;
}

void BulkPageLoader::dropSpanTrigger()
{
    if (!m_spanTrigger.empty())
        return;
    sqlite3_stmt *q = m_statements.get(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'pages_span_insert' AND tbl_name = 'pages'");
    if (sqlite3_step(q) == SQLITE_ROW)
        m_spanTrigger = reinterpret_cast<const char *>(sqlite3_column_text(q, 0));
    sqlite3_reset(q);
    if (!m_spanTrigger.empty())
        sqlite::exec(m_statements.workspace(), "DROP TRIGGER pages_span_insert", "dropping a trigger for a bulk load");
}

void BulkPageLoader::writeSpan()
{
    if (m_span.pages == 0)
        return;
    Workspace &ws = m_statements.workspace();
    sqlite3_stmt *s = m_statements.get(
        "INSERT INTO page_spans (block, pages, first_at, last_at, packed) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT "
        "(block) DO UPDATE SET pages = pages + excluded.pages, first_at = min(first_at, excluded.first_at), "
        "last_at = max(last_at, excluded.last_at), packed = NULL");
    const std::string packed = m_pack.pack();
    sqlite3_bind_int64(s, 1, m_span.block);
    sqlite3_bind_int64(s, 2, m_span.pages);
    sqlite3_bind_int64(s, 3, m_span.firstAt);
    sqlite3_bind_int64(s, 4, m_span.lastAt);
    sqlite3_bind_blob64(s, 5, packed.data(), packed.size(), SQLITE_STATIC);
    const int rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc != SQLITE_DONE)
        ws.fail(QStringLiteral("writing the page spans"), rc, QString::fromUtf8(sqlite3_errmsg(ws.handle())));
    m_span = {};
    m_pack.clear();
}

void BulkPageLoader::endSpans()
{
    if (m_spanTrigger.empty())
        return;
    writeSpan();
    sqlite::exec(m_statements.workspace(), m_spanTrigger.c_str(), "creating a trigger again after a bulk load");
    m_spanTrigger.clear();
}

std::int64_t BulkPageLoader::scalar(const char *sql)
{
    sqlite3_stmt *q = m_statements.get(sql);
    const std::int64_t v = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : -1;
    sqlite3_reset(q);
    return v;
}

bool BulkPageLoader::append()
{
    // After a bulk load the identity index is missing. Sorting a million keys to build it costs
    // a second of CPU, twenty times the cost of a 1% delta; reading the keys into the map costs a
    // fifth of that and keeps the table as bulk loads leave it. Bounded like a bulk load.
    if (scalar("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'pages_ukey'") != 0)
        return false;
    const std::int64_t rows = scalar(Schema::kPageCountSql); // hand-edited counts only choose the upserts
    if (rows < 0 || rows > kMaxPages / 2)
        return false;
    if (!readTableKeys())
        return false;
    dropSpanTrigger();
    shrinkCache();
    return true;
}

bool BulkPageLoader::readTableKeys()
{
    sqlite3_stmt *q = m_statements.get("SELECT id, ukey FROM pages");
    std::int64_t last = 0;
    int rc;
    bool fits = true;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        const std::int64_t id = sqlite3_column_int64(q, 0);
        if (id <= 0 || id >= KeyMap::kMaxId) {
            fits = false; // ids the map cannot hold: upserts, like a table too large
            break;
        }
        // The table's keys are unique (they went in through this map or the identity index).
        m_keys.findOrInsert(sqlite3_column_int64(q, 1), id, [](std::int64_t) { return false; });
        last = std::max(last, id);
    }
    sqlite3_reset(q);
    Workspace &ws = m_statements.workspace();
    if (fits && rc != SQLITE_DONE)
        ws.fail(QStringLiteral("reading the page identities"), rc, QString::fromUtf8(sqlite3_errmsg(ws.handle())));
    if (!fits) {
        m_keys.clear();
        return false;
    }
    m_lastPageId = last;
    return true;
}

bool BulkPageLoader::appendKnown(std::vector<std::uint64_t> prints, int runs)
{
    if (prints.empty() || std::int64_t(prints.size()) > kMaxPages / 2
        || scalar("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'pages_ukey'") != 0)
        return false;
    // A lookup at the end of the rowid b-tree: the ids of this load fit in the map.
    const std::int64_t last = scalar("SELECT max(id) FROM pages");
    if (last <= 0 || last >= KeyMap::kMaxId)
        return false;
    m_known = std::move(prints);
    // The prints are sorted, so each bucket's start is the end of the ones before.
    m_knownStart.assign((std::size_t(1) << kKnownBits) + 1, 0);
    for (const std::uint64_t print : m_known)
        ++m_knownStart[std::size_t(print >> (64 - kKnownBits)) + 1];
    for (std::size_t b = 1; b < m_knownStart.size(); ++b)
        m_knownStart[b] += m_knownStart[b - 1];
    m_printsStayKnown = runs < kMaxPrintRuns;
    m_lastPageId = last;
    dropSpanTrigger();
    // The page cache keeps its size: the key map holds only the new pages, and the index leaves
    // the appended rows change are spread over the whole index (a 16 MB cache spilled them to
    // the WAL before the commit: perf, 7% of a 1% delta).
    return true;
}

std::int64_t BulkPageLoader::add(const Page &p, std::int64_t key, std::int64_t group)
{
    if (!m_known.empty()) {
        const std::uint64_t fp = KeyMap::fingerprint(key);
        const std::size_t bucket = fp >> (32 - kKnownBits);
        const auto end = m_known.begin() + std::ptrdiff_t(m_knownStart[bucket + 1]);
        for (auto it = std::lower_bound(m_known.begin() + std::ptrdiff_t(m_knownStart[bucket]), end, fp << 32);
             it != end && *it >> 32 == fp; ++it)
            if (const auto id = std::int64_t(*it & 0xffffffffu); hasKey(id, key))
                return id;
    }
    const std::int64_t existing = m_keys.findOrInsert(key, m_lastPageId + 1,
                                                      [&](std::int64_t id) { return hasKey(id, key); });
    if (existing != 0)
        return existing;
    ++m_lastPageId;
    if (m_pending.size() < std::size_t(kRows))
        m_pending.resize(std::size_t(kRows));
    PendingPage &pending = m_pending[m_pendingCount++];
    pending.page = p;
    pending.key = key;
    pending.group = group;
    if (m_pendingCount == std::size_t(kRows))
        flush();
    return 0;
}

void BulkPageLoader::flush()
{
    // OR FAIL: a multi-row INSERT that may abort keeps a statement journal of the pages it
    // changes, to undo its own rows. Appending to a table that has rows, those are index leaves
    // all over the index, which SQLite spills to a temporary file past 64 KiB (49 MB written for
    // a 1% delta at a million pages). A failed row fails the whole file's transaction anyway, so
    // nothing needs undoing statement by statement. (The insert trigger of latest_events would
    // need the journal too: LatestEventsUpkeep drops it while pages are appended.)
    static const std::string columns
        = "INSERT OR FAIL INTO pages (id, ukey, source_id, incident_number, service, title, urgency, created_at, "
          "acknowledged_at, resolved_at, auto_resolved, escalation_count, incident_key, group_id, import_id) VALUES ";
    static const std::string multi = [] {
        std::string sql = columns;
        for (int r = 0; r < kRows; ++r) {
            sql += r == 0 ? "(" : ", (";
            for (int c = 0; c < 15; ++c)
                sql += c == 0 ? "?" : ", ?";
            sql += ')';
        }
        return sql;
    }();
    static const std::string single = columns + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    if (m_pendingCount == 0)
        return;
    Workspace &ws = m_statements.workspace();
    const std::int64_t firstId = m_lastPageId - std::int64_t(m_pendingCount) + 1;
    if (!m_spanTrigger.empty()) {
        // The ids only grow, so a block's pages are consecutive.
        for (std::size_t i = 0; i < m_pendingCount; ++i) {
            const std::int64_t block = (firstId + std::int64_t(i)) >> Schema::kPageSpanShift;
            const Page &page = m_pending[i].page;
            const Micros at = page.createdAt;
            if (m_span.pages > 0 && m_span.block != block)
                writeSpan();
            if (m_span.pages == 0)
                m_span = {block, 0, at, at};
            ++m_span.pages;
            m_span.firstAt = std::min(m_span.firstAt, at);
            m_span.lastAt = std::max(m_span.lastAt, at);
            PagePacks::Row row;
            row.createdAt = at;
            row.hasAcknowledged = page.acknowledgedAt.has_value();
            row.acknowledgedAt = page.acknowledgedAt.value_or(0);
            row.hasResolved = page.resolvedAt.has_value();
            row.resolvedAt = page.resolvedAt.value_or(0);
            row.autoResolved = page.autoResolved.value_or(false);
            row.group = m_pending[i].group;
            m_pack.add(row);
        }
    }
    auto bindRow = [&](sqlite3_stmt *s, int first, std::size_t i) {
        const PendingPage &p = m_pending[i];
        sqlite3_bind_int64(s, first, firstId + std::int64_t(i));
        sqlite3_bind_int64(s, first + 1, p.key);
        bindPage(s, first + 2, p.page, p.group);
        bindImport(s, first + 14, m_importId);
    };
    sqlite3_stmt *s;
    if (m_pendingCount == std::size_t(kRows)) {
        s = m_multiInsert ? m_multiInsert : (m_multiInsert = m_statements.get(multi));
        for (std::size_t i = 0; i < m_pendingCount; ++i)
            bindRow(s, int(i) * 15 + 1, i);
        if (sqlite3_step(s) != SQLITE_DONE)
            ws.fail(QStringLiteral("writing pages"), sqlite3_errcode(ws.handle()),
                    QString::fromUtf8(sqlite3_errmsg(ws.handle())));
        sqlite3_reset(s);
    } else {
        s = m_statements.get(single);
        for (std::size_t i = 0; i < m_pendingCount; ++i) {
            bindRow(s, 1, i);
            if (sqlite3_step(s) != SQLITE_DONE)
                ws.fail(QStringLiteral("writing pages"), sqlite3_errcode(ws.handle()),
                        QString::fromUtf8(sqlite3_errmsg(ws.handle())));
            sqlite3_reset(s);
        }
    }
    m_pendingCount = 0;
}

void BulkPageLoader::end(bool upsertsFollow)
{
    flush();
    // Upserts after the load add keys the map does not see: no prints then.
    if (m_keepPrints && !upsertsFollow)
        writePrints();
    m_keys.clear(); // before the index builds, whose sorts need the memory
    m_known = {};
    m_knownStart = {};
    m_printsStayKnown = false;
    endSpans();
    restoreCache();
    Workspace &ws = m_statements.workspace();
    for (const std::string &sql : m_droppedIndexes)
        sqlite::exec(ws, sql.c_str(), "building an index after a bulk load");
    if (upsertsFollow)
        sqlite::exec(ws, Schema::kPagesIdentityIndex, "building the page identity index");
    m_droppedIndexes.clear();
}

void BulkPageLoader::writePrints()
{
    static_assert(std::endian::native == std::endian::little, "page_prints holds little-endian words");
    Workspace &ws = m_statements.workspace();
    // All of them, or the new pages' beside the runs already there (kMaxPrintRuns).
    const bool all = !m_printsStayKnown;
    if (all)
        sqlite::exec(ws, "DELETE FROM page_prints", "replacing the page prints");
    sqlite3_stmt *s = m_statements.get("INSERT INTO page_prints (import_id, part, prints) VALUES (?1, ?2, ?3)");
    constexpr int kShift = 64 - std::countr_zero(unsigned(kPrintParts));
    auto known = m_known.begin();
    for (int part = 0; part < kPrintParts; ++part) {
        // One shard at a time, freed as it goes: at 10M pages the prints (80 MB) never sit
        // beside the whole map (128 MB).
        std::vector<std::uint64_t> prints = m_keys.takePrints(part);
        const auto knownEnd = std::find_if(known, m_known.end(),
                                           [part](std::uint64_t p) { return int(p >> kShift) != part; });
        if (all && known != knownEnd) {
            std::vector<std::uint64_t> merged(prints.size() + std::size_t(knownEnd - known));
            std::merge(prints.begin(), prints.end(), known, knownEnd, merged.begin());
            prints.swap(merged);
        }
        known = knownEnd;
        if (prints.empty())
            continue;
        sqlite3_bind_int64(s, 1, m_importId);
        sqlite3_bind_int(s, 2, part);
        sqlite3_bind_blob64(s, 3, prints.data(), sqlite3_uint64(prints.size() * sizeof(std::uint64_t)), SQLITE_STATIC);
        const int rc = sqlite3_step(s);
        sqlite3_reset(s);
        if (rc != SQLITE_DONE)
            ws.fail(QStringLiteral("writing the page prints"), rc, QString::fromUtf8(sqlite3_errmsg(ws.handle())));
    }
    sqlite3_clear_bindings(s);
}

bool BulkPageLoader::hasKey(std::int64_t id, std::int64_t key)
{
    const std::int64_t firstPending = m_lastPageId - std::int64_t(m_pendingCount) + 1;
    if (id >= firstPending)
        return m_pending[std::size_t(id - firstPending)].key == key;
    sqlite3_stmt *q = m_statements.get("SELECT ukey FROM pages WHERE id = ?1");
    sqlite3_bind_int64(q, 1, id);
    const int rc = sqlite3_step(q);
    const bool same = rc == SQLITE_ROW && sqlite3_column_int64(q, 0) == key;
    sqlite3_reset(q);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        Workspace &ws = m_statements.workspace();
        ws.fail(QStringLiteral("reading a page identity"), rc, QString::fromUtf8(sqlite3_errmsg(ws.handle())));
    }
    return same;
}

// --- KeyMap ----------------------------------------------------------------------------------

void BulkPageLoader::KeyMap::grow(Shard &shard)
{
    std::vector<std::uint64_t> old;
    old.swap(shard.cells);
    shard.cells.assign(old.empty() ? 256 : old.size() * 2, 0);
    const std::size_t mask = shard.cells.size() - 1;
    for (const std::uint64_t slot : old) {
        if ((slot & 0xffffffffu) == 0)
            continue;
        std::size_t i = std::size_t(slot >> 32) & mask;
        while (shard.cells[i] != 0)
            i = (i + 1) & mask;
        shard.cells[i] = slot;
    }
}

std::vector<std::uint64_t> BulkPageLoader::KeyMap::takePrints(int part)
{
    Shard &shard = m_shards[part];
    std::vector<std::uint64_t> out;
    out.reserve(shard.size);
    for (const std::uint64_t slot : shard.cells)
        if ((slot & 0xffffffffu) != 0)
            out.push_back(slot);
    m_size -= shard.size;
    std::vector<std::uint64_t>().swap(shard.cells);
    shard.size = 0;
    // Boost's radix-based sort: 1.3 ms against std::sort's 2.9 for the 62,500 prints of a part
    // at a million pages, 39 against 56 ms at ten million.
    boost::sort::spreadsort::integer_sort(out.begin(), out.end());
    return out;
}

void BulkPageLoader::KeyMap::clear()
{
    for (Shard &shard : m_shards) {
        std::vector<std::uint64_t>().swap(shard.cells);
        shard.size = 0;
    }
    m_size = 0;
}

} // namespace srm
