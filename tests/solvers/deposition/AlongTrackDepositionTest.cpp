// Deposition with an along-track flux profile: the racetrack sources (RacetrackSources)
// of a uniform profile are today's element for element, bitwise, and so is the film
// (direct view-factor sum); a table equal to the end boost emits as the end boost to the
// linear-interpolation error; the end boost moves atoms to the ends without changing
// the emitted rate.
#include "solvers/deposition/EmissionAngularDistribution.hpp"
#include "solvers/deposition/LineOfSightTransport.hpp"
#include "solvers/deposition/RacetrackSources.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <memory>

using namespace magtwin;

namespace {

AlongTrackProfile endBoost(double gain, double length) { return AlongTrackProfile::endBoost(gain, length); }

RotaryTube tube() {
    RotaryTube t;
    t.lengthM = 1.2;
    t.outerRadiusM = 0.076;
    t.axisZ = 0.25;
    t.track.separationM = 0.1;
    t.track.sigmaM = 0.008;
    t.track.straightLengthM = 1.0;
    t.track.turnaroundEnhancement = 1.3;
    t.axialPitchM = 0.01;
    t.angularPitchRad = 0.05;
    return t;
}

PlanarRectTarget rect() {
    PlanarRectTarget p;
    p.lengthM = 0.8;
    p.widthM = 0.2;
    p.track.separationM = 0.1;
    p.track.sigmaM = 0.008;
    p.track.straightLengthM = 0.6;
    p.track.turnaroundEnhancement = 1.2;
    p.pitchM = 0.005;
    return p;
}

std::vector<Eigen::Vector3d> line(double halfY) {
    std::vector<Eigen::Vector3d> pts;
    for (int i = 0; i <= 40; ++i) pts.emplace_back(0.03, -halfY + i * 2 * halfY / 40, 0.0);
    return pts;
}

}  // namespace

TEST(AlongTrackDeposition, ProfileOneGivesTodaysSourcesAndFilmBitForBit) {
    // Bitwise: the flux factors are exactly 1.0 and the peak used to scale the elements is
    // the same double (RacetrackSources: straightPeak), so nothing changes.
    const std::shared_ptr<const EmissionAngularDistribution> law = makeAngularDistribution("cosine");
    AlongTrackProfile ones;
    ones.shape = AlongTrackProfile::Shape::Table;
    ones.points = {{0.0, 1.0}, {0.5, 1.0}, {1.0, 1.0}};
    const EmissionSource todayTube = rotaryTubeSource(tube(), 1e18, law);
    const EmissionSource todayRect = planarRectSource(rect(), 1e18, law);
    const auto filmTube = lineOfSightFlux({todayTube}, line(0.6));
    const auto filmRect = lineOfSightFlux({todayRect}, line(0.4));
    for (const AlongTrackProfile& a : {endBoost(0.0, 0.1), ones}) {
        RotaryTube t = tube();
        t.track.alongTrack = a;
        PlanarRectTarget p = rect();
        p.track.alongTrack = a;
        const EmissionSource st = rotaryTubeSource(t, 1e18, law), sp = planarRectSource(p, 1e18, law);
        ASSERT_EQ(st.elements.size(), todayTube.elements.size());
        for (std::size_t i = 0; i < st.elements.size(); ++i)
            ASSERT_EQ(st.elements[i].fluxAtomsM2S, todayTube.elements[i].fluxAtomsM2S);
        ASSERT_EQ(sp.elements.size(), todayRect.elements.size());
        for (std::size_t i = 0; i < sp.elements.size(); ++i)
            ASSERT_EQ(sp.elements[i].fluxAtomsM2S, todayRect.elements[i].fluxAtomsM2S);
        const auto ft = lineOfSightFlux({st}, line(0.6)), fp = lineOfSightFlux({sp}, line(0.4));
        for (std::size_t i = 0; i < ft.size(); ++i) ASSERT_EQ(ft[i], filmTube[i]);
        for (std::size_t i = 0; i < fp.size(); ++i) ASSERT_EQ(fp[i], filmRect[i]);
    }
}

TEST(AlongTrackDeposition, TableEqualToTheEndBoostEmitsTheSame) {
    // Linear interpolation bound h^2 G pi^2 / (16 l^2) on A; element fluxes are A g / A_loop
    // renormalised to the same atom rate, so they differ by < 2x the bound.
    const double G = 0.3, l = 0.2, h = 0.01;
    RotaryTube a = tube(), b = tube();
    a.track.alongTrack = endBoost(G, l);
    const double straight = a.track.straightLengthM;
    b.track.alongTrack.shape = AlongTrackProfile::Shape::Table;
    b.track.alongTrack.pointsInMillimetres = true;
    for (double c = 0.0; c <= straight + 1e-12; c += h)
        b.track.alongTrack.points.push_back({c * 1e3, a.track.alongTrack.factor(-0.5 * straight + c, straight)});
    const std::shared_ptr<const EmissionAngularDistribution> law = makeAngularDistribution("cosine");
    const EmissionSource sa = rotaryTubeSource(a, 1e18, law), sb = rotaryTubeSource(b, 1e18, law);
    ASSERT_EQ(sa.elements.size(), sb.elements.size());
    double worst = 0;
    for (std::size_t i = 0; i < sa.elements.size(); ++i)
        worst = std::max(worst, std::abs(sb.elements[i].fluxAtomsM2S / sa.elements[i].fluxAtomsM2S - 1.0));
    EXPECT_LT(worst, 2 * h * h * G * M_PI * M_PI / (16 * l * l));
    EXPECT_GT(worst, 0.0);
}

TEST(AlongTrackDeposition, EndBoostRaisesTheFilmNearTheEndsAtTheSameRate) {
    const std::shared_ptr<const EmissionAngularDistribution> law = makeAngularDistribution("cosine");
    RotaryTube boosted = tube();
    boosted.track.alongTrack = endBoost(0.3, 0.2);
    const EmissionSource s0 = rotaryTubeSource(tube(), 1e18, law), s1 = rotaryTubeSource(boosted, 1e18, law);
    EXPECT_NEAR(s1.totalAtomsPerSecond() / s0.totalAtomsPerSecond(), 1.0, 1e-12);  // normalised to the rate
    const auto f0 = lineOfSightFlux({s0}, line(0.5)), f1 = lineOfSightFlux({s1}, line(0.5));
    // Film at y = +-0.5 m (under the boosted ends) up relative to the centre.
    EXPECT_GT(f1.front() / f1[20], 1.05 * f0.front() / f0[20]);
    EXPECT_GT(f1.back() / f1[20], 1.05 * f0.back() / f0[20]);
}
