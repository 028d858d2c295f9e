#include "boundary/materials/Material.hpp"

#include "boundary/elements/ElementTable.hpp"
#include "boundary/util/PhysicalConstants.hpp"

#include <stdexcept>

namespace magtwin {

const std::string& Material::elementSymbol() const {
    if (!isElement()) throw std::logic_error("material " + name + " is not a single element");
    return components.front().symbol;
}

double Material::meanMassAmu() const {
    const ElementTable& t = ElementTable::builtin();
    double m = 0.0;
    for (const MaterialComponent& c : components) m += c.atomFraction * t.get(c.symbol).massAmu;
    return m;
}

double Material::atomicDensityPerM3() const {
    if (!(densityGPerCm3 > 0)) throw std::invalid_argument("material " + name + " has no density");
    // rho [g/cm^3] * 1e6 cm^3/m^3 * N_A / <M> [g/mol]
    return densityGPerCm3 * 1.0e6 * kAvogadroPerMol / meanMassAmu();
}

double Material::filmAtomicDensityPerM3() const {
    const double rho = filmDensityGPerCm3.value_or(densityGPerCm3);
    if (!(rho > 0)) throw std::invalid_argument("material " + name + " has no density");
    return rho * 1.0e6 * kAvogadroPerMol / meanMassAmu();
}

double Material::fraction(const std::string& symbol) const {
    for (const MaterialComponent& c : components)
        if (c.symbol == symbol) return c.atomFraction;
    return 0.0;
}

}  // namespace magtwin
