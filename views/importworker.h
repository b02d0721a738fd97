// Runs the import dialog's files off the GUI thread: on its own connection to the workspace
// (Workspace::openConnection, a connection belongs to its thread), all files in ONE batch
// transaction, each file a savepoint in it (ImportRunner), so that Cancel rolls the whole batch
// back and leaves the workspace exactly as it was. Progress and results go back as signals
// (queued to the dialog, which lives on the GUI thread). Run by a BackgroundJob.
#pragma once

#include "importers/importrunner.h"
#include "views/backgroundjob.h"

#include <QObject>
#include <QString>

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

    // Runs the batch on the calling thread (a BackgroundJob's); stops and rolls back once
    // `control` is cancelled.
    void run(const JobControl &control);

signals:
    void progress(int file, qint64 done, qint64 total);
    void fileDone(int file, const srm::importers::ImportResult &result);
    // committed: the batch was written (false after Cancel or a workspace error).
    void finished(bool committed, bool cancelled, const QString &workspaceError);

private:
    QString m_path;
    std::vector<ImportJob> m_jobs;
};

} // namespace srm

Q_DECLARE_METATYPE(srm::importers::ImportResult)
