// CounterAudit: per target, the tool's own usage-counter increase against the energy the
// twin integrated (the sync's trapezoid sum of the delivered power, StepDetector.hpp), and
// the findings a replay reports:
//  - counter: |counter - energy| / energy > tolerance (default 5 %). The likely cause is
//    looked for in the log: the counter is compared with the time integral (trapezoid, over
//    the rows the source is on, across the log's gaps too: the tool's counter keeps counting
//    while the logger is away) of every supply's setpoint, and with the twin's energy plus
//    what the trapezoid would have bridged across the logging gaps (and file changes) with
//    the source on at both ends (DeliveredEnergy.hpp does not bridge them); the candidate that
//    matches the counter best, within the tolerance, names the cause ("follows rf3's
//    setpoint": the counter integrates another supply's setpoint, or its own supply's
//    setpoint instead of the delivered power; "logging gaps while the source was on": the
//    tool kept counting where the log has no rows);
//  - shutter-jump: the monitor's settled mean reading after the substrate shutter opens
//    against the mean before it (the sources on at the opening named): a ratio beyond
//    shutterJumpRatio means the shutter changes what the crystal sees (geometry: the
//    closed shutter shadows or re-emits onto the crystal), not the source.
#pragma once

#include "twin/logs/LogFormat.hpp"
#include "twin/replay/DeliveredEnergy.hpp"
#include "twin/replay/ReplaySeries.hpp"
#include "twin/replay/SourcePower.hpp"
#include "twin/store/TwinStore.hpp"

#include <string>
#include <vector>

namespace magtwin {

struct CounterAuditEntry {
    std::string source, targetId, material;
    double energyKWh = 0.0;
    bool hasCounter = false;
    double counterDeltaKWh = 0.0;
    double errorPct = 0.0;  ///< 100 (counter - energy) / energy; NaN without counter or energy
    bool flagged = false;
    std::string cause;  ///< likely cause when flagged ("" when the log does not show one)
};

struct ReplayFinding {
    std::string kind;      ///< counter | shutter-jump | monitor-material | drift
    std::string targetId;  ///< "" when not about one target
    std::string message;
    double time = 0.0;  ///< UTC s (0 when not about a moment)
    double size = 0.0;  ///< the finding's figure (percent or ratio, see message)
};

/// `energy`: the series' delivered power and energy (EnergySeries(format, series)).
std::vector<CounterAuditEntry> auditCounters(const std::vector<TargetRecord>& targets, const LogFormat& format,
                                             const ReplaySeries& series, const EnergySeries& energy,
                                             double tolerancePct);

struct ShutterJumpSettings {
    double beforeS = 60.0;   ///< mean over this long before the opening
    double settleS = 120.0;  ///< skipped after the opening (the real log's reading settles over ~2 min)
    double afterS = 300.0;   ///< then the mean over this long
    double shutterJumpRatio = 1.3;
};

std::vector<ReplayFinding> shutterJumps(const ReplaySeries& series, const std::vector<SourcePowerSeries>& power,
                                        const std::string& monitorRateKey, const ShutterJumpSettings& s = {});

}  // namespace magtwin
