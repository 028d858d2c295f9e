// Run-to-run advice (twin/advice/RunToRun.hpp) on seeded simulated lines with a known rate
// drift and noise: the controllers against their analytic references - the EWMA's output
// sigma sqrt(2 / (2 - l xi)) sigma_e without drift (Ingolfsson & Sachs 1993), its drift lag
// delta / l (and the dEWMA's none, Butler & Stefani 1994), the closed-form stability limits
// against the limits found by running the controller - and the thickness error with and
// without the advice.
#include "twin/advice/RunToRun.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <iostream>

namespace magtwin {
namespace {

TEST(RunToRun, EwmaOutputSigmaWithoutDriftMatchesTheClosedForm) {
    // y - T = e_k - l xi sum (1 - l xi)^(j-1) e_(k-j): variance sigma^2 (1 + l xi / (2 - l xi))
    for (const double xi : {0.8, 1.0, 1.3}) {
        SimulatedLine L;
        L.runs = 40000;
        L.driftPerRun = 0.0;
        L.gainMismatch = xi;
        L.twinTracksDrift = false;
        const EwmaWeights w{0.3, 0.0};
        const ErrorStats s = simulateLine(L, Advice::Ewma, w, 200);
        const double expected = L.noiseNm * std::sqrt(2.0 / (2.0 - w.lambda1 * xi));
        // 3 %: six standard errors of a sample sigma over ~40000 runs (1 / sqrt(2 N) = 0.35 %)
        // with the runs correlated through the controller (the effective N is smaller)
        EXPECT_NEAR(s.sigmaNm / expected, 1.0, 0.03) << "xi " << xi;
        EXPECT_NEAR(s.meanNm, 0.0, 0.05) << "xi " << xi;  // 0.05 nm: > 5 standard errors of the mean
    }
}

TEST(RunToRun, DriftLagOfEwmaAndNoneForDoubleEwma) {
    // an additive drift delta = 0.02 nm per run, noise-free: the EWMA lags by delta / (l xi)
    // (its steady state under a ramp), the double EWMA by nothing (its drift filter follows it)
    for (const double xi : {1.0, 1.2}) {
        SimulatedLine L;
        L.runs = 3000;
        L.noiseNm = 0.0;
        L.driftPerRun = 0.0;
        L.gainMismatch = xi;
        L.offsetDriftNmPerRun = 0.02;
        const ErrorStats ewma = simulateLine(L, Advice::Ewma, {0.25, 0.0}, 0);
        const ErrorStats dewma = simulateLine(L, Advice::Ewma, {0.25, 0.1}, 0);
        EXPECT_NEAR(ewma.errorsNm.back(), 0.02 / (0.25 * xi), 1e-9) << xi;
        EXPECT_NEAR(dewma.errorsNm.back(), 0.0, 1e-9) << xi;
    }
}

/// The largest l1 (l2 = ratio l1) the closed form allows at xi, by bisection on ewmaStable.
double closedFormLimit(double xi, double ratio) {
    double lo = 1e-6, hi = 1.0;
    if (ewmaStable({hi, std::min(1.0, ratio * hi)}, xi)) return 1.0;
    for (int i = 0; i < 60; ++i) {
        const double mid = 0.5 * (lo + hi);
        (ewmaStable({mid, std::min(1.0, ratio * mid)}, xi) ? lo : hi) = mid;
    }
    return lo;
}

TEST(RunToRun, StableWeightsFoundByRunningTheControllerMatchTheClosedForm) {
    // single EWMA: l xi < 2 (Ingolfsson & Sachs); dEWMA with l2 = l1 / 2 and l2 = l1: Del
    // Castillo's conditions. The simulated limit is the last converging grid point (step
    // 0.005); slow convergence right at the limit costs up to two steps.
    for (const double ratio : {0.0, 0.5, 1.0})
        for (const double xi : {1.5, 2.5, 3.5}) {
            const double closed = closedFormLimit(xi, ratio);
            const double simulated = simulatedStableLambdaLimit(xi, ratio);
            std::cout << "l2/l1 " << ratio << ", xi " << xi << ": stable l1 up to " << closed << " (closed form), "
                      << simulated << " (simulated)\n";
            if (closed >= 1.0) {
                EXPECT_GE(simulated, 1.0 - 1e-9);
                continue;
            }
            EXPECT_LE(simulated, closed + 1e-9);
            EXPECT_GE(simulated, closed - 0.011);
        }
    // the gain range of the defaults: xi up to min(2 / (l1 + l2 - l1 l2), 4 / (2 (l1 + l2) - l1 l2))
    const auto range = stableGainRange({0.3, 0.1});
    EXPECT_NEAR(range.second, std::min(2.0 / 0.37, 4.0 / 0.77), 1e-12);
    EXPECT_TRUE(ewmaStable({0.3, 0.1}, range.second * 0.999));
    EXPECT_FALSE(ewmaStable({0.3, 0.1}, range.second * 1.001));
}

TEST(RunToRun, AdviceHoldsTheThicknessAsTheTargetsErode) {
    // 400 substrates of 100 nm; the rate falls 0.05 % per substrate (-20 % over the series);
    // metrology sigma 1 nm; the twin's rate model follows the erosion with a 10 % gain error
    SimulatedLine L;
    const ErrorStats fixed = simulateLine(L, Advice::FixedRecipe);
    const ErrorStats twin = simulateLine(L, Advice::TwinOnly);
    const ErrorStats ewma = simulateLine(L, Advice::Ewma, {0.3, 0.0});
    const ErrorStats dewma = simulateLine(L, Advice::Ewma, {0.3, 0.1});
    SimulatedLine nominal = L;
    nominal.twinTracksDrift = false;  // a rate model that does not know the erosion
    const ErrorStats dewmaNominal = simulateLine(nominal, Advice::Ewma, {0.3, 0.1});
    const ErrorStats ewmaNominal = simulateLine(nominal, Advice::Ewma, {0.3, 0.0});
    auto show = [](const char* what, const ErrorStats& s) {
        std::cout << what << ": mean " << s.meanNm << " nm, sigma " << s.sigmaNm << " nm\n";
    };
    show("fixed recipe time", fixed);
    show("twin rate only", twin);
    show("EWMA on the twin", ewma);
    show("dEWMA on the twin", dewma);
    show("EWMA, nominal rate", ewmaNominal);
    show("dEWMA, nominal rate", dewmaNominal);
    // without advice: the time qualified on the first substrate loses the erosion (mean
    // -0.05 % x 209.5 runs (the mean run after 20 skipped) x 100 nm = -10.5 nm);
    // the twin alone keeps its 10 % gain error (+10 nm)
    EXPECT_NEAR(fixed.meanNm, -10.475, 0.3);  // 0.3 nm: six standard errors of the noise's mean
    EXPECT_NEAR(twin.meanNm, 10.0, 0.3);      // 0.3 nm: 6 standard errors of the mean of 380 runs
    // with advice: the mean within 0.3 nm and the sigma within 20 % of sigma sqrt(2 / (2 - l xi))
    for (const ErrorStats* s : {&ewma, &dewma, &dewmaNominal}) {
        EXPECT_LT(std::fabs(s->meanNm), 0.3);
        EXPECT_LT(s->sigmaNm, 1.2 * std::sqrt(2.0 / (2.0 - 0.3 * 1.1)) * L.noiseNm);
    }
    // the EWMA's lag on a rate model that misses the erosion: delta / (l xi) ~ 0.05 / 0.33 nm
    EXPECT_LT(ewmaNominal.meanNm, -0.1);
    // seeded: the same seed, the same series
    EXPECT_EQ(simulateLine(L, Advice::Ewma, {0.3, 0.1}).errorsNm, dewma.errorsNm);
}

TEST(RunToRun, MultiplicativeFormIsStableForAnyRateErrorAndLandsFromTheFirstReading) {
    // ln y = a + ln b + ln u: a rate error is a pure offset in ln y, so the first reading sets
    // it exactly (noise-free: the second run is on target to rounding) and even l1 = 1 with a
    // rate 3.5 x the twin's is stable, where the additive form diverges above l1 = 2 / 3.5
    SimulatedLine L;
    L.runs = 50;
    L.noiseNm = 0.0;
    L.driftPerRun = 0.0;
    L.gainMismatch = 3.5;
    const ErrorStats m = simulateLine(L, Advice::Ewma, {1.0, 0.0}, 0, EwmaForm::Multiplicative);
    EXPECT_NEAR(m.errorsNm[1], 0.0, 1e-9);
    EXPECT_NEAR(m.errorsNm.back(), 0.0, 1e-9);
    EXPECT_GE(simulatedStableLambdaLimit(3.5, 0.0, 0.05, EwmaForm::Multiplicative), 1.0 - 1e-9);
    EXPECT_GE(simulatedStableLambdaLimit(3.5, 1.0, 0.05, EwmaForm::Multiplicative), 1.0 - 1e-9);
    EXPECT_LT(simulatedStableLambdaLimit(3.5, 0.0, 0.05, EwmaForm::Additive), 0.6);
    // on the eroding line with noise: held as well as the additive form
    const ErrorStats line = simulateLine(SimulatedLine{}, Advice::Ewma, {0.3, 0.1}, 20, EwmaForm::Multiplicative);
    std::cout << "dEWMA multiplicative on the twin: mean " << line.meanNm << " nm, sigma " << line.sigmaNm << " nm\n";
    EXPECT_LT(std::fabs(line.meanNm), 0.3);
    EXPECT_LT(line.sigmaNm, 1.3);
}

}  // namespace
}  // namespace magtwin
