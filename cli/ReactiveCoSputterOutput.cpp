#include "cli/ReactiveCoSputterOutput.hpp"

#include "boundary/util/Json.hpp"
#include "boundary/util/PhysicalConstants.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>

namespace magtwin {

namespace {

std::string hysteresisJson(const CoSputtering& m, double flowScale) {
    const std::vector<double> t = m.turningPoints();
    if (t.empty()) return "null";
    double lo = HUGE_VAL, hi = 0.0;
    for (double p : t) {
        const double q = m.stateAt(p).supplyPerS / kMoleculesPerSccm / flowScale;
        lo = std::min(lo, q), hi = std::max(hi, q);
    }
    return "[" + jsonNumber(lo) + "," + jsonNumber(hi) + "]";
}

}  // namespace

void printCoSputterStates(std::ostream& out, const std::vector<ReactiveOperatingState>& states,
                          const CoSputtering& model, const std::vector<CoSputterCathode>& cathodes,
                          double operatingSccm, double flowScale, double rateFactor, bool json) {
    std::string compound;  // the collector's compound: the first reacting target's
    for (const CoSputterCathode& c : cathodes)
        if (c.reacts && compound.empty()) compound = c.setup.compound.name;
    // Berg's basic model per target holds each ion flow fixed (CoSputtering.hpp), so each
    // target runs at its cathode's voltage in every state.
    if (json) {
        out << "{\"states\":[";
        bool first = true;
        for (const ReactiveOperatingState& s : states) {
            if (!s.state.stable) continue;
            const double p = s.state.partialPressurePa;
            out << (first ? "" : ",") << "{\"mode\":" << jsonString(branchName(s.branch))
                << ",\"compound_fraction\":" << jsonNumber(s.state.thetaTarget)
                << ",\"collector_compound_fraction\":" << jsonNumber(s.state.thetaCollector)
                << ",\"rate_nm_s\":" << jsonNumber(s.state.rateMPerS * 1e9)
                << ",\"partial_pressure_Pa\":" << jsonNumber(p) << ",\"targets\":[";
            for (std::size_t k = 0; k < cathodes.size(); ++k)
                out << (k ? "," : "") << "{\"cathode\":" << jsonString(cathodes[k].name)
                    << ",\"reacts\":" << (cathodes[k].reacts ? "true" : "false")
                    << ",\"compound_fraction\":" << jsonNumber(model.targetTheta(k, p))
                    << ",\"rate_nm_s\":" << jsonNumber(model.targetRateMPerS(k, p) * rateFactor * 1e9)
                    << ",\"voltage_V\":" << jsonNumber(cathodes[k].setup.parameters.metalVoltageV)
                    << ",\"ion_current_A\":" << jsonNumber(model.targets()[k].ionsPerSecond * kElementaryCharge) << "}";
            out << "]}";
            first = false;
        }
        out << "],\"target\":\"uniform\",\"compound\":" << jsonString(compound)
            << ",\"pumping_speed_L_s\":" << jsonNumber(model.parameters().pumpingSpeedM3PerS * 1e3)
            << ",\"critical_pumping_speed_L_s\":" << jsonNumber(model.criticalPumpingSpeed() * 1e3)
            << ",\"hysteresis_sccm\":" << hysteresisJson(model, flowScale) << "}\n";
        return;
    }
    out << "co-sputtering";
    for (const CoSputterCathode& c : cathodes)
        out << " " << c.name << " (" << c.setup.metal.name << (c.reacts ? "" : ", metal only") << ")";
    out << " in " << cathodes.front().setup.gas.formula << " at " << operatingSccm << " sccm\n" << std::setprecision(4);
    for (const ReactiveOperatingState& s : states) {
        if (!s.state.stable) continue;
        const double p = s.state.partialPressurePa;
        out << "  " << std::setw(8) << branchName(s.branch) << "  p " << p << " Pa  theta_c " << s.state.thetaCollector
            << "  rate " << s.state.rateMPerS * 1e9 << " nm/s\n";
        for (std::size_t k = 0; k < cathodes.size(); ++k)
            out << "    " << cathodes[k].name << ": theta_t " << model.targetTheta(k, p) << "  rate "
                << model.targetRateMPerS(k, p) * rateFactor * 1e9 << " nm/s  V "
                << cathodes[k].setup.parameters.metalVoltageV << " V\n";
    }
}

}  // namespace magtwin
