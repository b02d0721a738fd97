// How figures read everywhere in the window, the charts and the report: one formatter per kind
// of figure so that a tile, a table cell and a PDF line show the engine's value in the same
// words. Formatting only: the figures come from the engine (engine/analysis.h, planning/debt.h, planning/roadmap.h).
#pragma once

#include "engine/analysis.h"
#include "engine/dora.h"
#include "engine/intervals.h"
#include "store/metriccatalogue.h"
#include "store/records.h"

#include <QString>

#include <optional>

namespace srm::charts {

// "3.41/day", "137/week", "19.9 h", "14.1 min", "6.2%"; "–" for no value.
QString formatValue(std::optional<double> value, Unit unit);
// A gap to target: like formatValue, but a ratio's gap is a difference of two percentages and
// reads in percentage points ("1.2 pts", not "1.2%", which would be a share of the target).
QString formatGap(std::optional<double> gap, Unit unit);
// The value with a unit word fit for a sentence: "3.41 per day", "19.9 hours", "6.2%".
QString formatNumber(double value); // 3 significant figures, at most 2 decimals: "3.41", "19.9", "137"
QString formatPercent(std::optional<double> ratio, int decimals = 1); // "6.2%"
QString formatCount(std::int64_t n);                                  // "1,760"
QString formatWeeks(double weeks); // "4.0 weeks" (1 decimal, like the plan's reasons)
// A duration in minutes as a person says it: "45 s", "14 min", "2.5 h", "3.2 d".
QString formatDuration(double minutes);
// An axis tick of a log time axis in minutes: "1 min", "10 min", "1 h", "1 d", "1 w".
QString formatDurationTick(double minutes);
QString statusText(Status status); // "met", "gap", "not measured" (translated)
// A 95% interval: "5.0% – 7.8%", "3.04 – 3.81/day" (the unit once when it follows the number);
// "–" for none. docs/intervals-and-progress.md
QString formatRange(std::optional<Interval> ci, Unit unit);
// The verdict of a change in words: "improved", "worse", "no clear change", "not enough data".
QString verdictText(Verdict verdict);
QString tierText(std::optional<Tier> tier); // "elite", ... or ""
// What the tiers are now (docs/metrics.md#tiers): "DORA 2023 clusters (historical)".
QString tierCaption();

// The DORA Quick Check (docs/metrics.md#dora-quick-check).
QString formatScore(std::optional<double> score);       // "8.0", "9.4"; "–" for none
QString formatIndustry(const dora::Industry &industry); // "6.0 ± 2.1", or "6.7" without a deviation
QString doraLevelWords(MetricId metric, int level);     // "once per hour to once per day" (translated)
// A metric's level in words with the measured value beside it: "once per hour to once per day
// · 3.41/day"; for the two ratios, which have no levels, "6.2% · score 10 × (1 − rate)";
// "not measured" without a value.
QString doraLevelAndValue(const dora::MetricScore &score);
QString doraGroupName(dora::Group group); // "Throughput", "Instability"

// Why a deployment counts (docs/metrics.md#which-deployments-count), one phrase per rule that
// holds, for the metric it is listed under: "rolled back", "caused incident INC-7",
// "fixed by deployment D-9"; "fix of D-3", "after D-2 failed", "during incident INC-7 (and 2
// more open)".
QStringList countedReasons(const CountedDeployment &deployment);
QString deployResultText(DeployResult result); // "success", "failure", "rolled back", "other"
QString formatShortDate(Micros t);             // "3 Jul" (UTC)
// An axis tick with its unit, as short as it reads: "100%", "4/day", "80 h", "60 min", "150/wk".
QString formatTick(double value, Unit unit);

} // namespace srm::charts
