#include "twin/store/StoreSchema.hpp"

#include "twin/store/CalibrationRecord.hpp"

namespace magtwin {

std::vector<StoreMigration> storeMigrations(const std::string& blob, const std::string& id) {
    return {
        {1,
         {"CREATE TABLE tools (id " + id + ", name TEXT NOT NULL UNIQUE)",
          "CREATE TABLE log_files (id " + id +
              ", tool_id BIGINT NOT NULL REFERENCES tools(id), path TEXT NOT NULL, format TEXT NOT NULL,"
              " channels TEXT NOT NULL, bytes_consumed BIGINT NOT NULL, prefix_hash BIGINT NOT NULL,"
              " rows_consumed BIGINT NOT NULL, rows_stored BIGINT NOT NULL, last_line BIGINT NOT NULL,"
              " has_span INTEGER NOT NULL, first_time DOUBLE PRECISION, last_time DOUBLE PRECISION,"
              " resume_state TEXT NOT NULL)",
          "CREATE INDEX log_files_by_path ON log_files (tool_id, path)",
          "CREATE TABLE sample_blocks (file_id BIGINT NOT NULL REFERENCES log_files(id), first_row BIGINT NOT NULL,"
          " row_count BIGINT NOT NULL, data " +
              blob + " NOT NULL, PRIMARY KEY (file_id, first_row))",
          "CREATE TABLE text_changes (file_id BIGINT NOT NULL REFERENCES log_files(id), line BIGINT NOT NULL,"
          " time DOUBLE PRECISION NOT NULL, channel TEXT NOT NULL, value TEXT NOT NULL,"
          " PRIMARY KEY (file_id, line, channel))",
          "CREATE TABLE steps (file_id BIGINT NOT NULL REFERENCES log_files(id), start_line BIGINT NOT NULL,"
          " end_line BIGINT NOT NULL, start_time DOUBLE PRECISION NOT NULL, end_time DOUBLE PRECISION NOT NULL,"
          " label TEXT NOT NULL, open INTEGER NOT NULL, PRIMARY KEY (file_id, start_line))",
          "CREATE TABLE step_sources (file_id BIGINT NOT NULL, start_line BIGINT NOT NULL, source TEXT NOT NULL,"
          " target_id TEXT NOT NULL, energy_j DOUBLE PRECISION NOT NULL, PRIMARY KEY (file_id, start_line, source))",
          "CREATE TABLE targets (tool_id BIGINT NOT NULL REFERENCES tools(id), source TEXT NOT NULL,"
          " target_id TEXT NOT NULL, material TEXT NOT NULL, thickness_m DOUBLE PRECISION NOT NULL,"
          " install_time DOUBLE PRECISION NOT NULL, energy_j DOUBLE PRECISION NOT NULL, steps BIGINT NOT NULL,"
          " has_counter INTEGER NOT NULL, counter_first_j DOUBLE PRECISION NOT NULL,"
          " counter_last_j DOUBLE PRECISION NOT NULL, PRIMARY KEY (tool_id, source, target_id))"}},
        // Version 2: what replay and calibration learn. `calibrations` keeps the layout the
        // version-1 code created on its first save (IF NOT EXISTS: such a table and its rows
        // stay as they are).
        {2,
         {calibrationTableSql(id),
          "CREATE TABLE erosion_state (tool_id BIGINT NOT NULL REFERENCES tools(id), source TEXT NOT NULL,"
          " target_id TEXT NOT NULL, material TEXT NOT NULL, energy_kwh DOUBLE PRECISION NOT NULL,"
          " life_kwh DOUBLE PRECISION NOT NULL, max_depth_m DOUBLE PRECISION NOT NULL,"
          " eroded_volume_m3 DOUBLE PRECISION NOT NULL, run_id TEXT NOT NULL,"
          " PRIMARY KEY (tool_id, source, target_id))",
          "CREATE TABLE predictions (tool_id BIGINT NOT NULL REFERENCES tools(id), run_id TEXT NOT NULL,"
          " step BIGINT NOT NULL, start_time DOUBLE PRECISION NOT NULL, end_time DOUBLE PRECISION NOT NULL,"
          " label TEXT NOT NULL, predicted_as DOUBLE PRECISION, predicted_calibrated_as DOUBLE PRECISION,"
          " uniformity_pct DOUBLE PRECISION, map_mean_as DOUBLE PRECISION, sources TEXT NOT NULL,"
          " PRIMARY KEY (tool_id, run_id, step))",
          "CREATE TABLE measurements (tool_id BIGINT NOT NULL REFERENCES tools(id), kind TEXT NOT NULL,"
          " origin TEXT NOT NULL, time DOUBLE PRECISION NOT NULL, x_m DOUBLE PRECISION NOT NULL,"
          " y_m DOUBLE PRECISION NOT NULL, value DOUBLE PRECISION, unit TEXT NOT NULL,"
          " PRIMARY KEY (tool_id, kind, origin, time, x_m, y_m))"}},
        // Version 3: the gas strength of a calibration; the versions before keep 0 (vacuum).
        {3,
         {"ALTER TABLE calibrations ADD COLUMN gas_sigma_eff_m2 DOUBLE PRECISION NOT NULL DEFAULT 0",
          "ALTER TABLE calibrations ADD COLUMN gas_sigma_m2 DOUBLE PRECISION NOT NULL DEFAULT 0",
          "ALTER TABLE calibrations ADD COLUMN gas_status TEXT NOT NULL DEFAULT ''"}},
        // Version 4: settings per tool (key, text); stores synced before keep none (the defaults).
        {4,
         {"CREATE TABLE tool_settings (tool_id BIGINT NOT NULL REFERENCES tools(id), key TEXT NOT NULL,"
          " value TEXT NOT NULL, PRIMARY KEY (tool_id, key))"}},
        // Version 5: the reactive state per target (TwinState.hpp); stores before keep none
        // (every target metallic until a replay follows it).
        {5,
         {"CREATE TABLE reactive_state (tool_id BIGINT NOT NULL REFERENCES tools(id), source TEXT NOT NULL,"
          " target_id TEXT NOT NULL, gas TEXT NOT NULL, theta_target DOUBLE PRECISION NOT NULL,"
          " theta_collector DOUBLE PRECISION NOT NULL, time DOUBLE PRECISION NOT NULL, run_id TEXT NOT NULL,"
          " PRIMARY KEY (tool_id, source, target_id))"}},
        // Version 6: what the page of `twin serve` shows from the newest replay and forecast
        // (TwinState.hpp): each target's volume (NULL in rows written before: no utilization
        // until the next replay), the thickness map, the findings, the forecast's crossing.
        {6,
         {"ALTER TABLE erosion_state ADD COLUMN target_volume_m3 DOUBLE PRECISION",
          "CREATE TABLE replay_maps (tool_id BIGINT NOT NULL REFERENCES tools(id), run_id TEXT NOT NULL,"
          " start_time DOUBLE PRECISION NOT NULL, end_time DOUBLE PRECISION NOT NULL, intervals BIGINT NOT NULL,"
          " label TEXT NOT NULL, substrate_id TEXT NOT NULL, nx BIGINT NOT NULL, ny BIGINT NOT NULL,"
          " x0_m DOUBLE PRECISION NOT NULL, y0_m DOUBLE PRECISION NOT NULL, dx_m DOUBLE PRECISION NOT NULL,"
          " dy_m DOUBLE PRECISION NOT NULL, thickness_nm " +
              blob + " NOT NULL, quality_area " + blob + " NOT NULL, PRIMARY KEY (tool_id))",
          "CREATE TABLE replay_findings (tool_id BIGINT NOT NULL REFERENCES tools(id), run_id TEXT NOT NULL,"
          " idx BIGINT NOT NULL, kind TEXT NOT NULL, target_id TEXT NOT NULL, message TEXT NOT NULL,"
          " time DOUBLE PRECISION, size DOUBLE PRECISION, PRIMARY KEY (tool_id, idx))",
          "CREATE TABLE forecasts (tool_id BIGINT NOT NULL REFERENCES tools(id), created_time DOUBLE PRECISION NOT "
          "NULL,"
          " spec_pct DOUBLE PRECISION, u_now_pct DOUBLE PRECISION, x_now_kwh DOUBLE PRECISION,"
          " x_end_kwh DOUBLE PRECISION, kwh_per_day DOUBLE PRECISION, last_time DOUBLE PRECISION,"
          " crossing_kwh DOUBLE PRECISION, crossing_time DOUBLE PRECISION, u_after_pct DOUBLE PRECISION,"
          " recipe TEXT NOT NULL, curve TEXT NOT NULL, eol TEXT NOT NULL, PRIMARY KEY (tool_id))"}},
    };
}

}  // namespace magtwin
