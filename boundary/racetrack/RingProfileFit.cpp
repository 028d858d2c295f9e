#include "boundary/racetrack/RingProfileFit.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace magtwin {

namespace {

using Point = std::array<double, 3>;  // a, ln sigma_in, ln sigma_out

/// Model shape (peak 1) at the data radii, or empty if the parameters are not a valid ring.
/// For a static ring RacetrackFlux gives Gamma(r) = (I_ion/e) / A_loop * g(r - a), so the
/// normalised shape is the profile itself (building a RacetrackFlux per simplex point would
/// only recompute the constant A_loop).
std::vector<double> modelShape(const Point& p, const std::vector<double>& r, double targetRadius) {
    const double sIn = std::exp(p[1]), sOut = std::exp(p[2]);
    if (!(p[0] > 0.0) || p[0] > targetRadius || !std::isfinite(sIn) || !std::isfinite(sOut) || sIn <= 0 || sOut <= 0)
        return {};
    std::vector<double> m(r.size());
    for (std::size_t i = 0; i < r.size(); ++i) {
        const double u = (r[i] - p[0]) / (r[i] < p[0] ? sIn : sOut);
        m[i] = std::exp(-0.5 * u * u);
    }
    return m;
}

/// Sum of squared residuals with the best amplitude A = <m, d> / <m, m>.
double cost(const Point& p, const std::vector<double>& r, const std::vector<double>& d, double R, double* amp) {
    const auto m = modelShape(p, r, R);
    if (m.empty()) return std::numeric_limits<double>::infinity();
    double md = 0.0, mm = 0.0;
    for (std::size_t i = 0; i < m.size(); ++i) {
        md += m[i] * d[i];
        mm += m[i] * m[i];
    }
    const double A = mm > 0 ? md / mm : 0.0;
    double s = 0.0;
    for (std::size_t i = 0; i < m.size(); ++i) s += (A * m[i] - d[i]) * (A * m[i] - d[i]);
    if (amp) *amp = A;
    return s;
}

}  // namespace

RingProfileFit fitRingProfile(const std::vector<double>& r, const std::vector<double>& d, double targetRadiusM) {
    if (r.size() != d.size() || r.size() < 5) throw std::invalid_argument("ring profile fit: need >= 5 points");
    const std::size_t k = static_cast<std::size_t>(std::max_element(d.begin(), d.end()) - d.begin());
    const double peak = d[k];
    if (!(peak > 0.0)) throw std::invalid_argument("ring profile fit: no positive depth");
    RingProfileFit fit;
    fit.measuredPeakRadiusM = r[k];
    if (k > 0 && k + 1 < r.size()) {  // vertex of the parabola through the three top points
        const double den = d[k - 1] - 2 * d[k] + d[k + 1];
        if (den < 0) fit.measuredPeakRadiusM = r[k] + 0.5 * (d[k - 1] - d[k + 1]) / den * (r[k + 1] - r[k]);
    }
    // Start: the measured peak and the half-maximum widths on each side.
    double inner = r[k] - r.front(), outer = r.back() - r[k];
    for (std::size_t i = k; i > 0; --i)
        if (d[i - 1] < 0.5 * peak) {
            inner = r[k] - r[i - 1];
            break;
        }
    for (std::size_t i = k; i + 1 < r.size(); ++i)
        if (d[i + 1] < 0.5 * peak) {
            outer = r[i + 1] - r[k];
            break;
        }
    const double toSigma = 1.0 / std::sqrt(2.0 * std::log(2.0));  // half width at half max -> sigma
    std::array<Point, 4> simplex;
    simplex[0] = {r[k], std::log(inner * toSigma), std::log(outer * toSigma)};
    simplex[1] = {r[k] + 0.5e-3, simplex[0][1], simplex[0][2]};
    simplex[2] = {r[k], simplex[0][1] + 0.2, simplex[0][2]};
    simplex[3] = {r[k], simplex[0][1], simplex[0][2] + 0.2};
    std::array<double, 4> f;
    for (int i = 0; i < 4; ++i) f[i] = cost(simplex[i], r, d, targetRadiusM, nullptr);

    // Nelder-Mead with the standard coefficients (reflection 1, expansion 2, contraction
    // 1/2, shrink 1/2); stops when the simplex costs agree to 1e-14 relative.
    for (fit.iterations = 0; fit.iterations < 2000; ++fit.iterations) {
        std::array<int, 4> idx{0, 1, 2, 3};
        std::sort(idx.begin(), idx.end(), [&](int a, int b) { return f[a] < f[b]; });
        const int best = idx[0], worst = idx[3], second = idx[2];
        if (std::abs(f[worst] - f[best]) <= 1e-14 * std::abs(f[best]) + 1e-30) break;
        Point c{0, 0, 0};
        for (int i : {idx[0], idx[1], idx[2]})
            for (int j = 0; j < 3; ++j) c[j] += simplex[i][j] / 3.0;
        auto along = [&](double t) {
            Point p;
            for (int j = 0; j < 3; ++j) p[j] = c[j] + t * (simplex[worst][j] - c[j]);
            return p;
        };
        const Point xr = along(-1.0);
        const double fr = cost(xr, r, d, targetRadiusM, nullptr);
        if (fr < f[best]) {
            const Point xe = along(-2.0);
            const double fe = cost(xe, r, d, targetRadiusM, nullptr);
            simplex[worst] = fe < fr ? xe : xr;
            f[worst] = std::min(fe, fr);
        } else if (fr < f[second]) {
            simplex[worst] = xr;
            f[worst] = fr;
        } else {
            const Point xc = fr < f[worst] ? along(-0.5) : along(0.5);
            const double fc = cost(xc, r, d, targetRadiusM, nullptr);
            if (fc < std::min(fr, f[worst])) {
                simplex[worst] = xc;
                f[worst] = fc;
            } else {
                for (int i : {idx[1], idx[2], idx[3]}) {
                    for (int j = 0; j < 3; ++j)
                        simplex[i][j] = simplex[best][j] + 0.5 * (simplex[i][j] - simplex[best][j]);
                    f[i] = cost(simplex[i], r, d, targetRadiusM, nullptr);
                }
            }
        }
    }
    const int best = static_cast<int>(std::min_element(f.begin(), f.end()) - f.begin());
    const Point& p = simplex[best];
    cost(p, r, d, targetRadiusM, &fit.amplitude);
    fit.ringRadiusM = p[0];
    fit.sigmaInnerM = std::exp(p[1]);
    fit.sigmaOuterM = std::exp(p[2]);
    fit.fittedPeakRadiusM = p[0];
    const auto m = modelShape(p, r, targetRadiusM);
    double ss = 0.0;
    for (std::size_t i = 0; i < m.size(); ++i) {
        const double e = fit.amplitude * m[i] - d[i];
        ss += e * e;
        fit.maxError = std::max(fit.maxError, std::abs(e) / peak);
    }
    fit.rmsError = std::sqrt(ss / m.size()) / peak;
    return fit;
}

}  // namespace magtwin
