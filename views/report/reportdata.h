// What the executive report and the exports show (SPEC 10), read once from a workspace: the
// engine's Analysis of the window (and of the window before it, for "is it improving?"), the
// debt register with its SPEC 7 assessment, the SPEC 8 plan, the settings and the import log.
// The PDF (reportrenderer.h), the HTML summary (htmlsummary.h) and the CSV files (csvexport.h)
// all format these structs; none of them computes a figure of its own.
#pragma once

#include "engine/analysis.h"
#include "planning/debt.h"
#include "planning/roadmap.h"
#include "store/workspace.h"

#include <QList>
#include <QString>

#include <optional>
#include <vector>

namespace srm::report {

struct ReportOptions
{
    std::optional<Micros> asOf; // SPEC 2's default when unset
    int windowDays = AnalysisWindow::kDefaultDays;
};

struct ReportData
{
    QString workspacePath;
    QString organisation;      // setting `name`, else the workspace file's base name
    WorkspaceSettings settings;

    Analysis analysis;         // the window [as_of − days, as_of)
    // The engine's metrics of the window of the same length just before; compared with
    // analysis.metrics to say what improved.
    MetricsReport previous;

    std::vector<DebtItem> debtItems;            // register order
    std::vector<DebtAssessment> assessments;    // register order, ranked (assessDebt)
    std::optional<Plan> plan;                   // nullopt when the register has a problem
    QString planProblem;                        // the scheduler's message then (cycles, unknown ids)

    QList<ImportLogEntry> imports;              // the import log, oldest first

    const AnalysisWindow &window() const { return analysis.metrics.window; }
    // Open items, ranked: indexes into assessments, rank 1 first.
    std::vector<std::size_t> rankedOpenItems() const;
    const DebtItem *debtItem(const std::string &id) const;

    // Reads everything from `ws`; `now` is used when the workspace holds no event (SPEC 2's
    // default as-of). Throws WorkspaceError when the store fails.
    static ReportData load(Workspace &ws, const ReportOptions &options, Micros now);
};

// How one metric moved between the previous window and this one.
enum class Movement { Better, Worse, Same, NotComparable };
Movement movement(const MetricResult &now, const MetricResult *before);

// The metrics that have a gap, largest gap relative to the target first (a ranking only; the
// figures shown are the engine's value, target and gap).
std::vector<const MetricResult *> largestGaps(const MetricsReport &report, std::optional<Theme> theme = std::nullopt);

// "2026-10-01" for the as-of instant (UTC), as the footer shows it.
QString asOfDate(const AnalysisWindow &window);
// "2026-07-03 to 2026-09-30 (90 days)": the window's first and last day.
QString windowText(const AnalysisWindow &window);
// The name of a metric in the reader's language.
QString metricName(const MetricResult &metric);

} // namespace srm::report
