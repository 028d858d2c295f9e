#include "twin/store/TwinState.hpp"

#include "twin/logs/PrefixHash.hpp"
#include "twin/store/TwinStore.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sstream>

namespace magtwin {

namespace twin_state_sql {
const char* const kDeleteRunPredictions = "DELETE FROM predictions WHERE tool_id = $1 AND run_id = $2";
const char* const kInsertPrediction =
    "INSERT INTO predictions (tool_id, run_id, step, start_time, end_time, label, predicted_as, "
    "predicted_calibrated_as,"
    " uniformity_pct, map_mean_as, sources) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";
const char* const kUpsertErosion =
    "INSERT INTO erosion_state (tool_id, source, target_id, material, energy_kwh, life_kwh, max_depth_m, "
    "eroded_volume_m3,"
    " run_id, target_volume_m3) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (tool_id, source, "
    "target_id) DO UPDATE SET"
    " material = excluded.material, energy_kwh = excluded.energy_kwh, life_kwh = excluded.life_kwh,"
    " max_depth_m = excluded.max_depth_m, eroded_volume_m3 = excluded.eroded_volume_m3, run_id = excluded.run_id,"
    " target_volume_m3 = excluded.target_volume_m3";
const char* const kUpsertMeasurement =
    "INSERT INTO measurements (tool_id, kind, origin, time, x_m, y_m, value, unit) VALUES ($1, $2, $3, $4, $5, $6, $7, "
    "$8)"
    " ON CONFLICT (tool_id, kind, origin, time, x_m, y_m) DO UPDATE SET value = excluded.value, unit = excluded.unit";
const char* const kSelectErosion =
    "SELECT source, target_id, material, energy_kwh, life_kwh, max_depth_m, eroded_volume_m3, run_id, "
    "target_volume_m3 FROM "
    "erosion_state WHERE tool_id = $1"
    " ORDER BY source, target_id";
const char* const kSelectPredictions =
    "SELECT run_id, step, start_time, end_time, label, predicted_as, predicted_calibrated_as, uniformity_pct, "
    "map_mean_as,"
    " sources FROM predictions WHERE tool_id = $1 ORDER BY run_id, step";
const char* const kSelectMeasurements =
    "SELECT kind, origin, time, x_m, y_m, value, unit FROM measurements WHERE tool_id = $1 ORDER BY kind, origin, "
    "time, x_m, y_m";
const char* const kUpsertToolSetting =
    "INSERT INTO tool_settings (tool_id, key, value) VALUES ($1, $2, $3)"
    " ON CONFLICT (tool_id, key) DO UPDATE SET value = excluded.value";
const char* const kUpsertReactive =
    "INSERT INTO reactive_state (tool_id, source, target_id, gas, theta_target, theta_collector, time, run_id)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (tool_id, source, target_id) DO UPDATE SET"
    " gas = excluded.gas, theta_target = excluded.theta_target, theta_collector = excluded.theta_collector,"
    " time = excluded.time, run_id = excluded.run_id";
const char* const kSelectReactive =
    "SELECT source, target_id, gas, theta_target, theta_collector, time, run_id FROM reactive_state"
    " WHERE tool_id = $1 ORDER BY source, target_id";
const char* const kSelectToolSetting = "SELECT value FROM tool_settings WHERE tool_id = $1 AND key = $2";
const char* const kDeleteMap = "DELETE FROM replay_maps WHERE tool_id = $1";
const char* const kInsertMap =
    "INSERT INTO replay_maps (tool_id, run_id, start_time, end_time, intervals, label, substrate_id, nx, ny, x0_m,"
    " y0_m, dx_m, dy_m, thickness_nm, quality_area) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13,"
    " $14, $15)";
const char* const kSelectMap =
    "SELECT run_id, start_time, end_time, intervals, label, substrate_id, nx, ny, x0_m, y0_m, dx_m, dy_m,"
    " thickness_nm, quality_area FROM replay_maps WHERE tool_id = $1";
const char* const kDeleteFindings = "DELETE FROM replay_findings WHERE tool_id = $1";
const char* const kInsertFinding =
    "INSERT INTO replay_findings (tool_id, run_id, idx, kind, target_id, message, time, size) VALUES ($1, $2, $3,"
    " $4, $5, $6, $7, $8)";
const char* const kSelectFindings =
    "SELECT kind, target_id, message, time, size FROM replay_findings WHERE tool_id = $1 ORDER BY idx";
const char* const kUpsertForecast =
    "INSERT INTO forecasts (tool_id, created_time, spec_pct, u_now_pct, x_now_kwh, x_end_kwh, kwh_per_day,"
    " last_time, crossing_kwh, crossing_time, u_after_pct, recipe, curve, eol) VALUES ($1, $2, $3, $4, $5, $6, $7,"
    " $8, $9, $10, $11, $12, $13, $14) ON CONFLICT (tool_id) DO UPDATE SET created_time = excluded.created_time,"
    " spec_pct = excluded.spec_pct, u_now_pct = excluded.u_now_pct, x_now_kwh = excluded.x_now_kwh,"
    " x_end_kwh = excluded.x_end_kwh, kwh_per_day = excluded.kwh_per_day, last_time = excluded.last_time,"
    " crossing_kwh = excluded.crossing_kwh, crossing_time = excluded.crossing_time,"
    " u_after_pct = excluded.u_after_pct, recipe = excluded.recipe, curve = excluded.curve, eol = excluded.eol";
const char* const kSelectForecast =
    "SELECT created_time, spec_pct, u_now_pct, x_now_kwh, x_end_kwh, kwh_per_day, last_time, crossing_kwh,"
    " crossing_time, u_after_pct, recipe, curve, eol FROM forecasts WHERE tool_id = $1";
}  // namespace twin_state_sql

std::string packDoubles(const std::vector<double>& v) {
    static_assert(sizeof(double) == 8, "float64");
    std::string out(v.size() * 8, '\0');
    if (!v.empty()) std::memcpy(out.data(), v.data(), out.size());
    return out;
}

std::vector<double> unpackDoubles(const std::string& bytes) {
    std::vector<double> v(bytes.size() / 8);
    if (!v.empty()) std::memcpy(v.data(), bytes.data(), v.size() * 8);
    return v;
}

namespace {

std::string exact(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

}  // namespace

std::string forecastCurveText(const ForecastRecord& f) {
    std::string out;
    for (const auto& [x, u] : f.curve) out += exact(x) + "\t" + exact(u) + "\n";
    return out;
}

std::string forecastEolText(const ForecastRecord& f) {
    std::string out;
    for (const auto& [id, eol] : f.eolKWh) out += id + "\t" + exact(eol) + "\n";
    return out;
}

void parseForecastText(ForecastRecord& f, const std::string& curve, const std::string& eol) {
    f.curve.clear();
    f.eolKWh.clear();
    std::istringstream c(curve);
    for (std::string line; std::getline(c, line);) {
        const auto tab = line.find('\t');
        if (tab == std::string::npos) continue;
        f.curve.push_back({std::strtod(line.c_str(), nullptr), std::strtod(line.c_str() + tab + 1, nullptr)});
    }
    std::istringstream e(eol);
    for (std::string line; std::getline(e, line);) {
        const auto tab = line.rfind('\t');
        if (tab == std::string::npos) continue;
        f.eolKWh.push_back({line.substr(0, tab), std::strtod(line.c_str() + tab + 1, nullptr)});
    }
}

namespace {

struct Digest {
    PrefixHash hash;
    void add(const std::string& s) {
        const std::uint64_t n = s.size();
        hash.update(reinterpret_cast<const char*>(&n), 8);
        hash.update(s.data(), s.size());
    }
    void add(double v) { hash.update(reinterpret_cast<const char*>(&v), 8); }
    void add(std::int64_t v) { hash.update(reinterpret_cast<const char*>(&v), 8); }
};

}  // namespace

std::string twinStateDigest(TwinStore& store, std::int64_t toolId) {
    Digest d;
    const auto erosion = store.erosionStates(toolId);
    for (const auto& e : erosion)
        d.add(e.source), d.add(e.targetId), d.add(e.material), d.add(e.energyKWh), d.add(e.lifeKWh), d.add(e.maxDepthM),
            d.add(e.erodedVolumeM3), d.add(e.runId), d.add(e.targetVolumeM3);
    const auto predictions = store.predictions(toolId);
    for (const auto& p : predictions) {
        d.add(p.runId), d.add(p.step), d.add(p.startTime), d.add(p.endTime), d.add(p.label), d.add(p.predictedAS);
        d.add(p.predictedCalibratedAS), d.add(p.uniformityPct), d.add(p.mapMeanAS), d.add(p.sources);
    }
    const auto measurements = store.measurements(toolId);
    for (const auto& m : measurements)
        d.add(m.kind), d.add(m.origin), d.add(m.time), d.add(m.xM), d.add(m.yM), d.add(m.value), d.add(m.unit);
    const auto reactive = store.reactiveStates(toolId);
    for (const auto& r : reactive)
        d.add(r.source), d.add(r.targetId), d.add(r.gas), d.add(r.thetaTarget), d.add(r.thetaCollector), d.add(r.time),
            d.add(r.runId);
    const auto map = store.thicknessMap(toolId);
    if (map) {
        d.add(map->runId), d.add(map->startTime), d.add(map->endTime), d.add(map->intervals), d.add(map->label);
        d.add(map->substrateId), d.add(map->nx), d.add(map->ny), d.add(map->x0M), d.add(map->y0M), d.add(map->dxM);
        d.add(map->dyM), d.add(packDoubles(map->thicknessNm));
        d.add(std::string(map->qualityArea.begin(), map->qualityArea.end()));
    }
    const auto findings = store.replayFindings(toolId);
    for (const auto& f : findings) d.add(f.kind), d.add(f.targetId), d.add(f.message), d.add(f.time), d.add(f.size);
    const auto forecast = store.forecast(toolId);
    if (forecast) {
        const ForecastRecord& f = *forecast;
        d.add(f.createdTime), d.add(f.specPct), d.add(f.uNowPct), d.add(f.xNowKWh), d.add(f.xEndKWh);
        d.add(f.kWhPerDay), d.add(f.lastTime), d.add(f.crossingKWh), d.add(f.crossingTime), d.add(f.uAfterPct);
        d.add(f.recipe), d.add(forecastCurveText(f)), d.add(forecastEolText(f));
    }
    char buf[240];
    std::snprintf(buf, sizeof buf,
                  "%016llx erosion=%zu predictions=%zu measurements=%zu reactive=%zu maps=%d findings=%zu forecasts=%d",
                  static_cast<unsigned long long>(d.hash.digest()), erosion.size(), predictions.size(),
                  measurements.size(), reactive.size(), map ? 1 : 0, findings.size(), forecast ? 1 : 0);
    return buf;
}

}  // namespace magtwin
