// Berg's model (solvers/reactive/BergModel.hpp) against its own defining equations and the
// published behaviour: S. Berg, T. Nyberg, Thin Solid Films 476 (2005) 215 ("B&N").
#include "boundary/elements/ElementTable.hpp"
#include "boundary/materials/MaterialLibrary.hpp"
#include "boundary/racetrack/IonSupply.hpp"
#include "boundary/util/PhysicalConstants.hpp"
#include "boundary/yield/SputterYield.hpp"
#include "solvers/reactive/BergModel.hpp"
#include "solvers/reactive/ReactiveProcess.hpp"

#include "tests/solvers/reactive/ReactiveTestChamber.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

namespace magtwin {
namespace {

// The small Ti/N2 chamber (ReactiveTestChamber.hpp); the pumping speed is set per test.
ReactiveSetup tiN2(double pumpingSpeedM3PerS) { return tiN2Setup(pumpingSpeedM3PerS); }

TEST(ReactiveProcess, TiInN2FormsTheLibrarysTiNWithYieldsFromTheYieldModels) {
    const ReactiveSetup s = tiN2(0.05);
    EXPECT_EQ(s.compound.name, "TiN");
    EXPECT_DOUBLE_EQ(s.parameters.reactiveAtomsPerMetal, 1.0);
    // Independent path: the yields straight from SputterYield at e V.
    const Element& ar = ElementTable::builtin().get("Ar");
    const SputterYield ym("auto", "none", ar, MaterialLibrary::builtin().get("Ti"));
    const SputterYield yc("auto", "none", ar, MaterialLibrary::builtin().get("TiN"));
    EXPECT_DOUBLE_EQ(s.parameters.metalYield, ym.yield(400.0));
    EXPECT_DOUBLE_EQ(s.parameters.compoundYield, yc.partialYields(400.0)[0]);  // Ti first in TiN
    // The compound sputters slower than the metal (the binding-energy raise of
    // MulticomponentYield): the origin of the rate drop in compound mode.
    EXPECT_LT(s.yieldRatio, 1.0);
    EXPECT_GT(s.yieldRatio, 0.0);
}

TEST(ReactiveProcess, AGasWithoutCompoundDataIsNamed) {
    const Material ti = MaterialLibrary::builtin().get("Ti");
    try {
        reactiveCompound(ti, reactiveGas("O2"));
        FAIL() << "Ti + O2 has no library compound";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("O2"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("Ti"), std::string::npos) << e.what();
    }
    EXPECT_THROW(reactiveGas("H2S"), std::invalid_argument);
    EXPECT_EQ(reactiveCompound(MaterialLibrary::builtin().get("Ta"), reactiveGas("N2")).name, "TaN");
}

/// Every solution at the requested flow satisfies the model's three balances, recomputed here
/// from the state's p, theta_t, theta_c with B&N's equations written out again.
void expectBalances(const BergParameters& p, const BergState& s, double flowPerS) {
    const double kT = kBoltzmannJPerK * p.temperatureK;
    const double F = s.partialPressurePa / std::sqrt(2.0 * kPi * p.gasMoleculeMassKg * kT);
    const double J = p.ionsPerSecond / p.targetAreaM2, nf = p.atomsPerMolecule / p.reactiveAtomsPerMetal;
    const double tt = s.thetaTarget, tc = s.thetaCollector, At = p.targetAreaM2, Ac = p.collectorAreaM2;
    const double supplied = p.stickingTarget * F * (1 - tt) * At + p.stickingCollector * F * (1 - tc) * Ac +
                            s.partialPressurePa * p.pumpingSpeedM3PerS / kT;
    // 1e-9 relative: the brief's balance tolerance; the bisection reaches ~1e-15 away from the
    // turning points.
    EXPECT_NEAR(supplied, flowPerS, 1e-9 * flowPerS) << "p = " << s.partialPressurePa;
    const double target = J * p.compoundYield * tt, formed = nf * p.stickingTarget * F * (1 - tt);  // B&N eq. 3
    EXPECT_NEAR(target, formed, 1e-9 * std::max(target, formed));
    const double lhs = J * p.compoundYield * tt * At * (1 - tc) + nf * p.stickingCollector * F * (1 - tc) * Ac;
    const double rhs = J * p.metalYield * (1 - tt) * At * tc;  // B&N eq. 6
    EXPECT_NEAR(lhs, rhs, 1e-9 * std::max(lhs, rhs) + 1e-300);
}

TEST(BergModel, HysteresisVanishesAboveTheCriticalPumpingSpeed) {
    const double sCrit = BergModel(tiN2(0.0).parameters).criticalPumpingSpeed();
    ASSERT_GT(sCrit, 0.0);
    // Independent path: bisection on S of "Q_tot(p) has turning points", each side checked on a
    // dense p grid (no dQ/dp formula involved).
    auto monotonic = [](double S) {
        const BergModel m(tiN2(S).parameters);
        const double p0 = m.pressureScalePa();
        double last = m.stateAt(0.0).supplyPerS;
        for (int i = 0; i <= 4000; ++i) {
            const double q = m.stateAt(p0 * std::pow(10.0, -3.0 + 6.0 * i / 4000.0)).supplyPerS;
            if (q < last) return false;
            last = q;
        }
        return true;
    };
    EXPECT_FALSE(monotonic(0.98 * sCrit));  // B&N Fig. 8: below S_crit, an S-curve
    EXPECT_TRUE(monotonic(1.02 * sCrit));   // above, monotonic: no hysteresis
    EXPECT_EQ(BergModel(tiN2(0.98 * sCrit).parameters).turningPoints().size(), 2u);
    EXPECT_TRUE(BergModel(tiN2(1.02 * sCrit).parameters).turningPoints().empty());
    double lo = 0.5 * sCrit, hi = 2.0 * sCrit;
    for (int i = 0; i < 40; ++i) {
        const double mid = 0.5 * (lo + hi);
        (BergModel(tiN2(mid).parameters).turningPoints().empty() ? hi : lo) = mid;
    }
    // 1e-6: the golden-section minimum of dQ/dp is flat to second order, so S_crit from it is
    // exact to ~1e-12; the bisection above stops at 1.5 * 2^-40.
    EXPECT_NEAR(0.5 * (lo + hi), sCrit, 1e-6 * sCrit);
}

TEST(BergModel, StatesInsideAndOutsideTheHysteresisAndTheirBalances) {
    const double sCrit = BergModel(tiN2(0.0).parameters).criticalPumpingSpeed();
    const BergModel m(tiN2(0.5 * sCrit).parameters);
    const std::vector<double> turns = m.turningPoints();
    ASSERT_EQ(turns.size(), 2u);
    const double qHigh = m.stateAt(turns[0]).supplyPerS, qLow = m.stateAt(turns[1]).supplyPerS;
    ASSERT_LT(qLow, qHigh);  // the S-curve: the metal branch's maximum lies above the compound branch's minimum
    const double qMid = 0.5 * (qLow + qHigh);
    const auto inside = reactiveStates(m, qMid / kMoleculesPerSccm);
    ASSERT_EQ(inside.size(), 3u);
    EXPECT_EQ(inside[0].branch, ReactiveBranch::Metal);
    EXPECT_EQ(inside[1].branch, ReactiveBranch::Unstable);
    EXPECT_EQ(inside[2].branch, ReactiveBranch::Compound);
    EXPECT_LT(inside[0].state.thetaTarget, inside[2].state.thetaTarget);
    EXPECT_GT(inside[0].state.rateMPerS, inside[2].state.rateMPerS);
    const auto below = reactiveStates(m, 0.5 * qLow / kMoleculesPerSccm);
    ASSERT_EQ(below.size(), 1u);
    EXPECT_EQ(below[0].branch, ReactiveBranch::Metal);
    const auto above = reactiveStates(m, 1.5 * qHigh / kMoleculesPerSccm);
    ASSERT_EQ(above.size(), 1u);
    EXPECT_EQ(above[0].branch, ReactiveBranch::Compound);
    for (const ProcessCurvePoint& pt :
         processCurve(m, 0.01 * qLow / kMoleculesPerSccm, 2.0 * qHigh / kMoleculesPerSccm, 200))
        expectBalances(m.parameters(), pt.state.state, pt.flowSccm * kMoleculesPerSccm);
}

TEST(BergModel, RateIsTheMetallicRateAtZeroFlowAndTheCompoundRateAtHighFlow) {
    const ReactiveSetup s = tiN2(0.05);
    const BergModel m(s.parameters);
    const BergParameters& p = s.parameters;
    // Independent: the metal's and the compound's own rates from the yields and the densities
    // of the library materials, spread over the collector.
    const double metalRate = p.ionsPerSecond * p.metalYield / p.collectorAreaM2 / s.metal.filmAtomicDensityPerM3();
    const double compoundRate =
        p.ionsPerSecond * p.compoundYield / p.collectorAreaM2 / (s.compound.filmAtomicDensityPerM3() / 2.0);
    const auto zero = reactiveStates(m, 0.0);
    ASSERT_EQ(zero.size(), 1u);
    EXPECT_DOUBLE_EQ(zero[0].state.rateMPerS, metalRate);
    EXPECT_EQ(zero[0].branch, ReactiveBranch::Metal);
    // Far above the hysteresis 1 - theta_t and 1 - theta_c fall as 1/p: at 1e4 x the upper
    // turning flow both are < 1e-4, which moves the rate by < 1e-4 x (Y_m/Y_c + n_c/n_M) < 1e-3.
    const double qHigh = 1e4 * m.stateAt(m.pressureScalePa()).supplyPerS / kMoleculesPerSccm;
    const auto high = reactiveStates(m, qHigh);
    ASSERT_EQ(high.size(), 1u);
    EXPECT_EQ(high[0].branch, ReactiveBranch::Compound);
    EXPECT_NEAR(high[0].state.rateMPerS, compoundRate, 1e-3 * compoundRate);
    EXPECT_NEAR(high[0].state.filmReactivePerMetal, 1.0, 1e-3);  // stoichiometric TiN film
}

// The extensions (BergModel.hpp): fixed power with gamma(theta_t), and implantation.
ReactiveSetup extended(double pumpingSpeedM3PerS, double gammaCompound, double inertPa) {
    ReactiveChamber chamber;
    chamber.targetAreaM2 = kPi * 0.0381 * 0.0381;
    chamber.collectorAreaM2 = 0.1;
    chamber.pumpingSpeedM3PerS = pumpingSpeedM3PerS;
    chamber.secondaryElectronCompound = gammaCompound;
    chamber.implantation = inertPa > 0.0;
    chamber.inertPartialPressurePa = inertPa;
    ReactiveDischarge discharge;
    discharge.voltageV = 400.0;
    discharge.powerW = 500.0;
    return reactiveSetup(MaterialLibrary::builtin().get("Ti"), reactiveGas("N2"), chamber, discharge);
}

TEST(BergModel, AtFixedPowerTheVoltageFollowsTheSecondaryElectronYield) {
    const ReactiveSetup base = tiN2(0.05);
    const double gm =
        baragiolaSecondaryElectronYield(ElementTable::builtin().get("Ar"), MaterialLibrary::builtin().get("Ti"));
    ASSERT_GT(gm, 0.0);
    // A compound that emits half as many electrons: Thornton's V ~ 1 / gamma doubles the
    // voltage of the fully covered target.
    const ReactiveSetup s = extended(0.05, 0.5 * gm, 0.0);
    const BergModel m(s.parameters);
    ASSERT_TRUE(m.powerHeldFixed());
    EXPECT_FALSE(BergModel(base.parameters).powerHeldFixed());  // TiN's estimate equals Ti's
    const double qs = m.stateAt(m.pressureScalePa()).supplyPerS / kMoleculesPerSccm;
    for (const ProcessCurvePoint& pt : processCurve(m, 0.0, 3.0 * qs, 60)) {
        const BergState& st = pt.state.state;
        const double g = gm + (0.5 * gm - gm) * st.thetaTarget;
        // Power conservation, the independent path: I V = e I_ion (1 + gamma) V = P (500 W).
        EXPECT_NEAR(st.ionsPerSecond * kElementaryCharge * (1.0 + g) * st.voltageV, 500.0, 1e-9 * 500.0);
        EXPECT_NEAR(st.voltageV, 400.0 * gm / g, 1e-12 * 400.0);  // Thornton: V gamma constant
        // The target balance with the state's own ion flux (B&N eq. 3).
        const BergParameters& p = m.parameters();
        const double J = st.ionsPerSecond / p.targetAreaM2;
        const double F = st.partialPressurePa / std::sqrt(2.0 * kPi * p.gasMoleculeMassKg * kBoltzmannJPerK * 300.0);
        const double eroded = J * p.compoundYield * st.thetaTarget, formed = 2.0 * F * (1.0 - st.thetaTarget);
        EXPECT_NEAR(eroded, formed, 1e-9 * std::max(eroded, formed) + 1e-300);
    }
    // The clean target keeps V_m, the ion flow of IonSupply.
    const BergState clean = m.stateAt(0.0);
    EXPECT_DOUBLE_EQ(clean.voltageV, 400.0);
    EXPECT_NEAR(clean.ionsPerSecond, base.parameters.ionsPerSecond, 1e-12 * clean.ionsPerSecond);
}

TEST(BergModel, AnalyticSlopeEqualsTheFiniteDifferenceOfTheSupply) {
    // With both extensions the slope comes from the implicit function theorem; central
    // differences of Q_tot(p) are the independent path (step 1e-6 p: truncation ~1e-12,
    // rounding ~1e-10 relative).
    const ReactiveSetup s = extended(
        0.05,
        0.7 * baragiolaSecondaryElectronYield(ElementTable::builtin().get("Ar"), MaterialLibrary::builtin().get("Ti")),
        0.3);
    const BergModel m(s.parameters);
    const double p0 = m.pressureScalePa();
    for (double f : {0.01, 0.1, 0.5, 1.0, 2.0, 10.0}) {
        const double p = f * p0, h = 1e-6 * p;
        const double fd = (m.stateAt(p + h).supplyPerS - m.stateAt(p - h).supplyPerS) / (2.0 * h);
        EXPECT_NEAR(m.stateAt(p).slopePerSPerPa, fd, 1e-6 * std::abs(fd) + 1e-6 * m.stateAt(p).supplyPerS / p);
    }
}

TEST(BergModel, WithBothExtensionsTheHysteresisStillVanishesAtTheCriticalPumpingSpeed) {
    // B&N Section 6's condition, S_crit = -k T min_p d(Q_t + Q_c)/dp, with the state-dependent
    // ion current and implantation in the uptake: checked on a dense p grid of Q_tot(p) alone.
    const double gc =
        0.7 * baragiolaSecondaryElectronYield(ElementTable::builtin().get("Ar"), MaterialLibrary::builtin().get("Ti"));
    const double sCrit = BergModel(extended(0.0, gc, 0.3).parameters).criticalPumpingSpeed();
    ASSERT_GT(sCrit, 0.0);
    auto monotonic = [gc](double S) {
        const BergModel m(extended(S, gc, 0.3).parameters);
        const double p0 = m.pressureScalePa();
        double last = m.stateAt(0.0).supplyPerS;
        for (int i = 0; i <= 4000; ++i) {
            const double q = m.stateAt(p0 * std::pow(10.0, -3.0 + 6.0 * i / 4000.0)).supplyPerS;
            if (q < last) return false;
            last = q;
        }
        return true;
    };
    EXPECT_FALSE(monotonic(0.98 * sCrit));
    EXPECT_TRUE(monotonic(1.02 * sCrit));
    EXPECT_EQ(BergModel(extended(0.98 * sCrit, gc, 0.3).parameters).turningPoints().size(), 2u);
    EXPECT_TRUE(BergModel(extended(1.02 * sCrit, gc, 0.3).parameters).turningPoints().empty());
}

TEST(BergModel, ImplantationPoisonsEarlierAndVanishesWithTheReactiveIonShare) {
    // RSD's implantation: a reactive ion share f_R = p / (p + p_inert) nitrides the bare target
    // besides chemisorption. Effect on this chamber (S = 0.5 S_crit of the basic model).
    const double sCrit = BergModel(tiN2(0.0).parameters).criticalPumpingSpeed();
    const double S = 0.5 * sCrit;
    const BergModel basic(tiN2(S).parameters);
    const double gm =
        baragiolaSecondaryElectronYield(ElementTable::builtin().get("Ar"), MaterialLibrary::builtin().get("Ti"));
    auto window = [](const BergModel& m) {
        const std::vector<double> t = m.turningPoints();
        return std::pair<double, double>{m.stateAt(t[1]).supplyPerS / kMoleculesPerSccm,
                                         m.stateAt(t[0]).supplyPerS / kMoleculesPerSccm};
    };
    const auto w0 = window(basic);
    for (double pAr : {0.05, 0.5}) {
        const BergModel m(extended(S, gm, pAr).parameters);
        ASSERT_EQ(m.turningPoints().size(), 2u);
        const auto w = window(m);
        std::printf("p_Ar %.2f Pa: window %.4f-%.4f sccm (basic %.4f-%.4f), S_crit %.1f L/s (basic %.1f)\n", pAr,
                    w.first, w.second, w0.first, w0.second, m.criticalPumpingSpeed() * 1e3, sCrit * 1e3);
        EXPECT_LT(w.second, w0.second);  // the metal branch ends at a lower flow
        // Balances with the implantation term, recomputed here.
        for (const ReactiveOperatingState& o : reactiveStates(m, 0.5 * (w.first + w.second))) {
            const BergState& st = o.state;
            const BergParameters& p = m.parameters();
            const double J = p.ionsPerSecond / p.targetAreaM2, fR = st.partialPressurePa / (st.partialPressurePa + pAr);
            const double F =
                st.partialPressurePa / std::sqrt(2.0 * kPi * p.gasMoleculeMassKg * kBoltzmannJPerK * 300.0);
            const double eroded = J * p.compoundYield * st.thetaTarget,
                         formed = 2.0 * (F + J * fR) * (1.0 - st.thetaTarget);
            EXPECT_NEAR(eroded, formed, 1e-9 * eroded);
            EXPECT_NEAR(st.reactiveIonFraction, fR, 1e-15);
        }
    }
    // Limit: a working gas pressure far above the reactive one leaves no reactive ions, and the
    // window returns to the basic model's (f_R ~ 1e-6 here: 1e-4 relative is generous).
    const auto wInf = window(BergModel(extended(S, gm, 1e4).parameters));
    EXPECT_NEAR(wInf.first, w0.first, 1e-4 * w0.first);
    EXPECT_NEAR(wInf.second, w0.second, 1e-4 * w0.second);
}

TEST(BergModel, RejectsNegativePumpingSpeedAndFlow) {
    BergParameters p = tiN2(0.05).parameters;
    p.pumpingSpeedM3PerS = -1.0;
    EXPECT_THROW(BergModel{p}, std::invalid_argument);
    const BergModel m(tiN2(0.05).parameters);
    EXPECT_THROW(m.statesAtFlow(-1.0), std::invalid_argument);
    EXPECT_THROW(reactiveStates(m, -1.0), std::invalid_argument);
}

}  // namespace
}  // namespace magtwin
