// sigmund1969: linear-cascade sputtering yield at normal incidence.
//
//   Y_S(E) = 0.042 * alpha(M) * S_n(E) / U_s                       (Chen 1985 eq. 1)
//   alpha(M) = 0.10 + 0.20 M   (M = M2/M1 <= 1),   0.30 M^(2/3)   (M >= 1)   (eqs. 17-18)
//   S_n(E): Thomas-Fermi nuclear stopping (NuclearStopping.hpp, eq. 13).
//
// Source: P. Sigmund, Phys. Rev. 184 (1969) 383, doi:10.1103/PhysRev.184.383, in the
// form and with the alpha fit of Chen Guoliang, "Modification of Sigmund equation for
// sputtering yields" (1985). Validity: keV energies, heavy ions; it has no threshold
// and overestimates yields at a few hundred eV by a factor 2 to 25 (Chen 1985).
#pragma once

#include "boundary/yield/YieldModel.hpp"

namespace magtwin {

/// Chen's fit of Sigmund's alpha(M2/M1), continuous with continuous slope at M = 1.
double sigmundAlpha(double massRatioM2overM1);

class Sigmund1969 : public YieldModel {
public:
    Sigmund1969(const Element& ion, const Element& target);
    std::string name() const override { return "sigmund1969"; }
    std::string citation() const override;
    double yield(double energyEv) const override;
    std::optional<double> thresholdEv() const override { return std::nullopt; }
    std::vector<ModelParameter> parameters() const override;

private:
    double alpha_;
    double surfaceBindingEv_;
};

}  // namespace magtwin
