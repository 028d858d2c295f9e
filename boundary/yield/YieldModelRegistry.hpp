// YieldModelRegistry: energy yield models by name (the same names in configs, the
// command line, code and docs). An unknown name is an error that lists the valid ones.
//
// Default choice ("auto"): by measured accuracy (tests/validation/YieldValidationTest and
// `magtwin yield --validate`): yamamura1996 where the target has Yamamura-Tawara
// Table I parameters, chen1985 otherwise.
#pragma once

#include "boundary/yield/YieldModel.hpp"

#include <memory>
#include <string>
#include <vector>

namespace magtwin {

struct YieldModelInfo {
    std::string name;
    std::string summary;
};

/// All registered models, in a stable order.
const std::vector<YieldModelInfo>& yieldModels();
std::vector<std::string> yieldModelNames();

/// Create a model by name; "auto" picks the default for the pair (see above).
std::unique_ptr<YieldModel> makeYieldModel(const std::string& name, const Element& ion, const Element& target);

/// The name "auto" resolves to for this target.
std::string defaultYieldModelName(const Element& target);

}  // namespace magtwin
