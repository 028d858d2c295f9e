// `magtwin calibrate-gas TOOL --out FILE [--histories N] [--json]`: fits the fast gas model
// (sigma_eff, eta, N_th) to the gas-scattering Monte Carlo for the tool's own sputtered
// element and gas (solvers/deposition/GasModelCalibration.hpp) and writes the tool file's
// `deposition.gas_model` block to FILE (written complete or not at all), with the fit's
// errors in its comment. Paste it into the tool file's `deposition:` section (or append
// the block when the tool file has none).
#pragma once

#include <CLI/CLI.hpp>

namespace magtwin {
void addCalibrateGasCommand(CLI::App& app);
}
