// yamamura1996: Yamamura & Tawara's empirical formula, normal incidence.
//
//   Y(E) = 0.042 Q alpha* / U_s * S_n(E) / (1 + Gamma k_e eps^0.3) * [1 - sqrt(E_th/E)]^s   (eq. 15)
//   Gamma   = W / (1 + (M1/7)^3)                                                         (eq. 16)
//   alpha*  = 0.249 (M2/M1)^0.56 + 0.0035 (M2/M1)^1.5     for M1 <= M2                   (eq. 17)
//           = 0.0875 (M2/M1)^-0.15 + 0.165 (M2/M1)          for M1 >= M2
//   E_th/U_s = (1 + 5.7 M1/M2) / gamma  for M1 <= M2;   6.7 / gamma  for M1 >= M2        (eq. 18)
//   k_e = 0.079 (M1+M2)^(3/2) / (M1^(3/2) M2^(1/2)) Z1^(2/3) Z2^(1/2) / (Z1^(2/3)+Z2^(2/3))^(3/4)
//                                                        (Lindhard electronic stopping, eq. 20)
//   S_n(E) = 84.78 Z1 Z2 / sqrt(Z1^(2/3)+Z2^(2/3)) * M1/(M1+M2) * s_n^TF(eps)  eV*A^2      (eq. 21)
//   eps from eq. (22), s_n^TF Matsunami's fit eq. (4) (NuclearStopping.hpp).
// Q, W, s: Table I of the paper (elements.csv); outside the table, Y&T's recommended
// Q = 1, s = 2.5, W = 0.35 U_s.
//
// Source: Y. Yamamura, H. Tawara, At. Data Nucl. Data Tables 62 (1996) 149-253,
// doi:10.1006/adnd.1996.0005 (erratum 63 (1996) 353). Validity: monatomic solids,
// normal incidence, from threshold to ~100 keV, all ions.
#pragma once

#include "boundary/yield/YieldModel.hpp"

namespace magtwin {

class YamamuraTawara1996 : public YieldModel {
public:
    YamamuraTawara1996(const Element& ion, const Element& target);
    std::string name() const override { return "yamamura1996"; }
    std::string citation() const override;
    double yield(double energyEv) const override;
    std::optional<double> thresholdEv() const override { return thresholdEv_; }
    std::vector<ModelParameter> parameters() const override;

    /// Eq. (18) threshold, exposed for the angular factor.
    static double threshold(double M1, double M2, double surfaceBindingEv);

private:
    double Q_, W_, s_;
    double surfaceBindingEv_;
    double alphaStar_;
    double thresholdEv_;
    double capitalGamma_;
    double ke_;
};

}  // namespace magtwin
