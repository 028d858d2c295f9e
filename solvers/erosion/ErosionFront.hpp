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
#pragma once

#include "erosion/ErosionGrid.hpp"
#include "erosion/ErosionRate.hpp"
#include "fields/GridSurface.hpp"
#include "racetrack/RacetrackFlux.hpp"
#include "racetrack/TrackNarrowing.hpp"

#include <Eigen/Core>

#include <functional>
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
};

class ErosionFront {
public:
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

    /// One SSP-RK2 step of at most `dtLimit` seconds, also shortened so that the maximum
    /// depth does not pass `depthLimitM`. Returns the step taken (s).
    double step(double dtLimit, double depthLimitM);

    /// The emission map at the current state (see ErosionFront.cpp for the fields):
    /// depth, ion flux, sputtered flux (atoms m^-2 s^-1 of original face), incidence
    /// angle and outward surface normal. Rotary: the tube surface in the lab frame with
    /// the lab-fixed racetrack's instantaneous emission, `outputAngularCells` around.
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
    double tableF(double s) const;
    double tableG(double s) const;

    const RacetrackFlux& flux_;
    const ErosionRate& rate_;
    ErosionSettings settings_;
    ErosionGrid grid_;
    std::vector<std::size_t> active_;  ///< cells with flux at k = 1
    std::vector<double> multiplier_;   ///< per cell
    std::vector<double> fluxK1_;       ///< Gamma at k = 1 (narrowing weights)
    std::vector<double> ionFlux_;      ///< Gamma at the current k
    std::vector<double> removed_;      ///< V per cell
    std::vector<double> depth_;        ///< d per cell
    std::vector<double> rate1_, rate2_, stage_, stageDepth_;
    std::vector<double> fTable_, gTable_;  ///< F(s), max_{u<=s}|F'(u)| on [0, sMax]
    double gTail_ = 0.0;                   ///< max |F'| over all s
    double time_ = 0.0;
    double k_ = 1.0;
};

}  // namespace magtwin
