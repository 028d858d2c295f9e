// Material: what a sputter target (or a film) is made of. An element is a Material of one
// component; a compound or alloy target (ITO, IGZO, MoNb, TiN ...) lists its components by
// atom fraction with the bulk density of the target as sold and the density of its film.
//
// The library of named materials (MaterialLibrary) reads boundary/data/materials.csv, whose
// header cites every number; a tool file may also give a composition of its own
// (`target: {composition: {In: .., Sn: .., O: ..}, density: ..}`), which becomes a Material
// named after its formula.
//
// Steady state of a multicomponent target (Andersen & Sigmund; see boundary/yield): after
// the altered layer has formed, the sputtered flux carries the bulk composition, so the
// eroded volume per sputtered atom is 1 / n with n the target's atomic density below, and
// the flux of species i is c_i times the total.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace magtwin {

struct MaterialComponent {
    std::string symbol;         ///< element symbol (boundary/data/elements.csv)
    double atomFraction = 0.0;  ///< c_i, sum over components = 1
};

struct Material {
    std::string name;                           ///< "Mo", "ITO", "In0.37Sn0.03O0.6" ...
    std::vector<MaterialComponent> components;  ///< in a fixed order (the library's, or the file's)
    double densityGPerCm3 = 0.0;                ///< bulk density of the target
    std::optional<double> filmDensityGPerCm3;   ///< density of the deposited film; none = bulk
    std::string source;                         ///< citation of composition and densities
    /// -Delta H_f per atom (eV, >= 0) of the compound the components form (0 for an element, an
    /// alloy or a user's composition): raises each species' surface binding energy by this
    /// share (boundary/yield/MulticomponentYield.hpp). From boundary/data/constituents.csv.
    double formationEnthalpyEvPerAtom = 0.0;
    /// Measured work function of the compound (eV), when the library has one (materials.csv).
    std::optional<double> workFunctionEv = std::nullopt;

    bool isElement() const { return components.size() == 1; }
    /// The one component's symbol; throws std::logic_error for a compound.
    const std::string& elementSymbol() const;
    /// Mean atomic mass sum_i c_i M_i (amu) from the element table.
    double meanMassAmu() const;
    /// Atomic number density n = rho N_A / <M> (atoms/m^3).
    double atomicDensityPerM3() const;
    /// rho in kg/m^3.
    double massDensityKgM3() const { return densityGPerCm3 * 1e3; }
    /// The film's density in kg/m^3 (film density, or the bulk's).
    double filmMassDensityKgM3() const { return filmDensityGPerCm3.value_or(densityGPerCm3) * 1e3; }
    /// Atomic number density of the film, filmDensity N_A / <M> (atoms/m^3): deposited atoms
    /// per film volume (the film is taken to have the material's composition).
    double filmAtomicDensityPerM3() const;
    /// Atom fraction of `symbol` (0 if absent).
    double fraction(const std::string& symbol) const;
};

}  // namespace magtwin
