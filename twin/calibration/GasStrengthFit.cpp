#include "twin/calibration/GasStrengthFit.hpp"

#include "twin/calibration/RateScaleFit.hpp"

#include "twin/calibration/CeresSettings.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>
#include <stdexcept>

namespace magtwin {
namespace {

/// One observation's weighted residual with the tabulated, interpolated predictions.
class TabulatedRateResidual : public ceres::CostFunction {
public:
    TabulatedRateResidual(const TabulatedObservation& o, std::size_t p, const ChebyshevAxis& axis)
        : o_(o), p_(p), axis_(axis) {
        for (std::size_t k = 0; k < p; ++k) {
            std::vector<double> nodes;
            for (const auto& n : o.predicted) nodes.push_back(n[k]);
            tables_.emplace_back(nodes);
        }
        set_num_residuals(1);
        mutable_parameter_block_sizes()->push_back(static_cast<int>(p));
        mutable_parameter_block_sizes()->push_back(1);
        w_ = o.sigma > 0.0 ? o.sigma : std::fabs(o.measured);
        if (!(w_ > 0.0))
            throw std::invalid_argument("gas fit: an observation with zero weight (measured 0 and no sigma)");
    }
    bool Evaluate(double const* const* params, double* residuals, double** jacobians) const override {
        std::vector<double> w, dw;
        axis_.weights(params[1][0], w, dw);
        double model = 0.0, dModel = 0.0;
        for (std::size_t k = 0; k < p_; ++k) {
            double pk = 0.0, dpk = 0.0;
            tables_[k].evaluate(w, dw, pk, dpk);
            model += params[0][k] * pk;
            dModel += params[0][k] * dpk;
            if (jacobians && jacobians[0]) jacobians[0][k] = pk / w_;
        }
        residuals[0] = (model - o_.measured) / w_;
        if (jacobians && jacobians[1]) jacobians[1][0] = dModel / w_;
        return true;
    }

private:
    const TabulatedObservation& o_;
    std::size_t p_;
    const ChebyshevAxis& axis_;
    std::vector<PositiveTable> tables_;  ///< per parameter
    double w_ = 1.0;
};

/// chi^2 of the linear fit of the scales at one node (RateScaleFit), for the start value.
double chi2AtNode(const std::vector<TabulatedObservation>& obs, std::size_t p, std::size_t node,
                  std::vector<double>& scale) {
    std::vector<RateObservation> linear;
    for (const auto& o : obs) linear.push_back({o.measured, o.sigma, o.predicted[node]});
    const RateScaleFitResult r = fitRateScales(linear, p);
    scale = r.scale;
    double chi2 = 0.0;
    for (const auto& o : linear) {
        double m = 0.0;
        for (std::size_t k = 0; k < p; ++k) m += r.scale[k] * o.predicted[k];
        const double w = o.sigma > 0.0 ? o.sigma : std::fabs(o.measured);
        chi2 += (m - o.measured) * (m - o.measured) / (w * w);
    }
    return chi2;
}

}  // namespace

GasStrengthFitResult fitRateScalesAndGas(const std::vector<TabulatedObservation>& obs, std::size_t p,
                                         const ChebyshevAxis& axis, const GasFitSettings& settings) {
    const std::size_t nodes = axis.nodes().size();
    if (obs.size() < p + 1)
        throw std::invalid_argument("gas fit: " + std::to_string(obs.size()) + " observations for " +
                                    std::to_string(p + 1) + " parameters");
    for (const auto& o : obs) {
        if (o.predicted.size() != nodes)
            throw std::invalid_argument("gas fit: an observation without a prediction per node");
        for (const auto& n : o.predicted)
            if (n.size() != p)
                throw std::invalid_argument("gas fit: an observation with the wrong number of predictions");
    }
    GasStrengthFitResult out;
    double best = std::numeric_limits<double>::infinity();
    for (std::size_t j = 0; j < nodes; ++j) {  // throws for an unconstrained parameter
        std::vector<double> s;
        const double chi2 = chi2AtNode(obs, p, j, s);
        if (chi2 < best) best = chi2, out.scale = s, out.strength = axis.nodes()[j];
    }
    // start inside the table: LM cannot leave a bound it starts on when the gradient points out
    out.strength = std::clamp(out.strength, 0.02 * axis.upper(), 0.98 * axis.upper());
    for (auto& s : out.scale) s = std::max(s, 1e-12);

    ceres::Problem problem;
    for (const auto& o : obs)
        problem.AddResidualBlock(new TabulatedRateResidual(o, p, axis), nullptr, out.scale.data(), &out.strength);
    for (std::size_t k = 0; k < p; ++k) problem.SetParameterLowerBound(out.scale.data(), static_cast<int>(k), 0.0);
    problem.SetParameterLowerBound(&out.strength, 0, 0.0);
    problem.SetParameterUpperBound(&out.strength, 0, axis.upper());
    const ceres::Solver::Options options = levenbergMarquardtOptions(1e-12);
    ceres::Solver::Summary summary;
    ceres::Solve(options, &problem, &summary);
    out.iterations = static_cast<int>(summary.iterations.size());
    out.converged = summary.termination_type == ceres::CONVERGENCE;
    const double dof = static_cast<double>(obs.size()) - static_cast<double>(p + 1);
    out.reducedChi2 = dof > 0 ? 2.0 * summary.final_cost / dof : std::numeric_limits<double>::quiet_NaN();

    const double nan = std::numeric_limits<double>::quiet_NaN();
    out.sigma.assign(p, nan);
    out.strengthSigma = out.maxCorrelation = nan;
    ceres::Covariance covariance(denseCovarianceOptions());
    const double* s = out.scale.data();
    const double* u = &out.strength;
    std::vector<std::pair<const double*, const double*>> blocks{{s, s}, {s, u}, {u, u}};
    if (dof > 0 && covariance.Compute(blocks, &problem)) {
        std::vector<double> css(p * p), csu(p);
        double cuu = 0.0;
        covariance.GetCovarianceBlock(s, s, css.data());
        covariance.GetCovarianceBlock(s, u, csu.data());
        covariance.GetCovarianceBlock(u, u, &cuu);
        out.strengthSigma = std::sqrt(std::max(0.0, cuu * out.reducedChi2));
        out.maxCorrelation = 0.0;
        for (std::size_t k = 0; k < p; ++k) {
            out.sigma[k] = std::sqrt(std::max(0.0, css[k * p + k] * out.reducedChi2));
            const double denom = std::sqrt(css[k * p + k] * cuu);
            if (denom > 0.0) out.maxCorrelation = std::max(out.maxCorrelation, std::fabs(csu[k]) / denom);
        }
    }
    std::ostringstream why;
    why.precision(3);
    if (!std::isfinite(out.strengthSigma))
        why << "its covariance is singular (the data do not constrain it)";
    else if (out.strength <= 1e-9 * axis.upper() || out.strength >= axis.upper() * (1.0 - 1e-9))
        why << "the fit ends on the edge of the gas table (u = " << out.strength << " of 0.." << axis.upper() << ")";
    else if (out.strengthSigma > settings.maxRelativeSigma)
        why << "its 1-sigma " << out.strengthSigma << " exceeds " << settings.maxRelativeSigma
            << " of the reference (the map shape constrains it too weakly)";
    else if (out.maxCorrelation > settings.maxCorrelation)
        why << "its correlation with a rate scale is " << out.maxCorrelation << " > " << settings.maxCorrelation;
    out.notIdentifiable = why.str();
    return out;
}

}  // namespace magtwin
