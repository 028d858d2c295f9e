#include "twin/serve/ServeSnapshot.hpp"

#include "boundary/util/Json.hpp"
#include "twin/status/TwinStatus.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <sstream>

namespace magtwin {

namespace {

std::string statusJsonOf(const std::vector<ToolStatus>& status) {
    std::ostringstream out;
    writeTwinStatusJson(out, status);
    return out.str();
}

/// The replay run whose erosion states the store keeps (the newest replay), else the last
/// run among the predictions, else "".
std::string newestRun(const std::vector<ErosionStateRecord>& erosion, const std::vector<PredictionRecord>& p) {
    for (const auto& e : erosion)
        if (!e.runId.empty()) return e.runId;
    return p.empty() ? std::string() : p.back().runId;
}

/// [{"source","target_id","life_kWh"}] from a prediction's "source\ttarget\tlife_kWh" lines.
std::string sourcesJson(const std::string& lines, double& firstLife) {
    std::string o = "[";
    bool first = true;
    std::istringstream in(lines);
    for (std::string line; std::getline(in, line);) {
        const auto t1 = line.find('\t');
        const auto t2 = t1 == std::string::npos ? t1 : line.find('\t', t1 + 1);
        if (t2 == std::string::npos) continue;
        const double life = std::strtod(line.c_str() + t2 + 1, nullptr);
        if (first) firstLife = life;
        o += std::string(first ? "" : ",") + "{\"source\":" + jsonString(line.substr(0, t1)) +
             ",\"target_id\":" + jsonString(line.substr(t1 + 1, t2 - t1 - 1)) + ",\"life_kWh\":" + jsonNumber(life) +
             "}";
        first = false;
    }
    return o + "]";
}

/// The stored spec as a JSON number, null when no replay stored one (or it is not a number).
std::string specJson(const std::optional<std::string>& text) {
    if (!text) return "null";
    char* end = nullptr;
    const double v = std::strtod(text->c_str(), &end);
    return end != text->c_str() && *end == '\0' ? jsonNumber(v) : "null";
}

/// The spec as a number (NaN when none stored).
double specValue(const std::optional<std::string>& text) {
    if (!text) return std::nan("");
    char* end = nullptr;
    const double v = std::strtod(text->c_str(), &end);
    return end != text->c_str() && *end == '\0' ? v : std::nan("");
}

/// The map's summary over its quality area (as report.json's thickness_map: mean, min, max,
/// U = (max - min) / (max + min), the band mid (1 -+ spec) around the mid-range and the cells
/// outside it); null without a map.
std::string mapSummaryJson(const std::optional<ThicknessMapRecord>& m, double specPct) {
    if (!m) return "null";
    double sum = 0.0, lo = INFINITY, hi = -INFINITY;
    std::size_t n = 0;
    for (std::size_t k = 0; k < m->thicknessNm.size() && k < m->qualityArea.size(); ++k)
        if (m->qualityArea[k])
            sum += m->thicknessNm[k], lo = std::min(lo, m->thicknessNm[k]), hi = std::max(hi, m->thicknessNm[k]), ++n;
    const double mean = n ? sum / double(n) : std::nan("");
    const double mid = 0.5 * (lo + hi);
    const double bandLo = mid * (1 - specPct / 100), bandHi = mid * (1 + specPct / 100);
    std::size_t outside = 0;
    for (std::size_t k = 0; k < m->thicknessNm.size() && k < m->qualityArea.size(); ++k)
        if (m->qualityArea[k] && (m->thicknessNm[k] < bandLo || m->thicknessNm[k] > bandHi)) ++outside;
    const bool any = n > 0;
    return "{\"replay_run\":" + jsonString(m->runId) + ",\"start_s\":" + jsonNumber(m->startTime) +
           ",\"end_s\":" + jsonNumber(m->endTime) + ",\"intervals\":" + std::to_string(m->intervals) +
           ",\"label\":" + jsonString(m->label) + ",\"substrate_id\":" + jsonString(m->substrateId) +
           ",\"nx\":" + std::to_string(m->nx) + ",\"ny\":" + std::to_string(m->ny) + ",\"cells\":" + std::to_string(n) +
           ",\"mean_nm\":" + jsonNumber(mean) + ",\"min_nm\":" + jsonNumber(any ? lo : std::nan("")) +
           ",\"max_nm\":" + jsonNumber(any ? hi : std::nan("")) +
           ",\"uniformity_pct\":" + jsonNumber(any ? 100.0 * (hi - lo) / (hi + lo) : std::nan("")) +
           ",\"spec_pct\":" + jsonNumber(specPct) + ",\"band_low_nm\":" + jsonNumber(bandLo) +
           ",\"band_high_nm\":" + jsonNumber(bandHi) +
           ",\"cells_outside_band\":" + (std::isfinite(specPct) ? std::to_string(outside) : std::string("null")) + "}";
}

/// /api/thickness_map: the grid and every cell (value k = i + nx j at x0 + i dx, y0 + j dy).
std::string mapJson(const std::string& tool, const std::optional<ThicknessMapRecord>& m) {
    if (!m) return "{\"tool\":" + jsonString(tool) + ",\"replay_run\":null}\n";
    std::string o = "{\"tool\":" + jsonString(tool) + ",\"replay_run\":" + jsonString(m->runId) +
                    ",\"nx\":" + std::to_string(m->nx) + ",\"ny\":" + std::to_string(m->ny) +
                    ",\"x0_m\":" + jsonNumber(m->x0M) + ",\"y0_m\":" + jsonNumber(m->y0M) +
                    ",\"dx_m\":" + jsonNumber(m->dxM) + ",\"dy_m\":" + jsonNumber(m->dyM) + ",\"thickness_nm\":[";
    for (std::size_t k = 0; k < m->thicknessNm.size(); ++k) o += (k ? "," : "") + jsonNumber(m->thicknessNm[k]);
    o += "],\"quality_area\":[";
    for (std::size_t k = 0; k < m->qualityArea.size(); ++k)
        o += k ? (m->qualityArea[k] ? ",1" : ",0") : (m->qualityArea[k] ? "1" : "0");
    return o + "]}\n";
}

std::string findingsJson(const std::vector<ReplayFindingRecord>& findings) {
    std::string o = "[";
    for (std::size_t i = 0; i < findings.size(); ++i) {
        const ReplayFindingRecord& f = findings[i];
        o += std::string(i ? "," : "") + "{\"kind\":" + jsonString(f.kind) +
             ",\"target_id\":" + jsonString(f.targetId) + ",\"message\":" + jsonString(f.message) +
             ",\"time_s\":" + jsonNumber(f.time) + ",\"size\":" + jsonNumber(f.size) + "}";
    }
    return o + "]";
}

std::string forecastJson(const std::optional<ForecastRecord>& f) {
    if (!f) return "null";
    std::string o = "{\"created_s\":" + jsonNumber(f->createdTime) + ",\"spec_pct\":" + jsonNumber(f->specPct) +
                    ",\"u_now_pct\":" + jsonNumber(f->uNowPct) + ",\"life_now_kWh\":" + jsonNumber(f->xNowKWh) +
                    ",\"life_end_kWh\":" + jsonNumber(f->xEndKWh) + ",\"kWh_per_day\":" + jsonNumber(f->kWhPerDay) +
                    ",\"last_sample_s\":" + jsonNumber(f->lastTime) + ",\"u_cross_kWh\":" + jsonNumber(f->crossingKWh) +
                    ",\"u_cross_s\":" + jsonNumber(f->crossingTime) + ",\"u_after_pct\":" + jsonNumber(f->uAfterPct) +
                    ",\"recipe\":" + jsonString(f->recipe) + ",\"curve\":[";
    for (std::size_t i = 0; i < f->curve.size(); ++i)
        o += std::string(i ? "," : "") + "{\"life_kWh\":" + jsonNumber(f->curve[i].first) +
             ",\"u_pct\":" + jsonNumber(f->curve[i].second) + "}";
    o += "],\"eol\":[";
    for (std::size_t i = 0; i < f->eolKWh.size(); ++i)
        o += std::string(i ? "," : "") + "{\"target_id\":" + jsonString(f->eolKWh[i].first) +
             ",\"eol_kWh\":" + jsonNumber(f->eolKWh[i].second) + "}";
    return o + "]}";
}

std::string toolDetailJson(TwinStore& store, const ToolStatus& s, std::int64_t toolId,
                           const std::optional<ThicknessMapRecord>& map) {
    const std::vector<PredictionRecord> predictions = store.predictions(toolId);
    const std::string run = newestRun(s.erosion, predictions);
    std::string o =
        "{\"tool\":" + jsonString(s.tool) + ",\"rows\":" + std::to_string(s.totals.rows) +
        ",\"steps\":" + std::to_string(s.totals.steps) +
        ",\"replay_run\":" + (run.empty() ? std::string("null") : jsonString(run)) +
        ",\"uniformity_spec_pct\":" + specJson(store.toolSetting(toolId, kUniformitySpecSetting)) +
        ",\"thickness_map\":" + mapSummaryJson(map, specValue(store.toolSetting(toolId, kUniformitySpecSetting))) +
        ",\"findings\":" + findingsJson(store.replayFindings(toolId)) +
        ",\"forecast\":" + forecastJson(store.forecast(toolId)) + ",\"targets\":[";
    for (std::size_t i = 0; i < s.targets.size(); ++i) {
        const TargetRecord& t = s.targets[i];
        double lifeUsed = std::nan(""), volume = std::nan(""), eroded = std::nan("");
        for (const auto& e : s.erosion)
            if (e.source == t.source && e.targetId == t.targetId) {
                if (t.thicknessM > 0.0) lifeUsed = e.maxDepthM / t.thicknessM;
                volume = e.targetVolumeM3 > 0.0 ? e.targetVolumeM3 : std::nan("");
                eroded = e.erodedVolumeM3;
            }
        o += std::string(i ? "," : "") + "{\"source\":" + jsonString(t.source) +
             ",\"target_id\":" + jsonString(t.targetId) + ",\"thickness_m\":" + jsonNumber(t.thicknessM) +
             ",\"life_used\":" + jsonNumber(lifeUsed) + ",\"target_volume_m3\":" + jsonNumber(volume) +
             ",\"eroded_volume_m3\":" + jsonNumber(eroded) + ",\"utilization\":" + jsonNumber(eroded / volume) + "}";
    }
    o += "],\"uniformity\":[";
    bool first = true;
    for (const auto& p : predictions) {
        if (p.runId != run || !std::isfinite(p.uniformityPct)) continue;
        double life = std::nan("");
        const std::string sources = sourcesJson(p.sources, life);
        o += std::string(first ? "" : ",") + "{\"step\":" + std::to_string(p.step) +
             ",\"start_s\":" + jsonNumber(p.startTime) + ",\"end_s\":" + jsonNumber(p.endTime) +
             ",\"label\":" + jsonString(p.label) + ",\"life_kWh\":" + jsonNumber(life) +
             ",\"uniformity_pct\":" + jsonNumber(p.uniformityPct) + ",\"map_mean_A_per_s\":" + jsonNumber(p.mapMeanAS) +
             ",\"sources\":" + sources + "}";
        first = false;
    }
    return o + "]}\n";
}

}  // namespace

std::string storeRevision(TwinStore& store) {
    std::string r;
    for (const auto& name : store.toolNames()) {
        const std::int64_t id = store.ensureTool(name);
        const StoreTotals t = store.totals(id);
        std::uint64_t bytes = 0;
        for (const auto& f : store.files(id)) bytes += f.bytesConsumed;
        r += name + ":" + std::to_string(t.rows) + "/" + std::to_string(t.steps) + "/" + std::to_string(bytes) + "/" +
             std::to_string(store.calibrations(id).size());
        for (const auto& e : store.erosionStates(id)) r += "/" + e.runId + "@" + jsonNumber(e.lifeKWh);
        r += "/spec=" + store.toolSetting(id, kUniformitySpecSetting).value_or("");
        // the replay's findings and map, the forecast (a replay of the same inputs with other
        // settings, a new forecast)
        const auto findings = store.replayFindings(id);
        r += "/findings=" + std::to_string(findings.size());
        if (!findings.empty()) r += ":" + std::to_string(std::hash<std::string>{}(findings.back().message));
        if (const auto f = store.forecast(id)) r += "/forecast@" + jsonNumber(f->createdTime);
        r += ";";
    }
    return r;
}

ServeSnapshot readServeSnapshot(TwinStore& store, const std::string& revision) {
    ServeSnapshot snap;
    snap.revision = revision;
    const std::vector<ToolStatus> status = readTwinStatus(store, "");
    snap.statusJson = statusJsonOf(status);
    snap.toolsJson = "{\"tools\":[";
    for (std::size_t i = 0; i < status.size(); ++i) {
        const ToolStatus& s = status[i];
        snap.toolStatus[s.tool] = statusJsonOf({s});
        const std::int64_t toolId = store.ensureTool(s.tool);
        const std::optional<ThicknessMapRecord> map = store.thicknessMap(toolId);
        snap.toolDetail[s.tool] = toolDetailJson(store, s, toolId, map);
        snap.toolMap[s.tool] = mapJson(s.tool, map);
        const bool rows = !s.e10.days.empty();
        snap.toolsJson += std::string(i ? "," : "") + "{\"name\":" + jsonString(s.tool) +
                          ",\"rows\":" + std::to_string(s.totals.rows) +
                          ",\"steps\":" + std::to_string(s.totals.steps) +
                          ",\"targets\":" + std::to_string(s.targets.size()) +
                          ",\"start_s\":" + (rows ? jsonNumber(s.e10.start) : std::string("null")) +
                          ",\"end_s\":" + (rows ? jsonNumber(s.e10.end) : std::string("null")) + "}";
    }
    snap.toolsJson += "],\"revision\":" + jsonString(revision) + "}\n";
    return snap;
}

}  // namespace magtwin
