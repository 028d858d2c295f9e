// GasScatteringRandom: the random numbers of the gas-scattering Monte Carlo.
//
// - Xoshiro256: xoshiro256** (Blackman & Vigna, "Scrambled linear pseudorandom number
//   generators", ACM TOMS 47 (2021) 36), seeded by splitmix64; uniform doubles from the
//   top 53 bits. One generator per fixed work block (GasScatteringMonteCarlo.cpp).
// - Standard normal and unit exponential deviates by the ziggurat method (G. Marsaglia and
//   W. W. Tsang, "The Ziggurat Method for Generating Random Variables", J. Stat. Softw. 5(8)
//   (2000)): 128 layers (normal, r = 3.442619855899, v = 9.91256303526217e-3) and 256
//   layers (exponential, r = 7.69711747013104972, v = 3.949659822581572e-3). Exact
//   rejection samplers (the layers cover the density; points outside it are rejected, the
//   tails are sampled exactly: Marsaglia 1964 for the normal, memorylessness for the
//   exponential); ~99 % of draws cost one 64-bit word, a table lookup and a multiply, no
//   log/exp. The layer index comes from the low bits of the word, the abscissa from the
//   top 53 bits (independent bits of the ** scrambler output).
// - unitCircle: (cos a, sin a) for a uniform angle a by disc rejection (no trigonometry).
#pragma once

#include <array>
#include <cmath>
#include <cstdint>

namespace magtwin {

/// Layer tables of a ziggurat for a decreasing density f on [0, inf) (unnormalised).
template <int N>
struct ZigguratTable {
    std::array<double, N + 1> x{};  ///< layer i spans |x| < x[i], heights f(x[i])..f(x[i+1])
    std::array<double, N + 1> f{};  ///< f(x[i])
    double r = 0;                   ///< start of the tail
};

/// Layers x[0] = v / f(r) (base strip incl. tail), x[1] = r, x[i+1] = f^-1(f(x[i]) + v / x[i]),
/// x[N] = 0 (Marsaglia & Tsang 2000, section 2).
template <int N, class F, class FInv>
ZigguratTable<N> buildZiggurat(double r, double v, F f, FInv fInv) {
    ZigguratTable<N> z;
    z.r = r;
    z.x[0] = v / f(r);
    z.x[1] = r;
    for (int i = 1; i < N - 1; ++i) z.x[std::size_t(i) + 1] = fInv(f(z.x[std::size_t(i)]) + v / z.x[std::size_t(i)]);
    z.x[N] = 0;
    for (int i = 0; i <= N; ++i) z.f[std::size_t(i)] = f(z.x[std::size_t(i)]);
    return z;
}

inline const ZigguratTable<128>& normalZiggurat() {
    static const ZigguratTable<128> z = buildZiggurat<128>(
        3.442619855899, 9.91256303526217e-3, [](double x) { return std::exp(-0.5 * x * x); },
        [](double y) { return std::sqrt(-2 * std::log(y)); });
    return z;
}

inline const ZigguratTable<256>& exponentialZiggurat() {
    static const ZigguratTable<256> z = buildZiggurat<256>(
        7.69711747013104972, 3.949659822581572e-3, [](double x) { return std::exp(-x); },
        [](double y) { return -std::log(y); });
    return z;
}

class Xoshiro256 {
public:
    explicit Xoshiro256(std::uint64_t seed) {
        for (auto& w : s_) {
            seed += 0x9E3779B97F4A7C15ULL;
            std::uint64_t z = seed;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
            w = z ^ (z >> 31);
        }
    }
    std::uint64_t next() {
        const std::uint64_t result = rotl(s_[1] * 5, 7) * 9, t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }
    /// Uniform in [0, 1).
    double uniform() { return double(next() >> 11) * 0x1.0p-53; }

    /// Standard normal deviate (ziggurat).
    double normal(const ZigguratTable<128>& z) {
        for (;;) {
            const std::uint64_t w = next();
            const int i = int(w & 127);
            const double u = double(w >> 11) * 0x1.0p-52 - 1.0;  // [-1, 1)
            const double x = u * z.x[std::size_t(i)];
            if (std::abs(x) < z.x[std::size_t(i) + 1]) return x;
            if (i == 0) {  // tail beyond r (Marsaglia 1964)
                double a, b;
                do {
                    a = -std::log(1 - uniform()) / z.r;
                    b = -std::log(1 - uniform());
                } while (2 * b < a * a);
                return u < 0 ? -(z.r + a) : z.r + a;
            }
            const double y = z.f[std::size_t(i)] + uniform() * (z.f[std::size_t(i) + 1] - z.f[std::size_t(i)]);
            if (y < std::exp(-0.5 * x * x)) return x;
        }
    }
    /// Unit exponential deviate (ziggurat).
    double exponential(const ZigguratTable<256>& z) {
        double shift = 0;
        for (;;) {
            const std::uint64_t w = next();
            const int i = int(w & 255);
            const double x = double(w >> 11) * 0x1.0p-53 * z.x[std::size_t(i)];
            if (x < z.x[std::size_t(i) + 1]) return shift + x;
            if (i == 0) {  // tail: r + Exp(1), by memorylessness
                shift += z.r;
                continue;
            }
            const double y = z.f[std::size_t(i)] + uniform() * (z.f[std::size_t(i) + 1] - z.f[std::size_t(i)]);
            if (y < std::exp(-x)) return shift + x;
        }
    }
    /// (cos a, sin a) for a uniform angle a, without trigonometric calls (disc rejection).
    void unitCircle(double& c, double& s) {
        double u, v, q;
        do {
            u = 2 * uniform() - 1;
            v = 2 * uniform() - 1;
            q = u * u + v * v;
        } while (q >= 1 || q == 0);
        c = (u * u - v * v) / q;
        s = 2 * u * v / q;
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t s_[4];
};

}  // namespace magtwin
