// TargetLifeCost: the cost arithmetic of one target life (lifeCost) against a worked example
// done by hand, and against the energy balance of a constant rate.
#include "solvers/deposition/TargetLifeCost.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

using namespace magtwin;

namespace {

// Two cathodes at 10 kW, fixed trims 1 and 1.5; a 1 L target of 10,000 kg/m^3 (10 kg);
// film density 10,000 kg/m^3; 2 m^2 substrates, 60 s each; life 1000 kWh, utilization 40 %;
// the mean film falls 100 -> 90 -> 80 nm at 0, 500 and 999 kWh.
LifeCostInputs workedExample() {
    LifeCostInputs in;
    in.cathodes = 2;
    in.cathodePowerKW = 10;
    in.trims = {1.0, 1.5};
    in.targetLifeKWh = 1000;
    in.utilization = 0.4;
    in.targetVolumeM3 = 1e-3;
    in.targetDensityKgM3 = 1e4;
    in.filmDensityKgM3 = 1e4;
    in.substrateAreaM2 = 2;
    in.motionTimeS = 60;
    in.lifeKWh = {0, 500, 999};
    in.meanFilmNm = {100, 90, 80};
    return in;
}

}  // namespace

// By hand: array power 10 x (1 + 1.5) = 25 kW; array life 2 x 1000 = 2000 kWh; the hardest
// cathode (trim 1.5) ends the life when the array has delivered 1000 x 2.5 / 1.5 = 1666.67 kWh.
// Target mass 1e-3 x 1e4 = 10 kg, array 20 kg. Rate integral (kWh of new-target rate):
// 0.5 (1 + 0.9) 500 + 0.5 (0.9 + 0.8) 499 + 0.8 x 1 = 475 + 424.15 + 0.8 = 899.95; mean
// cathode power 12.5 kW, so substrates = 899.95 kWh / (12.5 kW x 60 s / 3600 s/h) = 4319.76;
// coated area 8639.52 m^2; bought 20 / 8639.52 = 2.314944e-3 kg/m^2; film 1e4 x 100e-9 =
// 1e-3 kg/m^2; rate new 100 nm / 1 min / 25 kW = 4 nm/min per kW; deposited fraction
// 1e-3 x 8639.52 / (20 x 0.4) = 1.07994. Tolerance 1e-12 relative: a handful of roundings.
TEST(TargetLifeCost, WorkedExampleByHand) {
    const LifeCost c = lifeCost(workedExample());
    EXPECT_NEAR(c.arrayPowerKW, 25.0, 1e-12 * 25);
    EXPECT_NEAR(c.arrayLifeKWh, 2000.0, 1e-12 * 2000);
    EXPECT_NEAR(c.arrayLifeHardestCathodeKWh, 1000.0 * 2.5 / 1.5, 1e-12 * 1667);
    EXPECT_NEAR(c.targetMassKg, 10.0, 1e-12 * 10);
    EXPECT_NEAR(c.arrayMassKg, 20.0, 1e-12 * 20);
    EXPECT_NEAR(c.filmNm, 100.0, 0);
    EXPECT_NEAR(c.filmKgPerM2, 1e-3, 1e-12 * 1e-3);
    EXPECT_NEAR(c.substratesPerLife, 4319.76, 1e-12 * 4319.76);
    EXPECT_NEAR(c.coatedAreaM2, 8639.52, 1e-12 * 8639.52);
    EXPECT_NEAR(c.boughtKgPerM2, 20.0 / 8639.52, 1e-12 * 2.3e-3);
    EXPECT_NEAR(c.depositedFraction, 1e-3 * 8639.52 / 8.0, 1e-12);
    ASSERT_EQ(c.ratePerKW.size(), 3u);
    EXPECT_NEAR(c.ratePerKW[0], 4.0, 1e-12 * 4);
    EXPECT_NEAR(c.ratePerKW[1], 3.6, 1e-12 * 4);
    EXPECT_NEAR(c.ratePerKW[2], 3.2, 1e-12 * 4);
}

// A constant rate: every substrate takes T s at the mean cathode power P, so a target life of
// L kWh coats L / (P T) substrates (energy balance), whatever the life points; the material
// bought per m^2 is then N V rho / (L / (P T) A).
TEST(TargetLifeCost, ConstantRateIsTheEnergyBalance) {
    LifeCostInputs in = workedExample();
    in.trims = {1.0, 1.0};
    in.lifeKWh = {0, 137, 611, 998.5};
    in.meanFilmNm = {70, 70, 70, 70};
    const LifeCost c = lifeCost(in);
    const double substrates = 1000 * 3.6e6 / (10e3 * 60);  // 6000
    EXPECT_NEAR(c.substratesPerLife, substrates, 1e-12 * substrates);
    EXPECT_NEAR(c.boughtKgPerM2, 20.0 / (substrates * 2), 1e-12 * 20.0 / (substrates * 2));
    EXPECT_NEAR(c.arrayLifeHardestCathodeKWh, c.arrayLifeKWh, 1e-12 * 2000);  // equal trims: both end together
}

TEST(TargetLifeCost, RefusesInputsItCannotUse) {
    LifeCostInputs in = workedExample();
    in.lifeKWh.front() = 10;  // the first point must be the new target
    EXPECT_THROW(lifeCost(in), std::invalid_argument);
    in = workedExample();
    in.trims.pop_back();  // one trim per cathode
    EXPECT_THROW(lifeCost(in), std::invalid_argument);
    in = workedExample();
    in.meanFilmNm.pop_back();
    EXPECT_THROW(lifeCost(in), std::invalid_argument);
    in = workedExample();
    in.motionTimeS = 0;
    EXPECT_THROW(lifeCost(in), std::invalid_argument);
}
