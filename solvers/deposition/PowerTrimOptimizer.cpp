#include "solvers/deposition/PowerTrimOptimizer.hpp"

#include "solvers/optimise/CoordinateDescent.hpp"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <functional>
#include <stdexcept>

namespace magtwin {

namespace {

double rangeRatio(const Eigen::MatrixXd& A, const Eigen::VectorXd& w) {
    const Eigen::VectorXd t = A * w;
    const double lo = t.minCoeff(), hi = t.maxCoeff();
    return hi + lo > 0 ? (hi - lo) / (hi + lo) : 1.0;
}

}  // namespace

TrimResult optimisePowerTrims(const std::vector<std::vector<double>>& maps, const std::vector<char>& mask,
                              double minTrim, double maxTrim, int sweeps) {
    if (maps.empty()) throw std::invalid_argument("trim optimiser: no cathodes");
    if (!(minTrim > 0 && maxTrim >= 1 && minTrim <= 1))
        throw std::invalid_argument("trim optimiser: need 0 < min <= 1 <= max");
    std::vector<std::size_t> pts;
    for (std::size_t k = 0; k < mask.size(); ++k)
        if (mask[k]) pts.push_back(k);
    if (pts.empty()) throw std::invalid_argument("trim optimiser: empty quality area");
    const std::size_t K = maps.size();
    Eigen::MatrixXd A(pts.size(), K);
    for (std::size_t c = 0; c < K; ++c) {
        if (maps[c].size() != mask.size()) throw std::invalid_argument("trim optimiser: map sizes differ");
        for (std::size_t p = 0; p < pts.size(); ++p) A(Eigen::Index(p), Eigen::Index(c)) = maps[c][pts[p]];
    }
    TrimResult r;
    const Eigen::VectorXd ones = Eigen::VectorXd::Ones(Eigen::Index(K));
    r.rangePctBefore = 100 * rangeRatio(A, ones);

    // Least-squares flat film at the current mean thickness, clamped to the box.
    const Eigen::VectorXd target = Eigen::VectorXd::Constant(A.rows(), (A * ones).mean());
    Eigen::VectorXd w = A.colPivHouseholderQr().solve(target);
    for (Eigen::Index c = 0; c < w.size(); ++c) w(c) = std::clamp(w(c), minTrim, maxTrim);
    if (rangeRatio(A, w) > rangeRatio(A, ones)) w = ones;

    // Cyclic coordinate descent with golden-section searches on U (unimodal in practice;
    // solvers/optimise). Along coordinate c the film is t0 + x A_c with t0 = A w - w_c A_c
    // (one column per evaluation instead of the whole product).
    const CoordinateLine line = [&A](std::size_t i, const std::vector<double>& x) -> std::function<double(double)> {
        const Eigen::Index c = Eigen::Index(i);
        Eigen::VectorXd w(Eigen::Index(x.size()));
        for (Eigen::Index k = 0; k < w.size(); ++k) w(k) = x[std::size_t(k)];
        Eigen::VectorXd t0 = A * w - w(c) * A.col(c);
        return [&A, c, t0 = std::move(t0)](double v) {
            double lo = INFINITY, hi = -INFINITY;
            for (Eigen::Index p = 0; p < A.rows(); ++p) {
                const double t = t0(p) + v * A(p, c);
                lo = std::min(lo, t), hi = std::max(hi, t);
            }
            return hi + lo > 0 ? (hi - lo) / (hi + lo) : 1.0;
        };
    };
    CoordinateDescentOptions descent;
    descent.sweeps = sweeps;
    descent.line.maxEvaluations = 42;  // 2 + 40 bracket reductions: 0.618^40 ~ 4e-9 of the range
    descent.line.xTolerance = 1e-5;    // trims to 1e-5
    const std::vector<double> start(w.data(), w.data() + w.size());
    const std::vector<double> best =
        coordinateDescent(line, start, std::vector<double>(K, minTrim), std::vector<double>(K, maxTrim), descent);
    for (Eigen::Index c = 0; c < w.size(); ++c) w(c) = best[std::size_t(c)];
    // Mean trim 1 (total power unchanged), back inside the box.
    w /= w.mean();
    for (Eigen::Index c = 0; c < w.size(); ++c) w(c) = std::clamp(w(c), minTrim, maxTrim);
    r.trims.assign(w.data(), w.data() + w.size());
    r.rangePctAfter = 100 * rangeRatio(A, w);
    return r;
}

}  // namespace magtwin
