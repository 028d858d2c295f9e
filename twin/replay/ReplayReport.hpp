// ReplayReport: what a replay found, as data (`twin replay` writes it: cli/twin/ReplayOutputs).
//  - the counter audit per target (CounterAudit.hpp) and its "counter" findings;
//  - the findings: shutter-jump (CounterAudit.hpp), drift against the newest calibration
//    (calibration/DriftCheck.hpp), monitor-material (the monitor set to another material
//    than deposits: its readings are converted with the deposited film's density, not
//    fitted), tooling (the logged tooling against the twin's geometric tooling, beyond 25 %),
//    reactive-mode (a target entering compound mode or returning to metal, ReactiveTargetState.hpp)
//    and reactive-supply (notes on the log's reactive supply, ReactiveSupply.hpp);
//  - the QCM statistics: measured / predicted monitor rate over the intervals at least
//    minStepS long, before and after the calibration and without the density conversion.
#pragma once

#include "twin/replay/CounterAudit.hpp"
#include "twin/replay/TwinReplay.hpp"
#include "twin/store/CalibrationRecord.hpp"
#include "twin/store/TwinStore.hpp"

#include <string>
#include <vector>

namespace magtwin {

/// Median and spread of measured / predicted monitor rates over the steps with both.
/// spread = (P84 - P16) / (2 median): a relative 1-sigma for a normal scatter, robust to
/// the odd step.
struct RatioStats {
    std::size_t steps = 0;
    double median = 0.0, spread = 0.0;
};
RatioStats ratioStats(const std::vector<double>& measured, const std::vector<double>& predicted);

struct ReplayReport {
    ReplayResult replay;
    std::vector<CounterAuditEntry> counters;
    std::vector<ReplayFinding> findings;
    RatioStats before, after, unconverted;
    double specPct = 3.0;
    double seconds = 0.0;     ///< wall time of the replay
    std::string calibration;  ///< version used for "after" ("" = none)
};

struct ReplayReportSettings {
    double counterTolerancePct = 5.0;
    double driftTolerancePct = 15.0;  ///< DriftSettings::tolerancePct
    double minStepS = 10.0;           ///< shorter intervals are left out of the QCM statistics and the drift check
};

/// The calibration a replay uses: the newest record's per-source rate scales and gas strength
/// go into `setup` (none: `setup` unchanged).
void applyCalibration(ReplaySetup& setup, const std::vector<CalibrationRecord>& calibrations);

/// The audit, findings and statistics of `replay` (replayTool of `toolId` in `store` with
/// `setup`, the newest of `calibrations` applied).
ReplayReport reportReplay(TwinStore& store, std::int64_t toolId, const ReplaySetup& setup, ReplayResult replay,
                          const std::vector<CalibrationRecord>& calibrations, const ReplayReportSettings& settings);

/// Adds the monitor-material finding (monitor set to another material than deposits).
void addMonitorMaterialFindings(ReplayReport& r);
/// Adds the tooling finding (logged tooling vs the twin's geometry, beyond 25 %).
void addToolingFinding(ReplayReport& r);

}  // namespace magtwin
