// SwingAverage: one definition of each back-and-forth waveform and its time average.
//  - Moments (analytic): over whole periods <s^2m> = C(2m, m) / 4^m for the sinusoid (the
//    arcsine law), 1 / (2m + 1) for the triangle (uniform), (1 - delta) / (2m + 1) + delta for
//    the dwell; odd moments vanish. An n-node rule reproduces them to rounding (1e-14) up to
//    degree 2n - 1, and misses degree 2n (negative control: the rules are not trivially exact).
//  - The waveform itself (swingPosition) has those time averages: a midpoint rule in time over
//    one period (10^5 nodes) of s(t)^2 and s(t)^4 matches the moments (independent path; the
//    midpoint error of a piecewise-smooth periodic integrand is O(h^2) ~ 1e-9).
//  - A smooth racetrack-like integrand (a Gaussian of width 5 mm seen through a 12 mm swing)
//    averaged over time by the same midpoint rule agrees with 32 nodes to 1e-9.
//  - Sinusoidal: the nodes and the average are bit for bit the explicit Gauss-Chebyshev sum
//    (1/n) sum_k f(A cos((2k - 1) pi / 2n)), so the sinusoidal erosion, deposition and
//    eroded-target figures are the same doubles as with that sum written out.
#include "solvers/motion/SwingAverage.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

using namespace magtwin;

namespace {

double binomialMoment(int m) {  // C(2m, m) / 4^m
    double v = 1.0;
    for (int k = 1; k <= m; ++k) v *= (2.0 * k - 1.0) / (2.0 * k);
    return v;
}

double exactMoment(SwingWaveform w, double delta, int degree) {
    if (degree % 2) return 0.0;
    const int m = degree / 2;
    switch (w) {
        case SwingWaveform::Sinusoidal:
            return binomialMoment(m);
        case SwingWaveform::Triangular:
            return 1.0 / (degree + 1);
        case SwingWaveform::Dwell:
            return (1 - delta) / (degree + 1) + delta;
    }
    return NAN;
}

double ruleMoment(const SwingQuadrature& q, int degree) {
    return q.average(1.0, [&](double s) { return std::pow(s, degree); });
}

/// (1/P) int_0^P f(s(t)) dt by the midpoint rule in t.
template <class F>
double timeAverage(SwingWaveform w, double delta, F&& f, int n = 100000) {
    double sum = 0.0;
    for (int k = 0; k < n; ++k) sum += f(swingPosition(w, delta, (k + 0.5) / n));
    return sum / n;
}

}  // namespace

TEST(SwingAverage, RulesIntegratePolynomialsExactlyUpToDegree2nMinus1) {
    for (SwingWaveform w : {SwingWaveform::Sinusoidal, SwingWaveform::Triangular, SwingWaveform::Dwell})
        for (int n : {1, 2, 3, 5, 8, 16})
            for (double delta : {0.0, 0.3}) {
                const SwingQuadrature q = swingQuadrature(w, delta, n);
                for (int degree = 0; degree <= 2 * n - 1; ++degree)
                    EXPECT_NEAR(ruleMoment(q, degree), exactMoment(w, delta, degree), 1e-14)
                        << swingWaveformName(w) << " n " << n << " degree " << degree;
                // Degree 2n is beyond the rule (Gauss: the error is a positive multiple of the
                // 2n-th derivative; analytically 2 * 4^-n for Gauss-Chebyshev, 4.7e-10 at n = 16,
                // and 3.6e-10 for 16 Gauss-Legendre nodes), far above the 1e-14 rounding.
                EXPECT_GT(std::abs(ruleMoment(q, 2 * n) - exactMoment(w, delta, 2 * n)), 1e-11)
                    << swingWaveformName(w) << " n " << n;
            }
}

