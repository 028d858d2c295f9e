#include "cli/tool/ToolReactiveState.hpp"

#include "boundary/util/Json.hpp"
#include "boundary/util/PhysicalConstants.hpp"
#include "cli/config/ConfigReader.hpp"

#include <sstream>

#include <stdexcept>

namespace magtwin {

std::optional<ReactiveOperation> reactiveOperationOf(const ToolFile& tool, const CathodeSpec& cathode) {
    const auto& r = tool.process.reactive;
    if (!r || r->reactiveGas.empty()) return std::nullopt;
    ReactiveOperation op;
    op.chamber.temperatureK = tool.process.temperatureK;
    op.chamber.collectorAreaM2 = r->collectorAreaM2;
    op.chamber.stickingTarget = r->stickingTarget;
    op.chamber.stickingCollector = r->stickingCollector;
    op.chamber.targetAreaM2 = r->targetAreaM2For(cathode);
    op.chamber.pumpingSpeedM3PerS = r->pumpingSpeedM3PerS.value_or(0.0);  // the reader requires it with flows
    op.chamber.secondaryElectronCompound = r->secondaryElectronCompound;
    op.gas = reactiveGas(r->reactiveGas);
    // flow_scale: true sccm per unit of the given flows (as `magtwin reactive` reads them)
    op.flowSccm = r->reactiveSccm * r->flowScale;
    // implantation: the working gas is not consumed, p_inert = k T Q_inert / S (as `magtwin reactive`)
    op.chamber.implantation = r->implantation;
    op.chamber.redepositionFraction = r->redepositionFraction;
    double inert = 0.0;
    for (const ToolReactive::Flow& f : r->flows)
        if (isInertGas(f.gas)) inert += f.sccm * r->flowScale * kMoleculesPerSccm;
    if (op.chamber.pumpingSpeedM3PerS > 0.0)
        op.chamber.inertPartialPressurePa =
            inert * kBoltzmannJPerK * op.chamber.temperatureK / op.chamber.pumpingSpeedM3PerS;
    if (op.chamber.implantation && !(op.chamber.inertPartialPressurePa > 0.0))
        throw ConfigError(r->origin +
                          ".implantation': needs a working gas in process.reactive.flows (e.g. Ar: 40 sccm)");
    op.approach = reactiveApproachFromName(r->approach);
    return op;
}

std::optional<ReactiveTargetState> reactiveStateFor(const ToolFile& tool, const CathodeSpec& cathode) {
    const std::optional<ReactiveOperation> op = reactiveOperationOf(tool, cathode);
    if (!op) return std::nullopt;
    try {
        return reactiveTargetState(cathode, tool.erosion, *op);
    } catch (const CathodeSpecError&) {
        throw;
    } catch (const std::invalid_argument& e) {
        throw ConfigError(tool.process.reactive->flowOrigin + "': cathode " + cathode.name + ": " + e.what());
    }
}

std::string reactiveStateJson(const ReactiveTargetState& s) {
    std::ostringstream o;
    o << "{\"gas\": " << jsonString(s.operation.gas.formula) << ", \"flow_sccm\": " << jsonNumber(s.operation.flowSccm)
      << ", \"approach\": " << jsonString(reactiveApproachName(s.operation.approach))
      << ", \"mode\": " << jsonString(branchName(s.branch)) << ", \"stable_states\": " << s.stableStates
      << ", \"partial_pressure_Pa\": " << jsonNumber(s.state.partialPressurePa)
      << ", \"compound_fraction\": " << jsonNumber(s.state.thetaTarget)
      << ", \"compound_fraction_centre\": " << jsonNumber(s.thetaCentre)
      << ", \"compound_fraction_half_flux\": " << jsonNumber(s.thetaHalfFlux)
      << ", \"collector_compound_fraction\": " << jsonNumber(s.state.thetaCollector)
      << ", \"yield_ratio\": " << jsonNumber(s.setup.yieldRatio)
      << ", \"emission_factor\": " << jsonNumber(s.emissionFactor) << ", \"film\": " << jsonString(s.film.name)
      << ", \"rate_nm_s\": " << jsonNumber(s.state.rateMPerS * 1e9) << "}";
    return o.str();
}

std::string reactiveStateLine(const ReactiveTargetState& s) {
    std::ostringstream o;
    o.precision(4);
    o << s.operation.gas.formula << " " << s.operation.flowSccm << " sccm, "
      << reactiveApproachName(s.operation.approach) << ": " << branchName(s.branch) << " mode (" << s.stableStates
      << " stable), theta_t " << s.state.thetaTarget << " (track centre " << s.thetaCentre << ", half flux "
      << s.thetaHalfFlux << "), metal emission x" << s.emissionFactor << ", film " << s.film.name;
    return o.str();
}

}  // namespace magtwin
