#include "twin/simulate/SimulatedFilm.hpp"

#include "boundary/elements/ElementTable.hpp"
#include "solvers/deposition/Uniformity.hpp"

#include <algorithm>
#include <cstdio>
#include <random>

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

SimulatedFilm simulatedFilm(DepositCase c, double pitchM, const FilmTransport& transport, FilmGas* used,
                            const ProgressFn& progress) {
    c.substrate.pitchM = std::max(c.substrate.pitchM, pitchM);
    if (transport.sigmaEffM2 > 0.0) c.gasSigmaEffM2 = transport.sigmaEffM2, c.pressurePa = transport.pressurePa;
    if (used) *used = {c.pressurePa, c.gasSigmaEffM2, c.gasEta, c.gasThermalisationColumnPerM2, c.gasTemperatureK};
    const auto law = angularLaw(c);
    const auto eroded = erodeCathodeGroups(c.cathodes, law, 0.0);
    SimulatedFilm film;
    film.grid = sampleSubstrate(c.substrate);
    if (progress)
        progress("simulate-log: film of each cathode on " + std::to_string(film.grid.grid.size()) + " points");
    const CathodeResponses responses = responsesAt(c, law, 0.0, eroded, film.grid, transport.method);
    const EmissionLayout layout = buildEmission(c.cathodes, law, 0.0, {}, &eroded);
    const double n = c.filmMaterial.filmAtomicDensityPerM3();
    film.cathodes = layout.cathodeNames;
    std::size_t k = 0;
    for (const auto& g : c.cathodes)
        for (int i = 0; i < g.cathodeCount(); ++i, ++k) {
            film.nominalNm.push_back(magtwin::thicknessNm(responses.cathode(k), n, c.sticking));
            film.nominalEnergyJ.push_back(g.powerW * c.motion.timeS);
        }
    return film;
}

std::vector<MetrologyMap> metrologyMaps(const SimulatedFilm& film, const SimulationTruth& truth,
                                        const std::vector<SimulatedSource>& sources, int every, double noisePct,
                                        std::uint64_t seed) {
    std::vector<MetrologyMap> maps;
    if (every < 1) return maps;
    std::mt19937_64 rng(seed + 1);
    std::normal_distribution<double> noise(0.0, noisePct / 100.0);
    for (std::size_t s = std::size_t(every) - 1; s < truth.substrates.size(); s += std::size_t(every)) {
        const SubstrateTruth& st = truth.substrates[s];
        std::vector<double> energy(film.cathodes.size(), 0.0);
        for (std::size_t k = 0; k < film.cathodes.size(); ++k)
            for (std::size_t j = 0; j < sources.size(); ++j)
                if (sources[j].cathode == film.cathodes[k]) energy[k] = st.depositionEnergyJ[j];
        MetrologyMap m{st.id, film.thicknessNm(energy)};
        if (noisePct > 0.0)
            for (auto& t : m.thicknessNm) t *= 1.0 + noise(rng);
        maps.push_back(std::move(m));
    }
    return maps;
}

void writeMetrologyCsv(std::ostream& out, const SimulatedFilm& film, const std::vector<double>& thicknessNm) {
    out << "x_mm,y_mm,thickness_nm\n";
    char b[96];
    for (std::size_t i = 0; i < thicknessNm.size(); ++i) {
        if (!film.grid.onSubstrate[i]) continue;
        const auto& p = film.grid.grid.points[i];
        std::snprintf(b, sizeof b, "%.1f,%.1f,%.4f\n", p.x() * 1e3, p.y() * 1e3, thicknessNm[i]);
        out << b;
    }
}

}  // namespace magtwin
