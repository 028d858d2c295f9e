#include "solvers/reactive/ReactiveTargetState.hpp"

#include "boundary/elements/ElementTable.hpp"
#include "boundary/util/PhysicalConstants.hpp"
#include "solvers/chamber/OperatingPoint.hpp"

#include <cmath>
#include <cstdio>
#include <memory>
#include <stdexcept>

namespace magtwin {

double reactiveYieldFactor(double theta, double yieldRatio) { return (1.0 - theta) + theta * yieldRatio; }

Material reactiveFilm(const Material& metal, const Material& compound, double x, double thetaC) {
    if (1.0 - thetaC <= kStoichiometricFilm) return compound;
    if (!(thetaC > 0.0)) return metal;
    const std::string m = metal.elementSymbol();
    std::string r;
    for (const MaterialComponent& c : compound.components)
        if (c.symbol != m) r = c.symbol;
    const ElementTable& table = ElementTable::builtin();
    // Berg's volume per metal atom (BergModel.hpp), the densities of BergParameters.
    const double nMetal = metal.filmAtomicDensityPerM3();
    const double nCompound = compound.filmAtomicDensityPerM3() / (1.0 + x);
    const double volumePerMetal = thetaC / nCompound + (1.0 - thetaC) / nMetal;  // m^3
    const double massPerMetalAmu = table.get(m).massAmu + x * thetaC * table.get(r).massAmu;
    Material f;
    char name[64];
    std::snprintf(name, sizeof name, "%s%s%.4g", m.c_str(), r.c_str(), x * thetaC);
    f.name = name;
    f.components = {{m, 1.0 / (1.0 + x * thetaC)}, {r, x * thetaC / (1.0 + x * thetaC)}};
    f.densityGPerCm3 = massPerMetalAmu / kAvogadroPerMol / (volumePerMetal * 1e6);  // g per cm^3
    f.filmDensityGPerCm3 = f.densityGPerCm3;
    f.source = "reactive film of " + m + " with " + r + " (Berg's model: theta_c from the collector balance)";
    return f;
}

std::vector<TargetPatch> racetrackPatches(const ErosionEngine& e, double ionsPerSecond) {
    const ErosionGrid& grid = e.front->grid();
    const auto at = e.flux->atScale(1.0);
    std::vector<TargetPatch> out;
    double ions = 0.0;
    for (std::size_t j = 0; j < grid.nv(); ++j)
        for (std::size_t i = 0; i < grid.nu(); ++i)
            if (grid.inside(grid.index(i, j))) {
                out.push_back({grid.cellArea(), at.fluxDensity(grid.cathodePoint(i, j))});
                ions += out.back().areaM2 * out.back().ionFluxPerM2S;
            }
    if (ionsPerSecond > 0.0 && ions > 0.0)
        for (TargetPatch& t : out) t.ionFluxPerM2S *= ionsPerSecond / ions;
    return out;
}

ReactiveTargetModel reactiveTargetModelFromName(const std::string& name) {
    if (name == "uniform") return ReactiveTargetModel::Uniform;
    if (name == "racetrack") return ReactiveTargetModel::Racetrack;
    throw std::invalid_argument("unknown target model '" + name + "' (racetrack, uniform)");
}

std::string reactiveTargetModelName(ReactiveTargetModel m) {
    return m == ReactiveTargetModel::Uniform ? "uniform" : "racetrack";
}

std::unique_ptr<ReactiveSteadyStates> reactiveTargetModel(const CathodeSpec& cathode,
                                                          const ErosionEngineSettings& settings,
                                                          const ReactiveSetup& setup, ReactiveTargetModel which) {
    if (which == ReactiveTargetModel::Uniform) return std::make_unique<BergModel>(setup.parameters);
    CathodeSpec metallic = cathode;
    metallic.target.stateYieldFactor = nullptr;
    const std::unique_ptr<ErosionEngine> engine = makeErosionEngine(metallic, settings);
    return std::make_unique<RacetrackPoisoning>(setup.parameters,
                                                racetrackPatches(*engine, setup.parameters.ionsPerSecond));
}

ReactiveTargetState reactiveTargetState(const CathodeSpec& cathode, const ErosionEngineSettings& settings,
                                        const ReactiveOperation& op) {
    if (!(std::isfinite(op.flowSccm) && op.flowSccm >= 0.0))
        throw std::invalid_argument("the reactive gas flow must be >= 0 sccm");
    CathodeSpec metallic = cathode;
    metallic.target.stateYieldFactor = nullptr;
    const std::unique_ptr<ErosionEngine> engine = makeErosionEngine(metallic, settings);

    ReactiveDischarge d;
    d.ion = cathode.discharge.gas;
    d.voltageV = cathode.discharge.voltageV;
    d.powerW = dischargePowerW(cathode.discharge);
    d.yieldModel = cathode.discharge.yieldModel;
    ReactiveTargetState out;
    out.operation = op;
    out.setup = reactiveSetup(cathode.target.material, op.gas, op.chamber, d);
    const RacetrackPoisoning model(out.setup.parameters, racetrackPatches(*engine));

    const std::vector<BergState> states = model.statesAtFlow(op.flowSccm * kMoleculesPerSccm);
    out.stableStates = 0;
    for (const BergState& s : states) out.stableStates += s.stable ? 1 : 0;
    out.state = stateFromHistory(states, op.approach);
    const std::vector<double> turns = model.turningPoints();
    if (turns.empty())
        out.branch = out.state.thetaTarget < 0.5 ? ReactiveBranch::Metal : ReactiveBranch::Compound;
    else
        out.branch = out.state.partialPressurePa <= turns.front() ? ReactiveBranch::Metal : ReactiveBranch::Compound;

    const double p = out.state.partialPressurePa;
    const double ratio = out.setup.yieldRatio;
    const double jMax = model.patches().back().ionFluxPerM2S;
    out.ionFluxMaxPerM2S = jMax;
    const RedepositedFlux rd = model.redepositedFlux(p);  // zero without redeposition
    out.thetaCentre = model.localTheta(jMax, p, rd);
    out.thetaHalfFlux = model.localTheta(0.5 * jMax, p, rd);
    double metal = 0.0, reactive = 0.0;
    for (const TargetPatch& t : model.patches()) {
        metal += t.ionFluxPerM2S * t.areaM2;
        reactive += t.ionFluxPerM2S * t.areaM2 * reactiveYieldFactor(model.localTheta(t.ionFluxPerM2S, p, rd), ratio);
    }
    out.emissionFactor = reactive / metal;
    const double x = out.setup.parameters.reactiveAtomsPerMetal;
    out.filmAtomsPerMetal = 1.0 + x * out.state.thetaCollector;
    out.film = reactiveFilm(out.setup.metal, out.setup.compound, x, out.state.thetaCollector);

    // The closures own what they evaluate: a copy of the racetrack flux and the local balance.
    const auto flux = std::make_shared<const RacetrackFlux>(*engine->flux);
    const auto at = std::make_shared<const RacetrackFlux::AtScale>(flux->atScale(1.0));
    const auto poisoning = std::make_shared<const RacetrackPoisoning>(model);
    out.thetaAt = [poisoning, p, rd](double J) { return poisoning->localTheta(J, p, rd); };
    out.yieldFactor = [flux, at, poisoning, p, rd, ratio](const Eigen::Vector2d& point) {
        return reactiveYieldFactor(poisoning->localTheta(at->fluxDensity(point), p, rd), ratio);
    };
    return out;
}

}  // namespace magtwin
