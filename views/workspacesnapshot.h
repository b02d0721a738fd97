// Everything the seven views show, computed in one go from one workspace: the engine's
// Analysis for the window, the settings, the debt register with its SPEC 7 assessment and
// dependency problems, the SPEC 8 plan (or why there is none), the user's alert rules and
// merges. A snapshot is immutable and shared (std::shared_ptr<const>), so a worker thread can
// build it while the window shows the previous one. The views read their figures from here and
// never compute one themselves.
#pragma once

#include "engine/analysis.h"
#include "planning/debt.h"
#include "views/charts/metricchart.h"
#include "planning/roadmap.h"

#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace srm {

struct SnapshotRequest
{
    QString path;                // the workspace file
    std::optional<Micros> asOf;  // nullopt: SPEC 2's default (the day after the latest event)
    int days = AnalysisWindow::kDefaultDays;
    int quarters = 4;            // the plan's horizon
};

struct WorkspaceSnapshot
{
    SnapshotRequest request;
    AnalysisWindow window;       // as computed (the default as-of resolved)
    Analysis analysis;
    WorkspaceSettings settings;
    QHash<QString, QString> storedSettings; // what the workspace holds (unset keys absent)
    std::vector<DebtItem> debt;             // register order
    std::vector<DebtAssessment> assessments; // same order
    QString debtProblems;                   // DebtGraph::problems(), empty when valid
    std::optional<Plan> plan;               // nullopt when the register has problems
    QString planError;
    QList<AlertRule> alertRules;
    QList<AlertMerge> alertMerges;
    charts::SmallMultiplesScale scale;      // the shared scales of the small multiples
    double loadMs = 0;                      // reading the workspace
    double computeMs = 0;                   // the engine, assessment and plan

    const DebtItem *findDebt(const QString &id) const;
    const DebtAssessment *findAssessment(const QString &id) const;

    // Builds a snapshot on the calling thread with its own connection to the workspace
    // (Workspace::openConnection). Throws WorkspaceError when the store fails.
    static std::shared_ptr<const WorkspaceSnapshot> compute(const SnapshotRequest &request);
};

using SnapshotPtr = std::shared_ptr<const WorkspaceSnapshot>;

} // namespace srm
