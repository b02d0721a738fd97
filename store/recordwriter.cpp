#include "store/recordwriter.h"

#include "store/alertnormalizer.h"
#include "store/metriccatalogue.h"
#include "store/pagepacks.h"
#include "store/schema.h"
#include "store/workspace.h"

#include <xxhash.h>

#include <algorithm>
#include <bit>
#include <cctype>
#include <charconv>
#include <cstring>

namespace srm {

namespace {

// MurmurHash64A (Austin Appleby, public domain): a fast, well-mixed 64-bit hash whose output
// is fixed by its definition (std::hash is not), since the value is stored in the file.
// Fed in pieces, with the total length given first, it hashes their concatenation without
// writing it anywhere: pageKey() assembled each page's key in a buffer, and the hash's first
// load of what had just been written there stalled on the stores it spans (perf: 46% of
// pageKey's samples on that one load, pageKey 3.4% of a million-page import).
class Murmur64
{
public:
    explicit Murmur64(std::size_t len, std::uint64_t seed = 0x5352504d) : m_h(seed ^ (len * kM)) { }

    void add(std::string_view s)
    {
        const unsigned char *p = reinterpret_cast<const unsigned char *>(s.data());
        std::size_t n = s.size();
        while (n > 0 && m_fill != 0) {
            take(*p++);
            --n;
        }
        for (; n >= 8; p += 8, n -= 8) {
            std::uint64_t k;
            std::memcpy(&k, p, 8); // little-endian, as the definition reads its words
            mix(k);
        }
        while (n-- > 0)
            take(*p++);
    }

    std::uint64_t finish()
    {
        // The definition's tail: the last len % 8 bytes, little-endian, then one multiply.
        if (m_fill != 0) {
            m_h ^= m_word;
            m_h *= kM;
        }
        m_h ^= m_h >> kR;
        m_h *= kM;
        m_h ^= m_h >> kR;
        return m_h;
    }

private:
    static constexpr std::uint64_t kM = 0xc6a4a7935bd1e995ULL;
    static constexpr int kR = 47;
    static_assert(std::endian::native == std::endian::little, "the key's words are read little-endian");

    void mix(std::uint64_t k)
    {
        k *= kM;
        k ^= k >> kR;
        k *= kM;
        m_h ^= k;
        m_h *= kM;
    }
    void take(unsigned char c)
    {
        m_word |= std::uint64_t(c) << (8 * m_fill);
        if (++m_fill == 8) {
            mix(m_word);
            m_word = 0;
            m_fill = 0;
        }
    }

