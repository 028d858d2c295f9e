// Erosion with an along-track flux profile (AlongTrackProfile via RacetrackFlux): A = 1
// gives today's depth maps bit for bit; with an end boost the eroded volume still equals
// the delivered ions x yield (charge conservation); a table sampled from the end boost
// erodes as the end boost to the interpolation error.
#include "boundary/util/PhysicalConstants.hpp"
#include "solvers/erosion/ErosionFront.hpp"
#include "tests/solvers/ErosionTestCase.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace magtwin;

namespace {

AlongTrackProfile endBoost(double gain, double length) { return AlongTrackProfile::endBoost(gain, length); }

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

/// Depth map after `hours`; `axial`: the cells' axial coordinates u (m), if wanted.
std::vector<double> erodedDepths(const TargetGeometry& t, const RacetrackSpec& r, const std::string& angular,
                                 double travel, double hours, std::vector<double>* axial = nullptr) {
    ErosionCase c = makeErosionCase(t, r, 0.005, angular);
    ErosionSettings s;
    s.gridSpacingM = 2e-3;
    s.rotaryAngularCells = 4;
    s.magnetTravelM = travel;
    ErosionFront f(*c.flux, *c.rate, s);
    while (f.time() < hours * 3600.0) f.step(hours * 3600.0 - f.time(), 1.0);
    if (axial)
        for (std::size_t i = 0; i < f.grid().nu(); ++i) axial->push_back(f.grid().u(i));
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

// The boosted ends erode faster: removed volume at the straight's end / middle = A there
// (angular law none). (Charge conservation with the profile:
// ErosionFrontTest.ConservationRotaryAngularOff.)
TEST(AlongTrackErosion, EndBoostErodesTheEndsFaster) {
    RacetrackSpec r = rotarySpec();
    r.alongTrack = endBoost(0.4, 0.05);
    std::vector<double> u;
    const std::vector<double> d = erodedDepths(kTube, r, "none", 0.0, 2.0, &u);
    // Row 0 of the tube grid (every row is the same): the cells nearest the middle and 1 mm
    // inside the straight's end.
    std::size_t mid = 0, end = 0;
    for (std::size_t i = 0; i < u.size(); ++i) {
        if (std::abs(u[i]) < std::abs(u[mid])) mid = i;
        if (std::abs(u[i] + 0.099) < std::abs(u[end] + 0.099)) end = i;
    }
    ASSERT_GT(d[mid], 0.0);
    ASSERT_LT(u[end], -0.09);  // inside the boost, > 1.3
    const double expected = r.alongTrack.factor(u[end], 0.2) / r.alongTrack.factor(u[mid], 0.2);
    // The removed annulus per original area, d - d^2 / (2 R), is flux x time x Y/n (every
    // cell takes the same steps: exact to rounding, 1e-9).
    const auto removed = [](double depth) { return depth - depth * depth / (2 * 0.040); };
    EXPECT_NEAR(removed(d[end]) / removed(d[mid]), expected, 1e-9);
    EXPECT_GT(expected, 1.39);
}

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
