// Groove view factors (crossed strings): analytic references and conservation.
//  - flat and convex profiles: no segment sees another, nothing redeposits (exactly 0);
//  - infinite V groove of opening angle alpha: a wall's cosine emission escapes with
//    f = sin(alpha / 2) (Hottel's crossed strings for the two walls: F_12 = 1 - sin(alpha/2),
//    Howell, Menguc, Siegel, Thermal Radiation Heat Transfer, view factor catalogue C-2);
//  - conservation on a random groove: emitted = redeposited + escaped, with the escape
//    from the horizon sweeps (telescoped sums) and the redeposition from the pair view
//    factors: two different routes through the geometry;
//  - mirror symmetry of a symmetric groove.
// Tolerances: every result is a short sum of double-precision lengths of order the groove
// size, so the rounding floor is ~1e-15 relative; 1e-9 (the issue's) and 1e-12 leave room.
#include "solvers/erosion/GrooveViewFactors.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

using namespace magtwin;

namespace {

constexpr double kPi = 3.14159265358979323846;

/// V groove cut in a flat face: plateau, left wall (m segments), right wall (m), plateau.
GrooveViewFactors vGroove(double alpha, int m, std::size_t& firstWall) {
    const double depth = 0.01, halfOpening = depth * std::tan(0.5 * alpha);
    std::vector<double> y{-10 * halfOpening - 0.05}, z{0.0};
    firstWall = 1;
    for (int k = 0; k <= m; ++k) {  // rim (-a, 0) down to the bottom (0, -depth)
        const double t = static_cast<double>(k) / m;
        y.push_back(-halfOpening * (1 - t));
        z.push_back(-depth * t);
    }
    for (int k = 1; k <= m; ++k) {
        const double t = static_cast<double>(k) / m;
        y.push_back(halfOpening * t);
        z.push_back(-depth * (1 - t));
    }
    y.push_back(10 * halfOpening + 0.05);
    z.push_back(0.0);
    return GrooveViewFactors(y, z);
}

std::vector<double> randomGroove(std::size_t n, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> noise(-0.3e-3, 0.3e-3);
    std::vector<double> d(n);
    for (std::size_t k = 0; k < n; ++k) {
        const double s = (static_cast<double>(k) - 0.4 * n) / (0.08 * n);
        d[k] = 8e-3 * std::exp(-0.5 * s * s) + 4e-3 * std::exp(-0.5 * (s - 3) * (s - 3)) + 0.5e-3 + noise(rng);
    }
    return d;
}

}  // namespace

TEST(GrooveViewFactors, FlatProfileRedepositsNothing) {
    const auto vf = GrooveViewFactors::fromCellDepths(std::vector<double>(120, 3e-3), 1e-3);
    std::vector<double> fraction;
    const auto received = vf.redeposit(std::vector<double>(120, 1.0), &fraction);
    for (std::size_t k = 0; k < received.size(); ++k) {
        EXPECT_EQ(received[k], 0.0);
        EXPECT_EQ(fraction[k], 0.0);
    }
    for (double e : vf.escapeFractions()) EXPECT_NEAR(e, 1.0, 1e-12);
}

TEST(GrooveViewFactors, ConvexProfileRedepositsNothing) {
    std::vector<double> y(101), z(101);  // a ridge (a worn-down rim between two grooves)
    for (std::size_t k = 0; k < y.size(); ++k) {
        y[k] = 1e-3 * static_cast<double>(k);
        z[k] = -1e-7 * std::pow(static_cast<double>(k) - 50.0, 2);
    }
    const auto received = GrooveViewFactors(y, z).redeposit(std::vector<double>(y.size() - 1, 1.0));
    for (double r : received) EXPECT_EQ(r, 0.0);
}

