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
    if (target.isElement())
        return baragiolaSecondaryElectronYield(ion, ElementTable::builtin().get(target.elementSymbol()));
    // A compound or alloy: its measured work function (materials.csv), else the atom-fraction
    // mean of the work functions of the components that have one (see the header).
    Element surface;
    surface.symbol = target.name;
    surface.workFunctionEv = target.workFunctionEv;
    if (!surface.workFunctionEv) {
        double sum = 0.0, weight = 0.0;
        for (const MaterialComponent& c : target.components)
            if (const auto phi = ElementTable::builtin().get(c.symbol).workFunctionEv) {
                sum += c.atomFraction * *phi;
                weight += c.atomFraction;
            }
        if (weight > 0.0) surface.workFunctionEv = sum / weight;
    }
    return baragiolaSecondaryElectronYield(ion, surface);
}

namespace {
/// I, I_ion, ion rate and energy from the operating point; `estimatedGamma` is called only
/// when the operating point does not give gamma_SE.
template <class GammaEstimate>
IonSupply supplyFrom(const DischargeOperatingPoint& op, GammaEstimate estimatedGamma) {
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
        s.secondaryElectronYield = estimatedGamma();
    }
    s.ionCurrentA = s.dischargeCurrentA / (1.0 + s.secondaryElectronYield);
    s.ionsPerSecond = s.ionCurrentA / kElementaryCharge;
    s.ionEnergyEv = op.voltageV;  // singly charged ion through the full sheath: E = e V
    return s;
}
}  // namespace

IonSupply ionSupplyFrom(const DischargeOperatingPoint& op, const Element& ion, const Material& target) {
    return supplyFrom(op, [&] { return baragiolaSecondaryElectronYield(ion, target); });
}

IonSupply ionSupplyFrom(const DischargeOperatingPoint& op, const Element& ion, const Element& target) {
    return supplyFrom(op, [&] { return baragiolaSecondaryElectronYield(ion, target); });
}

}  // namespace magtwin
