// PostgresStore: calibration versions (CalibrationRecord.hpp; table of schema version 2).
// The version is taken under a lock of the tool's row, so two concurrent saves
// get distinct versions.
#include "twin/store/postgres/PostgresConnection.hpp"

#include "twin/store/CalibrationRecord.hpp"

namespace magtwin {

std::int64_t PostgresStore::saveCalibration(std::int64_t toolId, const CalibrationRecord& r) {
    pqxx::work w(db_->c);
    w.exec_params("SELECT id FROM tools WHERE id = $1 FOR UPDATE", toolId);
    const auto version =
        w.exec_params1("SELECT COALESCE(MAX(version), 0) + 1 FROM calibrations WHERE tool_id = $1", toolId)[0]
            .as<std::int64_t>();
    w.exec_params(
        "INSERT INTO calibrations (tool_id, version, created_time, method, parameters, summary, gas_sigma_eff_m2,"
        " gas_sigma_m2, gas_status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        toolId, version, r.createdTime, r.method, encodeCalibrationParameters(r.parameters), r.summary,
        r.gas.sigmaEffM2, r.gas.sigmaM2, r.gas.status);
    w.commit();
    return version;
}

std::vector<CalibrationRecord> PostgresStore::calibrations(std::int64_t toolId) {
    pqxx::read_transaction w(db_->c);
    std::vector<CalibrationRecord> out;
    for (const auto& row : w.exec_params(
             "SELECT version, created_time, method, parameters, summary, gas_sigma_eff_m2, gas_sigma_m2, gas_status"
             " FROM calibrations WHERE tool_id = $1 ORDER BY version",
             toolId)) {
        CalibrationRecord r;
        r.version = row[0].as<std::int64_t>();
        r.createdTime = row[1].as<double>();
        r.method = row[2].c_str();
        r.parameters = decodeCalibrationParameters(row[3].c_str());
        r.summary = row[4].c_str();
        r.gas.sigmaEffM2 = row[5].as<double>();
        r.gas.sigmaM2 = row[6].as<double>();
        r.gas.status = row[7].c_str();
        out.push_back(r);
    }
    return out;
}

}  // namespace magtwin
