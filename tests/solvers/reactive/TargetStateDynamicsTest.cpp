// The time-dependent target balance (solvers/reactive/TargetStateDynamics.hpp) against three
// outside references: the analytic relaxation of the target equation at fixed pressure, the
// steady states of Berg's closed-form model (BergModel, an independent code path) on the
// branch the flow history leads to, and the conservation of reactive atoms and of compound.
#include "boundary/materials/MaterialLibrary.hpp"
#include "boundary/util/PhysicalConstants.hpp"
#include "solvers/reactive/BergModel.hpp"
#include "solvers/reactive/ReactiveProcess.hpp"
#include "solvers/reactive/TargetStateDynamics.hpp"

#include "tests/solvers/reactive/ReactiveTestChamber.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace magtwin {
namespace {

// The Ti/N2 chamber of BergModelTest (ReactiveTestChamber.hpp).
BergParameters tiN2(double pumpingSpeedM3PerS) { return tiN2Setup(pumpingSpeedM3PerS).parameters; }

/// Runs at `flow` from `s` long enough to settle: 5000 target time constants. The collector's
/// time constant n_0 A_c / (its rates) is about A_c / A_t = 22 times the target's here, so this
/// is > 200 of the slower one (e^-200).
ReactiveSurfaceState settle(const TargetStateDynamics& d, ReactiveSurfaceState s, double flow) {
    const double tau = std::max(d.targetTimeConstantS(0.0), d.targetTimeConstantS(d.partialPressurePa(s, flow)));
    for (int i = 0; i < 50; ++i) s = d.advance(s, flow, 100.0 * tau);
    return s;
}

TEST(TargetStateDynamics, RelaxesAtFixedPressureWithTheAnalyticTimeConstant) {
    // A pumping speed 1e4 times the uptake conductance fixes p = Q_0 k T / S (the surfaces
    // take < 1e-4 of the flow), so the target equation is linear with constant coefficients:
    // theta_t(t) = theta_inf (1 - exp(-t / tau)), tau = n_0 / (n_f alpha_t F + (J/q) Y_c).
    BergParameters p = tiN2(0.0);
    const double gA = p.targetAreaM2 / std::sqrt(2.0 * kPi * p.gasMoleculeMassKg * kBoltzmannJPerK * p.temperatureK);
    p.pumpingSpeedM3PerS = 1e4 * kBoltzmannJPerK * p.temperatureK * gA * (1.0 + p.collectorAreaM2 / p.targetAreaM2);
    const TargetStateDynamics d(p);
    const BergModel berg(p);
    const double pressure = berg.pressureScalePa();  // theta_inf = 1/2 there
    const double q0 = pressure * p.pumpingSpeedM3PerS / (kBoltzmannJPerK * p.temperatureK);
    const double tau = d.targetTimeConstantS(pressure);
    const ReactiveSurfaceState s = d.advance({}, q0, tau);
    // 1e-3: the uptake's share of the flow (< 1e-4 of it moves p) plus the step's splitting error
    EXPECT_NEAR(s.thetaTarget, 0.5 * (1.0 - std::exp(-1.0)), 1e-3);
    EXPECT_NEAR(d.partialPressurePa(s, q0), pressure, 1e-3 * pressure);
    // the site density is one monolayer of TiN: n^(2/3)
    EXPECT_DOUBLE_EQ(d.siteDensityPerM2(), std::pow(p.compoundFormulaDensityPerM3, 2.0 / 3.0));
}

TEST(TargetStateDynamics, AFlowStepAcrossTheHysteresisEndsOnBergsSteadyStateOfTheHistorysBranch) {
    const double sCrit = BergModel(tiN2(0.0)).criticalPumpingSpeed();
    const BergParameters p = tiN2(0.5 * sCrit);
    const BergModel berg(p);
    const TargetStateDynamics d(p);
    const std::vector<double> turns = berg.turningPoints();
    ASSERT_EQ(turns.size(), 2u);
    const double qLow = berg.stateAt(turns[1]).supplyPerS;   // lower critical flow (compound -> metal)
    const double qHigh = berg.stateAt(turns[0]).supplyPerS;  // upper critical flow (metal -> compound)
    ASSERT_LT(qLow, qHigh);
    const double qInside = 0.5 * (qLow + qHigh);
    const std::vector<BergState> inside = berg.statesAtFlow(qInside);
    ASSERT_EQ(inside.size(), 3u);

    // Up from metal to inside the loop: stays on the metal branch (the first stable root).
    ReactiveSurfaceState s = settle(d, {}, qInside);
    // 1e-6: the settled state (e^-200, above) and the bisection of BergModel
    EXPECT_NEAR(s.thetaTarget, inside.front().thetaTarget, 1e-6);
    EXPECT_NEAR(s.thetaCollector, inside.front().thetaCollector, 1e-6);
    EXPECT_NEAR(d.partialPressurePa(s, qInside), inside.front().partialPressurePa,
                1e-6 * inside.back().partialPressurePa);
    // Above the upper critical flow: the only state is compound; the step crosses the loop.
    const double qAbove = 1.05 * qHigh;
    s = settle(d, s, qAbove);
    const std::vector<BergState> above = berg.statesAtFlow(qAbove);
    ASSERT_EQ(above.size(), 1u);
    EXPECT_NEAR(s.thetaTarget, above.front().thetaTarget, 1e-6);
    EXPECT_GT(s.thetaTarget, 0.5);
    // Back inside the loop: stays compound (the last stable root), the other branch from before.
    s = settle(d, s, qInside);
    EXPECT_NEAR(s.thetaTarget, inside.back().thetaTarget, 1e-6);
    // Below the lower critical flow: back to metal.
    const double qBelow = 0.95 * qLow;
    s = settle(d, s, qBelow);
    const std::vector<BergState> below = berg.statesAtFlow(qBelow);
    ASSERT_EQ(below.size(), 1u);
    EXPECT_NEAR(s.thetaTarget, below.front().thetaTarget, 1e-6);
    EXPECT_LT(s.thetaTarget, 0.5);
    // The rate factor there is Berg's deposition rate over the metallic one (B&N eq. 13).
    EXPECT_NEAR(d.rateFactor(s) * p.ionsPerSecond * p.metalYield, below.front().metalAtomsPerS,
                1e-6 * below.front().metalAtomsPerS);
}

TEST(TargetStateDynamics, ReactiveAtomsAndTargetCompoundAreConserved) {
    const double sCrit = BergModel(tiN2(0.0)).criticalPumpingSpeed();
    const BergParameters p = tiN2(0.5 * sCrit);
    const BergModel berg(p);
    const TargetStateDynamics d(p);
    const double q = 1.2 * berg.stateAt(berg.turningPoints()[0]).supplyPerS;  // poisons the target
    ReactiveAdvanceTally t;
    ReactiveSurfaceState s;
    const double tau = d.targetTimeConstantS(0.0);
    for (int i = 0; i < 40; ++i) s = d.advance(s, q, tau, &t);
    ASSERT_GT(s.thetaTarget, 0.5);
    // Compound on the target: n_0 A_t theta_t = formed - eroded, exactly (the closed-form
    // integrals of each step); 1e-9: rounding over the sum of the steps.
    const double stored = d.siteDensityPerM2() * p.targetAreaM2 * s.thetaTarget;
    EXPECT_NEAR(t.targetFormedFormulaUnits - t.targetErodedFormulaUnits, stored, 1e-9 * t.targetFormedFormulaUnits);
    // Reactive gas: supplied = pumped + taken up by target and collector. The gas balance
    // holds at each step's mean state; the uptake integrates the state over the step, so
    // the residual is the step's second-order splitting error: 1e-3 of the supply.
    const double out = t.pumpedMolecules + t.targetUptakeMolecules + t.collectorUptakeMolecules;
    EXPECT_NEAR(out, t.suppliedMolecules, 1e-3 * t.suppliedMolecules);
    EXPECT_NEAR(t.timeS, 40 * tau, 1e-9 * t.timeS);
}

TEST(TargetStateDynamics, ResolvedAlongTheRacetrackItEndsOnTheResolvedSteadyStateOfTheBranch) {
    // The target resolved along a Gaussian track (RacetrackPoisoning, the closed-form steady
    // states of the same balances: an independent code path). Half its critical pumping speed
    // gives a hysteresis.
    const BergParameters p0 = tiN2(0.0);
    const double sCrit = RacetrackPoisoning(p0, gaussianTrack(p0)).criticalPumpingSpeed();
    ASSERT_GT(sCrit, 0.0);
    const BergParameters p = tiN2(0.5 * sCrit);
    const RacetrackPoisoning track(p, gaussianTrack(p));
    const TargetStateDynamics d(p, 0.0, gaussianTrack(p));
    const std::vector<double> turns = track.turningPoints();
    ASSERT_EQ(turns.size(), 2u);
    const double qInside = 0.5 * (track.stateAt(turns[0]).supplyPerS + track.stateAt(turns[1]).supplyPerS);
    const std::vector<BergState> inside = track.statesAtFlow(qInside);
    ASSERT_EQ(inside.size(), 3u);
    // From a clean target: the metal branch; 1e-6 as above (settled to e^-200).
    ReactiveSurfaceState s = settle(d, {}, qInside);
    EXPECT_NEAR(s.thetaTarget, inside.front().thetaTarget, 1e-6);
    EXPECT_NEAR(s.thetaCollector, inside.front().thetaCollector, 1e-6);
    ASSERT_EQ(s.thetaPatches.size(), track.patches().size());
    // each patch at its local closed form (the centre, highest flux, least poisoned)
    const double pMetal = inside.front().partialPressurePa;
    for (std::size_t i = 0; i < s.thetaPatches.size(); ++i)
        EXPECT_NEAR(s.thetaPatches[i], track.localTheta(track.patches()[i].ionFluxPerM2S, pMetal), 1e-6) << i;
    // The rate factor: the resolved deposition (B&N eq. 13 summed) over the metallic target's.
    EXPECT_NEAR(d.rateFactor(s) * p.ionsPerSecond * p.metalYield, inside.front().metalAtomsPerS,
                1e-6 * inside.front().metalAtomsPerS);
    // From a poisoned target: the compound branch.
    ReactiveSurfaceState poisoned;
    poisoned.thetaTarget = poisoned.thetaCollector = 1.0;
    s = settle(d, poisoned, qInside);
    EXPECT_NEAR(s.thetaTarget, inside.back().thetaTarget, 1e-6);
    // The resolved target's compound is conserved patch by patch, summed (as for one patch).
    ReactiveAdvanceTally t;
    ReactiveSurfaceState c =
        d.advance({}, 1.2 * track.stateAt(turns[0]).supplyPerS, 40 * d.targetTimeConstantS(0.0), &t);
    double stored = 0.0;
    for (std::size_t i = 0; i < c.thetaPatches.size(); ++i)
        stored += d.siteDensityPerM2() * track.patches()[i].areaM2 * c.thetaPatches[i];
    EXPECT_NEAR(t.targetFormedFormulaUnits - t.targetErodedFormulaUnits, stored, 1e-9 * t.targetFormedFormulaUnits);
}

TEST(TargetStateDynamics, BadInputIsRefused) {
    const BergParameters p = tiN2(0.05);
    EXPECT_THROW(TargetStateDynamics(p, -1.0), std::invalid_argument);
    const TargetStateDynamics d(p);
    EXPECT_THROW(d.advance({}, -1.0, 1.0), std::invalid_argument);
    EXPECT_THROW(d.advance({}, 1.0, -1.0), std::invalid_argument);
    BergParameters bad = p;
    bad.ionsPerSecond = 0.0;
    EXPECT_THROW(TargetStateDynamics{bad}, std::invalid_argument);
}

}  // namespace
}  // namespace magtwin
