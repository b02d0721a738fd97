#include "engine/intervals.h"

#include <algorithm>
#include <cmath>

namespace srm::intervals {

std::int64_t medianRank(std::int64_t n)
{
    if (n <= 0)
        return 0;
    const double x = double(n);
    return std::int64_t(std::floor((x - kZ * std::sqrt(x)) / 2.0));
}

std::optional<Interval> median(std::span<const double> sorted)
{
    const auto n = std::int64_t(sorted.size());
    const std::int64_t k = medianRank(n);
    if (k < 1)
        return std::nullopt;
    return Interval{sorted[std::size_t(k - 1)], sorted[std::size_t(n - k)]};
}

std::optional<Interval> wilson(std::int64_t s, std::int64_t n)
{
    if (n <= 0)
        return std::nullopt;
    const double nn = double(n);
    const double p = double(s) / nn;
    const double z2 = kZ * kZ;
    const double denominator = 1 + z2 / nn;
    const double centre = (p + z2 / (2 * nn)) / denominator;
    const double half = kZ * std::sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn)) / denominator;
    return Interval{std::clamp(centre - half, 0.0, 1.0), std::clamp(centre + half, 0.0, 1.0)};
}

std::optional<Interval> byar(std::int64_t k, double exposure)
{
    if (!(exposure > 0) || k < 0)
        return std::nullopt;
    const double kk = double(k);
    double lo = 0;
    if (k > 0) {
        const double f = 1 - 1 / (9 * kk) - kZ / (3 * std::sqrt(kk));
        lo = kk * f * f * f;
    }
    const double k1 = kk + 1;
    const double g = 1 - 1 / (9 * k1) + kZ / (3 * std::sqrt(k1));
    const double hi = k1 * g * g * g;
    return Interval{lo / exposure, hi / exposure};
}

bool overlap(const Interval &a, const Interval &b)
{
    return a.lo <= b.hi && b.lo <= a.hi;
}

Verdict verdict(Better better, std::optional<double> value, std::optional<Interval> ci,
                std::optional<double> previousValue, std::optional<Interval> previousCi)
{
    if (!ci || !previousCi || !value || !previousValue)
        return Verdict::InsufficientData;
    if (overlap(*ci, *previousCi) || *value == *previousValue)
        return Verdict::NoClearChange;
    const bool up = *value > *previousValue;
    return up == (better == Better::Higher) ? Verdict::Improved : Verdict::Worse;
}

const char *verdictId(Verdict v)
{
    switch (v) {
    case Verdict::Improved: return "improved";
    case Verdict::Worse: return "worse";
    case Verdict::NoClearChange: return "no_clear_change";
    case Verdict::InsufficientData: return "insufficient_data";
    }
    return "";
}

} // namespace srm::intervals
