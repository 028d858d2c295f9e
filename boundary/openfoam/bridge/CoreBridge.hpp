// CoreBridge: the small, OpenFOAM-free interface through which the OpenFOAM boundary
// conditions in boundary/openfoam/ call magtwin's physics core.
//
// It is compiled in its own target (magtwin_foam_bridge, C++17, plain std types only)
// so the OpenFOAM translation units never include core headers (Eigen, the element
// table, the yield models) and the core never sees an OpenFOAM header. Errors come back
// as std::exception with a message the adapter forwards in a FatalIOError.
#pragma once

#include <string>

namespace magtwin {
namespace foam {

/// What a deposition boundary needs to know about the film's element.
struct FilmMaterial {
    std::string symbol;
    double atomMassKg = 0.0;          ///< standard atomic weight x atomic mass constant
    double atomicDensityPerM3 = 0.0;  ///< n = rho N_A / M of the solid film
};

/// Looks the element up in magtwin's built-in element table (boundary/data/elements.csv).
/// Throws std::invalid_argument listing the known symbols for an unknown one, and when
/// the element has no solid density.
FilmMaterial filmMaterial(const std::string& symbol);

/// Mean speed of a Maxwell-Boltzmann gas, v = sqrt(8 k_B T / (pi m)) in m/s
/// (kinetic theory; e.g. Chapman & Cowling, "The Mathematical Theory of Non-uniform
/// Gases", 3rd ed., 1970, eq. 4.11,1). Throws std::invalid_argument unless T > 0, m > 0.
double meanThermalSpeed(double atomMassKg, double temperatureK);

}  // namespace foam
}  // namespace magtwin
