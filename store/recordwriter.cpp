#include "store/recordwriter.h"

#include "store/alertnormalizer.h"
#include "store/metriccatalogue.h"
#include "store/schema.h"
#include "store/workspace.h"

#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <cstring>

namespace srm {

namespace {

// MurmurHash64A (Austin Appleby, public domain): a fast, well-mixed 64-bit hash whose output
// is fixed by its definition (std::hash is not), since the value is stored in the file.
std::uint64_t murmur64(const void *key, std::size_t len, std::uint64_t seed = 0x5352504d)
{
    const std::uint64_t m = 0xc6a4a7935bd1e995ULL;
    const int r = 47;
    std::uint64_t h = seed ^ (len * m);
    const unsigned char *data = static_cast<const unsigned char *>(key);
    const unsigned char *end = data + (len / 8) * 8;
    while (data != end) {
        std::uint64_t k;
        std::memcpy(&k, data, 8);
        data += 8;
        k *= m;
        k ^= k >> r;
        k *= m;
        h ^= k;
        h *= m;
    }
    switch (len & 7) {
    case 7: h ^= std::uint64_t(data[6]) << 48; [[fallthrough]];
    case 6: h ^= std::uint64_t(data[5]) << 40; [[fallthrough]];
    case 5: h ^= std::uint64_t(data[4]) << 32; [[fallthrough]];
    case 4: h ^= std::uint64_t(data[3]) << 24; [[fallthrough]];
    case 3: h ^= std::uint64_t(data[2]) << 16; [[fallthrough]];
    case 2: h ^= std::uint64_t(data[1]) << 8; [[fallthrough]];
    case 1: h ^= std::uint64_t(data[0]); h *= m;
    }
    h ^= h >> r;
    h *= m;
    h ^= h >> r;
    return h;
}

void bindText(sqlite3_stmt *s, int i, const std::string &v)
{
    sqlite3_bind_text(s, i, v.data(), int(v.size()), SQLITE_STATIC);
}

template <typename T>
void bindOpt(sqlite3_stmt *s, int i, const std::optional<T> &v)
{
    if (!v)
        sqlite3_bind_null(s, i);
    else if constexpr (std::is_floating_point_v<T>)
        sqlite3_bind_double(s, i, *v);
    else
        sqlite3_bind_int64(s, i, std::int64_t(*v));
}

void bindImport(sqlite3_stmt *s, int i, std::int64_t importId)
{
    if (importId > 0)
        sqlite3_bind_int64(s, i, importId);
    else
        sqlite3_bind_null(s, i);
}

// INSERT ... ON CONFLICT(key) DO UPDATE SET every column WHERE any column differs, so that an
// identical record is left alone (and keeps the import it came from).
std::string upsertSql(const char *table, std::initializer_list<const char *> keys,
                      std::initializer_list<const char *> columns)
{
    std::string cols, params, sets, differs, conflict;
    int n = 0;
    for (const char *k : keys) {
        if (!cols.empty()) { cols += ", "; params += ", "; }
        if (!conflict.empty()) conflict += ", ";
        cols += k;
        conflict += k;
        params += "?" + std::to_string(++n);
    }
    for (const char *c : columns) {
        cols += ", ";
        cols += c;
        params += ", ?" + std::to_string(++n);
        if (!sets.empty()) { sets += ", "; differs += " OR "; }
        sets += std::string(c) + " = excluded." + c;
        differs += std::string(c) + " IS NOT excluded." + c;
    }
    cols += ", import_id";
    params += ", ?" + std::to_string(++n);
    return std::string("INSERT INTO ") + table + " (" + cols + ") VALUES (" + params + ") ON CONFLICT(" + conflict
        + ") DO UPDATE SET " + sets + ", import_id = excluded.import_id WHERE " + differs;
}

} // namespace

RecordWriter::RecordWriter(Workspace &ws, std::int64_t importId)
    : m_ws(ws), m_importId(importId)
{
}

RecordWriter::~RecordWriter()
{
    for (auto &[sql, stmt] : m_statements)
        sqlite3_finalize(stmt);
}

sqlite3_stmt *RecordWriter::statement(const std::string &sql)
{
    auto it = m_statements.find(sql);
    if (it != m_statements.end()) {
        sqlite3_reset(it->second);
        sqlite3_clear_bindings(it->second);
        return it->second;
    }
    sqlite3_stmt *stmt = nullptr;
    const int rc = sqlite3_prepare_v3(m_ws.handle(), sql.c_str(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                                      nullptr);
    if (rc != SQLITE_OK)
        m_ws.fail(QStringLiteral("preparing an upsert"), rc, QString::fromUtf8(sqlite3_errmsg(m_ws.handle())));
    m_statements.emplace(sql, stmt);
    return stmt;
}

RecordWriter::Outcome RecordWriter::step(sqlite3_stmt *stmt, const char *what)
{
    sqlite3 *db = m_ws.handle();
    // An upsert that updates leaves last_insert_rowid alone, an insert sets it (rowids are
    // positive): a zero before the step tells the two apart.
    sqlite3_set_last_insert_rowid(db, 0);
    const int rc = sqlite3_step(stmt);
    if (rc != SQLITE_DONE)
        m_ws.fail(QStringLiteral("writing %1").arg(QLatin1StringView(what)), rc, QString::fromUtf8(sqlite3_errmsg(db)));
    sqlite3_reset(stmt);
    Outcome o;
    if (sqlite3_changes(db) == 0)
        o = Outcome::Unchanged;
    else if (sqlite3_last_insert_rowid(db) != 0)
        o = Outcome::Added;
    else
        o = Outcome::Updated;
    switch (o) {
    case Outcome::Added: ++m_counts.added; break;
    case Outcome::Updated: ++m_counts.updated; break;
    case Outcome::Unchanged: ++m_counts.unchanged; break;
    }
    return o;
}

void RecordWriter::exec(const char *sql, const char *what)
{
    char *err = nullptr;
    const int rc = sqlite3_exec(m_ws.handle(), sql, nullptr, nullptr, &err);
    const QString detail = QString::fromUtf8(err ? err : "");
    sqlite3_free(err);
    if (rc != SQLITE_OK)
        m_ws.fail(QString::fromLatin1(what), rc, detail);
}

RecordWriter::Outcome RecordWriter::add(const Deployment &d)
{
    static const std::string sql = upsertSql(
        "deployments", {"deployment_id"},
        {"service", "environment", "is_production", "started_at", "finished_at", "result", "commit_sha",
         "fixes_deployment_id", "team"});
    prepareTracking(Deployments);
    sqlite3_stmt *s = statement(sql);
    bindText(s, 1, d.deploymentId);
    bindText(s, 2, d.service);
    bindText(s, 3, d.environment);
    std::string env = d.environment;
    for (char &c : env)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    const bool production = env == "production" || env == "prod" || env == "prd" || env == "live";
    sqlite3_bind_int(s, 4, production ? 1 : 0);
    bindOpt(s, 5, d.startedAt);
    sqlite3_bind_int64(s, 6, d.finishedAt);
    sqlite3_bind_text(s, 7, toString(d.result), -1, SQLITE_STATIC);
    bindText(s, 8, d.commitSha);
    bindText(s, 9, d.fixesDeploymentId);
    bindText(s, 10, d.team);
    bindImport(s, 11, m_importId);
    const Outcome o = step(s, "a deployment");
    track(Deployments, std::max(d.finishedAt, d.startedAt.value_or(d.finishedAt)), o);
    return o;
}

RecordWriter::Outcome RecordWriter::add(const Change &c)
{
    static const std::string sql =
        upsertSql("changes", {"deployment_id", "commit_sha"}, {"committed_at", "authored_at", "pr_merged_at"});
    prepareTracking(Changes);
    sqlite3_stmt *s = statement(sql);
    bindText(s, 1, c.deploymentId);
    bindText(s, 2, c.commitSha);
    sqlite3_bind_int64(s, 3, c.committedAt);
    bindOpt(s, 4, c.authoredAt);
    bindOpt(s, 5, c.prMergedAt);
    bindImport(s, 6, m_importId);
    const Outcome o = step(s, "a change");
    track(Changes, std::max({c.committedAt, c.authoredAt.value_or(c.committedAt), c.prMergedAt.value_or(c.committedAt)}), o);
    return o;
}

RecordWriter::Outcome RecordWriter::add(const Incident &i)
{
    static const std::string sql = upsertSql(
        "incidents", {"incident_id"},
        {"service", "title", "severity", "started_at", "detected_at", "acknowledged_at", "mitigated_at",
         "resolved_at", "detection_source", "caused_by_deployment_id", "postmortem_url"});
    prepareTracking(Incidents);
    sqlite3_stmt *s = statement(sql);
    bindText(s, 1, i.incidentId);
    bindText(s, 2, i.service);
    bindText(s, 3, i.title);
    bindText(s, 4, i.severity);
    sqlite3_bind_int64(s, 5, i.startedAt);
    bindOpt(s, 6, i.detectedAt);
    bindOpt(s, 7, i.acknowledgedAt);
    bindOpt(s, 8, i.mitigatedAt);
    bindOpt(s, 9, i.resolvedAt);
    if (i.detectionSource)
        sqlite3_bind_text(s, 10, toString(*i.detectionSource), -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(s, 10);
    bindText(s, 11, i.causedByDeploymentId);
    bindText(s, 12, i.postmortemUrl);
    bindImport(s, 13, m_importId);
    const Outcome o = step(s, "an incident");
    track(Incidents,
          std::max({i.startedAt, i.detectedAt.value_or(i.startedAt), i.acknowledgedAt.value_or(i.startedAt),
                    i.mitigatedAt.value_or(i.startedAt), i.resolvedAt.value_or(i.startedAt)}),
          o);
    return o;
}

std::int64_t RecordWriter::pageKey(const Page &p)
{
    // One buffer per thread, reused: no allocation per page (3% of an import's time before).
    thread_local std::string key;
    key.clear();
    if (!p.sourceId.empty()) {
        key.reserve(p.sourceId.size() + 3);
        key += "id\x1f";
        key += p.sourceId;
    } else {
        key.reserve(p.service.size() + p.title.size() + 24);
        key += "k\x1f";
        key += std::to_string(p.createdAt);
        key += '\x1f';
        key += p.service;
        key += '\x1f';
        key += p.title;
    }
    return std::int64_t(murmur64(key.data(), key.size()));
}

std::int64_t RecordWriter::groupId(const std::string &service, const std::string &title)
{
    if (!m_groupsLoaded) {
        sqlite3_stmt *q = statement("SELECT id, service, title FROM alert_groups");
        while (sqlite3_step(q) == SQLITE_ROW) {
            const auto *sv = reinterpret_cast<const char *>(sqlite3_column_text(q, 1));
            const auto *tv = reinterpret_cast<const char *>(sqlite3_column_text(q, 2));
            std::string key(sv ? sv : "", size_t(sqlite3_column_bytes(q, 1)));
            key += '\x1f';
            key.append(tv ? tv : "", size_t(sqlite3_column_bytes(q, 2)));
            m_groups.emplace(std::move(key), sqlite3_column_int64(q, 0));
        }
        sqlite3_reset(q);
        m_groupsLoaded = true;
    }
    m_groupKey.assign(service);
    m_groupKey += '\x1f';
    m_groupKey += title;
    auto it = m_groups.find(std::string_view(m_groupKey));
    if (it != m_groups.end())
        return it->second;
    sqlite3_stmt *s = m_groupInsert ? m_groupInsert
                                    : (m_groupInsert = statement("INSERT INTO alert_groups(service, title) VALUES(?1, ?2)"));
    bindText(s, 1, service);
    bindText(s, 2, title);
    const int rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc != SQLITE_DONE)
        m_ws.fail(QStringLiteral("writing an alert group"), rc, QString::fromUtf8(sqlite3_errmsg(m_ws.handle())));
    const std::int64_t id = sqlite3_last_insert_rowid(m_ws.handle());
    m_groups.emplace(m_groupKey, id);
    return id;
}

void RecordWriter::identify(const Page &p, PageIdentity &out)
{
    out.key = pageKey(p);
    // Titles repeat (the same alert firing again): the normalisations of the first titles a
    // thread meets are kept, up to kCachedTitles of them (a few MB). A lookup costs a tenth of
    // a normalisation (callgrind: 1,300 to 2,400 instructions a title).
    constexpr std::size_t kCachedTitles = 1 << 16;
    thread_local std::unordered_map<std::string, std::string, StringHash, std::equal_to<>> cache;
    if (const auto it = cache.find(std::string_view(p.title)); it != cache.end()) {
        out.normalizedTitle = it->second;
        return;
    }
    out.normalizedTitle = AlertNormalizer::normalize(p.title);
    if (cache.size() < kCachedTitles)
        cache.emplace(p.title, out.normalizedTitle);
}

// Binds source_id .. group_id (12 values) from parameter `first` on.
void RecordWriter::bindPage(sqlite3_stmt *s, int first, const Page &p, std::int64_t group)
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

void RecordWriter::startPages()
{
    m_pageMode = PageMode::Upsert;
    auto isEmpty = [this](const char *sql) {
        sqlite3_stmt *q = statement(sql);
        const bool empty = sqlite3_step(q) == SQLITE_ROW && sqlite3_column_int(q, 0) == 0;
        sqlite3_reset(q);
        return empty;
    };
    if (!m_bulkAllowed) {
        exec(Schema::kPagesIdentityIndex, "building the page identity index");
        return;
    }
    if (!isEmpty("SELECT EXISTS (SELECT 1 FROM pages)")) {
        if (!startAppend())
            exec(Schema::kPagesIdentityIndex, "building the page identity index");
        return;
    }
    // Alert groups are only kept for pages, so they are normally empty too; their unique index
    // is rebuilt the same way (the in-memory map keeps them unique meanwhile).
    const bool groupsEmpty = isEmpty("SELECT EXISTS (SELECT 1 FROM alert_groups)");
    sqlite3_stmt *indexes = statement(
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
        exec(drop.c_str(), "dropping an index for a bulk load");
    }
    m_lastPageId = 0; // the table is empty
    m_pageMode = PageMode::Bulk;
}

bool RecordWriter::startAppend()
{
    // After a bulk load the identity index is missing. Sorting a million keys to build it costs
    // a second of CPU, twenty times the cost of a 1% delta (docs/formats.md#re-importing); reading
    // the keys into the bulk map costs a fifth of that and keeps the table as bulk loads leave it.
    // Bounded like a bulk load (16 to 32 bytes a page in memory).
    auto scalar = [this](const char *sql) {
        sqlite3_stmt *q = statement(sql);
        const std::int64_t v = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : -1;
        sqlite3_reset(q);
        return v;
    };
    if (scalar("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'pages_ukey'") != 0)
        return false;
    const std::int64_t rows = scalar("SELECT count(*) FROM pages");
    if (rows < 0 || rows > kMaxBulkPages / 2)
        return false;
    sqlite3_stmt *q = statement("SELECT id, ukey FROM pages");
    std::int64_t last = 0;
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        const std::int64_t id = sqlite3_column_int64(q, 0);
        m_bulkKeys.findOrInsert(sqlite3_column_int64(q, 1), id);
        last = std::max(last, id);
    }
    sqlite3_reset(q);
    if (rc != SQLITE_DONE)
        m_ws.fail(QStringLiteral("reading the page identities"), rc, QString::fromUtf8(sqlite3_errmsg(m_ws.handle())));
    m_lastPageId = last;
    m_pageMode = PageMode::Bulk;
    return true;
}

void RecordWriter::flushBulk()
{
    static const std::string columns =
        "INSERT INTO pages (id, ukey, source_id, incident_number, service, title, urgency, created_at, "
        "acknowledged_at, resolved_at, auto_resolved, escalation_count, incident_key, group_id, import_id) VALUES ";
    static const std::string multi = [] {
        std::string sql = columns;
        for (int r = 0; r < kBulkRows; ++r) {
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
    const std::int64_t firstId = m_lastPageId - std::int64_t(m_pendingCount) + 1;
    auto bindRow = [&](sqlite3_stmt *s, int first, std::size_t i) {
        const PendingPage &p = m_pending[i];
        sqlite3_bind_int64(s, first, firstId + std::int64_t(i));
        sqlite3_bind_int64(s, first + 1, p.key);
        bindPage(s, first + 2, p.page, p.group);
        bindImport(s, first + 14, m_importId);
    };
    sqlite3_stmt *s;
    if (m_pendingCount == std::size_t(kBulkRows)) {
        s = m_pageMultiInsert ? m_pageMultiInsert : (m_pageMultiInsert = statement(multi));
        for (std::size_t i = 0; i < m_pendingCount; ++i)
            bindRow(s, int(i) * 15 + 1, i);
        if (sqlite3_step(s) != SQLITE_DONE)
            m_ws.fail(QStringLiteral("writing pages"), sqlite3_errcode(m_ws.handle()),
                      QString::fromUtf8(sqlite3_errmsg(m_ws.handle())));
        sqlite3_reset(s);
    } else {
        s = statement(single);
        for (std::size_t i = 0; i < m_pendingCount; ++i) {
            bindRow(s, 1, i);
            if (sqlite3_step(s) != SQLITE_DONE)
                m_ws.fail(QStringLiteral("writing pages"), sqlite3_errcode(m_ws.handle()),
                          QString::fromUtf8(sqlite3_errmsg(m_ws.handle())));
            sqlite3_reset(s);
        }
    }
    m_pendingCount = 0;
}

void RecordWriter::endBulk(bool upsertsFollow)
{
    flushBulk();
    for (const std::string &sql : m_droppedIndexes)
        exec(sql.c_str(), "building an index after a bulk load");
    if (upsertsFollow)
        exec(Schema::kPagesIdentityIndex, "building the page identity index");
    m_droppedIndexes.clear();
    m_bulkKeys.clear();
    m_pageMode = PageMode::Upsert;
}

void RecordWriter::finish()
{
    if (m_pageMode == PageMode::Bulk)
        endBulk(false);
    endTracking();
    // The next write of a page (by another writer) checks the table again.
    m_pageMode = PageMode::Unknown;
}

RecordWriter::Outcome RecordWriter::add(const Page &p)
{
    identify(p, m_identity);
    return add(p, m_identity);
}

RecordWriter::Outcome RecordWriter::add(const Page &p, const PageIdentity &identity)
{
    static const std::string upsert = upsertSql(
        "pages", {"ukey"},
        {"source_id", "incident_number", "service", "title", "urgency", "created_at", "acknowledged_at",
         "resolved_at", "auto_resolved", "escalation_count", "incident_key", "group_id"});
    static const std::string update =
        "UPDATE pages SET source_id = ?2, incident_number = ?3, service = ?4, title = ?5, urgency = ?6, "
        "created_at = ?7, acknowledged_at = ?8, resolved_at = ?9, auto_resolved = ?10, escalation_count = ?11, "
        "incident_key = ?12, group_id = ?13, import_id = ?14 WHERE id = ?1 AND (source_id IS NOT ?2 OR "
        "incident_number IS NOT ?3 OR service IS NOT ?4 OR title IS NOT ?5 OR urgency IS NOT ?6 OR created_at IS "
        "NOT ?7 OR acknowledged_at IS NOT ?8 OR resolved_at IS NOT ?9 OR auto_resolved IS NOT ?10 OR "
        "escalation_count IS NOT ?11 OR incident_key IS NOT ?12 OR group_id IS NOT ?13)";
    if (m_pageMode == PageMode::Unknown)
        startPages();
    prepareTracking(Pages);
    const Micros latest = std::max({p.createdAt, p.acknowledgedAt.value_or(p.createdAt), p.resolvedAt.value_or(p.createdAt)});
    const std::int64_t group = groupId(p.service, identity.normalizedTitle);
    if (m_pageMode == PageMode::Bulk) {
        const std::int64_t existing = m_bulkKeys.findOrInsert(identity.key, m_lastPageId + 1);
        if (existing == 0) {
            ++m_lastPageId;
            if (m_pending.size() < std::size_t(kBulkRows))
                m_pending.resize(std::size_t(kBulkRows));
            PendingPage &pending = m_pending[m_pendingCount++];
            pending.page = p;
            pending.key = identity.key;
            pending.group = group;
            if (m_pendingCount == std::size_t(kBulkRows))
                flushBulk();
            ++m_counts.added;
            track(Pages, latest, Outcome::Added);
            if (std::int64_t(m_bulkKeys.size()) >= kMaxBulkPages)
                endBulk(true);
            return Outcome::Added;
        }
        // The same page twice in one load: the later one wins, as an upsert would have it.
        flushBulk();
        sqlite3_stmt *s = statement(update);
        sqlite3_bind_int64(s, 1, existing);
        bindPage(s, 2, p, group);
        bindImport(s, 14, m_importId);
        const Outcome o = step(s, "a page");
        track(Pages, latest, o);
        return o;
    }
    sqlite3_stmt *s = m_pageUpsert ? m_pageUpsert : (m_pageUpsert = statement(upsert));
    sqlite3_bind_int64(s, 1, identity.key);
    bindPage(s, 2, p, group);
    bindImport(s, 14, m_importId);
    const Outcome o = step(s, "a page");
    track(Pages, latest, o);
    return o;
}

// --- latest_events while loading empty tables --------------------------------------------------

void RecordWriter::startTracking(EventTable table)
{
    LatestTracking &t = m_latest[table];
    t.checked = true;
    if (!m_bulkAllowed || m_ws.schemaVersion() < 3)
        return;
    const std::string name = Schema::eventTables()[size_t(table)].table;
    sqlite3_stmt *q = statement("SELECT EXISTS (SELECT 1 FROM " + name + ")");
    const bool empty = sqlite3_step(q) == SQLITE_ROW && sqlite3_column_int(q, 0) == 0;
    sqlite3_reset(q);
    if (!empty)
        return;
    // Only this writer's triggers: were they gone (another writer in this transaction dropped
    // them), that writer's finish() would find rows it did not count and read the table.
    sqlite3_stmt *triggers = statement("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?1 "
                                       "AND name IN (?1 || '_latest_insert', ?1 || '_latest_update', ?1 || '_latest_delete')");
    bindText(triggers, 1, name);
    std::vector<std::string> names;
    while (sqlite3_step(triggers) == SQLITE_ROW) {
        names.emplace_back(reinterpret_cast<const char *>(sqlite3_column_text(triggers, 0)));
        t.triggers.emplace_back(reinterpret_cast<const char *>(sqlite3_column_text(triggers, 1)));
    }
    sqlite3_reset(triggers);
    if (names.size() != 3) {
        t.triggers.clear();
        return;
    }
    for (const std::string &trigger : names)
        exec(("DROP TRIGGER \"" + trigger + '"').c_str(), "dropping a trigger for a bulk load");
    t.active = true;
}

void RecordWriter::track(EventTable table, Micros latest, Outcome outcome)
{
    LatestTracking &t = m_latest[table];
    if (!t.active)
        return;
    if (outcome == Outcome::Added) {
        t.latest = t.added == 0 ? latest : std::max(t.latest, latest);
        ++t.added;
    } else if (outcome == Outcome::Updated) {
        t.updated = true;
    }
}

void RecordWriter::endTracking()
{
    for (int i = 0; i < EventTableCount; ++i) {
        LatestTracking &t = m_latest[i];
        if (t.active) {
            // The table was empty: its latest event is the latest added, when it holds exactly
            // the rows added and none was written twice; otherwise the entry is left unknown
            // and refreshLatestEvents() reads the table.
            const std::string name = Schema::eventTables()[size_t(i)].table;
            sqlite3_stmt *count = statement("SELECT count(*) FROM " + name);
            const std::int64_t rows = sqlite3_step(count) == SQLITE_ROW ? sqlite3_column_int64(count, 0) : -1;
            sqlite3_reset(count);
            const bool known = !t.updated && rows == t.added;
            sqlite3_stmt *s = statement(known ? "INSERT OR REPLACE INTO latest_events (tbl, latest) VALUES (?1, ?2)"
                                              : "DELETE FROM latest_events WHERE tbl = ?1");
            bindText(s, 1, name);
            if (known && t.added > 0)
                sqlite3_bind_int64(s, 2, t.latest);
            const int rc = sqlite3_step(s);
            sqlite3_reset(s);
            if (rc != SQLITE_DONE)
                m_ws.fail(QStringLiteral("storing the latest event time"), rc, QString::fromUtf8(sqlite3_errmsg(m_ws.handle())));
            for (const std::string &sql : t.triggers)
                exec(sql.c_str(), "restoring a trigger after a bulk load");
        }
        t = LatestTracking();
    }
    m_ws.refreshLatestEvents();
}

// --- KeyMap ----------------------------------------------------------------------------------

std::int64_t RecordWriter::KeyMap::findOrInsert(std::int64_t key, std::int64_t id)
{
    if ((m_size + 1) * 2 > m_slots.size())
        grow();
    const std::size_t mask = m_slots.size() - 1;
    // Keys are already well-mixed hashes.
    for (std::size_t i = std::size_t(std::uint64_t(key)) & mask;; i = (i + 1) & mask) {
        auto &slot = m_slots[i];
        if (slot.second == 0) {
            slot = {key, id};
            ++m_size;
            return 0;
        }
        if (slot.first == key)
            return slot.second;
    }
}

void RecordWriter::KeyMap::grow()
{
    std::vector<std::pair<std::int64_t, std::int64_t>> old;
    old.swap(m_slots);
    m_slots.assign(old.empty() ? 1024 : old.size() * 2, {0, 0});
    m_size = 0;
    for (const auto &[key, id] : old)
        if (id != 0)
            findOrInsert(key, id);
}

void RecordWriter::KeyMap::clear()
{
    std::vector<std::pair<std::int64_t, std::int64_t>>().swap(m_slots);
    m_size = 0;
}

RecordWriter::Outcome RecordWriter::add(const Slo &slo)
{
    static const std::string sql = upsertSql(
        "slos", {"name"},
        {"measurement_slo", "display_name", "service", "description", "budgeting_method", "objective",
         "window_seconds", "time_slice_target", "time_slice_window_seconds"});
    sqlite3_stmt *s = statement(sql);
    bindText(s, 1, slo.name);
    bindText(s, 2, slo.measurementSlo.empty() ? slo.name : slo.measurementSlo);
    bindText(s, 3, slo.displayName);
    bindText(s, 4, slo.service);
    bindText(s, 5, slo.description);
    sqlite3_bind_text(s, 6, toString(slo.method), -1, SQLITE_STATIC);
    sqlite3_bind_double(s, 7, slo.objective);
    sqlite3_bind_int64(s, 8, slo.windowSeconds);
    bindOpt(s, 9, slo.timeSliceTarget);
    bindOpt(s, 10, slo.timeSliceWindowSeconds);
    bindImport(s, 11, m_importId);
    return step(s, "an SLO");
}

RecordWriter::Outcome RecordWriter::add(const SloMeasurement &m, int columns)
{
    static const char *const names[] = {"good", "bad", "total"};
    std::string cols = "slo, ts", params = "?1, ?2", sets, differs;
    int n = 2;
    for (int bit = 0; bit < 3; ++bit) {
        if (!(columns & (1 << bit)))
            continue;
        cols += std::string(", ") + names[bit];
        params += ", ?" + std::to_string(++n);
        if (!sets.empty()) { sets += ", "; differs += " OR "; }
        sets += std::string(names[bit]) + " = excluded." + names[bit];
        differs += std::string(names[bit]) + " IS NOT excluded." + names[bit];
    }
    prepareTracking(Measurements);
    const std::string sql = "INSERT INTO slo_measurements (" + cols + ", import_id) VALUES (" + params + ", ?"
        + std::to_string(n + 1) + ") ON CONFLICT(slo, ts) DO UPDATE SET " + sets
        + ", import_id = excluded.import_id WHERE " + differs;
    sqlite3_stmt *s = statement(sql);
    bindText(s, 1, m.slo);
    sqlite3_bind_int64(s, 2, m.timestamp);
    int i = 3;
    if (columns & Good) bindOpt(s, i++, m.good);
    if (columns & Bad) bindOpt(s, i++, m.bad);
    if (columns & Total) bindOpt(s, i++, m.total);
    bindImport(s, i, m_importId);
    const Outcome o = step(s, "an SLO measurement");
    track(Measurements, m.timestamp, o);
    return o;
}

RecordWriter::Outcome RecordWriter::add(const Ownership &o)
{
    static const std::string sql = upsertSql("ownership", {"service"}, {"team"});
    sqlite3_stmt *s = statement(sql);
    bindText(s, 1, o.service);
    bindText(s, 2, o.team);
    bindImport(s, 3, m_importId);
    return step(s, "a service's owner");
}

RecordWriter::Outcome RecordWriter::add(const DebtItem &item)
{
    sqlite3 *db = m_ws.handle();
    // Dependencies are part of the item: compare them too.
    std::vector<std::string> existingDeps;
    {
        sqlite3_stmt *q = statement("SELECT depends_on FROM debt_dependencies WHERE item_id = ?1 ORDER BY position");
        bindText(q, 1, item.id);
        while (sqlite3_step(q) == SQLITE_ROW)
            existingDeps.emplace_back(reinterpret_cast<const char *>(sqlite3_column_text(q, 0)),
                                      size_t(sqlite3_column_bytes(q, 0)));
        sqlite3_reset(q);
    }
    static const std::string sql =
        "INSERT INTO debt_items (id, position, title, theme, toil_hours_per_week, cost_weeks, risk_likelihood, "
        "risk_impact, fowler, linked_metric, status, pinned_quarter, notes, import_id) VALUES (?1, "
        "(SELECT coalesce(max(position), 0) + 1 FROM debt_items), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) "
        "ON CONFLICT(id) DO UPDATE SET title = excluded.title, theme = excluded.theme, toil_hours_per_week = "
        "excluded.toil_hours_per_week, cost_weeks = excluded.cost_weeks, risk_likelihood = excluded.risk_likelihood, "
        "risk_impact = excluded.risk_impact, fowler = excluded.fowler, linked_metric = excluded.linked_metric, "
        "status = excluded.status, pinned_quarter = excluded.pinned_quarter, notes = excluded.notes, import_id = "
        "excluded.import_id WHERE title IS NOT excluded.title OR theme IS NOT excluded.theme OR toil_hours_per_week "
        "IS NOT excluded.toil_hours_per_week OR cost_weeks IS NOT excluded.cost_weeks OR risk_likelihood IS NOT "
        "excluded.risk_likelihood OR risk_impact IS NOT excluded.risk_impact OR fowler IS NOT excluded.fowler OR "
        "linked_metric IS NOT excluded.linked_metric OR status IS NOT excluded.status OR pinned_quarter IS NOT "
        "excluded.pinned_quarter OR notes IS NOT excluded.notes OR ?14";
    const bool depsDiffer = existingDeps != item.dependsOn;
    sqlite3_stmt *s = statement(sql);
    bindText(s, 1, item.id);
    bindText(s, 2, item.title);
    bindText(s, 3, item.theme);
    sqlite3_bind_double(s, 4, item.toilHoursPerWeek);
    sqlite3_bind_double(s, 5, item.costWeeks);
    sqlite3_bind_int(s, 6, item.riskLikelihood);
    sqlite3_bind_int(s, 7, item.riskImpact);
    bindText(s, 8, item.fowler);
    const std::string linked = MetricCatalogue::idListText(item.linkedMetrics).toStdString();
    bindText(s, 9, linked);
    bindText(s, 10, item.status);
    bindText(s, 11, item.pinnedQuarter);
    bindText(s, 12, item.notes);
    bindImport(s, 13, m_importId);
    sqlite3_bind_int(s, 14, depsDiffer ? 1 : 0);
    const Outcome o = step(s, "a debt item");
    if (depsDiffer) {
        sqlite3_stmt *del = statement("DELETE FROM debt_dependencies WHERE item_id = ?1");
        bindText(del, 1, item.id);
        if (sqlite3_step(del) != SQLITE_DONE)
            m_ws.fail(QStringLiteral("writing dependencies"), sqlite3_errcode(db), QString::fromUtf8(sqlite3_errmsg(db)));
        sqlite3_reset(del);
        int position = 0;
        for (const std::string &dep : item.dependsOn) {
            sqlite3_stmt *ins = statement(
                "INSERT OR IGNORE INTO debt_dependencies(item_id, depends_on, position) VALUES(?1, ?2, ?3)");
            bindText(ins, 1, item.id);
            bindText(ins, 2, dep);
            sqlite3_bind_int(ins, 3, ++position);
            if (sqlite3_step(ins) != SQLITE_DONE)
                m_ws.fail(QStringLiteral("writing dependencies"), sqlite3_errcode(db), QString::fromUtf8(sqlite3_errmsg(db)));
            sqlite3_reset(ins);
        }
    }
    return o;
}

} // namespace srm
