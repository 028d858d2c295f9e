// `magtwin twin simulate-log TOOL.yaml --recipe FILE --out LOG.csv [--seed N]
//  [--metrology-every N --metrology-dir DIR] [--metrology-pitch MM] [--metrology-noise PCT]
//  [--metrology-method fast|direct] [--gas-sigma-eff M2] [--format NAME]`:
// a tool log with known truth (docs/simulate-log.md). Writes LOG.csv in the tool file's
// log mapping, LOG.truth.json (energy per target ID from the recipe, the lines of gaps,
// arcs and target changes) and, for every Nth substrate, DIR/<substrate ID>.csv (x_mm, y_mm,
// thickness_nm) from the deposition model (with --metrology-noise, each point times
// 1 + N(0, PCT/100) from std::mt19937_64 seeded with the seed + 1: same seed, same maps; the
// truth's "gas" is the gas the maps were computed with). Everything is written to temporary names and
// renamed at the end: bad input leaves no partial output.
#include "twin/TwinCommands.hpp"

#include "UsageError.hpp"
#include "deposition/DepositionRun.hpp"
#include "Progress.hpp"
#include "tool/ToolFile.hpp"
#include "twin/TwinJson.hpp"
#include "twin/TwinToolFile.hpp"
#include "twin/simulate/LogSimulator.hpp"
#include "twin/simulate/SimulatedFilm.hpp"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
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
    if (!(o.metrologyNoisePct >= 0.0 && o.metrologyNoisePct < 50.0)) throw UsageError("--metrology-noise must be in [0, 50) percent");
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
    const SimulationRecipe recipe = readSimulationRecipe(o.recipe, cathodes, supplies);

    const double pitchM = o.metrologyPitchMm > 0 ? o.metrologyPitchMm * 1e-3 : recipe.substrateKind == "wafer" ? 0.005 : 0.020;
    FilmTransport transport;
    transport.method = o.metrologyMethod == "direct" ? TransportMethod::Direct : TransportMethod::Fast;
    transport.sigmaEffM2 = o.gasSigmaEffM2;
    transport.pressurePa = recipe.pressurePa;
    FilmGas gas;
    const SimulatedFilm film = simulatedFilm(tool, recipe.substrateKind, pitchM, transport, &gas);
    std::vector<SimulatedSource> sources;
    for (const SourceChannels& sc : format.sources) {
        const ToolCathode& c = tool.cathode(sc.cathode);
        sources.push_back({sc.cathode, c.target.material, c.discharge.voltageV, film.meanRatePerWatt(sc.cathode)});
    }
    SimulatedLogSettings settings;
    settings.toolName = tool.name;
    settings.seed = o.seed;
    settings.filmMaterial = tool.substrate(tool.substrates.front().name).filmMaterial;
    for (const auto& s : tool.sensors) settings.qcmTooling = s.toolingFactor;

    const std::string suffix = ".tmp-" + std::to_string(::getpid());
    const std::string logTmp = o.out + suffix, truthPath = truthPathOf(o.out), truthTmp = truthPath + suffix;
    const std::string dirTmp = o.metrologyDir + suffix;
    try {
        progress("simulate-log: writing " + o.out);
        SimulatedLogFacts facts;
        {
            std::ofstream out(logTmp, std::ios::binary);
            if (!out) throw UsageError(o.out + ": cannot write");
            facts = writeSimulatedLog(out, format, recipe, sources, settings);
            out.close();
            if (!out) throw UsageError(o.out + ": write failed");
        }
        const SimulationTruth truth = analyticTruth(recipe, sources);
        std::string metrology = "[";
        if (o.metrologyEvery > 0) {
            std::filesystem::create_directories(dirTmp);
            std::mt19937_64 rng(o.seed + 1);
            std::normal_distribution<double> noise(0.0, o.metrologyNoisePct / 100.0);
            for (int s = o.metrologyEvery - 1; s < recipe.substrates; s += o.metrologyEvery) {
                const SubstrateTruth& st = truth.substrates[std::size_t(s)];
                std::vector<double> energy(film.cathodes.size(), 0.0);
                for (std::size_t k = 0; k < film.cathodes.size(); ++k)
                    for (std::size_t j = 0; j < sources.size(); ++j)
                        if (sources[j].cathode == film.cathodes[k]) energy[k] = st.depositionEnergyJ[j];
                auto map = film.thicknessNm(energy);
                if (o.metrologyNoisePct > 0.0)
                    for (auto& t : map) t *= 1.0 + noise(rng);
                const std::string name = st.id + ".csv";
                writeMetrologyCsv(dirTmp + "/" + name, film, map);
                metrology += std::string(metrology.size() > 1 ? "," : "") + "{\"substrate\":" + jsonString(st.id) +
                             ",\"file\":" + jsonString(name) + "}";
            }
        }
        metrology += "]";
        std::ostringstream j;
        j << "{\"tool\":" << jsonString(tool.name) << ",\"recipe\":" << jsonString(recipe.name) << ",\"seed\":" << o.seed
          << ",\"log_format\":" << jsonString(format.name) << ",\"rows\":" << facts.rows << ",\"lines\":" << facts.lines
          << ",\"bytes\":" << facts.bytes << ",\"substrates\":" << recipe.substrates
          << ",\"deposition_steps\":" << recipe.substrates << ",\"targets\":[";
        for (std::size_t t = 0; t < truth.targets.size(); ++t)
            j << (t ? "," : "") << "{\"source\":" << jsonString(truth.targets[t].source)
              << ",\"target_id\":" << jsonString(truth.targets[t].targetId)
              << ",\"energy_kWh\":" << jsonNumber(truth.targets[t].energyJ / 3.6e6, 17) << "}";
        j << "],\"gap_lines\":" << lineList(facts.gapLines) << ",\"arc_lines\":" << lineList(facts.arcLines)
          << ",\"target_change_lines\":" << lineList(facts.targetChangeLines) << ",\"metrology\":" << metrology
          << ",\"metrology_noise_pct\":" << jsonNumber(o.metrologyNoisePct) << ",\"gas\":{\"pressure_Pa\":" << jsonNumber(gas.pressurePa, 17)
          << ",\"sigma_eff_m2\":" << jsonNumber(gas.sigmaEffM2, 17) << ",\"eta\":" << jsonNumber(gas.eta, 17)
          << ",\"thermalisation_column_per_m2\":" << jsonNumber(gas.thermalisationColumnPerM2, 17)
          << ",\"temperature_K\":" << jsonNumber(gas.temperatureK, 17) << "}}\n";
        writeText(truthTmp, j.str());
        if (o.metrologyEvery > 0) {
            std::filesystem::remove_all(o.metrologyDir);
            std::filesystem::rename(dirTmp, o.metrologyDir);
        }
        std::filesystem::rename(truthTmp, truthPath);
        std::filesystem::rename(logTmp, o.out);
        std::cout << o.out << ": " << facts.rows << " rows, " << facts.bytes << " bytes, " << format.numeric.size() + format.text.size() + 1
                  << " columns; truth " << truthPath << "\n";
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
