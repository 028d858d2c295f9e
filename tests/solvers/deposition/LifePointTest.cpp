// Life points (LifeSweep.hpp: computeLifePoint, sweepLife) against an independent path: the
// emission layout of the eroded targets with the trims applied (buildEmission), transported
// whole by the direct view-factor sum (exposureFluence), not the per-cathode responses
// (CathodeResponses) that the life point combines; and the sweep's advancing erosion state
// against a fresh erosion at the same life (erodeCathodeGroups).
// Case: two planar Mo targets (300 x 120 mm, 6 mm thick, 3 kW each, 160 mm apart) 100 mm
// over a 300 x 200 mm plate on a 5 mm grid (the life-sweep command test's small case; end
// of life ~60-90 kWh), trims optimised.
#include "boundary/materials/MaterialLibrary.hpp"
#include "solvers/deposition/LifeSweep.hpp"

#include "boundary/elements/ElementTable.hpp"

#include <gtest/gtest.h>

#include "tests/solvers/chamber/TestCathodes.hpp"

#include <algorithm>
#include <cmath>

using namespace magtwin;

namespace {

DepositCase twoPlanarTargets() {
    // Two planar-rect Mo targets (300 x 120 mm, 6 mm thick) 100 mm above, 160 mm apart, 3 kW at
    // 450 V; stadium 200 mm straights 60 mm apart, sigma 6 mm, turnaround factor 1.2.
    CathodeSpec k = test::moCathode(CathodeKind::PlanarRect, 3000, 0.006, 0.006);
    k.name = "pair";
    k.position = {0.0, 0.0, 0.10};
    k.geometry.lengthM = 0.30;
    k.geometry.widthM = 0.12;
    k.meshPitchM = 0.003;
    test::stadium(k, 0.20, 0.06, 1.2);
    CathodeGroup g = test::group(k, 2, 0.16);
    DepositCase c;
    c.file = "two_planar_targets";
    c.substrateName = "glass";
    c.substrate.sizeXM = 0.30;
    c.substrate.sizeYM = 0.20;
    c.substrate.pitchM = 0.005;
    c.substrate.edgeExclusionM = 0.010;
    c.motion.kind = SubstrateMotion::Kind::Static;
    c.motion.timeS = 60;
    c.filmMaterial = MaterialLibrary::builtin().get("Mo");
    c.optimiseTrims = true;
    c.cathodes = {g};
    return c;
}

double maxRelativeDifference(const std::vector<double>& a, const std::vector<double>& b) {
    double mean = 0, worst = 0;
    for (double v : b) mean += v / double(b.size());
    for (std::size_t i = 0; i < a.size(); ++i) worst = std::max(worst, std::abs(a[i] - b[i]));
    return worst / mean;
}

}  // namespace

// At 20 kWh (about a third of the life): the fixed-trim map and the re-trimmed map equal the
// whole-layout direct transport of the eroded targets with those trims. Tolerance 1e-9 of the
// mean: the same sums in another order (a response per cathode, shifted by the array pitch,
// which is a whole number of grid cells), so only rounding differs.
TEST(LifePoint, EqualsTheWholeLayoutTransportAtAKnownLife) {
    const DepositCase c = twoPlanarTargets();
    const auto law = angularLaw(c);
    const SubstrateGrid grid = sampleSubstrate(c.substrate);
    const double kWh = 20;
    const std::vector<ErodedGroup> eroded = erodeCathodeGroups(c.cathodes, law, kWh);
    ASSERT_TRUE(eroded.front().eroded);
    const std::vector<double> fixedTrims{0.9, 1.2};
    std::vector<double> fixedMap, retrimmedMap;
    const LifePoint p =
        computeLifePoint(c, law, eroded, kWh, fixedTrims, grid, TransportMethod::Direct, fixedMap, retrimmedMap);
    ASSERT_EQ(p.trims.size(), 2u);
    const double n = ElementTable::builtin().get("Mo").atomicDensityPerM3();
    auto independent = [&](const std::vector<double>& trims) {
        const EmissionLayout layout = buildEmission(c.cathodes, law, kWh, trims, &eroded);
        return thicknessNm(exposureFluence(layout.sources, grid, c.motion, TransportMethod::Direct), n, c.sticking);
    };
    const std::vector<double> fixedRef = independent(fixedTrims), retrimmedRef = independent(p.trims);
    EXPECT_LT(maxRelativeDifference(fixedMap, fixedRef), 1e-9);
    EXPECT_LT(maxRelativeDifference(retrimmedMap, retrimmedRef), 1e-9);
    const UniformityReport u = uniformity(fixedRef, grid.inUniformityArea, c.uniformityTargetPct);
    EXPECT_NEAR(p.fixed.rangePct, u.rangePct, 1e-9 * u.rangePct);
    EXPECT_NEAR(p.fixed.meanNm, u.meanNm, 1e-9 * u.meanNm);
}

