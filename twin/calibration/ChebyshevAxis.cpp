#include "twin/calibration/ChebyshevAxis.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace magtwin {

ChebyshevAxis::ChebyshevAxis(double uMax, int n) : uMax_(uMax) {
    if (!(uMax > 0.0) || n < 2) throw std::invalid_argument("Chebyshev axis: need uMax > 0 and at least 2 nodes");
    for (int j = 0; j < n; ++j) nodes_.push_back(uMax * 0.5 * (1.0 + std::cos(M_PI * j / (n - 1))));
}

void ChebyshevAxis::weights(double u, std::vector<double>& w, std::vector<double>& dw) const {
    const std::size_t n = nodes_.size(), m = n - 1;
    const double x = 2.0 * std::clamp(u, 0.0, uMax_) / uMax_ - 1.0;
    // T_k(x) and T_k'(x) = k U_{k-1}(x) by the three-term recurrences
    std::vector<double> t(n), dt(n);
    double tPrev = 1.0, tNow = x, uPrev = 0.0, uNow = 1.0;  // T_0, T_1, U_{-1}, U_0
    t[0] = 1.0, dt[0] = 0.0;
    if (n > 1) t[1] = x, dt[1] = 1.0;
    for (std::size_t k = 2; k < n; ++k) {
        const double tNext = 2.0 * x * tNow - tPrev, uNext = 2.0 * x * uNow - uPrev;
        tPrev = tNow, tNow = tNext, uPrev = uNow, uNow = uNext;
        t[k] = tNow, dt[k] = double(k) * uNow;
    }
    w.assign(n, 0.0);
    dw.assign(n, 0.0);
    for (std::size_t j = 0; j < n; ++j) {
        const double ej = (j == 0 || j == m) ? 0.5 : 1.0;
        for (std::size_t k = 0; k < n; ++k) {
            const double ek = (k == 0 || k == m) ? 0.5 : 1.0;
            const double a = 2.0 / double(m) * ej * ek * std::cos(M_PI * double(j * k) / double(m));
            w[j] += a * t[k];
            dw[j] += a * dt[k] * 2.0 / uMax_;  // dx/du = 2 / uMax
        }
    }
}

double ChebyshevAxis::interpolate(const std::vector<double>& f, double u) const {
    std::vector<double> w, dw;
    weights(u, w, dw);
    double sum = 0.0;
    for (std::size_t j = 0; j < f.size() && j < w.size(); ++j) sum += w[j] * f[j];
    return sum;
}

double ChebyshevAxis::interpolatePositive(const std::vector<double>& f, double u) const {
    std::vector<double> w, dw;
    weights(u, w, dw);
    double v = 0.0, d = 0.0;
    PositiveTable(f).evaluate(w, dw, v, d);
    return v;
}

PositiveTable::PositiveTable(const std::vector<double>& v) : values(v) {
    for (double x : v) {
        if (!(x > 0.0)) {
            logs.clear();
            return;
        }
        logs.push_back(std::log(x));
    }
}

void PositiveTable::evaluate(const std::vector<double>& w, const std::vector<double>& dw, double& value,
                             double& derivative) const {
    value = derivative = 0.0;
    const std::vector<double>& f = logs.empty() ? values : logs;
    for (std::size_t j = 0; j < f.size() && j < w.size(); ++j) value += w[j] * f[j], derivative += dw[j] * f[j];
    if (!logs.empty()) {
        value = std::exp(value);
        derivative *= value;
    }
}

}  // namespace magtwin
