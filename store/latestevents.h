// LatestEventsUpkeep keeps latest_events (schema 3, store/schema.h) true while a writer loads
// record tables: their latest_events triggers are dropped for the load (a trigger costs 1.5 µs a
// row with Debian's SQLite: +70% on loading 218,000 changes), the latest time of the rows added
// is kept in memory, and finish() stores it and creates the triggers again. A table that held
// rows loses only its insert trigger, whose work finish() does once: its update and delete
// triggers keep the entry exact for the rows already there (a second writer of the same
// transaction finds the insert trigger gone and raises the entry for its rows too). Without the
// insert trigger, appending pages needs no statement journal (BulkPageLoader::flush). Used by
// RecordWriter in bulk mode.
#pragma once

#include "store/records.h"

#include <cstdint>
#include <string>
#include <vector>

namespace srm {

namespace sqlite {
class StatementCache;
}

// What one write did to a row.
enum class WriteOutcome { Added, Updated, Unchanged };

class LatestEventsUpkeep
{
public:
    // The record tables in the order of Schema::eventTables().
    enum Table { Deployments, Changes, Incidents, Pages, Measurements, TableCount };

    explicit LatestEventsUpkeep(sqlite::StatementCache &statements) : m_statements(statements) { }

    // Off: every table keeps its triggers.
    void setEnabled(bool on) { m_enabled = on; }
    // Before each write to `table`.
    void prepare(Table table)
    {
        if (!m_tables[table].checked)
            start(table);
    }
    // After a write to `table` of a record whose latest time is `latest`.
    void track(Table table, Micros latest, WriteOutcome outcome);
    // Stores the entries of the tables loaded, restores their triggers and has the workspace
    // refresh the entries that are unknown (Workspace::refreshLatestEvents).
    void finish();

private:
    enum class Mode {
        Untracked, // the triggers stay
        Filling,   // the table was empty: its three triggers are dropped
        Appending, // it held rows: its insert trigger is dropped
    };
    struct Tracking
    {
        bool checked = false; // decided whether to track the table
        Mode mode = Mode::Untracked;
        std::vector<std::string> triggers; // the CREATE statements of the triggers dropped
        std::int64_t added = 0;
        bool updated = false; // a row was written twice (it may have moved earlier)
        Micros latest = 0;    // the latest time of the rows added
    };
    void start(Table table);

    sqlite::StatementCache &m_statements;
    bool m_enabled = false;
    Tracking m_tables[TableCount];
};

} // namespace srm
