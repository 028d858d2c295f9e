// Racetrack emission sources built from a simple magnet-pack description, so the
// deposition solver runs without an erosion result (and tests have exact geometry).
//
// Racetrack model: the shared one, boundary/racetrack/RacetrackFlux (the erosion engine
// and the OpenFOAM sputteredFlux condition use the same class). The centreline is a
// stadium (two straight tracks `separationM` apart joined by semicircular turnarounds);
// the flux across a track is the Gaussian TrackProfile g(s) = exp(-s^2 / (2 sigma^2)),
// s the distance to the centreline, times E = 1 + (E_t - 1) sin(beta) in the turnarounds
// (E_t = `turnaroundEnhancement` at the apex). Planar targets see RacetrackFlux's magnet
// frame directly; a rotary tube's racetrack is fixed in the lab, so the source uses
// labFluxDensity on the unrolled surface (axial x, arc length R phi). Each source is
// scaled so its elements emit exactly the requested atom rate, which the cathode layout
// takes from the discharge balance (boundary/racetrack/IonSupply):
//   N = I_ion Y / e,  I_ion = (P / V) / (1 + gamma_SE)
// (the standard steady state of a DC magnetron, e.g. Depla et al., Thin Solid Films 517
// (2009) 2825).
//
// Magnet wobble: a racetrack oscillating with amplitude A (angle on a rotary tube,
// magnet-bar travel across a planar target) along a sinusoidal, triangular or dwell
// waveform s(t) emits, averaged over whole periods, the time-weighted mean of the shifted
// racetracks,
//   <F>(x) = int_-1^1 F(x - A s) dmu(s) ~ sum_k w_k F(x - A s_k) / sum_k w_k,
// with the nodes and weights of motion/SwingAverage (sinusoidal: Gauss-Chebyshev,
// Abramowitz & Stegun 25.4.38; triangular: Gauss-Legendre; dwell: Gauss-Legendre plus the
// reversal points), n = wobbleSamples.
#pragma once

#include "boundary/racetrack/AlongTrackProfile.hpp"
#include "boundary/racetrack/TrackProfile.hpp"
#include "solvers/chamber/CathodeSpec.hpp"
#include "solvers/deposition/EmissionSource.hpp"
#include "solvers/motion/SwingAverage.hpp"

#include <memory>

#include <vector>

namespace magtwin {

struct RacetrackShape {
    double separationM = 0.1;            ///< centre-to-centre distance of the two straight tracks
    double sigmaM = 0.008;               ///< Gaussian width across a track
    double straightLengthM = 0.9;        ///< length of each straight (the loop spans straight + separation end to end)
    double turnaroundEnhancement = 1.0;  ///< flux multiplier on the turnaround arcs
    /// Cross-track profile (any TrackProfile shape); null: the Gaussian of sigmaM.
    std::shared_ptr<const TrackProfile> profile;
    /// Flux factor along the straights (RacetrackFlux; x from the target centre along y).
    AlongTrackProfile alongTrack;
};

/// Planar rectangular target, sputtering face down (normal -z), centred at `centre`
/// (its surface), long axis along y. Elements on a square grid of `pitchM`. `orientation`
/// (CathodeSpec::orientation) turns the target about its centre: element positions
/// centre + R (a, b, 0), normals R (0, 0, -1) (identity: untilted, bit for bit).
struct PlanarRectTarget {
    Eigen::Vector3d centre{0.0, 0.0, 0.1};
    Eigen::Matrix3d orientation = Eigen::Matrix3d::Identity();
    double lengthM = 1.0;  ///< along y
    double widthM = 0.2;   ///< along x
    RacetrackShape track;
    double pitchM = 0.002;
    double wobbleAmplitudeM = 0.0;  ///< magnet-bar travel amplitude across the target (x)
    int wobbleSamples = 16;
    SwingWaveform wobbleWaveform = SwingWaveform::Sinusoidal;
    double wobbleDwellFraction = 0.0;  ///< dwell waveform: fraction of a period at the reversal points
};
EmissionSource planarRectSource(const PlanarRectTarget& t, double atomsPerSecond,
                                std::shared_ptr<const EmissionAngularDistribution> angular);

/// Circular planar target (radius), face down, with a circular racetrack of radius
/// `trackRadiusM` and Gaussian width `sigmaM` (or `profile`), fixed or rotating about the
/// target axis with `magnetOffsetM` (time averaged). Elements on a polar grid (radial pitch, ~square cells).
/// `orientation` as for PlanarRectTarget.
struct PlanarCircularTarget {
    Eigen::Vector3d centre{0.0, 0.0, 0.1};
    Eigen::Matrix3d orientation = Eigen::Matrix3d::Identity();
    double radiusM = 0.15;
    double trackRadiusM = 0.08;
    double sigmaM = 0.01;
    double pitchM = 0.002;
    /// Cross-track profile of the ring (any TrackProfile shape); null: the Gaussian of sigmaM.
    std::shared_ptr<const TrackProfile> profile;
    /// Rotating magnet: ring centre this far off the target axis, time averaged over a turn
    /// (RacetrackFlux planar-circular, trapezoid rule with magnetAngleSamples nodes).
    double magnetOffsetM = 0.0;
    int magnetAngleSamples = 256;
};
EmissionSource planarCircularSource(const PlanarCircularTarget& t, double atomsPerSecond,
                                    std::shared_ptr<const EmissionAngularDistribution> angular);

/// Rotary (cylindrical) target with its axis along y at (axisX, axisZ). The racetrack is
/// fixed in the lab frame and faces the substrate: on the unrolled surface (arc length
/// u = R*phi from the bottom line, axial y) it is the stadium of `track` (separation and
/// sigma in arc length). Erosion thins the tube uniformly around the circumference
/// (rotation average), modelled here by `erodedDepthM` (outer radius R - depth).
/// Only the band where the flux exceeds 1e-7 of its peak is meshed.
struct RotaryTube {
    double axisX = 0.0;
    double axisZ = 0.25;
    double centreY = 0.0;
    double outerRadiusM = 0.076;
    double lengthM = 3.2;
    double erodedDepthM = 0.0;
    RacetrackShape track;
    double axialPitchM = 0.004;
    double angularPitchRad = 0.05;
    double wobbleAmplitudeRad = 0.0;  ///< racetrack (magnet bar) swing amplitude around the axis
    int wobbleSamples = 16;
    SwingWaveform wobbleWaveform = SwingWaveform::Sinusoidal;
    double wobbleDwellFraction = 0.0;  ///< dwell waveform: fraction of a period at the reversal points
};
EmissionSource rotaryTubeSource(const RotaryTube& t, double atomsPerSecond,
                                std::shared_ptr<const EmissionAngularDistribution> angular);

/// `count` identical tubes at `pitchM` centred on x = 0 (each with atomsPerSecond[i]).
std::vector<EmissionSource> rotaryArraySources(const RotaryTube& prototype, int count, double pitchM,
                                               const std::vector<double>& atomsPerSecond,
                                               std::shared_ptr<const EmissionAngularDistribution> angular);

}  // namespace magtwin
