// SimulationRecipeReader: a `twin simulate-log` recipe YAML (cases/recipes/*.yaml,
// docs/simulate-log.md) -> SimulationRecipe (twin/simulate), read once at the edge with the
// shared config reader; and the tool file's deposition case for the recipe's substrate kind.
#pragma once

#include "solvers/deposition/DepositCase.hpp"
#include "twin/simulate/SimulationRecipe.hpp"

#include <string>
#include <vector>

namespace magtwin {

struct ToolFile;

/// Reads and checks `path`; `cathodes` and `supplies` are the tool's (events must name
/// them). Throws ConfigError with file, line and key.
SimulationRecipe readSimulationRecipe(const std::string& path, const std::vector<std::string>& cathodes,
                                      const std::vector<std::string>& supplies);

/// The deposition case (depositCaseFor) of the tool's first substrate of kind `kind` ("glass"
/// or "wafer"); throws ConfigError naming the tool file when it has none.
DepositCase simulationCaseFor(const ToolFile& tool, const std::string& kind);

}  // namespace magtwin
