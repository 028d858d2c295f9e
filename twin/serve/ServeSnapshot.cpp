#include "twin/serve/ServeSnapshot.hpp"

#include "boundary/util/Json.hpp"
#include "twin/status/TwinStatus.hpp"

#include <cmath>
#include <cstdlib>
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

std::string toolDetailJson(TwinStore& store, const ToolStatus& s, std::int64_t toolId) {
    const std::vector<PredictionRecord> predictions = store.predictions(toolId);
    const std::string run = newestRun(s.erosion, predictions);
    std::string o = "{\"tool\":" + jsonString(s.tool) + ",\"rows\":" + std::to_string(s.totals.rows) +
                    ",\"steps\":" + std::to_string(s.totals.steps) +
                    ",\"replay_run\":" + (run.empty() ? std::string("null") : jsonString(run)) +
                    ",\"uniformity_spec_pct\":" + specJson(store.toolSetting(toolId, kUniformitySpecSetting)) +
                    ",\"targets\":[";
    for (std::size_t i = 0; i < s.targets.size(); ++i) {
        const TargetRecord& t = s.targets[i];
        double lifeUsed = std::nan("");
        for (const auto& e : s.erosion)
            if (e.source == t.source && e.targetId == t.targetId && t.thicknessM > 0.0)
                lifeUsed = e.maxDepthM / t.thicknessM;
        o += std::string(i ? "," : "") + "{\"source\":" + jsonString(t.source) +
             ",\"target_id\":" + jsonString(t.targetId) + ",\"thickness_m\":" + jsonNumber(t.thicknessM) +
             ",\"life_used\":" + jsonNumber(lifeUsed) + "}";
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
        snap.toolDetail[s.tool] = toolDetailJson(store, s, store.ensureTool(s.tool));
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
