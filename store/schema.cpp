#include "store/schema.h"

#include "store/metriccatalogue.h"

namespace srm::Schema {

const char *const kPagesIdentityIndex = "CREATE UNIQUE INDEX IF NOT EXISTS pages_ukey ON pages(ukey)";

const char *const kPageCountSql
    = "SELECT CASE WHEN total(pages) BETWEEN 0 AND 1e15 THEN total(pages) ELSE -1 END FROM page_spans";

namespace {

// Schema 6's trigger that counts an inserted page in page_spans (its block: id >> 12) and widens
// the block's range of created_at. BulkPageLoader drops the current one while it appends.
const char *const kV6SpansInsertTrigger = R"(CREATE TRIGGER pages_span_insert AFTER INSERT ON pages BEGIN
        INSERT INTO page_spans (block, pages, first_at, last_at) VALUES (new.id >> 12, 1, new.created_at, new.created_at)
        ON CONFLICT (block) DO UPDATE SET pages = pages + 1,
            first_at = min(first_at, excluded.first_at), last_at = max(last_at, excluded.last_at);
    END)";

// Schema 7's: a page inserted into a block also makes its packed pages stale.
const char *const kV7SpansInsertTrigger = R"(CREATE TRIGGER pages_span_insert AFTER INSERT ON pages BEGIN
        INSERT INTO page_spans (block, pages, first_at, last_at) VALUES (new.id >> 12, 1, new.created_at, new.created_at)
        ON CONFLICT (block) DO UPDATE SET pages = pages + 1,
            first_at = min(first_at, excluded.first_at), last_at = max(last_at, excluded.last_at), packed = NULL;
    END)";

