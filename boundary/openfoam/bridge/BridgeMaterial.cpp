#include "boundary/openfoam/bridge/BridgeMaterial.hpp"

#include "boundary/materials/MaterialLibrary.hpp"

#include <stdexcept>

namespace magtwin {
namespace foam {

Material resolveMaterial(const std::string& name, const std::vector<std::pair<std::string, double>>& composition,
                         double densityGPerCm3, const std::string& key) {
    const std::string densityKey = key + "Density";
    if (composition.empty()) {
        Material m;
        try {
            m = MaterialLibrary::builtin().get(name);
        } catch (const std::invalid_argument& e) {
            throw std::invalid_argument("Entry '" + key + "': " + e.what() + "; or give " + key +
                                        "Composition and " + densityKey);
        }
        if (densityGPerCm3 > 0.0) m.densityGPerCm3 = densityGPerCm3;
        return m;
    }
    if (!(densityGPerCm3 > 0.0))
        throw std::invalid_argument("Entry '" + densityKey + "': " + key +
                                    "Composition needs the bulk density in g/cm^3 (> 0)");
    Material m;
    try {
        m = customMaterial(composition, FractionBasis::Atom, densityGPerCm3);
    } catch (const std::invalid_argument& e) {
        throw std::invalid_argument("Entry '" + key + "Composition': " + e.what());
    }
    if (!name.empty()) m.name = name;
    return m;
}

}  // namespace foam
}  // namespace magtwin
