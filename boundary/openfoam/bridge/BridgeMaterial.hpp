// BridgeMaterial: how the OpenFOAM dictionaries name a target or film material, turned
// into the core's Material. Used only inside magtwin_foam_bridge (it includes core
// headers; the OpenFOAM translation units see CoreBridge.hpp and SputterSource.hpp).
//
//   <key> NAME;                                   element symbol or library name
//                                                 (boundary/materials/MaterialLibrary)
//   <key>Composition (In 0.37 Sn 0.03 O 0.6);    a composition of the user's own, by atom
//   <key>Density 7.14;                            fraction, with its density [g/cm^3]
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

/// The Material the entries describe. `key` is the dictionary key of the name ("target",
/// "film"); errors are std::invalid_argument starting "Entry '<key>...': " naming the entry
/// at fault. Without a composition, `name` is looked up in the library and a density > 0
/// replaces the library's. With one, `name` only labels it and the density is required.
Material resolveMaterial(const std::string& name, const std::vector<std::pair<std::string, double>>& composition,
                         double densityGPerCm3, const std::string& key);

}  // namespace foam
}  // namespace magtwin
