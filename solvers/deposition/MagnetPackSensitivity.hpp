// MagnetPackSensitivity: how much each magnet-pack key of a tool moves the uniformity U
// (`magtwin sensitivity TOOL`, the table of docs/first-tool-file.md).
//
// For each key of the racetrack (track_separation, straight_length, turnaround_enhancement,
// profile sigma) every cathode of the tool that has the key gets it scaled by (1 + s) and by
// (1 - s) (s = step, default 10 %), and the case is run exactly as `magtwin deposit` runs it
// (runDeposition: new targets, the case's trims re-optimised when it optimises them, its
// method); the rows give U at the base and both changes, and dU = U(changed) - U(base).
// A change that leaves the racetrack outside its target (straight_length + track_separation >
// target length, the tool file's own check) is not run (reported as not valid). Keys that act
// on used targets only (narrowing_exponent, target.magnet_distance: groove narrowing) and a
// wobble amplitude of 0 are left out: at a new target they move nothing.
#pragma once

#include "solvers/deposition/DepositionRun.hpp"

#include <optional>
#include <string>
#include <vector>

namespace magtwin {

struct SensitivityRow {
    std::string key;                         ///< the tool-file key, e.g. magnets.racetrack.track_separation
    std::string unit;                        ///< of baseValue ("mm" or "" for a number)
    double baseValue = 0;                    ///< of the first cathode that has the key, in `unit`
    std::optional<double> uUpPct, uDownPct;  ///< U with the key x (1 + s), x (1 - s); empty: not valid
};

struct SensitivityTable {
    double stepFraction = 0.1;
    double uBasePct = 0;
    std::string method;
    std::vector<SensitivityRow> rows;
};

/// The table of case `c` (new targets) with transport `method` (fast, direct). Throws
/// std::invalid_argument naming the case's file when no cathode has a racetrack with straights
/// (planar-rect or rotary) or the step is not in (0, 0.5].
SensitivityTable magnetPackSensitivity(const DepositCase& c, const std::string& method, double stepFraction = 0.1,
                                       const ProgressFn& progress = {});

}  // namespace magtwin
