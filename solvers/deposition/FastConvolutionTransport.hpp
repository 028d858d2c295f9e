// FastConvolutionTransport ("fast"): line-of-sight transport onto a regular substrate
// grid as a sum of 2-D convolutions evaluated with FFTs.
//
// Over a plane, the direct sum (LineOfSightTransport.hpp)
//   Phi(P) = sum_e N_e p(cos theta_e) cos theta_r / |P - S_e|^2
// depends on P - S_e only, for all elements that share a height h above the plane and
// a normal n (a "class": a planar target is one class, a rotary tube one class per
// angular row of its racetrack band). For a class c with kernel
//   K_c(X, Y) = p(n . d / r) (h / r) / r^2,   d = (X, Y, -h), r = |d|,
// Phi = sum_c (E_c * K_c), E_c the class's emitted atoms/s on a transport grid.
// Transport grid: the output pitch times the largest integer k with k * pitch <=
// pitchPerHeight * h_min (default h/20), since the map is smooth on the scale of h.
// Elements are assigned to it with 4-point Lagrange cubic weights (the transpose of
// cubic interpolation, so sum_m w_m(S) K(P - X_m) interpolates K(P - S) in S) and the
// result is interpolated back to the output grid with the same cubic: both errors are
// O((q/h)^4) for a transport pitch q (about 1.7 (q/h)^4 at the kernel peak, 1e-5 for
// q = 8 mm, h = 166 mm). Near the self-shadowing cut of tilted elements (n.d = 0) the
// kernel has a kink and the error is O(q/h) locally, weighted by the small emission
// there. Measured: <= 1e-4 of the mean against the direct sum (tests, benchmark).
// The grid is padded so the circular convolution equals the linear one (no kernel
// truncation). Single-precision FFTW (relative round-off ~1e-6 of the peak).
// Cost: per class one kernel evaluation and two r2c FFTs on the padded transport grid,
// plus one inverse FFT in total; elements are grouped into classes after rounding h to
// `heightQuantumM` and the normal to `normalQuantum` (error <= 2 dh/h + dn tan theta).
// The optional gas factor eta + (1-eta) exp(-k r) (GasAttenuationModel.hpp) multiplies
// the kernel; the thermalised diffusive part (slab Green's function, a function of the
// lateral distance only for a class height h) is added to it with its weight w(h).
#pragma once

#include "deposition/EmissionSource.hpp"

#include <vector>

namespace magtwin {

struct RegularPlaneGrid {
    double x0 = 0, y0 = 0, dx = 0, dy = 0, z = 0;  ///< first point, spacing (m), plane height
    std::size_t nx = 0, ny = 0;                    ///< point i + nx*j at (x0 + i dx, y0 + j dy, z)
};

struct FastTransportOptions {
    double heightQuantumM = 1e-6;
    double normalQuantum = 1e-6;
    /// Transport-grid pitch <= pitchPerHeight * (lowest source height); the output pitch
    /// is multiplied by the largest integer that keeps within it (1: the output grid).
    double pitchPerHeight = 0.05;
    int threads = 0;  ///< 0: all OpenMP threads on large padded grids (>= 4 M points), else 1
    /// Fast gas model (GasAttenuationModel.hpp): kernel x (eta + (1-eta) exp(-k r)); k = 0: vacuum.
    double attenuationPerM = 0.0;
    double scatteredDeposited = 1.0;
    /// Thermalised diffusive part (GasAttenuationModel.hpp): atoms thermalise d_th = N_th / n
    /// below each class's height and diffuse between the plane and the class height; added as
    /// a second lateral kernel w(h) j(rho; h - d_th, h) per class. 0: no diffusive part.
    double thermalisationDistanceM = 0.0;
};

struct FastTransportStats {
    std::size_t classes = 0;
    std::size_t coarsening = 1;  ///< transport pitch / output pitch
    std::size_t paddedNx = 0, paddedNy = 0;
};

/// Atom flux (atoms m^-2 s^-1) at every grid point of a plane facing +z.
std::vector<double> fastLineOfSightFlux(const std::vector<EmissionSource>& sources, const RegularPlaneGrid& grid,
                                        const FastTransportOptions& options = {}, FastTransportStats* stats = nullptr);

}  // namespace magtwin
