// PostgresStore: erosion state, predictions and measurements (TwinState.hpp; SQL shared with
// SQLite in TwinStateSql.cpp). Each save is one transaction; doubles travel as exact text.
#include "twin/store/postgres/PostgresConnection.hpp"

#include "twin/store/TwinState.hpp"

namespace magtwin {

namespace sql = twin_state_sql;
using pg::integer;
using pg::num;
using pg::real;
using pg::realOrNan;

void PostgresStore::saveReplayRun(std::int64_t toolId, const ReplayRunRecord& run) {
    pqxx::work w(db_->c);
    w.exec_params(sql::kDeleteRunPredictions, toolId, run.runId);
    for (const auto& p : run.predictions)
        w.exec_params(sql::kInsertPrediction, toolId, run.runId, p.step, num(p.startTime), num(p.endTime), p.label,
                      num(p.predictedAS), num(p.predictedCalibratedAS), num(p.uniformityPct), num(p.mapMeanAS),
                      p.sources);
    for (const auto& e : run.erosion)
        w.exec_params(sql::kUpsertErosion, toolId, e.source, e.targetId, e.material, num(e.energyKWh), num(e.lifeKWh),
                      num(e.maxDepthM), num(e.erodedVolumeM3), run.runId, num(e.targetVolumeM3));
    for (const auto& m : run.measurements)
        w.exec_params(sql::kUpsertMeasurement, toolId, m.kind, m.origin, num(m.time), num(m.xM), num(m.yM),
                      num(m.value), m.unit);
    for (const auto& r : run.reactive)
        w.exec_params(sql::kUpsertReactive, toolId, r.source, r.targetId, r.gas, num(r.thetaTarget),
                      num(r.thetaCollector), num(r.time), run.runId);
    if (run.replacesReport) {
        w.exec_params(sql::kDeleteMap, toolId);
        w.exec_params(sql::kDeleteFindings, toolId);
    }
    for (const auto& m : run.thicknessMap) {
        const std::string values = packDoubles(m.thicknessNm);
        w.exec_params(sql::kInsertMap, toolId, run.runId, num(m.startTime), num(m.endTime), m.intervals, m.label,
                      m.substrateId, m.nx, m.ny, num(m.x0M), num(m.y0M), num(m.dxM), num(m.dyM),
                      pqxx::binarystring(values.data(), values.size()),
                      pqxx::binarystring(m.qualityArea.data(), m.qualityArea.size()));
    }
    for (std::size_t i = 0; i < run.findings.size(); ++i) {
        const ReplayFindingRecord& f = run.findings[i];
        w.exec_params(sql::kInsertFinding, toolId, run.runId, static_cast<std::int64_t>(i), f.kind, f.targetId,
                      f.message, num(f.time), num(f.size));
    }
    w.commit();
}

void PostgresStore::saveMeasurements(std::int64_t toolId, const std::vector<MeasurementRecord>& measurements) {
    ReplayRunRecord run;  // no run: only the measurements (an empty run id deletes no predictions)
    run.measurements = measurements;
    saveReplayRun(toolId, run);
}

std::vector<ErosionStateRecord> PostgresStore::erosionStates(std::int64_t toolId) {
    pqxx::read_transaction w(db_->c);
    std::vector<ErosionStateRecord> out;
    for (const auto& r : w.exec_params(sql::kSelectErosion, toolId))
        out.push_back({r[0].c_str(), r[1].c_str(), r[2].c_str(), real(r[3]), real(r[4]), real(r[5]), real(r[6]),
                       r[7].c_str(), realOrNan(r[8])});
    return out;
}

std::vector<PredictionRecord> PostgresStore::predictions(std::int64_t toolId) {
    pqxx::read_transaction w(db_->c);
    std::vector<PredictionRecord> out;
    for (const auto& r : w.exec_params(sql::kSelectPredictions, toolId))
        out.push_back({r[0].c_str(), integer(r[1]), real(r[2]), real(r[3]), r[4].c_str(), real(r[5]), real(r[6]),
                       real(r[7]), real(r[8]), r[9].c_str()});
    return out;
}

std::vector<MeasurementRecord> PostgresStore::measurements(std::int64_t toolId) {
    pqxx::read_transaction w(db_->c);
    std::vector<MeasurementRecord> out;
    for (const auto& r : w.exec_params(sql::kSelectMeasurements, toolId))
        out.push_back({r[0].c_str(), r[1].c_str(), real(r[2]), real(r[3]), real(r[4]), real(r[5]), r[6].c_str()});
    return out;
}

std::vector<TargetReactiveRecord> PostgresStore::reactiveStates(std::int64_t toolId) {
    pqxx::read_transaction w(db_->c);
    std::vector<TargetReactiveRecord> out;
    for (const auto& r : w.exec_params(sql::kSelectReactive, toolId))
        out.push_back({r[0].c_str(), r[1].c_str(), r[2].c_str(), real(r[3]), real(r[4]), real(r[5]), r[6].c_str()});
    return out;
}

std::optional<ThicknessMapRecord> PostgresStore::thicknessMap(std::int64_t toolId) {
    pqxx::read_transaction w(db_->c);
    const auto rows = w.exec_params(sql::kSelectMap, toolId);
    if (rows.empty()) return std::nullopt;
    const auto& r = rows[0];
    ThicknessMapRecord m{
        r[0].c_str(),  real(r[1]), real(r[2]), integer(r[3]), r[4].c_str(), r[5].c_str(), integer(r[6]),
        integer(r[7]), real(r[8]), real(r[9]), real(r[10]),   real(r[11]),  {},           {}};
    m.thicknessNm = unpackDoubles(pqxx::binarystring(r[12]).str());
    const std::string q = pqxx::binarystring(r[13]).str();
    m.qualityArea.assign(q.begin(), q.end());
    return m;
}

std::vector<ReplayFindingRecord> PostgresStore::replayFindings(std::int64_t toolId) {
    pqxx::read_transaction w(db_->c);
    std::vector<ReplayFindingRecord> out;
    for (const auto& r : w.exec_params(sql::kSelectFindings, toolId))
        out.push_back({r[0].c_str(), r[1].c_str(), r[2].c_str(), realOrNan(r[3]), realOrNan(r[4])});
    return out;
}

void PostgresStore::saveForecast(std::int64_t toolId, const ForecastRecord& f) {
    pqxx::work w(db_->c);
    w.exec_params(sql::kUpsertForecast, toolId, num(f.createdTime), num(f.specPct), num(f.uNowPct), num(f.xNowKWh),
                  num(f.xEndKWh), num(f.kWhPerDay), num(f.lastTime), num(f.crossingKWh), num(f.crossingTime),
                  num(f.uAfterPct), f.recipe, forecastCurveText(f), forecastEolText(f));
    w.commit();
}

std::optional<ForecastRecord> PostgresStore::forecast(std::int64_t toolId) {
    pqxx::read_transaction w(db_->c);
    const auto rows = w.exec_params(sql::kSelectForecast, toolId);
    if (rows.empty()) return std::nullopt;
    const auto& r = rows[0];
    ForecastRecord f;
    f.createdTime = realOrNan(r[0]);
    f.specPct = realOrNan(r[1]);
    f.uNowPct = realOrNan(r[2]);
    f.xNowKWh = realOrNan(r[3]);
    f.xEndKWh = realOrNan(r[4]);
    f.kWhPerDay = realOrNan(r[5]);
    f.lastTime = realOrNan(r[6]);
    f.crossingKWh = realOrNan(r[7]);
    f.crossingTime = realOrNan(r[8]);
    f.uAfterPct = realOrNan(r[9]);
    f.recipe = r[10].c_str();
    parseForecastText(f, r[11].c_str(), r[12].c_str());
    return f;
}

void PostgresStore::saveToolSetting(std::int64_t toolId, const std::string& key, const std::string& value) {
    pqxx::work w(db_->c);
    w.exec_params(sql::kUpsertToolSetting, toolId, key, value);
    w.commit();
}

std::optional<std::string> PostgresStore::toolSetting(std::int64_t toolId, const std::string& key) {
    pqxx::read_transaction w(db_->c);
    const auto r = w.exec_params(sql::kSelectToolSetting, toolId, key);
    if (r.empty()) return std::nullopt;
    return std::string(r[0][0].c_str());
}

}  // namespace magtwin
