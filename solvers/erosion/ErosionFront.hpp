// ErosionFront: evolves the eroded depth d of a target over operating time.
//
// Equation (see ErosionRate for the sheath assumption), per m^2 of original face:
//   dV/dt = Gamma(p; k) m(p) Y(E, theta) / n,   tan theta = |grad d|,
// with V the volume removed per m^2 of original face (planar: V = d; rotary: the annulus
// 2 R V = R^2 - (R - d)^2, so the removed volume is exact on a shrinking tube). Gamma is
// the time-averaged racetrack flux at the current track width scale k (TrackNarrowing,
// reference depth = flux-weighted mean depth under the new-target track, weights
// Gamma(k = 1)), m the yield-multiplier map.
//
// This is a Hamilton-Jacobi equation d_t = c F(|grad d|) whose Hamiltonian is not
// convex (Y rises with theta to ~60-70 deg, then falls to 0), so groove walls can steepen
// into kinks. Discretisation (S. Osher, C.-W. Shu, SIAM J. Numer. Anal. 28 (1991) 907;
// S. Osher, R. Fedkiw, "Level Set Methods", Springer 2003, ch. 5):
//  - ENO2 one-sided derivatives D-, D+ in each direction;
//  - local Lax-Friedrichs numerical Hamiltonian
//      Y^ = F(|(D- + D+)/2|) + (alpha/2) sum_dir (D+ - D-),
//    alpha = max |F'| over slopes in [0, local max slope] (monotone in the first-order
//    limit: no oscillations at kinks), Y^ clamped at >= 0 (the surface never rises);
//  - SSP Runge-Kutta 2 (Heun) in time, with the step limited by the CFL condition
//    dt alpha c (1/du + 1/dv) <= 0.8 and by a maximum depth increment per step;
//  - depth capped at the target thickness (never a negative remaining thickness).
// With the angular factor "none", F is constant, alpha = 0 and the scheme reproduces
// d = Gamma Y t / n exactly.
//
// Planar magnet oscillation (planar-rect): the magnet pack travels across the target width
// y with y_shift(t) = A s(t), s a sinusoidal, triangular or dwell swing (motion/SwingAverage);
// over whole periods a point sees the time-weighted mean of the shifted racetracks,
//   <Gamma>(x, y) = int_-1^1 Gamma(x, y - A s) dmu(s) ~ sum_k w_k Gamma(x, y - A s_k) / sum_k w_k,
// (sinusoidal: the arcsine law, Gauss-Chebyshev nodes; triangular: uniform, Gauss-Legendre;
// dwell: uniform plus the reversal points), the average the deposition side uses for a
// wobbling bar (deposition/RacetrackSources). Valid when the period is short against the
// erosion time (seconds against hundreds of hours). A = 0: today's flux.
//
// Groove redeposition (option, off by default): atoms sputtered from a groove wall that hit
// the target again stick there (GrooveRedeposition, cross-sections of the grid with the
// crossed-strings view factors of GrooveViewFactors). Then
//   dV/dt = (Gamma m Y^ - R) / n,   R = sum_A (Gamma m Y^)_A F_A->cell,
// so the net erosion is sputtered - redeposited, and the emission map's flux is the part
// that escapes. The removed volume is kept >= 0 (a cell at the original face cannot grow),
// and cells without ion flux are not evolved (atoms landing there are counted in
// emissionBalance but do not build up a layer); both matter only where the flux is zero.
// The CFL/depth step bound uses the gross rate (>= the net one). Cost: one O(n^2) pass per
// distinct non-flat grid line per stage (n cells across); on a long planar cathode the
// straights are one line, so the turnarounds dominate.
#pragma once

#include "boundary/racetrack/RacetrackFlux.hpp"
#include "boundary/racetrack/TrackNarrowing.hpp"
#include "solvers/erosion/ErosionGrid.hpp"
#include "solvers/erosion/ErosionRate.hpp"
#include "solvers/erosion/GrooveRedeposition.hpp"
#include "solvers/fields/GridSurface.hpp"
#include "solvers/motion/SwingAverage.hpp"

