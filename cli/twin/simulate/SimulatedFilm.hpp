// SimulatedFilm: the film a simulated log's deposition steps leave, from the project's own
// deposition model (the `deposit` machinery, cli/deposit/DepositSteps.hpp: new targets,
// the tool file's transport settings, fast method) on a coarse copy of the substrate grid.
// Film thickness is linear in each cathode's discharge energy (sputtered atoms per joule,
// CathodeLayout.hpp), so one transport per tool gives every substrate's map:
//   t(x, y) = sum_k (E_k / (P_k,nom * t_nom)) * t_k,nom(x, y)
// with E_k the energy cathode k delivered with the substrate shutter open, P_k,nom and t_nom
// the tool file's discharge power and substrate motion time. The crystal monitor's reading
// is the mean film rate over the uniformity area per watt of each cathode (a project
// simplification: the monitor's own position is not transported).
// FilmTransport: the transport method (fast by default) and, for a known injected gas
// strength, sigma_eff and the pressure (the recipe's chamber pressure) in place of the tool
// file's process pressure and gas_model cross-section (eta and N_th stay the tool file's).
#pragma once

#include "deposition/Substrate.hpp"
#include "deposition/SubstrateMotion.hpp"
#include "tool/ToolFile.hpp"

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

/// The film model of the tool's substrate of kind `kind` ("glass" or "wafer") at `pitchM`.
SimulatedFilm simulatedFilm(const ToolFile& tool, const std::string& kind, double pitchM, const FilmTransport& transport = {},
                            FilmGas* used = nullptr);

/// Writes x_mm,y_mm,thickness_nm for the points on the substrate.
void writeMetrologyCsv(const std::string& path, const SimulatedFilm& film, const std::vector<double>& thicknessNm);

}  // namespace magtwin
