// ReplayReport: what `magtwin twin replay` writes (docs/twin-logs.md, "Replay"):
// report.json, steps.csv and the PNGs (power and energy per source over time, predicted vs
// measured monitor rate, uniformity over target life with the spec line).
#pragma once

#include "replay/CounterAudit.hpp"
#include "replay/TwinReplay.hpp"

#include <filesystem>
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
    double seconds = 0.0;  ///< wall time of the replay
    std::string calibration;  ///< version used for "after" ("" = none)
};

/// Adds the monitor-material finding (monitor set to another material than deposits).
void addMonitorMaterialFindings(ReplayReport& r);
/// Adds the tooling finding (logged tooling vs the twin's geometry, beyond 25 %).
void addToolingFinding(ReplayReport& r);
std::string replayReportJson(const ReplayReport& r);
void writeReplayOutputs(const ReplayReport& r, const std::filesystem::path& dir);

}  // namespace magtwin