// Version 1: the records, settings and the import log. Times are INTEGER µs since the epoch
// (UTC); the *_readable views of version 2 show them as ISO text for sqlite3 users.
const char *const kV1[] = {
    R"(CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID)",
    R"(CREATE TABLE imports (
        id          INTEGER PRIMARY KEY,
        file_name   TEXT NOT NULL,
        sha256      TEXT NOT NULL,
        format      TEXT NOT NULL,
        added       INTEGER NOT NULL DEFAULT 0,
        updated     INTEGER NOT NULL DEFAULT 0,
        unchanged   INTEGER NOT NULL DEFAULT 0,
        skipped     INTEGER NOT NULL DEFAULT 0,
        imported_at INTEGER NOT NULL,
        notes       TEXT NOT NULL DEFAULT ''
    ))",
    R"(CREATE TABLE deployments (
        id                  INTEGER PRIMARY KEY,
        deployment_id       TEXT NOT NULL UNIQUE,
        service             TEXT NOT NULL DEFAULT '',
        environment         TEXT NOT NULL DEFAULT 'production',
        is_production       INTEGER NOT NULL,
        started_at          INTEGER,
        finished_at         INTEGER NOT NULL,
        result              TEXT NOT NULL CHECK (result IN ('success', 'failure', 'rolled_back', 'other')),
        commit_sha          TEXT NOT NULL DEFAULT '',
        fixes_deployment_id TEXT NOT NULL DEFAULT '',
        team                TEXT NOT NULL DEFAULT '',
        import_id           INTEGER REFERENCES imports(id) ON DELETE CASCADE
    ))",
    "CREATE INDEX deployments_finished_at ON deployments(finished_at)",
    R"(CREATE TABLE changes (
        id            INTEGER PRIMARY KEY,
        commit_sha    TEXT NOT NULL,
        deployment_id TEXT NOT NULL,
        committed_at  INTEGER NOT NULL,
        authored_at   INTEGER,
        pr_merged_at  INTEGER,
        import_id     INTEGER REFERENCES imports(id) ON DELETE CASCADE,
        UNIQUE (deployment_id, commit_sha)
    ))",
    R"(CREATE TABLE incidents (
        id                      INTEGER PRIMARY KEY,
        incident_id             TEXT NOT NULL UNIQUE,
        service                 TEXT NOT NULL DEFAULT '',
        title                   TEXT NOT NULL DEFAULT '',
        severity                TEXT NOT NULL DEFAULT '',
        started_at              INTEGER NOT NULL,
        detected_at             INTEGER,
        acknowledged_at         INTEGER,
        mitigated_at            INTEGER,
        resolved_at             INTEGER,
        detection_source        TEXT CHECK (detection_source IN ('monitoring', 'customer', 'other')),
        caused_by_deployment_id TEXT NOT NULL DEFAULT '',
        postmortem_url          TEXT NOT NULL DEFAULT '',
        import_id               INTEGER REFERENCES imports(id) ON DELETE CASCADE
    ))",
    "CREATE INDEX incidents_started_at ON incidents(started_at)",
    // Alert groups by the built-in normalisation (docs/slos-and-alerts.md#alert-groups), computed
    // once at import; user rules and merges are applied by the engine on these few distinct keys.
    R"(CREATE TABLE alert_groups (
        id      INTEGER PRIMARY KEY,
        service TEXT NOT NULL,
        title   TEXT NOT NULL
    ))",
    "CREATE UNIQUE INDEX alert_groups_key ON alert_groups(service, title)",
    // ukey: 64-bit hash of the page's identity (source id, else created_at|service|title); a
    // small integer index keeps the million-row import fast. Its unique index is a named one
    // (not a UNIQUE column constraint) so that a bulk load can drop it (kPagesIdentityIndex).
    R"(CREATE TABLE pages (
        id               INTEGER PRIMARY KEY,
        ukey             INTEGER NOT NULL,
        source_id        TEXT NOT NULL DEFAULT '',
        incident_number  INTEGER,
        service          TEXT NOT NULL DEFAULT '',
        title            TEXT NOT NULL,
        urgency          TEXT NOT NULL DEFAULT '',
        created_at       INTEGER NOT NULL,
        acknowledged_at  INTEGER,
        resolved_at      INTEGER,
        auto_resolved    INTEGER,
        escalation_count INTEGER,
        incident_key     TEXT NOT NULL DEFAULT '',
        group_id         INTEGER NOT NULL REFERENCES alert_groups(id),
        import_id        INTEGER REFERENCES imports(id) ON DELETE CASCADE
    ))",
    kPagesIdentityIndex,
    "CREATE INDEX pages_created_at ON pages(created_at)",
    R"(CREATE TABLE slos (
        id                        INTEGER PRIMARY KEY,
        name                      TEXT NOT NULL UNIQUE,
        measurement_slo           TEXT NOT NULL,
        display_name              TEXT NOT NULL DEFAULT '',
        service                   TEXT NOT NULL DEFAULT '',
        description               TEXT NOT NULL DEFAULT '',
        budgeting_method          TEXT NOT NULL CHECK (budgeting_method IN ('Occurrences', 'Timeslices')),
        objective                 REAL NOT NULL,
        window_seconds            INTEGER NOT NULL,
        time_slice_target         REAL,
        time_slice_window_seconds INTEGER,
        import_id                 INTEGER REFERENCES imports(id) ON DELETE CASCADE
    ))",
    R"(CREATE TABLE slo_measurements (
        id        INTEGER PRIMARY KEY,
        slo       TEXT NOT NULL,
        ts        INTEGER NOT NULL,
        good      REAL,
        bad       REAL,
        total     REAL,
        import_id INTEGER REFERENCES imports(id) ON DELETE CASCADE,
        UNIQUE (slo, ts)
    ))",
    R"(CREATE TABLE debt_items (
        id                  TEXT PRIMARY KEY,
        position            INTEGER NOT NULL,
        title               TEXT NOT NULL,
        theme               TEXT NOT NULL DEFAULT '',
        toil_hours_per_week REAL NOT NULL,
        cost_weeks          REAL NOT NULL,
        risk_likelihood     INTEGER NOT NULL DEFAULT 1,
        risk_impact         INTEGER NOT NULL DEFAULT 1,
        fowler              TEXT NOT NULL DEFAULT '',
        linked_metric       TEXT NOT NULL DEFAULT '',
        status              TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
        pinned_quarter      TEXT NOT NULL DEFAULT '',
        notes               TEXT NOT NULL DEFAULT '',
        import_id           INTEGER REFERENCES imports(id) ON DELETE CASCADE
    ))",
    // Dependencies may name ids that do not exist (the scheduler reports them), so depends_on is
    // not a foreign key; position keeps the CSV order for an exact round trip.
    R"(CREATE TABLE debt_dependencies (
        item_id    TEXT NOT NULL REFERENCES debt_items(id) ON DELETE CASCADE ON UPDATE CASCADE,
        depends_on TEXT NOT NULL,
        position   INTEGER NOT NULL,
        PRIMARY KEY (item_id, depends_on)
    ) WITHOUT ROWID)",
};

