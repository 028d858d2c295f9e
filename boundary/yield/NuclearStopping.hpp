// Nuclear stopping: reduced energy, screening lengths and reduced stopping s_n(eps)
// for the Thomas-Fermi interaction, in the two forms the yield models use.
//
// Units follow the yield papers: energies eV, lengths Angstrom, e^2 = 14.4 eV*A.
//
// 1) Chen (1985) eq. (15): closed form of Lindhard's s_n(eps) = (1/eps) int_0^eps f(x) dx
//    with the Winterbon-Sigmund-Marion fit f(x) = 1.309 x^(1/3) / [1 + (2.618 x^(4/3))^(2/3)]^(3/2)
//    (eq. 8). Substituting t = x^(4/9) gives f dx = (9/4) 1.309 t^2 dt / (1 + 2.618^(2/3) t^2)^(3/2);
//    with w = 2.618^(1/3) t and 1.309/2.618 = 1/2 the integral is (9/8)[asinh W - W/sqrt(1+W^2)],
//        W = 2.618^(1/3) * eps^(4/9).
//    (The transcription of eq. 16 we were given reads eps^(4/3); that is wrong except at
//    eps = 1. tests/boundary/NuclearStoppingTest proves 4/9 against quadrature of eq. 8.)
// 2) Yamamura & Tawara (1996) eq. (4), Matsunami's analytic Thomas-Fermi fit:
//    s_n(eps) = 3.441 sqrt(eps) ln(eps + 2.718) / (1 + 6.355 sqrt(eps) + eps (6.882 sqrt(eps) - 1.708)).
//    (Some open implementations carry a typo "2.1718"; the paper has e = 2.718.)
#pragma once

namespace magtwin::stopping {

inline constexpr double kE2 = 14.4;           ///< e^2 in eV*Angstrom
inline constexpr double kBohrRadius = 0.529;  ///< a0 in Angstrom (Chen's value)

/// Lindhard/Firsov screening length a = 0.8853 a0 / sqrt(Z1^(2/3) + Z2^(2/3)) in Angstrom
/// (Chen eq. 12 uses 0.885).
double lindhardScreeningLength(int Z1, int Z2);

/// Thomas-Fermi reduced energy eps = E / E_TF, E_TF = (1+M) Z1 Z2 e^2 / (M a), M = M2/M1
/// (Chen eqs. 10-11).
double reducedEnergy(double energyEv, int Z1, double M1, int Z2, double M2);

/// Eq. (8): the integrand f(x) of the WSM fit.
double wsmIntegrand(double x);

/// Eq. (15) with W = 2.618^(1/3) eps^(4/9): reduced nuclear stopping (Thomas-Fermi, WSM fit).
double thomasFermiReducedStopping(double eps);

/// Nuclear stopping cross section S_n(E) = 4 pi a Z1 Z2 e^2 s_n(eps) / (1 + M) in eV*A^2
/// (Chen eq. 13) with s_n from thomasFermiReducedStopping.
double nuclearStoppingCrossSection(double energyEv, int Z1, double M1, int Z2, double M2);

/// Yamamura-Tawara (1996) eq. (4): Matsunami's Thomas-Fermi fit.
double matsunamiReducedStopping(double eps);

/// Yamamura-Tawara reduced energy (eq. 22): eps = 0.03255 / (Z1 Z2 sqrt(Z1^(2/3)+Z2^(2/3)))
/// * M2/(M1+M2) * E[eV].
double yamamuraReducedEnergy(double energyEv, int Z1, double M1, int Z2, double M2);

/// Energy-transfer factor gamma = 4 M1 M2 / (M1+M2)^2 (Chen eq. 5), symmetric in M1, M2.
double energyTransferFactor(double M1, double M2);

}  // namespace magtwin::stopping
