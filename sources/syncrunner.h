// One sync of one source (docs/sources.md#what-a-sync-does), the same for `sre-roadmap sync` and
// the window's Sync: fetch what is new since the source's cursor (the kind's fetcher, over
// HTTP, into a Spool), then import it as ONE import through ImportRunner::importParts (the
// parsers and rules of file imports, one import-log entry marked with the source) and, in the
// same transaction, move the source's cursor. Anything that fails (network, a refused token, an
// answer we cannot read, a bad row) commits nothing: the source keeps its cursor, so the next
// sync starts again from the last successful one, and only the failure is written down
// (last_error). Runs on the thread that owns `ws` and blocks it; the window runs it on a worker
// thread (views/syncworker.h). Tokens are found by the caller (sources/tokenstore.h), on a
// thread that can talk to the keychain.
#pragma once

#include "importers/importrunner.h"
#include "store/sourcestore.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace srm {
class Workspace;
}

namespace srm::sources {

struct SyncOptions
{
    bool full = false;        // ignore the cursor: fetch again from the source's since
    bool skipBadRows = false; // as `import --skip-bad-rows`
};

struct SyncOutcome
{
    enum class Status { Synced, NothingNew, Failed, Cancelled };

    QString source;
    Status status = Status::Failed;
    int exitCode = 0;    // 0, or 1 (network) / 2 (refused, bad payload, setup)
    QString message;     // why it failed
    QStringList details; // the located problems of the fetched data
    QStringList notes;   // what was left out on purpose
    qint64 items = 0;    // incidents, deployments or samples fetched
    int requests = 0;
    importers::ImportResult import; // when something was imported

    bool ok() const { return status == Status::Synced || status == Status::NothingNew; }
};

class SyncRunner
{
public:
    explicit SyncRunner(Workspace &ws);

    // Polled during the sync; true stops it (nothing is committed, nothing recorded).
    void setCancelled(std::function<bool()> cancelled) { m_cancelled = std::move(cancelled); }
    // Progress and waits, as text.
    void setStatusCallback(std::function<void(const QString &)> status) { m_status = std::move(status); }

    // Syncs `source` using `token` (empty: none). Throws WorkspaceError when the workspace
    // itself fails; everything else is in the outcome.
    SyncOutcome run(const SourceDefinition &source, const QString &token, const SyncOptions &options = {});

    // Writes a failure that happened before run() (no token) into the source's row.
    static void recordFailure(Workspace &ws, const QString &source, const QString &message);

private:
    Workspace &m_ws;
    std::function<bool()> m_cancelled;
    std::function<void(const QString &)> m_status;
};

} // namespace srm::sources
