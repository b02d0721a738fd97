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
    if (!empty)
        return;
    // Only this writer's triggers: were they gone (another writer in this transaction dropped
    // them), that writer's finish() would find rows it did not count and read the table.
    sqlite3_stmt *triggers = m_statements.get(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?1 "
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
        sqlite::exec(ws, ("DROP TRIGGER \"" + trigger + '"').c_str(), "dropping a trigger for a bulk load");
    t.active = true;
}

void LatestEventsUpkeep::track(Table table, Micros latest, WriteOutcome outcome)
{
    Tracking &t = m_tables[table];
    if (!t.active)
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
    for (int i = 0; i < TableCount; ++i) {
        Tracking &t = m_tables[i];
        if (t.active) {
            // The table was empty: its latest event is the latest added, when it holds exactly
            // the rows added and none was written twice; otherwise the entry is left unknown
            // and refreshLatestEvents() reads the table.
            const std::string name = Schema::eventTables()[size_t(i)].table;
            sqlite3_stmt *count = m_statements.get("SELECT count(*) FROM " + name);
            const std::int64_t rows = sqlite3_step(count) == SQLITE_ROW ? sqlite3_column_int64(count, 0) : -1;
            sqlite3_reset(count);
            const bool known = !t.updated && rows == t.added;
            sqlite3_stmt *s = m_statements.get(
                known ? "INSERT OR REPLACE INTO latest_events (tbl, latest) VALUES (?1, ?2)"
                      : "DELETE FROM latest_events WHERE tbl = ?1");
            bindText(s, 1, name);
            if (known && t.added > 0)
                sqlite3_bind_int64(s, 2, t.latest);
            const int rc = sqlite3_step(s);
            sqlite3_reset(s);
            if (rc != SQLITE_DONE)
                ws.fail(QStringLiteral("storing the latest event time"), rc,
                        QString::fromUtf8(sqlite3_errmsg(ws.handle())));
            for (const std::string &sql : t.triggers)
                sqlite::exec(ws, sql.c_str(), "restoring a trigger after a bulk load");
        }
        t = Tracking();
    }
    ws.refreshLatestEvents();
}

} // namespace srm
