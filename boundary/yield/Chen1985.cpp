#include "boundary/yield/Chen1985.hpp"

#include "boundary/yield/NuclearStopping.hpp"
#include "boundary/yield/Sigmund1969.hpp"

#include <cmath>

namespace magtwin {

Chen1985::Chen1985(const Element& ion, const Element& target)
    : YieldModel(ion, target),
      alpha_(sigmundAlpha(target.massAmu / ion.massAmu)),
      surfaceBindingEv_(target.requireSurfaceBindingEv()),
      gamma_(stopping::energyTransferFactor(ion.massAmu, target.massAmu)),
      thresholdEv_(surfaceBindingEv_ * std::exp(gamma_) / gamma_) {}

std::string Chen1985::citation() const {
    return "Chen Guoliang, Modification of Sigmund equation for sputtering yields, Shanghai Institute of "
           "Metallurgy (1985), eqs. 1, 5, 26, 30-32";
}

double Chen1985::yield(double energyEv) const {
    if (energyEv <= thresholdEv_) return 0.0;
    const double Sn =
        stopping::nuclearStoppingCrossSection(energyEv, ion().Z, ion().massAmu, target().Z, target().massAmu);
    const double sigmund = 0.042 * alpha_ * Sn / surfaceBindingEv_;
    const double beta = gamma_ * std::exp(-gamma_);
    const double g = 1.0 - std::sqrt(thresholdEv_ / energyEv);
    return sigmund * beta * g;
}

std::vector<ModelParameter> Chen1985::parameters() const {
    return {
        {"alpha", alpha_, "1"}, {"U_s", surfaceBindingEv_, "eV"}, {"gamma", gamma_, "1"}, {"E_th", thresholdEv_, "eV"}};
}

}  // namespace magtwin
