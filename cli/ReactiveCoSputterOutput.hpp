// The output of `magtwin reactive` with several --cathode (co-sputtering, CoSputtering.hpp):
// the stable shared steady states, each with its targets[] (per cathode: compound fraction,
// share of the rate, voltage, ion current), as JSON or text (docs/reactive.md).
#pragma once

#include "solvers/reactive/CoSputterProcess.hpp"
#include "solvers/reactive/CoSputtering.hpp"
#include "solvers/reactive/ReactiveProcess.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace magtwin {

/// Prints the stable states of `model` (targets in the order of `cathodes`) as JSON (`json`)
/// or text. `flowScale`: process.reactive.flow_scale (the window in the given flow unit);
/// `rateFactor`: process.reactive.substrate_rate_factor (applied to every rate).
void printCoSputterStates(std::ostream& out, const std::vector<ReactiveOperatingState>& states,
                          const CoSputtering& model, const std::vector<CoSputterCathode>& cathodes,
                          double operatingSccm, double flowScale, double rateFactor, bool json);

}  // namespace magtwin
