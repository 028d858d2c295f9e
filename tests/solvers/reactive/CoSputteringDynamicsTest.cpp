// Several targets advanced in one gas balance (solvers/reactive/CoSputteringDynamics.hpp)
// against independent paths: one member is TargetStateDynamics (the single-target code);
// two identical targets of area A and ion flow I are, analytically, one target of area 2A and
// ion flow 2I (the same ion flux J, every sum of the balances doubles: as CoSputteringTest for
// the steady states); settled, the states are CoSputtering's closed-form steady states (a
// non-reacting member included); and the compound on each target and the reactive gas are
// conserved.
#include "solvers/reactive/BergModel.hpp"
#include "solvers/reactive/CoSputtering.hpp"
#include "solvers/reactive/CoSputteringDynamics.hpp"
#include "solvers/reactive/RacetrackPoisoning.hpp"
#include "solvers/reactive/TargetStateDynamics.hpp"

#include "tests/solvers/reactive/ReactiveTestChamber.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace magtwin {
namespace {

double rel(double a, double b) { return std::abs(a - b) / std::max({std::abs(a), std::abs(b), 1e-300}); }

/// The Gaussian track with every patch's area doubled (the same flux J): one target of
/// twice the area and ion flow.
std::vector<TargetPatch> doubledArea(std::vector<TargetPatch> patches) {
    for (TargetPatch& t : patches) t.areaM2 *= 2.0;
    return patches;
}

TEST(CoSputteringDynamics, OneMemberIsTheSingleTargetDynamics) {
    const BergParameters p = tiN2Setup(0.05).parameters;
    const TargetStateDynamics single(p, 0.0, gaussianTrack(p));
    const CoSputteringDynamics co({{&single, 0.0}});
    const RacetrackPoisoning track(p, gaussianTrack(p));
    const double q = 1.3 * track.stateAt(track.turningPoints().at(0)).supplyPerS;  // above the window
    const double tau = single.targetTimeConstantS(0.0);
    ReactiveSurfaceState a;
    CoSputterState b{{ReactiveSurfaceState{}}, 0.0};
    ReactiveAdvanceTally ta, tb;
    std::vector<ReactiveAdvanceTally> members;
    for (int i = 0; i < 60; ++i) {
        a = single.advance(a, q, 2.0 * tau, &ta);
        b = co.advance(b, q, 2.0 * tau, &tb, &members);
        // 1e-12: the same closed forms, the sums in another order (round-off only)
        EXPECT_LT(rel(a.thetaTarget, b.targets[0].thetaTarget), 1e-12) << i;
        EXPECT_LT(rel(a.thetaCollector, b.thetaCollector), 1e-12) << i;
        EXPECT_LT(rel(single.partialPressurePa(a, q), co.partialPressurePa(b, q)), 1e-12) << i;
    }
    EXPECT_GT(a.thetaTarget, 0.5);  // the flow poisons it: the test crosses the hysteresis
    EXPECT_LT(rel(ta.metalAtomsSputtered, members[0].metalAtomsSputtered), 1e-12);
    EXPECT_LT(rel(ta.targetUptakeMolecules, tb.targetUptakeMolecules), 1e-12);
    EXPECT_LT(rel(ta.pumpedMolecules, tb.pumpedMolecules), 1e-12);
    ASSERT_EQ(ta.patchThetaTimeS.size(), members[0].patchThetaTimeS.size());
    for (std::size_t i = 0; i < ta.patchThetaTimeS.size(); ++i)
        EXPECT_LT(rel(ta.patchThetaTimeS[i], members[0].patchThetaTimeS[i]), 1e-12) << i;
}

TEST(CoSputteringDynamics, TwoIdenticalTargetsAreOneTargetOfDoubleAreaAndCompoundIsConserved) {
    const BergParameters one = tiN2Setup(0.05).parameters;
    BergParameters doubled = one;
    doubled.targetAreaM2 *= 2.0;
    doubled.ionsPerSecond *= 2.0;
    const TargetStateDynamics big(doubled, 0.0, doubledArea(gaussianTrack(one)));
    const TargetStateDynamics each(one, 0.0, gaussianTrack(one));
    const CoSputteringDynamics co({{&each, 0.0}, {&each, 0.0}});
    // up through the upper critical flow of the doubled target and back below the lower one
    const RacetrackPoisoning track(doubled, doubledArea(gaussianTrack(one)));
    const std::vector<double> turns = track.turningPoints();
    ASSERT_EQ(turns.size(), 2u);
    const double qHigh = track.stateAt(turns[0]).supplyPerS, qLow = track.stateAt(turns[1]).supplyPerS;
    const double tau = big.targetTimeConstantS(0.0);
    ReactiveSurfaceState a;
    CoSputterState b{{ReactiveSurfaceState{}, ReactiveSurfaceState{}}, 0.0};
    ReactiveAdvanceTally chamber;
    std::vector<ReactiveAdvanceTally> members;
    bool poisoned = false;
    for (double q : {0.5 * qLow, 1.2 * qHigh, 0.5 * (qLow + qHigh), 0.8 * qLow}) {
        for (int i = 0; i < 20; ++i) {
            a = big.advance(a, q, 10.0 * tau);
            b = co.advance(b, q, 10.0 * tau, &chamber, &members);
            // 1e-10: the same balances, each sum split in two equal halves (round-off, carried
            // through the steps)
            for (int k = 0; k < 2; ++k) {
                ASSERT_EQ(b.targets[k].thetaPatches.size(), a.thetaPatches.size());
                for (std::size_t j = 0; j < a.thetaPatches.size(); ++j)
                    EXPECT_NEAR(b.targets[k].thetaPatches[j], a.thetaPatches[j], 1e-10) << q << " " << j;
            }
            EXPECT_NEAR(b.thetaCollector, a.thetaCollector, 1e-10) << q;
            EXPECT_LT(rel(co.partialPressurePa(b, q), big.partialPressurePa(a, q)), 1e-10) << q;
            EXPECT_LT(rel(co.metalAtomsPerS(0, b) + co.metalAtomsPerS(1, b), big.metalAtomsPerS(a)), 1e-10) << q;
            poisoned = poisoned || a.thetaTarget > 0.5;
        }
    }
    EXPECT_TRUE(poisoned);
    EXPECT_LT(a.thetaTarget, 0.5);  // back on the metal branch below the lower critical flow
    // Compound on each target: n_0 sum_i theta_i dA_i = formed - eroded, exactly (the closed
    // form's integrals); 1e-9: rounding over the sum of the steps.
    for (int k = 0; k < 2; ++k) {
        double stored = 0.0;
        for (std::size_t j = 0; j < each.patches().size(); ++j)
            stored += each.siteDensityPerM2() * each.patches()[j].areaM2 * b.targets[k].thetaPatches[j];
        const ReactiveAdvanceTally& t = members[k];
        EXPECT_NEAR(t.targetFormedFormulaUnits - t.targetErodedFormulaUnits, stored, 1e-9 * t.targetFormedFormulaUnits);
    }
    // The reactive gas: supplied = pumped + taken up by the targets and the collector; the gas
    // balance holds at each step's mid state, the uptake integrates over the step, so the
    // residual is the step's second-order splitting error (TargetStateDynamicsTest): 1e-3.
    const double out = chamber.pumpedMolecules + chamber.targetUptakeMolecules + chamber.collectorUptakeMolecules;
    EXPECT_NEAR(out, chamber.suppliedMolecules, 1e-3 * chamber.suppliedMolecules);
    EXPECT_LT(rel(chamber.targetUptakeMolecules, members[0].targetUptakeMolecules + members[1].targetUptakeMolecules),
              1e-12);
}

TEST(CoSputteringDynamics, SettledItIsCoSputteringsSteadyStateWithANonReactingTarget) {
    // Berg's uniform targets (one patch each): a Ti target and a second source of another ion
    // flow that forms no compound with the gas (as Zr under S2; 2 x Ti's metal flux), against
    // CoSputtering's closed form (another code path) on the branch the history leads to.
    CoSputteredTarget inert = coSputteredTarget(tiN2Setup(0.0).parameters);
    inert.reacts = false;
    inert.ionsPerSecond *= 2.0;
    // half the critical pumping speed of this pair: a hysteresis
    const double sCrit = CoSputtering(tiN2Setup(0.0).parameters, {coSputteredTarget(tiN2Setup(0.0).parameters), inert})
                             .criticalPumpingSpeed();
    const BergParameters ti = tiN2Setup(0.5 * sCrit).parameters;
    const CoSputtering closed(ti, {coSputteredTarget(ti), inert});
    const TargetStateDynamics tiDyn(ti);
    const CoSputteringDynamics co({{&tiDyn, 0.0}, {nullptr, inert.ionsPerSecond * inert.metalYield}});
    const std::vector<double> turns = closed.turningPoints();
    ASSERT_EQ(turns.size(), 2u);
    const double q = 0.5 * (closed.stateAt(turns[0]).supplyPerS + closed.stateAt(turns[1]).supplyPerS);
    const std::vector<BergState> inside = closed.statesAtFlow(q);
    ASSERT_EQ(inside.size(), 3u);
    // the collector's time constant n_0 A_c / (its rates) is the slower one; 40 steps of 100 of
    // the target's time constant settle both (> e^-200, as TargetStateDynamicsTest)
    const double tau = tiDyn.targetTimeConstantS(0.0);
    auto settle = [&](CoSputterState s) {
        for (int i = 0; i < 50; ++i) s = co.advance(s, q, 100.0 * tau);
        return s;
    };
    const CoSputterState fromMetal = settle({{ReactiveSurfaceState{}, ReactiveSurfaceState{}}, 0.0});
    ReactiveSurfaceState poisoned;
    poisoned.thetaTarget = 1.0;
    const CoSputterState fromCompound = settle({{poisoned, ReactiveSurfaceState{}}, 1.0});
    // 1e-6: the settled state and CoSputtering's root finding. stateAt's thetaTarget is the area
    // mean over both targets; the Ti target's own is targetTheta.
    EXPECT_NEAR(fromMetal.targets[0].thetaTarget, closed.targetTheta(0, inside.front().partialPressurePa), 1e-6);
    EXPECT_NEAR(fromMetal.thetaCollector, inside.front().thetaCollector, 1e-6);
    EXPECT_NEAR(fromCompound.targets[0].thetaTarget, closed.targetTheta(0, inside.back().partialPressurePa), 1e-6);
    EXPECT_NEAR(fromCompound.thetaCollector, inside.back().thetaCollector, 1e-6);
    EXPECT_NEAR(co.partialPressurePa(fromMetal, q), inside.front().partialPressurePa,
                1e-6 * inside.back().partialPressurePa);
    EXPECT_EQ(fromMetal.targets[1].thetaTarget, 0.0);  // the non-reacting target stays metal
    const double metal = co.metalAtomsPerS(0, fromCompound) + co.metalAtomsPerS(1, fromCompound);
    EXPECT_NEAR(metal, inside.back().metalAtomsPerS, 1e-6 * inside.back().metalAtomsPerS);
}

TEST(CoSputteringDynamics, BadMembersAreRefused) {
    const BergParameters ti = tiN2Setup(0.05).parameters;
    BergParameters other = ti;
    other.pumpingSpeedM3PerS *= 2.0;
    const TargetStateDynamics a(ti), b(other);
    EXPECT_THROW(CoSputteringDynamics({{&a, 0.0}, {&b, 0.0}}), std::invalid_argument);  // two chambers
    EXPECT_THROW(CoSputteringDynamics({{nullptr, 1e15}}), std::invalid_argument);       // nothing reacts
    EXPECT_THROW(CoSputteringDynamics({{&a, 0.0}, {nullptr, -1.0}}), std::invalid_argument);
    const CoSputteringDynamics co({{&a, 0.0}});
    EXPECT_THROW(co.advance({{}, 0.0}, 1e17, 1.0), std::invalid_argument);  // no target state
}

}  // namespace
}  // namespace magtwin
