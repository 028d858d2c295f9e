// SqliteStore: calibration versions (CalibrationRecord.hpp; table of schema version 2).
#include "sqlite/SqliteStatement.hpp"

#include "CalibrationRecord.hpp"

namespace magtwin {

std::int64_t SqliteStore::saveCalibration(std::int64_t toolId, const CalibrationRecord& r) {
    exec("BEGIN IMMEDIATE");
    try {
        auto& v = prepare("SELECT COALESCE(MAX(version), 0) + 1 FROM calibrations WHERE tool_id = ?").bind(toolId);
        v.step();
        const std::int64_t version = v.integer(0);
        prepare("INSERT INTO calibrations (tool_id, version, created_time, method, parameters, summary) VALUES (?, ?, ?, ?, ?, ?)")
            .bind(toolId)
            .bind(version)
            .bind(r.createdTime)
            .bind(r.method)
            .bind(encodeCalibrationParameters(r.parameters))
            .bind(r.summary)
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
    auto& s = prepare("SELECT version, created_time, method, parameters, summary FROM calibrations WHERE tool_id = ? ORDER BY version")
                  .bind(toolId);
    while (s.step()) {
        CalibrationRecord r;
        r.version = s.integer(0);
        r.createdTime = s.real(1);
        r.method = s.text(2);
        r.parameters = decodeCalibrationParameters(s.text(3));
        r.summary = s.text(4);
        out.push_back(r);
    }
    return out;
}

}  // namespace magtwin
