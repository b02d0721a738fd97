#include "views/analysiscontroller.h"

#include "store/workspace.h"

#include <QCoreApplication>

namespace srm {

AnalysisController::AnalysisController(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<srm::SnapshotPtr>("srm::SnapshotPtr");
    m_pool.setMaxThreadCount(1);
    m_pool.setObjectName(QStringLiteral("analysis"));
}

AnalysisController::~AnalysisController()
{
    m_pool.waitForDone();
}

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
    m_pool.start([this, request, generation] {
        SnapshotPtr snapshot;
        QString error;
        try {
            snapshot = WorkspaceSnapshot::compute(request);
        } catch (const WorkspaceError &e) {
            error = e.message();
        } catch (const std::exception &e) {
            error = QString::fromUtf8(e.what());
        }
        QMetaObject::invokeMethod(
            this, [this, generation, snapshot, error] { finished(generation, snapshot, error); }, Qt::QueuedConnection);
    });
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
        m_pool.waitForDone();
        QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
    }
}

} // namespace srm
