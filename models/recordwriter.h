// RecordWriter upserts records into a workspace, keyed by their source ids (SPEC 3: importing
// the same data twice changes nothing): deployments by deployment_id, changes by
// (deployment_id, commit_sha), incidents by incident_id, pages by id or else
// created_at + service + title, SLOs by name, measurements by (slo, timestamp), debt items by id.
// Each call reports whether the record was added, updated or already identical. It computes a
// page's alert group once, here. The caller owns the transaction (one per imported file).
// Uses prepared statements on the raw SQLite handle: this is the million-row path.
#pragma once

#include "records.h"

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>

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

    const Counts &counts() const { return m_counts; }

    // The 64-bit identity of a page (stored in pages.ukey).
    static std::int64_t pageKey(const Page &p);

private:
    sqlite3_stmt *statement(const std::string &sql);
    Outcome step(sqlite3_stmt *stmt, const char *what);
    std::int64_t groupId(const std::string &service, const std::string &normalizedTitle);

    Workspace &m_ws;
    std::int64_t m_importId;
    Counts m_counts;
    std::unordered_map<std::string, sqlite3_stmt *> m_statements;
    std::unordered_map<std::string, std::int64_t> m_groups; // "service|title" -> id
    bool m_groupsLoaded = false;
};

} // namespace srm
