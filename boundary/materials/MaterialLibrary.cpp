#include "boundary/materials/MaterialLibrary.hpp"

#include "boundary/elements/ElementTable.hpp"

#include <stdexcept>

namespace magtwin {

const MaterialLibrary& MaterialLibrary::builtin() {
    static const MaterialLibrary library;
    return library;
}

std::optional<Material> MaterialLibrary::find(const std::string& name) const {
    const ElementTable& t = ElementTable::builtin();
    if (const Element* e = t.find(name); e && e->densityGPerCm3 && e->surfaceBindingEv)
        return Material{e->symbol, {{e->symbol, 1.0}}, *e->densityGPerCm3, std::nullopt, "boundary/data/elements.csv"};
    for (const auto& [alias, index] : aliases_)
        if (alias == name) return compounds_[index];
    return std::nullopt;
}

Material MaterialLibrary::get(const std::string& name) const {
    if (auto m = find(name)) return *m;
    std::string known;
    for (const std::string& n : names()) known += (known.empty() ? "" : ", ") + n;
    throw std::invalid_argument("'" + name + "' is not a known target material; known: " + known);
}

std::vector<std::string> MaterialLibrary::names() const {
    std::vector<std::string> out = ElementTable::builtin().targetSymbols();
    for (const auto& [alias, index] : aliases_) out.push_back(alias);
    return out;
}

}  // namespace magtwin