// Version 2: the user's alert-group rules and merges, and readable views for sqlite3 users.
const char *const kV2[] = {
    R"(CREATE TABLE alert_rules (
        id          INTEGER PRIMARY KEY,
        position    INTEGER NOT NULL,
        pattern     TEXT NOT NULL,
        replacement TEXT NOT NULL DEFAULT ''
    ))",
    R"(CREATE TABLE alert_merges (
        from_key TEXT PRIMARY KEY,
        into_key TEXT NOT NULL
    ) WITHOUT ROWID)",
    R"(CREATE VIEW pages_readable AS
        SELECT p.id, p.source_id, p.service, p.title,
               strftime('%Y-%m-%dT%H:%M:%fZ', p.created_at / 1e6, 'unixepoch') AS created_at,
               strftime('%Y-%m-%dT%H:%M:%fZ', p.acknowledged_at / 1e6, 'unixepoch') AS acknowledged_at,
               strftime('%Y-%m-%dT%H:%M:%fZ', p.resolved_at / 1e6, 'unixepoch') AS resolved_at,
               p.auto_resolved, p.urgency, g.service || '|' || g.title AS alert_group
        FROM pages p JOIN alert_groups g ON g.id = p.group_id)",
    R"(CREATE VIEW deployments_readable AS
        SELECT deployment_id, service, environment, result,
               strftime('%Y-%m-%dT%H:%M:%fZ', started_at / 1e6, 'unixepoch') AS started_at,
               strftime('%Y-%m-%dT%H:%M:%fZ', finished_at / 1e6, 'unixepoch') AS finished_at,
               commit_sha, fixes_deployment_id, team
        FROM deployments)",
    R"(CREATE VIEW incidents_readable AS
        SELECT incident_id, service, title, severity,
               strftime('%Y-%m-%dT%H:%M:%fZ', started_at / 1e6, 'unixepoch') AS started_at,
               strftime('%Y-%m-%dT%H:%M:%fZ', detected_at / 1e6, 'unixepoch') AS detected_at,
               strftime('%Y-%m-%dT%H:%M:%fZ', acknowledged_at / 1e6, 'unixepoch') AS acknowledged_at,
               strftime('%Y-%m-%dT%H:%M:%fZ', mitigated_at / 1e6, 'unixepoch') AS mitigated_at,
               strftime('%Y-%m-%dT%H:%M:%fZ', resolved_at / 1e6, 'unixepoch') AS resolved_at,
               detection_source, caused_by_deployment_id, postmortem_url
        FROM incidents)",
};

// Version 4: what the scoped, metrics-driven and live-synced release adds.
//   ownership       a service's team (the ownership CSV; scope by team)
//   scenarios       named what-if plans: a JSON object of setting overrides
//   sources         live data sources (kind, URL, options as JSON, last successful sync);
//                   never a token: tokens live in the keychain or the environment
//   import_profiles saved column mappings for CSV files, keyed by their header
//   imports.source  the source a sync import came from ('' for a file)
//   readable views for the SLO tables, and an index for the debt register's order
//   import_files    where a file import ended (importers/resumepoint.h)
//   debt_items.linked_metric now holds catalogue ids only (v4LinkedMetrics below)
const char *const kV4[] = {
    R"(CREATE TABLE ownership (
        service   TEXT PRIMARY KEY,
        team      TEXT NOT NULL,
        import_id INTEGER REFERENCES imports(id) ON DELETE CASCADE
    ))",
    "CREATE INDEX ownership_team ON ownership(team)",
    R"(CREATE TABLE scenarios (
        name      TEXT PRIMARY KEY,
        overrides TEXT NOT NULL DEFAULT '{}',
        position  INTEGER NOT NULL
    ))",
    R"(CREATE TABLE sources (
        name          TEXT PRIMARY KEY,
        kind          TEXT NOT NULL CHECK (kind IN ('pagerduty', 'prometheus', 'github', 'gitlab')),
        url           TEXT NOT NULL,
        options       TEXT NOT NULL DEFAULT '{}',
        token_env     TEXT NOT NULL DEFAULT '',
        created_at    INTEGER NOT NULL,
        last_sync_at  INTEGER,
        last_cursor   TEXT NOT NULL DEFAULT '',
        last_error    TEXT NOT NULL DEFAULT '',
        last_error_at INTEGER
    ))",
    R"(CREATE TABLE import_profiles (
        name       TEXT PRIMARY KEY,
        header_key TEXT NOT NULL,
        format     TEXT NOT NULL,
        mapping    TEXT NOT NULL DEFAULT '{}',
        created_at INTEGER NOT NULL
    ))",
    "CREATE INDEX import_profiles_header ON import_profiles(header_key)",
    "ALTER TABLE imports ADD COLUMN source TEXT NOT NULL DEFAULT ''",
    "CREATE INDEX debt_items_position ON debt_items(position)",
    R"(CREATE VIEW slos_readable AS
        SELECT name, display_name, service, budgeting_method, objective,
               window_seconds / 86400.0 AS window_days, time_slice_target,
               time_slice_window_seconds, measurement_slo, description
        FROM slos)",
    R"(CREATE VIEW slo_measurements_readable AS
        SELECT slo, strftime('%Y-%m-%dT%H:%M:%fZ', ts / 1e6, 'unixepoch') AS timestamp,
               good, bad, total
        FROM slo_measurements)",
    // Where a file import ended (importers/resumepoint.h): its length, how it was read and the
    // pages after it, so that the same file again, or with rows appended, reads only what is new.
    R"(CREATE TABLE import_files (
        import_id   INTEGER PRIMARY KEY REFERENCES imports(id) ON DELETE CASCADE,
        bytes       INTEGER NOT NULL,
        reading     TEXT NOT NULL,
        pages_after INTEGER NOT NULL
    ))",
};

