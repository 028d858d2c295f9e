#include "boundary/yield/AngularFactor.hpp"

#include "boundary/yield/NuclearStopping.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace magtwin {

namespace {
constexpr double kDeg = M_PI / 180.0;
constexpr double kMaxF = 15.0;
}  // namespace

YamamuraAngular1983::YamamuraAngular1983(const Element& ion, const Element& target) {
    if (ion.massAmu < 10.0)
        throw std::invalid_argument("angular model yamamura1983 (heavy-ion form) is not valid for projectile " +
                                    ion.symbol + " (mass < 10 amu); use angular model 'none'");
    const double M1 = ion.massAmu, M2 = target.massAmu;
    const double Us = target.requireSurfaceBindingEv();
    fs_ = std::sqrt(Us) * (0.94 - 1.33e-3 * M2 / M1);
    const double gamma = stopping::energyTransferFactor(M1, M2);
    const double h = M1 < M2 ? 0.834 : 0.18;
    const double q = 1.0 + 1.38 * std::pow(M1 / M2, h);
    thresholdEv_ = 1.5 * Us / gamma * q * q;
    const double zsum =
        std::pow(static_cast<double>(ion.Z), 2.0 / 3.0) + std::pow(static_cast<double>(target.Z), 2.0 / 3.0);
    const double a = 0.4685 / std::sqrt(zsum);
    const double R0 = target.meanAtomicSpacingAngstrom();
    psiPrefactor_ = std::pow(a / R0, 1.5) * std::sqrt(ion.Z * target.Z / std::sqrt(zsum));
}

double YamamuraAngular1983::exponentF(double energyEv) const {
    if (energyEv <= thresholdEv_) return kMaxF;
    const double xi = 1.0 - std::sqrt(thresholdEv_ / energyEv);
    return std::min(kMaxF, fs_ * (1.0 + 2.5 * (1.0 - xi) / xi));
}

double YamamuraAngular1983::optimumAngle(double energyEv) const {
    const double psi = psiPrefactor_ / std::sqrt(energyEv);
    return (90.0 - 286.0 * std::pow(psi, 0.45)) * kDeg;
}

double YamamuraAngular1983::factor(double energyEv, double thetaRad) const {
    if (thetaRad <= 0.0) return 1.0;
    if (thetaRad >= 0.5 * M_PI) return 0.0;
    const double f = exponentF(energyEv);
    const double sigma = f * std::cos(optimumAngle(energyEv));
    const double t = 1.0 / std::cos(thetaRad);
    return std::pow(t, f) * std::exp(-sigma * (t - 1.0));
}

std::vector<std::string> angularFactorNames() { return {"none", "yamamura1983"}; }

std::unique_ptr<AngularFactor> makeAngularFactor(const std::string& name, const Element& ion, const Element& target) {
    if (name == "none") return std::make_unique<NoAngularFactor>();
    if (name == "yamamura1983") return std::make_unique<YamamuraAngular1983>(ion, target);
    throw std::invalid_argument("unknown angular model '" + name + "'; valid: none, yamamura1983");
}

}  // namespace magtwin
