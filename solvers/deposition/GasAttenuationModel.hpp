// GasAttenuationModel: the fast gas-scattering model for the twin and whole-glass maps,
// calibrated against the Monte Carlo (GasScatteringMonteCarlo.hpp).
//
// Ballistic + forward-scattered part (every line-of-sight contribution of length r):
//   m(r) = eta + (1 - eta) exp(-n sigma_eff r),     n = p / (k T),
// the unscattered fraction exp(-n sigma_eff r) (Beer-Lambert along the path) plus the
// scattered fraction that still deposits about where it was heading, eta (heavy sputtered
// atoms on a light gas keep their direction: the lab deflection per collision is at most
// asin(m_gas/m_atom), 25 deg for Mo in Ar). Since m depends on r only, the FFT method
// keeps its form (the factor goes into the kernel).
// Thermalised diffusive part (optional, thermalisationColumnPerM2 > 0): the remaining
// scattered atoms, a fraction (1 - eta)(1 - 2 E_3(n sigma_eff h)) of each element's
// emission (2 E_3(tau) = ballistic fraction of a cosine emitter at optical depth tau from a
// plane; Chandrasekhar, Radiative Transfer, 1950, ch. II), thermalise at the distance
// d_th = N_th / n from the target (a fixed gas column N_th: the thermalisation distance
// scales as 1/p, Westwood, J. Vac. Sci. Technol. 15 (1978) 1; Keller & Simmons, IBM J.
// Res. Dev. 23 (1979) 24), straight above the substrate point below the element, and
// diffuse between the absorbing substrate (z = 0) and the target plane (z = h, the
// element's height): point source at z0 = h - d_th, flux density onto the substrate by
// the method of images (Carslaw & Jaeger, Conduction of Heat in Solids, 2nd ed. 1959,
// sec. 10.10; sources at z0 + 2kh, sinks at -z0 + 2kh):
//   j(rho) = (1 / 2 pi) sum_k (z0 + 2kh) / (rho^2 + (z0 + 2kh)^2)^(3/2)
//          = (1 / pi h) sum_n>=1 (n pi / h) sin(n pi z0 / h) K_0(n pi rho / h),
// which integrates to 1 - z0/h over the plane (the rest returns to the target). This is
// the two-stage (ballistic + diffusion) picture of SIMTRA-type models reduced to a
// kernel (Van Aeken, Mahieu, Depla, J. Phys. D 41 (2008) 205307). sigma_eff, eta and N_th
// are not first-principles numbers: calibrateGasModel() fits them to Monte Carlo
// profiles. Approximations: the diffusive part assumes a substrate parallel to the target
// (normal +z), no side walls, d_th <= 0.95 h, no lateral drift before thermalisation.
// The diffusive part is a sum over elements (thermalisedDiffusionFlux, tabulated kernel per
// element height) for the direct method and a second lateral kernel per class in the FFT
// method (FastConvolutionTransport.hpp); `deposit` uses both through its gas: section.
// Validity (bench_deposition gas: Mo in Ar, 300 K, 10 cm throw, 100 mm planar disc cathode,
// max |model - MC| over 20 mm rings / MC peak): without the diffusive part, calibrated at 1
// and 5 Pa cm: <= 1.8 % at 1-5 Pa cm, 3.9 % at 10, 20 % at 20, 95 % at 40 Pa cm; with it,
// calibrated at 1, 5, 10 Pa cm: <= 2.0 % at 1-10 Pa cm, 7.4 % at 20, 30 % at 40 Pa cm
// (fitted eta -> 0: ballistic + diffusion alone). Beyond ~10 Pa cm a single sigma_eff
// cannot serve both the kept-direction and the removed atoms; fitted over 1-40 Pa cm the
// same form stays within 6.4 % everywhere (4.3 % at 1 Pa cm).
#pragma once

#include "solvers/deposition/EmissionSource.hpp"
#include "solvers/deposition/FastConvolutionTransport.hpp"

#include <vector>

