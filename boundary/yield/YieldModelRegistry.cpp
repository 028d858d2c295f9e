#include "boundary/yield/YieldModelRegistry.hpp"

#include "boundary/yield/Chen1985.hpp"
#include "boundary/yield/Sigmund1969.hpp"
#include "boundary/yield/YamamuraTawara1996.hpp"

#include <stdexcept>

namespace magtwin {

const std::vector<YieldModelInfo>& yieldModels() {
    static const std::vector<YieldModelInfo> models = {
        {"sigmund1969", "Sigmund linear cascade, Thomas-Fermi S_n, no threshold"},
        {"chen1985", "Chen's modification of Sigmund: E_th = U_s e^g/g, factor g e^-g (1-sqrt(E_th/E))"},
        {"yamamura1996", "Yamamura-Tawara 1996 empirical formula with Table I Q, W, s"},
    };
    return models;
}

std::vector<std::string> yieldModelNames() {
    std::vector<std::string> names;
    for (const auto& m : yieldModels()) names.push_back(m.name);
    return names;
}

std::string defaultYieldModelName(const Element& target) {
    return target.yamamura.source == YamamuraParamSource::TableI ? "yamamura1996" : "chen1985";
}

std::unique_ptr<YieldModel> makeYieldModel(const std::string& name, const Element& ion, const Element& target) {
    if (name == "auto") return makeYieldModel(defaultYieldModelName(target), ion, target);
    if (name == "sigmund1969") return std::make_unique<Sigmund1969>(ion, target);
    if (name == "chen1985") return std::make_unique<Chen1985>(ion, target);
    if (name == "yamamura1996") return std::make_unique<YamamuraTawara1996>(ion, target);
    std::string valid = "auto";
    for (const auto& n : yieldModelNames()) valid += ", " + n;
    throw std::invalid_argument("unknown yield model '" + name + "'; valid: " + valid);
}

}  // namespace magtwin
