#include "twin/simulate/SimulatedFilm.hpp"

#include "config/ConfigReader.hpp"
#include "deposition/DepositionRun.hpp"
#include "Progress.hpp"
#include "deposit/DepositConfig.hpp"
#include "deposition/Uniformity.hpp"
#include "elements/ElementTable.hpp"

#include <cstdio>
#include <fstream>

namespace magtwin {

double SimulatedFilm::meanRatePerWatt(const std::string& name) const {
    for (std::size_t k = 0; k < cathodes.size(); ++k) {
        if (cathodes[k] != name) continue;
        double sum = 0;
        std::size_t count = 0;
        for (std::size_t i = 0; i < nominalNm[k].size(); ++i)
            if (grid.inUniformityArea[i]) sum += nominalNm[k][i], ++count;
        return count ? sum / double(count) * 1e-9 / nominalEnergyJ[k] : 0.0;
    }
    return 0.0;
}

std::vector<double> SimulatedFilm::thicknessNm(const std::vector<double>& energyJ) const {
    std::vector<double> t(grid.grid.size(), 0.0);
    for (std::size_t k = 0; k < cathodes.size(); ++k)
        for (std::size_t i = 0; i < t.size(); ++i) t[i] += energyJ[k] / nominalEnergyJ[k] * nominalNm[k][i];
    return t;
}

SimulatedFilm simulatedFilm(const ToolFile& tool, const std::string& kind, double pitchM, const FilmTransport& transport,
                            FilmGas* used) {
    std::string substrate;
    for (const auto& s : tool.substrates)
        if (s.kind == kind) {
            substrate = s.name;
            break;
        }
    if (substrate.empty()) throw ConfigError(tool.path + ": the recipe's substrate kind '" + kind + "' is not a substrate of the tool");
    DepositCase c = depositCaseFor(tool, substrate);
    c.substrate.pitchM = std::max(c.substrate.pitchM, pitchM);
    if (transport.sigmaEffM2 > 0.0) c.gasSigmaEffM2 = transport.sigmaEffM2, c.pressurePa = transport.pressurePa;
    if (used) *used = {c.pressurePa, c.gasSigmaEffM2, c.gasEta, c.gasThermalisationColumnPerM2, c.gasTemperatureK};
    const auto law = angularLaw(c);
    const auto eroded = erodeCathodeGroups(c.cathodes, law, 0.0);
    SimulatedFilm film;
    film.grid = sampleSubstrate(c.substrate);
    progress("simulate-log: film of each cathode on " + std::to_string(film.grid.grid.size()) + " points");
    const CathodeResponses responses = responsesAt(c, law, 0.0, eroded, film.grid, transport.method);
    const EmissionLayout layout = buildEmission(c.cathodes, law, 0.0, {}, &eroded);
    const double n = ElementTable::builtin().get(c.filmMaterial).atomicDensityPerM3();
    film.cathodes = layout.cathodeNames;
    std::size_t k = 0;
    for (const auto& g : c.cathodes)
        for (int i = 0; i < g.cathodeCount(); ++i, ++k) {
            film.nominalNm.push_back(magtwin::thicknessNm(responses.cathode(k), n, c.sticking));
            film.nominalEnergyJ.push_back(g.powerW * c.motion.timeS);
        }
    return film;
}

void writeMetrologyCsv(const std::string& path, const SimulatedFilm& film, const std::vector<double>& thicknessNm) {
    std::ofstream out(path, std::ios::binary);
    out << "x_mm,y_mm,thickness_nm\n";
    char b[96];
    for (std::size_t i = 0; i < thicknessNm.size(); ++i) {
        if (!film.grid.onSubstrate[i]) continue;
        const auto& p = film.grid.grid.points[i];
        std::snprintf(b, sizeof b, "%.1f,%.1f,%.4f\n", p.x() * 1e3, p.y() * 1e3, thicknessNm[i]);
        out << b;
    }
    if (!out) throw ConfigError(path + ": cannot write");
}

}  // namespace magtwin
