// GasStrengthFit: per-source rate scales s_k and the gas-scattering strength u fitted
// together by Levenberg-Marquardt (Ceres Solver), with the covariance of all of them.
//
// Model: measured_i = sum_k s_k P_ik(u), P_ik(u) the replay's uncalibrated prediction of
// observation i from source k with the gas model's effective cross-section sigma_eff =
// u sigma_ref (GasAttenuationModel.hpp; eta and N_th as the tool file gives them). The
// transport is linear in the emission, not in u, so P_ik(u) is tabulated by replays at the
// nodes of a ChebyshevAxis and interpolated in log P (PositiveTable: value and exact
// derivative); the residual
// weighting and the covariance scaling by the reduced chi^2 are RateScaleFit's (Press et al.,
// Numerical Recipes 3rd ed., sec. 15.4.1 / 15.6). For fixed u the problem is linear in s:
// LM starts at the node with the lowest chi^2 of that linear fit.
//
// Identifiability: the level of a thickness map is s_k's; only the map's shape (the
// attenuation grows with the path length, the thermalised part is broader than the
// ballistic one) and the ratio of monitor to substrate rates carry u. The fit reports u as
// not identifiable, with the reason, when
//  - its 1-sigma exceeds maxRelativeSigma (the Jacobian column of u is too weak against
//    the noise: the data cannot tell the strength from the reference within that band), or
//  - |corr(u, s_k)| > maxCorrelation for some k (u trades against a scale), or
//  - u ends on a bound of the table (0 or uMax): the optimum is not inside the table.
#pragma once

#include "twin/calibration/ChebyshevAxis.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace magtwin {

struct TabulatedObservation {
    double measured = 0.0;
    double sigma = 0.0;                          ///< 0: relative weighting by `measured`
    std::vector<std::vector<double>> predicted;  ///< [node][parameter], at s = 1
};

struct GasFitSettings {
    double maxRelativeSigma = 0.5;  ///< of u's 1-sigma, against the reference u = 1
    double maxCorrelation =
        0.9999;  ///< numerical degeneracy of J^T J: the variance inflation 1/(1 - rho^2) passes 5000
};

struct GasStrengthFitResult {
    std::vector<double> scale, sigma;            ///< per parameter, 1-sigma from the scaled covariance
    double strength = 0.0, strengthSigma = 0.0;  ///< u = sigma_eff / sigma_ref and its 1-sigma
    double maxCorrelation = 0.0;                 ///< largest |corr(u, s_k)|
    double reducedChi2 = 0.0;
    int iterations = 0;
    bool converged = false;
    std::string notIdentifiable;  ///< "" when u is identifiable, else why not
};

/// Throws std::invalid_argument when there are fewer observations than parameters + 1, a
/// table of the wrong size, or a parameter no observation constrains.
GasStrengthFitResult fitRateScalesAndGas(const std::vector<TabulatedObservation>& observations, std::size_t parameters,
                                         const ChebyshevAxis& axis, const GasFitSettings& settings = {});

}  // namespace magtwin
