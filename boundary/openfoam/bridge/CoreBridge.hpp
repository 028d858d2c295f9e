// CoreBridge: the small, OpenFOAM-free interface through which the OpenFOAM boundary
// conditions in boundary/openfoam/ call magtwin's physics core.
//
// It is compiled in its own target (magtwin_foam_bridge, C++17, plain std types only)
// so the OpenFOAM translation units never include core headers (Eigen, the element
// table, the yield models) and the core never sees an OpenFOAM header. Errors come back
// as std::exception with a message the adapter forwards in a FatalIOError.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace magtwin {
namespace foam {

/// What a deposition boundary needs to know about the film's material.
struct FilmMaterial {
    std::string symbol;               ///< the material's name (element symbol, ITO, ...)
    double atomMassKg = 0.0;          ///< mean atom mass sum_i c_i M_i x atomic mass constant
    double atomicDensityPerM3 = 0.0;  ///< n = rho_film N_A / <M> of the solid film
};

/// The film of a material of magtwin's library (an element symbol, or ITO, MoNb, TiN ...:
/// boundary/materials/MaterialLibrary), at the library's film density (the bulk density
/// when the library gives none; an element's is its bulk density, as before), or at
/// filmDensityGPerCm3 when that is > 0. With a composition (element symbol, atom fraction),
/// `name` only labels it and the film density is required. The film is taken to have the
/// material's composition (Material::filmAtomicDensityPerM3). Throws std::invalid_argument
/// "Entry 'filmElement...': ..." naming the entry at fault (an unknown name lists the known
/// ones).
FilmMaterial filmMaterial(const std::string& name,
                          const std::vector<std::pair<std::string, double>>& composition = {},
                          double filmDensityGPerCm3 = 0.0);

/// Mean speed of a Maxwell-Boltzmann gas, v = sqrt(8 k_B T / (pi m)) in m/s
/// (kinetic theory; e.g. Chapman & Cowling, "The Mathematical Theory of Non-uniform
/// Gases", 3rd ed., 1970, eq. 4.11,1). Throws std::invalid_argument unless T > 0, m > 0.
double meanThermalSpeed(double atomMassKg, double temperatureK);

}  // namespace foam
}  // namespace magtwin
