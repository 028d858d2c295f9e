// StepDetector: process steps and energy per target from a tool log's rows.
//
// Per row (thresholds in StepThresholds, defaults in docs/twin-logs.md):
//  - each source's delivered power and whether it is on, by the rules of SourcePower.hpp (a
//    supply switched to two sources at once feeds neither: "ambiguous-switch");
//  - label of the row: idle (no source on), ramp (an on source's supply setpoint changed by
//    more than rampSetpointChangeW since the previous row), co-sputter (substrate shutter
//    open and >= 2 on sources with open shutters), deposition (exactly one), else
//    pre-sputter. A step is a run of rows with the same label and set of on sources; a gap
//    ends it.
// Energy per source: the twin's energy rule (DeliveredEnergy.hpp), the trapezoid over
// consecutive rows, E += (P_prev + P) / 2 * dt, never across a gap nor from one log file to
// the next (each file starts with a fresh state); it goes to the target loaded on the source
// at the later row, and to the step of the later row when the source is on in it, else to
// the step that just ended.
#pragma once

#include "twin/logs/LogFormat.hpp"
#include "twin/logs/LogIssues.hpp"
#include "twin/logs/LogReader.hpp"
#include "twin/replay/SourcePower.hpp"
#include "twin/store/TwinStore.hpp"

#include <map>
#include <string>
#include <unordered_set>
#include <vector>

namespace magtwin {

/// Everything the detector carries from one row to the next; persisted with the file state.
struct DetectorState {
    bool hasPrev = false;
    double prevTime = 0.0;
    std::vector<double> prevSourcePower;     ///< per source, W
    std::vector<double> prevSetpoint;        ///< per supply, W (NaN: none)
    std::vector<std::string> currentTarget;  ///< per source
    bool stepOpen = false;
    std::uint64_t stepSources = 0;  ///< bit c: source c is on in the open step
    StepRecord step;
};

class StepDetector {
public:
    StepDetector(const LogFormat& format, const std::vector<TargetRecord>& knownTargets, LogIssues& issues);
    void setState(DetectorState s);
    const DetectorState& state() const { return state_; }
    void setFileId(std::int64_t id) { fileId_ = id; }

    /// Runs over a batch's accepted rows; appends every step closed in it and, last, the open
    /// step (if any) to `steps`.
    void process(const LogRowBatch& batch, std::vector<StepRecord>& steps);
    /// Targets changed since the last call.
    std::vector<TargetRecord> takeChangedTargets();

private:
    TargetRecord& target(std::size_t source, double time, const LogRowBatch& batch, std::size_t row);

    const LogFormat format_;  // a copy: callers may pass a temporary
    const SourcePowerRules rules_;
    RowPower rowPower_;
    LogIssues& issues_;
    std::int64_t fileId_ = 0;
    DetectorState state_;
    std::map<std::pair<std::string, std::string>, TargetRecord> targets_;
    std::vector<TargetRecord*> current_;  ///< per source: the loaded target's record
    std::unordered_set<TargetRecord*> changed_;
};

}  // namespace magtwin
