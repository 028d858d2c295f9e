#include "cli/ReactiveCommand.hpp"

#include "boundary/util/Json.hpp"
#include "boundary/util/PhysicalConstants.hpp"
#include "cli/ReactiveArgs.hpp"
#include "cli/ReactiveCoSputterCommand.hpp"
#include "cli/ReactiveCommandOutput.hpp"
#include "cli/UsageError.hpp"
#include "solvers/reactive/ReactiveProcess.hpp"
#include "solvers/reactive/ReactiveTargetState.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>

namespace magtwin {

namespace {

std::string statesJson(const std::vector<ReactiveOperatingState>& states, const ReactiveSteadyStates& m,
                       const ReactiveSetup& setup, double flowScale, ReactiveTargetModel which) {
    const auto* track = dynamic_cast<const RacetrackPoisoning*>(&m);
    std::ostringstream o;
    o << "{\"states\":[";
    bool first = true;
    for (const ReactiveOperatingState& s : states) {
        if (!s.state.stable) continue;
        o << (first ? "" : ",") << "{\"mode\":" << jsonString(branchName(s.branch))
          << ",\"compound_fraction\":" << jsonNumber(s.state.thetaTarget);
        if (track) {  // theta_t at the track centre (highest flux) and where the flux is half of it
            const double jMax = track->patches().back().ionFluxPerM2S, p = s.state.partialPressurePa;
            o << ",\"compound_fraction_centre\":" << jsonNumber(track->localTheta(jMax, p))
              << ",\"compound_fraction_half_flux\":" << jsonNumber(track->localTheta(0.5 * jMax, p));
        }
        o << ",\"collector_compound_fraction\":" << jsonNumber(s.state.thetaCollector)
          << ",\"rate_nm_s\":" << jsonNumber(s.state.rateMPerS * 1e9)
          << ",\"partial_pressure_Pa\":" << jsonNumber(s.state.partialPressurePa)
          << ",\"voltage_V\":" << jsonNumber(s.state.voltageV)
          << ",\"ion_current_A\":" << jsonNumber(s.state.ionsPerSecond * kElementaryCharge) << "}";
        first = false;
    }
    o << "],\"target\":" << jsonString(reactiveTargetModelName(which))
      << ",\"compound\":" << jsonString(setup.compound.name) << ",\"yield_ratio\":" << jsonNumber(setup.yieldRatio)
      << ",\"redeposition_fraction\":" << jsonNumber(m.parameters().redepositionFraction)
      << ",\"pumping_speed_L_s\":" << jsonNumber(m.parameters().pumpingSpeedM3PerS * 1e3)
      << ",\"critical_pumping_speed_L_s\":" << jsonNumber(m.criticalPumpingSpeed() * 1e3) << ",\"hysteresis_sccm\":";
    // the window: the lowest and highest flow of the turning points (two for the uniform target;
    // a resolved target can have more)
    const std::vector<double> t = m.turningPoints();
    if (t.empty()) {
        o << "null";
    } else {
        double lo = HUGE_VAL, hi = 0.0;
        for (double p : t) {
            const double q = m.stateAt(p).supplyPerS / kMoleculesPerSccm / flowScale;
            lo = std::min(lo, q), hi = std::max(hi, q);
        }
        o << "[" << jsonNumber(lo) << "," << jsonNumber(hi) << "]";
    }
    o << "}";
    return o.str();
}

void run(const ReactiveOptions& o) {
    std::vector<GasFlow> flows;
    for (const std::string& f : o.flows) flows.push_back(flowArg(f));
    std::string gasName = o.gas;
    double operatingSccm = 0.0;
    for (const GasFlow& f : flows)
        if (!isInertGas(f.gas)) {
            if (gasName.empty())
                gasName = f.gas;
            else if (o.gas.empty() && f.gas != gasName)
                throw UsageError("--flow: two reactive gases (" + gasName + ", " + f.gas + "); pick one with --gas");
            if (f.gas == gasName) operatingSccm += f.sccm;
        }
    if (gasName.empty()) throw UsageError("--flow: no reactive gas flow (N2, O2); give one or --gas");
    const ReactiveGas* gas = nullptr;
    try {
        gas = &reactiveGas(gasName);
    } catch (const std::invalid_argument& e) {
        throw UsageError(std::string("--gas: ") + e.what());
    }
    double from = 0, to = 0;
    int n = 0;
    if (!o.flowRange.empty()) {
        char c1 = 0, c2 = 0;
        std::istringstream in(o.flowRange);
        std::string rest;
        if (!(in >> from >> c1 >> to >> c2 >> n) || c1 != ':' || c2 != ':' || (in >> rest) || n < 2 || from < 0 ||
            to <= from)
            throw UsageError("--flow-range '" + o.flowRange + "': expected FROM:TO:N in sccm, 0 <= FROM < TO, N >= 2");
        if (o.out.empty()) throw UsageError("--flow-range needs --out DIR");
    } else if (!o.out.empty()) {
        throw UsageError("--out needs --flow-range FROM:TO:N");
    }
    const std::vector<double> powers = powerArgs(o.cathodes, o.powers);
    const ToolFile tool = loadToolFile(o.tool);
    for (const std::string& name : o.cathodes) (void)tool.cathode(name);  // every name known before any work
    const ToolCathode& k = tool.cathode(o.cathodes.front());
    std::optional<double> pressure;
    if (!o.pressure.empty()) pressure = quantityArg("--pressure", o.pressure, Dimension::Pressure);
    if (o.cathodes.size() > 1) {
        runCoSputter(tool, o, powers, flows, pressure, *gas, operatingSccm, from, to, n);
        return;
    }
    const ReactiveDischarge d = dischargeFor(k, powers.front());
    const ReactiveSetup setup = reactiveSetup(k.target.material, *gas, chamberFor(tool, k, flows, pressure), d);
    // auto: the racetrack-resolved target, unless the discharge follows the state (gamma_c !=
    // gamma_m, BergModel's extension 1), which only the uniform model carries
    const bool stateDependentDischarge = BergModel(setup.parameters).powerHeldFixed();
    ReactiveTargetModel which = stateDependentDischarge ? ReactiveTargetModel::Uniform : ReactiveTargetModel::Racetrack;
    if (o.target != "auto") try {
            which = reactiveTargetModelFromName(o.target);
        } catch (const std::invalid_argument& e) {
            throw UsageError(std::string("--target: ") + e.what() + " or auto");
        }
    if (which == ReactiveTargetModel::Racetrack && stateDependentDischarge)
        throw UsageError(
            "--target racetrack: the compound's secondary electron yield differs from the metal's, and "
            "the resolved target holds the ion flow fixed; use --target uniform (docs/reactive.md)");
    const std::unique_ptr<ReactiveSteadyStates> modelPtr = reactiveTargetModel(k, tool.erosion, setup, which);
    const ReactiveSteadyStates& model = *modelPtr;
    // process.reactive.flow_scale: the given flows times it are true sccm; output in the given unit.
    const double scale = tool.process.reactive->flowScale;
    // process.reactive.substrate_rate_factor: the substrate's rate over the mean over A_c.
    const double rateFactor = tool.process.reactive->substrateRateFactor;
    std::vector<ReactiveOperatingState> states = reactiveStates(model, operatingSccm * scale);
    for (ReactiveOperatingState& s : states) s.state.rateMPerS *= rateFactor;
    if (n > 0) {
        std::ostringstream title;
        title << tool.name << " / " << k.name << ": " << setup.metal.name << " in " << gas->formula << " at "
              << d.powerW << " W, S = " << std::setprecision(4) << setup.parameters.pumpingSpeedM3PerS * 1e3
              << " L/s (Berg's model, " << reactiveTargetModelName(which) << " target)";
        std::vector<ProcessCurvePoint> curve = processCurve(model, from * scale, to * scale, n);
        for (ProcessCurvePoint& pt : curve) pt.flowSccm /= scale, pt.state.state.rateMPerS *= rateFactor;
        writeProcessCurve(o.out, title.str(), setup, curve, operatingSccm, states);
    }
    if (o.json) {
        std::cout << statesJson(states, model, setup, scale, which) << "\n";
        return;
    }
    std::cout << k.name << ": " << setup.metal.name << " + " << gas->formula << " -> " << setup.compound.name << " at "
              << operatingSccm << " sccm (Y_c/Y_m = " << std::setprecision(4) << setup.yieldRatio << ")\n";
    for (const ReactiveOperatingState& s : states)
        if (s.state.stable)
            std::cout << "  " << std::setw(8) << branchName(s.branch) << "  theta_t " << s.state.thetaTarget
                      << "  rate " << s.state.rateMPerS * 1e9 << " nm/s  p " << s.state.partialPressurePa << " Pa  V "
                      << s.state.voltageV << " V\n";
}

}  // namespace

void addReactiveCommand(CLI::App& app) {
    auto opts = std::make_shared<ReactiveOptions>();
    CLI::App* cmd = app.add_subcommand(
        "reactive", "Steady states of a metal target in N2 or O2 under flow control (Berg's model; docs/reactive.md)");
    cmd->add_option("tool", opts->tool, "Tool file with process.reactive (docs/tool-file.md)")->required();
    cmd->add_option("--cathode", opts->cathodes,
                    "Name of the cathode (a metal target); repeat for co-sputtering in one gas balance")
        ->required();
    cmd->add_option("--flow", opts->flows, "GAS=FLOW with a unit, e.g. \"Ar=480 sccm\" \"N2=720 sccm\" (repeat)")
        ->required();
    cmd->add_option("--power", opts->powers,
                    "Discharge power, e.g. \"50 W\", or per cathode \"NAME=50 W\" (repeat; default: the cathode's)");
    cmd->add_option("--pressure", opts->pressure,
                    "Measured total pressure, e.g. \"0.8 Pa\": sets the pumping speed S = k T Q_total / p");
    cmd->add_option("--gas", opts->gas, "Reactive gas of the process curve (default: the reactive --flow)");
    cmd->add_option("--flow-range", opts->flowRange, "FROM:TO:N reactive flows in sccm for the process curve");
    cmd->add_option("--out", opts->out, "Folder for process_curve.csv and process_curve.png");
    cmd->add_option("--target", opts->target,
                    "racetrack (the target resolved along the cathode's racetrack), uniform (Berg's published "
                    "model: one ion flux over process.reactive's target area) or auto (default: racetrack, uniform "
                    "when the voltage follows the state)");
    cmd->add_flag("--json", opts->json, "Print the stable states as JSON");
    cmd->callback([opts]() { run(*opts); });
}

}  // namespace magtwin
