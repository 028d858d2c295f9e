// ToolReactiveState: a tool file's reactive supply (process.reactive with flows) turned into
// the state of one cathode's target (solvers/reactive/ReactiveTargetState), the one place
// erode and deposit take it from.
#pragma once

#include "cli/tool/ToolFile.hpp"
#include "solvers/reactive/ReactiveTargetState.hpp"

#include <optional>

namespace magtwin {

/// The supply of `tool` (chamber from process.reactive, its reactive gas and flow, the
/// approach); nullopt without process.reactive.flows.
std::optional<ReactiveOperation> reactiveOperationOf(const ToolFile& tool, const CathodeSpec& cathode);

/// The state of `cathode`'s target under the tool's reactive supply; nullopt without one.
/// Throws ConfigError naming process.reactive.flows when the model has no steady state.
std::optional<ReactiveTargetState> reactiveStateFor(const ToolFile& tool, const CathodeSpec& cathode);

/// The state as a JSON object (erode's and deposit's summary.json: "reactive").
std::string reactiveStateJson(const ReactiveTargetState& s);
/// One line for the terminal: "N2 2.3 sccm from_metal: metal mode, theta_t 0.12 (centre 0.05, ...)".
std::string reactiveStateLine(const ReactiveTargetState& s);

}  // namespace magtwin
