// Erosion with an along-track flux profile (AlongTrackProfile via RacetrackFlux): A = 1
// gives today's depth maps bit for bit; with an end boost the eroded volume still equals
// the delivered ions x yield (charge conservation); a table sampled from the end boost
// erodes as the end boost to the interpolation error.
#include "ErosionTestCase.hpp"
#include "erosion/ErosionFront.hpp"
#include "util/PhysicalConstants.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace magtwin;

namespace {

AlongTrackProfile endBoost(double gain, double length) {
    AlongTrackProfile a;
    a.shape = AlongTrackProfile::Shape::EndBoost;
    a.gain = gain;
    a.lengthM = length;
    return a;
}

AlongTrackProfile tableOf(const AlongTrackProfile& p, double straight, double spacing) {
    AlongTrackProfile t;
    t.shape = AlongTrackProfile::Shape::Table;
    t.symmetric = true;
    for (double c = 0.0; c <= 0.5 * straight + 1e-12; c += spacing)
        t.points.push_back({c / straight, p.factor(-0.5 * straight + c, straight)});
    return t;
}

RacetrackSpec rectSpec() {
    RacetrackSpec r;
    r.straightLengthM = 0.10;
    r.trackSeparationM = 0.05;
    r.turnaroundEnhancement = 1.2;
    return r;
}
const TargetGeometry kRect{CathodeKind::PlanarRect, 0.20, 0.10, 0, 0.008};

RacetrackSpec rotarySpec() {
    RacetrackSpec r;
    r.straightLengthM = 0.20;
    r.trackSeparationM = 0.04;
    r.turnaroundEnhancement = 1.3;
    return r;
}
const TargetGeometry kTube{CathodeKind::Rotary, 0.30, 0, 0.040, 0.008};

std::vector<double> erodedDepths(const TargetGeometry& t, const RacetrackSpec& r, const std::string& angular,
                                 double travel, double hours) {
    ErosionCase c = makeErosionCase(t, r, 0.005, angular);
    ErosionSettings s;
    s.gridSpacingM = 2e-3;
    s.rotaryAngularCells = 4;
    s.magnetTravelM = travel;
    ErosionFront f(*c.flux, *c.rate, s);
    while (f.time() < hours * 3600.0) f.step(hours * 3600.0 - f.time(), 0.2e-3);
    return f.depth();
}

}  // namespace

// Value for value, bitwise: a gain-0 end boost and a table of ones multiply the flux by
// exactly 1.0 and leave A_loop the same double (AlongTrackProfileTest), so the front sees
// identical fluxes and takes identical steps. Planar with and without magnet travel
// (the travel path reuses per-row averages only for uniform profiles) and rotary.
TEST(AlongTrackErosion, ProfileOneGivesTodaysDepthsBitForBit) {
    AlongTrackProfile ones;
    ones.shape = AlongTrackProfile::Shape::Table;
    ones.points = {{0.0, 1.0}, {1.0, 1.0}};
    struct Run {
        TargetGeometry t;
        RacetrackSpec r;
        std::string angular;
        double travel;
    };
    for (const Run& run : {Run{kRect, rectSpec(), "yamamura1983", 0.0}, Run{kRect, rectSpec(), "yamamura1983", 0.01},
                           Run{kTube, rotarySpec(), "yamamura1983", 0.0}}) {
        const std::vector<double> today = erodedDepths(run.t, run.r, run.angular, run.travel, 3.0);
        for (const AlongTrackProfile& a : {endBoost(0.0, 0.03), ones}) {
            RacetrackSpec r = run.r;
            r.alongTrack = a;
            const std::vector<double> d = erodedDepths(run.t, r, run.angular, run.travel, 3.0);
            ASSERT_EQ(d.size(), today.size());
            for (std::size_t i = 0; i < d.size(); ++i) ASSERT_EQ(d[i], today[i]) << "cell " << i;
        }
    }
}

// Charge conservation with a profile: the annulus volume x n = I_ion/e Y t (as
// ErosionFrontTest's rotary case: 0.25 mm grid, midpoint-sum error 3e-7; tolerance 1e-6).
TEST(AlongTrackErosion, EndBoostConservesTheErodedVolume) {
    RacetrackSpec r = rotarySpec();
    r.alongTrack = endBoost(0.4, 0.05);
    ErosionCase c = makeErosionCase(kTube, r, 0.005, "none");
    ErosionSettings s;
    s.gridSpacingM = 0.25e-3;
    s.rotaryAngularCells = 4;
    ErosionFront f(*c.flux, *c.rate, s);
    const double tEnd = 5.0 * 3600.0;
    while (f.time() < tEnd) f.step(tEnd - f.time(), 1.0);
    const double R = 0.040;
    double volume = 0.0;
    for (double d : f.depth()) volume += 0.5 * (R * R - (R - d) * (R - d)) * f.grid().dv() * f.grid().du();
    const double expected = c.supply.ionsPerSecond * c.rate->normalYield() * tEnd;
    EXPECT_NEAR(volume * c.rate->atomicDensityPerM3() / expected, 1.0, 1e-6);
    // The boosted ends erode faster: depth at the straight's end / middle = 1 + gain.
    const auto& g = f.grid();
    double middle = 0, end = 0;
    for (std::size_t i = 0; i < g.nu(); ++i) {
        if (std::abs(g.u(i)) < 0.5e-3) middle = f.depth()[i];
        if (std::abs(g.u(i) + 0.1) < 0.2e-3) end = f.depth()[i];
    }
    EXPECT_NEAR(end / middle, 1.4, 0.01);  // the cell centre sits up to 0.125 mm off the end
}

// A table sampled every 2 mm from the end boost: angular law none on a flat-start tube, so
// the depth is flux x time x Y/n and the depths differ by the flux difference, < 2x the
// linear-interpolation bound h^2 G pi^2 / (16 l^2) (AlongTrackProfileTest).
TEST(AlongTrackErosion, TableEqualToTheEndBoostErodesTheSame) {
    const double G = 0.4, l = 0.05, h = 0.002;
    RacetrackSpec a = rotarySpec(), b = rotarySpec();
    a.alongTrack = endBoost(G, l);
    b.alongTrack = tableOf(a.alongTrack, a.straightLengthM, h);
    const auto da = erodedDepths(kTube, a, "none", 0.0, 2.0), db = erodedDepths(kTube, b, "none", 0.0, 2.0);
    const double bound = h * h * G * kPi * kPi / (16 * l * l);
    double worst = 0, peak = 0;
    for (double d : da) peak = std::max(peak, d);
    for (std::size_t i = 0; i < da.size(); ++i)
        if (da[i] > 1e-3 * peak) worst = std::max(worst, std::abs(db[i] / da[i] - 1.0));
    EXPECT_LT(worst, 2 * bound);
    EXPECT_GT(worst, 0.0);
}
