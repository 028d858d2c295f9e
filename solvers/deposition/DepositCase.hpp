// DepositCase: one deposition run as the solver's SI parameter structs: one substrate under
// all the cathodes of a chamber (an `array:` stays one CathodeGroup: count, pitch), its
// motion, film, emission law, transport gas and the optimiser's bounds. Filled once from a
// tool file by the command line (cli/deposit/DepositConfig: depositCaseFor); keys, units and
// defaults: docs/tool-file.md.
#pragma once

#include "solvers/deposition/CathodeLayout.hpp"
#include "solvers/deposition/ChamberSticking.hpp"
#include "solvers/deposition/EmissionAngularDistribution.hpp"
#include "solvers/deposition/Substrate.hpp"
#include "solvers/deposition/SubstrateMotion.hpp"

#include <string>
#include <vector>

namespace magtwin {

struct DepositCase {
    std::string file;
    std::string substrateName;  ///< the substrate's kind: "glass" or "wafer"
    Substrate substrate;
    SubstrateMotion motion;
    Material filmMaterial;  ///< the film: its density sets the thickness
    /// film.material or film.density given in the tool file (FilmComposition.hpp: the
    /// thickness rule of co-sputtered films)
    bool filmStated = false;
    double sticking = 1.0;
    /// Share of the substrate no cathode footprint covers (the tool file's sense check; reported)
    double uncoveredSubstrateShare = 0.0;
    double uniformityTargetPct = 3.0;
    /// process.cycle_time: time from one substrate to the next (s); 0: not given (life in kWh only)
    double cycleTimeS = 0.0;
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
    /// process.sticking: targets, shields, walls (the gas Monte Carlo's surfaces; the
    /// line-of-sight and fast gas models take 1: requireStickingTransport)
    ChamberSticking chamberSticking;
    std::string stickingOrigin;  ///< "FILE:LINE: key 'process.sticking" when given
    long histories = 10000000;
    long seed = 12345;
};

}  // namespace magtwin
