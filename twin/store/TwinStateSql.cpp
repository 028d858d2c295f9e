#include "twin/store/TwinState.hpp"

#include "twin/logs/PrefixHash.hpp"
#include "twin/store/TwinStore.hpp"

#include <cstdio>

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
    " run_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (tool_id, source, target_id) DO UPDATE SET"
    " material = excluded.material, energy_kwh = excluded.energy_kwh, life_kwh = excluded.life_kwh,"
    " max_depth_m = excluded.max_depth_m, eroded_volume_m3 = excluded.eroded_volume_m3, run_id = excluded.run_id";
const char* const kUpsertMeasurement =
    "INSERT INTO measurements (tool_id, kind, origin, time, x_m, y_m, value, unit) VALUES ($1, $2, $3, $4, $5, $6, $7, "
    "$8)"
    " ON CONFLICT (tool_id, kind, origin, time, x_m, y_m) DO UPDATE SET value = excluded.value, unit = excluded.unit";
const char* const kSelectErosion =
    "SELECT source, target_id, material, energy_kwh, life_kwh, max_depth_m, eroded_volume_m3, run_id FROM "
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
}  // namespace twin_state_sql

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
            d.add(e.erodedVolumeM3), d.add(e.runId);
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
    char buf[160];
    std::snprintf(buf, sizeof buf, "%016llx erosion=%zu predictions=%zu measurements=%zu reactive=%zu",
                  static_cast<unsigned long long>(d.hash.digest()), erosion.size(), predictions.size(),
                  measurements.size(), reactive.size());
    return buf;
}

}  // namespace magtwin
