// The DORA Quick Check score (docs/metrics.md#dora-quick-check): DORA's five software delivery
// metrics in two groups, throughput (lead time for changes, deployment frequency, failed
// deployment recovery time) and instability (change failure rate, deployment rework rate), each
// turned into a 0–10 score, the means of the two groups and of all five, and the 2025 industry
// benchmark to hold them against. It reads the values computeMetrics() measured (a metric that
// was not measured has no score) and adds nothing of its own to them; computeMetrics() fills
// MetricsReport::dora with it, so the JSON, the views and the report read it from there.
#pragma once

#include "store/metriccatalogue.h"

#include <array>
#include <optional>

namespace srm {

struct MetricsReport;

namespace dora {

enum class Group { Throughput, Instability };

// The five metrics, throughput first, in the order the Quick Check lists them.
constexpr std::array<MetricId, 5> kMetrics = {MetricId::LeadTimeForChanges, MetricId::DeploymentFrequency,
                                              MetricId::FailedDeploymentRecoveryTime, MetricId::ChangeFailureRate,
                                              MetricId::DeploymentReworkRate};
constexpr const char *kBenchmarkId = "quick-check-2025";

bool isDoraMetric(MetricId metric);
Group group(MetricId metric);

// The level 1–6 of a lead time or recovery time (hours) or a deployment frequency (per day);
// nullopt for the other metrics, which have no levels.
std::optional<int> level(MetricId metric, double value);
// What a level means, as the Quick Check asks it: "one hour to one day" (lead time, recovery
// time), "once per hour to once per day" (frequency); nullptr outside 1–6 or for a metric
// without levels. Translated in the context "srm::dora".
const char *levelWords(MetricId metric, int level);
// (level − 1) × 2 for the leveled metrics, 10 × (1 − value) for the two ratios.
std::optional<double> score(MetricId metric, double value);

// An industry figure of the benchmark: its mean and standard deviation (none for the overall).
struct Industry
{
    double mean = 0;
    std::optional<double> sd;
};
Industry industry(MetricId metric); // one of kMetrics
Industry industryThroughput();
Industry industryStability();
Industry industryOverall();

struct MetricScore
{
    MetricId metric = MetricId::LeadTimeForChanges;
    std::optional<double> value; // the metric's value over the window
    std::optional<int> level;    // leveled metrics only
    std::optional<double> score;
};

struct QuickCheck
{
    std::array<MetricScore, 5> metrics;           // kMetrics order
    std::optional<double> throughput;             // mean of the present throughput scores
    std::optional<double> stability;              // mean of the present instability scores
    std::optional<double> overall;                // mean of all present scores
    const MetricScore &at(MetricId metric) const; // metric must be one of kMetrics
};

// The Quick Check of measured values (nullopt: not measured), indexed like kMetrics.
QuickCheck quickCheck(const std::array<std::optional<double>, 5> &values);
// The Quick Check of a report's metrics.
QuickCheck quickCheck(const MetricsReport &report);

} // namespace dora
} // namespace srm
