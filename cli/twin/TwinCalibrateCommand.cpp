// `magtwin twin calibrate TOOL.yaml --store PATH [--json]`: per-source rate scale factors
// from the stored log's crystal-monitor readings (twin/calibration/MonitorCalibration),
// saved as the tool's next calibration version in the store; `twin replay` uses the newest.
#include "twin/TwinCommands.hpp"

#include "UsageError.hpp"
#include "calibration/MonitorCalibration.hpp"
#include "twin/TwinJson.hpp"
#include "twin/TwinReplaySetup.hpp"

#include <chrono>
#include <iostream>
#include <sstream>

namespace magtwin {
namespace {

std::string calibrationJson(const MonitorCalibration& c, std::int64_t version) {
    std::ostringstream o;
    o << "{\"version\":" << version << ",\"observations\":" << c.observations << ",\"metrology_points\":" << c.metrologyPoints
      << ",\"reduced_chi2\":" << jsonNumber(c.reducedChi2)
      << ",\"fit_substrate_shutter_open\":" << (c.fitSubstrateShutterOpen ? "true" : "false") << ",\"scales\":[";
    for (std::size_t i = 0; i < c.parameters.size(); ++i) {
        const auto& p = c.parameters[i];
        o << (i ? "," : "") << "{\"source\":" << jsonString(p.source) << ",\"target_id\":" << jsonString(p.targetId)
          << ",\"scale\":" << jsonNumber(p.scale) << ",\"sigma\":" << jsonNumber(p.sigma) << "}";
    }
    o << "],\"co_sputter\":[";
    for (std::size_t i = 0; i < c.coSputter.size(); ++i) {
        const auto& s = c.coSputter[i];
        o << (i ? "," : "") << "{\"start\":" << jsonNumber(s.start) << ",\"end\":" << jsonNumber(s.end)
          << ",\"sources\":" << jsonString(s.sources)
          << ",\"substrate_shutter_open\":" << (s.substrateShutterOpen ? "true" : "false")
          << ",\"twin_error_pct\":" << jsonNumber(s.twinErrorPct) << ",\"naive_additivity_error_pct\":" << jsonNumber(s.naiveErrorPct)
          << "}";
    }
    o << "]}";
    return o.str();
}

}  // namespace

int runTwinCalibrate(const TwinCalibrateOptions& o) {
    if (!(o.windowS > 0.0)) throw UsageError("--window must be > 0 (seconds)");
    const TwinToolFile tf = loadTwinToolFile(o.toolFile);
    ReplaySetup setup = replaySetupFor(tf, o.format);
    setup.maxIntervalS = o.windowS;
    setup.substrateMaps = false;
    auto store = openExistingStore(o.store);
    const std::int64_t toolId = storedToolId(*store, tf.name, o.store);
    const ReplayResult replay = replayTool(*store, toolId, setup, [](std::size_t done, std::size_t total) {
        if (done == total) std::cerr << "[twin calibrate] replayed " << total << " steps\n";
    });
    std::vector<MetrologyPoint> metrology;
    for (const auto& f : o.metrology) {
        const auto points = readMetrology(f);
        metrology.insert(metrology.end(), points.begin(), points.end());
    }
    ReplayResult maps;
    if (!metrology.empty()) {
        ReplaySetup withMaps = replaySetupFor(tf, o.format);
        withMaps.keepSourceMaps = true;
        maps = replayTool(*store, toolId, withMaps);
    }
    const MonitorCalibration cal = calibrateMonitorRates(replay, o.windowS / 2.0, metrology, &maps);
    CalibrationRecord record;
    record.createdTime = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
    record.method = "ceres-lm monitor-rate single-source windows " + jsonNumber(o.windowS) + " s" +
                    (metrology.empty() ? "" : " + metrology " + std::to_string(metrology.size()) + " points");
    record.parameters = cal.parameters;
    record.summary = calibrationJson(cal, 0);
    const std::int64_t version = store->saveCalibration(toolId, record);
    if (!metrology.empty()) store->saveMeasurements(toolId, metrologyMeasurements(metrology));
    if (o.json) {
        std::cout << calibrationJson(cal, version) << "\n";
        return 0;
    }
    std::cout << "calibration v" << version << " of " << tf.name << ": " << cal.observations << " windows of " << o.windowS
              << " s (substrate shutter " << (cal.fitSubstrateShutterOpen ? "open" : "closed") << "), reduced chi2 "
              << cal.reducedChi2 << "\n";
    for (const auto& p : cal.parameters)
        std::cout << "  " << p.source << " " << p.targetId << ": scale " << p.scale << " +- " << p.sigma << "\n";
    for (const auto& c : cal.coSputter)
        std::cout << "  co-sputter " << c.sources << " (substrate shutter " << (c.substrateShutterOpen ? "open" : "closed")
                  << "): twin " << c.twinErrorPct << " %, naive additivity " << c.naiveErrorPct << " %\n";
    return 0;
}

}  // namespace magtwin
