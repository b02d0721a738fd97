#include "views/workspacesnapshot.h"

#include "planning/debtgraph.h"
#include "planning/debtstore.h"
#include "store/workspace.h"

#include <QDateTime>
#include <QElapsedTimer>

namespace srm {

const DebtItem *WorkspaceSnapshot::findDebt(const QString &id) const
{
    const std::string key = id.toStdString();
    for (const DebtItem &d : debt)
        if (d.id == key)
            return &d;
    return nullptr;
}

const DebtAssessment *WorkspaceSnapshot::findAssessment(const QString &id) const
{
    const std::string key = id.toStdString();
    for (const DebtAssessment &a : assessments)
        if (a.id == key)
            return &a;
    return nullptr;
}

std::shared_ptr<const WorkspaceSnapshot> WorkspaceSnapshot::compute(const SnapshotRequest &request)
{
    auto s = std::make_shared<WorkspaceSnapshot>();
    s->request = request;
    QElapsedTimer timer;
    timer.start();
    auto ws = Workspace::openConnection(request.path);
    const Dataset data = Dataset::load(*ws, request.asOf, request.days, Dataset::AllParts,
                                       QDateTime::currentMSecsSinceEpoch() * 1000);
    s->settings = data.settings;
    s->storedSettings = ws->storedSettings();
    s->debt = DebtStore(*ws).items();
    s->alertRules = data.alertRules;
    s->alertMerges = data.alertMerges;
    s->loadMs = double(timer.nsecsElapsed()) / 1e6;

    timer.restart();
    s->window = data.window;
    s->analysis = analyze(data);
    s->assessments = assessDebt(s->debt, s->settings);
    const DebtGraph graph(s->debt);
    s->debtProblems = graph.problems();
    try {
        s->plan = planRoadmap(*ws, PlanRequest{std::nullopt, request.quarters, data.window.asOf});
    } catch (const InputError &e) {
        s->planError = e.message();
    }
    s->scale = charts::SmallMultiplesScale::forReport(s->analysis.metrics);
    s->computeMs = double(timer.nsecsElapsed()) / 1e6;
    return s;
}

} // namespace srm