    std::uint64_t m_h;
    std::uint64_t m_word = 0;
    unsigned m_fill = 0;
};

// INSERT ... ON CONFLICT(key) DO UPDATE SET every column WHERE any column differs, so that an
// identical record is left alone (and keeps the import it came from).
std::string upsertSql(const char *table, std::initializer_list<const char *> keys,
                      std::initializer_list<const char *> columns)
{
    std::string cols, params, sets, differs, conflict;
    int n = 0;
    for (const char *k : keys) {
        if (!cols.empty()) {
            cols += ", ";
            params += ", ";
        }
        if (!conflict.empty())
            conflict += ", ";
        cols += k;
        conflict += k;
        params += "?" + std::to_string(++n);
    }
    for (const char *c : columns) {
        cols += ", ";
        cols += c;
        params += ", ?" + std::to_string(++n);
        if (!sets.empty()) {
            sets += ", ";
            differs += " OR ";
        }
        sets += std::string(c) + " = excluded." + c;
        differs += std::string(c) + " IS NOT excluded." + c;
    }
    cols += ", import_id";
    params += ", ?" + std::to_string(++n);
    return std::string("INSERT INTO ") + table + " (" + cols + ") VALUES (" + params + ") ON CONFLICT(" + conflict
        + ") DO UPDATE SET " + sets + ", import_id = excluded.import_id WHERE " + differs;
}

} // namespace

using sqlite::bindImport;
using sqlite::bindOpt;
using sqlite::bindText;

RecordWriter::RecordWriter(Workspace &ws, std::int64_t importId)
    : m_ws(ws), m_importId(importId), m_statements(ws), m_bulk(m_statements, importId), m_latest(m_statements)
{
}

RecordWriter::~RecordWriter() = default;

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

RecordWriter::Outcome RecordWriter::add(const Deployment &d)
{
    static const std::string sql = upsertSql("deployments", {"deployment_id"},
                                             {"service", "environment", "is_production", "started_at", "finished_at",
                                              "result", "commit_sha", "fixes_deployment_id", "team"});
    m_latest.prepare(LatestEventsUpkeep::Deployments);
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
    m_latest.track(LatestEventsUpkeep::Deployments, std::max(d.finishedAt, d.startedAt.value_or(d.finishedAt)), o);
    return o;
}

RecordWriter::Outcome RecordWriter::add(const Change &c)
{
    static const std::string sql = upsertSql("changes", {"deployment_id", "commit_sha"},
                                             {"committed_at", "authored_at", "pr_merged_at"});
    m_latest.prepare(LatestEventsUpkeep::Changes);
    sqlite3_stmt *s = statement(sql);
    bindText(s, 1, c.deploymentId);
    bindText(s, 2, c.commitSha);
    sqlite3_bind_int64(s, 3, c.committedAt);
    bindOpt(s, 4, c.authoredAt);
    bindOpt(s, 5, c.prMergedAt);
    bindImport(s, 6, m_importId);
    const Outcome o = step(s, "a change");
    m_latest.track(
        LatestEventsUpkeep::Changes,
        std::max({c.committedAt, c.authoredAt.value_or(c.committedAt), c.prMergedAt.value_or(c.committedAt)}), o);
    return o;
}

RecordWriter::Outcome RecordWriter::add(const Incident &i)
{
    static const std::string sql = upsertSql("incidents", {"incident_id"},
                                             {"service", "title", "severity", "started_at", "detected_at",
                                              "acknowledged_at", "mitigated_at", "resolved_at", "detection_source",
                                              "caused_by_deployment_id", "postmortem_url"});
    m_latest.prepare(LatestEventsUpkeep::Incidents);
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
    m_latest.track(LatestEventsUpkeep::Incidents,
                   std::max({i.startedAt, i.detectedAt.value_or(i.startedAt), i.acknowledgedAt.value_or(i.startedAt),
                             i.mitigatedAt.value_or(i.startedAt), i.resolvedAt.value_or(i.startedAt)}),
                   o);
    return o;
}

namespace {

// Picks a slot of the title and group caches below. std::hash (murmur) of every page's title,
// twice, was 2.8% of a million-page import's CPU (perf); XXH3's path for short inputs takes
// under half its instructions (callgrind at 100,000 pages: 11 against 24 million).
std::size_t slotHash(std::string_view s)
{
    return std::size_t(XXH3_64bits(s.data(), s.size()));
}

} // namespace

std::int64_t RecordWriter::pageKey(const Page &p)
{
    // The hash of "id" US source id, or of "k" US created_at (decimal) US service US title.
    if (!p.sourceId.empty()) {
        Murmur64 h(3 + p.sourceId.size());
        h.add("id\x1f");
        h.add(p.sourceId);
        return std::int64_t(h.finish());
    }
    char digits[24];
    const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, p.createdAt);
    const std::string_view created(digits, std::size_t(end - digits));
    Murmur64 h(2 + created.size() + 1 + p.service.size() + 1 + p.title.size());
    h.add("k\x1f");
    h.add(created);
    h.add("\x1f");
    h.add(p.service);
    h.add("\x1f");
    h.add(p.title);
    return std::int64_t(h.finish());
}

std::int64_t RecordWriter::groupId(const std::string &service, const std::string &title)
{
    constexpr std::size_t kGroupSlots = 1 << 12;
    if (m_groupSlots.empty())
        m_groupSlots.resize(kGroupSlots);
    GroupSlot &slot = m_groupSlots[slotHash(title) & (kGroupSlots - 1)];
    if (slot.id != 0 && slot.title == title && slot.service == service)
        return slot.id;
    const std::int64_t id = groupIdOf(service, title);
    slot.service = service;
    slot.title = title;
    slot.id = id;
    return id;
}

