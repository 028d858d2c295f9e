// `magtwin twin replay TOOL.yaml --store PATH --out DIR [--json]`: the tool's stored log
// replayed against the physics (twin/replay/TwinReplay), the counter audit and findings
// (twin/replay/ReplayReport), written to DIR complete or not at all (ReplayOutputs).
#include "cli/twin/TwinCommands.hpp"

#include "boundary/util/Json.hpp"
#include "cli/Progress.hpp"
#include "cli/UsageError.hpp"
#include "cli/deposit/DepositConfig.hpp"
#include "cli/tool/ToolFile.hpp"
#include "cli/twin/TwinReplaySetup.hpp"
#include "cli/twin/TwinToolFile.hpp"
#include "postprocessing/io/OutputFolder.hpp"
#include "postprocessing/reports/ReplayFolder.hpp"
#include "solvers/deposition/DepositionRun.hpp"
#include "solvers/reactive/ReactiveTargetState.hpp"
#include "twin/replay/ReplayReport.hpp"
#include "twin/replay/ReplayStoreRecords.hpp"
#include "twin/store/TwinStore.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>

namespace magtwin {
namespace {

/// The first crystal monitor of the tool whose rate the log format maps.
ReplayMonitor monitorOf(const ToolFile& tool, const LogFormat& f) {
    for (const ToolSensor& s : tool.sensors) {
        const std::string key = "sensor." + s.name + ".rate";
        if (std::any_of(f.numeric.begin(), f.numeric.end(), [&](const NumericChannel& c) { return c.key == key; }))
            return {s.name, s.position, s.facing};
    }
    return {};
}

/// The map settings of `o` (auto: a life table, fast transport and >= 10 mm maps when the
/// tool has an array; otherwise the exact replay on the substrate's own grid).
void applyMapOptions(ReplaySetup& setup, const TwinReplayOptions& o) {
    const bool array = std::any_of(setup.cathodes.begin(), setup.cathodes.end(),
                                   [](const CathodeGroup& g) { return g.cathodeCount() > 1; });
    setup.lifePoints = o.lifePoints >= 0 ? o.lifePoints : (array ? 16 : 0);
    const bool table = array && setup.lifePoints > 0;
    const std::string transport = o.transport != "auto" ? o.transport : table ? "fast" : "direct";
    setup.transport = transport == "fast" ? TransportMethod::Fast : TransportMethod::Direct;
    if (o.mapPitchMm > 0)
        setup.substrate.pitchM = o.mapPitchMm * 1e-3;
    else if (table)
        setup.substrate.pitchM = std::max(setup.substrate.pitchM, 0.010);
    if (o.exactCheckEvery > 0 && !table)
        throw UsageError("--exact-check: needs a life table (an array and --life-points > 0)");
    setup.exactCheckEvery = o.exactCheckEvery;
    setup.mapEvery = o.mapEvery;  // < 0: chosen after a first count (runTwinReplay)
}

}  // namespace

std::unique_ptr<TwinStore> openExistingStore(const std::string& location) {
    const bool postgres = location.rfind("postgres", 0) == 0;
    if (!postgres && !std::filesystem::exists(location)) throw UsageError("--store '" + location + "' does not exist");
    return openStore(location);
}

std::int64_t storedToolId(TwinStore& store, const std::string& toolName, const std::string& location) {
    const auto names = store.toolNames();
    if (std::find(names.begin(), names.end(), toolName) == names.end())
        throw UsageError("--store '" + location + "' holds no logs of tool '" + toolName +
                         "' (run `magtwin twin sync` first)");
    return store.ensureTool(toolName);
}

ReplaySetup replaySetupFor(const TwinToolFile& tf, const std::string& formatName) {
    const ToolFile& tool = *tf.tool;
    ReplaySetup setup;
    setup.format = tf.format(formatName);
    const DepositCase dc = depositCaseFor(tool, "");
    setup.cathodes = dc.cathodes;
    setup.angular = angularLaw(dc);
    setup.monitor = monitorOf(tool, setup.format);
    setup.substrate = dc.substrate;
    setup.motion = dc.motion;
    setup.uniformitySpecPct = dc.uniformityTargetPct;
    // the gas model the replay uses once a calibration sets sigma_eff (vacuum until then)
    setup.gas.eta = dc.gasEta;
    setup.gas.thermalisationColumnPerM2 = dc.gasThermalisationColumnPerM2;
    setup.gas.temperatureK = dc.gasTemperatureK;
    setup.gas.processPressurePa = dc.pressurePa;
    setup.gas.referenceSigmaEffM2 = dc.gasSigmaEffM2;
    // reactive targets (process.reactive): each log source's chamber of Berg's model
    if (const auto& r = tool.process.reactive) {
        if (!r->pumpingSpeedM3PerS)
            throw UsageError(r->origin +
                             ".pumping_speed_L_s': missing; the twin follows reactive targets at the tool file's "
                             "pumping speed (docs/twin-reactive.md)");
        setup.reactive.ion = tool.process.gas;
        for (const auto& src : setup.format.sources)
            for (const ToolCathode& k : tool.cathodes)
                if (k.name == src.cathode) {
                    ReactiveChamber c;
                    c.temperatureK = tool.process.temperatureK;
                    c.collectorAreaM2 = r->collectorAreaM2;
                    c.stickingTarget = r->stickingTarget;
                    c.stickingCollector = r->stickingCollector;
                    c.targetAreaM2 = r->targetAreaM2For(k);
                    c.pumpingSpeedM3PerS = *r->pumpingSpeedM3PerS;
                    setup.reactive.chambers[k.name] = c;
                    setup.reactive.defaultVoltageV[k.name] = k.discharge.voltageV;
                    // the target resolved along its racetrack (the erosion engine's grid, the one
                    // builder); the replay merges its cells into kReplayFluxBins flux classes
                    CathodeSpec metallic = k;
                    metallic.target.stateYieldFactor = nullptr;
                    setup.reactive.profiles[k.name] = racetrackPatches(*makeErosionEngine(metallic, tool.erosion));
                }
    }
    return setup;
}

int runTwinReplay(const TwinReplayOptions& o) {
    if (o.out.empty()) throw UsageError("--out: give the output folder");
    if (!(o.tolerancePct > 0.0)) throw UsageError("--tolerance must be > 0 (percent)");
    if (!(o.driftTolerancePct > 0.0)) throw UsageError("--drift-tolerance must be > 0 (percent)");
    const TwinToolFile tf = loadTwinToolFile(o.toolFile);
    ReplaySetup setup = replaySetupFor(tf, o.format);
    setup.counterTolerancePct = o.tolerancePct;
    applyMapOptions(setup, o);
    auto store = openExistingStore(o.store);
    const std::int64_t toolId = storedToolId(*store, tf.name, o.store);
    const std::vector<CalibrationRecord> calibrations = store->calibrations(toolId);
    applyCalibration(setup, calibrations);
    setup.reactive.stored = store->reactiveStates(toolId);

    const auto t0 = std::chrono::steady_clock::now();
    ReplayResult replay = replayTool(*store, toolId, setup, [](std::size_t done, std::size_t total) {
        if (done == total || done % 20 == 0) std::cerr << "[twin replay] step " << done << " of " << total << "\n";
    });
    ReplayReport report = reportReplay(*store, toolId, setup, std::move(replay), calibrations,
                                       {o.tolerancePct, o.driftTolerancePct, o.minStepS});
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    writeFolderAtomically(o.out, [&](const std::filesystem::path& dir) { writeReplayOutputs(report, dir); });
    // the run's erosion states, predictions and monitor readings, one transaction (TwinState.hpp)
    const std::string runId =
        replayRunId(storeContentDigest(*store, toolId), calibrations.empty() ? 0 : calibrations.back().version);
    store->saveReplayRun(toolId, replayRunRecord(report, store->targets(toolId), runId, setup.monitor.name));
    store->saveToolSetting(toolId, kUniformitySpecSetting, jsonNumber(setup.uniformitySpecPct));
    if (o.json)
        std::cout << replayReportJson(report);
    else
        std::cout << "replay of " << tf.name << ": " << report.replay.steps.size() << " intervals, "
                  << report.findings.size() << " findings, " << report.seconds << " s -> " << o.out << "\n";
    return 0;
}

}  // namespace magtwin
