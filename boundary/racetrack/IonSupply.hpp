// IonSupply: how many ions per second reach the target, and with what energy, from the
// discharge operating point.
//
//   I     = P / V                      (DC discharge: power and cathode voltage; or I given)
//   I_ion = I / (1 + gamma_SE)         (the cathode current is carried by arriving ions and
//                                       by the secondary electrons they release)
//   ion rate = I_ion / e               (singly charged ions)
//   E_ion = e V                        (ions fall through the whole cathode sheath; the
//                                       ~1-10 V plasma potential and charge-exchange
//                                       collisions in the sheath are neglected)
//
// gamma_SE, potential emission only (kinetic emission is small below ~1 keV for Ar on
// metals): R. A. Baragiola, E. V. Alonso, J. Ferron, A. Oliva-Florio, "Ion-induced
// electron emission from clean metals", Surf. Sci. 90 (1979) 240-255, eq. (5):
//   gamma ~ 0.032 (0.78 E_i - 2 phi)   (E_i: ionization energy of the projectile atom,
//                                       phi: work function of the target; eV)
// clamped at 0 (no potential emission when 0.78 E_i < 2 phi). Validity: clean metal
// surfaces, singly charged noble-gas ions; oxidised or compound targets have larger
// gamma, so a config may give gamma_SE directly.
//
// Compound and alloy targets (a Material of several components): the same eq. (5) with the
// compound's measured work function where boundary/data/materials.csv has one (ITO 4.5 eV,
// Sugiyama et al., J. Appl. Phys. 87 (2000) 295), else with the atom-fraction mean of the
// work functions of the components that have one (O and N have none): an assumption (an
// alloy's work function lies between its constituents'), not a published rule. For ITO and
// Ar+ this gives 0.032 (0.78 * 15.760 - 2 * 4.5) = 0.105; for TiN (Ti 4.33 eV) 0.116. Ion-induced
// emission from many oxides is larger than from their metals (D. Depla, S. Mahieu, R. De Gryse,
// Thin Solid Films 517 (2009) 2825), which is why a config's gamma_SE wins.
#pragma once

#include "boundary/elements/Element.hpp"
#include "boundary/materials/Material.hpp"
#include "boundary/util/PhysicalConstants.hpp"

#include <optional>

namespace magtwin {

/// Baragiola et al. (1979) potential-emission estimate; throws std::invalid_argument if
/// the ion has no ionization energy or the target no work function in the element table.
double baragiolaSecondaryElectronYield(const Element& ion, const Element& target);
/// The same for a target Material: an element gives exactly the element's value; a compound
/// its work function as above. Throws std::invalid_argument if no work function is known.
double baragiolaSecondaryElectronYield(const Element& ion, const Material& target);

struct DischargeOperatingPoint {
    double powerW = 0.0;                           ///< discharge power
    double voltageV = 0.0;                         ///< cathode voltage magnitude
    std::optional<double> currentA;                ///< if set, overrides P/V
    std::optional<double> secondaryElectronYield;  ///< if set, overrides Baragiola's estimate
};

struct IonSupply {
    double dischargeCurrentA = 0.0;
    double secondaryElectronYield = 0.0;
    double ionCurrentA = 0.0;
    double ionsPerSecond = 0.0;
    double ionEnergyEv = 0.0;
    double powerW = 0.0;  ///< V * I (what the kWh counter integrates)
};

/// Throws std::invalid_argument for non-positive power/voltage/current.
IonSupply ionSupplyFrom(const DischargeOperatingPoint& op, const Element& ion, const Element& target);
/// The same for a target Material (gamma_SE from baragiolaSecondaryElectronYield(ion, Material)).
IonSupply ionSupplyFrom(const DischargeOperatingPoint& op, const Element& ion, const Material& target);

}  // namespace magtwin
