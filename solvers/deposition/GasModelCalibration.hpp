// GasModelCalibration: the fast gas model's parameters (sigma_eff, eta, N_th;
// GasAttenuationModel.hpp) for a tool's own sputtered element and gas, fitted to the
// gas-scattering Monte Carlo (`magtwin calibrate-gas TOOL --out FILE`, which writes the
// tool file's deposition.gas_model block).
//
// The calibration is the one the shipped Mo-in-Ar parameters come from (bench_deposition
// gas, GasAttenuationTest): a 100 mm planar disc cathode (30 mm racetrack radius, 6 mm
// Gaussian track) 10 cm above a 310 x 310 mm plane at 10 mm, in a 500 x 500 mm box; Monte
// Carlo maps at p d = 1, 5 and 10 Pa cm (0.1, 0.5, 1.0 Pa at the 10 cm throw), then
// calibrateGasModel (grid search over sigma_eff, eta, N_th) on the 20 mm ring-averaged
// profiles to 140 mm. The gas, its temperature, the sputtered element and the Thompson cut
// are the tool's (gasScatteringSettingsOf). Validity of the fitted model: p d <= 10 Pa cm.
#pragma once

#include "solvers/deposition/DepositionRun.hpp"
#include "solvers/deposition/GasAttenuationModel.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace magtwin {

struct GasModelCalibrationResult {
    GasCalibration fit;        ///< sigma_eff, eta, N_th and the largest error (of peak) in the fit
    std::string gas, element;  ///< the pair calibrated
    double temperatureK = 300;
    std::vector<double> pressuresPa;  ///< the Monte Carlo maps' pressures (10 cm throw)
    std::vector<double> errorOfPeak;  ///< |model - MC| / MC peak at each pressure
    std::uint64_t histories = 0;      ///< per pressure
};

/// The reference pressures: p d = 1, 5, 10 Pa cm at the 10 cm throw.
std::vector<double> gasCalibrationPressuresPa();

/// Fits the fast gas model to Monte Carlo maps of case `c`'s sputtered element in its gas
/// (`histories` per pressure, the case's seed). Throws std::invalid_argument naming the
/// case's file when the case has no single sputtered element or histories is 0.
GasModelCalibrationResult calibrateGasModelFor(const DepositCase& c, std::uint64_t histories,
                                               const ProgressFn& progress = {});

}  // namespace magtwin
