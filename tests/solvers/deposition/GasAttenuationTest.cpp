// The fast gas model against the Monte Carlo: calibrated on MC maps at p d = 1 and 5 Pa cm
// (0.1 and 0.5 Pa x 10 cm), it must track the MC within 3 % of the peak (the issue's
// figure) at 1, 2.5 (not used in the fit) and 5 Pa cm;
// and the FFT method carries the same attenuation as the direct sum.
#include "deposition/GasAttenuationModel.hpp"
#include "deposition/GasScatteringMonteCarlo.hpp"
#include "deposition/LineOfSightTransport.hpp"
#include "deposition/RacetrackSources.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <iostream>

using namespace magtwin;

namespace {
std::vector<EmissionSource> cathode() {
    PlanarCircularTarget t;
    t.centre = {0, 0, 0.10};
    t.radiusM = 0.05;
    t.trackRadiusM = 0.03;
    t.sigmaM = 0.006;
    t.pitchM = 0.003;
    return {planarCircularSource(t, 1e18, makeAngularDistribution("cosine"))};
}
const RegularPlaneGrid kGrid{-0.15, -0.15, 0.01, 0.01, 0.0, 31, 31};
const ChamberBox kBox{-0.25, 0.25, -0.25, 0.25, 0.10};
constexpr double kBin = 0.02, kRMax = 0.14;
}  // namespace

// MC noise: >= 1e4 counts in every 20 mm ring (3e5 histories), ~1 % of the peak, inside the 3 %.
TEST(GasAttenuation, CalibratedModelTracksMonteCarloUpTo5PaCm) {
    const auto src = cathode();
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

// The attenuation factor enters the FFT kernel exactly as in the direct sum (1e-3 of mean).
TEST(GasAttenuation, FastMethodCarriesTheAttenuation) {
    const auto src = cathode();
    const GasAttenuation a{GasAttenuation::numberDensity(0.5, 300), 3e-19, 0.4};
    FastTransportOptions o;
    o.attenuationPerM = a.numberDensityPerM3 * a.sigmaEffM2;
    o.scatteredDeposited = a.scatteredDeposited;
    const auto fast = fastLineOfSightFlux(src, kGrid, o);
    std::vector<Eigen::Vector3d> pts;
    for (std::size_t j = 0; j < kGrid.ny; ++j)
        for (std::size_t i = 0; i < kGrid.nx; ++i) pts.emplace_back(kGrid.x0 + i * kGrid.dx, kGrid.y0 + j * kGrid.dy, 0);
    const auto direct = lineOfSightFlux(src, pts, Eigen::Vector3d(0, 0, 1), a);
    const auto vacuum = lineOfSightFlux(src, pts);
    double mean = 0, worst = 0;
    for (double d : direct) mean += d / double(direct.size());
    for (std::size_t k = 0; k < direct.size(); ++k) worst = std::max(worst, std::abs(fast[k] - direct[k]));
    EXPECT_LT(worst / mean, 1e-3);
    EXPECT_LT(direct[15 + 31 * 15], 0.95 * vacuum[15 + 31 * 15]);  // the gas does attenuate
}
