// ErosionOutput: writes the result folder of `magtwin erode`, atomically as a whole:
// everything goes into DIR.tmp-PID, which is renamed to DIR only when complete.
//
// Layout (postprocessing/README.md, "erosion"):
//   summary.json                  life_kWh, utilization, max_depth_mm, groove_fwhm_mm[],
//                                 steps (solver steps), life_points_kWh[], ...
//   cross_section_NNNN.csv        groove cross-section at each life point (cathode and chamber frame)
//   grooves.csv                   all cross-sections side by side
//   grooves.png                   groove cross-sections at the life points (gnuplot)
//   erosion.pvd + surface_NNNN.vts  eroded surface / emission map per life point (ParaView)
//   cross_section_NNNN.vtp        the cross-section lines
#pragma once

#include "cli/ErosionConfig.hpp"
#include "solvers/erosion/ErosionLife.hpp"

#include <string>

namespace magtwin {

/// The summary as JSON text (one object).
std::string erosionSummaryJson(const ErosionSetup& setup, const LifeResult& result);

/// Writes the folder; throws (leaving no DIR.tmp-PID behind) on failure. An existing
/// DIR is replaced only after the new folder is complete.
void writeErosionFolder(const ErosionSetup& setup, const LifeResult& result, const std::string& dir);

}  // namespace magtwin
