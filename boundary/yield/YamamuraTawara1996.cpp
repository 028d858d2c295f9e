#include "boundary/yield/YamamuraTawara1996.hpp"

#include "boundary/yield/NuclearStopping.hpp"

#include <cmath>
#include <stdexcept>

namespace magtwin {

double YamamuraTawara1996::threshold(double M1, double M2, double Us) {
    const double gamma = stopping::energyTransferFactor(M1, M2);
    return M1 <= M2 ? Us * (1.0 + 5.7 * M1 / M2) / gamma : Us * 6.7 / gamma;
}

YamamuraTawara1996::YamamuraTawara1996(const Element& ion, const Element& target)
    : YieldModel(ion, target), surfaceBindingEv_(target.requireSurfaceBindingEv()) {
    if (target.yamamura.source == YamamuraParamSource::None)
        throw std::invalid_argument("yamamura1996 needs Q, W, s for target " + target.symbol +
                                    " (elements.csv column yt_params is empty)");
    Q_ = target.yamamura.Q;
    W_ = target.yamamura.W;
    s_ = target.yamamura.s;
    const double M1 = ion.massAmu, M2 = target.massAmu;
    const double r = M2 / M1;
    alphaStar_ =
        M1 <= M2 ? 0.249 * std::pow(r, 0.56) + 0.0035 * std::pow(r, 1.5) : 0.0875 * std::pow(r, -0.15) + 0.165 * r;
    thresholdEv_ = threshold(M1, M2, surfaceBindingEv_);
    capitalGamma_ = W_ / (1.0 + std::pow(M1 / 7.0, 3.0));
    const double z1 = std::pow(static_cast<double>(ion.Z), 2.0 / 3.0);
    const double z2 = std::pow(static_cast<double>(target.Z), 2.0 / 3.0);
    ke_ = 0.079 * std::pow(M1 + M2, 1.5) / (std::pow(M1, 1.5) * std::sqrt(M2)) * z1 *
          std::sqrt(static_cast<double>(target.Z)) / std::pow(z1 + z2, 0.75);
}

std::string YamamuraTawara1996::citation() const {
    return "Y. Yamamura, H. Tawara, At. Data Nucl. Data Tables 62 (1996) 149, doi:10.1006/adnd.1996.0005, "
           "eqs. 4, 15-22 and Table I";
}

double YamamuraTawara1996::yield(double energyEv) const {
    if (energyEv <= thresholdEv_) return 0.0;
    const int Z1 = ion().Z, Z2 = target().Z;
    const double M1 = ion().massAmu, M2 = target().massAmu;
    const double eps = stopping::yamamuraReducedEnergy(energyEv, Z1, M1, Z2, M2);
    const double zsum = std::pow(static_cast<double>(Z1), 2.0 / 3.0) + std::pow(static_cast<double>(Z2), 2.0 / 3.0);
    const double Sn = 84.78 * Z1 * Z2 / std::sqrt(zsum) * M1 / (M1 + M2) * stopping::matsunamiReducedStopping(eps);
    const double electronic = 1.0 + capitalGamma_ * ke_ * std::pow(eps, 0.3);
    const double lowEnergy = std::pow(1.0 - std::sqrt(thresholdEv_ / energyEv), s_);
    return 0.042 * Q_ * alphaStar_ / surfaceBindingEv_ * Sn / electronic * lowEnergy;
}

std::vector<ModelParameter> YamamuraTawara1996::parameters() const {
    return {{"Q", Q_, "1"},
            {"W", W_, "1"},
            {"s", s_, "1"},
            {"U_s", surfaceBindingEv_, "eV"},
            {"alpha_star", alphaStar_, "1"},
            {"E_th", thresholdEv_, "eV"},
            {"Gamma", capitalGamma_, "1"},
            {"k_e", ke_, "1"}};
}

}  // namespace magtwin
