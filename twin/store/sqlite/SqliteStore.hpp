// SqliteStore: the TwinStore in one SQLite file (WAL journal, synchronous=NORMAL: a killed
// process never loses a committed batch nor leaves a half one).
#pragma once

#include "twin/store/TwinStore.hpp"

#include <map>
#include <memory>
#include <string>

struct sqlite3;
struct sqlite3_stmt;

namespace magtwin {

class SqliteStore : public TwinStore {
public:
    explicit SqliteStore(const std::string& path, int schemaVersion = kStoreSchemaVersion,
                         StoreAccess access = StoreAccess::ReadWrite);
    ~SqliteStore() override;
    SqliteStore(const SqliteStore&) = delete;
    SqliteStore& operator=(const SqliteStore&) = delete;

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
    class Statement;
    Statement& prepare(const std::string& sql);
    void exec(const std::string& sql);
    void migrate(int targetVersion);
    std::vector<LogFileState> readFiles(const std::string& where, std::int64_t a, std::int64_t b);

    std::string path_;
    sqlite3* db_ = nullptr;
    std::map<std::string, std::unique_ptr<Statement>> statements_;
};

}  // namespace magtwin
