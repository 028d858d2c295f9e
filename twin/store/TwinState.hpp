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
//  - schema 6: erosion_state's target_volume_m3 (the new target's volume, so a reader of the
//    store alone shows utilization = eroded volume / target volume; NULL in rows written
//    before); per tool the newest replay's substrate thickness map (replay_maps: one row,
//    ThicknessMapRecord) and its findings (replay_findings, ReplayFindingRecord), both replaced
//    as a whole by the next replay in its transaction; and the newest `twin forecast`
//    (forecasts: one row per tool, ForecastRecord, replaced by the next forecast).
// A run id names the inputs of a replay (the store's content digest and the calibration
// version it used): the same inputs give the same id.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <utility>
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
    double targetVolumeM3 =
        std::numeric_limits<double>::quiet_NaN();  ///< the new target's volume (schema 6; NaN: not stored)
};

/// The newest replay's substrate thickness map (schema 6): the film its mapped intervals left on
/// the last substrate they coated (TwinReplay.hpp, ReplayResult::lastFilm), on the substrate
/// grid (value k = i + nx j at x0 + i dx, y0 + j dy).
struct ThicknessMapRecord {
    std::string runId;
    double startTime = 0.0, endTime = 0.0;  ///< UTC s: the first interval's start, the last one's end
    std::int64_t intervals = 0;             ///< mapped intervals summed
    std::string label;                      ///< the store step's label (deposition, co-sputter, ...)
    std::string substrateId;                ///< chamber.substrate_id ("" when not logged)
    std::int64_t nx = 0, ny = 0;
    double x0M = 0.0, y0M = 0.0, dxM = 0.0, dyM = 0.0;
    std::vector<double> thicknessNm;  ///< nx ny values
    std::vector<char> qualityArea;    ///< nx ny flags: 1 inside the uniformity (quality) area
};

/// One finding of the newest replay (ReplayFinding, CounterAudit.hpp), in report.json's order.
struct ReplayFindingRecord {
    std::string kind, targetId, message;
    double time = 0.0;  ///< UTC s (NaN: none)
    double size = 0.0;  ///< the finding's figure (NaN: none)
};

/// The newest `twin forecast` of a tool (UniformityForecast.hpp): where today's recipe leaves
/// the uniformity spec.
struct ForecastRecord {
    double createdTime = 0.0;  ///< UTC s the forecast was made
    double specPct = 0.0, uNowPct = 0.0;
    double xNowKWh = 0.0, xEndKWh = 0.0;                 ///< forecast axis: mean life over the groups
    double kWhPerDay = 0.0;                              ///< the logged usage rate
    double lastTime = 0.0;                               ///< UTC s of the last stored sample (the dates' origin)
    double crossingKWh = 0.0;                            ///< NaN: U stays within the spec to the end
    double crossingTime = 0.0;                           ///< UTC s of the crossing at the logged usage (NaN: none)
    double uAfterPct = 0.0;                              ///< U with the re-optimised trims at xEnd (NaN: none)
    std::string recipe;                                  ///< logged | configured
    std::vector<std::pair<double, double>> curve;        ///< (x kWh, U %) at the forecast's life points
    std::vector<std::pair<std::string, double>> eolKWh;  ///< (target ID, end of life kWh)
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
    /// true (a replay): the tool's thickness map and findings are replaced by the two below
    /// (none: deleted); false (saveMeasurements): left as they are.
    bool replacesReport = false;
    std::vector<ThicknessMapRecord> thicknessMap;  ///< at most one (schema 6)
    std::vector<ReplayFindingRecord> findings;     ///< schema 6
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
extern const char* const kDeleteMap;
extern const char* const kInsertMap;
extern const char* const kSelectMap;
extern const char* const kDeleteFindings;
extern const char* const kInsertFinding;
extern const char* const kSelectFindings;
extern const char* const kUpsertForecast;
extern const char* const kSelectForecast;
}  // namespace twin_state_sql

/// Doubles as native little-endian float64 bytes (a map's values in a BLOB / BYTEA) and back.
std::string packDoubles(const std::vector<double>& v);
std::vector<double> unpackDoubles(const std::string& bytes);
/// A forecast's curve and ends of life as text lines ("x\tu", "target\teol", %.17g) and back.
std::string forecastCurveText(const ForecastRecord& f);
std::string forecastEolText(const ForecastRecord& f);
void parseForecastText(ForecastRecord& f, const std::string& curve,
                       const std::string& eol);  // namespace twin_state_sql

}  // namespace magtwin
