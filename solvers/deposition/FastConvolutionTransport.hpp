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
// Transport grid: pitch pitchPerHeight * h_min (default h/10; the output pitch if that is
// finer), since the map is smooth on the scale of h.
// Elements are assigned to it with 4-point Lagrange cubic weights (the transpose of
// cubic interpolation, so sum_m w_m(S) K(P - X_m) interpolates K(P - S) in S) and the
// result is interpolated back to the output grid with the same cubic: both errors are
// O((q/h)^4) for a transport pitch q (about 1.7 (q/h)^4 at the kernel peak, 1.2e-4 for
// q = h/10). Near the self-shadowing cut of tilted elements (n.d = 0) the
// kernel has a kink and the error is O(q/h) locally, weighted by the small emission
// there. Measured: <= 1e-4 of the mean against the direct sum (tests, benchmark).
// The grid is padded so the circular convolution equals the linear one (no kernel
// truncation). Single-precision FFTW (relative round-off ~1e-6 of the peak).
// Used (eroded) targets: nearly every element has its own height and normal, so exact
// classes would cost one FFT pair per element group (the old cost: 265 s for a Gen-10.5
// map). Elements are grouped instead (FastTransportClasses.hpp):
//  - normal classes: bins of width `normalBin` in the tilt (n_x, n_y); inside a class the
//    kernel is expanded to first order in the normal about the class's mean normal n0:
//      K(d; h, n) = p(c) (h/r)/r^2,  c = n.d/r
//                ~ [p(c0) - p'(c0) c0] (h/r)/r^2 + p'(c0) (n.d/r) (h/r)/r^2   (c0 = n0.d/r),
//    i.e. K ~ A + n.B: one source array per component (sum of N_e, N_e n_x, N_e n_y,
//    N_e n_z). For the cosine law p = c/pi this is exact (A = 0, B = d h/(pi r^4)) except
//    at the self-shadowing cut, which is taken at n0.d = 0 instead of n.d = 0: there
//    |K| <= |n - n0| h/(pi r^3) on a wedge of angular width ~|n - n0|, an error of
//    O(|n - n0|^2) of the tilted elements' emission. Other laws add the Taylor remainder
//    (1/2) p''(c) (|n - n0| |d|/r)^2 (h/r)/r^2, relative O(|n - n0|^2 p''/p);
//  - height nodes: spaced <= heightNodeSpacingPerHeight * h_min over each class's height
//    range; each element is spread over the 4 nearest nodes with Lagrange cubic weights
//    (A & S 25.2.2), error (9/16) D^4 / 4! max|d^4 K/dh^4|; below the source (rho = 0,
//    K ~ 1/h^2 times the law) d^4K/dh^4 = 120 K/h^4, so the bound is 2.8 (D/h)^4 of the
//    local kernel: 1.2e-4 for D = 0.08 h;
//  - (height, normal) pairs holding >= 0.2 % of all emission (the uniform middle rows of
//    eroded tubes, flat target faces) are exact items, as are all pairs of a class whose
//    expansion would need more FFTs (new targets: one item per emitting row or target);
//    only the rest (groove walls, end zones) is expanded, so the O(|n - n0|^2) cut error
//    applies to a small share of the emission.
// Tilted planar targets (CathodeSpec::orientation, `facing`/`tilt` in the tool file): all
// elements of a target share one normal, so their class is exact in n (n = n0: no
// O(|n - n0|^2) term and the self-shadowing cut exactly at n.d = 0), and their heights spread
// over 2 a sin(beta) (radius or half-size a, tilt beta). A target tilted about x or y with
// rows of one height becomes exact items when that needs fewer FFTs; otherwise (a disc) it is
// an expanded item: height nodes <= 0.08 h_min apart with the cubic height error bound above
// (2.8 (D/h)^4 = 1.2e-4 of the local kernel), components Bx, By, Bz for the cosine law
// (+ A for other laws or gas). Cost: (ceil(2 a sin(beta) / (0.08 h_min)) + 1) x 3 FFT pairs
// per tilted target instead of 1: a 2-inch gun tilted 50 deg at h_min = 109 mm, 6 nodes
// x 3 components plus one exact item (a group >= 0.2 % of the emission) = 19 pairs
// (TiltedSourceTest prints the items); the DTU tool file's deposit map (three such guns, 2 mm
// wafer grid) agrees with the direct sum to 6e-5 of the mean. Checked against the closed
// forms of a tilted point source and a tilted ring racetrack on its axis
// (tests/solvers/deposition/TiltedSourceTest.cpp).
//
// Defaults (normalBin 0.2 for the cosine law, 0.05 for others, D = 0.08 h, q = h/10) against the direct sum on the
// unquantised eroded geometry at 1200 points (bench/bench_used_targets.cpp): Gen-10.5 rotary array at 7500 kWh
// max 1.8e-4, RMS 6.9e-5 of the mean; planar array at 5000 kWh max 2.9e-4; tests (FastUsedTargetTest.cpp) hold rotary,
// planar and wafer cases to 1e-3 of the mean. Cost: per item one kernel evaluation and two r2c FFTs per component on
// the padded transport grid, plus one inverse FFT in total; items run in parallel (one per OpenMP thread, deterministic
// sum for a given thread count). Elements emitting less than 1e-13 of the total are dropped (their share of any point's
// flux < 1e-13 substrate area/(pi h^2)). The optional gas factor eta + (1-eta) exp(-k r) (GasAttenuationModel.hpp)
// multiplies the kernel; the thermalised diffusive part (slab Green's function, a function of the lateral distance only
// for a class height h) is added to it with its weight w(h) (on the A component of an expanded item, the emission-only
// part).
#pragma once

#include "solvers/deposition/EmissionSource.hpp"

#include <vector>

namespace magtwin {

struct RegularPlaneGrid {
    double x0 = 0, y0 = 0, dx = 0, dy = 0, z = 0;  ///< first point, spacing (m), plane height
    std::size_t nx = 0, ny = 0;                    ///< point i + nx*j at (x0 + i dx, y0 + j dy, z)
};

struct FastTransportOptions {
    /// Normal classes: bin width of the normal's tilt components (see the header comment).
    double normalBin = 0.2;
    /// The same for the other laws (first-order Taylor in n, error O(bin^2 p''/p): a cos^2
    /// law on eroded planar targets: 2.2e-3 of the mean at 0.2, 4.3e-4 at 0.05; FastUsedTargetTest).
    double nonLinearNormalBin = 0.05;
    /// Height-node spacing of expanded classes, as a fraction of the lowest source height.
    double heightNodeSpacingPerHeight = 0.08;
    /// Transport-grid pitch = pitchPerHeight * (lowest source height), or the output pitch
    /// when that is finer.
    double pitchPerHeight = 0.1;
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
    std::size_t classes = 0;  ///< work items (exact + expanded height nodes)
    std::size_t normalClasses = 0, exactItems = 0, expandedItems = 0;
    double coarsening = 1;  ///< transport pitch / output pitch
    std::size_t paddedNx = 0, paddedNy = 0;
};

/// Atom flux (atoms m^-2 s^-1) at every grid point of a plane facing +z.
std::vector<double> fastLineOfSightFlux(const std::vector<EmissionSource>& sources, const RegularPlaneGrid& grid,
                                        const FastTransportOptions& options = {}, FastTransportStats* stats = nullptr);

}  // namespace magtwin
