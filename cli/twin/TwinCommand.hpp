// `magtwin twin ...`: the twin's log commands (README "Twin: tool logs").
//   twin sync TOOL.yaml LOG... --store PATH [--json] [--format NAME]
//   twin follow TOOL.yaml LOG --store PATH [--format NAME]
//   twin status --store PATH [--json]
#pragma once

#include <CLI/CLI.hpp>

namespace magtwin {

void addTwinCommand(CLI::App& app);

}  // namespace magtwin
