// SubstrateOscillation: a static-deposition substrate moved back and forth along x (the
// pitch axis of a cathode array) by u(t), |u| <= A, for an exposure time T. The fluence at
// a substrate point is
//   F(x, y) = int_0^T R(x + u(t), y) dt,
// R the static flux field. The time spent at each offset is a measure mu on [-A, A]
// (the waveform's position density times T); F(x, y) = int R(x + u, y) dmu(u).
//
// Waveforms: u = A s(t / P), the swings of motion/SwingAverage (one definition for the
// magnet wobble and travel and this oscillation; the substrate starts at u = 0 moving
// towards +x):
//  - sinusoidal:  u = A sin(2 pi t / P); density 1 / (pi sqrt(A^2 - u^2)) per period;
//  - triangular:  constant speed 4 A / P between the reversal points (uniform density);
//  - dwell:       constant speed between the reversal points, stopped at each of them for
//                 dwellFraction P / 2 per period (uniform density plus two point masses).
// Whole periods contribute floor(T / P) times one period's measure; the remainder
// T - floor(T / P) P is followed along the waveform from u = 0, so any T is exact.
//
// Quadrature: R is known at the grid columns x_i = x0 + i dx; with R_lin its piecewise
// linear interpolant in x, F is computed exactly for R_lin:
//   F(x_i, y) = sum_m W_m R(x_i + m dx, y),  W_m = int hat(u / dx - m) dmu(u),
// the W_m from the measure's closed-form mass and first moment on each cell (no time
// stepping). sum_m W_m = T exactly, so atoms are conserved. The only error is R - R_lin:
// |F - F_exact| <= T dx^2 / 8 max|d^2R/dx^2| (linear interpolation error bound); for the
// cosine-law flux of a point source at height h, R = R_max h^4 / (h^2 + r^2)^2, |R''| <=
// 4 R_max / h^2 (at its peak), i.e. an error <= 0.5 (dx / h)^2 of the peak static fluence
// R_max T (2 mm grid, h = 150 mm: 9e-5; sources wider than a point have smaller |R''|).
// Amplitude 0 gives W_0 = T: the static film exactly.
#pragma once

#include "solvers/motion/SwingAverage.hpp"

#include <vector>

namespace magtwin {

struct SubstrateOscillation {
    using Waveform = SwingWaveform;
    double amplitudeM = 0.0;  ///< half the peak-to-peak travel, >= 0
    double periodS = 10.0;    ///< > 0
    Waveform waveform = Waveform::Sinusoidal;
    double dwellFraction = 0.2;  ///< Dwell: fraction of a period stopped at the reversal points, [0, 1)
};

/// Position of the substrate offset at time t (m): the waveform above (for brute-force checks).
double oscillationOffset(const SubstrateOscillation& o, double tS);

/// The kernel W_m, m = -K..K (index m + K), K = oscillationReach(o, dx), for exposure time
/// `timeS`; throws std::invalid_argument on a bad amplitude, period, dwell fraction or time.
std::vector<double> oscillationWeights(const SubstrateOscillation& o, double timeS, double dx);
/// Columns the kernel reaches on either side: ceil(A / dx) + 1 (0 for A = 0).
std::size_t oscillationReach(const SubstrateOscillation& o, double dx);

/// F on nx columns x ny rows from the static flux on (nx + 2K) x ny columns (row-major in x,
/// the same rows, K = oscillationReach extra columns on each side).
std::vector<double> oscillationAverage(const std::vector<double>& staticOnWidened, std::size_t nx, std::size_t ny,
                                       const std::vector<double>& weights);

}  // namespace magtwin
