// GasDiffusivity: the diffusion coefficient of a thermalised sputtered atom in the process gas
// from kinetic theory, for the OpenFOAM cases' diffusive transport (filmDeposition's D).
//
// Chapman-Enskog, first approximation (J. O. Hirschfelder, C. F. Curtiss, R. B. Bird,
// Molecular Theory of Gases and Liquids, Wiley 1954, eqs. 7.4-34 and 8.2-44; S. Chapman,
// T. G. Cowling, The Mathematical Theory of Non-uniform Gases, 3rd ed. 1970, sec. 9.8):
//   D_12 = 3 k T / (16 n mu Omega^(1,1)),     n = p / (k T),  mu = m_1 m_2 / (m_1 + m_2),
//   Omega^(1,1) = sqrt(k T / (2 pi mu)) int_0^inf exp(-g^2) g^5 Q^(1)(g^2 k T) dg,
//   Q^(1)(E) = 2 pi int_0^inf (1 - cos chi(b, E)) b db   (momentum-transfer cross-section),
// with chi the centre-of-mass deflection at CM energy E. For rigid spheres of diameter sigma,
// Q^(1) = pi sigma^2 and the integral gives the textbook D_12 = 3 / (16 n sigma^2)
// sqrt(2 k T / (pi mu)) (tested). chi comes from the same screened-Coulomb (ZBL) potential the
// gas Monte Carlo uses (ScreenedCoulombScattering.hpp), so the diffusive and the ballistic
// transport of a case share one interaction.
// Validity: that potential is purely repulsive and its screening was fitted to keV collisions
// (Ziegler, Biersack & Littmark 1985). At thermal energies the van der Waals well of a metal-Ar
// pair (~10 meV, comparable to kT = 26 meV) is left out, which alone would make Q^(1) too small,
// while the universal screening repels too far out, which makes it too large; the second wins.
// The tests bound the net error against argon's Lennard-Jones D (which reproduces its measured
// self-diffusion): the ZBL D of Ar-Ar at 300 K, 1 atm is 0.139 cm2/s against 0.183 cm2/s
// (ratio 0.76: D some 25 % low, GasDiffusivityTest).
#pragma once

#include "boundary/materials/Material.hpp"

#include <functional>
#include <string>

namespace magtwin {

class ScreenedCoulombScattering;

/// Q^(1)(E) in m^2 for a pair and CM energy E (eV), by quadrature of the deflection integral
/// (`panels` 8-point Gauss-Legendre panels over the impact parameter).
double momentumTransferCrossSectionM2(const ScreenedCoulombScattering& pair, double energyCmEv, int panels = 64);

/// Omega^(1,1)(T) in m^3/s for a cross-section Q^(1)(E [eV]) in m^2, reduced mass mu (kg).
double collisionIntegral11(const std::function<double(double)>& q1M2, double temperatureK, double reducedMassKg);

/// D_12 (m^2/s) of atom (Z1, m1 in u) in gas (Z2, m2 in u) at p (Pa, > 0) and T (K, > 0).
/// Throws std::invalid_argument for a pressure or temperature that is not > 0.
double binaryDiffusivityM2PerS(int z1, double m1Amu, int z2, double m2Amu, double pressurePa, double temperatureK);

/// One D for a film material's sputtered atoms in `gas` (an element symbol, e.g. "Ar"): the
/// atom-fraction-weighted mean of each component's D_12 (a single-species diffusion equation
/// carries the mixture; exact for an element). Throws std::invalid_argument for an unknown
/// gas or a pressure/temperature that is not > 0.
double filmDiffusivityM2PerS(const Material& film, const std::string& gas, double pressurePa, double temperatureK);

}  // namespace magtwin
