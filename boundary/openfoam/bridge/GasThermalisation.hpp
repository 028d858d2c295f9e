// GasThermalisation: the plugin's door to the core's gas model for the thermalised share of
// the sputtered atoms (solvers/deposition/GasAttenuationModel.hpp, the calibrated fast gas
// model `magtwin deposit` uses at a finite pressure).
//
// Of the atoms a target element emits, the share
//   f_th = (1 - eta) (1 - <exp(-n sigma_eff r)>),     n = p / (k T),
// scatters out of its line of sight before reaching a wall (<.>: the mean over the element's
// emission, r the path length to the wall each direction meets; the Beer-Lambert factor of the
// core's m(r) = eta + (1 - eta) exp(-n sigma_eff r)), so that the ballistic arrivals on all
// walls, sum m(r), plus f_th are the emission. Facing one plane at distance h the mean is
// 2 E_3(n sigma_eff h) (a cosine emitter at optical depth tau; Chandrasekhar, Radiative
// Transfer, 1950, ch. II) and f_th is the core's GasAttenuation::thermalisedFraction(h)
// (tested); in a chamber the side walls shorten the paths and f_th is smaller. The atoms
// thermalise at the distance
//   d_th = min(N_th / n, 0.95 h)
// from the element, along its normal (h: the distance to the wall along it) (a fixed gas column N_th: d_th ~ 1/p, Westwood, J. Vac.
// Sci. Technol. 15 (1978) 1). The ballistic rest arrives weighted by
// m(r) = eta + (1 - eta) exp(-n sigma_eff r) (LineOfSight.hpp). sigma_eff, eta and N_th are
// the core's calibration (calibrateGasModel against the gas Monte Carlo). This adapter only
// converts: every number comes from GasAttenuation. Plain C++, no OpenFOAM and no core header.
#pragma once

#include <memory>
#include <string>

namespace magtwin {
class EmissionAngularDistribution;
namespace foam {

class GasThermalisation {
public:
    /// p >= 0 (Pa; 0 = vacuum: nothing thermalises), T > 0 (K), sigma_eff >= 0 (m^2),
    /// eta in [0, 1], N_th >= 0 (m^-2). Throws std::invalid_argument naming the entry at fault
    /// (gasPressure, gasTemperature, sigmaEff, scatteredDeposited, thermalisationColumn).
    /// `distribution` / `cosExponent`: the emission's angular law (EmissionAngularDistribution:
    /// cosine, cosn), as filmDeposition's; an unknown name lists the valid ones.
    GasThermalisation(double pressurePa, double temperatureK, double sigmaEffM2, double scatteredDeposited,
                      double thermalisationColumnPerM2, const std::string& distribution = "cosine",
                      double cosExponent = 1.0);

    /// n = p / (k T) (m^-3).
    double numberDensity() const { return numberDensity_; }
    /// The core's plane formula f_th(h) = (1 - eta)(1 - 2 E_3(n sigma_eff h)) (h in m).
    double thermalisedFraction(double h) const;
    /// Solid-angle weight of a wall face of area A (m^2) at distance r (m) seen from an element:
    /// p(cos_e) cos_r A / r^2 (p: the emission law per steradian; 0 unless both cosines > 0).
    double viewWeight(double cosEmit, double cosReceive, double areaM2, double r) const;
    /// exp(-n sigma_eff r): the unscattered share of a path of length r (m).
    double transmission(double r) const;
    /// f_th = (1 - eta)(1 - meanTransmission): the share scattered out of the line of sight.
    double thermalisedFractionOf(double meanTransmission) const;
    /// d_th(h) (m): where along the element's normal the thermalised atoms are born.
    double thermalisationDistance(double h) const;

private:
    double numberDensity_ = 0.0, sigmaEff_ = 0.0, eta_ = 1.0, column_ = 0.0;
    std::shared_ptr<const EmissionAngularDistribution> angular_;
};

}  // namespace foam
}  // namespace magtwin
