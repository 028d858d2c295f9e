#include "solvers/reactive/ReactiveProcess.hpp"

#include "boundary/elements/ElementTable.hpp"
#include "boundary/materials/MaterialLibrary.hpp"
#include "boundary/racetrack/IonSupply.hpp"
#include "boundary/util/PhysicalConstants.hpp"
#include "boundary/yield/SputterYield.hpp"

#include <algorithm>
#include <stdexcept>

namespace magtwin {

const std::vector<ReactiveGas>& reactiveGases() {
    // S2: a valved sulfur cracker heats the sulfur vapour (S8, S6 from the reservoir) in its
    // cracking zone, where the equilibrium vapour at high temperature and low pressure is mostly
    // S2 (J. Berkowitz, J. R. Marquart, J. Chem. Phys. 39 (1963) 275, mass spectra of sulfur
    // vapour); the model takes the cracker's output as S2 only (an assumption: S3..S8 left in it
    // would carry more S per molecule).
    static const std::vector<ReactiveGas> gases{{"N2", "N", 2.0}, {"O2", "O", 2.0}, {"S2", "S", 2.0}};
    return gases;
}

const ReactiveGas& reactiveGas(const std::string& formula) {
    for (const ReactiveGas& g : reactiveGases())
        if (g.formula == formula) return g;
    std::string known;
    for (const ReactiveGas& g : reactiveGases()) known += (known.empty() ? "" : ", ") + g.formula;
    throw std::invalid_argument("'" + formula + "' is not a reactive gas the model has data for (known: " + known +
                                ")");
}

bool isInertGas(const std::string& formula) {
    for (const char* g : {"He", "Ne", "Ar", "Kr", "Xe"})
        if (formula == g) return true;
    return false;
}

Material reactiveCompound(const Material& metal, const ReactiveGas& gas) {
    if (!metal.isElement())
        throw std::invalid_argument("no compound data for " + gas.formula + " on target '" + metal.name +
                                    "': reactive sputtering needs a metal (one-element) target");
    const std::string m = metal.elementSymbol();
    for (const Material& c : MaterialLibrary::builtin().compounds())
        if (c.components.size() == 2 && c.fraction(m) > 0.0 && c.fraction(gas.element) > 0.0) return c;
    throw std::invalid_argument("no compound data for " + gas.formula + " on " + m +
                                ": the material library (boundary/data/materials.csv) has no compound of " + m +
                                " and " + gas.element + " only");
}

BergParameters chamberBergParameters(const ReactiveChamber& chamber, const ReactiveGas& gas, const Material& metal,
                                     const IonSupply& supply, double metalYield) {
    BergParameters p;
    p.ionsPerSecond = supply.ionsPerSecond;
    p.targetAreaM2 = chamber.targetAreaM2;
    p.collectorAreaM2 = chamber.collectorAreaM2;
    p.pumpingSpeedM3PerS = chamber.pumpingSpeedM3PerS;
    p.stickingTarget = chamber.stickingTarget;
    p.stickingCollector = chamber.stickingCollector;
    p.temperatureK = chamber.temperatureK;
    p.metalYield = metalYield;
    p.atomsPerMolecule = gas.atomsPerMolecule;
    p.gasMoleculeMassKg = gas.atomsPerMolecule * ElementTable::builtin().get(gas.element).massAmu * kAtomicMassUnitKg;
    p.metalDensityPerM3 = metal.filmAtomicDensityPerM3();
    p.secondaryElectronMetal = p.secondaryElectronCompound = supply.secondaryElectronYield;
    return p;
}

ReactiveSetup reactiveSetup(const Material& metal, const ReactiveGas& gas, const ReactiveChamber& chamber,
                            const ReactiveDischarge& discharge) {
    ReactiveSetup out;
    out.metal = metal;
    out.gas = gas;
    out.compound = reactiveCompound(metal, gas);
    const ElementTable& table = ElementTable::builtin();
    const Element& ion = table.get(discharge.ion);
    const std::string m = metal.elementSymbol();

    DischargeOperatingPoint op;
    op.powerW = discharge.powerW;
    op.voltageV = discharge.voltageV;
    const IonSupply supply = ionSupplyFrom(op, ion, metal);
    out.ionEnergyEv = supply.ionEnergyEv;

    const SputterYield metalYield(discharge.yieldModel, "none", ion, metal);
    const SputterYield compoundYield(discharge.yieldModel, "none", ion, out.compound);
    const std::vector<double> partial = compoundYield.partialYields(supply.ionEnergyEv);
    std::size_t metalIndex = 0;
    for (std::size_t i = 0; i < out.compound.components.size(); ++i)
        if (out.compound.components[i].symbol == m) metalIndex = i;

    out.parameters = chamberBergParameters(chamber, gas, metal, supply, metalYield.yield(supply.ionEnergyEv));
    BergParameters& p = out.parameters;
    p.compoundYield = partial[metalIndex];
    p.reactiveAtomsPerMetal = out.compound.fraction(gas.element) / out.compound.fraction(m);
    p.compoundFormulaDensityPerM3 = out.compound.filmAtomicDensityPerM3() / (1.0 + p.reactiveAtomsPerMetal);
    out.yieldRatio = p.compoundYield / p.metalYield;
    // Extension (1) of BergModel.hpp: power held fixed, V and I_ion follow gamma(theta_t).
    p.secondaryElectronMetal = supply.secondaryElectronYield;
    if (chamber.secondaryElectronCompound) {
        p.secondaryElectronCompound = *chamber.secondaryElectronCompound;
    } else {
        try {
            p.secondaryElectronCompound = baragiolaSecondaryElectronYield(ion, out.compound);
        } catch (const std::invalid_argument&) {
            // No work function for the compound or its metal: no estimate of a change, gamma_c = gamma_m.
            p.secondaryElectronCompound = p.secondaryElectronMetal;
        }
    }
    p.metalVoltageV = discharge.voltageV;
    p.implantation = chamber.implantation;
    p.inertPartialPressurePa = chamber.inertPartialPressurePa;
    p.redepositionFraction = chamber.redepositionFraction;
    return out;
}

std::string branchName(ReactiveBranch b) {
    switch (b) {
        case ReactiveBranch::Metal:
            return "metal";
        case ReactiveBranch::Compound:
            return "compound";
        case ReactiveBranch::Unstable:
            return "unstable";
    }
    return "?";
}

std::vector<ReactiveOperatingState> reactiveStates(const ReactiveSteadyStates& model, double flowSccm) {
    if (!(flowSccm >= 0.0)) throw std::invalid_argument("the reactive gas flow must be >= 0 sccm");
    const std::vector<double> turns = model.turningPoints();
    std::vector<ReactiveOperatingState> out;
    for (const BergState& s : model.statesAtFlow(flowSccm * kMoleculesPerSccm)) {
        ReactiveOperatingState o{ReactiveBranch::Metal, s};
        if (!s.stable)
            o.branch = ReactiveBranch::Unstable;
        else if (turns.empty())
            o.branch = s.thetaTarget < 0.5 ? ReactiveBranch::Metal : ReactiveBranch::Compound;
        else
            o.branch = s.partialPressurePa <= turns.front() ? ReactiveBranch::Metal : ReactiveBranch::Compound;
        out.push_back(o);
    }
    return out;
}

std::vector<ProcessCurvePoint> processCurve(const ReactiveSteadyStates& model, double fromSccm, double toSccm, int n) {
    if (n < 2) throw std::invalid_argument("a process curve needs at least 2 flows");
    if (!(fromSccm >= 0.0 && toSccm > fromSccm)) throw std::invalid_argument("a process curve needs 0 <= FROM < TO");
    std::vector<ProcessCurvePoint> out;
    for (int i = 0; i < n; ++i) {
        const double q = fromSccm + (toSccm - fromSccm) * i / (n - 1);
        for (const ReactiveOperatingState& s : reactiveStates(model, q)) out.push_back({q, s});
    }
    return out;
}

}  // namespace magtwin
