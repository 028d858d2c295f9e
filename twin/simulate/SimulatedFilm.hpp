// SimulatedFilm: the film a simulated log's deposition steps leave, from the project's own
// deposition model (solvers/deposition/DepositionRun.hpp: new targets, the case's transport
// settings, fast method by default) on a coarse copy of the substrate grid.
// Film thickness is linear in each cathode's discharge energy (sputtered atoms per joule,
// CathodeLayout.hpp), so one transport per tool gives every substrate's map:
//   t(x, y) = sum_k (E_k / (P_k,nom * t_nom)) * t_k,nom(x, y)
// with E_k the energy cathode k delivered with the substrate shutter open, P_k,nom and t_nom
// the case's discharge power and substrate motion time. The crystal monitor's reading
// is the mean film rate over the uniformity area per watt of each cathode (a project
// simplification: the monitor's own position is not transported).
// FilmTransport: the transport method (fast by default) and, for a known injected gas
// strength, sigma_eff and the pressure (the recipe's chamber pressure) in place of the
// case's process pressure and gas_model cross-section (eta and N_th stay the case's).
#pragma once

#include "solvers/deposition/DepositCase.hpp"
#include "solvers/deposition/DepositionRun.hpp"
#include "solvers/deposition/Substrate.hpp"
#include "solvers/deposition/SubstrateMotion.hpp"
#include "twin/simulate/LogSimulator.hpp"

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace magtwin {

struct SimulatedFilm {
    std::vector<std::string> cathodes;           ///< cathode names, order of the maps
    std::vector<std::vector<double>> nominalNm;  ///< per cathode: thickness at P_nom for t_nom
    std::vector<double> nominalEnergyJ;          ///< per cathode: P_nom * t_nom
    SubstrateGrid grid;

    /// Film rate (m/s) per watt of cathode `name`, averaged over the uniformity area.
    double meanRatePerWatt(const std::string& name) const;
    /// The map after `energyJ` (per cathode, order of `cathodes`) with the shutter open.
    std::vector<double> thicknessNm(const std::vector<double>& energyJ) const;
};

struct FilmTransport {
    TransportMethod method = TransportMethod::Fast;
    double sigmaEffM2 = 0.0;  ///< > 0: inject this gas strength at pressurePa
    double pressurePa = 0.0;
};

/// The gas the film is computed with: pressure (0 = vacuum), sigma_eff, eta, N_th, T.
struct FilmGas {
    double pressurePa = 0.0, sigmaEffM2 = 0.0, eta = 0.0, thermalisationColumnPerM2 = 0.0, temperatureK = 300.0;
};

/// The film model of case `c` (new targets, life 0) on its substrate sampled at
/// max(c's pitch, `pitchM`); the gas used goes to `used`.
SimulatedFilm simulatedFilm(DepositCase c, double pitchM, const FilmTransport& transport = {}, FilmGas* used = nullptr,
                            const ProgressFn& progress = {});

/// One substrate's metrology map (points of film.grid; only those on the substrate are written).
struct MetrologyMap {
    std::string substrateId;
    std::vector<double> thicknessNm;
};

/// The maps of substrates every, 2 every, ... (1-based; every >= 1): the film after the
/// energy each source delivered in that substrate's deposition step (truth.substrates). With
/// noisePct > 0 each point is multiplied by 1 + N(0, noisePct / 100) drawn from one
/// std::mt19937_64 seeded with seed + 1 (the log's own noise uses `seed`), in map and point
/// order: the same seed gives the same maps.
std::vector<MetrologyMap> metrologyMaps(const SimulatedFilm& film, const SimulationTruth& truth,
                                        const std::vector<SimulatedSource>& sources, int every, double noisePct,
                                        std::uint64_t seed);

/// Writes x_mm,y_mm,thickness_nm (header and one line per point on the substrate).
void writeMetrologyCsv(std::ostream& out, const SimulatedFilm& film, const std::vector<double>& thicknessNm);

}  // namespace magtwin
