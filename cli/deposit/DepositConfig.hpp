// DepositConfig: the `magtwin deposit` YAML file, read once into SI parameter structs.
// Read with the shared config reader (cli/config/ConfigReader: units in the value or the
// key, file:line:key errors, unknown keys rejected with a suggestion).
// Schema (see cases/deposition/*.yaml for complete examples):
//
//   substrate:   kind: glass | wafer     size_x, size_y (glass) or diameter (wafer)
//                pitch, edge_exclusion, centre_x, centre_y (lengths)
//   motion:      kind: static | scan | rotation;  time (static, rotation);
//                speed, passes (scan along x)
//   film:        material (element symbol, default: the first cathode's target),
//                sticking (0..1, default 1), uniformity_target (default 3 %)
//   emission:    angular: cosine | cosn | yamamura1981;  cos_exponent (cosn)
//   optimise:    power_trims: true|false, min_trim, max_trim (defaults 0.5, 1.5),
//                wobble_amplitudes: [0 deg, 10 deg, ...] (rotary arrays: the magnet-bar wobble
//                amplitudes to try; the one with the lowest U after trims is used)
//   gas:         pressure ("0.5 Pa", default 0 = vacuum), temperature ("300 K");
//                fast/direct: the fast gas model's sigma_eff_m2, eta, thermalisation_column_per_m2
//                (defaults: the Mo-in-Ar calibration, GasAttenuationModel.hpp; valid for
//                p d <= 10 Pa cm, a warning on stderr beyond); mc: histories, seed
//   cathodes:    list of
//     - type: rotary-array | planar-rect | planar-circular
//       name, target (element), gas (Ar), voltage, secondary_electron_yield, yield_model,
//       power (per cathode), power_trims: [..], life ("5000 kWh", or life_kWh: 5000: this
//       group's own life point, overriding --life-kWh), target_thickness (material
//       thickness; rotary: tube wall; needed at a life point > 0, where the erosion engine
//       supplies the eroded target's emission), magnet_distance (new face -> magnets:
//       the erosion engine's groove narrowing; default off)
//       rotary-array: count, pitch, centre_x, centre_y, axis_height, outer_radius, length,
//                     axial_pitch, angular_pitch, racetrack {separation, sigma,
//                     loop_length, turnaround_enhancement}, wobble_amplitude (angle)
//       planar-rect:  centre [x, y, z], length (along y), width, element_pitch, racetrack {...},
//                     count, pitch (an array along x centred on centre), wobble_amplitude (length)
//       planar-circular: centre [x, y, z], radius, track_radius, track_sigma, element_pitch
#pragma once

#include "deposition/CathodeLayout.hpp"
#include "deposition/EmissionAngularDistribution.hpp"
#include "deposition/Substrate.hpp"
#include "deposition/SubstrateMotion.hpp"

#include <string>
#include <vector>

namespace magtwin {

struct DepositCase {
    std::string file;
    std::string substrateName;  ///< "glass" or "wafer"
    Substrate substrate;
    SubstrateMotion motion;
    std::string filmMaterial;
    double sticking = 1.0;
    double uniformityTargetPct = 3.0;
    std::string angular = "cosine";
    AngularDistributionParams angularParams;
    bool optimiseTrims = false;
    double minTrim = 0.5, maxTrim = 1.5;
    std::vector<double> wobbleCandidatesRad;  ///< rotary wobble amplitudes the optimiser tries
    std::vector<CathodeGroup> cathodes;
    double pressurePa = 0.0;
    double gasTemperatureK = 300.0;
    /// Fast gas model (GasAttenuationModel.hpp) defaults: kDefaultGasCalibration (DepositConfig.cpp).
    double gasSigmaEffM2 = 0.0, gasEta = 0.0, gasThermalisationColumnPerM2 = 0.0;
    long histories = 10000000;
    long seed = 12345;
};

/// Throws UsageError (file:line: key: expected ...) on any problem.
DepositCase readDepositConfig(const std::string& path);

}  // namespace magtwin
