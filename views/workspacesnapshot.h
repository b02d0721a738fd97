// What the window's views show: the read model (planning/readmodel.h: the analysis of the
// window and of the one before, the debt register, the plan, the rules, the import log) plus
// the shared scales of the dashboard's small multiples. A snapshot is immutable and shared
// (std::shared_ptr<const>), so a worker thread can build it while the window shows the previous
// one, and an export from the window formats the very same figures. The views read their
// figures from here and never compute one themselves.
#pragma once

#include "planning/readmodel.h"
#include "views/charts/metricchart.h"

#include <QString>

#include <memory>
#include <optional>

namespace srm {

struct SnapshotRequest : ReadRequest
{
    QString path; // the workspace file
};

struct WorkspaceSnapshot : ReadModel
{
    charts::SmallMultiplesScale scale; // the shared scales of the small multiples

    // Builds a snapshot on the calling thread with its own connection to the workspace
    // (Workspace::openConnection). Throws WorkspaceError when the store fails.
    static std::shared_ptr<const WorkspaceSnapshot> compute(const SnapshotRequest &request);
};

using SnapshotPtr = std::shared_ptr<const WorkspaceSnapshot>;

} // namespace srm