// Version 5: what lets a file that grew by appended rows be imported in a fraction of a full
// import (importers/resumepoint.h, docs/formats.md#re-importing).
//   import_files.lines        the file's line ends (LF) then, NULL when it held a CR
//   import_files.prefix_hash  XXH3-128 of its `bytes` bytes: the check that a longer file
//                             begins with them, seven times faster than SHA-256
//   import_files.sha_state    SHA-256's state after those bytes, so that the longer file's
//                             SHA-256 (the import log's) hashes only what is new
//   page_prints               for every page in the table, its identity's high 32 bits beside
//                             its row id, sorted, in 16 parts by their top 4 bits, one run per
//                             import that wrote them: an appended row whose print is absent is a
//                             new page, without reading the table's keys
const char *const kV5[] = {
    "ALTER TABLE import_files ADD COLUMN lines INTEGER",
    "ALTER TABLE import_files ADD COLUMN prefix_hash BLOB",
    "ALTER TABLE import_files ADD COLUMN sha_state BLOB",
    R"(CREATE TABLE page_prints (
        import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
        part      INTEGER NOT NULL,
        prints    BLOB NOT NULL,
        PRIMARY KEY (import_id, part)
    ))",
};

// Version 6: a summary of where pages are in time, in place of the index on pages.created_at
// (docs/decisions.md#page-spans). Sorting every page's time into that index was a seventh of a
// million-page import's CPU, and a 1% delta of pages spread over the file's months changed most
// of its leaves; exports list pages nearly in time order, so a range of row ids says as much.
//   page_spans  for each block of 4096 page ids (id >> 12): how many pages it holds and the
//               earliest and latest created_at they had. Triggers keep it a superset under any
//               SQL write (an update widens the range, a delete only lowers the count), so a
//               read of a window scans only the ids of the blocks whose range meets it;
//               BulkPageLoader drops the insert trigger while it appends and writes its blocks
//               itself. sum(pages) is the table's row count without reading the table.
const char *const kV6[] = {
    R"(CREATE TABLE page_spans (
        block    INTEGER PRIMARY KEY,
        pages    INTEGER NOT NULL,
        first_at INTEGER NOT NULL,
        last_at  INTEGER NOT NULL
    ))",
    // Block by block along the row ids, each a range of the table: a GROUP BY id >> 12 sorted
    // every page (6.8 s at 10M pages, against 0.7 s). The walk ends where no id is left (NULL);
    // the last id of the last block that can exist is the largest integer, so nothing overflows.
    R"(INSERT INTO page_spans (block, pages, first_at, last_at)
    WITH RECURSIVE blocks(block) AS (
        SELECT (SELECT min(id) FROM pages) >> 12
        UNION ALL
        SELECT (SELECT min(id) FROM pages WHERE id > (block << 12) + 4095) >> 12 FROM blocks
        WHERE block IS NOT NULL
    )
    SELECT block,
           (SELECT count(*) FROM pages WHERE id BETWEEN block << 12 AND (block << 12) + 4095),
           (SELECT min(created_at) FROM pages WHERE id BETWEEN block << 12 AND (block << 12) + 4095),
           (SELECT max(created_at) FROM pages WHERE id BETWEEN block << 12 AND (block << 12) + 4095)
    FROM blocks WHERE block IS NOT NULL)",
    "DROP INDEX pages_created_at",
    kV6SpansInsertTrigger,
    R"(CREATE TRIGGER pages_span_update AFTER UPDATE OF id, created_at ON pages BEGIN
        UPDATE page_spans SET pages = pages - 1 WHERE block = old.id >> 12 AND new.id >> 12 <> old.id >> 12;
        INSERT INTO page_spans (block, pages, first_at, last_at)
        VALUES (new.id >> 12, new.id >> 12 <> old.id >> 12, new.created_at, new.created_at)
        ON CONFLICT (block) DO UPDATE SET pages = pages + excluded.pages,
            first_at = min(first_at, excluded.first_at), last_at = max(last_at, excluded.last_at);
    END)",
    R"(CREATE TRIGGER pages_span_delete AFTER DELETE ON pages BEGIN
        UPDATE page_spans SET pages = pages - 1 WHERE block = old.id >> 12;
    END)",
};

