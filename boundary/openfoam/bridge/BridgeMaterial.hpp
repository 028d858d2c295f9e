// BridgeMaterial: how the OpenFOAM dictionaries name a target or film material, turned
// into the core's Material. Used only inside magtwin_foam_bridge (it includes core
// headers; the OpenFOAM translation units see CoreBridge.hpp and SputterSource.hpp).
//
//   target NAME;                                  element symbol or library name
//                                                 (boundary/materials/MaterialLibrary)
//   targetComposition (In 0.37 Sn 0.03 O 0.6);   a composition of the user's own, by atom
//   targetDensity 7.14;                           fraction, with its density [g/cm^3]
// (the film: filmElement, filmComposition, filmDensity).
//
// `magtwin foam-dict` writes the name alone for a library material as the library has it,
// and the composition with its density otherwise (cli/tool/FoamDict.cpp).
#pragma once

#include "boundary/materials/Material.hpp"

#include <string>
#include <utility>
#include <vector>

namespace magtwin {
namespace foam {

/// The dictionary keys of one material's entries.
struct MaterialKeys {
    std::string name;         ///< "target", "filmElement"
    std::string composition;  ///< "targetComposition", "filmComposition"
    std::string density;      ///< "targetDensity", "filmDensity"
};

/// The Material the entries describe; errors are std::invalid_argument starting
/// "Entry '<key>': " with the entry at fault. Without a composition, `name` is looked up in
/// the library and a density > 0 replaces the library's (bulk) density. With one, `name`
/// only labels it and the density is required.
Material resolveMaterial(const std::string& name, const std::vector<std::pair<std::string, double>>& composition,
                         double densityGPerCm3, const MaterialKeys& keys);

}  // namespace foam
}  // namespace magtwin
