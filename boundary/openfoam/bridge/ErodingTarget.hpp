// ErodingTarget: the core erosion engine (solvers/erosion/ErosionFront) of a racetrack
// target, for the OpenFOAM sputterErosion condition, through an OpenFOAM-free interface
// (plain std types; C++14-clean so OpenFOAM translation units can include it).
//
// It is the engine `magtwin erode` runs (solvers/chamber/makeErosionEngine builds the same
// front from a tool file), built on the SputterSource's rate Y(E, theta)/n and racetrack
// flux, with the same settings:
//   dV/dt = Gamma(p; k) Y^(E, |grad d|) / n  -  R(p)          (ErosionFront.hpp)
//   - track narrowing k(d) = max(k_min, ((D - d_ref)/D)^p)    (boundary/racetrack/TrackNarrowing)
//   - magnet travel across the width, time-averaged over the swing (motion/SwingAverage)
//   - groove redeposition R (GrooveRedeposition, crossed-strings view factors)
//   - the dissipative front scheme: ENO2 + local Lax-Friedrichs Hamiltonian + SSP-RK2, its
//     step limited by the CFL number and the maximum depth increment (Osher & Shu 1991).
// The depth is a height function over the original face (planar: along n0; tube: radial),
// so the front recedes along its current normal at Gamma Y(theta) cos(theta) / n; a point
// placed at depth d(x, y) along n0 lies on that front (only its tangential position on the
// surface is a choice of the mesh).
#pragma once

#include "boundary/openfoam/bridge/SputterSource.hpp"

#include <memory>
#include <string>
#include <vector>

namespace magtwin {

class ErosionFront;

namespace foam {

/// The engine settings the tool file's `erosion:`, `target:` and `magnets:` give
/// (`magtwin foam-dict` writes them as the condition's entries).
struct ErodingTargetSpec {
    double gridSpacingM = 1e-3;                       ///< erosion.grid_spacing (cell size of the engine's grid)
    double maxDepthIncrementM = 1e-4;                 ///< erosion.max_depth_increment (per engine step)
    double cflNumber = 0.8;                           ///< CFL number of the engine's own steps, (0, 1]
    int rotaryAngularCells = 0;                       ///< erosion.angular_cells (0: automatic)
    double magnetDistanceM = 0.0;                     ///< target.magnet_distance (0: no narrowing)
    double narrowingExponent = 1.0;                   ///< magnets.racetrack.narrowing_exponent
    double minWidthScale = 0.2;                       ///< k_min of TrackNarrowing
    double magnetTravelM = 0.0;                       ///< planar-rect wobble travel amplitude (m)
    int magnetTravelSamples = 16;                     ///< nodes of the travel average
    std::string magnetTravelWaveform = "sinusoidal";  ///< sinusoidal | triangular | dwell
    double magnetTravelDwellFraction = 0.0;
    bool grooveRedeposition = false;  ///< target.groove_redeposition
};

class ErodingTarget {
public:
    /// `source` (its ionFluxModel must be racetrack) must outlive this object. Throws
    /// std::invalid_argument with the core's message for settings it cannot take.
    ErodingTarget(const SputterSource& source, const ErodingTargetSpec& spec);
    ErodingTarget(const ErodingTarget& other);  ///< copies the front's state
    ErodingTarget& operator=(const ErodingTarget&) = delete;
    ~ErodingTarget();

    /// Advances the front by `seconds` of full-power operation, stopping early when the
    /// maximum depth reaches `depthLimitM` (end of life, within 0.1 um as ErosionLife).
    /// Returns the full-power time actually advanced (s).
    double advance(double seconds, double depthLimitM);
    /// End of life reached: max depth >= depthLimitM - 0.1 um (ErosionLife's tolerance).
    bool reached(double depthLimitM) const;

    /// Depth (m) at a point of the cathode frame ((x, y) planar; (x, R phi) rotary):
    /// bilinear between the engine's cell centres (periodic around a tube), the edge cells'
    /// value beyond the outermost centres.
    double depthAt(double cathodeX, double cathodeY) const;
    double maxDepth() const;
    /// Full-power operating time of the state (s).
    double time() const;
    /// Track width scale k of the state (1: the new target's track).
    double widthScale() const;
    /// Eroded volume / volume of the new target: ErosionLife's utilization.
    double utilization() const;
    /// Number of engine cells (nu x nv) and the state (removed volume per m^2 per cell).
    std::size_t cells() const;
    std::vector<double> state() const;
    /// Restores a state saved with state() and time() (a restart).
    void restore(const std::vector<double>& removedVolume, double seconds);

private:
    const SputterSource& source_;
    std::unique_ptr<ErosionFront> front_;
};

}  // namespace foam
}  // namespace magtwin