// Version 7: the pages the analysis reads, packed by block (docs/decisions.md#packed-pages). At
// 10M pages, stepping SQLite through the rows of the pages was 2 s of every read of the span.
//   page_spans.packed  created_at, acknowledged_at, resolved_at, auto_resolved and group_id of
//                      the block's pages in id order (store/pagepacks.h), or NULL. The triggers
//                      now set it to NULL whenever a page of the block is written (any of those
//                      columns, or the id), and a reader reads a NULL block's rows; the import
//                      and this migration pack what is NULL (PagePacks::packStale).
const char *const kV7[] = {
    "ALTER TABLE page_spans ADD COLUMN packed BLOB",
    "DROP TRIGGER pages_span_insert",
    "DROP TRIGGER pages_span_update",
    "DROP TRIGGER pages_span_delete",
    kV7SpansInsertTrigger,
    R"(CREATE TRIGGER pages_span_update
        AFTER UPDATE OF id, created_at, acknowledged_at, resolved_at, auto_resolved, group_id ON pages BEGIN
        UPDATE page_spans SET pages = pages - 1, packed = NULL WHERE block = old.id >> 12 AND new.id >> 12 <> old.id >> 12;
        INSERT INTO page_spans (block, pages, first_at, last_at)
        VALUES (new.id >> 12, new.id >> 12 <> old.id >> 12, new.created_at, new.created_at)
        ON CONFLICT (block) DO UPDATE SET pages = pages + excluded.pages,
            first_at = min(first_at, excluded.first_at), last_at = max(last_at, excluded.last_at), packed = NULL;
    END)",
    R"(CREATE TRIGGER pages_span_delete AFTER DELETE ON pages BEGIN
        UPDATE page_spans SET pages = pages - 1, packed = NULL WHERE block = old.id >> 12;
    END)",
};

template <std::size_t N>
QStringList toList(const char *const (&stmts)[N])
{
    QStringList out;
    for (const char *s : stmts)
        out << QString::fromUtf8(s);
    return out;
}

// debt_items.linked_metric becomes a validated list of catalogue ids separated by ';'
// (docs/debt-and-roadmap.md#linked-metrics). Before, it was free text: text that is not such a
// list moves into the item's notes, so nothing the user wrote is lost and the column holds ids
// only. A list is recognised by wrapping each entry in its own ';' pair (";a;;b;"), removing every
// ";<id>;" of the catalogue, and finding only separators left.
QString v4LinkedMetrics()
{
    QString rest = QStringLiteral("';' || replace(replace(replace(replace(linked_metric, ' ', ''), char(9), ''), "
                                  "char(13), ''), ';', ';;') || ';'");
    for (const MetricDef &m : MetricCatalogue::all())
        rest = QStringLiteral("replace(%1, ';%2;', '')").arg(rest, QLatin1StringView(m.id));
    return QStringLiteral("UPDATE debt_items SET "
                          "notes = notes || CASE WHEN notes = '' THEN '' ELSE char(10) END || "
                          "'Linked metric (before it had to name catalogue metrics): ' || linked_metric, "
                          "linked_metric = '' "
                          "WHERE linked_metric <> '' AND replace(%1, ';', '') <> ''")
        .arg(rest);
}