std::int64_t RecordWriter::groupIdOf(const std::string &service, const std::string &title)
{
    m_groupKey.assign(service);
    m_groupKey += '\x1f';
    m_groupKey += title;
    if (!m_groupsLoaded && m_groupLookupsLeft < 0) {
        // A lookup through the unique index costs about 3.5 µs, reading a group into the map
        // about 1 µs (60,000 groups at a million pages, warm cache). Past an eighth as many
        // lookups as groups, the lookups have cost about half a full read and the rest are read
        // at once: a large import pays little before it reads them all. The largest id bounds
        // their number (a lookup at the end of the rowid b-tree).
        sqlite3_stmt *q = statement("SELECT max(id) FROM alert_groups");
        m_groupLookupsLeft = sqlite3_step(q) == SQLITE_ROW ? std::max<std::int64_t>(0, sqlite3_column_int64(q, 0)) / 8
                                                           : 0;
        sqlite3_reset(q);
    }
    if (!m_groupsLoaded && m_groupLookupsLeft == 0) {
        sqlite3_stmt *q = statement("SELECT id, service, title FROM alert_groups");
        while (sqlite3_step(q) == SQLITE_ROW) {
            const auto *sv = reinterpret_cast<const char *>(sqlite3_column_text(q, 1));
            const auto *tv = reinterpret_cast<const char *>(sqlite3_column_text(q, 2));
            std::string key(sv ? sv : "", size_t(sqlite3_column_bytes(q, 1)));
            key += '\x1f';
            key.append(tv ? tv : "", size_t(sqlite3_column_bytes(q, 2)));
            m_groups.emplace(std::move(key), sqlite3_column_int64(q, 0)); // keeps those looked up
        }
        sqlite3_reset(q);
        m_groupsLoaded = true;
    }
    auto it = m_groups.find(std::string_view(m_groupKey));
    if (it != m_groups.end())
        return it->second;
    // Steps `s` with the service and title bound: the first column of its row, 0 without one.
    const auto step = [&](sqlite3_stmt *s, const QString &what) {
        bindText(s, 1, service);
        bindText(s, 2, title);
        const int rc = sqlite3_step(s);
        const std::int64_t value = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
        sqlite3_reset(s);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            m_ws.fail(what, rc, QString::fromUtf8(sqlite3_errmsg(m_ws.handle())));
        return value;
    };
    if (!m_groupsLoaded) {
        --m_groupLookupsLeft;
        if (!m_groupLookup)
            m_groupLookup = statement("SELECT id FROM alert_groups WHERE service = ?1 AND title = ?2");
        if (const std::int64_t id = step(m_groupLookup, QStringLiteral("reading an alert group")); id != 0) {
            m_groups.emplace(m_groupKey, id);
            return id;
        }
    }
    if (!m_groupInsert)
        m_groupInsert = statement("INSERT INTO alert_groups(service, title) VALUES(?1, ?2)");
    step(m_groupInsert, QStringLiteral("writing an alert group"));
    const std::int64_t id = sqlite3_last_insert_rowid(m_ws.handle());
    m_groups.emplace(m_groupKey, id);
    return id;
}

void RecordWriter::identify(const Page &p, PageIdentity &out)
{
    out.key = pageKey(p);
    // Titles repeat (the same alert firing again), and a lookup costs a tenth of a
    // normalisation (callgrind: 1,300 to 2,400 instructions a title). The cache is direct-mapped:
    // a title's hash picks one slot, a miss takes it over. It was a hash map of the first 65,536
    // titles: where titles rarely repeat (numbers in them), every probe of that map missed the
    // processor's caches three times, 10% of the import's CPU at 1M pages (perf); one slot in a
    // table that stays in cache costs about one miss.
    struct Slot
    {
        std::string title;
        std::string normalized;
        bool used = false;
    };
    constexpr std::size_t kSlots = 1 << 12;
    thread_local std::vector<Slot> cache(kSlots);
    Slot &slot = cache[slotHash(p.title) & (kSlots - 1)];
    if (slot.used && slot.title == p.title) {
        out.normalizedTitle = slot.normalized;
        return;
    }
    out.normalizedTitle = AlertNormalizer::normalize(p.title);
    slot.title = p.title;
    slot.normalized = out.normalizedTitle;
    slot.used = true;
}

