// EmissionAngularDistribution: how sputtered atoms leave a surface element, as a
// probability density per steradian over the outer hemisphere,
//   p(theta) with  integral_hemisphere p(theta) dOmega = 1,
// theta measured from the local outward surface normal. Picked by name (same name in
// YAML configs, code and docs); an unknown name lists the valid ones.
//
// Styles:
//  - "cosine":  p = cos(theta) / pi  (Knudsen/Lambert law; the textbook emission of
//               sputtered atoms for ion energies well above threshold, e.g.
//               Behrisch & Eckstein (eds.), Sputtering by Particle Bombardment, Springer 2007).
//  - "cosn":    p = (n + 1) / (2 pi) cos^n(theta), n > 0: n < 1 over-cosine (heart-shaped
//               lobes flattened), n > 1 forward-peaked. Empirical fit form widely used
//               for magnetron emission (e.g. SIMTRA: Van Aeken, Mahieu, Depla,
//               J. Phys. D 41 (2008) 205307, doi:10.1088/0022-3727/41/20/205307).
//  - "yamamura1981": energy-dependent under-cosine law for normal ion incidence,
//               p ∝ cos(theta) [1 - (1/4) sqrt(E_th/E) gamma(theta)],
//               gamma(theta) = (3 sin^2 t - 1)/sin^2 t
//                              + cos^2 t (3 sin^2 t + 1)/(2 sin^3 t) ln[(1 + sin t)/(1 - sin t)],
//               Y. Yamamura, Radiation Effects 55 (1981) 49, "Contribution of anisotropic
//               velocity distribution of recoil atoms to sputtering yields and angular
//               distributions of sputtered atoms". gamma(0) = 16/3, gamma(pi/2) = 2, so the
//               lobe is flattened along the normal at low ion energy E and tends to the
//               cosine for E >> E_th. Valid for E > (16/9) E_th (else p < 0 at the normal);
//               normalised here by numerical quadrature (relative error < 1e-10).
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace magtwin {

class EmissionAngularDistribution {
public:
    virtual ~EmissionAngularDistribution() = default;
    /// Emitted fraction per steradian at cos(theta) (0 for cosTheta <= 0).
    virtual double perSteradian(double cosTheta) const = 0;
    virtual std::string name() const = 0;
    /// The parameters, as "key=value" text, so a run can write back what it used.
    virtual std::string parameters() const = 0;
    virtual std::unique_ptr<EmissionAngularDistribution> clone() const = 0;
};

/// Parameters a style may need (ignored by styles that do not use them).
struct AngularDistributionParams {
    double cosExponent = 1.0;  ///< "cosn": n
    double ionEnergyEv = 0.0;  ///< "yamamura1981": E (eV)
    double thresholdEv = 0.0;  ///< "yamamura1981": E_th (eV)
};

/// Throws std::invalid_argument for an unknown name (listing the valid ones) or bad parameters.
std::unique_ptr<EmissionAngularDistribution> makeAngularDistribution(const std::string& name,
                                                                     const AngularDistributionParams& p = {});
std::vector<std::string> angularDistributionNames();

}  // namespace magtwin
