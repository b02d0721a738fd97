#include "views/analysiscontroller.h"

#include "views/backgroundjob.h"

#include "store/workspace.h"

#include <QCoreApplication>

#include <mutex>

namespace srm {

AnalysisController::AnalysisController(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<srm::SnapshotPtr>("srm::SnapshotPtr");
}

AnalysisController::~AnalysisController() = default; // the job's destructor waits for it

void AnalysisController::recompute()
{
    ++m_generation;
    if (m_request.path.isEmpty())
        return;
    if (m_running) {
        m_pending = true;
        return;
    }
    start();
}

void AnalysisController::start()
{
    m_pending = false;
    m_running = true;
    emit busyChanged(true);
    const SnapshotRequest request = m_request;
    const quint64 generation = m_generation;
    // Written on the job's thread, read here after the job's finished() (under a mutex, which
    // ThreadSanitizer sees; see BackgroundJob).
    struct Result
    {
        std::mutex mutex;
        SnapshotPtr snapshot;
    };
    auto result = std::make_shared<Result>();
    m_job = std::make_unique<BackgroundJob>([request, result](JobControl &) {
        SnapshotPtr snapshot = WorkspaceSnapshot::compute(request);
        const std::lock_guard lock(result->mutex);
        result->snapshot = std::move(snapshot);
    });
    connect(m_job.get(), &BackgroundJob::finished, this, [this, generation, result] {
        // Deleted later: this runs inside the job's own signal, and finished() may start another.
        BackgroundJob *done = m_job.release();
        done->setParent(this);
        done->deleteLater();
        SnapshotPtr snapshot;
        {
            const std::lock_guard lock(result->mutex);
            snapshot = std::move(result->snapshot);
        }
        finished(generation, snapshot, done->error());
    });
    m_job->start();
}

void AnalysisController::finished(quint64 generation, SnapshotPtr snapshot, const QString &error)
{
    m_running = false;
    if (m_pending) {
        start(); // a newer request came in meanwhile: its result is the one to show
        return;
    }
    emit busyChanged(false);
    if (generation != m_generation)
        return; // cleared meanwhile
    if (!error.isEmpty()) {
        emit failed(error);
        return;
    }
    m_snapshot = std::move(snapshot);
    emit snapshotReady(m_snapshot);
}

SnapshotPtr AnalysisController::computeNow()
{
    waitForIdle();
    ++m_generation;
    try {
        m_snapshot = WorkspaceSnapshot::compute(m_request);
    } catch (const WorkspaceError &e) {
        emit failed(e.message());
        return nullptr;
    }
    emit snapshotReady(m_snapshot);
    return m_snapshot;
}

void AnalysisController::clear()
{
    ++m_generation;
    m_pending = false;
    m_request = SnapshotRequest{};
    m_snapshot.reset();
}

void AnalysisController::waitForIdle()
{
    // Deliver (or drop) what the worker posted; a pending request starts another run.
    while (m_running) {
        if (m_job)
            m_job->wait();
        QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
    }
}

} // namespace srm