void RecordWriter::startPages()
{
    m_pageMode = PageMode::Upsert;
    const bool intoEmpty = m_bulkAllowed && m_bulk.begin();
    m_intoEmptyTable = m_intoEmptyTable || intoEmpty;
    const bool bulk = intoEmpty
        || (m_bulkAllowed
            && ((!m_knownPrints.empty() && m_bulk.appendKnown(std::move(m_knownPrints), m_knownPrintRuns))
                || m_bulk.append()));
    m_knownPrints = {};
    if (!bulk) {
        sqlite::exec(m_ws, Schema::kPagesIdentityIndex, "building the page identity index");
        return;
    }
    m_pageMode = PageMode::Bulk;
}

void RecordWriter::endBulk(bool upsertsFollow)
{
    m_bulk.end(upsertsFollow);
    m_pageMode = PageMode::Upsert;
}

void RecordWriter::finish()
{
    const bool wrotePages = m_pageMode != PageMode::Unknown;
    if (m_pageMode == PageMode::Bulk)
        endBulk(false);
    // The blocks this import wrote into by upserts, or that a bulk load shared with the pages
    // before it, are stale (their packed is NULL): packing them now keeps reads off the rows.
    if (wrotePages)
        PagePacks::packStale(m_ws, m_intoEmptyTable ? PagePacks::StaleScan::Copied : PagePacks::StaleScan::Mapped);
    m_latest.finish();
    // The next write of a page (by another writer) checks the table again.
    m_pageMode = PageMode::Unknown;
    m_intoEmptyTable = false;
}

RecordWriter::Outcome RecordWriter::add(const Page &p)
{
    identify(p, m_identity);
    return add(p, m_identity);
}

RecordWriter::Outcome RecordWriter::add(const Page &p, const PageIdentity &identity)
{
    static const std::string upsert = upsertSql("pages", {"ukey"},
                                                {"source_id", "incident_number", "service", "title", "urgency",
                                                 "created_at", "acknowledged_at", "resolved_at", "auto_resolved",
                                                 "escalation_count", "incident_key", "group_id"});
    static const std::string update
        = "UPDATE pages SET source_id = ?2, incident_number = ?3, service = ?4, title = ?5, urgency = ?6, "
          "created_at = ?7, acknowledged_at = ?8, resolved_at = ?9, auto_resolved = ?10, escalation_count = ?11, "
          "incident_key = ?12, group_id = ?13, import_id = ?14 WHERE id = ?1 AND (source_id IS NOT ?2 OR "
          "incident_number IS NOT ?3 OR service IS NOT ?4 OR title IS NOT ?5 OR urgency IS NOT ?6 OR created_at IS "
          "NOT ?7 OR acknowledged_at IS NOT ?8 OR resolved_at IS NOT ?9 OR auto_resolved IS NOT ?10 OR "
          "escalation_count IS NOT ?11 OR incident_key IS NOT ?12 OR group_id IS NOT ?13)";
    if (m_pageMode == PageMode::Unknown)
        startPages();
    m_latest.prepare(LatestEventsUpkeep::Pages);
    const Micros latest = std::max(
        {p.createdAt, p.acknowledgedAt.value_or(p.createdAt), p.resolvedAt.value_or(p.createdAt)});
    const std::int64_t group = groupId(p.service, identity.normalizedTitle);
    if (m_pageMode == PageMode::Bulk) {
        const std::int64_t existing = m_bulk.add(p, identity.key, group);
        if (existing == 0) {
            ++m_counts.added;
            m_latest.track(LatestEventsUpkeep::Pages, latest, Outcome::Added);
            if (m_bulk.full())
                endBulk(true);
            return Outcome::Added;
        }
        // The same page twice in one load: the later one wins, as an upsert would have it.
        m_bulk.flush();
        sqlite3_stmt *s = statement(update);
        sqlite3_bind_int64(s, 1, existing);
        BulkPageLoader::bindPage(s, 2, p, group);
        bindImport(s, 14, m_importId);
        const Outcome o = step(s, "a page");
        m_latest.track(LatestEventsUpkeep::Pages, latest, o);
        return o;
    }
    sqlite3_stmt *s = m_pageUpsert ? m_pageUpsert : (m_pageUpsert = statement(upsert));
    sqlite3_bind_int64(s, 1, identity.key);
    BulkPageLoader::bindPage(s, 2, p, group);
    bindImport(s, 14, m_importId);
    const Outcome o = step(s, "a page");
    m_latest.track(LatestEventsUpkeep::Pages, latest, o);
    return o;
}

