#include "twin/replay/ReplayStoreRecords.hpp"

#include <cmath>
#include <cstdio>
#include <map>

namespace magtwin {

std::string replayRunId(const std::string& storeDigest, std::int64_t calibrationVersion) {
    // the digest's hash and counts ("%016llx rows=N steps=M"), without spaces
    std::string id = "replay-";
    for (char c : storeDigest) id += c == ' ' ? '-' : c;
    return id + "-cal" + std::to_string(calibrationVersion);
}

namespace {

std::string sourcesText(const ReplayStep& s) {
    std::string out;
    char buf[40];
    for (const auto& sp : s.sources) {
        std::snprintf(buf, sizeof buf, "%.17g", sp.lifeKWh);
        out += sp.source + "\t" + sp.targetId + "\t" + buf + "\n";
    }
    return out;
}

}  // namespace

ReplayRunRecord replayRunRecord(const ReplayResult& replay, const std::vector<TargetRecord>& targets,
                                const std::string& runId, const std::string& monitorName) {
    constexpr double kJPerKWh = 3.6e6;
    ReplayRunRecord run;
    run.runId = runId;
    std::map<std::pair<std::string, std::string>, ErosionStateRecord> erosion;
    for (std::size_t i = 0; i < replay.steps.size(); ++i) {
        const ReplayStep& s = replay.steps[i];
        PredictionRecord p;
        p.runId = runId;
        p.step = static_cast<std::int64_t>(i);
        p.startTime = s.start;
        p.endTime = s.end;
        p.label = s.label;
        p.predictedAS = s.predictedAS;
        p.predictedCalibratedAS = s.predictedCalibratedAS;
        p.uniformityPct = s.uniformityPct;
        p.mapMeanAS = s.mapMeanAS;
        p.sources = sourcesText(s);
        run.predictions.push_back(p);
        if (std::isfinite(s.measuredDisplayedAS))
            run.measurements.push_back(
                {"monitor", monitorName, s.start, 0.0, 0.0, s.measuredDisplayedAS, "A/s displayed"});
        for (const auto& sp : s.sources) {
            ErosionStateRecord& e = erosion[{sp.source, sp.targetId}];
            if (!e.runId.empty() && e.lifeKWh > sp.lifeKWh) continue;  // keep the latest life point
            e = {sp.source,
                 sp.targetId,
                 sp.material,
                 0.0,
                 sp.lifeKWh,
                 sp.erodedDepthM,
                 sp.erodedVolumeM3,
                 runId,
                 sp.targetVolumeM3 > 0.0 ? sp.targetVolumeM3 : std::nan("")};
        }
    }
    for (auto& [key, e] : erosion) {
        for (const auto& t : targets)
            if (t.source == key.first && t.targetId == key.second) e.energyKWh = t.energyJ / kJPerKWh;
        run.erosion.push_back(e);
    }
    for (TargetReactiveRecord r : replay.reactive.finalStates) {
        r.runId = runId;
        run.reactive.push_back(r);
    }
    run.replacesReport = true;
    const ReplayFilm& film = replay.lastFilm;
    if (!film.thicknessNm.empty()) {
        const SubstrateGrid& g = replay.grid;
        ThicknessMapRecord m;
        m.runId = runId;
        m.startTime = film.start;
        m.endTime = film.end;
        m.intervals = static_cast<std::int64_t>(film.intervals);
        m.label = film.label;
        m.substrateId = film.substrateId;
        m.nx = static_cast<std::int64_t>(g.grid.nu);
        m.ny = static_cast<std::int64_t>(g.grid.nv);
        m.x0M = g.x0, m.y0M = g.y0, m.dxM = g.dx, m.dyM = g.dy;
        m.thicknessNm = film.thicknessNm;
        m.qualityArea = g.inUniformityArea;
        run.thicknessMap.push_back(std::move(m));
    }
    return run;
}

ReplayRunRecord replayRunRecord(const ReplayReport& report, const std::vector<TargetRecord>& targets,
                                const std::string& runId, const std::string& monitorName) {
    ReplayRunRecord run = replayRunRecord(report.replay, targets, runId, monitorName);
    for (const ReplayFinding& f : report.findings)
        run.findings.push_back({f.kind, f.targetId, f.message, f.time > 0 ? f.time : std::nan(""), f.size});
    return run;
}

}  // namespace magtwin
