// SqliteStore: calibration versions (CalibrationRecord.hpp; table of schema version 2).
#include "twin/store/sqlite/SqliteStatement.hpp"

#include "twin/store/CalibrationRecord.hpp"

namespace magtwin {

std::int64_t SqliteStore::saveCalibration(std::int64_t toolId, const CalibrationRecord& r) {
    exec("BEGIN IMMEDIATE");
    try {
        auto& v = prepare("SELECT COALESCE(MAX(version), 0) + 1 FROM calibrations WHERE tool_id = ?").bind(toolId);
        v.step();
        const std::int64_t version = v.integer(0);
        prepare(
            "INSERT INTO calibrations (tool_id, version, created_time, method, parameters, summary, gas_sigma_eff_m2,"
            " gas_sigma_m2, gas_status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .bind(toolId)
            .bind(version)
            .bind(r.createdTime)
            .bind(r.method)
            .bind(encodeCalibrationParameters(r.parameters))
            .bind(r.summary)
            .bind(r.gas.sigmaEffM2)
            .bind(r.gas.sigmaM2)
            .bind(r.gas.status)
            .run();
        exec("COMMIT");
        return version;
    } catch (...) {
        exec("ROLLBACK");
        throw;
    }
}

std::vector<CalibrationRecord> SqliteStore::calibrations(std::int64_t toolId) {
    std::vector<CalibrationRecord> out;
    auto& s =
        prepare(
            "SELECT version, created_time, method, parameters, summary, gas_sigma_eff_m2, gas_sigma_m2, gas_status"
            " FROM calibrations WHERE tool_id = ? ORDER BY version")
            .bind(toolId);
    while (s.step()) {
        CalibrationRecord r;
        r.version = s.integer(0);
        r.createdTime = s.real(1);
        r.method = s.text(2);
        r.parameters = decodeCalibrationParameters(s.text(3));
        r.summary = s.text(4);
        r.gas.sigmaEffM2 = s.real(5);
        r.gas.sigmaM2 = s.real(6);
        r.gas.status = s.text(7);
        out.push_back(r);
    }
    return out;
}

}  // namespace magtwin
