// `magtwin twin calibrate TOOL.yaml --store PATH [--metrology FILE...] [--gas fit|off] [--json]`:
// per-source rate scale factors from the stored log's crystal-monitor readings and thickness
// metrology (twin/calibration/MonitorCalibration), saved as the tool's next calibration
// version in the store; `twin replay` uses the newest.
// Gas strength: with metrology and a logged (or tool-file) pressure > 0 during deposition,
// the log is replayed at the 7 Chebyshev-Lobatto nodes of sigma_eff in [0, 4 sigma_ref]
// (sigma_ref the tool file's deposition.gas_model; the interpolation error of 7 nodes is
// checked in tests/twin/GasStrengthFitTest.cpp) and sigma_eff is fitted with the scales where
// the data identify it (GasStrengthFit.hpp); the record and the JSON say what was decided.
#include "cli/twin/TwinCommands.hpp"

#include "boundary/util/Json.hpp"
#include "boundary/util/TextNumber.hpp"
#include "cli/UsageError.hpp"
#include "cli/twin/TwinReplaySetup.hpp"
#include "twin/calibration/MonitorCalibration.hpp"

#include <chrono>
#include <iostream>
#include <sstream>

namespace magtwin {
namespace {

constexpr double kGasTableUpper = 4.0;  ///< sigma_eff up to 4 sigma_ref
constexpr int kGasTableNodes = 7;

std::string gasJson(const GasStrengthEstimate& g) {
    std::ostringstream o;
    o << "{\"status\":" << jsonString(g.status) << ",\"fitted\":" << (g.fitted ? "true" : "false")
      << ",\"sigma_eff_m2\":" << jsonNumber(g.sigmaEffM2) << ",\"sigma_m2\":" << jsonNumber(g.sigmaM2)
      << ",\"estimate_m2\":" << jsonNumber(g.estimateM2) << ",\"estimate_sigma_m2\":" << jsonNumber(g.estimateSigmaM2)
      << ",\"reference_m2\":" << jsonNumber(g.referenceM2) << ",\"max_correlation\":" << jsonNumber(g.maxCorrelation)
      << ",\"pressure_Pa\":" << jsonNumber(g.pressurePa) << "}";
    return o.str();
}

std::string calibrationJson(const MonitorCalibration& c, std::int64_t version) {
    std::ostringstream o;
    o << "{\"version\":" << version << ",\"observations\":" << c.observations
      << ",\"metrology_points\":" << c.metrologyPoints << ",\"reduced_chi2\":" << jsonNumber(c.reducedChi2)
      << ",\"fit_substrate_shutter_open\":" << (c.fitSubstrateShutterOpen ? "true" : "false") << ",\"scales\":[";
    for (std::size_t i = 0; i < c.parameters.size(); ++i) {
        const auto& p = c.parameters[i];
        o << (i ? "," : "") << "{\"source\":" << jsonString(p.source) << ",\"target_id\":" << jsonString(p.targetId)
          << ",\"scale\":" << jsonNumber(p.scale) << ",\"sigma\":" << jsonNumber(p.sigma) << "}";
    }
    o << "],\"gas\":" << gasJson(c.gas) << ",\"co_sputter\":[";
    for (std::size_t i = 0; i < c.coSputter.size(); ++i) {
        const auto& s = c.coSputter[i];
        o << (i ? "," : "") << "{\"start\":" << jsonNumber(s.start) << ",\"end\":" << jsonNumber(s.end)
          << ",\"sources\":" << jsonString(s.sources)
          << ",\"substrate_shutter_open\":" << (s.substrateShutterOpen ? "true" : "false")
          << ",\"twin_error_pct\":" << jsonNumber(s.twinErrorPct)
          << ",\"naive_additivity_error_pct\":" << jsonNumber(s.naiveErrorPct) << "}";
    }
    o << "]}";
    return o.str();
}

}  // namespace

int runTwinCalibrate(const TwinCalibrateOptions& o) {
    if (!(o.windowS > 0.0)) throw UsageError("--window must be > 0 (seconds)");
    if (o.gas != "fit" && o.gas != "off") throw UsageError("--gas must be fit or off, got '" + o.gas + "'");
    const TwinToolFile tf = loadTwinToolFile(o.toolFile);
    ReplaySetup setup = replaySetupFor(tf, o.format);
    setup.maxIntervalS = o.windowS;
    setup.substrateMaps = false;
    ReplaySetup withMaps = replaySetupFor(tf, o.format);
    withMaps.keepSourceMaps = true;
    withMaps.openSubstrateMapsOnly = true;  // the metrology sees only the substrate-open intervals
    std::vector<MetrologyPoint> metrology;
    for (const auto& f : o.metrology) {
        const auto points = readMetrology(f);
        metrology.insert(metrology.end(), points.begin(), points.end());
    }
    auto store = openExistingStore(o.store);
    const std::int64_t toolId = storedToolId(*store, tf.name, o.store);
    // the reactive state model inside the calibration: one scale per target carries across
    // its metallic and compound windows (docs/twin-reactive.md)
    setup.reactive.stored = withMaps.reactive.stored = store->reactiveStates(toolId);
    const ReplayResult replay = replayTool(*store, toolId, setup, [](std::size_t done, std::size_t total) {
        if (done == total) std::cerr << "[twin calibrate] replayed " << total << " steps\n";
    });
    ReplayResult maps;
    if (!metrology.empty()) maps = replayTool(*store, toolId, withMaps);
    MonitorCalibration cal = calibrateMonitorRates(replay, o.windowS / 2.0, metrology, &maps);
    if (o.gas == "off") cal.gas.status = "not fitted: --gas off";
    if (o.gas == "fit" && !metrology.empty() && cal.gas.pressurePa > 0.0) {
        const ChebyshevAxis axis(kGasTableUpper, kGasTableNodes);
        const double reference = setup.gas.referenceSigmaEffM2;
        std::vector<ReplayResult> replays, mapReplays;
        for (std::size_t j = 0; j + 1 < axis.nodes().size(); ++j) {
            std::cerr << "[twin calibrate] gas table: sigma_eff " << axis.nodes()[j] * reference << " m2 (" << j + 1
                      << " of " << axis.nodes().size() - 1 << ")\n";
            ReplaySetup s = setup, m = withMaps;
            s.gas.sigmaEffM2 = m.gas.sigmaEffM2 = axis.nodes()[j] * reference;
            replays.push_back(replayTool(*store, toolId, s));
            mapReplays.push_back(replayTool(*store, toolId, m));
        }
        replays.push_back(replay);  // u = 0: the vacuum replays
        mapReplays.push_back(std::move(maps));
        cal = calibrateMonitorRatesAndGas(replays, mapReplays, axis, reference, o.windowS / 2.0, metrology);
    }
    CalibrationRecord record;
    record.createdTime = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
    record.method = "ceres-lm monitor-rate single-source windows " + textNumber(o.windowS, 10) + " s" +
                    (metrology.empty() ? "" : " + metrology " + std::to_string(metrology.size()) + " points") +
                    (cal.gas.fitted ? " + gas sigma_eff" : "");
    record.parameters = cal.parameters;
    record.summary = calibrationJson(cal, 0);
    record.gas = {cal.gas.fitted ? cal.gas.sigmaEffM2 : 0.0, cal.gas.fitted ? cal.gas.sigmaM2 : 0.0, cal.gas.status};
    const std::int64_t version = store->saveCalibration(toolId, record);
    if (!metrology.empty()) store->saveMeasurements(toolId, metrologyMeasurements(metrology));
    if (o.json) {
        std::cout << calibrationJson(cal, version) << "\n";
        return 0;
    }
    std::cout << "calibration v" << version << " of " << tf.name << ": " << cal.observations << " windows of "
              << o.windowS << " s (substrate shutter " << (cal.fitSubstrateShutterOpen ? "open" : "closed")
              << "), reduced chi2 " << cal.reducedChi2 << "\n";
    for (const auto& p : cal.parameters)
        std::cout << "  " << p.source << " " << p.targetId << ": scale " << p.scale << " +- " << p.sigma << "\n";
    std::cout << "  gas strength: " << cal.gas.status;
    if (cal.gas.fitted)
        std::cout << ": sigma_eff " << cal.gas.sigmaEffM2 << " +- " << cal.gas.sigmaM2 << " m2 (tool file "
                  << cal.gas.referenceM2 << " m2, max |corr| with a scale " << cal.gas.maxCorrelation << ")";
    std::cout << "\n";
    for (const auto& c : cal.coSputter)
        std::cout << "  co-sputter " << c.sources << " (substrate shutter "
                  << (c.substrateShutterOpen ? "open" : "closed") << "): twin " << c.twinErrorPct
                  << " %, naive additivity " << c.naiveErrorPct << " %\n";
    return 0;
}

}  // namespace magtwin
