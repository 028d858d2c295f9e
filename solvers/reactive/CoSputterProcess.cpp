#include "solvers/reactive/CoSputterProcess.hpp"

#include "boundary/elements/ElementTable.hpp"
#include "boundary/racetrack/IonSupply.hpp"
#include "boundary/util/PhysicalConstants.hpp"
#include "boundary/yield/SputterYield.hpp"

#include <stdexcept>

namespace magtwin {

ReactiveSetup metalOnlySetup(const Material& metal, const ReactiveGas& gas, const ReactiveChamber& chamber,
                             const ReactiveDischarge& discharge) {
    if (!metal.isElement())
        throw std::invalid_argument("target '" + metal.name + "' is not a metal (one-element) target");
    const ElementTable& table = ElementTable::builtin();
    const Element& ion = table.get(discharge.ion);
    DischargeOperatingPoint op;
    op.powerW = discharge.powerW;
    op.voltageV = discharge.voltageV;
    const IonSupply supply = ionSupplyFrom(op, ion, metal);  // as reactiveSetup
    ReactiveSetup out;
    out.metal = metal;
    out.gas = gas;
    out.ionEnergyEv = supply.ionEnergyEv;
    out.parameters = chamberBergParameters(
        chamber, gas, metal, supply, SputterYield(discharge.yieldModel, "none", ion, metal).yield(supply.ionEnergyEv));
    out.parameters.compoundYield = 0.0;
    out.parameters.metalVoltageV = discharge.voltageV;
    return out;
}

CoSputterProcess coSputterProcess(const std::vector<CoSputterCathodeInput>& cathodes, const ReactiveGas& gas,
                                  const CoSputterRequest& r) {
    if (cathodes.size() < 2) throw std::invalid_argument("co-sputtering needs at least two cathodes");
    CoSputterProcess out;
    std::vector<CoSputteredTarget> targets;
    const CoSputterCathode* chamber = nullptr;  // the first reacting cathode: the shared inputs
    for (const CoSputterCathodeInput& in : cathodes) {
        const std::string where = "cathode '" + in.name + "': ";
        if (in.chamber.implantation)
            throw std::invalid_argument(where + "implantation is not modelled for co-sputtering");
        CoSputterCathode c{in.name, {}, true};
        try {
            try {
                c.setup = reactiveSetup(in.metal, gas, in.chamber, in.discharge);
            } catch (const std::invalid_argument& e) {
                if (std::string(e.what()).rfind("no compound data", 0) != 0 || !in.metal.isElement()) throw;
                c.setup = metalOnlySetup(in.metal, gas, in.chamber, in.discharge);  // sputters metal only
                c.reacts = false;
            }
        } catch (const std::invalid_argument& e) {
            throw std::invalid_argument(where + e.what());
        }
        if (c.reacts && BergModel(c.setup.parameters).powerHeldFixed())
            throw std::invalid_argument(where +
                                        "the compound's secondary electron yield differs from the metal's; "
                                        "co-sputtering holds each target's ion flow fixed (docs/reactive.md)");
        CoSputteredTarget t = c.reacts ? coSputteredTarget(c.setup.parameters) : CoSputteredTarget{};
        if (!c.reacts) {
            t.areaM2 = c.setup.parameters.targetAreaM2;
            t.ionsPerSecond = c.setup.parameters.ionsPerSecond;
            t.metalYield = c.setup.parameters.metalYield;
            t.reacts = false;
        }
        targets.push_back(t);
        out.cathodes.push_back(std::move(c));
    }
    for (const CoSputterCathode& c : out.cathodes)
        if (c.reacts && !chamber) chamber = &c;
    if (!chamber) {
        std::string names;
        for (const CoSputterCathode& c : out.cathodes) names += (names.empty() ? "" : ", ") + c.setup.metal.name;
        throw std::invalid_argument("no cathode reacts with " + gas.formula + " (" + names +
                                    ": no compound data in boundary/data/materials.csv)");
    }
    out.model = std::make_shared<const CoSputtering>(chamber->setup.parameters, targets);
    out.states = reactiveStates(*out.model, r.operatingSccm * r.flowScale);
    for (ReactiveOperatingState& s : out.states) s.state.rateMPerS *= r.substrateRateFactor;
    if (r.curvePoints > 0) {
        out.curve = processCurve(*out.model, r.curveFromSccm * r.flowScale, r.curveToSccm * r.flowScale, r.curvePoints);
        for (ProcessCurvePoint& pt : out.curve)
            pt.flowSccm /= r.flowScale, pt.state.state.rateMPerS *= r.substrateRateFactor;
    }
    return out;
}

}  // namespace magtwin
