// Argument parsing and tool-file resolution shared by `magtwin reactive`'s single-cathode
// (ReactiveCommand.cpp) and co-sputtering (ReactiveCoSputterCommand.cpp) paths: flows, powers,
// quantities, and each cathode's discharge and chamber part (process.reactive).
#pragma once

#include "cli/config/Units.hpp"
#include "cli/tool/ToolFile.hpp"
#include "solvers/reactive/ReactiveProcess.hpp"

#include <optional>
#include <string>
#include <vector>

namespace magtwin {

struct ReactiveOptions {
    std::string tool, pressure, gas, flowRange, out, target = "auto";
    std::vector<std::string> cathodes, powers, flows;
    bool json = false;
};

struct GasFlow {
    std::string gas;
    double sccm = 0.0;
};

/// A quantity of dimension `d` >= 0 with a unit, in SI; UsageError naming `option` otherwise.
double quantityArg(const std::string& option, const std::string& text, Dimension d);
/// "GAS=VALUE UNIT", UNIT sccm or slm; the gas inert or one the model has data for.
GasFlow flowArg(const std::string& text);
/// The --power of each --cathode (NaN: the cathode's own): "NAME=50 W" each, or with one
/// cathode also "50 W". Refuses a cathode given twice and a power for a cathode not given.
std::vector<double> powerArgs(const std::vector<std::string>& cathodes, const std::vector<std::string>& powers);
/// The cathode's discharge at `powerW` (NaN: its own power, or current x voltage).
ReactiveDischarge dischargeFor(const ToolCathode& k, double powerW);
/// The chamber of Berg's model from the tool file (process.reactive, the cathode's face) and,
/// with --pressure, S = k T Q_total / p (every gas pumped at the same speed; the consumption by
/// target and walls neglected, so this S is an upper estimate).
ReactiveChamber chamberFor(const ToolFile& tool, const ToolCathode& k, const std::vector<GasFlow>& flows,
                           const std::optional<double>& pressurePa);

}  // namespace magtwin
