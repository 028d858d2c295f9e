#include "boundary/yield/Sigmund1969.hpp"

#include "boundary/yield/NuclearStopping.hpp"

#include <cmath>

namespace magtwin {

double sigmundAlpha(double M) { return M <= 1.0 ? 0.10 + 0.20 * M : 0.30 * std::pow(M, 2.0 / 3.0); }

Sigmund1969::Sigmund1969(const Element& ion, const Element& target)
    : YieldModel(ion, target),
      alpha_(sigmundAlpha(target.massAmu / ion.massAmu)),
      surfaceBindingEv_(target.requireSurfaceBindingEv()) {}

std::string Sigmund1969::citation() const {
    return "P. Sigmund, Phys. Rev. 184 (1969) 383, doi:10.1103/PhysRev.184.383; alpha fit and "
           "Thomas-Fermi S_n as in Chen Guoliang (1985), eqs. 1, 13-18";
}

double Sigmund1969::yield(double energyEv) const {
    if (energyEv <= 0.0) return 0.0;
    const double Sn =
        stopping::nuclearStoppingCrossSection(energyEv, ion().Z, ion().massAmu, target().Z, target().massAmu);
    return 0.042 * alpha_ * Sn / surfaceBindingEv_;
}

std::vector<ModelParameter> Sigmund1969::parameters() const {
    return {{"alpha", alpha_, "1"}, {"U_s", surfaceBindingEv_, "eV"}};
}

}  // namespace magtwin
