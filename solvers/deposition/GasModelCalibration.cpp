#include "solvers/deposition/GasModelCalibration.hpp"

#include "solvers/deposition/RacetrackSources.hpp"

#include <stdexcept>

namespace magtwin {

namespace {
// The reference geometry of the Mo-in-Ar calibration (bench_deposition gas).
const RegularPlaneGrid kPlane{-0.15, -0.15, 0.01, 0.01, 0.0, 31, 31};
const ChamberBox kBox{-0.25, 0.25, -0.25, 0.25, 0.10};
constexpr double kRingM = 0.02, kRMaxM = 0.14, kThrowM = 0.10;

std::vector<EmissionSource> referenceCathode() {
    PlanarCircularTarget t;
    t.centre = {0, 0, kThrowM};
    t.radiusM = 0.05;
    t.trackRadiusM = 0.03;
    t.sigmaM = 0.006;
    t.pitchM = 0.003;
    return {planarCircularSource(t, 1e18, makeAngularDistribution("cosine"))};
}
}  // namespace

std::vector<double> gasCalibrationPressuresPa() {
    // p d = 1, 5, 10 Pa cm at the 10 cm throw.
    return {0.01 / kThrowM, 0.05 / kThrowM, 0.10 / kThrowM};
}

GasModelCalibrationResult calibrateGasModelFor(const DepositCase& c, std::uint64_t histories,
                                               const ProgressFn& progress) {
    if (histories == 0) throw std::invalid_argument(c.file + ": calibrate-gas needs at least one history");
    GasScatteringSettings s = gasScatteringSettingsOf(c);
    GasModelCalibrationResult r;
    r.gas = c.cathodes.front().discharge.gas;
    r.element = c.cathodes.front().discharge.targetMaterial.elementSymbol();
    r.temperatureK = c.gasTemperatureK;
    r.pressuresPa = gasCalibrationPressuresPa();
    r.histories = histories;
    const std::vector<EmissionSource> src = referenceCathode();
    std::vector<std::vector<double>> maps;
    std::vector<double> n;
    for (double p : r.pressuresPa) {
        if (progress)
            progress("Monte Carlo: " + std::to_string(histories) + " histories at " + std::to_string(p) + " Pa");
        s.pressurePa = p;
        maps.push_back(gasScatteringFlux(src, kPlane, false, kBox, s, histories).fluxAtomsM2S);
        n.push_back(GasAttenuation::numberDensity(p, s.gasTemperatureK));
    }
    if (progress) progress("fitting sigma_eff, eta, N_th");
    r.fit = calibrateGasModel(src, kPlane, maps, n, kRingM, kRMaxM);
    for (std::size_t k = 0; k < maps.size(); ++k)
        r.errorOfPeak.push_back(gasModelError(src, kPlane, maps[k],
                                              {n[k], r.fit.sigmaEffM2, r.fit.eta, r.fit.thermalisationColumnPerM2},
                                              kRingM, kRMaxM));
    return r;
}

}  // namespace magtwin
