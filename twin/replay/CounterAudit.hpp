// CounterAudit: per target, the tool's own usage-counter increase against the energy the
// twin integrated (the sync's trapezoid sum of the delivered power, StepDetector.hpp), and
// the findings a replay reports:
//  - counter: |counter - energy| / energy > tolerance (default 5 %). The likely cause is
//    looked for in the log: the counter is compared with the time integral (trapezoid, over
//    the rows the source is on, across the log's gaps too: the tool's counter keeps counting
//    while the logger is away) of every supply's setpoint; the candidate that matches the
//    counter best, within the tolerance, names the cause ("follows rf3's setpoint": the
//    counter integrates another supply's setpoint, or its own supply's setpoint instead of
//    the delivered power);
//  - gaps (logging gaps and file changes, DeliveredEnergy.hpp) with the target loaded at both
//    ends are audited apart. The twin's energy does not change (it integrates nothing across
//    them); the counter's own change across each gap is evidence for the energy in the gap,
//    which the audit accepts when it lies within [0, setpoint x gap] (the feeding supply's
//    larger setpoint at the gap's two rows, else its larger delivered power; x (1 + tolerance)).
//    The counter is then compared with the twin's energy over the rows the log covers only
//    (errorPct), so an honest counter across a gap is not a finding; a counter change beyond
//    the bound (or negative) is. Every such gap while the source was on is a finding of its
//    own ("gap"), and checkedShare = energy / (energy + the counter's change in the gaps) is
//    the share of the target's energy the audit could check against the log;
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
    /// 100 (counter change over the rows the log covers - energy) / energy (the counter's
    /// change across the gaps left out); NaN without counter or energy
    double errorPct = 0.0;
    bool flagged = false;
    std::string cause;  ///< likely cause when flagged ("" when the log does not show one)
    // the gaps with this target loaded at both ends (logging gaps and file changes)
    std::size_t gaps = 0;             ///< of which the source was on at either end: gapsWhileOn
    std::size_t gapsWhileOn = 0;      ///< each is a "gap" finding (counterGapFindings)
    double gapS = 0.0;                ///< their total length
    double gapCounterKWh = 0.0;       ///< the counter's change across them (0 without counter)
    double gapBoundKWh = 0.0;         ///< setpoint x gap summed over them
    std::size_t gapsBeyondBound = 0;  ///< gaps whose counter change is < 0 or above the bound
    /// energy / (energy + gapCounterKWh): the share the audit could check (1 without gaps, NaN
    /// without counter)
    double checkedShare = 1.0;
    struct Gap {
        double start = 0.0, end = 0.0;  ///< UTC s of the rows on either side
        double counterKWh = 0.0, boundKWh = 0.0;
        bool sourceOn = false, beyondBound = false;
    };
    std::vector<Gap> gapList;
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

/// One "gap" finding per gap while a source was on (the logger lost rows the counter counted).
std::vector<ReplayFinding> counterGapFindings(const std::vector<CounterAuditEntry>& audit);

struct ShutterJumpSettings {
    double beforeS = 60.0;   ///< mean over this long before the opening
    double settleS = 120.0;  ///< skipped after the opening (the real log's reading settles over ~2 min)
    double afterS = 300.0;   ///< then the mean over this long
    double shutterJumpRatio = 1.3;
};

std::vector<ReplayFinding> shutterJumps(const ReplaySeries& series, const std::vector<SourcePowerSeries>& power,
                                        const std::string& monitorRateKey, const ShutterJumpSettings& s = {});

}  // namespace magtwin
