#include "boundary/openfoam/bridge/CoreBridge.hpp"

#include "boundary/openfoam/bridge/BridgeMaterial.hpp"
#include "boundary/util/PhysicalConstants.hpp"

#include <cmath>
#include <stdexcept>

namespace magtwin {
namespace foam {

FilmMaterial filmMaterial(const std::string& name, const std::vector<std::pair<std::string, double>>& composition,
                          double filmDensityGPerCm3) {
    // A composition's density slot carries the film's (resolveMaterial checks it); a
    // library material keeps its bulk density and takes filmDensity as its film's.
    const MaterialKeys keys{"filmElement", "filmComposition", "filmDensity"};
    Material m = resolveMaterial(name, composition, composition.empty() ? 0.0 : filmDensityGPerCm3, keys);
    if (filmDensityGPerCm3 > 0.0) m.filmDensityGPerCm3 = filmDensityGPerCm3;
    FilmMaterial material;
    material.symbol = m.name;
    material.atomMassKg = m.meanMassAmu() * kAtomicMassUnitKg;
    material.atomicDensityPerM3 = m.filmAtomicDensityPerM3();
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
