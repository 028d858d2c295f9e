// TwinStore: the one interface through which the twin keeps what it learnt from a tool's
// logs (tools, log files and how much of each was consumed, samples, detected steps,
// targets and their energy). Behind it: sqlite/ (one file per tool, the default) and
// postgres/ (a fab's fleet on one server). Replay, calibration and the commands see only
// these plain structs, never SQL.
//
// Crash safety: commit() is one transaction holding a batch's samples, the steps and
// targets it changed and the file's new consumed state; a process killed at any moment
// leaves the store at the last commit, and the next sync continues from there.
#pragma once

#include "twin/store/CalibrationRecord.hpp"
#include "twin/store/StoreSchema.hpp"
#include "twin/store/TwinState.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace magtwin {

/// How far a log file has been consumed.
struct LogFileState {
    std::int64_t fileId = 0;
    std::string path;
    std::string format;
    std::vector<std::string> channels;  ///< numeric channel keys, the order of sample values
    std::uint64_t bytesConsumed = 0;
    std::uint64_t prefixHash = 0;   ///< PrefixHash of bytes [0, bytesConsumed)
    std::int64_t rowsConsumed = 0;  ///< data rows read (accepted + rejected)
    std::int64_t rowsStored = 0;    ///< accepted rows (samples)
    std::int64_t lastLine = 0;
    bool hasSpan = false;
    double firstTime = 0.0, lastTime = 0.0;  ///< UTC s of the first and last stored sample
    std::string resumeState;                 ///< row filter + step detector state (opaque text)
};

/// Samples of consecutive rows of one file, columnar (SampleBlockCodec).
struct SampleBlock {
    std::int64_t firstRow = 0;  ///< index of the first row among the file's stored samples
    std::int64_t rowCount = 0;
    std::string data;
};

struct TextChange {
    std::int64_t line = 0;
    double time = 0.0;
    std::string channel;
    std::string value;
};

struct StepSourceEnergy {
    std::string source;
    std::string targetId;
    double energyJ = 0.0;
};

struct StepRecord {
    std::int64_t fileId = 0;
    std::int64_t startLine = 0, endLine = 0;
    double startTime = 0.0, endTime = 0.0;
    std::string label;  ///< deposition | co-sputter | pre-sputter | ramp
    bool open = false;  ///< still running at the end of what was read
    std::vector<StepSourceEnergy> sources;
};

struct TargetRecord {
    std::string source;
    std::string targetId;
    std::string material;
    double thicknessM = 0.0;
    double installTime = 0.0;  ///< first sample that showed this target on this source
    double energyJ = 0.0;
    std::int64_t steps = 0;
    bool hasCounter = false;
    double counterFirstJ = 0.0, counterLastJ = 0.0;  ///< the tool's own usage counter
};

struct SyncCommit {
    std::int64_t toolId = 0;
    LogFileState file;  ///< the state after this batch (fileId 0: create the file record)
    std::optional<SampleBlock> samples;
    std::vector<TextChange> textChanges;
    std::vector<StepRecord> steps;      ///< inserted or replaced by (fileId, startLine)
    std::vector<TargetRecord> targets;  ///< inserted or replaced by (source, targetId)
};

struct StoreTotals {
    std::int64_t rows = 0;
    std::int64_t steps = 0;
};

