// RateScaleFit: per-source rate scale factors s_k fitted to measured rates by
// Levenberg-Marquardt (Ceres Solver), with their uncertainties from the covariance.
//
// Model: measured_i = sum_k s_k predicted_ik (+ noise), the film (or monitor) rate linear in
// each source's emission, as the transport is (CathodeResponses.hpp). Residual
// r_i = (sum_k s_k p_ik - m_i) / w_i with w_i = the observation's sigma, or m_i when not
// given (a relative error model: the monitor's noise grows with its rate). The noise level is
// unknown, so the covariance (J^T J)^-1 is scaled by the reduced chi^2, chi^2 / (n - p)
// (Press et al., Numerical Recipes 3rd ed., sec. 15.4.1 / 15.6; Ceres' Covariance returns
// (J^T J)^-1 at the solution). With n = p the uncertainty is unknown (NaN).
// Valid: residuals independent, roughly normal, the model linear in s (it is).
#pragma once

#include <cstddef>
#include <vector>

namespace magtwin {

struct RateObservation {
    double measured = 0.0;
    double sigma = 0.0;             ///< 0: relative weighting by `measured`
    std::vector<double> predicted;  ///< per parameter, at s = 1
};

struct RateScaleFitResult {
    std::vector<double> scale;
    std::vector<double> sigma;  ///< 1-sigma from the scaled covariance
    double reducedChi2 = 0.0;
    int iterations = 0;
    bool converged = false;
};

/// Throws std::invalid_argument when there are fewer observations than parameters or a
/// parameter no observation constrains.
RateScaleFitResult fitRateScales(const std::vector<RateObservation>& observations, std::size_t parameters);

}  // namespace magtwin
