// The files of `magtwin reactive --out DIR`: process_curve.csv (every flow, every steady state,
// the unstable middle branch marked) and process_curve.png (gnuplot: both stable branches, the
// unstable one and the operating point), each written atomically.
#pragma once

#include "solvers/reactive/ReactiveProcess.hpp"

#include <string>
#include <vector>

namespace magtwin {

/// Writes both files into `dir` (created if needed). `operating` may be empty (no point drawn).
void writeProcessCurve(const std::string& dir, const std::string& title, const ReactiveSetup& setup,
                       const std::vector<ProcessCurvePoint>& curve, double operatingFlowSccm,
                       const std::vector<ReactiveOperatingState>& operating);

}  // namespace magtwin
