// LogSimulation: one `twin simulate-log` run as a library call: the film model of the
// tool's deposition case (SimulatedFilm.hpp), whose mean rate per watt feeds the crystal
// monitor; the log rows (writeSimulatedLog); the recipe's analytic truth (analyticTruth);
// and the metrology maps of every N-th substrate (metrologyMaps). The caller resolves the
// tool file and the recipe into these structs and writes the outputs.
#pragma once

#include "solvers/deposition/DepositCase.hpp"
#include "twin/simulate/LogSimulator.hpp"
#include "twin/simulate/SimulatedFilm.hpp"

#include <ostream>
#include <vector>

namespace magtwin {

struct LogSimulation {
    LogFormat format;
    SimulationRecipe recipe;
    /// One per format source (same order); filmRateMPerSPerW is filled from the film.
    std::vector<SimulatedSource> sources;
    SimulatedLogSettings settings;
    DepositCase filmCase;  ///< the tool's case for the recipe's substrate kind
    double metrologyPitchM = 0.020;
    FilmTransport transport;
    int metrologyEvery = 0;  ///< 0: no maps
    double metrologyNoisePct = 0.0;
};

struct LogSimulationResult {
    SimulatedLogFacts facts;
    SimulationTruth truth;
    SimulatedFilm film;
    FilmGas gas;  ///< the gas the maps were computed with
    std::vector<MetrologyMap> maps;
    std::vector<SimulatedSource> sources;  ///< as written (with the film rates)
};

/// Writes the log to `log` and returns its facts, the truth, the film and the maps. Throws
/// std::invalid_argument for a format that cannot carry the recipe or a case the deposition
/// model cannot run (the message names the file).
LogSimulationResult simulateLog(std::ostream& log, const LogSimulation& s, const ProgressFn& progress = {});

}  // namespace magtwin
