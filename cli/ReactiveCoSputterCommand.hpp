// `magtwin reactive` with several --cathode: every target in one gas balance and on one
// collector (solvers/reactive/CoSputterProcess.hpp); parses nothing of its own: takes the
// parsed options, resolves the cathodes from the tool file, calls coSputterProcess, prints.
#pragma once

#include "cli/ReactiveArgs.hpp"

namespace magtwin {

/// `powers`: per --cathode (NaN: its own); `gas` the reactive gas, `operatingSccm` its flow
/// (the given unit); `n` > 0: the process curve from `from` to `to` sccm into o.out.
void runCoSputter(const ToolFile& tool, const ReactiveOptions& o, const std::vector<double>& powers,
                  const std::vector<GasFlow>& flows, const std::optional<double>& pressure, const ReactiveGas& gas,
                  double operatingSccm, double from, double to, int n);

}  // namespace magtwin
