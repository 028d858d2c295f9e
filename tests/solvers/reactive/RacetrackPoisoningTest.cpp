// Poisoning resolved along the racetrack (solvers/reactive/RacetrackPoisoning.hpp) against
// Berg's uniform model (BergModel, an independent implementation of the same balances), the
// closed form of the local target balance (B&N eq. 3 with the local flux) and the history rule
// of flow control (S. Berg, T. Nyberg, Thin Solid Films 476 (2005) 215, Section 4).
#include "boundary/materials/MaterialLibrary.hpp"
#include "boundary/util/PhysicalConstants.hpp"
#include "solvers/reactive/BergModel.hpp"
#include "solvers/reactive/RacetrackPoisoning.hpp"
#include "solvers/reactive/ReactiveProcess.hpp"

#include "tests/solvers/reactive/ReactiveTestChamber.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace magtwin {
namespace {

// The Ti/N2 chamber of BergModelTest (ReactiveTestChamber.hpp).
BergParameters tiN2(double pumpingSpeedM3PerS) { return tiN2Setup(pumpingSpeedM3PerS).parameters; }

/// Relative difference.
double rel(double a, double b) { return std::abs(a - b) / std::max(std::abs(a), std::abs(b)); }

/// A uniform profile (n equal patches) against BergModel at every pressure scale, its turning
/// points, states inside the hysteresis and critical pumping speed.
void expectBergsModel(const BergParameters& p) {
    const BergModel berg(p);
    for (int n : {1, 7}) {
        const RacetrackPoisoning resolved(p, RacetrackPoisoning::uniformPatches(p, n));
        // One patch: the same expressions in the same order, so equal to the last bits but for
        // R (summed in another order); 7 equal patches: sums of 7 terms, round-off only
        // (1e-12 is ~ 5000 ulp, far below any physics difference).
        for (double scale = 1e-3; scale < 1e3; scale *= 1.7) {
            const double pr = scale * berg.pressureScalePa();
            const BergState a = berg.stateAt(pr), b = resolved.stateAt(pr);
            EXPECT_LT(rel(a.thetaTarget, b.thetaTarget), 1e-12) << n << " " << pr;
            EXPECT_LT(rel(a.thetaCollector, b.thetaCollector), 1e-12) << n << " " << pr;
            EXPECT_LT(rel(a.supplyPerS, b.supplyPerS), 1e-12) << n << " " << pr;
            EXPECT_LT(std::abs(a.slopePerSPerPa - b.slopePerSPerPa), 1e-12 * std::abs(a.supplyPerS / pr))
                << n << " " << pr;
            EXPECT_LT(rel(a.rateMPerS, b.rateMPerS), 1e-12) << n << " " << pr;
        }
        // Turning points: two bisections of the same slope to ~1e-15 relative.
        const std::vector<double> ta = berg.turningPoints(), tb = resolved.turningPoints();
        ASSERT_EQ(ta.size(), 2u);
        ASSERT_EQ(tb.size(), 2u);
        for (int k = 0; k < 2; ++k) EXPECT_LT(rel(ta[k], tb[k]), 1e-9) << n;
        // Inside the hysteresis: three states (stable, unstable, stable), the same roots.
        const double q = 0.5 * (berg.stateAt(ta[0]).supplyPerS + berg.stateAt(ta[1]).supplyPerS);
        const std::vector<BergState> sa = berg.statesAtFlow(q), sb = resolved.statesAtFlow(q);
        ASSERT_EQ(sa.size(), 3u);
        ASSERT_EQ(sb.size(), 3u);
        for (int k = 0; k < 3; ++k) {
            EXPECT_LT(rel(sa[k].partialPressurePa, sb[k].partialPressurePa), 1e-9) << n << " " << k;
            EXPECT_EQ(sa[k].stable, sb[k].stable);
        }
        // S_crit: two golden-section searches of the same minimum (different grids); the
        // minimum is flat to second order, so the value agrees far closer than its location.
        EXPECT_LT(rel(berg.criticalPumpingSpeed(), resolved.criticalPumpingSpeed()), 1e-9) << n;
    }
}

TEST(RacetrackPoisoning, AUniformFluxProfileIsBergsModel) { expectBergsModel(tiN2(0.05)); }

TEST(RacetrackPoisoning, AUniformFluxProfileIsBergsModelWithImplantation) {
    // RSD's implantation (BergModel.hpp, extension 2) resolved locally: with one flux it is
    // BergModel's term. The working gas at 0.3 Pa puts f_R between 1e-3 and 0.5 over the curve.
    BergParameters p = tiN2(0.05);
    p.implantation = true;
    p.inertPartialPressurePa = 0.3;
    expectBergsModel(p);
    // and it moves the curve (a control: the term is not a no-op)
    BergParameters off = p;
    off.implantation = false;
    EXPECT_GT(rel(BergModel(p).turningPoints().front(), BergModel(off).turningPoints().front()), 1e-3);
}

TEST(RacetrackPoisoning, TheTrackCentreStaysMetallicLongerThanItsFlanks) {
    const BergParameters p = tiN2(0.05);
    const RacetrackPoisoning m(p, gaussianTrack(p));
    const double jMax = m.patches().back().ionFluxPerM2S, jFlank = m.patches()[m.patches().size() / 2].ionFluxPerM2S;
    ASSERT_LT(jFlank, jMax);
    // Closed form of the local balance (B&N eq. 3 with J(x)), from the raw inputs here:
    // theta = n_f alpha F / (n_f alpha F + J Y_c), F = p / sqrt(2 pi m k T).
    const double nf = p.atomsPerMolecule / p.reactiveAtomsPerMetal;
    const double perPa = 1.0 / std::sqrt(2.0 * kPi * p.gasMoleculeMassKg * kBoltzmannJPerK * p.temperatureK);
    for (double pr : {1e-4, 1e-3, 1e-2}) {
        const double f = nf * p.stickingTarget * perPa * pr;
        for (double J : {jMax, jFlank}) EXPECT_NEAR(m.localTheta(J, pr), f / (f + J * p.compoundYield), 1e-14);
        EXPECT_LT(m.localTheta(jMax, pr), m.localTheta(jFlank, pr));
        // The area mean of the state is the mean of the local fractions.
        double mean = 0.0;
        for (const TargetPatch& t : m.patches()) mean += m.localTheta(t.ionFluxPerM2S, pr) * t.areaM2;
        EXPECT_NEAR(m.stateAt(pr).thetaTarget, mean / m.targetAreaM2(), 1e-14);
    }
}

TEST(RacetrackPoisoning, ResolvedGasBalanceSumsTheLocalUptakeAndMovesTheProcessCurve) {
    const BergParameters p = tiN2(0.05);
    const RacetrackPoisoning track(p, gaussianTrack(p));
    const BergModel uniform(p);
    EXPECT_NEAR(track.ionsPerSecond(), p.ionsPerSecond, 1e-12 * p.ionsPerSecond);
    const double pr = uniform.pressureScalePa();
    const BergState s = track.stateAt(pr);
    double qt = 0.0;  // Q_t = sum alpha F (1 - theta_i) dA_i, recomputed here
    const double F = pr / std::sqrt(2.0 * kPi * p.gasMoleculeMassKg * kBoltzmannJPerK * p.temperatureK);
    for (const TargetPatch& t : track.patches())
        qt += p.stickingTarget * F * (1.0 - track.localTheta(t.ionFluxPerM2S, pr)) * t.areaM2;
    EXPECT_NEAR(s.targetUptakePerS, qt, 1e-12 * qt);
    // The same ions on a peaked profile: the bare share 1 - theta = J Y_c / (f + J Y_c) is
    // concave in J, so by Jensen's inequality its area mean is below the uniform flux's: the
    // target takes up less gas at a given p, and the window moves.
    EXPECT_LT(s.targetUptakePerS, uniform.stateAt(pr).targetUptakePerS);
    const std::vector<double> tu = uniform.turningPoints(), tr = track.turningPoints();
    ASSERT_EQ(tu.size(), 2u);
    ASSERT_GE(tr.size(), 2u);
    EXPECT_GT(rel(uniform.stateAt(tu[0]).supplyPerS, track.stateAt(tr.front()).supplyPerS), 0.01);
    // Every state at a flow closes the gas balance Q_t + Q_c + Q_p = Q0 (bisection to round-off).
    const double q = track.stateAt(tr.front()).supplyPerS * 0.999;
    for (const BergState& st : track.statesAtFlow(q)) EXPECT_NEAR(st.supplyPerS, q, 1e-9 * q);
}

TEST(RacetrackPoisoning, TheHistoryPicksTheBranch) {
    const BergParameters p = tiN2(0.05);
    const RacetrackPoisoning m(p, gaussianTrack(p));
    const std::vector<double> t = m.turningPoints();
    ASSERT_EQ(t.size(), 2u);
    const double qLow = m.stateAt(t[1]).supplyPerS, qHigh = m.stateAt(t[0]).supplyPerS;  // window [qLow, qHigh]
    ASSERT_LT(qLow, qHigh);
    const double qIn = 0.5 * (qLow + qHigh);
    const std::vector<BergState> states = m.statesAtFlow(qIn);
    ASSERT_EQ(states.size(), 3u);
    const BergState metal = stateFromHistory(states, ReactiveApproach::FromMetal);
    const BergState compound = stateFromHistory(states, ReactiveApproach::FromCompound);
    EXPECT_EQ(metal.partialPressurePa, states.front().partialPressurePa);
    EXPECT_EQ(compound.partialPressurePa, states.back().partialPressurePa);
    EXPECT_LT(metal.thetaTarget, compound.thetaTarget);
    EXPECT_GT(metal.rateMPerS, compound.rateMPerS);
    // Ramps: up from 0 into the window stays metallic; up past the window and back into it
    // stays poisoned; back below the window returns to the metal branch (the only state there).
    const BergState up = stateAfterRamp(m, {0.0, 0.5 * qLow, qIn}, ReactiveApproach::FromMetal);
    EXPECT_EQ(up.partialPressurePa, metal.partialPressurePa);
    const BergState upDown = stateAfterRamp(m, {0.0, qIn, 1.5 * qHigh, qIn}, ReactiveApproach::FromMetal);
    EXPECT_EQ(upDown.partialPressurePa, compound.partialPressurePa);
    const BergState down = stateAfterRamp(m, {2.0 * qHigh, qIn, 0.5 * qLow}, ReactiveApproach::FromMetal);
    EXPECT_EQ(down.partialPressurePa, m.statesAtFlow(0.5 * qLow).front().partialPressurePa);
    // Outside the window the approach does not matter.
    const std::vector<BergState> one = m.statesAtFlow(0.5 * qLow);
    ASSERT_EQ(one.size(), 1u);
    EXPECT_EQ(stateFromHistory(one, ReactiveApproach::FromCompound).partialPressurePa, one[0].partialPressurePa);
    EXPECT_EQ(reactiveApproachFromName("from_compound"), ReactiveApproach::FromCompound);
    EXPECT_THROW(reactiveApproachFromName("metal"), std::invalid_argument);
}

TEST(RacetrackPoisoning, BadPatchesAreRefused) {
    const BergParameters p = tiN2(0.05);
    EXPECT_THROW(RacetrackPoisoning(p, {}), std::invalid_argument);
    EXPECT_THROW(RacetrackPoisoning(p, {{0.0, 1e20}}), std::invalid_argument);
    EXPECT_THROW(RacetrackPoisoning(p, {{1e-3, -1.0}}), std::invalid_argument);
    EXPECT_THROW(RacetrackPoisoning(p, {{1e-3, 0.0}}), std::invalid_argument);  // no ions at all
}

}  // namespace
}  // namespace magtwin
