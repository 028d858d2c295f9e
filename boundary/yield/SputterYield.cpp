#include "boundary/yield/SputterYield.hpp"

#include "boundary/elements/ElementTable.hpp"
#include "boundary/yield/YieldModelRegistry.hpp"

#include <stdexcept>

namespace magtwin {

SputterYield::SputterYield(const std::string& model, const std::string& angular, const Element& ion,
                           const Element& target)
    : material_{target.symbol, {{target.symbol, 1.0}}, target.densityGPerCm3.value_or(0.0), std::nullopt, ""},
      model_(makeYieldModel(model, ion, target)),
      angular_(makeAngularFactor(angular, ion, target)) {}

namespace {
const Element& onlyElement(const Material& m) {
    if (!m.isElement())
        throw std::invalid_argument("multicomponent yields of " + m.name + " are not available yet");
    return ElementTable::builtin().get(m.elementSymbol());
}
}  // namespace

SputterYield::SputterYield(const std::string& model, const std::string& angular, const Element& ion,
                           const Material& target)
    : SputterYield(model, angular, ion, onlyElement(target)) {
    material_ = target;
}

std::vector<double> SputterYield::partialYields(double energyEv, double thetaRad) const {
    return {yield(energyEv, thetaRad)};
}

double SputterYield::yield(double energyEv, double thetaRad) const {
    return model_->yield(energyEv) * angular_->factor(energyEv, thetaRad);
}

}  // namespace magtwin