#include <Eigen/Core>

#include <functional>
#include <memory>
#include <vector>

namespace magtwin {

struct ErosionSettings {
    double gridSpacingM = 1e-3;
    /// Rotary: cells around the tube; 0 = automatic: one column when there is no
    /// multiplier map (the rotation average is then axisymmetric, exactly), else
    /// round(2 pi R / gridSpacing).
    int rotaryAngularCells = 0;
    double maxDepthIncrementM = 0.1e-3;  ///< per time step, at the deepest-eroding cell
    double cflNumber = 0.8;
    TrackNarrowing narrowing;
    /// Local yield multiplier in the cathode frame ((x, y) planar; (x, R phi) rotary);
    /// empty = 1 everywhere. Must be >= 0.
    std::function<double(const Eigen::Vector2d&)> yieldMultiplier;
    Eigen::Vector3d origin = Eigen::Vector3d::Zero();  ///< placement in the chamber frame
    /// Planar-rect magnet oscillation: travel amplitude A across the width (m), >= 0, its
    /// waveform (dwell: the fraction of a period stopped at the reversal points, [0, 1)) and
    /// the quadrature nodes of the time average (>= 1; motion/SwingAverage).
    double magnetTravelM = 0.0;
    int magnetTravelSamples = 16;
    SwingWaveform magnetTravelWaveform = SwingWaveform::Sinusoidal;
    double magnetTravelDwellFraction = 0.0;
    /// Groove redeposition (planar-rect, rotary): off = the erosion of earlier versions.
    bool grooveRedeposition = false;
};

/// Atom balance of the target at one state (atoms/s): sputtered = redeposited + escaped.
struct EmissionBalance {
    double sputtered = 0.0;
    double redeposited = 0.0;
    double escaped = 0.0;  ///< from the escape fractions (horizon sweeps), independent of `redeposited`
};

class ErosionFront {
public:
    /// `flux` and `rate` are referenced, not copied: they must outlive the front.
    ErosionFront(const RacetrackFlux& flux, const ErosionRate& rate, const ErosionSettings& settings);

    const ErosionGrid& grid() const { return grid_; }
    double time() const { return time_; }
    double widthScale() const { return k_; }
    /// Depth (m) per cell, index i + nu j.
    const std::vector<double>& depth() const { return depth_; }
    double maxDepth() const;
    /// Volume removed from the target (m^3) and the atoms it held (n * volume).
    double erodedVolume() const;
    double sputteredAtoms() const { return erodedVolume() * rate_.atomicDensityPerM3(); }
    /// Sputtered, redeposited and escaping atom rates at the current state (without
    /// redeposition: nothing redeposits, everything escapes).
    EmissionBalance emissionBalance() const;

    /// One SSP-RK2 step of at most `dtLimit` seconds, also shortened so that the maximum
    /// depth does not pass `depthLimitM`. Returns the step taken (s).
    double step(double dtLimit, double depthLimitM);

    /// Volume removed per m^2 of original face, per cell (index i + nu j): the state that,
    /// with time(), restores the front (restore).
    const std::vector<double>& removedVolume() const { return removed_; }
    /// Restores a state saved from removedVolume() and time() of a front with the same
    /// settings (a restart, e.g. the OpenFOAM sputterErosion condition); the track width
    /// scale is recomputed from the restored depth. Throws std::invalid_argument on a size
    /// mismatch or a negative value.
    void restore(const std::vector<double>& removedVolume, double timeS);

