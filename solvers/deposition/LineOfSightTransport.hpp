// LineOfSightTransport ("direct"): collisionless transport of sputtered atoms from
// emission elements to receiving points by exact view-factor summation,
//
//   Phi(P) = sum_e  N_e p(cos theta_e) cos theta_r / |P - S_e|^2,
//
// N_e atoms/s emitted by element e at S_e, p its angular distribution per steradian,
// theta_e the emission angle from the element's normal, theta_r the arrival angle from
// the receiving surface's normal (e.g. Ohring, Materials Science of Thin Films, 2nd
// ed., Academic Press 2002, sec. 5.2.2, point/surface-source deposition). Elements
// emit only into their outer half-space and points receive only from theirs. No
// shadowing between different targets (arrays of tubes at a pitch larger than their
// diameter see each other's racetrack only at grazing angles; documented limitation).
// Exact for point-like elements; the reference for the FFT method and the Monte Carlo. A
// tilted planar target (CathodeSpec::orientation) is elements with the turned face normal, and
// the crystal monitor's view (the twin) is this sum at the crystal with its facing as the
// receiver normal: both need nothing more (TiltedSourceTest: closed forms).
//
// Cross-sections (2-D, translation-invariant along a unit axis t): every element is the
// cross-section of an infinite strip along t (areaM2 = strip width, so atomsPerSecond()
// is atoms/s per metre of strip). The 3-D law above integrated along the strip, with
// z = rho tan(phi) (dz / R^2 = dphi / rho, cos theta_e = a cos phi, cos theta_r = b cos phi):
//
//   Phi(P) = sum_e  N'_e (b / rho) int_{-pi/2}^{pi/2} p(a cos phi) cos phi dphi,
//
// rho the in-plane distance, a = cos of the in-plane emission angle, b = cos of the
// in-plane arrival angle (normals perpendicular to t). For the cosine law this is the
// textbook a b / (2 rho). The phi integral uses 64-point Gauss-Legendre quadrature
// (smooth integrand; relative error < 1e-9 for cos^n with n >= 0.5).
#pragma once

#include "solvers/deposition/EmissionSource.hpp"

#include <functional>

#include <vector>

namespace magtwin {

struct GasAttenuation;

/// Atom flux (atoms m^-2 s^-1) arriving at each point of a surface with normal
/// `receiverNormal`; with `gas`, each path of length r is weighted by gas.factor(r)
/// (the calibrated fast gas model, GasAttenuationModel.hpp).
std::vector<double> lineOfSightFlux(const std::vector<EmissionSource>& sources,
                                    const std::vector<Eigen::Vector3d>& points,
                                    const Eigen::Vector3d& receiverNormal = Eigen::Vector3d(0, 0, 1));
std::vector<double> lineOfSightFlux(const std::vector<EmissionSource>& sources,
                                    const std::vector<Eigen::Vector3d>& points, const Eigen::Vector3d& receiverNormal,
                                    const GasAttenuation& gas);

/// Cross-section form (see above): atoms m^-2 s^-1 at `points` (one plane normal to
/// `stripAxis`, or any: positions are projected) from strips along the unit `stripAxis`.
/// Throws std::invalid_argument when a normal is not perpendicular to the axis.
std::vector<double> lineOfSightFluxStrips(const std::vector<EmissionSource>& sources,
                                          const std::vector<Eigen::Vector3d>& points,
                                          const Eigen::Vector3d& receiverNormal, const Eigen::Vector3d& stripAxis);

}  // namespace magtwin
