#include "twin/calibration/RateScaleFit.hpp"

#include "twin/calibration/CeresSettings.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace magtwin {
namespace {

/// One observation's weighted residual; the model is linear, so the Jacobian is exact.
class LinearRateResidual : public ceres::CostFunction {
public:
    LinearRateResidual(const RateObservation& o, std::size_t p) : o_(o) {
        set_num_residuals(1);
        mutable_parameter_block_sizes()->push_back(static_cast<int>(p));
        w_ = o.sigma > 0.0 ? o.sigma : std::fabs(o.measured);
        if (!(w_ > 0.0))
            throw std::invalid_argument("rate fit: an observation with zero weight (measured 0 and no sigma)");
    }
    bool Evaluate(double const* const* params, double* residuals, double** jacobians) const override {
        double model = 0.0;
        for (std::size_t k = 0; k < o_.predicted.size(); ++k) model += params[0][k] * o_.predicted[k];
        residuals[0] = (model - o_.measured) / w_;
        if (jacobians && jacobians[0])
            for (std::size_t k = 0; k < o_.predicted.size(); ++k) jacobians[0][k] = o_.predicted[k] / w_;
        return true;
    }

private:
    RateObservation o_;
    double w_ = 1.0;
};

}  // namespace

RateScaleFitResult fitRateScales(const std::vector<RateObservation>& observations, std::size_t p) {
    if (p == 0) throw std::invalid_argument("rate fit: no parameters");
    if (observations.size() < p)
        throw std::invalid_argument("rate fit: " + std::to_string(observations.size()) + " observations for " +
                                    std::to_string(p) + " parameters");
    std::vector<double> seen(p, 0.0);
    for (const auto& o : observations) {
        if (o.predicted.size() != p)
            throw std::invalid_argument("rate fit: an observation with the wrong number of predictions");
        for (std::size_t k = 0; k < p; ++k) seen[k] += std::fabs(o.predicted[k]);
    }
    for (std::size_t k = 0; k < p; ++k)
        if (!(seen[k] > 0.0))
            throw std::invalid_argument("rate fit: parameter " + std::to_string(k) +
                                        " is not constrained by any observation");

    RateScaleFitResult out;
    out.scale.assign(p, 1.0);
    ceres::Problem problem;
    for (const auto& o : observations)
        problem.AddResidualBlock(new LinearRateResidual(o, p), nullptr, out.scale.data());
    for (std::size_t k = 0; k < p; ++k) problem.SetParameterLowerBound(out.scale.data(), static_cast<int>(k), 0.0);
    const ceres::Solver::Options options = levenbergMarquardtOptions(1e-14);
    ceres::Solver::Summary summary;
    ceres::Solve(options, &problem, &summary);
    out.iterations = static_cast<int>(summary.iterations.size());
    out.converged = summary.termination_type == ceres::CONVERGENCE;
    const double dof = static_cast<double>(observations.size()) - static_cast<double>(p);
    out.reducedChi2 = dof > 0 ? 2.0 * summary.final_cost / dof : std::numeric_limits<double>::quiet_NaN();

    out.sigma.assign(p, std::numeric_limits<double>::quiet_NaN());
    ceres::Covariance covariance(denseCovarianceOptions());
    std::vector<std::pair<const double*, const double*>> blocks{{out.scale.data(), out.scale.data()}};
    if (dof > 0 && covariance.Compute(blocks, &problem)) {
        std::vector<double> c(p * p);
        covariance.GetCovarianceBlock(out.scale.data(), out.scale.data(), c.data());
        for (std::size_t k = 0; k < p; ++k) out.sigma[k] = std::sqrt(std::max(0.0, c[k * p + k] * out.reducedChi2));
    }
    return out;
}

}  // namespace magtwin
