// `magtwin twin ...`: the twin's log commands (README "Twin: tool logs").
//   twin sync TOOL.yaml LOG... --store PATH [--json] [--format NAME]
//   twin follow TOOL.yaml LOG --store PATH [--format NAME]
//   twin status --store PATH [--json]
//   twin forecast TOOL.yaml --store PATH [--json]; twin export-foam TOOL.yaml --store PATH --cathode NAME --out DIR
#pragma once

#include <CLI/CLI.hpp>

namespace magtwin {

void addTwinCommand(CLI::App& app);
/// `twin forecast` and `twin export-foam` (TwinForecastOptions.cpp).
void addTwinForecastCommands(CLI::App& twin);

}  // namespace magtwin
