// SputterYield: an energy model and an angular factor combined,
//   Y(E, theta) = Y_model(E) * A(E, theta),
// the quantity erosion and emission need at each point of a target surface.
#pragma once

#include "boundary/yield/AngularFactor.hpp"
#include "boundary/yield/YieldModel.hpp"

#include <memory>
#include <string>

namespace magtwin {

class SputterYield {
public:
    /// `model` may be "auto" (see YieldModelRegistry); `angular` is "none" or "yamamura1983".
    SputterYield(const std::string& model, const std::string& angular, const Element& ion, const Element& target);
    double yield(double energyEv, double thetaRad = 0.0) const;
    const YieldModel& energyModel() const { return *model_; }
    const AngularFactor& angularFactor() const { return *angular_; }

private:
    std::unique_ptr<YieldModel> model_;
    std::unique_ptr<AngularFactor> angular_;
};

}  // namespace magtwin
