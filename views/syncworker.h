// Runs the window's syncs off the GUI thread (docs/sources.md): on a BackgroundJob's thread, with
// its own connection to the workspace (a connection belongs to its thread) and its own
// QNetworkAccessManager (made by the SyncRunner there), one source after the other, each one
// import, all-or-nothing. Tokens are found by the caller on the GUI thread (the keychain
// talks D-Bus there) and only held in memory here. Progress text and each source's result go
// back as signals; cancel() stops the request or wait under way and commits nothing.
#pragma once

#include "store/sourcestore.h"
#include "views/backgroundjob.h"

#include <QObject>
#include <QString>

#include <vector>

namespace srm {

struct SyncJob
{
    SourceDefinition source;
    QString token;
};

class SyncWorker : public QObject
{
    Q_OBJECT

public:
    SyncWorker(const QString &workspacePath, std::vector<SyncJob> jobs);

    // Runs the syncs on the calling thread (a BackgroundJob's); stops once `control` is
    // cancelled.
    void run(const JobControl &control);

signals:
    void progress(const QString &source, const QString &text);
    // ok: synced (or nothing new); `summary` says what it added, or why it failed.
    void sourceFinished(const QString &source, bool ok, const QString &summary);
    // cancelled: the user stopped it; workspaceError: the workspace failed (nothing more ran).
    void finished(bool cancelled, const QString &workspaceError);

private:
    QString m_path;
    std::vector<SyncJob> m_jobs;
};

} // namespace srm
