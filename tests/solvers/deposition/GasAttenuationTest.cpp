// The fast gas model against the Monte Carlo: calibrated on MC maps at p d = 1 and 5 Pa cm
// (0.1 and 0.5 Pa x 10 cm), it must track the MC within 3 % of the peak (the issue's
// figure) at 1, 2.5 (not used in the fit) and 5 Pa cm;
// and the FFT method carries the same attenuation as the direct sum.
#include "solvers/deposition/GasAttenuationModel.hpp"
#include "solvers/deposition/GasScatteringMonteCarlo.hpp"
#include "solvers/deposition/LineOfSightTransport.hpp"
#include "solvers/deposition/RacetrackSources.hpp"
#include "tests/solvers/deposition/SmallCircularCathode.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <iostream>

using namespace magtwin;

namespace {
const RegularPlaneGrid kGrid{-0.15, -0.15, 0.01, 0.01, 0.0, 31, 31};
const ChamberBox kBox{-0.25, 0.25, -0.25, 0.25, 0.10};
constexpr double kBin = 0.02, kRMax = 0.14;
}  // namespace

// MC noise: >= 1e4 counts in every 20 mm ring (3e5 histories), ~1 % of the peak, inside the 3 %.
TEST(GasAttenuation, CalibratedModelTracksMonteCarloUpTo5PaCm) {
    const auto src = fixtures::smallCircularCathode();
    GasScatteringSettings s;
    std::vector<std::vector<double>> mc;
    const std::vector<double> pressures{0.1, 0.25, 0.5};
    for (double p : pressures) {
        s.pressurePa = p;
        mc.push_back(gasScatteringFlux(src, kGrid, false, kBox, s, 300000).fluxAtomsM2S);
    }
    const GasCalibration cal = calibrateGasAttenuation(
        src, kGrid, {mc[0], mc[2]},
        {GasAttenuation::numberDensity(0.1, s.gasTemperatureK), GasAttenuation::numberDensity(0.5, s.gasTemperatureK)},
        kBin, kRMax);
    std::cout << "calibrated at 1 and 5 Pa cm: sigma_eff = " << cal.sigmaEffM2 << " m^2, eta = " << cal.eta << "\n";
    for (std::size_t k = 0; k < pressures.size(); ++k) {
        const GasAttenuation a{GasAttenuation::numberDensity(pressures[k], s.gasTemperatureK), cal.sigmaEffM2, cal.eta};
        const double err = gasModelError(src, kGrid, mc[k], a, kBin, kRMax);
        const double vacuumErr = gasModelError(src, kGrid, mc[k], GasAttenuation{}, kBin, kRMax);
        std::cout << "p d = " << pressures[k] * 10 << " Pa cm: fast model " << err * 100 << " % of peak (line of sight "
                  << vacuumErr * 100 << " %)\n";
        EXPECT_LT(err, 0.03) << "p = " << pressures[k];
    }
}

// The image-series Green's function conserves atoms: a unit point source at z0 between
// absorbing planes delivers 1 - z0/h to the plane z = 0 (the solution of the 1-D problem,
// linear in z0), and the two series agree where they meet (rho = h). Tolerances: image
// series truncation (< 1e-4 at rho = h) plus the midpoint quadrature (1e-5 / 1e-4 m steps).
TEST(GasDiffusion, GreensFunctionDeliversOneMinusZ0OverH) {
    const double h = 0.1;
    for (double z0 : {0.01, 0.05, 0.09}) {
        double total = 0;
        for (double rho = 0.5e-5; rho < h; rho += 1e-5)
            total += 2 * M_PI * rho * diffusionFluxDensity(rho, z0, h) * 1e-5;
        for (double rho = h + 0.5e-4; rho < 12 * h; rho += 1e-4)
            total += 2 * M_PI * rho * diffusionFluxDensity(rho, z0, h) * 1e-4;
        EXPECT_NEAR(total, 1 - z0 / h, 2e-3) << "z0 " << z0;
        const double below = diffusionFluxDensity(h * (1 - 1e-9), z0, h), above = diffusionFluxDensity(h, z0, h);
        EXPECT_NEAR(below / above, 1.0, 3e-4) << "z0 " << z0;
    }
}

// With the thermalised diffusive part, calibrated at 1, 5 and 10 Pa cm, the model tracks
// the MC within 3 % of peak at 1, 2.5 (not fitted) and 5 Pa cm; 10 Pa cm is reported.
// MC noise as above (~1 % of peak per 20 mm ring).
TEST(GasAttenuation, ModelWithDiffusionTracksMonteCarloUpTo5PaCm) {
    const auto src = fixtures::smallCircularCathode();
    GasScatteringSettings s;
    std::vector<std::vector<double>> mc;
    const std::vector<double> pressures{0.1, 0.25, 0.5, 1.0};
    std::vector<double> n;
    for (double p : pressures) {
        s.pressurePa = p;
        mc.push_back(gasScatteringFlux(src, kGrid, false, kBox, s, 300000).fluxAtomsM2S);
        n.push_back(GasAttenuation::numberDensity(p, s.gasTemperatureK));
    }
    const GasCalibration cal = calibrateGasModel(src, kGrid, {mc[0], mc[2], mc[3]}, {n[0], n[2], n[3]}, kBin, kRMax);
    std::cout << "with diffusion, calibrated at 1, 5, 10 Pa cm: sigma_eff = " << cal.sigmaEffM2
              << " m^2, eta = " << cal.eta << ", N_th = " << cal.thermalisationColumnPerM2 << " m^-2\n";
    for (std::size_t k = 0; k < pressures.size(); ++k) {
        const GasAttenuation a{n[k], cal.sigmaEffM2, cal.eta, cal.thermalisationColumnPerM2};
        const double err = gasModelError(src, kGrid, mc[k], a, kBin, kRMax);
        std::cout << "p d = " << pressures[k] * 10 << " Pa cm: model with diffusion " << err * 100 << " % of peak\n";
        if (pressures[k] <= 0.5) {
            EXPECT_LT(err, 0.03) << "p = " << pressures[k];
        }
    }
}

// The attenuation factor enters the FFT kernel exactly as in the direct sum (1e-3 of mean).
TEST(GasAttenuation, FastMethodCarriesTheAttenuation) {
    const auto src = fixtures::smallCircularCathode();
    const GasAttenuation a{GasAttenuation::numberDensity(0.5, 300), 3e-19, 0.4};
    FastTransportOptions o;
    o.attenuationPerM = a.numberDensityPerM3 * a.sigmaEffM2;
    o.scatteredDeposited = a.scatteredDeposited;
    const auto fast = fastLineOfSightFlux(src, kGrid, o);
    std::vector<Eigen::Vector3d> pts;
    for (std::size_t j = 0; j < kGrid.ny; ++j)
        for (std::size_t i = 0; i < kGrid.nx; ++i)
            pts.emplace_back(kGrid.x0 + i * kGrid.dx, kGrid.y0 + j * kGrid.dy, 0);
    const auto direct = lineOfSightFlux(src, pts, Eigen::Vector3d(0, 0, 1), a);
    const auto vacuum = lineOfSightFlux(src, pts);
    double mean = 0, worst = 0;
    for (double d : direct) mean += d / double(direct.size());
    for (std::size_t k = 0; k < direct.size(); ++k) worst = std::max(worst, std::abs(fast[k] - direct[k]));
    EXPECT_LT(worst / mean, 1e-3);
    EXPECT_LT(direct[15 + 31 * 15], 0.95 * vacuum[15 + 31 * 15]);  // the gas does attenuate
}
