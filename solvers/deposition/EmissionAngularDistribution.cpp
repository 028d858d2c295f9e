#include "solvers/deposition/EmissionAngularDistribution.hpp"

#include <cmath>
#include <sstream>
#include <stdexcept>

namespace magtwin {

namespace {

class Cosine final : public EmissionAngularDistribution {
public:
    double perSteradian(double c) const override { return c > 0.0 ? c / M_PI : 0.0; }
    std::string name() const override { return "cosine"; }
    std::string parameters() const override { return ""; }
    std::unique_ptr<EmissionAngularDistribution> clone() const override { return std::make_unique<Cosine>(*this); }
};

class CosN final : public EmissionAngularDistribution {
public:
    explicit CosN(double n) : n_(n) {
        if (!(n > 0.0)) throw std::invalid_argument("angular distribution cosn: exponent n must be > 0");
    }
    double perSteradian(double c) const override { return c > 0.0 ? (n_ + 1.0) / (2.0 * M_PI) * std::pow(c, n_) : 0.0; }
    std::string name() const override { return "cosn"; }
    std::string parameters() const override {
        std::ostringstream o;
        o << "n=" << n_;
        return o.str();
    }
    std::unique_ptr<EmissionAngularDistribution> clone() const override { return std::make_unique<CosN>(*this); }

private:
    double n_;
};

/// Yamamura 1981 gamma(theta), with its series near theta = 0 where the closed form cancels.
double yamamuraGamma(double cosT) {
    const double s2 = std::max(0.0, 1.0 - cosT * cosT);
    const double s = std::sqrt(s2);
    if (s < 1e-4) return 16.0 / 3.0;  // limit at the normal; the O(s^2) correction is < 1e-7 here
    if (s >= 1.0 - 1e-15) return 2.0;
    return (3.0 * s2 - 1.0) / s2 + cosT * cosT * (3.0 * s2 + 1.0) / (2.0 * s2 * s) * std::log((1.0 + s) / (1.0 - s));
}

class Yamamura1981 final : public EmissionAngularDistribution {
public:
    Yamamura1981(double energyEv, double thresholdEv) : E_(energyEv), Eth_(thresholdEv) {
        if (!(thresholdEv > 0.0) || !(energyEv > 16.0 / 9.0 * thresholdEv))
            throw std::invalid_argument(
                "angular distribution yamamura1981: needs ion energy E > (16/9) E_th > 0 (got E = " +
                std::to_string(energyEv) + " eV, E_th = " + std::to_string(thresholdEv) + " eV)");
        a_ = 0.25 * std::sqrt(Eth_ / E_);
        // Normalise: 2 pi int_0^1 shape(mu) dmu = 1 (composite Simpson in mu = cos theta).
        const int n = 20000;
        double sum = 0.0;
        for (int i = 0; i <= n; ++i) {
            const double mu = double(i) / n;
            const double w = (i == 0 || i == n) ? 1.0 : (i % 2 ? 4.0 : 2.0);
            sum += w * shape(mu);
        }
        norm_ = 1.0 / (2.0 * M_PI * sum / (3.0 * n));
    }
    double perSteradian(double c) const override { return c > 0.0 ? norm_ * shape(c) : 0.0; }
    std::string name() const override { return "yamamura1981"; }
    std::string parameters() const override {
        std::ostringstream o;
        o << "ion_energy_eV=" << E_ << ", threshold_eV=" << Eth_;
        return o.str();
    }
    std::unique_ptr<EmissionAngularDistribution> clone() const override {
        return std::make_unique<Yamamura1981>(*this);
    }

private:
    double shape(double c) const { return c * (1.0 - a_ * yamamuraGamma(c)); }
    double E_, Eth_, a_ = 0.0, norm_ = 1.0;
};

}  // namespace

std::vector<std::string> angularDistributionNames() { return {"cosine", "cosn", "yamamura1981"}; }

std::unique_ptr<EmissionAngularDistribution> makeAngularDistribution(const std::string& name,
                                                                     const AngularDistributionParams& p) {
    if (name == "cosine") return std::make_unique<Cosine>();
    if (name == "cosn") return std::make_unique<CosN>(p.cosExponent);
    if (name == "yamamura1981") return std::make_unique<Yamamura1981>(p.ionEnergyEv, p.thresholdEv);
    std::string valid;
    for (const auto& n : angularDistributionNames()) valid += (valid.empty() ? "" : ", ") + n;
    throw std::invalid_argument("unknown angular distribution '" + name + "'; valid: " + valid);
}

}  // namespace magtwin
