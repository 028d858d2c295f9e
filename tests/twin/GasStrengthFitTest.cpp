// The gas-strength fit's pieces against outside references:
//  - ChebyshevAxis: a polynomial of degree N-1 is its own interpolant (exact to round-off),
//    and so is its derivative; the weights sum to 1 (a constant is reproduced);
//  - GasStrengthFit on tabulated synthetic observations P_i(u) = A_i exp(-b_i u) (the
//    Beer-Lambert form of the ballistic attenuation, GasAttenuationModel.hpp) with known
//    truth: exact data give u and s to the table's interpolation error, noisy data give an
//    honest 1-sigma (coverage over 200 seeds), and observations whose u-dependence is one
//    common factor (the shape carries nothing: u trades exactly against s) are refused as
//    not identifiable.
#include "twin/calibration/ChebyshevAxis.hpp"
#include "twin/calibration/GasStrengthFit.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace magtwin {
namespace {

TEST(ChebyshevAxis, ReproducesAPolynomialOfDegreeNMinusOneAndItsDerivative) {
    const ChebyshevAxis axis(4.0, 7);
    ASSERT_EQ(axis.nodes().size(), 7u);
    EXPECT_DOUBLE_EQ(axis.nodes().front(), 4.0);
    EXPECT_EQ(axis.nodes().back(), 0.0);  // the vacuum node is exact
    auto f = [](double u) { return 1.0 - 0.5 * u + 0.3 * u * u - 0.02 * std::pow(u, 5) + 0.001 * std::pow(u, 6); };
    auto df = [](double u) { return -0.5 + 0.6 * u - 0.1 * std::pow(u, 4) + 0.006 * std::pow(u, 5); };
    std::vector<double> values;
    for (double u : axis.nodes()) values.push_back(f(u));
    for (double u : {0.0, 0.37, 1.0, 2.2, 3.9, 4.0}) {
        std::vector<double> w, dw;
        axis.weights(u, w, dw);
        double v = 0.0, d = 0.0, sum = 0.0;
        for (std::size_t j = 0; j < w.size(); ++j) v += w[j] * values[j], d += dw[j] * values[j], sum += w[j];
        EXPECT_NEAR(v, f(u), 1e-12) << u;
        EXPECT_NEAR(d, df(u), 1e-11) << u;
        EXPECT_NEAR(sum, 1.0, 1e-13) << u;
    }
}

TEST(ChebyshevAxis, PositiveTableIsExactForBeerLambertAttenuation) {
    // exp(-a u) with a u_max = 12.7 (a crystal 2.1 m from the target at 1 Pa and 4 sigma_ref):
    // a linear table of 7 nodes is off by O(1) there, the log table is exact
    const ChebyshevAxis axis(4.0, 7);
    std::vector<double> f;
    for (double u : axis.nodes()) f.push_back(3.0 * std::exp(-12.7 / 4.0 * u));
    for (double u : {0.1, 1.7, 3.3})
        EXPECT_NEAR(axis.interpolatePositive(f, u) / (3.0 * std::exp(-12.7 / 4.0 * u)), 1.0, 1e-12);
    f[3] = 0.0;  // a zero entry: linear interpolation (exact at the nodes)
    EXPECT_NEAR(axis.interpolatePositive(f, axis.nodes()[2]), f[2], 1e-12);
}

/// n observations, b_i spread over [0.05, 0.35] (or all 0.2: no shape), relative noise.
std::vector<TabulatedObservation> synthetic(const ChebyshevAxis& axis, unsigned seed, double s, double u, double noise,
                                            bool shape, int n = 60) {
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> gauss(0.0, 1.0);
    std::vector<TabulatedObservation> out;
    for (int i = 0; i < n; ++i) {
        const double a = 2.0 + 0.5 * std::sin(i), b = shape ? 0.05 + 0.3 * i / (n - 1) : 0.2;
        TabulatedObservation o;
        for (double node : axis.nodes()) o.predicted.push_back({a * std::exp(-b * node)});
        o.measured = s * a * std::exp(-b * u) * (1.0 + noise * gauss(rng));
        out.push_back(o);
    }
    return out;
}

TEST(GasStrengthFit, ExactDataGiveTheStrengthToTheTableError) {
    const ChebyshevAxis axis(4.0, 7);
    const GasStrengthFitResult r = fitRateScalesAndGas(synthetic(axis, 1, 0.8, 1.3, 0.0, true), 1, axis);
    EXPECT_TRUE(r.converged);
    // exp(-b u) is linear in u in log: the positive table is exact to round-off, so the
    // fit's error is the solver's tolerance (parameter_tolerance 1e-12 relative)
    EXPECT_NEAR(r.strength, 1.3, 1e-8);
    EXPECT_NEAR(r.scale[0], 0.8, 1e-6);
    EXPECT_EQ(r.notIdentifiable, "") << r.notIdentifiable;
}

TEST(GasStrengthFit, ReportedUncertaintyCoversTheTruthOverSeeds) {
    // 200 seeds: binomial 3-sigma bands 68.3 +- 9.9 % and 95.4 +- 4.4 %
    const ChebyshevAxis axis(4.0, 7);
    int in1 = 0, in2 = 0;
    const int seeds = 200;
    for (int seed = 0; seed < seeds; ++seed) {
        const GasStrengthFitResult r = fitRateScalesAndGas(synthetic(axis, 100 + seed, 0.8, 1.3, 0.01, true), 1, axis);
        ASSERT_TRUE(std::isfinite(r.strengthSigma));
        const double z = std::fabs(r.strength - 1.3) / r.strengthSigma;
        in1 += z <= 1.0;
        in2 += z <= 2.0;
    }
    EXPECT_NEAR(100.0 * in1 / seeds, 68.3, 9.9);
    EXPECT_NEAR(100.0 * in2 / seeds, 95.4, 4.4);
}

TEST(GasStrengthFit, NoShapeInformationIsNotIdentifiable) {
    // every observation scales with the same exp(-0.2 u): s exp(-0.2 u) is all the data fix
    const ChebyshevAxis axis(4.0, 7);
    const GasStrengthFitResult r = fitRateScalesAndGas(synthetic(axis, 5, 0.8, 1.3, 0.01, false), 1, axis);
    EXPECT_NE(r.notIdentifiable, "");
    // a weak shape: the 1-sigma rule (b spread 0.05..0.35 with 30 % noise)
    const GasStrengthFitResult weak = fitRateScalesAndGas(synthetic(axis, 6, 0.8, 1.3, 0.3, true), 1, axis);
    EXPECT_NE(weak.notIdentifiable, "");
}

TEST(GasStrengthFit, RefusesTooFewObservationsAndWrongTables) {
    const ChebyshevAxis axis(4.0, 7);
    auto obs = synthetic(axis, 7, 1.0, 1.0, 0.0, true, 1);
    EXPECT_THROW(fitRateScalesAndGas(obs, 1, axis), std::invalid_argument);
    obs = synthetic(axis, 7, 1.0, 1.0, 0.0, true, 5);
    obs[2].predicted.pop_back();
    EXPECT_THROW(fitRateScalesAndGas(obs, 1, axis), std::invalid_argument);
    EXPECT_THROW(ChebyshevAxis(0.0, 7), std::invalid_argument);
}

}  // namespace
}  // namespace magtwin
