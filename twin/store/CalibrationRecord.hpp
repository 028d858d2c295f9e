// CalibrationRecord: one version of a tool's calibration as the store keeps it (table
// `calibrations`, schema version 2; both back ends): per source and target a
// rate scale factor with its 1-sigma uncertainty, how it was obtained and a summary.
// Schema version 3 adds the gas-scattering strength (columns gas_sigma_eff_m2,
// gas_sigma_m2, gas_status): the fast gas model's effective cross-section the calibration
// fitted (0: not fitted, replay stays vacuum line of sight) and why it was or was not.
// Versions count up per tool from 1; the newest is what replay uses.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace magtwin {

struct CalibrationParameter {
    std::string source, targetId;
    double scale = 1.0;
    double sigma = 0.0;  ///< 1-sigma, from the fit's covariance
};

struct CalibrationGas {
    double sigmaEffM2 = 0.0;  ///< 0: not fitted (replay without the gas model)
    double sigmaM2 = 0.0;     ///< 1-sigma, from the fit's covariance
    std::string status;       ///< "fitted", or why not ("" in versions saved before schema 3)
};

struct CalibrationRecord {
    std::int64_t version = 0;  ///< assigned by the store
    double createdTime = 0.0;  ///< UTC s
    std::string method;        ///< e.g. "ceres-lm monitor-rate"
    std::vector<CalibrationParameter> parameters;
    std::string summary;  ///< free text (JSON of the fit's figures)
    CalibrationGas gas;
};

/// Parameters as text (one "source\ttarget\tscale\tsigma" line each, doubles exact) and back;
/// decode throws std::runtime_error on a malformed line.
std::string encodeCalibrationParameters(const std::vector<CalibrationParameter>& p);
std::vector<CalibrationParameter> decodeCalibrationParameters(const std::string& text);

/// The DDL of the calibrations table (`id` the back end's auto-increment primary key type).
std::string calibrationTableSql(const std::string& idType);

}  // namespace magtwin
