#include "solvers/deposition/DepositionRun.hpp"

#include "boundary/elements/ElementTable.hpp"
#include "boundary/yield/SputterYield.hpp"
#include "solvers/deposition/ChamberWalls.hpp"
#include "solvers/deposition/EndBoostChoice.hpp"
#include "solvers/deposition/GasScatteringMonteCarlo.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <sstream>
#include <stdexcept>

namespace magtwin {

std::shared_ptr<const EmissionAngularDistribution> angularLaw(const DepositCase& c) {
    AngularDistributionParams p = c.angularParams;
    if (c.angular == "yamamura1981") {
        const auto& d = c.cathodes.front().discharge;
        const ElementTable& t = ElementTable::builtin();
        const SputterYield y(d.yieldModel, "none", t.get(d.gas), d.targetMaterial);
        const auto th = y.energyModel().thresholdEv();
        if (!th)
            throw std::invalid_argument(c.file +
                                        ": deposition.angular yamamura1981 needs a yield model with a threshold");
        p.ionEnergyEv = d.voltageV;
        p.thresholdEv = *th;
    }
    try {
        return makeAngularDistribution(c.angular, p);
    } catch (const std::invalid_argument& e) {
        throw std::invalid_argument(c.file + ": deposition.angular: " + e.what());
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

std::vector<double> cathodePowersW(const DepositCase& c, const std::vector<double>& trims) {
    const std::vector<double> t = cathodeTrims(c, trims);
    std::vector<double> out;
    for (const auto& g : c.cathodes)
        for (int i = 0; i < g.cathodeCount(); ++i) out.push_back(g.powerW * t.at(out.size()));
    return out;
}

std::vector<std::string> cathodeNamesOf(const DepositCase& c) {
    std::vector<std::string> out;
    for (const auto& g : c.cathodes)
        for (int i = 0; i < g.cathodeCount(); ++i)
            out.push_back(g.memberNames.size() == std::size_t(g.cathodeCount()) ? g.memberNames[std::size_t(i)]
                          : g.cathodeCount() > 1                                ? g.name + std::to_string(i + 1)
                                                                                : g.name);
    return out;
}

CathodeResponses responsesAt(const DepositCase& c, std::shared_ptr<const EmissionAngularDistribution> law, double life,
                             const std::vector<ErodedGroup>& eroded, const SubstrateGrid& grid,
                             TransportMethod method) {
    // Every fast/direct transport (deposit, its optimiser, the life sweep, the twin) loses
    // the atoms that miss the substrate.
    requireStickingTransport(c, method == TransportMethod::Fast ? "fast" : "direct");
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
                         const CathodeResponses* fine, const ProgressFn& progress) {
    Substrate coarse = c.substrate;
    coarse.pitchM = std::max(c.substrate.pitchM, c.substrateName == "wafer" ? 0.003 : 0.010);
    optimiserPitch = coarse.pitchM;
    const SubstrateGrid g = sampleSubstrate(coarse);
    if (progress) progress("optimiser: fluence of each cathode");
    std::vector<std::vector<double>> maps;
    if (fine) maps = fine->sampledOn(g);
    if (maps.empty()) {
        const CathodeResponses r = responsesAt(c, law, life, eroded, g, method);
        for (std::size_t k = 0; k < r.cathodes(); ++k) maps.push_back(r.cathode(k));
    }
    return optimisePowerTrims(maps, g.inUniformityArea, c.minTrim, c.maxTrim);
}

DepositCase withRotaryWobble(DepositCase c, double amplitudeRad) {
    for (auto& g : c.cathodes)
        if (g.type == CathodeGroup::Type::RotaryArray) g.cathode.magnets.motion.wobbleAmplitudeRad = amplitudeRad;
    return c;
}

TransportMethod transportMethodOf(const std::string& method) {
    if (method == "fast") return TransportMethod::Fast;
    if (method == "direct") return TransportMethod::Direct;
    if (method == "mc") return TransportMethod::Direct;  // mc: the Monte Carlo replaces the transport
    throw std::invalid_argument("--method must be fast, direct or mc, got '" + method + "'");
}

GasScatteringSettings gasScatteringSettingsOf(const DepositCase& c) {
    const ElementTable& t = ElementTable::builtin();
    const auto& d = c.cathodes.front().discharge;
    for (const CathodeGroup& g : c.cathodes)
        if (!sameComposition(g.discharge.targetMaterial, d.targetMaterial))
            throw std::invalid_argument(c.file + ": the gas scattering model tallies one sputtered material; cathode " +
                                        g.name + " (" + g.discharge.targetMaterial.name + ") differs from " +
                                        d.targetMaterial.name + " (co-sputtering: use --method fast or direct)");
    if (!d.targetMaterial.isElement())
        throw std::invalid_argument(c.file + ": the gas scattering model takes one sputtered element; " +
                                    d.targetMaterial.name + " is a compound (run at process.pressure 0)");
    const Element &atom = t.get(d.targetMaterial.elementSymbol()), &gas = t.get(d.gas);
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
    return s;
}

namespace {

/// The fast gas model holds to p d = 10 Pa cm (GasAttenuationModel.hpp); d = the largest
/// source height above the substrate.
std::string gasModelRangeWarning(const DepositCase& c, const EmissionLayout& layout, const SubstrateGrid& g) {
    const double plane = g.grid.points.empty() ? 0.0 : g.grid.points[0].z();
    double d = 0;
    for (const auto& s : layout.sources)
        for (const auto& e : s.elements) d = std::max(d, e.position.z() - plane);
    if (!(c.pressurePa * d > kGasModelMaxPressureDistancePaM)) return {};
    std::ostringstream w;
    w << c.file << ": process.pressure: p d = " << c.pressurePa * d * 100
      << " Pa cm is beyond the fast gas model's validity (<= 10 Pa cm); use --method mc to check";
    return w.str();
}

/// The faces of the untilted planar targets in the Monte Carlo box's top plane (within a
/// target thickness of zTop: a used target's face has receded into it), in the resting
/// platen's frame. Where the platen turns the sources (turnsSources) the footprints would
/// turn too: refused when the targets' and shields' sticking differ.
std::vector<TopPlaneFootprint> topPlaneTargets(const DepositCase& c, double zTop) {
    std::vector<TopPlaneFootprint> out;
    if (c.chamberSticking.targets == c.chamberSticking.shields) return out;  // the same surface to an atom
    if (turnsSources(c.motion))
        throw std::invalid_argument(c.stickingOrigin +
                                    ".targets': differs from shields with a turned platen "
                                    "(substrates[].motion.platen_angle); give them one value");
    for (const CathodeGroup& g : c.cathodes) {
        const CathodeSpec& k = g.cathode;
        if (g.type == CathodeGroup::Type::RotaryArray || k.tilted() ||
            std::abs(k.position.z() - zTop) > std::max(k.geometry.thicknessM, 1e-9))
            continue;
        if (g.type == CathodeGroup::Type::PlanarCircular) {
            const double r = k.geometry.radiusM;
            out.push_back({k.position.x() - r, k.position.x() + r, k.position.y() - r, k.position.y() + r, true});
            continue;
        }
        for (int m = 0; m < g.count; ++m) {
            const double x = k.position.x() + (m - 0.5 * (g.count - 1)) * g.pitchM;
            out.push_back({x - 0.5 * k.geometry.widthM, x + 0.5 * k.geometry.widthM,
                           k.position.y() - 0.5 * k.geometry.lengthM, k.position.y() + 0.5 * k.geometry.lengthM,
                           false});
        }
    }
    return out;
}

/// Gas-scattering Monte Carlo fluence (static, rotation or oscillation: the tally on the
/// substrate plane, widened in x by the oscillation's reach): chamber = the box around the
/// tally plane and cathodes with the walls of ChamberWalls.hpp (foam-case's chamber), top at
/// the highest emitting point.
std::vector<double> monteCarloFluence(const DepositCase& c, const EmissionLayout& layout, const SubstrateGrid& g,
                                      const ProgressFn& progress) {
    if (c.motion.kind == SubstrateMotion::Kind::InlineScan)
        throw std::invalid_argument(c.file +
                                    ": --method mc supports motion kind static, rotation or oscillation, not scan");
    const bool oscillating = c.motion.kind == SubstrateMotion::Kind::Oscillation;
    const RegularPlaneGrid plane = oscillating ? oscillationPlane(g, c.motion)
                                               : RegularPlaneGrid{g.x0, g.y0, g.dx, g.dy, 0.0, g.grid.nu, g.grid.nv};
    ChamberBox box{plane.x0, plane.x0 + (plane.nx - 1) * plane.dx, g.y0, g.y0 + (g.grid.nv - 1) * g.dy, 0.0};
    const std::vector<EmissionSource> sources = inPlatenFrame(layout.sources, c.motion);  // a resting platen's frame
    for (const auto& s : sources)
        for (const auto& e : s.elements) {
            box.xMin = std::min(box.xMin, e.position.x());
            box.xMax = std::max(box.xMax, e.position.x());
            box.yMin = std::min(box.yMin, e.position.y());
            box.yMax = std::max(box.yMax, e.position.y());
            box.zTop = std::max(box.zTop, e.position.z());
        }
    const double mx = chamberWallMarginM(0.5 * (box.xMax - box.xMin)),
                 my = chamberWallMarginM(0.5 * (box.yMax - box.yMin));
    box.xMin -= mx, box.xMax += mx, box.yMin -= my, box.yMax += my;
    box.sticking = c.chamberSticking;
    box.targets = topPlaneTargets(c, box.zTop);
    const GasScatteringSettings s = gasScatteringSettingsOf(c);
    if (progress)
        progress("Monte Carlo: " + std::to_string(c.histories) + " histories at " + std::to_string(c.pressurePa) +
                 " Pa");
    const MonteCarloTally tally =
        gasScatteringFlux(sources, plane, c.substrateName == "wafer", box, s, std::uint64_t(c.histories));
    if (c.motion.kind == SubstrateMotion::Kind::WaferRotation)
        return rotationAverage(tally.fluxAtomsM2S, g, c.motion.timeS);
    if (oscillating) return oscillationFluence(tally.fluxAtomsM2S, g, c.motion);
    std::vector<double> f = tally.fluxAtomsM2S;
    for (double& v : f) v *= c.motion.timeS;
    return f;
}

}  // namespace

void requireStickingTransport(const DepositCase& c, const std::string& method) {
    if (method == "mc") return;
    const ChamberSticking& k = c.chamberSticking;
    for (auto [key, value] :
         {std::pair<const char*, double>{"targets", k.targets}, {"shields", k.shields}, {"walls", k.walls}})
        if (value < 1) {
            std::ostringstream m;
            m << c.stickingOrigin << "." << key << "': " << value << " < 1 needs --method mc: the " << method
              << " transport (also the power-trim optimiser's, the life sweep's and the twin's) loses every atom "
                 "that misses the substrate (sticking 1); the gas Monte Carlo follows the atoms the "
              << key << " give back";
            throw std::invalid_argument(m.str());
        }
}

DepositRun runDeposition(DepositCase c, double lifeKWh, const std::string& method, const ProgressFn& progress) {
    requireStickingTransport(c, method);
    const auto say = [&progress](const std::string& m) {
        if (progress) progress(m);
    };
    double bestWobbleU = 0;
    const TransportMethod transport = transportMethodOf(method);
    const auto law = angularLaw(c);
    const auto t0 = std::chrono::steady_clock::now();

    DepositRun run;
    run.method = method;
    run.lifeKWh = lifeKWh;
    try {
        run.grid = sampleSubstrate(c.substrate);
        // Wobble scan: the rotary wobble amplitude with the lowest U after trims.
        for (double amplitude : c.wobbleCandidatesRad) {
            const DepositCase trial = withRotaryWobble(c, amplitude);
            say("wobble " + std::to_string(amplitude * 180 / M_PI) + " deg");
            double pitch = 0;
            const auto erodedTrial = erodeCathodeGroups(trial.cathodes, law, lifeKWh);
            const TrimResult t = optimiseTrims(trial, law, lifeKWh, erodedTrial, transport, pitch, nullptr, progress);
            run.wobbleScan.emplace_back(amplitude, t.rangePctAfter);
            if (run.wobbleScan.size() == 1 || t.rangePctAfter < bestWobbleU) {
                bestWobbleU = t.rangePctAfter;
                c = trial;
            }
        }
        if (searchesEndBoost(c)) run.endBoost = chooseEndBoost(c, law, lifeKWh, transport, progress);
        run.config = c;
        say("erosion engine: emission of the used targets");
        const std::vector<ErodedGroup> eroded = erodeCathodeGroups(c.cathodes, law, lifeKWh);
        // fast/direct: the map is the trimmed sum of the cathodes' responses (one transport
        // per array), which the optimiser samples too.
        std::unique_ptr<CathodeResponses> responses;
        if (method != "mc") {
            say("transport (" + method + ") onto " + std::to_string(run.grid.grid.size()) + " points");
            responses = std::make_unique<CathodeResponses>(responsesAt(c, law, lifeKWh, eroded, run.grid, transport));
        }
        if (c.optimiseTrims) {
            const TrimResult t =
                optimiseTrims(c, law, lifeKWh, eroded, transport, run.optimiserPitchM, responses.get(), progress);
            run.trims = t;
            run.optimised = true;
        }
        const EmissionLayout layout =
            buildEmission(c.cathodes, law, lifeKWh, run.optimised ? run.trims.trims : std::vector<double>{}, &eroded);
        run.layout = layout;
        if (method != "mc") {
            std::string w = gasModelRangeWarning(c, layout, run.grid);
            if (!w.empty()) run.warnings.push_back(std::move(w));
        }
        // The film: per-species fluence, composition and thickness (FilmComposition.hpp).
        const FilmSpec film{c.filmMaterial, c.filmStated, c.sticking};
        const std::vector<Material> targets = cathodeMaterials(c.cathodes);
        DepositedFilm deposited =
            method == "mc"
                ? depositedFilm(monteCarloFluence(c, layout, run.grid, progress), targets.front(), film)
                : depositedFilm(*responses, targets,
                                cathodeTrims(c, run.optimised ? run.trims.trims : std::vector<double>{}), film);
        run.thicknessNm = std::move(deposited.thicknessNm);
        run.composition = std::move(deposited.composition);
        run.uniformity = uniformity(run.thicknessNm, run.grid.inUniformityArea, c.uniformityTargetPct);
        run.diagnosisGeometry = diagnosisGeometryOf(c, run.grid);
        if (run.uniformity.meanNm > 0)  // no film at all: nothing to split (U = 0 by definition)
            run.diagnosis = diagnoseUniformity(run.thicknessNm, run.grid.inUniformityArea, run.diagnosisGeometry);
        run.cathodePowerW = cathodePowersW(c, run.optimised ? run.trims.trims : std::vector<double>{});
        composeUniformity(run.composition, run.grid.inUniformityArea);
    } catch (const std::invalid_argument& e) {
        const std::string what = e.what();
        if (what.rfind(c.file, 0) == 0) throw;
        throw std::invalid_argument(c.file + ": " + what);
    }
    run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return run;
}

}  // namespace magtwin
