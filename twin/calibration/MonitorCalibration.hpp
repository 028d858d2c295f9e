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
// Gas strength (calibrateMonitorRatesAndGas, GasStrengthFit.hpp): with thickness metrology
// and a process pressure > 0, the effective cross-section sigma_eff of the fast gas model
// joins the fit beside the scales, from replays at the nodes of a ChebyshevAxis in u =
// sigma_eff / sigma_ref; when the data do not identify it (GasStrengthFit.hpp's rules) it is
// kept at vacuum (the replay's default) and the scales come from the vacuum replay alone,
// with the reason in gas.status.
#pragma once

#include "twin/calibration/ChebyshevAxis.hpp"
#include "twin/calibration/GasStrengthFit.hpp"
#include "twin/calibration/Metrology.hpp"
#include "twin/replay/TwinReplay.hpp"
#include "twin/store/CalibrationRecord.hpp"

#include <cmath>
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

struct GasStrengthEstimate {
    bool fitted = false;
    std::string status;       ///< "fitted", or "not fitted...: why"
    double sigmaEffM2 = 0.0;  ///< the calibration's sigma_eff (0: not fitted, vacuum)
    double sigmaM2 = 0.0;     ///< its 1-sigma
    double estimateM2 = std::nan(""),
           estimateSigmaM2 = std::nan("");  ///< what the joint fit found (also when rejected)
    double referenceM2 = 0.0;               ///< sigma_ref: the tool file's gas model
    double maxCorrelation = std::nan("");   ///< largest |corr(sigma_eff, s_k)|
    double pressurePa = 0.0;                ///< mean chamber pressure of the substrate-shutter-open intervals
};

struct MonitorCalibration {
    std::vector<CalibrationParameter> parameters;
    std::size_t observations = 0;  ///< monitor windows
    std::size_t metrologyPoints = 0;
    double reducedChi2 = 0.0;
    bool fitSubstrateShutterOpen = false;  ///< the shutter state of the fitted intervals
    std::vector<CoSputterCheck> coSputter;
    GasStrengthEstimate gas;
};

/// Throws std::invalid_argument when there is nothing to fit (no single-source interval with
/// a reading and no metrology). `metrology` (thickness points, Metrology.hpp) joins the fit
/// as further observations of the same scales, predicted from `maps` (a replay with
/// keepSourceMaps); a point outside the grid throws std::invalid_argument naming its line.
MonitorCalibration calibrateMonitorRates(const ReplayResult& replay, double minDurationS,
                                         const std::vector<MetrologyPoint>& metrology = {},
                                         const ReplayResult* maps = nullptr);

/// Scales and gas strength: `replays[j]` (monitor windows) and `maps[j]` (keepSourceMaps) are
/// the replays with sigma_eff = axis.nodes()[j] x referenceSigmaM2 (the last node is u = 0:
/// the vacuum replay). Throws std::invalid_argument as calibrateMonitorRates.
MonitorCalibration calibrateMonitorRatesAndGas(const std::vector<ReplayResult>& replays,
                                               const std::vector<ReplayResult>& maps, const ChebyshevAxis& axis,
                                               double referenceSigmaM2, double minDurationS,
                                               const std::vector<MetrologyPoint>& metrology,
                                               const GasFitSettings& settings = {});

}  // namespace magtwin
