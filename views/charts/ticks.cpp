#include "views/charts/ticks.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace srm::charts {

namespace {

constexpr double kLargest = std::numeric_limits<double>::max();

// lo and hi made finite and ordered.
void sanitize(double &lo, double &hi)
{
    lo = finiteOr(lo);
    hi = finiteOr(hi);
    if (hi < lo)
        std::swap(lo, hi);
}

// Where v falls on [lo, hi] as a fraction, without overflowing on a range of ±1e308.
double fraction(double v, double lo, double hi)
{
    const double half = hi / 2 - lo / 2;
    return half > 0 ? (v / 2 - lo / 2) / half : 0;
}

} // namespace

double finiteOr(double v, double nanValue)
{
    if (std::isnan(v))
        return nanValue;
    if (std::isinf(v))
        return v > 0 ? kLargest : -kLargest;
    return v;
}

double niceCeil(double v)
{
    if (!(v > 0))
        return 1;
    if (!std::isfinite(v))
        return kLargest;
    const double e = std::pow(10.0, std::floor(std::log10(v)));
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        const double c = m * e;
        if (!std::isfinite(c))
            return kLargest;
        if (c >= v * (1 - 1e-12))
            return c;
    }
    return kLargest;
}

std::vector<double> niceTicks(double lo, double hi, int count, double minStep)
{
    sanitize(lo, hi);
    count = std::clamp(count, 1, kMaxTicks - 3);
    if (!(hi > lo))
        return {lo};
    const double raw = hi / count - lo / count; // not (hi - lo) / count: that overflows at ±1e308
    double step = niceCeil(raw);
    if (minStep > 0 && step < minStep)
        step = niceCeil(minStep);
    const double e = std::pow(10.0, std::floor(std::log10(step)));
    // 2.5 steps read well only from zero (2.5, 5, 7.5); elsewhere 5 instead.
    if (std::abs(step / e - 2.5) < 1e-9 && lo != 0)
        step = 5 * e;
    const double first = std::ceil(lo / step - 1e-9) * step;
    std::vector<double> out;
    // At most (hi - lo) / step + 1 <= count + 1 ticks; a bound on the loop, not only a test.
    for (int i = 0; i <= count + 2; ++i) {
        const double t = first + double(i) * step;
        if (!std::isfinite(t) || t > hi + step * 1e-9)
            break;
        const double v = std::abs(t) < step * 1e-9 ? 0.0 : t;
        if (out.empty() || v != out.back()) // a step below the precision of t repeats it
            out.push_back(v);
    }
    if (out.empty())
        out.push_back(lo);
    return out;
}

std::vector<double> fittedTicks(double lo, double hi, double length, const std::function<double(double)> &extent,
                                double gap, int maxCount, bool ends, double minStep)
{
    sanitize(lo, hi);
    maxCount = std::clamp(maxCount, 1, kMaxTicks - 3);
    if (!(hi > lo) || !(length > 0))
        return {lo};
    auto position = [&](double v) { return fraction(v, lo, hi) * length; };
    auto fits = [&](double a, double b) { return position(b) - position(a) >= (extent(a) + extent(b)) / 2 + gap; };
    for (int count = maxCount; count >= 1; --count) {
        const std::vector<double> nice = niceTicks(lo, hi, count, minStep);
        bool ok = true;
        for (std::size_t i = 1; i < nice.size() && ok; ++i)
            ok = fits(nice[i - 1], nice[i]);
        if (!ok)
            continue;
        if (!ends)
            return nice;
        // The ends first; nice ticks that crowd them give way.
        std::vector<double> all;
        all.reserve(nice.size() + 2);
        all.push_back(lo);
        for (double t : nice)
            if (t > lo && t < hi)
                all.push_back(t);
        all.push_back(hi);
        std::vector<double> positions, extents;
        for (double t : all) {
            positions.push_back(position(t));
            extents.push_back(extent(t));
        }
        std::vector<double> out;
        for (std::size_t i : spacedLabels(positions, extents, gap, {0, all.size() - 1}))
            out.push_back(all[i]);
        return out;
    }
    if (ends && fits(lo, hi))
        return {lo, hi};
    return {ends ? lo : niceTicks(lo, hi, 1, minStep).front()};
}

std::vector<double> sqrtTicks(double max)
{
    max = finiteOr(max);
    std::vector<double> out{0};
    if (!(max > 0))
        return out;
    const int last = int(std::floor(std::log10(max)));
    // From 1 (10^0) up, as far as 20 decades below the last one.
    for (int k = std::max(0, last - 19); k <= last; ++k) {
        const double d = std::pow(10.0, k);
        for (double m : {1.0, 2.0, 5.0}) {
            const double t = m * d;
            if (std::isfinite(t) && t <= max * 1.0000001)
                out.push_back(t);
        }
    }
    if (out.back() < max * 0.999)
        out.push_back(max);
    return out;
}

std::vector<std::size_t> spacedLabels(const std::vector<double> &positions, const std::vector<double> &extents,
                                      double gap, const std::vector<std::size_t> &keep)
{
    const std::size_t n = std::min(positions.size(), extents.size());
    std::vector<bool> kept(n, false);
    for (std::size_t k : keep)
        if (k < n)
            kept[k] = true;
    // The next kept tick after each one (n: none).
    std::vector<std::size_t> nextKept(n + 1, n);
    for (std::size_t i = n; i-- > 0;)
        nextKept[i] = kept[i] ? i : nextKept[i + 1];
    std::vector<std::size_t> out;
    double lastRight = -std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < n; ++i) {
        const double left = positions[i] - extents[i] / 2, right = positions[i] + extents[i] / 2;
        if (!kept[i]) {
            if (left < lastRight + gap)
                continue;
            const std::size_t k = nextKept[i + 1];
            if (k < n && right + gap > positions[k] - extents[k] / 2)
                continue;
        }
        out.push_back(i);
        lastRight = right;
    }
    return out;
}

} // namespace srm::charts
