#include "boundary/openfoam/bridge/CoreBridge.hpp"

#include "boundary/elements/ElementTable.hpp"
#include "boundary/util/PhysicalConstants.hpp"

#include <cmath>
#include <stdexcept>

namespace magtwin {
namespace foam {

FilmMaterial filmMaterial(const std::string& symbol) {
    const Element& element = ElementTable::builtin().get(symbol);
    FilmMaterial material;
    material.symbol = element.symbol;
    material.atomMassKg = element.massAmu * kAtomicMassUnitKg;
    if (!element.densityGPerCm3) {
        throw std::invalid_argument("element '" + symbol +
                                    "' has no solid density in magtwin's element table, "
                                    "so it cannot form a film");
    }
    material.atomicDensityPerM3 = element.atomicDensityPerM3();
    return material;
}

double meanThermalSpeed(double atomMassKg, double temperatureK) {
    if (!(atomMassKg > 0.0) || !(temperatureK > 0.0)) {
        throw std::invalid_argument("mean thermal speed needs a positive mass and temperature");
    }
    return std::sqrt(8.0 * kBoltzmannJPerK * temperatureK / (kPi * atomMassKg));
}

}  // namespace foam
}  // namespace magtwin
