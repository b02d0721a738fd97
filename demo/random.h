// A small seeded random generator (xoshiro256**, seeded by SplitMix64) with the distributions
// the data generators need. Hand-written because std:: distributions are not specified
// bit-for-bit, and the demo workspace must be the same bytes on every run.
#pragma once

#include <cmath>
#include <cstdint>
#include <vector>

namespace srm {

class Random
{
public:
    explicit Random(std::uint64_t seed)
    {
        for (auto &s : m_s) {
            seed += 0x9e3779b97f4a7c15ULL;
            std::uint64_t z = seed;
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
            z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
            s = z ^ (z >> 31);
        }
    }

    std::uint64_t next()
    {
        const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
        const std::uint64_t t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }

    double uniform() { return double(next() >> 11) * 0x1.0p-53; } // [0, 1)
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    std::int64_t between(std::int64_t lo, std::int64_t hi) // inclusive
    {
        return lo + std::int64_t(next() % std::uint64_t(hi - lo + 1));
    }
    bool chance(double p) { return uniform() < p; }

    double normal()
    {
        double u1 = uniform();
        while (u1 <= 0)
            u1 = uniform();
        const double u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }
    double logNormal(double median, double sigma) { return median * std::exp(sigma * normal()); }
    double exponential(double mean) { return -mean * std::log(1.0 - uniform()); }

    std::int64_t poisson(double mean)
    {
        if (mean <= 0)
            return 0;
        if (mean > 30)
            return std::max<std::int64_t>(0, std::int64_t(std::llround(mean + std::sqrt(mean) * normal())));
        const double l = std::exp(-mean);
        std::int64_t k = 0;
        double p = 1;
        do {
            ++k;
            p *= uniform();
        } while (p > l);
        return k - 1;
    }

    // Index drawn with the given (non-negative) weights; `cumulative` is their running sum.
    static std::vector<double> cumulate(const std::vector<double> &weights)
    {
        std::vector<double> c(weights.size());
        double sum = 0;
        for (size_t i = 0; i < weights.size(); ++i)
            c[i] = (sum += weights[i]);
        return c;
    }
    size_t pick(const std::vector<double> &cumulative)
    {
        const double x = uniform() * cumulative.back();
        size_t lo = 0, hi = cumulative.size() - 1;
        while (lo < hi) {
            const size_t mid = (lo + hi) / 2;
            if (cumulative[mid] > x)
                hi = mid;
            else
                lo = mid + 1;
        }
        return lo;
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t m_s[4];
};

} // namespace srm
