#include "boundary/racetrack/IonSupply.hpp"

#include "boundary/elements/ElementTable.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace magtwin {

double baragiolaSecondaryElectronYield(const Element& ion, const Element& target) {
    if (!ion.ionizationEv)
        throw std::invalid_argument("secondary electron yield: ion " + ion.symbol +
                                    " has no ionization_eV in the element table; give gamma_SE explicitly");
    if (!target.workFunctionEv)
        throw std::invalid_argument("secondary electron yield: target " + target.symbol +
                                    " has no work_function_eV in the element table; give gamma_SE explicitly");
    // Baragiola et al., Surf. Sci. 90 (1979) 240, eq. (5).
    return std::max(0.0, 0.032 * (0.78 * *ion.ionizationEv - 2.0 * *target.workFunctionEv));
}

double baragiolaSecondaryElectronYield(const Element& ion, const Material& target) {
    if (!target.isElement())
        throw std::invalid_argument("secondary electron yield of compound target " + target.name +
                                    " is not available yet; give gamma_SE explicitly");
    return baragiolaSecondaryElectronYield(ion, ElementTable::builtin().get(target.elementSymbol()));
}

IonSupply ionSupplyFrom(const DischargeOperatingPoint& op, const Element& ion, const Material& target) {
    DischargeOperatingPoint given = op;
    if (!given.secondaryElectronYield && (op.voltageV > 0.0))
        given.secondaryElectronYield = baragiolaSecondaryElectronYield(ion, target);
    return ionSupplyFrom(given, ion, ElementTable::builtin().get(target.components.front().symbol));
}

IonSupply ionSupplyFrom(const DischargeOperatingPoint& op, const Element& ion, const Element& target) {
    if (!(op.voltageV > 0.0) || !std::isfinite(op.voltageV))
        throw std::invalid_argument("operating point: voltage must be positive");
    IonSupply s;
    if (op.currentA) {
        if (!(*op.currentA > 0.0)) throw std::invalid_argument("operating point: current must be positive");
        s.dischargeCurrentA = *op.currentA;
    } else {
        if (!(op.powerW > 0.0) || !std::isfinite(op.powerW))
            throw std::invalid_argument("operating point: power must be positive");
        s.dischargeCurrentA = op.powerW / op.voltageV;
    }
    s.powerW = s.dischargeCurrentA * op.voltageV;
    if (op.secondaryElectronYield) {
        if (!(*op.secondaryElectronYield >= 0.0)) throw std::invalid_argument("operating point: gamma_SE must be >= 0");
        s.secondaryElectronYield = *op.secondaryElectronYield;
    } else {
        s.secondaryElectronYield = baragiolaSecondaryElectronYield(ion, target);
    }
    s.ionCurrentA = s.dischargeCurrentA / (1.0 + s.secondaryElectronYield);
    s.ionsPerSecond = s.ionCurrentA / kElementaryCharge;
    s.ionEnergyEv = op.voltageV;  // singly charged ion through the full sheath: E = e V
    return s;
}

}  // namespace magtwin
