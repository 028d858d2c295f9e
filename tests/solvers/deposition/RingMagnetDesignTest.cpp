// RingMagnetDesign: a design's evaluation (ringMagnetRun: the plain `deposit` run of the
// design) against an independent path built by hand from the design's numbers (the ring
// source of RacetrackSources, the discharge's atom rate, the direct view-factor sum, the
// wafer rotation), the fit rule against its closed form, and the search on a small chamber.
#include "boundary/materials/MaterialLibrary.hpp"
#include "solvers/deposition/RingMagnetDesign.hpp"

#include "boundary/elements/ElementTable.hpp"

#include "tests/solvers/chamber/TestCathodes.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace magtwin;

namespace {

/// A 100 mm Cu target (radius 50 mm) with a magnet rotating 8 mm off the axis over a 100 mm
/// "wafer" on a 2 mm grid, 20 s rotation: small enough for the direct sum.
DepositCase smallRotatingMagnetChamber() {
    CathodeSpec k = test::moCathode(CathodeKind::PlanarCircular, 2000, 0.006, 0.004);
    k.name = "disc";
    k.target.material = MaterialLibrary::builtin().get("Cu");
    k.discharge.voltageV = 500;
    k.position = {0, 0, 0.08};
    k.geometry.radiusM = 0.05;
    k.magnets.track.ringRadiusM = 0.025;
    k.magnets.motion.kind = MagnetMotion::Kind::Rotating;
    k.magnets.motion.offsetM = k.magnets.track.magnetOffsetM = 0.008;
    k.meshPitchM = 0.002;
    CathodeGroup g = test::group(k);
    DepositCase c;
    c.file = "small_chamber";
    c.substrateName = "wafer";
    c.substrate = Substrate::wafer300mm();
    c.substrate.sizeXM = c.substrate.sizeYM = 0.10;
    c.substrate.pitchM = 0.002;
    c.motion.kind = SubstrateMotion::Kind::WaferRotation;
    c.motion.timeS = 20;
    c.filmMaterial = MaterialLibrary::builtin().get("Cu");
    c.cathodes = {g};
    return c;
}

}  // namespace

// The design (ring 20 mm, sigma 3 mm, throw 60 mm, offset 10 mm) by hand: its ring source at
// N = P Y / (V (1 + gamma_SE) e) atoms/s, the direct sum, the rotation average, the film.
// The run uses the fast transport: its error bound is 1e-3 of the mean per point
// (FastUsedTargetTest's acceptance; FastConvolutionTransport.hpp), so the mean agrees to
// 1e-3 and U = 100 (max - min)/(max + min) to 100 x 1e-3 = 0.1 percentage points.
TEST(RingMagnetDesign, EvaluationEqualsTheDesignBuiltByHand) {
    const DepositCase c = smallRotatingMagnetChamber();
    const RingMagnetDesign d{0.020, 0.003, 0.060, 0.010};
    const DepositRun run = ringMagnetRun(c, d, 0.002);
    PlanarCircularTarget t;
    t.centre = {0, 0, 0.060};
    t.radiusM = 0.05;
    t.trackRadiusM = 0.020;
    t.sigmaM = 0.003;
    t.magnetOffsetM = 0.010;
    t.pitchM = 0.002;
    const CathodeGroup& g = c.cathodes.front();
    const double atomsPerSecond = sputteredAtomsPerJoule(g.discharge) * g.powerW;
    const EmissionSource s = planarCircularSource(t, atomsPerSecond, makeAngularDistribution("cosine"));
    Substrate sub = c.substrate;
    const SubstrateGrid grid = sampleSubstrate(sub);
    const std::vector<double> f = exposureFluence({s}, grid, c.motion, TransportMethod::Direct);
    const double n = ElementTable::builtin().get("Cu").atomicDensityPerM3();
    const UniformityReport ref = uniformity(thicknessNm(f, n), grid.inUniformityArea, 3.0);
    EXPECT_NEAR(run.uniformity.meanNm, ref.meanNm, 1e-3 * ref.meanNm);
    EXPECT_NEAR(run.uniformity.rangePct, ref.rangePct, 0.1);
    const RingMagnetFigures fig = ringMagnetFigures(run, d);
    EXPECT_NEAR(fig.rateNmS, run.uniformity.meanNm / 20, 1e-12 * fig.rateNmS);
}

// The erosion engine's rule in closed form: a + e + sigma sqrt(2 ln 100) <= R (the Gaussian
// falls to 1 % at sqrt(2 ln 100) = 3.0349 sigma).
TEST(RingMagnetDesign, TrackFitsExactlyUpToTheFootprint) {
    const CathodeGroup g = smallRotatingMagnetChamber().cathodes.front();
    const double sigma = 0.004, e = 0.008, reach = sigma * std::sqrt(2 * std::log(100.0));
    const double aMax = 0.05 - e - reach;
    EXPECT_TRUE(ringTrackFits(g, {aMax - 1e-7, sigma, 0.1, e}));
    EXPECT_FALSE(ringTrackFits(g, {aMax + 1e-7, sigma, 0.1, e}));
    EXPECT_TRUE(
        ringTrackFits(g, {aMax + e - 1e-7, sigma, 0.1, 0.0}));  // a fixed magnet: the offset's room is the ring's
}

// The search on the small chamber: deterministic, every design feasible and in its bounds,
// the best at the substrate's pitch no worse than the tool's own design, and a case with the
// best design (withRingMagnetDesign) runs to the reported U exactly (the same run).
TEST(RingMagnetDesign, SearchFindsFeasibleDesignsItReproduces) {
    const DepositCase c = smallRotatingMagnetChamber();
    RingMagnetBounds b = defaultRingMagnetBounds(c);
    EXPECT_NEAR(b.ringHiM, 0.05 - 0.008, 1e-15);
    EXPECT_EQ(b.offsetLoM, 0.008);
    EXPECT_EQ(b.offsetHiM, 0.008);
    b.sigmaLoM = 0.003, b.sigmaHiM = 0.006, b.throwLoM = 0.04, b.throwHiM = 0.12;
    const RingMagnetSearch s = searchRingMagnet(c, b);
    ASSERT_FALSE(s.best.empty());
    for (const RingMagnetFigures& f : s.best) {
        EXPECT_TRUE(ringTrackFits(c.cathodes.front(), f.design));
        EXPECT_GE(f.design.throwM, b.throwLoM);
        EXPECT_LE(f.design.throwM, b.throwHiM);
        EXPECT_EQ(f.design.offsetM, 0.008);
        EXPECT_GE(f.u.rangePct, s.best.front().u.rangePct);
    }
    EXPECT_LE(s.best.front().u.rangePct, s.toolDesign.u.rangePct);
    const DepositRun again = runDeposition(withRingMagnetDesign(c, s.best.front().design), 0.0, "fast");
    EXPECT_EQ(again.uniformity.rangePct, s.best.front().u.rangePct);
    EXPECT_EQ(searchRingMagnet(c, b).best.front().design.ringM, s.best.front().design.ringM);
    // A fixed magnet cannot have its offset searched.
    DepositCase fixed = c;
    fixed.cathodes.front().cathode.magnets.track.magnetOffsetM = 0;
    fixed.cathodes.front().cathode.magnets.motion = MagnetMotion{};
    RingMagnetBounds withOffset = defaultRingMagnetBounds(fixed);
    withOffset.offsetHiM = 0.01;
    EXPECT_THROW(searchRingMagnet(fixed, withOffset), std::invalid_argument);
}