// The sweep erodes once, advancing from point to point; each point equals a fresh erosion
// at its life (the `deposit --life-kWh` path) with the same fixed recipe, and the end of life
// is the erosion engine's. Tolerance 1e-5 relative: the advancing state ends an erosion step at
// each intermediate point, so its steps to 30 kWh differ from a fresh erosion's (a time-step
// difference of the erosion engine: measured 1.1e-7 relative on U and mean at 30 kWh, 0 at the
// first two points); another recipe or life would differ by percent.
TEST(LifePoint, SweepEqualsFreshErosionAtEachPoint) {
    const DepositCase c = twoPlanarTargets();
    const auto law = angularLaw(c);
    const SubstrateGrid grid = sampleSubstrate(c.substrate);
    std::size_t seen = 0;
    const LifeSweepResult r = sweepLife(c, {0, 30, 3}, TransportMethod::Fast,
                                        [&](std::size_t i, const LifePoint& p, const SubstrateGrid& g,
                                            std::vector<double>& fixedNm, std::vector<double>&) {
                                            EXPECT_EQ(i, seen++);
                                            EXPECT_EQ(fixedNm.size(), g.grid.size());
                                            EXPECT_EQ(p.kWh, 15.0 * double(i));
                                        });
    ASSERT_EQ(r.points.size(), 3u);
    EXPECT_EQ(seen, 3u);
    EXPECT_NEAR(r.endOfLifeKWh, GroupErosion(c.cathodes.front()).endOfLifeKWh(), 1e-9 * r.endOfLifeKWh);
    EXPECT_EQ(r.fixedTrims, newTargetTrims(c, law, grid, TransportMethod::Fast));
    for (const LifePoint& p : r.points) {
        std::vector<double> a, b;
        const LifePoint fresh = computeLifePoint(c, law, erodeCathodeGroups(c.cathodes, law, p.kWh), p.kWh,
                                                 r.fixedTrims, grid, TransportMethod::Fast, a, b);
        EXPECT_NEAR(p.fixed.rangePct, fresh.fixed.rangePct, 1e-5 * fresh.fixed.rangePct) << p.kWh;
        EXPECT_NEAR(p.fixed.meanNm, fresh.fixed.meanNm, 1e-5 * fresh.fixed.meanNm) << p.kWh;
        EXPECT_NEAR(p.retrimmed.rangePct, fresh.retrimmed.rangePct, 1e-5 * fresh.retrimmed.rangePct) << p.kWh;
    }
}

TEST(LifePoint, SweepPastTheEndOfLifeIsRefusedNamingTheFile) {
    const DepositCase c = twoPlanarTargets();
    try {
        sweepLife(c, {0, 1e6, 2}, TransportMethod::Fast);
        FAIL() << "accepted a sweep past the end of life";
    } catch (const std::invalid_argument& e) {
        const std::string what = e.what();
        EXPECT_EQ(what.rfind("two_planar_targets: --life-sweep", 0), 0u) << what;
        EXPECT_NE(what.find("past the end of life"), std::string::npos) << what;
    }
}
