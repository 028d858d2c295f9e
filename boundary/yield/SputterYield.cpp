#include "boundary/yield/SputterYield.hpp"

#include "boundary/yield/YieldModelRegistry.hpp"

namespace magtwin {

SputterYield::SputterYield(const std::string& model, const std::string& angular, const Element& ion,
                           const Element& target)
    : model_(makeYieldModel(model, ion, target)), angular_(makeAngularFactor(angular, ion, target)) {}

double SputterYield::yield(double energyEv, double thetaRad) const {
    return model_->yield(energyEv) * angular_->factor(energyEv, thetaRad);
}

}  // namespace magtwin
