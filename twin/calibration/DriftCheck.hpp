// DriftCheck: every new monitor measurement against the calibrated prediction. Residual of
// an interval: d = measured / predicted_calibrated - 1. Its band: +-(tolerance + 2 u), u
// the prediction's relative 1-sigma from the calibration's parameter uncertainties,
// u = sqrt(sum_k (sigma_k p_k)^2) / sum_k s_k p_k (independent parameters). A run of
// intervals outside the band is one finding (kind "drift") with its first time, the largest
// residual and the count; intervals whose substrate shutter differs from the calibration's
// say so (the shutter changes what the crystal sees: a known jump, not the sources).
#pragma once

#include "twin/replay/CounterAudit.hpp"
#include "twin/replay/TwinReplay.hpp"
#include "twin/store/CalibrationRecord.hpp"

#include <vector>

namespace magtwin {

struct DriftSettings {
    double tolerancePct = 15.0;  ///< beyond the prediction's own 2-sigma
    double minDurationS = 10.0;  ///< shorter intervals are not judged
    bool calibratedShutterOpen = false;
};

struct DriftResidual {
    double time = 0.0, residualPct = 0.0, bandPct = 0.0;
    bool outside = false;
};

std::vector<DriftResidual> driftResiduals(const std::vector<ReplayStep>& steps,
                                          const std::vector<CalibrationParameter>& cal, const DriftSettings& s);
std::vector<ReplayFinding> driftFindings(const std::vector<ReplayStep>& steps,
                                         const std::vector<CalibrationParameter>& cal, const DriftSettings& s);

}  // namespace magtwin
