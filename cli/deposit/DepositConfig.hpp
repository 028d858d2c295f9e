// DepositConfig: the deposition run of a tool file (cli/tool/ToolFile): one substrate
// under all the tool's cathodes, as the solver's SI parameter structs. The cathodes of an
// `array:` become one CathodeGroup (count, pitch) again, so a used target is eroded once
// per array. Keys, units and defaults: docs/tool-file.md.
#pragma once

#include "deposition/CathodeLayout.hpp"
#include "deposition/EmissionAngularDistribution.hpp"
#include "deposition/Substrate.hpp"
#include "deposition/SubstrateMotion.hpp"
#include "tool/ToolFile.hpp"

#include <string>
#include <vector>

namespace magtwin {

struct DepositCase {
    std::string file;
    std::string substrateName;  ///< the substrate's kind: "glass" or "wafer"
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
    /// optimise.end_boost_gain / end_boost_length: [min, max] (empty: not searched).
    std::vector<double> endBoostGainBounds, endBoostLengthBoundsM;
    std::vector<CathodeGroup> cathodes;
    double pressurePa = 0.0;
    double gasTemperatureK = 300.0;
    /// Fast gas model (GasAttenuationModel.hpp): the tool's deposition.gas_model.
    double gasSigmaEffM2 = 0.0, gasEta = 0.0, gasThermalisationColumnPerM2 = 0.0;
    bool gasModelGiven = false;  ///< false: the Mo-in-Ar defaults (requireGasCalibration)
    long histories = 10000000;
    long seed = 12345;
};

/// The run of substrate `substrateName` ("" = the first) of `tool`; throws ConfigError when
/// the tool has no such substrate or a cathode uses what the deposition sources lack.
DepositCase depositCaseFor(const ToolFile& tool, const std::string& substrateName);

/// Refuses (ConfigError naming the pair) the fast gas model's default Mo-in-Ar calibration
/// for another target/gas pair at pressure > 0 with `method` fast or direct.
void requireGasCalibration(const DepositCase& c, const std::string& method);

}  // namespace magtwin
