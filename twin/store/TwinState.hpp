// TwinState: what replay and calibration learn, as the store keeps it (schema version 2,
// both back ends; the SQL in TwinStateSql.cpp is shared):
//  - erosion_state: per (source, target ID) the target's consumed energy, the life point
//    its erosion was last computed at, the groove's deepest point and removed volume then, the replay
//    run that computed it (one row per target: the newest replay replaces it);
//  - predictions: per replay run and interval the predicted monitor rate (uncalibrated and
//    calibrated), the substrate map's mean rate and uniformity; a run replaces its own rows
//    in one transaction, so replaying twice leaves one copy;
//  - measurements: monitor readings (replay) and metrology points (calibrate --metrology),
//    keyed by content (kind, origin, time, x, y): bringing the same readings in twice
//    replaces them instead of adding rows.
//  - reactive_state (schema 5): per (source, target ID) the compound fractions of the target
//    and its collector (TargetStateDynamics.hpp), the gas, and the time of the last log row
//    the state covers; one row per target, the newest replay replaces it.
// A run id names the inputs of a replay (the store's content digest and the calibration
// version it used): the same inputs give the same id.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace magtwin {

class TwinStore;

struct ErosionStateRecord {
    std::string source, targetId, material;
    double energyKWh = 0.0;       ///< energy the target consumed (the store's targets table)
    double lifeKWh = 0.0;         ///< life point the erosion state was computed at
    double maxDepthM = 0.0;       ///< deepest erosion at that life point
    double erodedVolumeM3 = 0.0;  ///< volume removed from the target by then
    std::string runId;            ///< the replay run that computed it
};

struct PredictionRecord {
    std::string runId;
    std::int64_t step = 0;  ///< index of the interval in the run
    double startTime = 0.0, endTime = 0.0;
    std::string label;
    double predictedAS = 0.0, predictedCalibratedAS = 0.0;  ///< monitor rate, A/s (NaN: none)
    double uniformityPct = 0.0, mapMeanAS = 0.0;            ///< substrate map summary (NaN: none)
    std::string sources;  ///< "source\ttarget\tlife_kWh" lines of the depositing sources
};

struct MeasurementRecord {
    std::string kind;    ///< "monitor" (rate, A/s) | "metrology" (thickness, m)
    std::string origin;  ///< monitor name or metrology file
    double time = 0.0;   ///< UTC s (monitor: interval start; metrology: 0)
    double xM = 0.0, yM = 0.0;
    double value = 0.0;
    std::string unit;
};

/// The reactive state of one target (twin/replay/ReactiveTargetState.hpp).
struct TargetReactiveRecord {
    std::string source, targetId, gas;
    double thetaTarget = 0.0, thetaCollector = 0.0;
    double time = 0.0;  ///< UTC s: the end of the last row the state covers
    std::string runId;
};

/// What one replay run writes: its predictions replace the run's earlier rows, its erosion
/// states replace the targets' rows, its measurements replace equal-keyed ones; one transaction.
struct ReplayRunRecord {
    std::string runId;
    std::vector<ErosionStateRecord> erosion;
    std::vector<PredictionRecord> predictions;
    std::vector<MeasurementRecord> measurements;
    std::vector<TargetReactiveRecord> reactive;  ///< replace the targets' rows (schema 5)
};

/// The tool setting (TwinStore::toolSetting) in which `twin replay` keeps the uniformity spec
/// it replayed against (the tool file's substrates[].spec.uniformity_target, percent, as JSON
/// number text), so readers of the store alone (`twin serve`) can draw it beside the replay's U.
inline constexpr const char* kUniformitySpecSetting = "uniformity_spec_pct";

/// A digest of the tool's erosion states, predictions and measurements (as storeContentDigest
/// for the synced data): two stores with equal digests hold the same twin state.
std::string twinStateDigest(TwinStore& store, std::int64_t toolId);

/// The shared SQL (positional $1.. parameters, which SQLite numbers in order of appearance).
namespace twin_state_sql {
extern const char* const kDeleteRunPredictions;
extern const char* const kInsertPrediction;
extern const char* const kUpsertErosion;
extern const char* const kUpsertMeasurement;
extern const char* const kSelectErosion;
extern const char* const kSelectPredictions;
extern const char* const kSelectMeasurements;
extern const char* const kUpsertToolSetting;
extern const char* const kUpsertReactive;
extern const char* const kSelectReactive;
extern const char* const kSelectToolSetting;
}  // namespace twin_state_sql

}  // namespace magtwin
