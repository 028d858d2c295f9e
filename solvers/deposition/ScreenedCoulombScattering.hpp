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
// collisions are only approximate.
// Tabulation (once per atom/gas pair and chiMin: scatteringTableFor() caches it): rows
// in the octave coordinate u(E) = e + (m - 1) for E = m 2^e, m in [1, 2) (a piecewise-
// linear log2 read from the bits of E, no log call), 8 rows per octave over
// E = 2^-10..2^14 eV (1e-3..1.6e4 eV); per row sigma(E) and cos chi at 65 area fractions
// xi = (b/b_max)^2 (cos chi is smooth in xi near head-on collisions, chi is not: chi ~
// pi - c sqrt(xi)). Linear interpolation in (u, xi); the table-vs-quadrature error is
// bounded in the test (ScreenedCoulomb.TableAgreesWithQuadrature).
#pragma once

#include <cstdint>
#include <cstring>
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
    double crossSectionM2(double energyCmEv) const { return crossSectionM2(locate(energyCmEv)); }
    /// CM deflection for a uniform random area fraction xi in [0, 1) (b = b_max sqrt(xi)),
    /// interpolated from the table (acos of the tabulated cos chi).
    double sampleDeflection(double energyCmEv, double xi) const;

    /// A table position (row and fraction), found once per collision and shared by the
    /// cross-section and the deflection lookups.
    struct Row {
        int i;
        double f;
    };
    Row locate(double energyCmEv) const {
        double t = (octaveCoordinate(energyCmEv) - kU0) * kRowsPerOctave;
        t = t < 0 ? 0 : (t > kE - 1 - 1e-9 ? kE - 1 - 1e-9 : t);
        const int i = int(t);
        return {i, t - i};
    }
    double crossSectionM2(Row r) const {
        return (1 - r.f) * sigma_[std::size_t(r.i)] + r.f * sigma_[std::size_t(r.i) + 1];
    }
    /// cos chi for a uniform area fraction xi in [0, 1).
    double sampleCosDeflection(Row r, double xi) const {
        const double s = xi * (kXi - 1);
        const int j = s < kXi - 2 ? int(s) : kXi - 2;
        const double g = s - j;
        const double* a = &cosChi_[std::size_t(r.i) * kXi + std::size_t(j)];
        const double* b = a + kXi;
        return (1 - r.f) * ((1 - g) * a[0] + g * a[1]) + r.f * ((1 - g) * b[0] + g * b[1]);
    }
    /// u(E) = e + (m - 1) for E = m 2^e, m in [1, 2), E > 0 normal.
    static double octaveCoordinate(double E) {
        std::uint64_t bits;
        std::memcpy(&bits, &E, sizeof bits);
        const int e = int((bits >> 52) & 0x7FF) - 1023;
        bits = (bits & 0x000FFFFFFFFFFFFFULL) | 0x3FF0000000000000ULL;
        double m;
        std::memcpy(&m, &bits, sizeof m);
        return e + (m - 1);
    }
    /// Inverse of octaveCoordinate.
    static double energyAtOctaveCoordinate(double u);

    static constexpr int kRowsPerOctave = 8, kXi = 65;
    static constexpr double kU0 = -10.0;  ///< 2^-10 eV
    static constexpr int kE = 24 * kRowsPerOctave + 1;

private:
    double distanceOfClosestApproach(double b, double E) const;
    int z1_, z2_;
    Screening screening_;
    double chiMin_, a_;           ///< screening length (Angstrom)
    std::vector<double> sigma_;   ///< per energy row (m^2)
    std::vector<double> cosChi_;  ///< kE x kXi
};

/// The table for an atom/gas pair (ZBL screening), built on first use and kept for the
/// process (thread-safe); building costs ~0.3 s, a lookup a few ns.
const ScreenedCoulombScattering& scatteringTableFor(int z1, int z2, double chiMin);

}  // namespace magtwin
