// `magtwin twin simulate-log TOOL.yaml --recipe FILE --out LOG.csv [--seed N]
//  [--metrology-every N --metrology-dir DIR] [--metrology-pitch MM] [--metrology-noise PCT]
//  [--metrology-method fast|direct] [--gas-sigma-eff M2] [--format NAME]`:
// a tool log with known truth (docs/simulate-log.md). Writes LOG.csv in the tool file's
// log mapping, LOG.truth.json (energy per target ID from the recipe, the lines of gaps,
// arcs and target changes) and, for every Nth substrate, DIR/<substrate ID>.csv (x_mm, y_mm,
// thickness_nm) from the deposition model (with --metrology-noise, each point times
// 1 + N(0, PCT/100) from std::mt19937_64 seeded with the seed + 1: same seed, same maps; the
// truth's "gas" is the gas the maps were computed with). Everything is written to temporary names and
// renamed at the end: bad input leaves no partial output. The simulator is twin/simulate.
#include "cli/twin/TwinCommands.hpp"

#include "boundary/util/Json.hpp"
#include "cli/Progress.hpp"
#include "cli/UsageError.hpp"
#include "cli/tool/ToolFile.hpp"
#include "cli/twin/SimulationRecipeReader.hpp"
#include "cli/twin/TwinToolFile.hpp"
#include "postprocessing/io/AtomicFile.hpp"
#include "twin/simulate/LogSimulation.hpp"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace magtwin {

namespace {

std::string lineList(const std::vector<std::int64_t>& lines) {
    std::string s = "[";
    for (std::size_t i = 0; i < lines.size(); ++i) s += (i ? "," : "") + std::to_string(lines[i]);
    return s + "]";
}

/// LOG.csv -> LOG.truth.json
std::string truthPathOf(const std::string& log) {
    std::filesystem::path p(log);
    return (p.parent_path() / (p.stem().string() + ".truth.json")).string();
}

void writeText(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out) throw UsageError(path + ": cannot write");
}

}  // namespace

