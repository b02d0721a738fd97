#include "store/latestevents.h"

#include "store/schema.h"
#include "store/sqlite.h"
#include "store/workspace.h"

#include <algorithm>

namespace srm {

using sqlite::bindText;

void LatestEventsUpkeep::start(Table table)
{
    Tracking &t = m_tables[table];
    t.checked = true;
    Workspace &ws = m_statements.workspace();
    if (!m_enabled || ws.schemaVersion() < 3)
        return;
    const std::string name = Schema::eventTables()[size_t(table)].table;
    sqlite3_stmt *q = m_statements.get("SELECT EXISTS (SELECT 1 FROM " + name + ")");
    const bool empty = sqlite3_step(q) == SQLITE_ROW && sqlite3_column_int(q, 0) == 0;
    sqlite3_reset(q);
    // Only this writer's triggers: were they gone (another writer in this transaction dropped
    // them), that writer's finish() would find rows it did not count and read the table.
    sqlite3_stmt *triggers = m_statements.get(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?1 "
        "AND name IN (?1 || '_latest_insert', ?1 || '_latest_update', ?1 || '_latest_delete')");
    bindText(triggers, 1, name);
    std::vector<std::pair<std::string, std::string>> found; // name, CREATE statement
    while (sqlite3_step(triggers) == SQLITE_ROW)
        found.emplace_back(reinterpret_cast<const char *>(sqlite3_column_text(triggers, 0)),
                           reinterpret_cast<const char *>(sqlite3_column_text(triggers, 1)));
    sqlite3_reset(triggers);
    // A table that holds rows keeps its update and delete triggers; only the insert trigger goes,
    // and finish() raises the entry once as it would have for each row added. Another writer of
    // this transaction may have dropped it already: then this one raises the entry for its own
    // rows all the same.
    const std::string insertTrigger = name + "_latest_insert";
    const bool hasInsert = std::any_of(found.begin(), found.end(),
                                       [&](const auto &f) { return f.first == insertTrigger; });
    if (found.size() != (empty || hasInsert ? 3u : 2u))
        return;
    for (const auto &[trigger, sql] : found) {
        if (!empty && trigger != insertTrigger)
            continue;
        sqlite::exec(ws, ("DROP TRIGGER \"" + trigger + '"').c_str(), "dropping a trigger for a bulk load");
        t.triggers.push_back(sql);
    }
    t.mode = empty ? Mode::Filling : Mode::Appending;
}

void LatestEventsUpkeep::track(Table table, Micros latest, WriteOutcome outcome)
{
    Tracking &t = m_tables[table];
    if (t.mode == Mode::Untracked)
        return;
    if (outcome == WriteOutcome::Added) {
        t.latest = t.added == 0 ? latest : std::max(t.latest, latest);
        ++t.added;
    } else if (outcome == WriteOutcome::Updated) {
        t.updated = true;
    }
}

void LatestEventsUpkeep::finish()
{
    Workspace &ws = m_statements.workspace();
    const auto step = [&ws](sqlite3_stmt *s) {
        const int rc = sqlite3_step(s);
        sqlite3_reset(s);
        if (rc != SQLITE_DONE)
            ws.fail(QStringLiteral("storing the latest event time"), rc,
                    QString::fromUtf8(sqlite3_errmsg(ws.handle())));
    };
    for (int i = 0; i < TableCount; ++i) {
        Tracking &t = m_tables[i];
        const std::string name = Schema::eventTables()[size_t(i)].table;
        if (t.mode == Mode::Filling) {
            // The table was empty: its latest event is the latest added, when it holds exactly
            // the rows added and none was written twice; otherwise the entry is left unknown
            // and refreshLatestEvents() reads the table.
            // The pages are counted by their spans (exact counts, kept by the triggers and the
            // bulk load): count(*) read every leaf of the table, 150 MB after a million pages.
            sqlite3_stmt *count = m_statements.get(i == Pages
                                                       ? std::string("SELECT coalesce(sum(pages), 0) FROM page_spans")
                                                       : "SELECT count(*) FROM " + name);
            const std::int64_t rows = sqlite3_step(count) == SQLITE_ROW ? sqlite3_column_int64(count, 0) : -1;
            sqlite3_reset(count);
            const bool known = !t.updated && rows == t.added;
            sqlite3_stmt *s = m_statements.get(
                known ? "INSERT OR REPLACE INTO latest_events (tbl, latest) VALUES (?1, ?2)"
                      : "DELETE FROM latest_events WHERE tbl = ?1");
            bindText(s, 1, name);
            if (known && t.added > 0)
                sqlite3_bind_int64(s, 2, t.latest);
            step(s);
        } else if (t.mode == Mode::Appending && t.added > 0) {
            // What the insert trigger does for each row, once for the latest of them: the result
            // is the same, max being associative. The update trigger stayed and has already
            // dropped the entry if an update moved the table's latest row earlier; then nothing
            // happens here either, and refreshLatestEvents() reads the table.
            sqlite3_stmt *s = m_statements.get(
                "UPDATE latest_events SET latest = max(coalesce(latest, ?2), ?2) WHERE tbl = ?1");
            bindText(s, 1, name);
            sqlite3_bind_int64(s, 2, t.latest);
            step(s);
        }
        for (const std::string &sql : t.triggers)
            sqlite::exec(ws, sql.c_str(), "restoring a trigger after a bulk load");
        t = Tracking();
    }
    ws.refreshLatestEvents();
}

} // namespace srm
