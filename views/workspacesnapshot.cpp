#include "views/workspacesnapshot.h"

#include "store/workspace.h"

#include <QDateTime>
#include <QElapsedTimer>

namespace srm {

std::shared_ptr<const WorkspaceSnapshot> WorkspaceSnapshot::compute(const SnapshotRequest &request)
{
    auto s = std::make_shared<WorkspaceSnapshot>();
    auto ws = Workspace::openConnection(request.path);
    ReadModel::load(*s, *ws, request, QDateTime::currentMSecsSinceEpoch() * 1000);
    QElapsedTimer timer;
    timer.start();
    s->scale = charts::SmallMultiplesScale::forReport(s->analysis.metrics);
    s->computeMs += double(timer.nsecsElapsed()) / 1e6;
    return s;
}

} // namespace srm
