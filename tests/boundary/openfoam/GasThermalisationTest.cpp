// Tests of bridge/GasThermalisation (sputterFoam's thermalised volume source): the share
// scattered out of the line of sight, from the solid-angle weights, equals the core's plane
// formula (1 - eta)(1 - 2 E_3(n sigma h)) facing one plane; the emission's solid-angle weights
// sum to 1 over that plane; d_th = N_th / n; bad entries name the key.
#include "boundary/openfoam/bridge/GasThermalisation.hpp"
#include "solvers/deposition/GasAttenuationModel.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <string>

namespace {

using magtwin::foam::GasThermalisation;

/// The emission-weighted mean transmission to the plane at distance h, integrated with the
/// bridge's own weights over rings of the plane (rho = h tan(theta), midpoint rule in theta:
/// the ring of radius rho and width d rho has area 2 pi rho d rho, and cos_e = cos_r = cos theta,
/// r = h / cos theta). Returns {sum of weights, mean transmission}.
std::pair<double, double> planeMean(const GasThermalisation& g, double h) {
    const int n = 200000;
    const double dt = (M_PI / 2) / n;
    double w = 0, wt = 0;
    for (int i = 0; i < n; ++i) {
        const double t = (i + 0.5) * dt, c = std::cos(t), r = h / c;
        const double rho = h * std::tan(t), drho = h / (c * c) * dt;
        const double wi = g.viewWeight(c, c, 2 * M_PI * rho * drho, r);
        w += wi;
        wt += wi * g.transmission(r);
    }
    return {w, wt / w};
}

TEST(GasThermalisation, FacingOnePlaneItIsTheCorePlaneFormula) {
    // Mo in Ar at 0.5 Pa, 300 K with the core's calibration, and a thicker gas (eta > 0).
    for (const double sigma : {6.31e-21, 2e-19}) {
        const double eta = sigma > 1e-20 ? 0.3 : 0.0;
        const GasThermalisation g(0.5, 300, sigma, eta, 2.51e17);
        magtwin::GasAttenuation core;
        core.numberDensityPerM3 = magtwin::GasAttenuation::numberDensity(0.5, 300);
        core.sigmaEffM2 = sigma;
        core.scatteredDeposited = eta;
        core.thermalisationColumnPerM2 = 2.51e17;
        for (const double h : {0.02, 0.1, 0.3}) {
            const auto [sum, mean] = planeMean(g, h);
            // Midpoint rule with 2e5 steps: error ~ (pi/2 / 2e5)^2 ~ 6e-11 of the integrand's scale.
            EXPECT_NEAR(sum, 1.0, 1e-8) << "the cosine law's solid-angle weights over a plane";
            EXPECT_NEAR(g.thermalisedFractionOf(mean), core.thermalisedFraction(h), 1e-8)
                << "sigma " << sigma << " h " << h;
            EXPECT_NEAR(g.thermalisedFraction(h), core.thermalisedFraction(h), 1e-15);
        }
    }
}

TEST(GasThermalisation, ThermalisationDistanceIsTheColumnOverTheNumberDensity) {
    const GasThermalisation g(0.5, 300, 6.31e-21, 0, 2.51e17);
    const double n = 0.5 / (1.380649e-23 * 300);  // ideal gas, k_B exact (SI 2019)
    EXPECT_NEAR(g.numberDensity(), n, 1e-9 * n);
    EXPECT_NEAR(g.thermalisationDistance(0.1), 2.51e17 / n, 1e-15);
    // Clamped at 0.95 h (GasAttenuation::thermalisationHeight) close to a wall.
    EXPECT_NEAR(g.thermalisationDistance(0.001), 0.95e-3, 1e-15);
}

TEST(GasThermalisation, VacuumAndNoColumnThermaliseNothing) {
    EXPECT_EQ(GasThermalisation(0, 300, 6.31e-21, 0, 2.51e17).thermalisedFractionOf(0.5), 0.0);
    EXPECT_EQ(GasThermalisation(0.5, 300, 6.31e-21, 0, 0).thermalisedFractionOf(0.5), 0.0);
}

TEST(GasThermalisation, BadEntriesNameTheKey) {
    const auto message = [](auto make) {
        try {
            make();
        } catch (const std::invalid_argument& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    EXPECT_NE(message([] { GasThermalisation(-1, 300, 1e-20, 0, 1e17); }).find("gasPressure"), std::string::npos);
    EXPECT_NE(message([] { GasThermalisation(0.5, 0, 1e-20, 0, 1e17); }).find("gasTemperature"), std::string::npos);
    EXPECT_NE(message([] { GasThermalisation(0.5, 300, -1, 0, 1e17); }).find("sigmaEff"), std::string::npos);
    EXPECT_NE(message([] { GasThermalisation(0.5, 300, 1e-20, 2, 1e17); }).find("scatteredDeposited"),
              std::string::npos);
    EXPECT_NE(message([] { GasThermalisation(0.5, 300, 1e-20, 0, -1); }).find("thermalisationColumn"),
              std::string::npos);
    const std::string law = message([] { GasThermalisation(0.5, 300, 1e-20, 0, 1e17, "lambert"); });
    EXPECT_NE(law.find("emissionDistribution"), std::string::npos);
    EXPECT_NE(law.find("cosine"), std::string::npos) << "lists the valid names: " << law;
}

}  // namespace
