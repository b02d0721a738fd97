// Is a change real? The 95% intervals every figure carries and the verdict that compares two
// periods (docs/intervals-and-progress.md). The engine calls these while it computes a metric
// (analysis.cpp: medians from the sorted values, ratios from their exact counts, rates from the
// count and the exposure); the views, the PDF and the HTML only show the Interval and the Verdict
// the engine stored. Pure functions, no Qt.
#pragma once

#include "store/metriccatalogue.h"

#include <cstdint>
#include <optional>
#include <span>

namespace srm {

struct Interval
{
    double lo = 0;
    double hi = 0;
    bool operator==(const Interval &) const = default;
};

enum class Verdict { Improved, Worse, NoClearChange, InsufficientData };

namespace intervals {

// The normal quantile of a two-sided 95% interval.
constexpr double kZ = 1.959964;

// The median's interval from order statistics: k = floor((n − z√n) ÷ 2), [x_k, x_(n−k+1)]
// (1-based) of the values sorted ascending; nullopt when k < 1 (fewer than 8 values).
std::optional<Interval> median(std::span<const double> sorted);
// The same k for n values; below 1 there is no interval. Exposed for callers that select
// the two order statistics themselves (nth_element) instead of sorting.
std::int64_t medianRank(std::int64_t n);

// Wilson score interval of s successes in n trials; nullopt when n = 0. The bounds are kept
// inside [0, 1] (the exact bounds always are; this only drops rounding noise at p = 0 or 1).
std::optional<Interval> wilson(std::int64_t s, std::int64_t n);

// Byar's approximation of the Poisson interval of k events over `exposure` (days, or weeks):
// lower = 0 when k = 0, else k(1 − 1/(9k) − z/(3√k))³; upper = (k+1)(1 − 1/(9(k+1)) + z/(3√(k+1)))³;
// both ÷ exposure. nullopt when exposure is not positive.
std::optional<Interval> byar(std::int64_t k, double exposure);

// Two intervals overlap when lo₁ ≤ hi₂ and lo₂ ≤ hi₁.
bool overlap(const Interval &a, const Interval &b);

// The verdict of `value` (interval `ci`) against the previous period's: insufficient data when
// either interval is missing, no clear change when they overlap, else improved when the value
// moved in the metric's better direction and worse when it moved the other way.
Verdict verdict(Better better, std::optional<double> value, std::optional<Interval> ci,
                std::optional<double> previousValue, std::optional<Interval> previousCi);

const char *verdictId(Verdict v); // "improved", "worse", "no_clear_change", "insufficient_data"

} // namespace intervals
} // namespace srm
