// CeresSettings: the solver and covariance settings the calibration fits share
// (RateScaleFit, GasStrengthFit): Levenberg-Marquardt on a dense QR, tolerances far below
// the parameters' uncertainties, single-threaded (deterministic), silent; covariance by
// dense SVD (rank-deficient problems report failure instead of a pseudo-inverse).
#pragma once

#include <ceres/ceres.h>

namespace magtwin {

inline ceres::Solver::Options levenbergMarquardtOptions(double parameterTolerance) {
    ceres::Solver::Options options;
    options.minimizer_type = ceres::TRUST_REGION;
    options.trust_region_strategy_type = ceres::LEVENBERG_MARQUARDT;
    options.linear_solver_type = ceres::DENSE_QR;
    options.function_tolerance = 1e-14;
    options.parameter_tolerance = parameterTolerance;
    options.gradient_tolerance = 1e-16;
    options.max_num_iterations = 200;
    options.logging_type = ceres::SILENT;
    options.num_threads = 1;
    return options;
}

inline ceres::Covariance::Options denseCovarianceOptions() {
    ceres::Covariance::Options copt;
    copt.algorithm_type = ceres::DENSE_SVD;
    copt.num_threads = 1;
    return copt;
}

}  // namespace magtwin
