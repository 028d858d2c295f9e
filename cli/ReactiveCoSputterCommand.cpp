#include "cli/ReactiveCoSputterCommand.hpp"

#include "cli/ReactiveCoSputterOutput.hpp"
#include "cli/ReactiveCommandOutput.hpp"
#include "cli/UsageError.hpp"
#include "solvers/reactive/CoSputterProcess.hpp"

#include <iomanip>
#include <iostream>
#include <sstream>

namespace magtwin {

void runCoSputter(const ToolFile& tool, const ReactiveOptions& o, const std::vector<double>& powers,
                  const std::vector<GasFlow>& flows, const std::optional<double>& pressure, const ReactiveGas& gas,
                  double operatingSccm, double from, double to, int n) {
    if (o.target != "auto" && o.target != "uniform")
        throw UsageError("--target " + o.target + ": co-sputtering (several --cathode) uses Berg's uniform target");
    std::vector<CoSputterCathodeInput> inputs;
    for (std::size_t i = 0; i < o.cathodes.size(); ++i) {
        const ToolCathode& k = tool.cathode(o.cathodes[i]);
        inputs.push_back({k.name, k.target.material, chamberFor(tool, k, flows, pressure), dischargeFor(k, powers[i])});
    }
    if (inputs.front().chamber.implantation)
        throw UsageError(tool.process.reactive->origin + ".implantation': not modelled for co-sputtering");
    const ToolReactive& r = *tool.process.reactive;
    CoSputterRequest request{operatingSccm, r.flowScale, r.substrateRateFactor, n, from, to};
    CoSputterProcess process;
    try {
        process = coSputterProcess(inputs, gas, request);
    } catch (const std::invalid_argument& e) {
        throw UsageError(std::string("--cathode: ") + e.what());
    }
    const CoSputterCathode* reacting = nullptr;
    for (const CoSputterCathode& c : process.cathodes)
        if (c.reacts && !reacting) reacting = &c;
    if (n > 0) {  // the shared curve (the area-mean target fraction; per-target fractions only at the point)
        std::ostringstream title;
        title << tool.name << ": co-sputtering";
        for (const CoSputterCathode& c : process.cathodes)
            title << " " << c.name << " (" << c.setup.metal.name << (c.reacts ? "" : ", metal only") << ")";
        title << " in " << gas.formula << ", S = " << std::setprecision(4)
              << process.model->parameters().pumpingSpeedM3PerS * 1e3 << " L/s (Berg's model, uniform targets)";
        writeProcessCurve(o.out, title.str(), reacting->setup, process.curve, operatingSccm, process.states);
    }
    printCoSputterStates(std::cout, process.states, *process.model, process.cathodes, operatingSccm, r.flowScale,
                         r.substrateRateFactor, o.json);
}

}  // namespace magtwin
