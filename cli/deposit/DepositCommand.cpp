#include "deposit/DepositCommand.hpp"

#include "UsageError.hpp"
#include "deposit/DepositConfig.hpp"
#include "deposit/DepositOutputs.hpp"
#include "deposit/DepositSteps.hpp"
#include "deposit/DesignSearchCommand.hpp"
#include "deposit/EndBoostChoice.hpp"
#include "deposit/LifeSweepCommand.hpp"
#include "deposition/ErodedTargets.hpp"
#include "deposition/GasScatteringMonteCarlo.hpp"
#include "deposition/PowerTrimOptimizer.hpp"
#include "deposition/Uniformity.hpp"
#include "elements/ElementTable.hpp"
#include "yield/SputterYield.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <iostream>

namespace magtwin {

void progress(const std::string& msg) {
    if (::isatty(2)) std::cerr << "[deposit] " << msg << "\n";
}

std::shared_ptr<const EmissionAngularDistribution> angularLaw(const DepositCase& c) {
    AngularDistributionParams p = c.angularParams;
    if (c.angular == "yamamura1981") {
        const auto& d = c.cathodes.front().discharge;
        const ElementTable& t = ElementTable::builtin();
        const SputterYield y(d.yieldModel, "none", t.get(d.gas), t.get(d.targetMaterial));
        const auto th = y.energyModel().thresholdEv();
        if (!th) throw UsageError(c.file + ": deposition.angular yamamura1981 needs a yield model with a threshold");
        p.ionEnergyEv = d.voltageV;
        p.thresholdEv = *th;
    }
    try {
        return makeAngularDistribution(c.angular, p);
    } catch (const std::invalid_argument& e) {
        throw UsageError(c.file + ": deposition.angular: " + e.what());
    }
}

/// The fast gas model of the gas: section (vacuum at zero pressure).
GasAttenuation gasModel(const DepositCase& c) {
    if (!(c.pressurePa > 0)) return {};
    return {GasAttenuation::numberDensity(c.pressurePa, c.gasTemperatureK), c.gasSigmaEffM2, c.gasEta,
            c.gasThermalisationColumnPerM2};
}

std::vector<double> cathodeTrims(const DepositCase& c, const std::vector<double>& trims) {
    if (!trims.empty()) return trims;
    std::vector<double> out;
    for (const auto& g : c.cathodes)
        for (int i = 0; i < g.cathodeCount(); ++i)
            out.push_back(g.powerTrims.empty() ? 1.0 : g.powerTrims[std::size_t(i)]);
    return out;
}

CathodeResponses responsesAt(const DepositCase& c, std::shared_ptr<const EmissionAngularDistribution> law, double life,
                             const std::vector<ErodedGroup>& eroded, const SubstrateGrid& grid, TransportMethod method) {
    std::size_t total = 0;
    for (const auto& g : c.cathodes) total += std::size_t(g.cathodeCount());
    const std::vector<double> ones(total, 1.0);
    const EmissionLayout layout = buildEmission(c.cathodes, law, life, ones, &eroded);
    return CathodeResponses(c.cathodes, layout, ones, grid, c.motion, method, gasModel(c));
}

/// Per-cathode fluence at trim 1 on a coarse copy of the substrate grid (CathodeResponses:
/// one transport per array), then the trims that minimise U.
TrimResult optimiseTrims(const DepositCase& c, std::shared_ptr<const EmissionAngularDistribution> law, double life,
                         const std::vector<ErodedGroup>& eroded, TransportMethod method, double& optimiserPitch,
                         const CathodeResponses* fine) {
    Substrate coarse = c.substrate;
    coarse.pitchM = std::max(c.substrate.pitchM, c.substrateName == "wafer" ? 0.003 : 0.010);
    optimiserPitch = coarse.pitchM;
    const SubstrateGrid g = sampleSubstrate(coarse);
    progress("optimiser: fluence of each cathode");
    std::vector<std::vector<double>> maps;
    if (fine) maps = fine->sampledOn(g);
    if (maps.empty()) {
        const CathodeResponses r = responsesAt(c, law, life, eroded, g, method);
        for (std::size_t k = 0; k < r.cathodes(); ++k) maps.push_back(r.cathode(k));
    }
    return optimisePowerTrims(maps, g.inUniformityArea, c.minTrim, c.maxTrim);
}

namespace {

struct DepositOptions {
    std::string config;
    std::string substrate;
    std::string out;
    double lifeKWh = 0.0;
    std::string method = "fast";
    bool json = false;
    bool csv = false;
    std::string lifeSweep;
    bool designSearch = false;
    DesignBounds design;
};


/// The fast gas model holds to p d = 10 Pa cm (GasAttenuationModel.hpp); d = the largest
/// source height above the substrate.
void warnBeyondGasModelRange(const DepositCase& c, const EmissionLayout& layout, const SubstrateGrid& g) {
    const double plane = g.grid.points.empty() ? 0.0 : g.grid.points[0].z();
    double d = 0;
    for (const auto& s : layout.sources)
        for (const auto& e : s.elements) d = std::max(d, e.position.z() - plane);
    if (c.pressurePa * d > kGasModelMaxPressureDistancePaM)
        std::cerr << "warning: " << c.file << ": process.pressure: p d = " << c.pressurePa * d * 100
                  << " Pa cm is beyond the fast gas model's validity (<= 10 Pa cm); use --method mc to check\n";
}

/// Gas-scattering Monte Carlo fluence (static, rotation or oscillation: the tally on the
/// substrate plane, widened in x by the oscillation's reach): chamber = the box around the
/// tally plane and cathodes with 0.2 m margin, top at the highest emitting point.
std::vector<double> monteCarloFluence(const DepositCase& c, const EmissionLayout& layout, const SubstrateGrid& g) {
    if (c.motion.kind == SubstrateMotion::Kind::InlineScan)
        throw UsageError(c.file + ": --method mc supports motion kind static, rotation or oscillation, not scan");
    const bool oscillating = c.motion.kind == SubstrateMotion::Kind::Oscillation;
    const RegularPlaneGrid plane =
        oscillating ? oscillationPlane(g, c.motion) : RegularPlaneGrid{g.x0, g.y0, g.dx, g.dy, 0.0, g.grid.nu, g.grid.nv};
    ChamberBox box{plane.x0, plane.x0 + (plane.nx - 1) * plane.dx, g.y0, g.y0 + (g.grid.nv - 1) * g.dy, 0.0};
    for (const auto& s : layout.sources)
        for (const auto& e : s.elements) {
            box.xMin = std::min(box.xMin, e.position.x());
            box.xMax = std::max(box.xMax, e.position.x());
            box.yMin = std::min(box.yMin, e.position.y());
            box.yMax = std::max(box.yMax, e.position.y());
            box.zTop = std::max(box.zTop, e.position.z());
        }
    box.xMin -= 0.2, box.xMax += 0.2, box.yMin -= 0.2, box.yMax += 0.2;
    const ElementTable& t = ElementTable::builtin();
    const auto& d = c.cathodes.front().discharge;
    const Element &atom = t.get(d.targetMaterial), &gas = t.get(d.gas);
    GasScatteringSettings s;
    s.pressurePa = c.pressurePa;
    s.gasTemperatureK = c.gasTemperatureK;
    s.gasZ = gas.Z;
    s.gasMassAmu = gas.massAmu;
    s.atomZ = atom.Z;
    s.atomMassAmu = atom.massAmu;
    s.surfaceBindingEv = atom.requireSurfaceBindingEv();
    // Thompson tail cut at the largest energy an ion of e*V can give a target atom head-on.
    s.maxEnergyEv = d.voltageV * 4 * gas.massAmu * atom.massAmu / std::pow(gas.massAmu + atom.massAmu, 2);
    s.seed = std::uint64_t(c.seed);
    progress("Monte Carlo: " + std::to_string(c.histories) + " histories at " + std::to_string(c.pressurePa) + " Pa");
    const MonteCarloTally tally = gasScatteringFlux(layout.sources, plane, c.substrateName == "wafer", box, s,
                                                    std::uint64_t(c.histories));
    if (c.motion.kind == SubstrateMotion::Kind::WaferRotation) return rotationAverage(tally.fluxAtomsM2S, g, c.motion.timeS);
    if (oscillating) return oscillationFluence(tally.fluxAtomsM2S, g, c.motion);
    std::vector<double> f = tally.fluxAtomsM2S;
    for (double& v : f) v *= c.motion.timeS;
    return f;
}

int runDeposit(const DepositOptions& o) {
    if (o.method != "fast" && o.method != "direct" && o.method != "mc")
        throw UsageError("--method must be fast, direct or mc, got '" + o.method + "'");
    if (!(o.lifeKWh >= 0)) throw UsageError("--life-kWh must be >= 0");
    if (o.designSearch) {
        if (o.method != "fast" || o.lifeKWh != 0 || !o.lifeSweep.empty())
            throw UsageError("--design-search runs the fast method on a new target (no --method, --life-kWh, --life-sweep)");
        return runDesignSearch(o.config, o.substrate, o.out, o.design, o.json);
    }
    if (!o.design.ringMm.empty() || !o.design.sigmaMm.empty() || !o.design.throwMm.empty())
        throw UsageError("--design-ring-mm, --design-sigma-mm and --design-throw-mm need --design-search");
    DepositCase c = depositCaseFor(loadToolFile(o.config), o.substrate);
    requireGasCalibration(c, o.method);
    if (!o.lifeSweep.empty()) return runLifeSweep(c, o.out, o.lifeSweep, o.method, o.json);
    double bestWobbleU = 0;
    const TransportMethod method = o.method == "fast" ? TransportMethod::Fast : TransportMethod::Direct;
    const auto law = angularLaw(c);
    const auto t0 = std::chrono::steady_clock::now();

    DepositRun run;
    run.method = o.method;
    run.lifeKWh = o.lifeKWh;
    try {
        run.grid = sampleSubstrate(c.substrate);
        // Wobble scan: the rotary wobble amplitude with the lowest U after trims.
        for (double amplitude : c.wobbleCandidatesRad) {
            DepositCase trial = c;
            for (auto& g : trial.cathodes)
                if (g.type == CathodeGroup::Type::RotaryArray) g.cathode.magnets.motion.wobbleAmplitudeRad = amplitude;
            progress("wobble " + std::to_string(amplitude * 180 / M_PI) + " deg");
            double pitch = 0;
            const auto erodedTrial = erodeCathodeGroups(trial.cathodes, law, o.lifeKWh);
            const TrimResult t = optimiseTrims(trial, law, o.lifeKWh, erodedTrial, method, pitch);
            run.wobbleScan.emplace_back(amplitude, t.rangePctAfter);
            if (run.wobbleScan.size() == 1 || t.rangePctAfter < bestWobbleU) {
                bestWobbleU = t.rangePctAfter;
                c = trial;
            }
        }
        if (searchesEndBoost(c)) run.endBoost = chooseEndBoost(c, law, o.lifeKWh, method);
        run.config = c;
        progress("erosion engine: emission of the used targets");
        const std::vector<ErodedGroup> eroded = erodeCathodeGroups(c.cathodes, law, o.lifeKWh);
        // fast/direct: the map is the trimmed sum of the cathodes' responses (one transport
        // per array), which the optimiser samples too.
        std::unique_ptr<CathodeResponses> responses;
        if (o.method != "mc") {
            progress("transport (" + o.method + ") onto " + std::to_string(run.grid.grid.size()) + " points");
            responses = std::make_unique<CathodeResponses>(responsesAt(c, law, o.lifeKWh, eroded, run.grid, method));
        }
        if (c.optimiseTrims) {
            const TrimResult t = optimiseTrims(c, law, o.lifeKWh, eroded, method, run.optimiserPitchM, responses.get());
            run.trims = t;
            run.optimised = true;
        }
        const EmissionLayout layout =
            buildEmission(c.cathodes, law, o.lifeKWh, run.optimised ? run.trims.trims : std::vector<double>{}, &eroded);
        run.layout = layout;
        if (o.method != "mc") warnBeyondGasModelRange(c, layout, run.grid);
        const auto fluence =
            o.method == "mc"
                ? monteCarloFluence(c, layout, run.grid)
                : responses->combined(cathodeTrims(c, run.optimised ? run.trims.trims : std::vector<double>{}));
        const double n = ElementTable::builtin().get(c.filmMaterial).atomicDensityPerM3();
        run.thicknessNm = thicknessNm(fluence, n, c.sticking);
        run.uniformity = uniformity(run.thicknessNm, run.grid.inUniformityArea, c.uniformityTargetPct);
    } catch (const UsageError&) {
        throw;
    } catch (const std::invalid_argument& e) {
        throw UsageError(c.file + ": " + e.what());
    }
    run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    progress("writing " + o.out);
    writeDepositFolder(run, o.out, o.csv);
    if (o.json)
        std::cout << summaryJson(run);
    else
        printVerdict(run, std::cout);
    return 0;
}

}  // namespace

void addDepositCommand(CLI::App& app) {
    auto o = std::make_shared<DepositOptions>();
    CLI::App* cmd = app.add_subcommand("deposit", "Film thickness map and uniformity verdict on glass or a wafer");
    cmd->add_option("tool", o->config, "Tool file (YAML), e.g. cases/tools/gen10_5_rotary_line.yaml")->required();
    cmd->add_option("--substrate", o->substrate, "Name of the substrate (default: the tool file's first)");
    cmd->add_option("--out", o->out, "Output folder (written complete or not at all)")->required();
    cmd->add_option("--life-kWh", o->lifeKWh, "Target life point per cathode (kWh); used targets emit from the erosion engine's eroded surface")
        ->capture_default_str();
    cmd->add_option("--method", o->method, "Transport: fast (FFT), direct (view-factor sum), mc (gas-scattering Monte Carlo, gas: section)")
        ->capture_default_str();
    cmd->add_flag("--json", o->json, "Print summary.json to stdout");
    cmd->add_flag("--csv", o->csv, "Also write thickness.csv (x_mm, y_mm, thickness_nm, ...; large for glass)");
    cmd->add_option("--life-sweep", o->lifeSweep,
                    "FROM:TO:N (kWh): maps at N life points with the new-target trims frozen and re-optimised "
                    "(life_sweep.csv, life_sweep.png, maps as life_sweep.pvd)");
    cmd->add_flag("--design-search", o->designSearch,
                  "Magnet design search (one planar-circular cathode): ring radius, profile sigma and throw for the "
                  "lowest U (design.json, design_tool.yaml, the best design's map)");
    cmd->add_option("--design-ring-mm", o->design.ringMm, "LO:HI ring radius bounds (mm); default 20 % .. 100 % of the target radius");
    cmd->add_option("--design-sigma-mm", o->design.sigmaMm, "LO:HI Gaussian sigma bounds (mm); default 8:40");
    cmd->add_option("--design-throw-mm", o->design.throwMm, "LO:HI target-to-substrate throw bounds (mm); default 50:300");
    cmd->callback([o]() {
        const int rc = runDeposit(*o);
        if (rc != 0) throw CLI::RuntimeError(rc);
    });
}

}  // namespace magtwin
