// Helpers shared by the executive report and the exports: the largest gaps, dates and names as
// the reader sees them. How a metric moved is the engine's verdict (MetricResult::verdict,
// docs/intervals-and-progress.md), never a raw difference. The PDF (reportrenderer.h), the HTML summary
// (htmlsummary.h) and the CSV files (csvexport.h) format a ReadModel; none of them computes a
// figure of its own.
#pragma once

#include "planning/readmodel.h"

#include <QList>
#include <QString>

#include <optional>
#include <vector>

namespace srm::report {

// The report and the exports format the read model (planning/readmodel.h), the same struct
// the window shows; the command line builds one with ReadModel::load.
using ReportData = ReadModel;

// The metrics that have a gap, largest gap relative to the target first (a ranking only; the
// figures shown are the engine's value, target and gap).
std::vector<const MetricResult *> largestGaps(const MetricsReport &report, std::optional<Theme> theme = std::nullopt);

// How far a metric with a gap is from its target, as the PDF grades it (colour and word): the
// gap relative to the target, as largestGaps() ranks; a zero target grades by the gap itself.
// Below 10%: small; below 50%: moderate; from 50% (or a zero target): large. nullopt when the
// metric has no gap (met or not measured). docs/decisions.md#report-and-exports.
enum class GapSeverity { Small, Moderate, Large };
std::optional<GapSeverity> gapSeverity(const MetricResult &metric);
QString gapSeverityText(GapSeverity severity); // "small gap", "moderate gap", "large gap"

// "2026-10-01" for the as-of instant (UTC), as the footer shows it.
QString asOfDate(const AnalysisWindow &window);
// "2026-07-03 to 2026-09-30 (90 days)": the window's first and last day.
QString windowText(const AnalysisWindow &window);
// The name of a metric in the reader's language.
QString metricName(const MetricResult &metric);

} // namespace srm::report
