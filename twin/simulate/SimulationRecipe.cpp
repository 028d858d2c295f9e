#include "twin/simulate/SimulationRecipe.hpp"

namespace magtwin {

double SimulationRecipe::powerOf(const std::string& cathode) const {
    for (const auto& [name, p] : sourcePowerW)
        if (name == cathode) return p;
    return powerW;
}

int SimulationRecipe::idleStep() const {
    for (std::size_t i = 0; i < steps.size(); ++i)
        if (steps[i].kind == RecipeStep::Kind::Idle) return int(i);
    return -1;
}

int SimulationRecipe::depositionStep() const {
    for (std::size_t i = 0; i < steps.size(); ++i)
        if (steps[i].kind == RecipeStep::Kind::Deposition) return int(i);
    return -1;
}

}  // namespace magtwin