int runTwinSimulate(const TwinSimulateOptions& o) {
    if (o.metrologyEvery < 0) throw UsageError("--metrology-every must be >= 0");
    if (o.metrologyEvery > 0 && o.metrologyDir.empty()) throw UsageError("--metrology-every needs --metrology-dir");
    if (!(o.metrologyNoisePct >= 0.0 && o.metrologyNoisePct < 50.0))
        throw UsageError("--metrology-noise must be in [0, 50) percent");
    if (o.metrologyMethod != "fast" && o.metrologyMethod != "direct")
        throw UsageError("--metrology-method must be fast or direct, got '" + o.metrologyMethod + "'");
    if (!(o.gasSigmaEffM2 >= 0.0)) throw UsageError("--gas-sigma-eff must be >= 0 (m^2)");
    const TwinToolFile twin = loadTwinToolFile(o.toolFile);
    if (twin.logs.empty()) throw UsageError(o.toolFile + ": no logs: section (simulate-log writes a mapped log)");
    const LogFormat& format = twin.format(o.format);
    const ToolFile tool = loadToolFile(o.toolFile);
    std::vector<std::string> cathodes, supplies;
    for (const auto& s : format.sources) cathodes.push_back(s.cathode);
    for (const auto& s : format.supplies) supplies.push_back(s.name);
    LogSimulation sim;
    sim.format = format;
    sim.recipe = readSimulationRecipe(o.recipe, cathodes, supplies);
    const SimulationRecipe& recipe = sim.recipe;
    for (const SourceChannels& sc : format.sources) {
        const ToolCathode& c = tool.cathode(sc.cathode);
        sim.sources.push_back({sc.cathode, c.target.material.name, c.discharge.voltageV, 0.0});
    }
    sim.settings.toolName = tool.name;
    sim.settings.seed = o.seed;
    sim.settings.filmMaterial = tool.substrate(tool.substrates.front().name).filmMaterial.name;
    for (const auto& s : tool.sensors) sim.settings.qcmTooling = s.toolingFactor;
    sim.filmCase = simulationCaseFor(tool, recipe.substrateKind);
    sim.metrologyPitchM = o.metrologyPitchMm > 0            ? o.metrologyPitchMm * 1e-3
                          : recipe.substrateKind == "wafer" ? 0.005
                                                            : 0.020;
    sim.transport.method = o.metrologyMethod == "direct" ? TransportMethod::Direct : TransportMethod::Fast;
    sim.transport.sigmaEffM2 = o.gasSigmaEffM2;
    sim.transport.pressurePa = recipe.pressurePa;
    sim.metrologyEvery = o.metrologyEvery;
    sim.metrologyNoisePct = o.metrologyNoisePct;

    const std::string suffix = ".tmp-" + std::to_string(::getpid());
    const std::string logTmp = o.out + suffix, truthPath = truthPathOf(o.out), truthTmp = truthPath + suffix;
    const std::string dirTmp = o.metrologyDir + suffix;
    try {
        LogSimulationResult run;
        {
            std::ofstream out(logTmp, std::ios::binary);
            if (!out) throw UsageError(o.out + ": cannot write");
            run = simulateLog(out, sim, terminalProgress());
            out.close();
            if (!out) throw UsageError(o.out + ": write failed");
        }
        const SimulatedLogFacts& facts = run.facts;
        const SimulationTruth& truth = run.truth;
        const FilmGas& gas = run.gas;
        std::string metrology = "[";
        if (o.metrologyEvery > 0) std::filesystem::create_directories(dirTmp);
        for (const MetrologyMap& m : run.maps) {
            const std::string name = m.substrateId + ".csv";
            std::ofstream csv(dirTmp + "/" + name, std::ios::binary);
            writeMetrologyCsv(csv, run.film, m.thicknessNm);
            if (!csv) throw UsageError(dirTmp + "/" + name + ": cannot write");
            metrology += std::string(metrology.size() > 1 ? "," : "") + "{\"substrate\":" + jsonString(m.substrateId) +
                         ",\"file\":" + jsonString(name) + "}";
        }
        metrology += "]";
        std::ostringstream j;
        j << "{\"tool\":" << jsonString(tool.name) << ",\"recipe\":" << jsonString(recipe.name)
          << ",\"seed\":" << o.seed << ",\"log_format\":" << jsonString(format.name) << ",\"rows\":" << facts.rows
          << ",\"lines\":" << facts.lines << ",\"bytes\":" << facts.bytes << ",\"substrates\":" << recipe.substrates
          << ",\"deposition_steps\":" << recipe.substrates << ",\"targets\":[";
        for (std::size_t t = 0; t < truth.targets.size(); ++t)
            j << (t ? "," : "") << "{\"source\":" << jsonString(truth.targets[t].source)
              << ",\"target_id\":" << jsonString(truth.targets[t].targetId)
              << ",\"energy_kWh\":" << jsonNumber(truth.targets[t].energyJ / 3.6e6) << "}";
        j << "],\"gap_lines\":" << lineList(facts.gapLines) << ",\"arc_lines\":" << lineList(facts.arcLines)
          << ",\"target_change_lines\":" << lineList(facts.targetChangeLines) << ",\"metrology\":" << metrology
          << ",\"metrology_noise_pct\":" << jsonNumber(o.metrologyNoisePct)
          << ",\"gas\":{\"pressure_Pa\":" << jsonNumber(gas.pressurePa)
          << ",\"sigma_eff_m2\":" << jsonNumber(gas.sigmaEffM2) << ",\"eta\":" << jsonNumber(gas.eta)
          << ",\"thermalisation_column_per_m2\":" << jsonNumber(gas.thermalisationColumnPerM2)
          << ",\"temperature_K\":" << jsonNumber(gas.temperatureK) << "}}\n";
        writeText(truthTmp, j.str());
        if (o.metrologyEvery > 0) {
            std::filesystem::remove_all(o.metrologyDir);
            std::filesystem::rename(dirTmp, o.metrologyDir);
        }
        commitFile(truthTmp, truthPath);  // (a device such as /dev/null is written in place)
        commitFile(logTmp, o.out);
        std::cout << o.out << ": " << facts.rows << " rows, " << facts.bytes << " bytes, "
                  << format.numeric.size() + format.text.size() + 1 << " columns; truth " << truthPath << "\n";
    } catch (...) {
        std::error_code ec;
        std::filesystem::remove(logTmp, ec);
        std::filesystem::remove(truthTmp, ec);
        std::filesystem::remove_all(dirTmp, ec);
        throw;
    }
    return 0;
}

}  // namespace magtwin
