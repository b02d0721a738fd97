// Runs the import dialog's files off the GUI thread: on its own connection to the workspace
// (Workspace::openConnection, a connection belongs to its thread), all files in ONE batch
// transaction, each file a savepoint in it (ImportRunner), so that Cancel rolls the whole batch
// back and leaves the workspace exactly as it was. Progress and results go back as signals.
#pragma once

#include "importers/importrunner.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <vector>

namespace srm {

struct ImportJob
{
    QString path;
    importers::ImportOptions options;
};

class ImportWorker : public QObject
{
    Q_OBJECT

public:
    ImportWorker(const QString &workspacePath, std::vector<ImportJob> jobs);

    // Thread-safe: asks the running batch to stop (and roll back).
    void cancel() { m_cancel = true; }

public slots:
    void run();

signals:
    void progress(int file, qint64 done, qint64 total);
    void fileDone(int file, const srm::importers::ImportResult &result);
    // committed: the batch was written (false after Cancel or a workspace error).
    void finished(bool committed, bool cancelled, const QString &workspaceError);

private:
    QString m_path;
    std::vector<ImportJob> m_jobs;
    std::atomic<bool> m_cancel{false};
};

} // namespace srm

Q_DECLARE_METATYPE(srm::importers::ImportResult)
