// PhysicalConstants: the physical and mathematical constants of the project, defined once.
// Values: CODATA 2018 recommended values (E. Tiesinga, P. J. Mohr, D. B. Newell and
// B. N. Taylor, Rev. Mod. Phys. 93 (2021) 025010, https://physics.nist.gov/cuu/Constants/).
// Since the 2019 SI redefinition e, k_B and N_A are exact; the atomic mass unit is measured
// (relative standard uncertainty 3.0e-10).
#pragma once

namespace magtwin {

/// pi to double precision.
inline constexpr double kPi = 3.14159265358979323846;
/// Elementary charge e (C), exact.
inline constexpr double kElementaryCharge = 1.602176634e-19;
/// Boltzmann constant k_B (J/K), exact.
inline constexpr double kBoltzmannJPerK = 1.380649e-23;
/// Avogadro constant N_A (1/mol), exact.
inline constexpr double kAvogadroPerMol = 6.02214076e23;
/// Atomic mass constant m_u = 1 u (kg), CODATA 2018.
inline constexpr double kAtomicMassUnitKg = 1.66053906660e-27;

}  // namespace magtwin
