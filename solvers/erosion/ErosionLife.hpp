// ErosionLife: runs an ErosionFront from a new target to end of life and collects what a
// process engineer asks first: life (kWh), utilization, maximum depth, groove width
// (FWHM) over life, and the emission maps at requested life points.
//
//   life [kWh]   = P t / 3.6e6              (P: discharge power, t: operating time)
//   utilization  = eroded volume / volume of the new target, at end of life
//   end of life  = the remaining thickness somewhere reaches the minimum (default 1 mm),
//                  or the configured kWh limit, whichever comes first.
// Groove cross-section (ProfileLine) and FWHM: planar-rect across the width at x = 0 (FWHM
// of the groove on the y > 0 track); planar-circular along the radius y = 0, x >= 0;
// rotary along the axis, FWHM of the end-zone groove at x >= 0 measured above the depth
// at the tube middle (x = 0), i.e. of the extra erosion the turnaround causes.
#pragma once

#include "solvers/erosion/ErosionFront.hpp"
#include "solvers/fields/GridSurface.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace magtwin {

struct LifeSettings {
    double minRemainingThicknessM = 1e-3;
    std::optional<double> lifeLimitKWh;
    /// Life points (kWh) for snapshots; the end of life is always added.
    std::vector<double> outputLifeKWh;
    int outputAngularCells = 72;  ///< rotary snapshots: cells around the tube
    /// false: the steps still stop at the output life points (so the run takes the same
    /// steps as one with snapshots) but no snapshot is taken, not even at the end of life.
    bool snapshots = true;
};

struct LifeSnapshot {
    double lifeKWh = 0.0;
    double timeS = 0.0;
    double maxDepthM = 0.0;
    double grooveFwhmM = 0.0;
    double widthScale = 1.0;
    double erodedVolumeM3 = 0.0;
    GridSurface surface;       ///< emission map (see ErosionFront::surface)
    ProfileLine crossSection;  ///< position_mm, depth_mm, sputtered_flux_per_m2_s
};

struct LifeResult {
    double lifeKWh = 0.0;
    double utilization = 0.0;
    double maxDepthM = 0.0;
    double erodedVolumeM3 = 0.0;
    std::size_t steps = 0;
    std::string endReason;  ///< "min-thickness" | "kWh-limit"
    std::vector<LifeSnapshot> snapshots;
};

/// Progress callback: fraction of the way to end of life in [0, 1] and life so far (kWh).
using LifeProgress = std::function<void(double fraction, double lifeKWh)>;

LifeResult runToEndOfLife(ErosionFront& front, double powerW, const LifeSettings& settings,
                          const LifeProgress& progress = {});

/// The emission map (ErosionFront::surface) of the target after `lifeKWh` of operation,
/// for the deposition engine. The front is advanced from its current state. Throws
/// std::invalid_argument if the target reaches end of life (minimum remaining thickness)
/// before that, naming both figures.
GridSurface emissionMapAtLife(ErosionFront& front, double powerW, double lifeKWh, double minRemainingThicknessM = 1e-3,
                              int outputAngularCells = 72);

/// The groove cross-section of the current state (see the header comment for which line).
ProfileLine grooveCrossSection(const ErosionFront& front, const GridSurface& surface);
/// FWHM (m) of a depth profile: width of the contiguous region around the maximum where
/// depth >= max/2, with linear interpolation at both crossings; 0 for an empty profile.
double fullWidthHalfMax(const std::vector<double>& positionM, const std::vector<double>& depth);

}  // namespace magtwin
