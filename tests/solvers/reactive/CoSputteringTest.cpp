// Two targets sharing one reactive gas balance (solvers/reactive/CoSputtering.hpp) against
// Berg's single-target model (BergModel, an independent implementation of the same balances):
// two identical targets of area A and ion flow I each are, analytically, one target of area 2A
// and ion flow 2I (the same ion flux J: every sum of B&N eqs. 6 and 9-12 doubles), and a
// target that does not react adds no uptake of its own.
#include "solvers/reactive/BergModel.hpp"
#include "solvers/reactive/CoSputtering.hpp"

#include "tests/solvers/reactive/ReactiveTestChamber.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace magtwin {
namespace {

double rel(double a, double b) { return std::abs(a - b) / std::max(std::abs(a), std::abs(b)); }

TEST(CoSputtering, TwoIdenticalCathodesAreOneCathodeOfDoubleArea) {
    for (double speed : {0.05, 0.5}) {  // with hysteresis and (S > S_crit of the double target) without
        const BergParameters one = tiN2Setup(speed).parameters;
        BergParameters doubled = one;
        doubled.targetAreaM2 *= 2.0;
        doubled.ionsPerSecond *= 2.0;
        const BergModel berg(doubled);
        const CoSputtering co(one, {coSputteredTarget(one), coSputteredTarget(one)});
        // 1e-12: the same closed forms summed in another order (round-off only)
        for (double scale = 1e-3; scale < 1e3; scale *= 1.7) {
            const double p = scale * berg.pressureScalePa();
            const BergState a = berg.stateAt(p), b = co.stateAt(p);
            EXPECT_LT(rel(a.thetaTarget, b.thetaTarget), 1e-12) << p;
            EXPECT_LT(rel(a.thetaCollector, b.thetaCollector), 1e-12) << p;
            EXPECT_LT(rel(a.supplyPerS, b.supplyPerS), 1e-12) << p;
            EXPECT_LT(std::abs(a.slopePerSPerPa - b.slopePerSPerPa), 1e-12 * std::abs(a.supplyPerS / p)) << p;
            EXPECT_LT(rel(a.metalAtomsPerS, b.metalAtomsPerS), 1e-12) << p;
            EXPECT_LT(rel(a.rateMPerS, b.rateMPerS), 1e-12) << p;
        }
        const std::vector<double> ta = berg.turningPoints(), tb = co.turningPoints();
        ASSERT_EQ(ta.size(), tb.size()) << speed;
        for (std::size_t k = 0; k < ta.size(); ++k) EXPECT_LT(rel(ta[k], tb[k]), 1e-9);
        // S_crit: golden-section searches of the same minimum on different grids
        EXPECT_LT(rel(berg.criticalPumpingSpeed(), co.criticalPumpingSpeed()), 1e-9) << speed;
        if (ta.size() == 2) {
            const double q = 0.5 * (berg.stateAt(ta[0]).supplyPerS + berg.stateAt(ta[1]).supplyPerS);
            const std::vector<BergState> sa = berg.statesAtFlow(q), sb = co.statesAtFlow(q);
            ASSERT_EQ(sa.size(), 3u);
            ASSERT_EQ(sb.size(), 3u);
            for (int k = 0; k < 3; ++k) EXPECT_LT(rel(sa[k].partialPressurePa, sb[k].partialPressurePa), 1e-9);
        }
    }
    // the doubled target has hysteresis at 0.05 m^3/s, none at 0.5 (a check of the two cases)
    BergParameters d = tiN2Setup(0.0).parameters;
    d.targetAreaM2 *= 2.0, d.ionsPerSecond *= 2.0;
    const double sCrit = BergModel(d).criticalPumpingSpeed();
    EXPECT_GT(sCrit, 0.05);
    EXPECT_LT(sCrit, 0.5);
}

TEST(CoSputtering, ASecondTargetThatDoesNotReactOnlyBuriesTheCollector) {
    // The Ti target with a second metal source of the same ion flow and yield that forms no
    // compound with the gas (as Zr under S2): the gas taken up by the targets is the Ti
    // target's alone, and the collector, buried by the extra metal, is less nitrided, so it
    // getters more: a higher flow holds the same partial pressure.
    const BergParameters ti = tiN2Setup(0.05).parameters;
    CoSputteredTarget inert = coSputteredTarget(ti);
    inert.reacts = false;
    const CoSputtering co(ti, {coSputteredTarget(ti), inert});
    const BergModel alone(ti);
    for (double scale : {0.1, 1.0, 10.0}) {
        const double p = scale * alone.pressureScalePa();
        const BergState a = alone.stateAt(p), b = co.stateAt(p);
        EXPECT_LT(rel(a.targetUptakePerS, b.targetUptakePerS), 1e-12) << p;
        EXPECT_LT(b.thetaCollector, a.thetaCollector) << p;
        EXPECT_GT(b.collectorUptakePerS, a.collectorUptakePerS) << p;
        EXPECT_GT(b.supplyPerS, a.supplyPerS) << p;
        // and the film's metal is both targets' (B&N eq. 13 summed): Ti's plus the inert target's
        EXPECT_LT(rel(b.metalAtomsPerS, a.metalAtomsPerS + ti.ionsPerSecond * ti.metalYield), 1e-12) << p;
    }
}

TEST(CoSputtering, TargetRateSharesSumToTheStateRate) {
    // Conservation: every metal atom on the collector comes from one target (B&N eq. 13 summed),
    // so the per-target shares add up to the state's rate; a target with twice the ion flow on
    // the same area, at the same p, sends twice the metal of the other only where both are
    // metallic (theta_k differ otherwise), so the test takes a stronger and a weaker target.
    const BergParameters ti = tiN2Setup(0.05).parameters;
    CoSputteredTarget strong = coSputteredTarget(ti);
    strong.ionsPerSecond *= 3.0;
    const CoSputtering co(ti, {coSputteredTarget(ti), strong});
    for (double scale = 1e-3; scale < 1e3; scale *= 3.1) {
        const double p = scale * co.pressureScalePa();
        const double sum = co.targetRateMPerS(0, p) + co.targetRateMPerS(1, p);
        // 1e-12: the same terms summed in another order (round-off only)
        EXPECT_LT(rel(sum, co.stateAt(p).rateMPerS), 1e-12) << p;
        EXPECT_GT(co.targetRateMPerS(1, p), co.targetRateMPerS(0, p)) << p;  // more ions, more metal
    }
}

TEST(CoSputtering, BadTargetsAreRefused) {
    const BergParameters ti = tiN2Setup(0.05).parameters;
    EXPECT_THROW(CoSputtering(ti, {}), std::invalid_argument);
    CoSputteredTarget bad = coSputteredTarget(ti);
    bad.areaM2 = 0.0;
    EXPECT_THROW(CoSputtering(ti, {bad}), std::invalid_argument);
    CoSputteredTarget otherX = coSputteredTarget(ti);
    otherX.reactiveAtomsPerMetal = 2.0;  // a second compound stoichiometry on one collector
    EXPECT_THROW(CoSputtering(ti, {coSputteredTarget(ti), otherX}), std::invalid_argument);
    CoSputteredTarget inert = coSputteredTarget(ti);
    inert.reacts = false;
    EXPECT_THROW(CoSputtering(ti, {inert}), std::invalid_argument);  // nothing reacts
}

}  // namespace
}  // namespace magtwin
