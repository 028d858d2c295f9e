#include "boundary/yield/SputterYield.hpp"

#include "boundary/elements/ElementTable.hpp"
#include "boundary/yield/MulticomponentYield.hpp"
#include "boundary/yield/YieldModelRegistry.hpp"

#include <stdexcept>

namespace magtwin {

SputterYield::SputterYield(const std::string& model, const std::string& angular, const Element& ion,
                           const Element& target)
    : material_{target.symbol, {{target.symbol, 1.0}}, target.densityGPerCm3.value_or(0.0), std::nullopt, ""},
      model_(makeYieldModel(model, ion, target)),
      angular_(makeAngularFactor(angular, ion, target)) {}

namespace {
/// An element material's element (its yields are exactly the element constructor's).
const Element& onlyElement(const Material& m) { return ElementTable::builtin().get(m.elementSymbol()); }
}  // namespace

SputterYield::SputterYield(const std::string& model, const std::string& angular, const Element& ion,
                           const Material& target)
    : material_(target) {
    if (target.isElement()) {
        const Element& element = onlyElement(target);
        model_ = makeYieldModel(model, ion, element);
        angular_ = makeAngularFactor(angular, ion, element);
        return;
    }
    auto multi = std::make_unique<MulticomponentYield>(model, ion, target);
    multicomponent_ = multi.get();
    angular_ = makeAngularFactor(angular, ion, multi->target());
    model_ = std::move(multi);
}

std::vector<double> SputterYield::partialYields(double energyEv, double thetaRad) const {
    if (!multicomponent_) return {yield(energyEv, thetaRad)};
    std::vector<double> Y = multicomponent_->partialYields(energyEv);
    const double A = angular_->factor(energyEv, thetaRad);
    for (double& y : Y) y *= A;
    return Y;
}

std::vector<double> SputterYield::surfaceComposition() const {
    return multicomponent_ ? multicomponent_->surfaceComposition() : std::vector<double>{1.0};
}

double SputterYield::yield(double energyEv, double thetaRad) const {
    if (!multicomponent_) return model_->yield(energyEv) * angular_->factor(energyEv, thetaRad);
    double total = 0.0;
    for (double y : partialYields(energyEv, thetaRad)) total += y;
    return total;
}

}  // namespace magtwin