namespace magtwin {

struct GasAttenuation {
    double numberDensityPerM3 = 0.0;  ///< n = p / (k T); 0 = vacuum (m = 1)
    double sigmaEffM2 = 0.0;
    double scatteredDeposited = 1.0;         ///< eta
    double thermalisationColumnPerM2 = 0.0;  ///< N_th = n d_th; 0 = no thermalised diffusive part
    double factor(double r) const;
    /// Fraction of an element's emission that thermalises and diffuses, at height h (m).
    double thermalisedFraction(double h) const;
    /// Height above the substrate (m) where atoms from height h thermalise.
    double thermalisationHeight(double h) const;
    static double numberDensity(double pressurePa, double temperatureK);
};

struct GasCalibration {
    double sigmaEffM2 = 0.0, eta = 1.0;
    double maxErrorOfPeak = 0.0;             ///< max |model - MC| / peak over the ring-averaged profile
    double thermalisationColumnPerM2 = 0.0;  ///< N_th (calibrateGasModel only)
};

/// The model with diffusion as calibrateGasModel() fits it to the Monte Carlo for Mo in Ar,
/// 300 K, 10 cm throw, p d = 1, 5, 10 Pa cm (bench_deposition gas: 6.31e-21 m^2, eta 0,
/// N_th 2.51e17 m^-2; within 2.0 % of peak at 1-10 Pa cm, 7.4 % at 20). Valid for
/// p d <= 10 Pa cm; the `deposit` default for fast/direct with a gas: section.
struct GasModelParameters {
    double sigmaEffM2, eta, thermalisationColumnPerM2;
};
constexpr GasModelParameters kMoInArGasModel{6.31e-21, 0.0, 2.51e17};
constexpr double kGasModelMaxPressureDistancePaM = 0.10;  ///< 10 Pa cm

/// Flux density (m^-2 per emitted atom) onto the absorbing plane z = 0 from a unit point
/// source of diffusion at height z0 between absorbing planes z = 0 and z = h, at radial
/// distance rho: image series (2 x 200 + 1 terms; the pairs beyond |k| = K add
/// ~z0/(4 h^3 K^2), < 1e-4 of the value at rho = h) for rho < h, the eigenfunction
/// (K_0) series beyond, where it converges exponentially.
double diffusionFluxDensity(double rho, double z0, double h);

/// diffusionFluxDensity tabulated in rho for one (z0, h): 2048 steps to min(9 h, rhoMax),
/// linear interpolation (beyond 9 h the flux has fallen as exp(-pi rho / h) below 1e-12 of
/// the peak; beyond the table it is taken as 0). Shared by the direct sum and the FFT kernel.
struct TabulatedDiffusionKernel {
    TabulatedDiffusionKernel(double z0, double h, double rhoMax);
    double operator()(double rho) const;
    double step = 0;
    std::vector<double> j;
};

/// The thermalised diffusive part at `points` (on a plane parallel to z = 0, flux through
/// it in atoms m^-2 s^-1); zero when gas.thermalisationColumnPerM2 <= 0. Per element-height
/// class the tabulated kernel, or the series itself when there are fewer point-element pairs
/// than table entries (a single crystal monitor).
std::vector<double> thermalisedDiffusionFlux(const std::vector<EmissionSource>& sources,
                                             const std::vector<Eigen::Vector3d>& points, const GasAttenuation& gas);

/// Ring-averaged radial profile (about the grid centre, bins of `binM`) of a grid field.
std::vector<double> radialProfile(const std::vector<double>& field, const RegularPlaneGrid& g, double binM,
                                  double rMax);

/// Fits sigma_eff and eta (grid search, sigma 1e-21..1e-18 m^2 log-spaced, eta 0..1 by 0.02) so the attenuated
/// line-of-sight profiles match the Monte Carlo fluxes `mcFlux[k]` at number densities
/// n[k] (one pressure alone cannot separate sigma from eta), ring-averaged; returns the
/// fit and its largest error relative to the MC peak over all pressures.
GasCalibration calibrateGasAttenuation(const std::vector<EmissionSource>& sources, const RegularPlaneGrid& g,
                                       const std::vector<std::vector<double>>& mcFlux,
                                       const std::vector<double>& numberDensityPerM3, double binM, double rMax);

/// Fits sigma_eff, eta and N_th (grid search: sigma 1e-21..1e-18 m^2 and N_th 1e16..1e21
/// m^-2 log-spaced at 10 and 5 per decade, eta 0..1 by 0.02) of the model with the
/// thermalised diffusive part.
GasCalibration calibrateGasModel(const std::vector<EmissionSource>& sources, const RegularPlaneGrid& g,
                                 const std::vector<std::vector<double>>& mcFlux,
                                 const std::vector<double>& numberDensityPerM3, double binM, double rMax);

/// Max |model - MC| / MC peak of the ring-averaged profiles for a given attenuation
/// (with its diffusive part when thermalisationColumnPerM2 > 0).
double gasModelError(const std::vector<EmissionSource>& sources, const RegularPlaneGrid& g,
                     const std::vector<double>& mcFlux, const GasAttenuation& a, double binM, double rMax);

}  // namespace magtwin