// Version 3: each record table's latest event time (see schema.h), filled from the records.
QStringList v3()
{
    QStringList out{QStringLiteral("CREATE TABLE latest_events (\n"
                                   "        tbl    TEXT PRIMARY KEY,\n"
                                   "        latest INTEGER\n"
                                   "    ) WITHOUT ROWID")};
    for (const EventTable &t : eventTables()) {
        const QString table = QString::fromLatin1(t.table);
        out << QStringLiteral("INSERT INTO latest_events (tbl, latest) SELECT '%1', max(%2) FROM %1")
                   .arg(table, t.others.empty() ? QString::fromLatin1(t.anchor) : rowLatestSql(t));
        for (const char *operation : {"insert", "update", "delete"})
            out << latestEventsTriggerSql(t, operation);
    }
    return out;
}

} // namespace

const std::vector<EventTable> &eventTables()
{
    static const std::vector<EventTable> tables = {
        {"deployments", "finished_at", {"started_at"}},
        {"changes", "committed_at", {"authored_at", "pr_merged_at"}},
        {"incidents", "started_at", {"detected_at", "acknowledged_at", "mitigated_at", "resolved_at"}},
        {"pages", "created_at", {"acknowledged_at", "resolved_at"}},
        {"slo_measurements", "ts", {}},
    };
    return tables;
}

QString rowLatestSql(const EventTable &t, const QString &prefix)
{
    const QString anchor = prefix + QString::fromLatin1(t.anchor);
    if (t.others.empty())
        return anchor;
    QString sql = QStringLiteral("max(") + anchor;
    for (const char *column : t.others)
        sql += QStringLiteral(", coalesce(%1%2, %3)").arg(prefix, QString::fromLatin1(column), anchor);
    return sql + u')';
}

QString latestEventsTriggerSql(const EventTable &t, const char *operation)
{
    const QString table = QString::fromLatin1(t.table);
    const QString op = QString::fromLatin1(operation);
    const QString newer = rowLatestSql(t, QStringLiteral("NEW."));
    const QString older = rowLatestSql(t, QStringLiteral("OLD."));
    // Raising the entry; nothing happens while it is unknown (no row).
    const QString raise = QStringLiteral(
                              "UPDATE latest_events SET latest = max(coalesce(latest, %1), %1) WHERE tbl = '%2';")
                              .arg(newer, table);
    if (op == u"insert")
        return QStringLiteral("CREATE TRIGGER %1_latest_insert AFTER INSERT ON %1 BEGIN %2 END").arg(table, raise);
    if (op == u"update") {
        QStringList columns{QString::fromLatin1(t.anchor)};
        for (const char *c : t.others)
            columns << QString::fromLatin1(c);
        return QStringLiteral("CREATE TRIGGER %1_latest_update AFTER UPDATE OF %2 ON %1 BEGIN "
                              "DELETE FROM latest_events WHERE tbl = '%1' AND %3 >= latest AND %4 < %3; %5 END")
            .arg(table, columns.join(QStringLiteral(", ")), older, newer, raise);
    }
    return QStringLiteral("CREATE TRIGGER %1_latest_delete AFTER DELETE ON %1 "
                          "WHEN %2 >= (SELECT latest FROM latest_events WHERE tbl = '%1') BEGIN "
                          "DELETE FROM latest_events WHERE tbl = '%1'; END")
        .arg(table, older);
}

bool bulkLoadMayDrop(const QString &type, const QString &name)
{
    if (type == u"index")
        return name == u"pages_ukey"; // kPagesIdentityIndex
    if (type != u"trigger")
        return false;
    for (const EventTable &t : eventTables())
        for (const char *operation : {"insert", "update", "delete"})
            if (name == QStringLiteral("%1_latest_%2").arg(QLatin1StringView(t.table), QLatin1StringView(operation)))
                return true;
    return false;
}

QStringList migration(int version)
{
    switch (version) {
    case 1: return toList(kV1);
    case 2: return toList(kV2);
    case 3: return v3();
    case 4: return toList(kV4) << v4LinkedMetrics();
    case 5: return toList(kV5);
    case 6: return toList(kV6);
    case 7: return toList(kV7);
    default: return {};
    }
}

} // namespace srm::Schema
