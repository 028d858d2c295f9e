// ScreenedCoulombScattering: classical elastic scattering of a sputtered atom on a gas
// atom through a screened-Coulomb interatomic potential,
//   V(r) = (Z1 Z2 e^2 / 4 pi eps0 r) phi(r / a),
// with the ZBL universal screening function and length (Ziegler, Biersack, Littmark,
// The Stopping and Range of Ions in Solids, Pergamon 1985, eqs. 2-70..2-72):
//   phi(x) = 0.1818 e^-3.2x + 0.5099 e^-0.9423x + 0.2802 e^-0.4029x + 0.02817 e^-0.2016x,
//   a_U = 0.8854 a_0 / (Z1^0.23 + Z2^0.23),  e^2/(4 pi eps0) = 14.39964 eV Angstrom.
// Centre-of-mass deflection angle from the classical scattering integral (Goldstein,
// Classical Mechanics, 3rd ed., eq. 3.96), with E the centre-of-mass energy:
//   chi(b, E) = pi - 2 b int_{r0}^inf dr / (r^2 sqrt(1 - V(r)/E - b^2/r^2)),
// evaluated with u = r0/r = 1 - w^2 (regular integrand) by 48-point Gauss-Legendre.
// Total cross-section: a screened potential deflects at every impact parameter, so
// collisions with chi < chiMin (default 0.1 rad; they transfer < 0.5 % of the energy)
// are neglected: sigma(E) = pi b_max(E)^2 with chi(b_max, E) = chiMin.
// Validity: classical (E >> hbar^2/(2 mu a^2) ~ meV for these masses) and purely
// repulsive: the van der Waals well of metal-Ar pairs (~10 meV) is ignored, so thermal
// collisions are only approximate. Tabulated over E = 1e-3..1e4 eV for sampling.
#pragma once

#include <vector>

namespace magtwin {

class ScreenedCoulombScattering {
public:
    enum class Screening { ZblUniversal, None /* bare Coulomb: Rutherford, for tests */ };
    ScreenedCoulombScattering(int z1, int z2, Screening s = Screening::ZblUniversal, double chiMin = 0.1);

    /// Potential energy (eV) at separation r (Angstrom).
    double potentialEv(double rAngstrom) const;
    /// CM deflection angle (rad) at impact parameter b (Angstrom), CM energy (eV), by quadrature.
    double deflection(double bAngstrom, double energyCmEv) const;
    /// Impact parameter where the deflection falls to chiMin (Angstrom), by bisection.
    double maxImpactParameter(double energyCmEv) const;
    /// Total cross-section pi b_max^2 (m^2), interpolated from the table.
    double crossSectionM2(double energyCmEv) const;
    /// CM deflection for a uniform random area fraction xi in [0, 1) (b = b_max sqrt(xi)),
    /// interpolated from the table.
    double sampleDeflection(double energyCmEv, double xi) const;

private:
    double distanceOfClosestApproach(double b, double E) const;
    int z1_, z2_;
    Screening screening_;
    double chiMin_, a_;  ///< screening length (Angstrom)
    // Table: log10(E) rows, NXI columns of xi = (b/b_max)^2.
    static constexpr int kE = 141, kXi = 65;
    double logE0_ = -3.0, dLogE_ = 0.05;
    std::vector<double> bMax_;   ///< per energy row (Angstrom)
    std::vector<double> chi_;    ///< kE x kXi
};

}  // namespace magtwin
