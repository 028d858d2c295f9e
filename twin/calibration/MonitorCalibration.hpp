// MonitorCalibration: per-source rate scale factors from a replay's crystal-monitor
// intervals (TwinReplay) and thickness metrology, fitted on the single-source intervals (RateScaleFit: LM with
// covariance), then checked on the co-sputter intervals the fit has not seen.
//
// Observations: the measured areal mass rate at the crystal (the displayed rate re-read
// with the monitor's own density and tooling, MonitorReading.hpp) against the replay's
// uncalibrated prediction per source, in windows (the replay's maxIntervalS) so the scatter
// within an interval gives the noise level. Intervals with a closed crystal shutter or a
// different substrate-shutter state than the fit's are kept apart: the substrate shutter
// changes what the crystal sees (CounterAudit.hpp, shutter-jump), which no source
// parameter can absorb.
// Co-sputter check per interval: error of the calibrated twin, 100 (sum_k s_k p_k - m) / m,
// and of naive additivity, 100 (sum_k m_k - m) / m with m_k the mean measured rate of source
// k alone (the single-source intervals). The twin's prediction uses each source's power and
// voltage in the co-sputter interval itself; naive additivity assumes the single-source
// operating points.
#pragma once

#include "calibration/Metrology.hpp"
#include "replay/TwinReplay.hpp"
#include "store/CalibrationRecord.hpp"

#include <string>
#include <vector>

namespace magtwin {

struct CoSputterCheck {
    double start = 0.0, end = 0.0;
    bool substrateShutterOpen = false;
    std::string sources;
    double measured = 0.0, predicted = 0.0, naive = 0.0;  ///< kg m^-2 s^-1 at the crystal
    double twinErrorPct = 0.0, naiveErrorPct = 0.0;
};

struct MonitorCalibration {
    std::vector<CalibrationParameter> parameters;
    std::size_t observations = 0;          ///< monitor windows
    std::size_t metrologyPoints = 0;
    double reducedChi2 = 0.0;
    bool fitSubstrateShutterOpen = false;  ///< the shutter state of the fitted intervals
    std::vector<CoSputterCheck> coSputter;
};

/// Throws std::invalid_argument when there is nothing to fit (no single-source interval with
/// a reading and no metrology). `metrology` (thickness points, Metrology.hpp) joins the fit
/// as further observations of the same scales, predicted from `maps` (a replay with
/// keepSourceMaps); a point outside the grid throws std::invalid_argument naming its line.
MonitorCalibration calibrateMonitorRates(const ReplayResult& replay, double minDurationS,
                                         const std::vector<MetrologyPoint>& metrology = {}, const ReplayResult* maps = nullptr);

}  // namespace magtwin
