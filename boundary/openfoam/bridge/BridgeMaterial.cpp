#include "boundary/openfoam/bridge/BridgeMaterial.hpp"

#include "boundary/materials/MaterialLibrary.hpp"

#include <stdexcept>

namespace magtwin {
namespace foam {

Material resolveMaterial(const std::string& name, const std::vector<std::pair<std::string, double>>& composition,
                         double densityGPerCm3, const MaterialKeys& keys) {
    if (composition.empty()) {
        Material m;
        try {
            m = MaterialLibrary::builtin().get(name);
        } catch (const std::invalid_argument& e) {
            throw std::invalid_argument("Entry '" + keys.name + "': " + e.what() + "; or give " +
                                        keys.composition + " and " + keys.density);
        }
        if (densityGPerCm3 > 0.0) m.densityGPerCm3 = densityGPerCm3;
        return m;
    }
    if (!(densityGPerCm3 > 0.0))
        throw std::invalid_argument("Entry '" + keys.density + "': " + keys.composition +
                                    " needs the density in g/cm^3 (> 0)");
    Material m;
    try {
        m = customMaterial(composition, FractionBasis::Atom, densityGPerCm3);
    } catch (const std::invalid_argument& e) {
        throw std::invalid_argument("Entry '" + keys.composition + "': " + e.what());
    }
    if (!name.empty()) m.name = name;
    return m;
}

}  // namespace foam
}  // namespace magtwin