TEST(SwingAverage, WeightsAreThoseOfTheTimeSpentAtEachPosition) {
    const SwingQuadrature dwell = swingQuadrature(SwingWaveform::Dwell, 0.4, 6);
    ASSERT_EQ(dwell.nodes.size(), 8u);  // 6 Gauss-Legendre nodes and the two reversal points
    EXPECT_EQ(dwell.nodes.front(), -1.0);
    EXPECT_EQ(dwell.nodes.back(), 1.0);
    EXPECT_NEAR(dwell.weights.front() / dwell.weightSum, 0.2, 1e-15);  // half the dwell at each end
    EXPECT_NEAR(dwell.weightSum, 1.0, 1e-15);
    const SwingQuadrature noDwell = swingQuadrature(SwingWaveform::Dwell, 0.0, 6);
    const SwingQuadrature triangle = swingQuadrature(SwingWaveform::Triangular, 0.0, 6);
    EXPECT_EQ(noDwell.nodes, triangle.nodes);
    EXPECT_EQ(noDwell.weights, triangle.weights);
    for (double s : triangle.nodes) EXPECT_LT(std::abs(s), 1.0);
}

TEST(SwingAverage, TheWaveformsHaveTheirMomentsOverAPeriod) {
    for (SwingWaveform w : {SwingWaveform::Sinusoidal, SwingWaveform::Triangular, SwingWaveform::Dwell})
        for (int degree : {2, 4}) {
            const double delta = 0.25;
            const double t = timeAverage(w, delta, [&](double s) { return std::pow(s, degree); });
            EXPECT_NEAR(t, exactMoment(w, delta, degree), 1e-8) << swingWaveformName(w) << " degree " << degree;
        }
    // Start at 0 moving up; the reversal points at a quarter and three quarters of the period.
    EXPECT_EQ(swingPosition(SwingWaveform::Triangular, 0.0, 0.0), 0.0);
    EXPECT_EQ(swingPosition(SwingWaveform::Triangular, 0.0, 0.25), 1.0);
    EXPECT_EQ(swingPosition(SwingWaveform::Triangular, 0.0, 0.75), -1.0);
    EXPECT_EQ(swingPosition(SwingWaveform::Dwell, 0.4, 0.25), 1.0);  // stopped over [0.15, 0.35]
    EXPECT_EQ(swingPosition(SwingWaveform::Dwell, 0.4, 0.3), 1.0);
    EXPECT_NEAR(swingPosition(SwingWaveform::Sinusoidal, 0.0, 0.125), std::sqrt(0.5), 1e-15);
}

TEST(SwingAverage, SmoothIntegrandMatchesTheTimeAverage) {
    const double A = 0.012, sigma = 0.005;
    for (SwingWaveform w : {SwingWaveform::Sinusoidal, SwingWaveform::Triangular, SwingWaveform::Dwell})
        for (double y : {0.0, 0.006, 0.015}) {
            const auto g = [&](double a) { return std::exp(-0.5 * (y - a) * (y - a) / (sigma * sigma)); };
            const double rule = swingQuadrature(w, 0.2, 32).average(A, g);
            const double time = timeAverage(w, 0.2, [&](double s) { return g(A * s); });
            EXPECT_NEAR(rule, time, 1e-9) << swingWaveformName(w) << " y " << y;
        }
}

TEST(SwingAverage, SinusoidalIsTheGaussChebyshevSumBitForBit) {
    const double A = 0.0123;
    for (int n : {1, 7, 16, 64}) {
        const SwingQuadrature q = swingQuadrature(SwingWaveform::Sinusoidal, 0.0, n);
        const auto f = [](double a) { return std::exp(-a * a / 4e-5) + 0.3 * a; };
        double sum = 0.0;  // the sum written out
        for (int k = 1; k <= n; ++k) sum += f(A * std::cos((2 * k - 1) * M_PI / (2 * n)));
        EXPECT_EQ(q.average(A, f), sum / n) << n;
        for (int k = 1; k <= n; ++k) EXPECT_EQ(q.nodes[std::size_t(k - 1)], std::cos((2 * k - 1) * M_PI / (2 * n)));
    }
}

TEST(SwingAverage, BadInputIsRefused) {
    EXPECT_THROW(swingQuadrature(SwingWaveform::Dwell, 1.0, 4), std::invalid_argument);
    EXPECT_THROW(swingQuadrature(SwingWaveform::Dwell, -0.1, 4), std::invalid_argument);
    EXPECT_THROW(swingQuadrature(SwingWaveform::Triangular, 0.0, 0), std::invalid_argument);
    EXPECT_THROW(swingWaveformFromName("square"), std::invalid_argument);
    EXPECT_EQ(swingWaveformFromName("dwell"), SwingWaveform::Dwell);
}
