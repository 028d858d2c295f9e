// LogSimulator: a tool log with known truth from a SimulationRecipe, written in the tool
// file's own log mapping (LogFormat: columns, units, timestamp format), so `twin sync` reads
// it like a real export.
//
// Power model: every source's delivered power is piecewise linear in time with its breaks
// on logged rows (ramps, holds, a one-row dip per arc; steps are whole sample intervals);
// the substrate shutter is open exactly in the deposition step. Power, setpoint and the
// tool's usage counter are written without noise (a regulated supply reports its output);
// voltage (0.5 %), pressure (1 %), gas flow (0.5 %) and the crystal monitor's rate (2 %)
// carry seeded Gaussian noise; current = power / voltage. Columns the simulator has no
// model for are left empty (a missing value).
//
// The truth (analyticTruth) is computed from the recipe alone, not from the rows: energy of
// a ramp (P_a + P_b) / 2 * T, of a hold P * T, of the idle step's first interval P_a * dt / 2,
// minus (1 - residual) * P * dt per arc; per target ID (a target change starts a new ID at
// the idle step's second row, where the power is already 0).
#pragma once

#include "twin/logs/LogFormat.hpp"
#include "twin/simulate/SimulationRecipe.hpp"

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace magtwin {

/// One source of the log format (same order as LogFormat::sources).
struct SimulatedSource {
    std::string cathode, material;
    double voltageV = 500.0;         ///< the cathode's discharge voltage (tool file)
    double filmRateMPerSPerW = 0.0;  ///< crystal monitor's film rate per watt of this source
};

struct TargetTruth {
    std::string source, targetId;
    double energyJ = 0.0;
};

struct SubstrateTruth {
    std::string id;
    std::vector<double> depositionEnergyJ;  ///< per source, with the substrate shutter open
};

struct SimulationTruth {
    std::vector<TargetTruth> targets;
    std::vector<SubstrateTruth> substrates;
};

/// Energy per target and per substrate's deposition, from the recipe (see the header).
SimulationTruth analyticTruth(const SimulationRecipe& r, const std::vector<SimulatedSource>& sources);

/// What writing the rows found: counts and the log lines of the events.
struct SimulatedLogFacts {
    std::int64_t rows = 0, lines = 0, bytes = 0;
    std::vector<std::int64_t> gapLines;  ///< first logged row after each gap
    std::vector<std::int64_t> arcLines;
    std::vector<std::int64_t> targetChangeLines;
};

struct SimulatedLogSettings {
    std::string toolName;
    std::uint64_t seed = 1;
    double qcmTooling = 1.0;
    std::string filmMaterial;
};

/// Writes the whole log (preamble, header, rows) to `out`. Throws std::invalid_argument
/// (naming the tool or the recipe file) when the format cannot carry the recipe: a current
/// column mapped before its voltage column, a supply switch without a switch column.
SimulatedLogFacts writeSimulatedLog(std::ostream& out, const LogFormat& format, const SimulationRecipe& r,
                                    const std::vector<SimulatedSource>& sources, const SimulatedLogSettings& settings);

}  // namespace magtwin
