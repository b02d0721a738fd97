#include "views/syncworker.h"

#include "sources/syncrunner.h"
#include "store/workspace.h"

namespace srm {

SyncWorker::SyncWorker(const QString &workspacePath, std::vector<SyncJob> jobs)
    : m_path(workspacePath), m_jobs(std::move(jobs))
{
}

void SyncWorker::run(const JobControl &control)
{
    QString error;
    bool cancelled = false;
    try {
        auto ws = Workspace::openConnection(m_path);
        for (const SyncJob &job : m_jobs) {
            if (control.cancelled()) {
                cancelled = true;
                break;
            }
            sources::SyncRunner runner(*ws);
            runner.setCancelled([&control] { return control.cancelled(); });
            const QString name = job.source.name;
            runner.setStatusCallback([this, name](const QString &text) { emit progress(name, text); });
            const sources::SyncOutcome o = runner.run(job.source, job.token);
            if (o.status == sources::SyncOutcome::Status::Cancelled) {
                cancelled = true;
                break;
            }
            QString summary;
            if (o.status == sources::SyncOutcome::Status::NothingNew)
                summary = tr("nothing new");
            else if (o.ok())
                summary = tr("%1 fetched: %2 added, %3 updated, %4 unchanged")
                              .arg(o.items)
                              .arg(o.import.counts.added)
                              .arg(o.import.counts.updated)
                              .arg(o.import.counts.unchanged);
            else
                summary = o.details.isEmpty() ? o.message : o.message + u'\n' + o.details.mid(0, 5).join(u'\n');
            emit sourceFinished(name, o.ok(), summary);
        }
    } catch (const WorkspaceError &e) {
        error = e.message();
    }
    emit finished(cancelled, error);
}

} // namespace srm
