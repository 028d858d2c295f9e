// RfDischarge: the ion supply of an RF-driven magnetron target from the power that reaches
// the plasma, by the global (volume-averaged) energy balance of M. A. Lieberman and
// A. J. Lichtenberg, Principles of Plasma Discharges and Materials Processing, 2nd ed.
// (Wiley 2005), sec. 10.2 ("L&L").
//
//   P_abs  = eta_match eta_cable (P_forward - P_reflected)      (power into the plasma)
//   E_ion  = e (V_dc + V_p)                                     (ion energy at the target)
//   E_T    = E_c + 2 T_e + E_ion                                (L&L sec. 10.2: energy lost
//                                                                per ion-electron pair)
//   I_ion  = e P_abs / E_T,   ions/s = P_abs / E_T              (L&L sec. 10.2, P_abs =
//                                                                e n_s u_B A E_T; all pairs
//                                                                lost at the target)
//   E_c    = E_iz + (K_ex / K_iz) E_ex + (K_el / K_iz) (3 m_e / M) T_e   (L&L sec. 3.5,
//                                                                collisional loss per pair)
// with the argon rate coefficients of L&L Table 3.3 (fits to the cross sections,
// T_e in V, m^3/s):
//   K_iz = 2.34e-14 T^0.59 exp(-17.44 / T),   E_iz = 15.76 eV
//   K_ex = 2.48e-14 T^0.33 exp(-12.78 / T),   E_ex = 12.14 eV
//   K_el = 2.336e-14 T^1.609 exp(0.0618 ln^2 T - 0.1171 ln^3 T)
// Plasma potential V_p: the tool file's value, else the potential of the plasma over a
// grounded (floating-equivalent) wall, V_p = T_e [1/2 + 1/2 ln(M / (2 pi m_e))] (the
// floating-wall sheath of L&L sec. 6.2 plus the Bohm presheath T_e / 2): 5.2 T_e in argon. In a capacitive
// discharge the time-averaged V_p rises above this with the RF amplitude at the driven
// electrode, V_p = (V_rf - |V_dc|) / 2 (J. W. Coburn, E. Kay, J. Appl. Phys. 43 (1972) 4965;
// K. Koehler et al., J. Appl. Phys. 57 (1985) 59); a magnetron's strongly asymmetric discharge
// has |V_dc| close to V_rf, so the wall value is the floor the model uses when V_rf is not logged.
//
// What P / V_dc left out: the power that goes into ionisation, excitation and electron heating
// (E_c + 2 T_e, ~68 eV per pair in argon at T_e = 3 V) and the plasma potential; the ion current
// at equal absorbed power is V_dc / (V_dc + V_p + E_c + 2 T_e) of it. Validity: argon (other gases
// need their rate coefficients: std::invalid_argument names the gas), T_e 1-10 V (L&L's fits),
// every ion-electron pair the discharge makes lost at the target (the magnetron's trap; ions lost
// to the walls would lower the target's share), singly charged ions, no secondary-electron term
// (the RF balance counts pairs, not cathode current).
#pragma once

#include "boundary/elements/Element.hpp"

#include <optional>

namespace magtwin {

/// The tool file's RF settings of one supply (supplies[] in docs/rf.md), SI / volts.
struct RfDischargeSettings {
    double matchEfficiency = 0.7;  ///< P into the electrode / P out of the generator's match port
    double cableEfficiency = 0.99;
    double electronTemperatureV = 3.0;
    std::optional<double> plasmaPotentialV;  ///< none: L&L's wall value above
};

struct RfIonSupply {
    double deliveredW = 0.0;         ///< forward - reflected
    double absorbedW = 0.0;          ///< P_abs
    double plasmaPotentialV = 0.0;   ///< V_p
    double collisionalLossEv = 0.0;  ///< E_c
    double energyPerPairEv = 0.0;    ///< E_T
    double ionEnergyEv = 0.0;        ///< e (V_dc + V_p)
    double ionCurrentA = 0.0;        ///< e P_abs / E_T
    double ionsPerSecond = 0.0;
};

/// E_c of L&L eq. 3.5.9 with Table 3.3's argon rates at T_e (V); std::invalid_argument for a gas
/// other than Ar ("no RF energy-loss data for GAS") or T_e outside [1, 10] V.
double collisionalEnergyLossEv(const Element& gas, double electronTemperatureV);
/// V_p = T_e [1/2 + 1/2 ln(M / (2 pi m_e))], M the gas ion's mass.
double wallPlasmaPotentialV(const Element& gas, double electronTemperatureV);
/// The ion supply above; `deliveredW` = forward - reflected (> 0), `dcBiasV` = |V_dc| (>= 0).
/// Throws std::invalid_argument for a non-positive power, efficiencies outside (0, 1] or the
/// gas/T_e limits of collisionalEnergyLossEv.
RfIonSupply rfIonSupply(const RfDischargeSettings& s, double deliveredW, double dcBiasV, const Element& gas);

}  // namespace magtwin
