// FoamDict: the OpenFOAM boundary-condition entries of a tool file's cathode (the
// target-side source of sputteredFlux and sputterErosion, common/sputterSourceSettings.H)
// and of a substrate (filmDeposition: filmElement, stickingCoefficient, gasTemperature),
// so an OpenFOAM case's numbers come from the same tool file (`magtwin foam-dict`).
// The case keeps what the tool file does not describe: the mesh frame (origin, e1, e2),
// the thermalized fraction and numerics (the diffusivity comes from the tool file's pressure).
#pragma once

#include "boundary/util/TextNumber.hpp"
#include "cli/tool/ToolFile.hpp"

#include <string>

namespace magtwin {

/// A number in an OpenFOAM dictionary written from the tool file: 10 significant digits.
inline std::string foamNumber(double v) { return textNumber(v, 10); }

/// ion, target, yieldModel, angularModel, ionEnergy, ionFluxModel racetrack, racetrack {...}.
/// ionCurrent = I / (1 + gamma_SE) (IonSupply). Throws ConfigError for what the BCs lack
/// (a tabulated profile).
std::string foamSourceEntries(const ToolFile& tool, const ToolCathode& cathode);
/// filmElement, stickingCoefficient, gasTemperature of filmDeposition, and, when the tool
/// file's process.pressure is > 0, the diffusivity of the film's atoms in the process gas
/// (Chapman-Enskog, solvers/deposition/GasDiffusivity.hpp).
std::string foamFilmEntries(const ToolFile& tool, const ToolSubstrate& substrate);

}  // namespace magtwin
