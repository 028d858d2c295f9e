// RateScaleFit on synthetic data with known truth: the Levenberg-Marquardt fit recovers the
// injected scales, and its covariance-based 1-sigma is honest (coverage over many seeds).
#include "twin/calibration/RateScaleFit.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace magtwin {
namespace {

// Two sources, single-source and co-sputter observations, relative Gaussian noise.
std::vector<RateObservation> synthetic(unsigned seed, double s1, double s2, double noise, int n) {
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> power(0.5, 2.0);
    std::normal_distribution<double> gauss(0.0, 1.0);
    std::vector<RateObservation> out;
    for (int i = 0; i < n; ++i) {
        RateObservation o;
        const int kind = i % 3;  // 0: source 1 alone, 1: source 2 alone, 2: both
        o.predicted = {kind != 1 ? 3.0 * power(rng) : 0.0, kind != 0 ? 0.7 * power(rng) : 0.0};
        const double truth = s1 * o.predicted[0] + s2 * o.predicted[1];
        o.measured = truth * (1.0 + noise * gauss(rng));
        out.push_back(o);
    }
    return out;
}

TEST(RateScaleFit, ExactDataGiveTheScalesToRoundOff) {
    const auto obs = synthetic(1, 0.42, 1.7, 0.0, 12);
    const RateScaleFitResult r = fitRateScales(obs, 2);
    EXPECT_TRUE(r.converged);
    EXPECT_NEAR(r.scale[0], 0.42, 1e-9);
    EXPECT_NEAR(r.scale[1], 1.7, 1e-9);
}

TEST(RateScaleFit, ReportedUncertaintyCoversTheTruthOverSeeds) {
    // 200 seeds: a 1-sigma interval covers the truth with probability 68.3 %, 2-sigma 95.4 %.
    // Binomial 3-sigma band for 200 trials: 68.3 +- 9.9 % and 95.4 +- 4.4 %.
    const int seeds = 200;
    int in1 = 0, in2 = 0, total = 0;
    for (int seed = 0; seed < seeds; ++seed) {
        const RateScaleFitResult r = fitRateScales(synthetic(1000 + seed, 0.42, 1.7, 0.05, 30), 2);
        ASSERT_TRUE(std::isfinite(r.sigma[0]) && std::isfinite(r.sigma[1]));
        const double truth[2] = {0.42, 1.7};
        for (int k = 0; k < 2; ++k) {
            const double z = std::fabs(r.scale[k] - truth[k]) / r.sigma[k];
            in1 += z <= 1.0;
            in2 += z <= 2.0;
            ++total;
        }
    }
    EXPECT_NEAR(100.0 * in1 / total, 68.3, 9.9);
    EXPECT_NEAR(100.0 * in2 / total, 95.4, 4.4);
}

TEST(RateScaleFit, RefusesAnUnconstrainedParameter) {
    auto obs = synthetic(3, 1.0, 1.0, 0.01, 6);
    for (auto& o : obs) o.predicted[1] = 0.0;
    EXPECT_THROW(fitRateScales(obs, 2), std::invalid_argument);
    EXPECT_THROW(fitRateScales({}, 1), std::invalid_argument);
}

}  // namespace
}  // namespace magtwin
