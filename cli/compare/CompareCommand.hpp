// `magtwin compare TOOL_A.yaml TOOL_B.yaml --out DIR [--life-points 10] [--method fast|direct]
// [--json]`: two tools (e.g. planar vs rotary on the same glass) side by side over one target
// life (the cost model solvers/deposition/TargetLifeCost.hpp: utilization, life, material bought per m^2 of coated
// glass, rate per kW, U new / mid-life / end of life with the recipe fixed and re-trimmed). Writes into DIR (complete
// or not at all: DIR.tmp-PID, renamed):
//   compare.json  {"definitions": {...}, "same_substrate", "columns": [A, B]}
//   compare.png   A's and B's U over life side by side (same U axis) and both rates per kW
// Both tool files are read and checked before any computation; bad arguments exit 2 naming
// the argument; progress on stderr (terminal).
#pragma once

#include <CLI/CLI.hpp>

namespace magtwin {

void addCompareCommand(CLI::App& app);

}  // namespace magtwin