RecordWriter::Outcome RecordWriter::add(const Slo &slo)
{
    static const std::string sql = upsertSql("slos", {"name"},
                                             {"measurement_slo", "display_name", "service", "description",
                                              "budgeting_method", "objective", "window_seconds", "time_slice_target",
                                              "time_slice_window_seconds"});
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
        if (!sets.empty()) {
            sets += ", ";
            differs += " OR ";
        }
        sets += std::string(names[bit]) + " = excluded." + names[bit];
        differs += std::string(names[bit]) + " IS NOT excluded." + names[bit];
    }
    m_latest.prepare(LatestEventsUpkeep::Measurements);
    const std::string sql = "INSERT INTO slo_measurements (" + cols + ", import_id) VALUES (" + params + ", ?"
        + std::to_string(n + 1) + ") ON CONFLICT(slo, ts) DO UPDATE SET " + sets
        + ", import_id = excluded.import_id WHERE " + differs;
    sqlite3_stmt *s = statement(sql);
    bindText(s, 1, m.slo);
    sqlite3_bind_int64(s, 2, m.timestamp);
    int i = 3;
    if (columns & Good)
        bindOpt(s, i++, m.good);
    if (columns & Bad)
        bindOpt(s, i++, m.bad);
    if (columns & Total)
        bindOpt(s, i++, m.total);
    bindImport(s, i, m_importId);
    const Outcome o = step(s, "an SLO measurement");
    m_latest.track(LatestEventsUpkeep::Measurements, m.timestamp, o);
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
    static const std::string sql
        = "INSERT INTO debt_items (id, position, title, theme, toil_hours_per_week, cost_weeks, risk_likelihood, "
          "risk_impact, fowler, linked_metric, status, pinned_quarter, notes, import_id) VALUES (?1, "
          "(SELECT coalesce(max(position), 0) + 1 FROM debt_items), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
          "?13) "
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
    const std::string theme = MetricCatalogue::themeIdOrEmpty(item.theme).toStdString();
    bindText(s, 3, theme);
    sqlite3_bind_double(s, 4, item.toilHoursPerWeek);
    sqlite3_bind_double(s, 5, item.costWeeks);
    sqlite3_bind_int(s, 6, item.riskLikelihood);
    sqlite3_bind_int(s, 7, item.riskImpact);
    bindText(s, 8, item.fowler);
    const std::string linked = MetricCatalogue::idListText(item.linkedMetrics).toStdString();
    bindText(s, 9, linked);
    sqlite3_bind_text(s, 10, toString(item.status), -1, SQLITE_STATIC);
    bindText(s, 11, item.pinnedQuarter);
    bindText(s, 12, item.notes);
    bindImport(s, 13, m_importId);
    sqlite3_bind_int(s, 14, depsDiffer ? 1 : 0);
    const Outcome o = step(s, "a debt item");
    if (depsDiffer) {
        sqlite3_stmt *del = statement("DELETE FROM debt_dependencies WHERE item_id = ?1");
        bindText(del, 1, item.id);
        if (sqlite3_step(del) != SQLITE_DONE)
            m_ws.fail(QStringLiteral("writing dependencies"), sqlite3_errcode(db),
                      QString::fromUtf8(sqlite3_errmsg(db)));
        sqlite3_reset(del);
        int position = 0;
        for (const std::string &dep : item.dependsOn) {
            sqlite3_stmt *ins = statement(
                "INSERT OR IGNORE INTO debt_dependencies(item_id, depends_on, position) VALUES(?1, ?2, ?3)");
            bindText(ins, 1, item.id);
            bindText(ins, 2, dep);
            sqlite3_bind_int(ins, 3, ++position);
            if (sqlite3_step(ins) != SQLITE_DONE)
                m_ws.fail(QStringLiteral("writing dependencies"), sqlite3_errcode(db),
                          QString::fromUtf8(sqlite3_errmsg(db)));
            sqlite3_reset(ins);
        }
    }
    return o;
}

} // namespace srm
