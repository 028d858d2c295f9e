// `magtwin calibrate-rate`: the rate model against a tool's measured deposition rates
// (see twin/calibration/RateCalibration.hpp), with a predicted-vs-measured plot.
#pragma once

#include <CLI/CLI.hpp>

namespace magtwin {
void addCalibrateRateCommand(CLI::App& app);
}
