#include "solvers/chamber/OperatingPoint.hpp"

#include "boundary/elements/ElementTable.hpp"
#include "boundary/yield/SputterYield.hpp"

namespace magtwin {

OperatingPoint operatingPoint(const IonSupply& supply, const DischargeSpec& d, const Material& targetMaterial) {
    const ElementTable& t = ElementTable::builtin();
    OperatingPoint p;
    p.gas = d.gas;
    p.material = targetMaterial.name;
    p.yieldModel = d.yieldModel;
    p.powerW = supply.powerW;
    p.voltageV = d.voltageV;
    p.dischargeCurrentA = supply.dischargeCurrentA;
    p.gammaSE = supply.secondaryElectronYield;
    p.ionCurrentA = supply.ionCurrentA;
    p.ionsPerSecond = supply.ionsPerSecond;
    p.ionEnergyEv = supply.ionEnergyEv;
    try {
        // Ions arrive with E = e V at normal incidence: the angular factor is 1 there.
        p.yieldAtomsPerIon = SputterYield(d.yieldModel, "none", t.get(d.gas), targetMaterial).yield(p.ionEnergyEv, 0.0);
    } catch (const std::invalid_argument& e) {
        throw CathodeSpecError("discharge.yield_model", e.what());
    }
    return p;
}

OperatingPoint operatingPoint(const RfIonSupply& rf, const DischargeSpec& d, const Material& targetMaterial) {
    IonSupply supply;
    supply.powerW = rf.deliveredW;
    supply.dischargeCurrentA = rf.ionCurrentA;  // the pairs' current; no gamma_SE term in the RF balance
    supply.ionCurrentA = rf.ionCurrentA;
    supply.ionsPerSecond = rf.ionsPerSecond;
    supply.ionEnergyEv = rf.ionEnergyEv;
    return operatingPoint(supply, d, targetMaterial);
}

OperatingPoint operatingPoint(const DischargeSpec& d, const Material& targetMaterial) {
    const ElementTable& t = ElementTable::builtin();
    // the discharge balance as makeErosionEngine computes it (same inputs, same function)
    DischargeOperatingPoint op;
    op.voltageV = d.voltageV;
    op.currentA = d.currentA;
    op.powerW = d.powerW.value_or(0.0);
    op.secondaryElectronYield = d.gammaSE;
    IonSupply supply;
    try {
        supply = ionSupplyFrom(op, t.get(d.gas), targetMaterial);
    } catch (const std::invalid_argument& e) {
        throw CathodeSpecError("discharge", e.what());
    }
    return operatingPoint(supply, d, targetMaterial);
}

}  // namespace magtwin
