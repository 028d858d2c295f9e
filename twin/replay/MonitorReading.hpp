// MonitorReading: what a quartz crystal monitor's displayed rate means, and its
// conversion to the film actually deposited.
//
// The crystal weighs the film: by Sauerbrey (Z. Phys. 155, 206 (1959)) the frequency shift
// is proportional to the areal mass dm/A. The controller turns mass into thickness with
// the density it is set to and scales it to the substrate with its tooling factor
// (INFICON SQC-310 / XTC manuals: T_displayed = (dm/A) / rho_set * tooling, tooling =
// substrate film / crystal film). So the areal mass rate at the crystal is
//     dm/(A dt) = R_displayed * rho_set / tooling_set,
// and the substrate film rate of the material actually deposited is
//     R_true = R_displayed * rho_set / rho_true.
// The Z-ratio (acoustic impedance ratio, Lu & Lewis, J. Appl. Phys. 43, 4385 (1972))
// enters only at heavy crystal loading (frequency shift a few % of f0); for the loadings of
// a run it changes the mass by less than that fraction and is not used (stated in the
// report). Valid: rigid, thin films (no viscoelastic loading).
#pragma once

#include <string>

namespace magtwin {

struct MonitorSettings {
    std::string material;      ///< as logged ("Barium")
    double densityKgM3 = 0.0;  ///< rho_set
    double tooling = 1.0;      ///< substrate film / crystal film (fraction; 2.28 = 228 %)
    double zRatio = 1.0;
};

/// Areal mass rate at the crystal (kg m^-2 s^-1) of a displayed rate (m/s).
double crystalMassRate(double displayedRateMS, const MonitorSettings& s);
/// The displayed rate (m/s) a mass rate at the crystal produces with settings `s`.
double displayedRate(double crystalMassRateKgM2S, const MonitorSettings& s);

/// Element symbol of a material as tool logs write it: a symbol ("Zr") or an English
/// element name ("Zirconium", any case); "" when not recognised.
std::string elementSymbolOfMaterial(const std::string& material);

}  // namespace magtwin
