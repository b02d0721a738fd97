#include "views/importworker.h"

#include "store/sqlite.h"
#include "store/workspace.h"

namespace srm {

ImportWorker::ImportWorker(const QString &workspacePath, std::vector<ImportJob> jobs)
    : m_path(workspacePath), m_jobs(std::move(jobs))
{
    qRegisterMetaType<srm::importers::ImportResult>();
}

void ImportWorker::run(const JobControl &jobControl)
{
    bool cancelled = false;
    bool committed = false;
    QString error;
    try {
        auto ws = Workspace::openConnection(m_path);
        // Set before the batch transaction: the pragma does nothing inside one (see ImportRunner).
        sqlite::ForeignKeysOff foreignKeysOff(*ws);
        {
            Workspace::Transaction batch(*ws);
            importers::ImportRunner runner(*ws);
            bool any = false;
            for (std::size_t i = 0; i < m_jobs.size() && !cancelled; ++i) {
                importers::StreamControl control;
                control.cancelled = [&jobControl] { return jobControl.cancelled(); };
                control.progress = [this, i](std::int64_t done, std::int64_t total) {
                    emit progress(int(i), done, total);
                };
                const importers::ImportResult r = runner.importFile(m_jobs[i].path, m_jobs[i].options, control);
                cancelled = r.status == importers::ImportResult::Status::Cancelled || jobControl.cancelled();
                any = any || r.ok();
                emit fileDone(int(i), r);
            }
            if (!cancelled && any) {
                batch.commit();
                committed = true;
            }
        }
    } catch (const WorkspaceError &e) {
        error = e.message();
    }
    emit finished(committed, cancelled, error);
}

} // namespace srm
