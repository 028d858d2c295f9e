// GasAttenuationModel: the fast gas-scattering model for the twin and whole-glass maps,
// calibrated against the Monte Carlo (GasScatteringMonteCarlo.hpp).
//
// Each line-of-sight contribution of length r is multiplied by
//   m(r) = eta + (1 - eta) exp(-n sigma_eff r),     n = p / (k T),
// the unscattered (ballistic) fraction exp(-n sigma_eff r) (Beer-Lambert along the
// path) plus the scattered fraction that still deposits about where it was heading,
// eta (heavy sputtered atoms on a light gas keep their direction: the lab deflection per
// collision is at most asin(m_gas/m_atom), 25 deg for Mo in Ar). sigma_eff and eta are
// not first-principles numbers: calibrateGasAttenuation() fits them to Monte Carlo
// profiles. Since m depends on r only, the FFT method keeps its form (the factor goes
// into the kernel). Valid while scattered atoms are few or forward-going (p d up to
// ~5 Pa cm for Mo/Ar in our tests); it has no thermalised diffusive halo, so it fails at
// high p d or for light atoms that backscatter (see the test and the closing report).
#pragma once

#include "deposition/EmissionSource.hpp"
#include "deposition/FastConvolutionTransport.hpp"

#include <vector>

namespace magtwin {

struct GasAttenuation {
    double numberDensityPerM3 = 0.0;   ///< n = p / (k T); 0 = vacuum (m = 1)
    double sigmaEffM2 = 0.0;
    double scatteredDeposited = 1.0;   ///< eta
    double factor(double r) const;
    static double numberDensity(double pressurePa, double temperatureK);
};

struct GasCalibration {
    double sigmaEffM2 = 0.0, eta = 1.0;
    double maxErrorOfPeak = 0.0;  ///< max |model - MC| / peak over the ring-averaged profile
};

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

/// Max |model - MC| / MC peak of the ring-averaged profiles for a given attenuation.
double gasModelError(const std::vector<EmissionSource>& sources, const RegularPlaneGrid& g,
                     const std::vector<double>& mcFlux, const GasAttenuation& a, double binM, double rMax);

}  // namespace magtwin
