// Redeposition of sputtered material on the target (BergModel.hpp, extension 3; RSD: K.
// Strijckmans, D. Depla, J. Phys. D 47 (2014) 235302) against outside references: the limit
// f_rd -> 0 (Berg's model), the uniform target's closed form against the resolved target's fixed
// point (two independent code paths), the collector balance of Berg (B&N eq. 6) on the face
// outside the track, the conservation of metal and reactive atoms, the derivative of the supply
// by finite differences, and the time-dependent model's steady state.
#include "boundary/util/PhysicalConstants.hpp"
#include "solvers/reactive/BergModel.hpp"
#include "solvers/reactive/RacetrackPoisoning.hpp"
#include "solvers/reactive/TargetStateDynamics.hpp"

#include "tests/solvers/reactive/ReactiveTestChamber.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <memory>

namespace magtwin {
namespace {

BergParameters tiN2(double pumpingSpeedM3PerS, double redeposition) {
    BergParameters p = tiN2Setup(pumpingSpeedM3PerS).parameters;
    p.redepositionFraction = redeposition;
    return p;
}

double rel(double a, double b) { return std::abs(a - b) / std::max(std::abs(a), std::abs(b)); }

double impingementPerPa(const BergParameters& p) {
    return 1.0 / std::sqrt(2.0 * kPi * p.gasMoleculeMassKg * kBoltzmannJPerK * p.temperatureK);
}

/// A target face with a track: the Gaussian track of ReactiveTestChamber.hpp on half of the
/// face and no ions on the other half (the face outside the racetrack), the same ion flow.
std::vector<TargetPatch> trackAndFace(const BergParameters& p) {
    std::vector<TargetPatch> out = gaussianTrack(p);
    for (TargetPatch& t : out) t.areaM2 *= 0.5, t.ionFluxPerM2S *= 2.0;
    for (int i = 0; i < 10; ++i) out.push_back({0.05 * p.targetAreaM2, 0.0});
    return out;
}

TEST(Redeposition, VanishingFractionIsBergsModel) {
    // f_rd -> 0: the quadratic of the uniform target and the fixed point of the resolved one
    // tend to Berg's closed forms; the difference is first order in f_rd (1e-9 here) times
    // Phi / (J Y_c), so 1e-7 relative is a bound with a margin of 100 on the coefficient.
    // (The limit is not uniform on a face without ions: there Phi_m is the only removal, and
    // theta jumps from 1 at f_rd = 0 to Berg's collector value once Phi_m ~ n_f alpha_t F; so
    // the resolved target here is the Gaussian track, J > 0 everywhere.)
    for (bool resolved : {false, true}) {
        const BergParameters p0 = tiN2(0.05, 0.0), p = tiN2(0.05, 1e-9);
        const BergModel berg0(p0);
        std::unique_ptr<ReactiveSteadyStates> a, b;
        if (resolved)
            a = std::make_unique<RacetrackPoisoning>(p0, gaussianTrack(p0)),
            b = std::make_unique<RacetrackPoisoning>(p, gaussianTrack(p));
        else
            a = std::make_unique<BergModel>(p0), b = std::make_unique<BergModel>(p);
        for (double scale = 1e-3; scale < 1e3; scale *= 2.3) {
            const double pr = scale * berg0.pressureScalePa();
            const BergState s0 = a->stateAt(pr), s = b->stateAt(pr);
            EXPECT_LT(rel(s0.thetaTarget, s.thetaTarget), 1e-7) << resolved << " " << pr;
            EXPECT_LT(rel(s0.thetaCollector, s.thetaCollector), 1e-7) << resolved << " " << pr;
            EXPECT_LT(rel(s0.supplyPerS, s.supplyPerS), 1e-7) << resolved << " " << pr;
            EXPECT_LT(rel(s0.slopePerSPerPa, s.slopePerSPerPa), 1e-6) << resolved << " " << pr;
            EXPECT_LT(rel(s0.rateMPerS, s.rateMPerS), 1e-7) << resolved << " " << pr;
        }
    }
}

TEST(Redeposition, UniformClosedFormEqualsTheResolvedFixedPoint) {
    // BergModel solves the uniform target's quadratic in closed form; RacetrackPoisoning solves
    // the fixed point Phi = f_rd (M, C) / A_t by Newton over patch sums. With one flux both
    // are the same balance: 1e-12 is round-off (the Newton iteration stops at 1e-15), far
    // below the effect of redeposition (a control checks the latter moves the curve by > 1 %).
    for (double f : {0.05, 0.3, 0.7}) {
        const BergParameters p = tiN2(0.05, f);
        const BergModel berg(p);
        for (int n : {1, 7}) {
            const RacetrackPoisoning resolved(p, RacetrackPoisoning::uniformPatches(p, n));
            for (double scale = 1e-3; scale < 1e3; scale *= 1.7) {
                const double pr = scale * berg.pressureScalePa();
                const BergState a = berg.stateAt(pr), b = resolved.stateAt(pr);
                EXPECT_LT(rel(a.thetaTarget, b.thetaTarget), 1e-12) << f << " " << n << " " << pr;
                EXPECT_LT(rel(a.thetaCollector, b.thetaCollector), 1e-12) << f << " " << n << " " << pr;
                EXPECT_LT(rel(a.supplyPerS, b.supplyPerS), 1e-12) << f << " " << n << " " << pr;
                EXPECT_LT(rel(a.rateMPerS, b.rateMPerS), 1e-12) << f << " " << n << " " << pr;
                // the slope: analytic in p in both, through the quadratic and through dPhi/dp
                EXPECT_LT(std::abs(a.slopePerSPerPa - b.slopePerSPerPa), 1e-10 * std::abs(a.supplyPerS / pr))
                    << f << " " << n << " " << pr;
            }
            const std::vector<double> ta = berg.turningPoints(), tb = resolved.turningPoints();
            ASSERT_EQ(ta.size(), tb.size()) << f << " " << n;
            for (std::size_t i = 0; i < ta.size(); ++i) EXPECT_LT(rel(ta[i], tb[i]), 1e-9) << f << " " << n;
            EXPECT_LT(rel(berg.criticalPumpingSpeed(), resolved.criticalPumpingSpeed()), 1e-9) << f << " " << n;
        }
        // control: redeposition moves the curve
        const BergModel none(tiN2(0.05, 0.0));
        EXPECT_GT(rel(none.criticalPumpingSpeed(), berg.criticalPumpingSpeed()), 0.01) << f;
    }
}

TEST(Redeposition, EqualYieldsLeaveTheUniformTargetsStateUnchanged) {
    // With Y_m = Y_c the redeposited material has the target surface's own composition
    // (C / (C + M) = theta_t), so covering bare metal with compound and compound with metal
    // cancel: theta_t and the target's uptake do not depend on f_rd (k = f_rd (Y_m - Y_c) = 0
    // in BergModel.hpp; the resolved solver does not use k, so this checks it independently).
    BergParameters p0 = tiN2(0.05, 0.0);
    p0.compoundYield = p0.metalYield;
    BergParameters p = p0;
    p.redepositionFraction = 0.4;
    const BergModel a(p0);
    const RacetrackPoisoning b(p, RacetrackPoisoning::uniformPatches(p, 3));
    for (double scale = 1e-2; scale < 1e2; scale *= 3.1) {
        const double pr = scale * a.pressureScalePa();
        EXPECT_LT(rel(a.stateAt(pr).thetaTarget, b.stateAt(pr).thetaTarget), 1e-13) << pr;
        EXPECT_LT(rel(a.stateAt(pr).targetUptakePerS, b.stateAt(pr).targetUptakePerS), 1e-13) << pr;
        EXPECT_NEAR(b.stateAt(pr).sputteredCompoundFraction, b.stateAt(pr).thetaTarget, 1e-13) << pr;
    }
}

TEST(Redeposition, TheFaceOutsideTheTrackIsBergsCollectorUnderTheRedepositedFlux) {
    // Where no ions land the target balance is B&N eq. 6 per area with the redeposited fluxes:
    // theta = (n_f alpha_t F + Phi_c) / (n_f alpha_t F + Phi_c + Phi_m), and in the track the
    // sputtering term J Y_c joins the removal. Phi from the model, the rest from the raw inputs.
    const BergParameters p = tiN2(0.05, 0.2);
    const RacetrackPoisoning m(p, trackAndFace(p));
    const double nf = p.atomsPerMolecule / p.reactiveAtomsPerMetal, perPa = impingementPerPa(p);
    const double jMax = m.patches().back().ionFluxPerM2S;
    for (double pr : {1e-5, 1e-4, 1e-3, 1e-2}) {
        const RedepositedFlux r = m.redepositedFlux(pr);
        const double form = nf * p.stickingTarget * perPa * pr;
        EXPECT_NEAR(m.localTheta(0.0, pr), (form + r.compoundPerM2S) / (form + r.compoundPerM2S + r.metalPerM2S), 1e-14)
            << pr;
        EXPECT_NEAR(m.localTheta(jMax, pr),
                    (form + r.compoundPerM2S) / (form + r.compoundPerM2S + r.metalPerM2S + jMax * p.compoundYield),
                    1e-14)
            << pr;
        // Phi is the share f_rd of the sputtered metal atoms over the face (uniform)
        const BergState s = m.stateAt(pr);
        EXPECT_NEAR((r.metalPerM2S + r.compoundPerM2S) * m.targetAreaM2(), p.redepositionFraction * s.metalAtomsPerS,
                    1e-12 * s.metalAtomsPerS)
            << pr;
        EXPECT_NEAR(r.compoundPerM2S / (r.metalPerM2S + r.compoundPerM2S), s.sputteredCompoundFraction, 1e-12) << pr;
        // Without redeposition the face without ions is compound at any p > 0; with it the
        // redeposited metal keeps part of it bare (Berg's collector at the face's own scale).
        EXPECT_EQ(RacetrackPoisoning(tiN2(0.05, 0.0), trackAndFace(p)).localTheta(0.0, pr), 1.0);
        EXPECT_LT(m.localTheta(0.0, pr), 1.0);
    }
}

TEST(Redeposition, MetalAndReactiveAtomsAreConserved) {
    // Metal: every sputtered metal atom (bare or in compound) lands on the collector or back on
    // the target, R = R_film + f_rd R, with R_film from the film's rate and composition
    // (thickness rate x A_c / (theta_c / n_MRx + (1 - theta_c) / n_M)) and the redeposited part
    // from the local fluxes summed over the face.
    // Reactive atoms: the gas the target and collector take up, a (Q_t + Q_c), ends in the film
    // (x theta_c per metal atom) or stays in the target, buried under redeposited material that
    // lands on compound: x sum_i (Phi_m + Phi_c) theta_i dA_i (BergModel.hpp (3)). The local
    // balances must carry the right coverage factors for this to close: 1e-10 relative is
    // round-off over the sums (a factor off in one term misses by > 1e-3, the control below).
    for (bool implant : {false, true}) {
        BergParameters p = tiN2(0.05, 0.25);
        p.implantation = implant;
        p.inertPartialPressurePa = implant ? 0.3 : 0.0;
        const RacetrackPoisoning m(p, trackAndFace(p));
        const BergModel berg(p);
        for (double scale = 1e-2; scale < 1e2; scale *= 2.9) {
            const double pr = scale * berg.pressureScalePa();
            const BergState s = m.stateAt(pr);
            const RedepositedFlux r = m.redepositedFlux(pr);
            const double volumePerMetal =
                s.thetaCollector / p.compoundFormulaDensityPerM3 + (1.0 - s.thetaCollector) / p.metalDensityPerM3;
            const double film = s.rateMPerS * p.collectorAreaM2 / volumePerMetal;
            double redeposited = 0.0, buried = 0.0;
            for (const TargetPatch& t : m.patches()) {
                redeposited += (r.metalPerM2S + r.compoundPerM2S) * t.areaM2;
                buried += (r.metalPerM2S + r.compoundPerM2S) * m.localTheta(t.ionFluxPerM2S, pr) * t.areaM2;
            }
            EXPECT_NEAR(film + redeposited, s.metalAtomsPerS, 1e-12 * s.metalAtomsPerS) << implant << " " << pr;
            EXPECT_NEAR(redeposited, s.redepositedAtomsPerS, 1e-12 * s.metalAtomsPerS) << implant << " " << pr;
            const double x = p.reactiveAtomsPerMetal, a = p.atomsPerMolecule;
            const double gasIn = a * (s.targetUptakePerS + s.collectorUptakePerS);
            const double stored = x * s.thetaCollector * film + x * buried;
            EXPECT_NEAR(gasIn, stored, 1e-10 * gasIn) << implant << " " << pr;
            // control: without the buried term the balance does not close
            EXPECT_GT(std::abs(gasIn - x * s.thetaCollector * film), 1e-3 * gasIn) << implant << " " << pr;
        }
    }
}

TEST(Redeposition, TheSlopeIsTheDerivativeOfTheSupply) {
    // dQ_tot/dp (implicit differentiation through the fixed point) against a central
    // difference with h = 1e-5 p: truncation ~ (h/p)^2 = 1e-10, cancellation ~ 1e-16 p/h =
    // 1e-11 of Q/p; 1e-6 of |Q/p| + |slope| bounds both with margin.
    for (bool implant : {false, true}) {
        BergParameters p = tiN2(0.05, 0.3);
        p.implantation = implant;
        p.inertPartialPressurePa = implant ? 0.3 : 0.0;
        const RacetrackPoisoning m(p, trackAndFace(p));
        const BergModel berg(p);
        for (double scale = 1e-2; scale < 1e2; scale *= 1.9) {
            const double pr = scale * berg.pressureScalePa(), h = 1e-5 * pr;
            const double fd = (m.stateAt(pr + h).supplyPerS - m.stateAt(pr - h).supplyPerS) / (2.0 * h);
            const BergState s = m.stateAt(pr);
            EXPECT_NEAR(s.slopePerSPerPa, fd, 1e-6 * (s.supplyPerS / pr + std::abs(s.slopePerSPerPa)))
                << implant << " " << pr;
            const double fdu = (berg.stateAt(pr + h).supplyPerS - berg.stateAt(pr - h).supplyPerS) / (2.0 * h);
            const BergState u = berg.stateAt(pr);
            EXPECT_NEAR(u.slopePerSPerPa, fdu, 1e-6 * (u.supplyPerS / pr + std::abs(u.slopePerSPerPa)))
                << implant << " " << pr;
        }
    }
}

TEST(Redeposition, TheFlanksPoisonBeforeTheCentreAndFeelRedepositionMore) {
    // The local balance (header of BergModel.hpp (3)): Phi_m, Phi_c are the same everywhere on
    // the face, J Y_c is not, so redeposition moves theta more where J is small. At every
    // pressure of the curve the flank (half the centre's flux) stays more poisoned than the
    // centre (RSD's "the track centre stays metallic longer than its flanks"), and the change
    // from redeposition |theta_f - theta_0| is larger at the flank.
    const BergParameters p0 = tiN2(0.05, 0.0), p = tiN2(0.05, 0.3);
    const RacetrackPoisoning without(p0, trackAndFace(p0)), with(p, trackAndFace(p));
    const double jMax = with.patches().back().ionFluxPerM2S;
    const BergModel berg(p0);
    for (double scale = 1e-2; scale < 1e2; scale *= 2.3) {
        const double pr = scale * berg.pressureScalePa();
        const double centre = with.localTheta(jMax, pr), flank = with.localTheta(0.5 * jMax, pr);
        EXPECT_LT(centre, flank) << pr;
        const double dCentre = std::abs(centre - without.localTheta(jMax, pr));
        const double dFlank = std::abs(flank - without.localTheta(0.5 * jMax, pr));
        EXPECT_GT(dFlank, dCentre) << pr;
    }
}

TEST(Redeposition, TheTimeDependentModelSettlesOnTheSteadyStates) {
    // TargetStateDynamics with the redeposited fluxes frozen over each step (an independent,
    // time-stepped path) ends on RacetrackPoisoning's state of its branch: 1e-6 as in
    // TargetStateDynamicsTest (settled to e^-200; the bisection of the flow).
    const BergParameters q = tiN2(0.0, 0.3);
    const double sCrit = RacetrackPoisoning(q, trackAndFace(q)).criticalPumpingSpeed();
    ASSERT_GT(sCrit, 0.0);
    const BergParameters p = tiN2(0.5 * sCrit, 0.3);
    const RacetrackPoisoning track(p, trackAndFace(p));
    const TargetStateDynamics d(p, 0.0, trackAndFace(p));
    const std::vector<double> turns = track.turningPoints();
    ASSERT_GE(turns.size(), 2u);
    const double qInside = 0.5 * (track.stateAt(turns[0]).supplyPerS + track.stateAt(turns[1]).supplyPerS);
    const std::vector<BergState> inside = track.statesAtFlow(qInside);
    ASSERT_GE(inside.size(), 3u);
    auto settle = [&d](ReactiveSurfaceState s, double flow) {
        // 5000 time constants of the track centre: the face without ions (rates f_rd M / A +
        // n_f alpha_t F, here > 1/20 of the centre's) and the collector (~1/22) settle to e^-200.
        const double tau = 100.0 * std::max(d.targetTimeConstantS(0.0), d.targetTimeConstantS(1.0));
        for (int i = 0; i < 50; ++i) s = d.advance(s, flow, tau);
        return s;
    };
    ReactiveSurfaceState s = settle({}, qInside);
    EXPECT_NEAR(s.thetaTarget, inside.front().thetaTarget, 1e-6);
    EXPECT_NEAR(s.thetaCollector, inside.front().thetaCollector, 1e-6);
    ReactiveSurfaceState poisoned;
    poisoned.thetaTarget = poisoned.thetaCollector = 1.0;
    s = settle(poisoned, qInside);
    EXPECT_NEAR(s.thetaTarget, inside.back().thetaTarget, 1e-6);
    EXPECT_NEAR(s.thetaCollector, inside.back().thetaCollector, 1e-6);
}

TEST(Redeposition, AFractionOutsideZeroToOneIsRefused) {
    for (double f : {-0.1, 1.0, 1.5, std::nan("")}) {
        EXPECT_THROW(BergModel(tiN2(0.05, f)), std::invalid_argument) << f;
        const BergParameters p = tiN2(0.05, f);
        EXPECT_THROW(RacetrackPoisoning(p, trackAndFace(tiN2(0.05, 0.0))), std::invalid_argument) << f;
    }
}

}  // namespace
}  // namespace magtwin
