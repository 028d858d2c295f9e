// Reactive process-curve benchmark (issue 20): the 200-flow process curve of
// cases/tools/reactive_ti_n2.yaml (3-inch Ti in N2, Berg's model, solvers/reactive), N2 from 0 to
// 5 sccm (across the hysteresis), as `magtwin reactive --flow-range 0:5:200` computes it: the
// tool file read, the model set up from the yield models and the material library, every
// steady state at every flow; for Berg's uniform target and for the target resolved along the
// racetrack (the default of `magtwin reactive`: the erosion engine built, its grid cells as
// patches), each without and with RSD's redeposition (f_rd = 0.1: a Newton solve of the
// redeposited fluxes at every pressure). Best of 5 runs each (the machine is shared). Target: < 1 s.
// Usage: magtwin_bench_reactive
#include "cli/tool/ToolFile.hpp"
#include "solvers/reactive/ReactiveProcess.hpp"
#include "solvers/reactive/ReactiveTargetState.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>

using namespace magtwin;

namespace {
struct Timed {
    double best = 1e30;
    std::size_t rows = 0, unstable = 0;
};

Timed timeCurve(ReactiveTargetModel which, double redeposition) {
    using clock = std::chrono::steady_clock;
    Timed t;
    for (int run = 0; run < 5; ++run) {
        const auto t0 = clock::now();
        const ToolFile tool = loadToolFile(MAGTWIN_SOURCE_DIR "/cases/tools/reactive_ti_n2.yaml");
        const ToolCathode& k = tool.cathode("ti");
        const ToolReactive& r = *tool.process.reactive;
        ReactiveChamber c;
        c.targetAreaM2 = r.targetAreaM2For(k);
        c.collectorAreaM2 = r.collectorAreaM2;
        c.pumpingSpeedM3PerS = *r.pumpingSpeedM3PerS;
        c.temperatureK = tool.process.temperatureK;
        c.redepositionFraction = redeposition;
        ReactiveDischarge d;
        d.voltageV = k.discharge.voltageV;
        d.powerW = *k.discharge.powerW;
        const ReactiveSetup setup = reactiveSetup(k.target.material, reactiveGas("N2"), c, d);
        const auto model = reactiveTargetModel(k, tool.erosion, setup, which);
        const std::vector<ProcessCurvePoint> curve = processCurve(*model, 0.0, 5.0, 200);
        t.best = std::min(t.best, std::chrono::duration<double>(clock::now() - t0).count());
        t.rows = curve.size();
        t.unstable = static_cast<std::size_t>(std::count_if(curve.begin(), curve.end(), [](const ProcessCurvePoint& p) {
            return p.state.branch == ReactiveBranch::Unstable;
        }));
    }
    return t;
}
}  // namespace

int main() {
    bool ok = true;
    for (double redeposition : {0.0, 0.1})
        for (ReactiveTargetModel which : {ReactiveTargetModel::Uniform, ReactiveTargetModel::Racetrack}) {
            const Timed t = timeCurve(which, redeposition);
            std::printf(
                "200-flow process curve (reactive_ti_n2, N2 0..5 sccm, %s target, redeposition %.1f): %zu states (%zu "
                "unstable), best of 5: %.4f s (target < 1 s)\n",
                reactiveTargetModelName(which).c_str(), redeposition, t.rows, t.unstable, t.best);
            ok = ok && t.best < 1.0;
        }
    return ok ? 0 : 1;
}