// A wall of an infinite V groove emits with a cosine law: sin(alpha/2) escapes, the rest
// lands on the opposite wall. Checked with the wall as one segment (the crossed-strings
// formula itself) and split into 7 (the taut strings over the other wall's pieces).
TEST(GrooveViewFactors, VGrooveEscapeIsSinHalfAngle) {
    for (double deg : {20.0, 45.0, 60.0, 90.0, 120.0, 150.0}) {
        const double alpha = deg * kPi / 180.0;
        for (int m : {1, 7}) {
            std::size_t w = 0;
            const GrooveViewFactors vf = vGroove(alpha, m, w);
            const auto escape = vf.escapeFractions();
            std::vector<double> emitted(vf.segments(), 0.0), fraction;
            for (int k = 0; k < m; ++k) emitted[w + k] = vf.segmentLength(w + k);  // uniform per length
            const auto received = vf.redeposit(emitted, &fraction);
            double wall = 0.0, escaped = 0.0, pairEscaped = 0.0, onOtherWall = 0.0;
            for (int k = 0; k < m; ++k) {
                wall += emitted[w + k];
                escaped += emitted[w + k] * escape[w + k];
                pairEscaped += emitted[w + k] * (1.0 - fraction[w + k]);
                onOtherWall += received[w + m + k];
            }
            const double expected = std::sin(0.5 * alpha);
            EXPECT_NEAR(escaped / wall, expected, 1e-9) << deg << " deg, " << m << " segments";
            EXPECT_NEAR(pairEscaped / wall, expected, 1e-9) << deg << " deg, " << m << " segments";
            EXPECT_NEAR(onOtherWall / wall, 1.0 - expected, 1e-9) << deg << " deg, " << m << " segments";
            if (m == 1) EXPECT_NEAR(vf.viewFactor(w, w + 1), 1.0 - expected, 1e-9);
        }
    }
}

TEST(GrooveViewFactors, RandomGrooveConservesAtoms) {
    for (unsigned seed : {1u, 7u, 2026u}) {
        const auto d = randomGroove(160, seed);
        const auto vf = GrooveViewFactors::fromCellDepths(d, 1e-3);
        std::mt19937 rng(seed + 100);
        std::uniform_real_distribution<double> u(0.2, 1.0);
        std::vector<double> emitted(d.size()), fraction;
        for (double& e : emitted) e = u(rng);
        const auto received = vf.redeposit(emitted, &fraction);
        const auto escape = vf.escapeFractions();
        double sputtered = 0.0, redeposited = 0.0, escaped = 0.0;
        for (std::size_t k = 0; k < d.size(); ++k) {
            sputtered += emitted[k];
            redeposited += received[k];
            escaped += emitted[k] * escape[k];
            EXPECT_NEAR(fraction[k] + escape[k], 1.0, 1e-12);  // pair sum vs horizon sweeps
            EXPECT_GE(escape[k], 0.0);
        }
        EXPECT_GT(redeposited, 0.01 * sputtered);  // a real groove: something redeposits
        EXPECT_NEAR((redeposited + escaped) / sputtered, 1.0, 1e-9);
        // Spot check of single pairs against the direct taut-string route.
        EXPECT_NEAR(vf.viewFactor(60, 75) * vf.segmentLength(60), vf.viewFactor(75, 60) * vf.segmentLength(75), 1e-15);
    }
}

TEST(GrooveViewFactors, SymmetricGrooveRedepositsSymmetrically) {
    auto d = randomGroove(81, 3);
    for (std::size_t k = 0; k < d.size() / 2; ++k) d[d.size() - 1 - k] = d[k];
    std::vector<double> emitted(d.size());
    for (std::size_t k = 0; k < d.size(); ++k) emitted[k] = 1.0 + d[k] * 100.0;
    const auto received = GrooveViewFactors::fromCellDepths(d, 1e-3).redeposit(emitted);
    double peak = 0.0;
    for (double r : received) peak = std::max(peak, r);
    ASSERT_GT(peak, 0.0);
    for (std::size_t k = 0; k < d.size(); ++k) EXPECT_NEAR(received[k], received[d.size() - 1 - k], 1e-12 * peak);
}
