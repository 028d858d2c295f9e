// The FFT method against the direct view-factor sum on the same sources and grid.
#include "solvers/deposition/FastConvolutionTransport.hpp"
#include "solvers/deposition/LineOfSightTransport.hpp"
#include "solvers/deposition/RacetrackSources.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <iostream>

using namespace magtwin;

namespace {

RegularPlaneGrid squareGrid(double half, double pitch) {
    RegularPlaneGrid g;
    g.nx = g.ny = std::size_t(std::lround(2 * half / pitch)) + 1;
    g.x0 = g.y0 = -half;
    g.dx = g.dy = pitch;
    return g;
}

std::vector<Eigen::Vector3d> points(const RegularPlaneGrid& g) {
    std::vector<Eigen::Vector3d> p;
    for (std::size_t j = 0; j < g.ny; ++j)
        for (std::size_t i = 0; i < g.nx; ++i) p.emplace_back(g.x0 + i * g.dx, g.y0 + j * g.dy, g.z);
    return p;
}

/// max |fast - direct| / mean(direct)
double maxDifferenceOfMean(const std::vector<double>& fast, const std::vector<double>& direct) {
    double mean = 0, worst = 0;
    for (double d : direct) mean += d / double(direct.size());
    for (std::size_t k = 0; k < fast.size(); ++k) worst = std::max(worst, std::abs(fast[k] - direct[k]));
    return worst / mean;
}

}  // namespace

// Two short rotary tubes (many emitting rows = many classes, tilted normals, self-shadowing
// cut) and one planar target, 2 mm grid. The method's interpolation error bound is
// pitch^2/(2 h^2) of the kernel peak = 2e-4 at h = 0.1 m (header of FastConvolutionTransport.hpp);
// the acceptance figure is 0.1 % of the mean, used here.
TEST(FastTransport, MatchesDirectSumOnTubesAndPlanarTarget) {
    const std::shared_ptr<const EmissionAngularDistribution> cosine = makeAngularDistribution("cosine");
    RotaryTube tube;
    tube.lengthM = 0.24;
    tube.axisZ = 0.18;
    tube.outerRadiusM = 0.05;
    tube.track = {0.06, 0.006,   0.14,
                  1.3,  nullptr, {}};  // straight 140 mm (loop 200 mm); Gaussian across, uniform along
    tube.axialPitchM = 0.004;
    tube.angularPitchRad = 0.08;
    auto sources = rotaryArraySources(tube, 2, 0.16, {1e18, 1.2e18}, cosine);
    PlanarRectTarget planar;
    planar.centre = {0.0, 0.05, 0.10};
    planar.lengthM = 0.2;
    planar.widthM = 0.1;
    planar.track = {0.05, 0.006,   0.13,
                    1.0,  nullptr, {}};  // straight 130 mm (loop 180 mm); Gaussian across, uniform along
    planar.pitchM = 0.003;
    AngularDistributionParams cos2;
    cos2.cosExponent = 2.0;
    sources.push_back(planarRectSource(planar, 5e17, makeAngularDistribution("cosn", cos2)));

    const RegularPlaneGrid g = squareGrid(0.15, 0.002);
    FastTransportStats stats;
    const auto fast = fastLineOfSightFlux(sources, g, {}, &stats);
    const auto direct = lineOfSightFlux(sources, points(g));
    EXPECT_GT(stats.classes, 20u);
    const double diff = maxDifferenceOfMean(fast, direct);
    RecordProperty("max_difference_of_mean", std::to_string(diff));
    std::cout << "fast vs direct: " << stats.classes << " classes, max |diff| = " << diff << " of mean\n";
    EXPECT_LT(diff, 1e-3);
}

// A source far outside the substrate footprint: the padded grid must hold the whole
// offset range (no wrap-around). Yamamura under-cosine law, offset 0.4 m, h = 0.15 m.
TEST(FastTransport, OffsetSourceHasNoWrapAround) {
    AngularDistributionParams y;
    y.ionEnergyEv = 400;
    y.thresholdEv = 25;
    PlanarCircularTarget t;
    t.centre = {0.4, -0.1, 0.15};
    t.radiusM = 0.05;
    t.trackRadiusM = 0.03;
    t.sigmaM = 0.006;
    t.pitchM = 0.002;
    const std::vector<EmissionSource> sources{
        planarCircularSource(t, 1e18, makeAngularDistribution("yamamura1981", y))};
    const RegularPlaneGrid g = squareGrid(0.1, 0.002);
    const auto fast = fastLineOfSightFlux(sources, g);
    const auto direct = lineOfSightFlux(sources, points(g));
    EXPECT_LT(maxDifferenceOfMean(fast, direct), 1e-3);
}
