// DepositConfig: the deposition run of a tool file (cli/tool/ToolFile): one substrate
// under all the tool's cathodes, as the solver's SI parameter structs. The cathodes of an
// `array:` become one CathodeGroup (count, pitch) again, so a used target is eroded once
// per array. Keys, units and defaults: docs/tool-file.md.
#pragma once

#include "cli/tool/ToolFile.hpp"
#include "solvers/deposition/DepositCase.hpp"

#include <string>
#include <vector>

namespace magtwin {

/// The tool's cathodes as deposit groups: a single cathode, or an array as its prototype
/// and the placement of its members (cathodeGroupOf), each with the tool's erosion settings.
std::vector<CathodeGroup> cathodeGroupsOf(const ToolFile& tool);

/// The run of substrate `substrateName` ("" = the first) of `tool`; throws ConfigError when
/// the tool has no such substrate or a cathode uses what the deposition sources lack.
DepositCase depositCaseFor(const ToolFile& tool, const std::string& substrateName);

/// Refuses (ConfigError naming the pair) the fast gas model's default Mo-in-Ar calibration
/// for another target/gas pair at pressure > 0 with `method` fast or direct. `alternative`
/// ends the message: what else the command offers (deposit: the gas Monte Carlo).
void requireGasCalibration(const DepositCase& c, const std::string& method,
                           const std::string& alternative = " or use --method mc");

}  // namespace magtwin
