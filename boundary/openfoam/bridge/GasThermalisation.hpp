// GasThermalisation: the plugin's door to the core's gas model for the thermalised share of
// the sputtered atoms (solvers/deposition/GasAttenuationModel.hpp, the calibrated fast gas
// model `magtwin deposit` uses at a finite pressure).
//
// Of the atoms a target element emits, the share
//   f_th(h) = (1 - eta) (1 - 2 E_3(n sigma_eff h)),     n = p / (k T),
// scatters out of its line of sight before reaching a wall at distance h along the
// element's normal (2 E_3: the ballistic fraction of a cosine emitter at optical depth tau;
// Chandrasekhar, Radiative Transfer, 1950, ch. II) and thermalises at the distance
//   d_th = min(N_th / n, 0.95 h)
// from the element, along its normal (a fixed gas column N_th: d_th ~ 1/p, Westwood, J. Vac.
// Sci. Technol. 15 (1978) 1). The ballistic rest arrives weighted by
// m(r) = eta + (1 - eta) exp(-n sigma_eff r) (LineOfSight.hpp). sigma_eff, eta and N_th are
// the core's calibration (calibrateGasModel against the gas Monte Carlo). This adapter only
// converts: every number comes from GasAttenuation. Plain C++, no OpenFOAM and no core header.
#pragma once

namespace magtwin {
namespace foam {

class GasThermalisation {
public:
    /// p >= 0 (Pa; 0 = vacuum: nothing thermalises), T > 0 (K), sigma_eff >= 0 (m^2),
    /// eta in [0, 1], N_th >= 0 (m^-2). Throws std::invalid_argument naming the entry at fault
    /// (gasPressure, gasTemperature, sigmaEff, scatteredDeposited, thermalisationColumn).
    GasThermalisation(double pressurePa, double temperatureK, double sigmaEffM2, double scatteredDeposited,
                      double thermalisationColumnPerM2);

    /// n = p / (k T) (m^-3).
    double numberDensity() const { return numberDensity_; }
    /// f_th(h): the share of an element's emission that thermalises, h (m) the distance to the
    /// wall facing it along its normal.
    double thermalisedFraction(double h) const;
    /// d_th(h) (m): where along the element's normal the thermalised atoms are born.
    double thermalisationDistance(double h) const;

private:
    double numberDensity_ = 0.0, sigmaEff_ = 0.0, eta_ = 1.0, column_ = 0.0;
};

}  // namespace foam
}  // namespace magtwin
