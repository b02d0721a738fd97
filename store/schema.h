// Schema of the workspace file, as forward migrations: migration N brings user_version N-1 to N.
// Never edit a migration that has shipped; add a new one and raise Workspace::kSchemaVersion.
#pragma once

#include <QStringList>

#include <vector>

namespace srm::Schema {

// SQL statements of the migration to `version` (1-based).
QStringList migration(int version);

// The unique index on pages.ukey, the identity of a page. Only upserts need it, so a bulk load
// into an empty pages table does not build it; RecordWriter runs this statement before its
// first upsert of a page.
extern const char *const kPagesIdentityIndex;

constexpr int kPageSpanShift = 12; // a block of page_spans holds the ids with the same id >> 12
// The pages table's row count from page_spans, which the triggers keep exact: count(*) would
// read every leaf of the table (160 MB at a million pages). A REAL, and -1 for a sum no
// workspace holds (counts written by hand), which then matches nothing and bounds nothing.
extern const char *const kPageCountSql;

// The record tables and their timestamps, all of which count for docs/command-line.md's default as-of (the
// latest event of any kind). `anchor` is NOT NULL; the others may be NULL.
struct EventTable
{
    const char *table;
    const char *anchor;
    std::vector<const char *> others;
};
const std::vector<EventTable> &eventTables();
// The latest time of one row, as SQL: "max(p.created_at, coalesce(p.acknowledged_at,
// p.created_at), ...)" for `prefix` "p." (or the anchor alone when there is nothing else).
QString rowLatestSql(const EventTable &t, const QString &prefix = QString());

// Version 3 keeps each table's latest event time in latest_events(tbl, latest), so that the
// default as-of is a lookup instead of a scan of every page. Triggers keep it exact under any
// SQL write: an insert raises it; deleting the row that holds it, or moving that row's time
// earlier, deletes the entry (unknown); Workspace::latestEventTime() scans a table whose entry
// is missing, and Workspace::refreshLatestEvents() stores it again. A bulk load of pages drops
// the pages triggers with the indexes and sets the entry itself (RecordWriter).
QString latestEventsTriggerSql(const EventTable &t, const char *operation); // "insert", "update", "delete"

// What RecordWriter's bulk load may leave missing: the page identity index (until the first
// upsert builds it) and the latest_events triggers (while it loads). The schema check on open
// (store/schemacheck.h) accepts their absence and nothing else's.
bool bulkLoadMayDrop(const QString &type, const QString &name);

} // namespace srm::Schema
