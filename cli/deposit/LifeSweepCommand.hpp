// `magtwin deposit CASE --life-sweep FROM:TO:N --out DIR`: uniformity over target life
// (solvers/deposition/LifeSweep.hpp). Writes into DIR (complete or not at all):
//   life_sweep.csv   one row per life point: life_kWh, U and sigma (%) and mean/min/max (nm)
//                    with the fixed recipe and re-trimmed, then the re-optimised trims
//   life_sweep.png   U fixed and U re-trimmed against kWh, the spec line, end of life marked
//   life_sweep.pvd   the maps as a ParaView time series (time = kWh) of maps/life_NNNN.vts with
//                    thickness_fixed_nm and thickness_retrimmed_nm (when built with VTK)
//   summary.json     the points' figures, the end of life, and where the fixed recipe first
//                    leaves the spec (interpolated kWh) or null when it never does
// Each map is written as soon as it is computed (memory does not grow with N). Progress on
// stderr. The sweep itself: sweepLife (solvers/deposition/LifeSweep.hpp); a life point is
// computed exactly as `deposit --life-kWh` computes it.
#pragma once

#include "solvers/deposition/DepositCase.hpp"

#include <string>

namespace magtwin {

/// Returns the exit status; throws UsageError (exit 2) on bad arguments or config.
/// `c`: the tool file's deposition case (depositCaseFor).
int runLifeSweep(const DepositCase& c, const std::string& out, const std::string& sweep, const std::string& method,
                 bool json);

}  // namespace magtwin
