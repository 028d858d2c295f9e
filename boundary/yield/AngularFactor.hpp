// AngularFactor: Y(E, theta) / Y(E, 0) for oblique ion incidence (theta from the
// surface normal). Eroded groove walls are hit obliquely, so erosion needs it.
//
// Models, by registry name:
//  - "none": 1 at every angle.
//  - "yamamura1983": Y. Yamamura, Y. Itikawa, N. Itoh, "Angular dependence of sputtering
//    yields of monatomic solids", IPPJ-AM-26, Institute of Plasma Physics, Nagoya (1983),
//    heavy-ion form:
//        Y(theta)/Y(0) = t^f exp(-Sigma (t - 1)),   t = 1/cos(theta),  Sigma = f cos(theta_opt)
//        f     = f_s (1 + 2.5 (1 - xi)/xi),  xi = 1 - sqrt(E_th/E),  f_s = sqrt(U_s)(0.94 - 1.33e-3 M2/M1)
//        theta_opt = 90 deg - 286 deg * psi^0.45,
//        psi   = (a/R0)^(3/2) sqrt(Z1 Z2 / sqrt(Z1^(2/3)+Z2^(2/3)) / E[eV]),
//        a     = 0.4685 / sqrt(Z1^(2/3)+Z2^(2/3)) A,  R0 = n^(-1/3) (mean atomic spacing, A),
//        E_th  = 1.5 U_s / gamma (1 + 1.38 (M1/M2)^h)^2,  h = 0.834 (M1 < M2) else 0.18.
//    f is capped at 15 (near threshold xi -> 0 and f diverges; the report's curves stop there).
//    Validity: ions heavier than the target's lightest neighbours (Ne, Ar, Kr, Xe, N, O on
//    metals); for H and He the report gives a separate light-ion form, not implemented,
//    so this model refuses projectiles lighter than 10 amu.
#pragma once

#include "boundary/elements/Element.hpp"

#include <memory>
#include <string>
#include <vector>

namespace magtwin {

class AngularFactor {
public:
    virtual ~AngularFactor() = default;
    virtual std::string name() const = 0;
    /// Ratio Y(E, theta)/Y(E, 0); theta in radians, 0 <= theta < pi/2.
    virtual double factor(double energyEv, double thetaRad) const = 0;
};

class NoAngularFactor : public AngularFactor {
public:
    std::string name() const override { return "none"; }
    double factor(double, double) const override { return 1.0; }
};

class YamamuraAngular1983 : public AngularFactor {
public:
    YamamuraAngular1983(const Element& ion, const Element& target);
    std::string name() const override { return "yamamura1983"; }
    double factor(double energyEv, double thetaRad) const override;
    /// Angle of maximum yield (radians) at this energy.
    double optimumAngle(double energyEv) const;
    double exponentF(double energyEv) const;
    double thresholdEv() const { return thresholdEv_; }

private:
    double fs_;
    double thresholdEv_;
    double psiPrefactor_;  ///< psi * sqrt(E)
};

/// Names accepted by makeAngularFactor.
std::vector<std::string> angularFactorNames();
/// Throws std::invalid_argument listing the valid names when `name` is unknown.
std::unique_ptr<AngularFactor> makeAngularFactor(const std::string& name, const Element& ion, const Element& target);

}  // namespace magtwin
