#include "views/workspacesnapshot.h"

#include "store/workspace.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QThreadPool>

namespace srm {

std::shared_ptr<const WorkspaceSnapshot> WorkspaceSnapshot::compute(const SnapshotRequest &request)
{
    auto s = std::make_shared<WorkspaceSnapshot>();
    auto ws = Workspace::openConnection(request.path);
    auto read = std::make_shared<Dataset>();
    ReadModel::load(*s, *ws, request, QDateTime::currentMSecsSinceEpoch() * 1000, read.get());
    // Freed on a thread of the pool, so that the dashboard does not wait for it (0.35 s at 10M
    // pages); the pool finishes its work before the application ends.
    QThreadPool::globalInstance()->start([held = std::move(read)]() mutable { held.reset(); });
    QElapsedTimer timer;
    timer.start();
    s->scale = charts::SmallMultiplesScale::forReport(s->analysis.metrics);
    s->computeMs += double(timer.nsecsElapsed()) / 1e6;
    return s;
}

} // namespace srm
