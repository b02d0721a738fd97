#include "engine/dora.h"

#include "engine/analysis.h"

#include <algorithm>

namespace srm::dora {

namespace {

// The Quick Check 2025 benchmark, all industries: mean and standard deviation of each score.
constexpr Industry kLeadTime{5.5, 2.4};
constexpr Industry kFrequency{4.8, 2.8};
constexpr Industry kRecovery{7.4, 2.1};
constexpr Industry kChangeFailure{8.1, 2.1};
constexpr Industry kRework{7.8, 2.2};

// Hours: lower is better. Edges are exclusive: exactly 24 h is level 4, not 5.
int durationLevel(double hours)
{
    if (hours < 1)
        return 6;
    if (hours < 24)
        return 5;
    if (hours < 168)
        return 4;
    if (hours < 720)
        return 3;
    if (hours < 4320)
        return 2;
    return 1;
}

// Per day: higher is better. Edges are inclusive: exactly 1 per day is level 5.
int frequencyLevel(double perDay)
{
    if (perDay >= 24)
        return 6;
    if (perDay >= 1)
        return 5;
    if (perDay >= 1.0 / 7.0)
        return 4;
    if (perDay >= 1.0 / 30.0)
        return 3;
    if (perDay >= 1.0 / 180.0)
        return 2;
    return 1;
}

std::optional<double> mean(std::initializer_list<std::optional<double>> scores)
{
    double sum = 0;
    int n = 0;
    for (const std::optional<double> &s : scores)
        if (s) {
            sum += *s;
            ++n;
        }
    if (n == 0)
        return std::nullopt;
    return sum / n;
}

} // namespace

bool isDoraMetric(MetricId metric)
{
    return std::find(kMetrics.begin(), kMetrics.end(), metric) != kMetrics.end();
}

Group group(MetricId metric)
{
    return metric == MetricId::ChangeFailureRate || metric == MetricId::DeploymentReworkRate ? Group::Instability
                                                                                             : Group::Throughput;
}

std::optional<int> level(MetricId metric, double value)
{
    switch (metric) {
    case MetricId::LeadTimeForChanges:
    case MetricId::FailedDeploymentRecoveryTime: return durationLevel(value);
    case MetricId::DeploymentFrequency: return frequencyLevel(value);
    default: return std::nullopt;
    }
}

const char *levelWords(MetricId metric, int level)
{
    static const char *const durations[] = {
        "six months or more",  "one month to six months", "one week to one month",
        "one day to one week", "one hour to one day",     "less than one hour",
    };
    static const char *const frequencies[] = {
        "less than once every six months", "once per month to once every six months", "once per week to once per month",
        "once per day to once per week",   "once per hour to once per day",           "once per hour or more often",
    };
    if (level < 1 || level > 6)
        return nullptr;
    switch (metric) {
    case MetricId::LeadTimeForChanges:
    case MetricId::FailedDeploymentRecoveryTime: return durations[level - 1];
    case MetricId::DeploymentFrequency: return frequencies[level - 1];
    default: return nullptr;
    }
}

std::optional<double> score(MetricId metric, double value)
{
    if (const std::optional<int> l = level(metric, value))
        return double(*l - 1) * 2.0;
    if (metric == MetricId::ChangeFailureRate || metric == MetricId::DeploymentReworkRate)
        return 10.0 * (1.0 - value);
    return std::nullopt;
}

Industry industry(MetricId metric)
{
    switch (metric) {
    case MetricId::LeadTimeForChanges: return kLeadTime;
    case MetricId::DeploymentFrequency: return kFrequency;
    case MetricId::FailedDeploymentRecoveryTime: return kRecovery;
    case MetricId::ChangeFailureRate: return kChangeFailure;
    case MetricId::DeploymentReworkRate: return kRework;
    default: return {};
    }
}

Industry industryThroughput()
{
    return {6.0, 2.1};
}

Industry industryStability()
{
    return {7.9, 2.0};
}

Industry industryOverall()
{
    return {6.7, std::nullopt};
}

const MetricScore &QuickCheck::at(MetricId metric) const
{
    for (const MetricScore &m : metrics)
        if (m.metric == metric)
            return m;
    return metrics.front();
}

QuickCheck quickCheck(const std::array<std::optional<double>, 5> &values)
{
    QuickCheck q;
    for (std::size_t i = 0; i < kMetrics.size(); ++i) {
        MetricScore &m = q.metrics[i];
        m.metric = kMetrics[i];
        m.value = values[i];
        if (!m.value)
            continue;
        m.level = level(m.metric, *m.value);
        m.score = score(m.metric, *m.value);
    }
    const auto s = [&](std::size_t i) { return q.metrics[i].score; };
    // kMetrics: lead time, frequency, recovery | change failure rate, rework rate.
    q.throughput = mean({s(0), s(1), s(2)});
    q.stability = mean({s(3), s(4)});
    q.overall = mean({s(0), s(1), s(2), s(3), s(4)});
    return q;
}

QuickCheck quickCheck(const MetricsReport &report)
{
    std::array<std::optional<double>, 5> values;
    for (std::size_t i = 0; i < kMetrics.size(); ++i)
        if (std::size_t(kMetrics[i]) < report.metrics.size())
            values[i] = report.metrics[std::size_t(kMetrics[i])].value;
    return quickCheck(values);
}

} // namespace srm::dora
