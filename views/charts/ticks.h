// The one tick engine of every chart axis (docs/hostile-input.md#charts): nice numbers (steps of
// 1, 2 or 5 × 10^k; 2.5 × 10^k only from zero), labels that never overlap, and bounded work
// whatever the data: a range up to 1e308, infinities, NaN, a reversed or empty range, budgets
// of −3,400%. Every function returns at most kMaxTicks values and loops a bounded number of
// times; non-finite input is treated as the largest finite value of its sign (NaN as zero).
// The paint routines of views/charts/ use it for their linear, square-root and count axes.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

namespace srm::charts {

constexpr int kMaxTicks = 64;

// The smallest nice number (1, 2, 2.5, 5 × 10^k) >= v; v <= 0 or NaN gives 1, and a value
// whose nice ceiling would overflow gives the largest finite double.
double niceCeil(double v);

// About `count` nice ticks covering [lo, hi] (count is clamped to 1..kMaxTicks), from lo's tick
// up to hi's. With `minStep` (1 for counts) no step is finer. An empty range gives {lo}.
std::vector<double> niceTicks(double lo, double hi, int count, double minStep = 0);

// Ticks along an axis of `length` (device units) whose labels do not overlap: the densest
// nice ticks (at most maxCount) for which every two neighbours are at least half their
// labels' extents (`extent(value)`, along the axis) plus `gap` apart. With `ends`, lo and hi
// are ticks too, and nice ticks too close to them are left out. Bounded: at most maxCount
// tries of at most maxCount + 3 labels each.
std::vector<double> fittedTicks(double lo, double hi, double length, const std::function<double(double)> &extent,
                                double gap, int maxCount = 10, bool ends = false, double minStep = 0);

// Ticks of a square-root axis from 0 to `max`: 0, then 1, 2 and 5 × 10^k up to max, and max
// itself when the last of those is well below it. At most 3 per decade and kMaxTicks in all
// (the smallest decades give way on a range of hundreds of decades).
std::vector<double> sqrtTicks(double max);

// Of ticks at increasing `positions` with label `extents` along the axis, the ones whose
// labels do not overlap (with `gap` between them), taken greedily from the first; the
// indexes in `keep` are taken first and never dropped.
std::vector<std::size_t> spacedLabels(const std::vector<double> &positions, const std::vector<double> &extents,
                                      double gap, const std::vector<std::size_t> &keep = {});

// v when finite; else the largest finite value of its sign (NaN: `nanValue`).
double finiteOr(double v, double nanValue = 0);

} // namespace srm::charts
