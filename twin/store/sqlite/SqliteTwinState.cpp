// SqliteStore: erosion state, predictions and measurements (TwinState.hpp; SQL shared with
// PostgreSQL in TwinStateSql.cpp). Each save is one BEGIN IMMEDIATE .. COMMIT.
#include "twin/store/sqlite/SqliteStatement.hpp"

#include "twin/store/TwinState.hpp"

namespace magtwin {

namespace sql = twin_state_sql;

void SqliteStore::saveReplayRun(std::int64_t toolId, const ReplayRunRecord& run) {
    exec("BEGIN IMMEDIATE");
    try {
        prepare(sql::kDeleteRunPredictions).bind(toolId).bind(run.runId).run();
        for (const auto& p : run.predictions)
            prepare(sql::kInsertPrediction)
                .bind(toolId)
                .bind(run.runId)
                .bind(p.step)
                .bind(p.startTime)
                .bind(p.endTime)
                .bind(p.label)
                .bind(p.predictedAS)
                .bind(p.predictedCalibratedAS)
                .bind(p.uniformityPct)
                .bind(p.mapMeanAS)
                .bind(p.sources)
                .run();
        for (const auto& e : run.erosion)
            prepare(sql::kUpsertErosion)
                .bind(toolId)
                .bind(e.source)
                .bind(e.targetId)
                .bind(e.material)
                .bind(e.energyKWh)
                .bind(e.lifeKWh)
                .bind(e.maxDepthM)
                .bind(e.erodedVolumeM3)
                .bind(run.runId)
                .bind(e.targetVolumeM3)
                .run();
        for (const auto& m : run.measurements)
            prepare(sql::kUpsertMeasurement)
                .bind(toolId)
                .bind(m.kind)
                .bind(m.origin)
                .bind(m.time)
                .bind(m.xM)
                .bind(m.yM)
                .bind(m.value)
                .bind(m.unit)
                .run();
        for (const auto& r : run.reactive)
            prepare(sql::kUpsertReactive)
                .bind(toolId)
                .bind(r.source)
                .bind(r.targetId)
                .bind(r.gas)
                .bind(r.thetaTarget)
                .bind(r.thetaCollector)
                .bind(r.time)
                .bind(run.runId)
                .run();
        if (run.replacesReport) {
            prepare(sql::kDeleteMap).bind(toolId).run();
            prepare(sql::kDeleteFindings).bind(toolId).run();
        }
        for (const auto& m : run.thicknessMap) {
            const std::string quality(m.qualityArea.begin(), m.qualityArea.end());
            const std::string values = packDoubles(m.thicknessNm);
            prepare(sql::kInsertMap)
                .bind(toolId)
                .bind(run.runId)
                .bind(m.startTime)
                .bind(m.endTime)
                .bind(m.intervals)
                .bind(m.label)
                .bind(m.substrateId)
                .bind(m.nx)
                .bind(m.ny)
                .bind(m.x0M)
                .bind(m.y0M)
                .bind(m.dxM)
                .bind(m.dyM)
                .bindBlob(values)
                .bindBlob(quality)
                .run();
        }
        for (std::size_t i = 0; i < run.findings.size(); ++i) {
            const ReplayFindingRecord& f = run.findings[i];
            prepare(sql::kInsertFinding)
                .bind(toolId)
                .bind(run.runId)
                .bind(static_cast<std::int64_t>(i))
                .bind(f.kind)
                .bind(f.targetId)
                .bind(f.message)
                .bind(f.time)
                .bind(f.size)
                .run();
        }
        exec("COMMIT");
    } catch (...) {
        exec("ROLLBACK");
        throw;
    }
}

void SqliteStore::saveMeasurements(std::int64_t toolId, const std::vector<MeasurementRecord>& measurements) {
    ReplayRunRecord run;  // no run: only the measurements (an empty run id deletes no predictions)
    run.measurements = measurements;
    saveReplayRun(toolId, run);
}

std::vector<ErosionStateRecord> SqliteStore::erosionStates(std::int64_t toolId) {
    std::vector<ErosionStateRecord> out;
    auto& s = prepare(sql::kSelectErosion).bind(toolId);
    while (s.step())
        out.push_back({s.text(0), s.text(1), s.text(2), s.realOrNan(3), s.realOrNan(4), s.realOrNan(5), s.realOrNan(6),
                       s.text(7), s.realOrNan(8)});
    return out;
}

std::vector<PredictionRecord> SqliteStore::predictions(std::int64_t toolId) {
    std::vector<PredictionRecord> out;
    auto& s = prepare(sql::kSelectPredictions).bind(toolId);
    while (s.step())
        out.push_back({s.text(0), s.integer(1), s.realOrNan(2), s.realOrNan(3), s.text(4), s.realOrNan(5),
                       s.realOrNan(6), s.realOrNan(7), s.realOrNan(8), s.text(9)});
    return out;
}

std::vector<MeasurementRecord> SqliteStore::measurements(std::int64_t toolId) {
    std::vector<MeasurementRecord> out;
    auto& s = prepare(sql::kSelectMeasurements).bind(toolId);
    while (s.step())
        out.push_back(
            {s.text(0), s.text(1), s.realOrNan(2), s.realOrNan(3), s.realOrNan(4), s.realOrNan(5), s.text(6)});
    return out;
}

std::vector<TargetReactiveRecord> SqliteStore::reactiveStates(std::int64_t toolId) {
    std::vector<TargetReactiveRecord> out;
    auto& s = prepare(sql::kSelectReactive).bind(toolId);
    while (s.step())
        out.push_back({s.text(0), s.text(1), s.text(2), s.realOrNan(3), s.realOrNan(4), s.realOrNan(5), s.text(6)});
    return out;
}

std::optional<ThicknessMapRecord> SqliteStore::thicknessMap(std::int64_t toolId) {
    auto& s = prepare(sql::kSelectMap).bind(toolId);
    if (!s.step()) return std::nullopt;
    ThicknessMapRecord m{
        s.text(0),    s.realOrNan(1), s.realOrNan(2), s.integer(3), s.text(4),  s.text(5), s.integer(6),
        s.integer(7), s.real(8),      s.real(9),      s.real(10),   s.real(11), {},        {}};
    m.thicknessNm = unpackDoubles(s.text(12));
    const std::string q = s.text(13);
    m.qualityArea.assign(q.begin(), q.end());
    s.run();
    return m;
}

std::vector<ReplayFindingRecord> SqliteStore::replayFindings(std::int64_t toolId) {
    std::vector<ReplayFindingRecord> out;
    auto& s = prepare(sql::kSelectFindings).bind(toolId);
    while (s.step()) out.push_back({s.text(0), s.text(1), s.text(2), s.realOrNan(3), s.realOrNan(4)});
    return out;
}

void SqliteStore::saveForecast(std::int64_t toolId, const ForecastRecord& f) {
    exec("BEGIN IMMEDIATE");
    try {
        prepare(sql::kUpsertForecast)
            .bind(toolId)
            .bind(f.createdTime)
            .bind(f.specPct)
            .bind(f.uNowPct)
            .bind(f.xNowKWh)
            .bind(f.xEndKWh)
            .bind(f.kWhPerDay)
            .bind(f.lastTime)
            .bind(f.crossingKWh)
            .bind(f.crossingTime)
            .bind(f.uAfterPct)
            .bind(f.recipe)
            .bind(forecastCurveText(f))
            .bind(forecastEolText(f))
            .run();
        exec("COMMIT");
    } catch (...) {
        exec("ROLLBACK");
        throw;
    }
}

std::optional<ForecastRecord> SqliteStore::forecast(std::int64_t toolId) {
    auto& s = prepare(sql::kSelectForecast).bind(toolId);
    if (!s.step()) return std::nullopt;
    ForecastRecord f;
    f.createdTime = s.realOrNan(0);
    f.specPct = s.realOrNan(1);
    f.uNowPct = s.realOrNan(2);
    f.xNowKWh = s.realOrNan(3);
    f.xEndKWh = s.realOrNan(4);
    f.kWhPerDay = s.realOrNan(5);
    f.lastTime = s.realOrNan(6);
    f.crossingKWh = s.realOrNan(7);
    f.crossingTime = s.realOrNan(8);
    f.uAfterPct = s.realOrNan(9);
    f.recipe = s.text(10);
    parseForecastText(f, s.text(11), s.text(12));
    s.run();
    return f;
}

void SqliteStore::saveToolSetting(std::int64_t toolId, const std::string& key, const std::string& value) {
    exec("BEGIN IMMEDIATE");
    try {
        prepare(sql::kUpsertToolSetting).bind(toolId).bind(key).bind(value).run();
        exec("COMMIT");
    } catch (...) {
        exec("ROLLBACK");
        throw;
    }
}

std::optional<std::string> SqliteStore::toolSetting(std::int64_t toolId, const std::string& key) {
    auto& s = prepare(sql::kSelectToolSetting).bind(toolId).bind(key);
    if (!s.step()) return std::nullopt;
    return s.text(0);
}

}  // namespace magtwin
