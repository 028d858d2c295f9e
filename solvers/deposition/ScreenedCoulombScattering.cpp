#include "solvers/deposition/ScreenedCoulombScattering.hpp"

#include "boundary/util/GaussLegendre.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <tuple>

namespace magtwin {

namespace {

constexpr double kCoulombEvAngstrom = 14.399645;  // e^2/(4 pi eps0), CODATA 2018
constexpr double kBohrAngstrom = 0.529177;        // a_0

/// 48-point Gauss-Legendre rule on [0, 1] (util/GaussLegendre), computed once.
constexpr int kDeflectionNodes = 48;
const QuadratureRule& gauss() {
    static const QuadratureRule g = gaussLegendre(kDeflectionNodes, 0.0, 1.0);
    return g;
}

}  // namespace

ScreenedCoulombScattering::ScreenedCoulombScattering(int z1, int z2, Screening s, double chiMin)
    : z1_(z1), z2_(z2), screening_(s), chiMin_(chiMin) {
    if (z1 < 1 || z2 < 1 || !(chiMin > 0 && chiMin < 1)) throw std::invalid_argument("scattering: bad Z or chiMin");
    a_ = 0.8854 * kBohrAngstrom / (std::pow(z1, 0.23) + std::pow(z2, 0.23));
    sigma_.resize(kE);
    cosChi_.resize(std::size_t(kE) * kXi);
    for (int i = 0; i < kE; ++i) {
        const double E = energyAtOctaveCoordinate(kU0 + double(i) / kRowsPerOctave);
        const double bMax = maxImpactParameter(E);
        sigma_[std::size_t(i)] = M_PI * bMax * bMax * 1e-20;
        for (int j = 0; j < kXi; ++j) {
            const double xi = double(j) / (kXi - 1);
            cosChi_[std::size_t(i) * kXi + std::size_t(j)] = std::cos(deflection(bMax * std::sqrt(xi), E));
        }
    }
}

double ScreenedCoulombScattering::energyAtOctaveCoordinate(double u) {
    const double e = std::floor(u);
    return std::ldexp(1 + (u - e), int(e));
}

const ScreenedCoulombScattering& scatteringTableFor(int z1, int z2, double chiMin) {
    static std::mutex mutex;
    static std::map<std::tuple<int, int, double>, std::unique_ptr<ScreenedCoulombScattering>> tables;
    const std::lock_guard<std::mutex> lock(mutex);
    auto& t = tables[std::make_tuple(z1, z2, chiMin)];
    if (!t)
        t = std::make_unique<ScreenedCoulombScattering>(z1, z2, ScreenedCoulombScattering::Screening::ZblUniversal,
                                                        chiMin);
    return *t;
}

double ScreenedCoulombScattering::potentialEv(double r) const {
    double phi = 1.0;
    if (screening_ == Screening::ZblUniversal) {
        const double x = r / a_;
        phi = 0.1818 * std::exp(-3.2 * x) + 0.5099 * std::exp(-0.9423 * x) + 0.2802 * std::exp(-0.4029 * x) +
              0.02817 * std::exp(-0.2016 * x);
    }
    return z1_ * z2_ * kCoulombEvAngstrom / r * phi;
}

double ScreenedCoulombScattering::distanceOfClosestApproach(double b, double E) const {
    // F(r) = 1 - V/E - b^2/r^2 rises monotonically through 0 for a repulsive potential.
    auto F = [&](double r) { return 1 - potentialEv(r) / E - b * b / (r * r); };
    double hi = std::max(b, 1e-6) + 1.0;
    while (F(hi) <= 0) hi *= 2;
    double lo = 1e-8;
    for (int it = 0; it < 200 && hi - lo > 1e-13 * hi; ++it) {
        const double mid = 0.5 * (lo + hi);
        (F(mid) > 0 ? hi : lo) = mid;
    }
    return hi;
}

double ScreenedCoulombScattering::deflection(double b, double E) const {
    if (b <= 0) return M_PI;
    const double r0 = distanceOfClosestApproach(b, E);
    const auto& g = gauss();
    double I = 0;
    for (int k = 0; k < kDeflectionNodes; ++k) {
        const double w = g.x[std::size_t(k)], u = 1 - w * w, r = r0 / u;
        const double F = 1 - potentialEv(r) / E - b * b / (r * r);
        if (F > 0) I += g.w[std::size_t(k)] * 2 * w / std::sqrt(F);
    }
    return M_PI - 2 * (b / r0) * I;  // int dr/(r^2 sqrt F) = (1/r0) int du/sqrt F
}

double ScreenedCoulombScattering::maxImpactParameter(double E) const {
    double lo = 0, hi = a_;
    while (deflection(hi, E) > chiMin_) hi *= 2;
    for (int it = 0; it < 80; ++it) {
        const double mid = 0.5 * (lo + hi);
        (deflection(mid, E) > chiMin_ ? lo : hi) = mid;
    }
    return 0.5 * (lo + hi);
}

double ScreenedCoulombScattering::sampleDeflection(double E, double xi) const {
    return std::acos(std::clamp(sampleCosDeflection(locate(E), std::clamp(xi, 0.0, 1.0)), -1.0, 1.0));
}

}  // namespace magtwin
