// PostgresStore: the TwinStore on a PostgreSQL server (libpqxx), for a fleet of tools and
// twins writing to one database: `--store postgresql://user@host:port/db`. Same schema and
// migrations as SQLite (StoreSchema); each commit() is one serializable-enough transaction
// (the file's state row is updated in it, so concurrent syncs of one file cannot both win:
// the loser's commit fails and the next sync continues from the winner's state).
#pragma once

#include "twin/store/TwinStore.hpp"

#include <memory>
#include <string>

namespace magtwin {

class PostgresStore : public TwinStore {
public:
    explicit PostgresStore(const std::string& url, int schemaVersion = kStoreSchemaVersion,
                           StoreAccess access = StoreAccess::ReadWrite);
    ~PostgresStore() override;

    std::int64_t ensureTool(const std::string& name) override;
    std::vector<std::string> toolNames() override;
    std::optional<LogFileState> currentFile(std::int64_t toolId, const std::string& path) override;
    std::vector<std::pair<double, double>> otherSpans(std::int64_t toolId, std::int64_t fileId) override;
    std::vector<TargetRecord> targets(std::int64_t toolId) override;
    std::vector<StepRecord> steps(std::int64_t toolId) override;
    std::int64_t commit(const SyncCommit& commit) override;
    StoreTotals totals(std::int64_t toolId) override;
    std::vector<SampleBlock> sampleBlocks(std::int64_t fileId) override;
    std::vector<LogFileState> files(std::int64_t toolId) override;
    std::vector<TextChange> textChanges(std::int64_t fileId) override;
    int schemaVersion() override;
    std::int64_t saveCalibration(std::int64_t toolId, const CalibrationRecord& record) override;  // *Calibrations.cpp
    std::vector<CalibrationRecord> calibrations(std::int64_t toolId) override;
    // *TwinState.cpp
    void saveReplayRun(std::int64_t toolId, const ReplayRunRecord& run) override;
    void saveMeasurements(std::int64_t toolId, const std::vector<MeasurementRecord>& m) override;
    std::vector<ErosionStateRecord> erosionStates(std::int64_t toolId) override;
    std::vector<PredictionRecord> predictions(std::int64_t toolId) override;
    std::vector<MeasurementRecord> measurements(std::int64_t toolId) override;
    std::vector<TargetReactiveRecord> reactiveStates(std::int64_t toolId) override;
    std::optional<ThicknessMapRecord> thicknessMap(std::int64_t toolId) override;
    std::vector<ReplayFindingRecord> replayFindings(std::int64_t toolId) override;
    void saveForecast(std::int64_t toolId, const ForecastRecord& forecast) override;
    std::optional<ForecastRecord> forecast(std::int64_t toolId) override;
    void saveToolSetting(std::int64_t toolId, const std::string& key, const std::string& value) override;
    std::optional<std::string> toolSetting(std::int64_t toolId, const std::string& key) override;

private:
    void migrate(int targetVersion);
    std::vector<LogFileState> readFiles(const std::string& where, std::int64_t key);
    std::string url_;
    struct Connection;  // the libpqxx connection (kept out of this header)
    std::unique_ptr<Connection> db_;
};

}  // namespace magtwin
