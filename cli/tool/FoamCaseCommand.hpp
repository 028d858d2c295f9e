// `magtwin foam-case TOOL.yaml [--substrate NAME] [--cells N] --out DIR`: a runnable 3-D
// OpenFOAM case from a tool file (tool/FoamCase.hpp); the command only parses, calls
// writeFoamCase and prints what it wrote.
#pragma once

#include <CLI/CLI.hpp>

namespace magtwin {

void addFoamCaseCommand(CLI::App& app);

}  // namespace magtwin
