// The operating point of an RF-driven cathode (solvers/chamber/OperatingPoint.hpp): the RF energy
// balance's ions (boundary/racetrack/RfDischarge.hpp) times the yield at e (V_dc + V_p), against the
// same yield taken from the yield model directly (an independent path) and against the DC relation
// it replaces.
#include "boundary/elements/ElementTable.hpp"
#include "boundary/materials/MaterialLibrary.hpp"
#include "boundary/yield/SputterYield.hpp"
#include "solvers/chamber/OperatingPoint.hpp"

#include <gtest/gtest.h>

namespace magtwin {
namespace {

TEST(RfOperatingPoint, AtomsAreTheBalancesIonsTimesTheYieldAtTheSheathPlusPlasmaPotential) {
    const Element& ar = ElementTable::builtin().get("Ar");
    const Material zr = MaterialLibrary::builtin().get("Zr");
    RfDischargeSettings s;  // the schema defaults: match 0.7, cable 0.99, T_e 3 eV
    const RfIonSupply rf = rfIonSupply(s, 60.0, 291.6, ar);
    DischargeSpec d;
    d.gas = "Ar";
    d.voltageV = 291.6;
    d.yieldModel = "auto";
    const OperatingPoint op = operatingPoint(rf, d, zr);
    // V_p at 3 eV: 15.537 V (RfDischargeTest, by hand)
    const double y = SputterYield("auto", "none", ar, zr).yield(291.6 + wallPlasmaPotentialV(ar, 3.0), 0.0);
    EXPECT_NEAR(op.ionEnergyEv, 307.137, 1e-3);
    EXPECT_NEAR(op.yieldAtomsPerIon, y, 1e-12 * y);
    EXPECT_NEAR(op.atomsPerSecond(), rf.ionsPerSecond * y, 1e-9 * rf.ionsPerSecond * y);
    // P / V_dc / (1 + gamma_SE) with ions at e V_dc, the DC relation the RF supply used before:
    // the RF balance gives 0.61 of its ions (hand: 0.693 x 60 / (61.586 + 6 + 307.137) = 0.11097 A
    // against 60 / 291.6 / (1 + 0.13417) = 0.18142 A; gamma_SE Baragiola's for Ar on Zr)
    DischargeSpec dc = d;
    dc.powerW = 60.0;
    dc.gammaSE = 0.032 * (0.78 * 15.760 - 2.0 * 4.05);
    const OperatingPoint old = operatingPoint(dc, zr);
    EXPECT_NEAR(rf.ionCurrentA, 0.11097, 1e-5);
    EXPECT_NEAR(old.ionCurrentA, 0.18142, 1e-5);
}

}  // namespace
}  // namespace magtwin
