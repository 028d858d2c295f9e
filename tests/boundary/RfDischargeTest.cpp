// RF discharge ion supply (boundary/racetrack/RfDischarge.hpp) against its relations worked by
// hand from Lieberman & Lichtenberg, Principles of Plasma Discharges and Materials Processing,
// 2nd ed. (2005) ("L&L"), and against L&L's own quoted numbers.
#include "boundary/elements/ElementTable.hpp"
#include "boundary/racetrack/RfDischarge.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace magtwin {
namespace {

const Element& argon() { return ElementTable::builtin().get("Ar"); }

// L&L Table 3.3's argon rates at T_e = 3 V, by hand: K_iz = 2.34e-14 3^0.59 e^(-17.44/3)
// = 1.3367e-16, K_ex = 2.48e-14 3^0.33 e^(-12.78/3) = 5.0328e-16, K_el = 1.2622e-13 m^3/s;
// E_c = 15.76 + 3.7652 x 12.14 + 944.3 x 3 (m_e/M) x 3 = 61.586 eV. The tolerance (1e-3 eV)
// is the rounding of these hand figures.
TEST(RfDischarge, CollisionalLossPerPairInArgonMatchesTheTableWorkedByHand) {
    EXPECT_NEAR(collisionalEnergyLossEv(argon(), 3.0), 61.586, 1e-3);
    // E_c falls steeply with T_e (L&L sec. 3.5: it approaches E_iz at high T_e)
    EXPECT_GT(collisionalEnergyLossEv(argon(), 2.0), collisionalEnergyLossEv(argon(), 3.0));
    EXPECT_LT(collisionalEnergyLossEv(argon(), 10.0), 30.0);
    EXPECT_GT(collisionalEnergyLossEv(argon(), 10.0), 15.76);
}

// L&L sec. 6.2 quote the floating-wall sheath of argon as 4.7 T_e; with the T_e / 2 presheath,
// V_p = 5.18 T_e. 0.5 % covers their rounding to two figures.
TEST(RfDischarge, WallPlasmaPotentialIsLiebermansArgonSheathPlusPresheath) {
    EXPECT_NEAR(wallPlasmaPotentialV(argon(), 1.0) - 0.5, 4.7, 0.005 * 4.7);
    EXPECT_NEAR(wallPlasmaPotentialV(argon(), 3.0), 15.537, 1e-3);
}

// 45 W forward, 5 W reflected, match 0.7, cable 0.99, |V_dc| = 100 V, T_e = 3 V:
// P_abs = 0.693 x 40 = 27.72 W; V_p = 15.537 V; E_T = 61.586 + 6 + 100 + 15.537 = 183.123 eV;
// I_ion = 27.72 / 183.123 = 0.151374 A (by hand). P / V_dc would have said 0.4 A.
TEST(RfDischarge, IonCurrentIsTheAbsorbedPowerOverTheEnergyPerPair) {
    RfDischargeSettings s;
    s.matchEfficiency = 0.7;
    s.cableEfficiency = 0.99;
    s.electronTemperatureV = 3.0;
    const RfIonSupply r = rfIonSupply(s, 45.0 - 5.0, 100.0, argon());
    EXPECT_NEAR(r.absorbedW, 27.72, 1e-12);
    EXPECT_NEAR(r.ionEnergyEv, 115.537, 1e-3);
    EXPECT_NEAR(r.energyPerPairEv, 183.123, 1e-3);
    EXPECT_NEAR(r.ionCurrentA, 0.151374, 1e-6);
    EXPECT_NEAR(r.ionsPerSecond, 0.151374 / 1.602176634e-19, 1e-6 / 1.602176634e-19);
    // energy conservation: every absorbed watt is carried away by the pairs
    EXPECT_NEAR(r.ionCurrentA * r.energyPerPairEv, r.absorbedW, 1e-12);
    // a given plasma potential replaces the wall value and enters the ion energy one to one
    s.plasmaPotentialV = 40.0;
    const RfIonSupply g = rfIonSupply(s, 40.0, 100.0, argon());
    EXPECT_NEAR(g.ionEnergyEv, 140.0, 1e-12);
    EXPECT_NEAR(g.ionCurrentA, 27.72 / (61.586 + 6.0 + 140.0), 1e-6);
}

TEST(RfDischarge, RejectsWhatItHasNoDataFor) {
    RfDischargeSettings s;
    EXPECT_THROW(rfIonSupply(s, 0.0, 100.0, argon()), std::invalid_argument);
    EXPECT_THROW(rfIonSupply(s, 40.0, -1.0, argon()), std::invalid_argument);
    s.matchEfficiency = 1.2;
    EXPECT_THROW(rfIonSupply(s, 40.0, 100.0, argon()), std::invalid_argument);
    s.matchEfficiency = 0.7;
    s.electronTemperatureV = 0.5;
    EXPECT_THROW(rfIonSupply(s, 40.0, 100.0, argon()), std::invalid_argument);
    try {
        collisionalEnergyLossEv(ElementTable::builtin().get("Kr"), 3.0);
        FAIL() << "expected no data for Kr";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("no RF energy-loss data for Kr"), std::string::npos);
    }
}

}  // namespace
}  // namespace magtwin
