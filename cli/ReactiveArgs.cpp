#include "cli/ReactiveArgs.hpp"

#include "boundary/util/PhysicalConstants.hpp"
#include "cli/UsageError.hpp"

#include <algorithm>
#include <cmath>

namespace magtwin {

double quantityArg(const std::string& option, const std::string& text, Dimension d) {
    const auto q = splitQuantity(text);
    const auto f = q ? unitFactor(d, q->unit) : std::nullopt;
    if (!f || !(q->value >= 0.0))
        throw UsageError(option + " '" + text + "': expected a " + dimensionName(d) + " >= 0 with a unit (e.g. " +
                         exampleQuantity(d) + ")");
    return q->value * *f;
}

GasFlow flowArg(const std::string& text) {
    const auto eq = text.find('=');
    const std::string where = "--flow '" + text + "'";
    if (eq == std::string::npos || eq == 0) throw UsageError(where + ": expected GAS=FLOW, e.g. \"N2=720 sccm\"");
    GasFlow f{text.substr(0, eq), 0.0};
    if (!isInertGas(f.gas)) try {
            reactiveGas(f.gas);
        } catch (const std::invalid_argument& e) {
            throw UsageError(where + ": " + e.what() + "; inert gases: He, Ne, Ar, Kr, Xe");
        }
    const auto q = splitQuantity(text.substr(eq + 1));
    if (!q || q->unit.empty()) throw UsageError(where + ": the flow needs a unit (sccm or slm)");
    if (q->unit != "sccm" && q->unit != "slm")
        throw UsageError(where + ": unknown flow unit '" + q->unit + "' (sccm, slm)");
    if (!(q->value >= 0.0)) throw UsageError(where + ": a flow must be >= 0");
    f.sccm = q->value * (q->unit == "slm" ? 1000.0 : 1.0);
    return f;
}

std::vector<double> powerArgs(const std::vector<std::string>& cathodes, const std::vector<std::string>& powers) {
    for (std::size_t i = 0; i < cathodes.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (cathodes[i] == cathodes[j]) throw UsageError("--cathode '" + cathodes[i] + "': given twice");
    std::vector<double> w(cathodes.size(), std::nan(""));
    for (const std::string& text : powers) {
        const auto eq = text.find('=');
        std::size_t k = 0;
        if (eq == std::string::npos) {
            if (cathodes.size() > 1)
                throw UsageError("--power '" + text + "': with several --cathode give NAME=POWER, e.g. \"" +
                                 cathodes.front() + "=50 W\"");
        } else {
            const std::string name = text.substr(0, eq);
            k = std::find(cathodes.begin(), cathodes.end(), name) - cathodes.begin();
            if (k == cathodes.size())
                throw UsageError("--power '" + text + "': cathode '" + name + "' is not given with --cathode");
        }
        if (!std::isnan(w[k]))
            throw UsageError("--power '" + text + "': a second power for cathode '" + cathodes[k] + "'");
        w[k] = quantityArg("--power", eq == std::string::npos ? text : text.substr(eq + 1), Dimension::Power);
    }
    return w;
}

ReactiveDischarge dischargeFor(const ToolCathode& k, double powerW) {
    ReactiveDischarge d;
    d.ion = k.discharge.gas;
    d.voltageV = k.discharge.voltageV;
    d.yieldModel = k.discharge.yieldModel;
    d.powerW = !std::isnan(powerW)  ? powerW
               : k.discharge.powerW ? *k.discharge.powerW
                                    : *k.discharge.currentA * k.discharge.voltageV;
    return d;
}

ReactiveChamber chamberFor(const ToolFile& tool, const ToolCathode& k, const std::vector<GasFlow>& flows,
                           const std::optional<double>& pressurePa) {
    if (!tool.process.reactive)
        throw UsageError(tool.path +
                         ": no process.reactive section (pumping_speed_L_s, collector_area_cm2; "
                         "docs/tool-file.md)");
    const ToolReactive& r = *tool.process.reactive;
    ReactiveChamber c;
    c.temperatureK = tool.process.temperatureK;
    c.collectorAreaM2 = r.collectorAreaM2;
    c.stickingTarget = r.stickingTarget;
    c.stickingCollector = r.stickingCollector;
    c.targetAreaM2 = r.targetAreaM2For(k);
    if (pressurePa) {
        double total = 0.0;
        for (const GasFlow& f : flows) total += f.sccm * r.flowScale * kMoleculesPerSccm;
        if (!(*pressurePa > 0.0) || total <= 0.0)
            throw UsageError("--pressure: needs a pressure > 0 and a total flow > 0");
        c.pumpingSpeedM3PerS = total * kBoltzmannJPerK * c.temperatureK / *pressurePa;
    } else if (r.pumpingSpeedM3PerS) {
        c.pumpingSpeedM3PerS = *r.pumpingSpeedM3PerS;
    } else {
        throw UsageError(r.origin + ".pumping_speed_L_s': missing (or give --pressure)");
    }
    c.secondaryElectronCompound = r.secondaryElectronCompound;
    c.implantation = r.implantation;
    c.redepositionFraction = r.redepositionFraction;
    // The working gas is not consumed: p_inert = k T Q_inert / S.
    double inert = 0.0;
    for (const GasFlow& f : flows)
        if (isInertGas(f.gas)) inert += f.sccm * r.flowScale * kMoleculesPerSccm;
    if (c.pumpingSpeedM3PerS > 0.0)
        c.inertPartialPressurePa = inert * kBoltzmannJPerK * c.temperatureK / c.pumpingSpeedM3PerS;
    if (c.implantation && !(c.inertPartialPressurePa > 0.0))
        throw UsageError(r.origin + ".implantation': needs the working gas flow (e.g. --flow \"Ar=40 sccm\")");
    return c;
}

}  // namespace magtwin
