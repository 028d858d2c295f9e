#include "twin/simulate/LogSimulation.hpp"

namespace magtwin {

LogSimulationResult simulateLog(std::ostream& log, const LogSimulation& s, const ProgressFn& progress) {
    LogSimulationResult r;
    r.film = simulatedFilm(s.filmCase, s.metrologyPitchM, s.transport, &r.gas, progress);
    r.sources = s.sources;
    for (auto& src : r.sources) src.filmRateMPerSPerW = r.film.meanRatePerWatt(src.cathode);
    if (progress) progress("simulate-log: writing the log");
    r.facts = writeSimulatedLog(log, s.format, s.recipe, r.sources, s.settings);
    r.truth = analyticTruth(s.recipe, r.sources);
    r.maps = metrologyMaps(r.film, r.truth, r.sources, s.metrologyEvery, s.metrologyNoisePct, s.settings.seed);
    return r;
}

}  // namespace magtwin
