// The executive summary in words (docs/views-and-report.md): the answers to "is reliability improving?" (counted
// from the engine's verdicts, docs/intervals-and-progress.md: a change only when the 95% ranges
// of the two periods do not overlap), "what
// did failures cost?" and "what are we doing about it?", each theme's status and largest gaps,
// and what is not measured yet. Every figure in these sentences is one of the engine's
// (MetricResult, SloResult, AlertReport, IncidentReport, DebtAssessment, Plan) formatted with
// views/charts/valueformat.h; the PDF and the HTML e-mail show the same sentences.
#pragma once

#include "views/report/reportdata.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace srm::report {

struct ThemeStatus
{
    Theme theme = Theme::Change;
    QString name;        // "Change management"
    QString counts;      // "2 met · 2 with a gap · 0 not measured"
    QStringList topGaps; // "Change failure rate 6.2% (target 5.0%)", the largest first, at most two
    QString note;        // without gaps: "No gap to target." or "Nothing measured yet."
    bool allMet = false; // no gap and something measured
};

struct SummaryText
{
    QString improvingQuestion; // "Is reliability improving?"
    QString improving;
    QString costQuestion;
    QString cost;
    QString actionsQuestion;
    QString actions;
    std::vector<ThemeStatus> themes;
    QString notMeasured;     // the metrics and SLOs without data, or that every metric has data
    QString quickCheckTitle; // "DORA Quick Check"
    // One line of scores against the industry (docs/metrics.md#dora-quick-check): "Scores out of
    // 10 against the industry (Quick Check 2025, mean ± sd): throughput 8.0 vs 6.0 ± 2.1; ..."
    QString quickCheck;
};

SummaryText summarize(const ReportData &data);

} // namespace srm::report
