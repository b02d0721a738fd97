// Progress in words, for a VP (docs/intervals-and-progress.md; the PDF's Progress page and the HTML summary): what
// improved for real, what got worse for real (the engine's quarterly verdicts: the 95% ranges of
// a quarter and the one before do not overlap), what only wobbled, the successes of the latest
// complete quarter, and when each gap closes at this pace. Every figure is the engine's
// (engine/progress.h) formatted with views/charts/valueformat.h; done debt items linked to a
// metric are named beside it as the work behind the change.
#pragma once

#include "views/report/reportdata.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace srm::report {

struct ProgressLine
{
    const MetricProgress *metric = nullptr;
    QString text; // "Alert noise ratio: improved in 2025Q4 and 2026Q1, 46.1% (2025Q2) → 31.2% (2026Q3)"
};

struct ProgressSummary
{
    QString span;                         // "2025Q2 to 2026Q3"
    QString latest;                       // the latest complete quarter, "2026Q3"; empty without one
    QString partial;                      // "2026Q4 so far (to 2026-11-15)", or empty
    QString lead;                         // one paragraph: what the page shows and how a change is told from noise
    std::vector<ProgressLine> improved;   // some quarter improved against the one before
    std::vector<ProgressLine> worse;      // some quarter got worse (a metric may be in both)
    std::vector<ProgressLine> wobbled;    // values in several quarters, never a real change
    QStringList successes;                // metric names
    QString successText;                  // "Successes of 2026Q3: …" or that there are none
    std::vector<ProgressLine> closing;    // gaps with a projected quarter, soonest first
    std::vector<ProgressLine> notClosing; // gaps the pace does not close within 8 quarters (or no pace)
    QStringList met;                      // meeting the target in the latest complete quarter
    QString latestCounts;                 // "2026Q3 against 2026Q2: 3 improved, 1 worse, 12 no clear change"
};

ProgressSummary summarizeProgress(const ReportData &data);

} // namespace srm::report