    /// Multiplies the settings' yield multiplier in every cell by `factor(u)`, u = J / J_max the
    /// cell's ion flux density at width scale 1 (without magnet travel, as the racetrack-resolved
    /// target's cells: solvers/reactive/ReactiveTargetState racetrackPatches) over the largest on
    /// the grid: a target state resolved by flux (a reactive target's m(theta) per flux class,
    /// solvers/reactive/FluxClasses.hpp), changed between steps as the state changes. Empty
    /// function: factor 1. Throws std::invalid_argument when a factor is not >= 0.
    void setRelativeFluxYieldFactor(const std::function<double(double)>& factor);

    /// The emission map at the current state, the input of the deposition engine.
    /// Points: the eroded surface in the chamber frame (m). Fields, per point:
    ///   depth_mm, remaining_thickness_mm,
    ///   ion_flux_per_m2_s        time-averaged ion flux (per m^2 of original face),
    ///   sputtered_flux_per_m2_s  atoms leaving per m^2 of original face per s: Gamma m Y^
    ///                            with Y^ the solver's discretised yield, so the map's
    ///                            integral is exactly the rate at which atoms are removed;
    ///                            with groove redeposition the part that escapes the
    ///                            target, Gamma m Y^ f_esc (the deposition engine's input;
    ///                            its angular shape stays the cell's cosine-type law),
    ///   with groove redeposition also: gross_sputtered_flux_per_m2_s (Gamma m Y^),
    ///                            redeposited_flux_per_m2_s, escape_fraction,
    ///   incidence_angle_deg      ion incidence on the local surface,
    ///   surface_normal           (vector) outward unit normal: the emission direction axis.
    /// Rotary: the tube surface (rotation-averaged shape) in the lab frame with the
    /// lab-fixed racetrack's instantaneous flux, `outputAngularCells` around; phi = 0
    /// faces the substrate.
    GridSurface surface(int outputAngularCells = 72) const;

private:
    struct Slopes {
        double uMinus, uPlus, vMinus, vPlus;
    };
    Slopes slopesAt(std::size_t i, std::size_t j, const std::vector<double>& d) const;
    double numericalYield(const Slopes& s, double& alpha) const;
    void updateFlux();
    /// dV/dt for every active cell from the depth field d; returns max dV/dt and max alpha c.
    void evaluateRates(const std::vector<double>& d, std::vector<double>& rate, double& maxRate,
                       double& maxAlphaC) const;
    /// The same without redeposition (gross sputtering).
    void grossRates(const std::vector<double>& d, std::vector<double>& rate, double& maxRate, double& maxAlphaC) const;
    /// Planar: the flux at p averaged over the magnet travel (the flux itself without travel).
    double travelAveragedFlux(const RacetrackFlux::AtScale& at, const Eigen::Vector2d& p) const;
    double tableF(double s) const;
    double tableG(double s) const;

    const RacetrackFlux& flux_;
    const ErosionRate& rate_;
    ErosionSettings settings_;
    ErosionGrid grid_;
    SwingQuadrature travel_;              ///< nodes of the magnet-travel average
    std::vector<std::size_t> active_;     ///< cells with flux at k = 1
    std::vector<double> multiplier_;      ///< per cell
    std::vector<double> baseMultiplier_;  ///< per cell: the settings' yield multiplier
    std::vector<double> relativeFlux_;    ///< per cell: J / J_max at k = 1 without travel (set on first use)
    std::vector<double> fluxK1_;          ///< Gamma at k = 1 (narrowing weights)
    std::vector<double> ionFlux_;         ///< Gamma at the current k
    std::vector<double> removed_;         ///< V per cell
    std::vector<double> depth_;           ///< d per cell
    std::vector<double> rate1_, rate2_, stage_, stageDepth_;
    std::shared_ptr<const GrooveRedeposition> redeposition_;  ///< null when off (immutable: shared by copies)
    mutable std::vector<double> redeposited_;
    std::vector<double> fTable_, gTable_;  ///< F(s), max_{u<=s}|F'(u)| on [0, sMax]
    double gTail_ = 0.0;                   ///< max |F'| over all s
    double time_ = 0.0;
    double k_ = 1.0;
};

}  // namespace magtwin