class TwinStore {
public:
    virtual ~TwinStore() = default;
    /// The tool's id, creating the tool on first use.
    virtual std::int64_t ensureTool(const std::string& name) = 0;
    virtual std::vector<std::string> toolNames() = 0;
    /// The newest file record for `path` of the tool, if any.
    virtual std::optional<LogFileState> currentFile(std::int64_t toolId, const std::string& path) = 0;
    /// Time spans of the tool's files other than `fileId`.
    virtual std::vector<std::pair<double, double>> otherSpans(std::int64_t toolId, std::int64_t fileId) = 0;
    virtual std::vector<TargetRecord> targets(std::int64_t toolId) = 0;
    virtual std::vector<StepRecord> steps(std::int64_t toolId) = 0;
    /// One transaction; returns the file id (new when commit.file.fileId was 0).
    virtual std::int64_t commit(const SyncCommit& commit) = 0;
    virtual StoreTotals totals(std::int64_t toolId) = 0;
    /// Every file's samples in row order, decoded: for tests and exports.
    virtual std::vector<SampleBlock> sampleBlocks(std::int64_t fileId) = 0;
    virtual std::vector<LogFileState> files(std::int64_t toolId) = 0;
    virtual std::vector<TextChange> textChanges(std::int64_t fileId) = 0;
    virtual int schemaVersion() = 0;
    /// Saves a calibration as the tool's next version (returned); one transaction.
    virtual std::int64_t saveCalibration(std::int64_t toolId, const CalibrationRecord& record) = 0;
    /// The tool's calibrations, oldest first (empty when none).
    virtual std::vector<CalibrationRecord> calibrations(std::int64_t toolId) = 0;
    /// Writes a replay run (ReplayRunRecord, TwinState.hpp) in one transaction.
    virtual void saveReplayRun(std::int64_t toolId, const ReplayRunRecord& run) = 0;
    /// Inserts or replaces (by kind, origin, time, x, y) measurements; one transaction.
    virtual void saveMeasurements(std::int64_t toolId, const std::vector<MeasurementRecord>& m) = 0;
    virtual std::vector<ErosionStateRecord> erosionStates(std::int64_t toolId) = 0;     ///< by source, target
    virtual std::vector<PredictionRecord> predictions(std::int64_t toolId) = 0;         ///< by run, step
    virtual std::vector<MeasurementRecord> measurements(std::int64_t toolId) = 0;       ///< by key
    virtual std::vector<TargetReactiveRecord> reactiveStates(std::int64_t toolId) = 0;  ///< by source, target
    /// The newest replay's thickness map (schema 6; std::nullopt before one that mapped).
    virtual std::optional<ThicknessMapRecord> thicknessMap(std::int64_t toolId) = 0;
    virtual std::vector<ReplayFindingRecord> replayFindings(std::int64_t toolId) = 0;  ///< report.json's order
    /// Replaces the tool's forecast (schema 6); one transaction.
    virtual void saveForecast(std::int64_t toolId, const ForecastRecord& forecast) = 0;
    virtual std::optional<ForecastRecord> forecast(std::int64_t toolId) = 0;
    /// A tool's setting kept from the tool file for readers of the store alone (the sync's
    /// E10Settings: key "equipment_states"; the replay's uniformity spec:
    /// kUniformitySpecSetting, TwinState.hpp); inserts or replaces; one transaction.
    virtual void saveToolSetting(std::int64_t toolId, const std::string& key, const std::string& value) = 0;
    virtual std::optional<std::string> toolSetting(std::int64_t toolId, const std::string& key) = 0;
};

/// "postgresql://..." or "postgres://..." -> PostgreSQL (when built with libpqxx); anything
/// else is a SQLite file path (created with the schema when absent).
/// `schemaVersion` < kStoreSchemaVersion migrates a new store only that far (tests of the
/// migrations make a store as an older magtwin did).
std::unique_ptr<TwinStore> openStore(const std::string& location, int schemaVersion = kStoreSchemaVersion);

/// An existing store opened read-only (SQLite: SQLITE_OPEN_READONLY; PostgreSQL: every
/// transaction of the session READ ONLY), for readers such as `twin serve`: nothing is created
/// or migrated. Throws std::invalid_argument naming the store when it does not exist, is not a
/// magtwin store, or its schema is older (`twin sync` migrates it) or newer than this magtwin's.
/// The read methods work; the save/commit methods throw; ensureTool of a tool not in the
/// store throws.
std::unique_ptr<TwinStore> openStoreReadOnly(const std::string& location);

/// A content digest of everything the tool's store holds (files, samples row by row, text
/// changes, steps, targets), independent of how rows were split into batches: two stores
/// with the same digest hold the same data.
std::string storeContentDigest(TwinStore& store, std::int64_t toolId);

}  // namespace magtwin
