// SputterYield: an energy model and an angular factor combined,
//   Y(E, theta) = Y_model(E) * A(E, theta),
// the quantity erosion and emission need at each point of a target surface.
// A compound or alloy target (a Material of several components) uses MulticomponentYield
// (steady-state partial yields, Andersen-Sigmund preferential sputtering); one element gives
// exactly the element constructor's yields.
#pragma once

#include "boundary/materials/Material.hpp"
#include "boundary/yield/AngularFactor.hpp"
#include "boundary/yield/YieldModel.hpp"

#include <memory>
#include <string>
#include <vector>

namespace magtwin {

class MulticomponentYield;

class SputterYield {
public:
    /// `model` may be "auto" (see YieldModelRegistry); `angular` is "none" or "yamamura1983".
    SputterYield(const std::string& model, const std::string& angular, const Element& ion, const Element& target);
    /// A target Material: one element gives exactly the element constructor's yields; a
    /// compound or alloy gives the steady-state yields of its multicomponent model.
    SputterYield(const std::string& model, const std::string& angular, const Element& ion, const Material& target);
    /// Total sputtered atoms per ion (a compound: at steady state, all species).
    double yield(double energyEv, double thetaRad = 0.0) const;
    /// Atoms of each component of the material (its order) per ion at steady state; they sum
    /// to yield(). An element: {yield()}.
    std::vector<double> partialYields(double energyEv, double thetaRad = 0.0) const;
    /// Steady-state surface atom fractions (material order); an element: {1}.
    std::vector<double> surfaceComposition() const;
    /// The multicomponent model of a compound (binding energies, surface), null for an element.
    const MulticomponentYield* multicomponent() const { return multicomponent_; }
    const Material& material() const { return material_; }
    const YieldModel& energyModel() const { return *model_; }
    const AngularFactor& angularFactor() const { return *angular_; }

private:
    Material material_;
    std::unique_ptr<YieldModel> model_;
    std::unique_ptr<AngularFactor> angular_;
    const MulticomponentYield* multicomponent_ = nullptr;  ///< = model_ for a compound
};

}  // namespace magtwin
