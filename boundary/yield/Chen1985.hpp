// chen1985: Chen's modification of Sigmund's formula (the client's source model).
//
//   gamma = 4 M1 M2 / (M1 + M2)^2                                  (eq. 5)
//   E_th  = U_s exp(gamma) / gamma                                  (eq. 26)
//   Y(E)  = Y_S(E) * beta * g(E),  beta = gamma exp(-gamma),
//           g(E) = 1 - sqrt(E_th / E),   Y = 0 for E <= E_th        (eqs. 30-32)
// with Y_S Sigmund's eq. (1) (Sigmund1969.hpp). Note U_s / E_th = gamma exp(-gamma) = beta:
// "replace U_s by E_th in (1)" and "multiply by beta" are the same single factor, applied
// once; that reading reproduces the paper's Table 1 (Ar+ 600 eV) to <= 2.6 %, applying it
// twice would be ~2.7x low (tests/boundary/YieldTableTest).
//
// Source: Chen Guoliang, "Modification of Sigmund equation for sputtering yields",
// Shanghai Institute of Metallurgy (received 1984-12-19). g(E) is Matsunami's low-energy
// factor to the power 1, as in the paper. Claimed validity: |Y - Y_exp|/Y_exp <= 20 % for
// He+ and Ar+ at 300-1500 eV, normal incidence, polycrystalline monatomic targets.
#pragma once

#include "boundary/yield/YieldModel.hpp"

namespace magtwin {

class Chen1985 : public YieldModel {
public:
    Chen1985(const Element& ion, const Element& target);
    std::string name() const override { return "chen1985"; }
    std::string citation() const override;
    double yield(double energyEv) const override;
    std::optional<double> thresholdEv() const override { return thresholdEv_; }
    std::vector<ModelParameter> parameters() const override;

private:
    double alpha_;
    double surfaceBindingEv_;
    double gamma_;
    double thresholdEv_;
};

}  // namespace magtwin
