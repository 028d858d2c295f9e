#include "deposition/PowerTrimOptimizer.hpp"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
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
    if (!(minTrim > 0 && maxTrim >= 1 && minTrim <= 1)) throw std::invalid_argument("trim optimiser: need 0 < min <= 1 <= max");
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

    // Cyclic coordinate descent with golden-section searches on U (unimodal in practice).
    // Along coordinate c the film is t0 + x A_c with t0 = A w - w_c A_c (one column per
    // evaluation instead of the whole product).
    const double g = 0.5 * (std::sqrt(5.0) - 1.0);
    for (int s = 0; s < sweeps; ++s)
        for (Eigen::Index c = 0; c < w.size(); ++c) {
            double a = minTrim, b = maxTrim;
            const Eigen::VectorXd t0 = A * w - w(c) * A.col(c);
            auto f = [&](double x) {
                double lo = INFINITY, hi = -INFINITY;
                for (Eigen::Index p = 0; p < A.rows(); ++p) {
                    const double t = t0(p) + x * A(p, c);
                    lo = std::min(lo, t), hi = std::max(hi, t);
                }
                return hi + lo > 0 ? (hi - lo) / (hi + lo) : 1.0;
            };
            double x1 = b - g * (b - a), x2 = a + g * (b - a), f1 = f(x1), f2 = f(x2);
            for (int it = 0; it < 40 && b - a > 1e-5; ++it) {
                if (f1 < f2) {
                    b = x2, x2 = x1, f2 = f1, x1 = b - g * (b - a), f1 = f(x1);
                } else {
                    a = x1, x1 = x2, f1 = f2, x2 = a + g * (b - a), f2 = f(x2);
                }
            }
            const double best = 0.5 * (a + b);
            if (f(best) < f(w(c))) w(c) = best;
        }
    // Mean trim 1 (total power unchanged), back inside the box.
    w /= w.mean();
    for (Eigen::Index c = 0; c < w.size(); ++c) w(c) = std::clamp(w(c), minTrim, maxTrim);
    r.trims.assign(w.data(), w.data() + w.size());
    r.rangePctAfter = 100 * rangeRatio(A, w);
    return r;
}

}  // namespace magtwin
