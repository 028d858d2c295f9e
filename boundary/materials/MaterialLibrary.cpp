#include "boundary/materials/MaterialLibrary.hpp"

#include "boundary/elements/ElementTable.hpp"

#include <cmath>
#include <cstdio>
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

Material customMaterial(const std::vector<std::pair<std::string, double>>& fractions, FractionBasis basis,
                        double densityGPerCm3, std::optional<double> filmDensityGPerCm3) {
    const ElementTable& t = ElementTable::builtin();
    if (fractions.empty()) throw std::invalid_argument("a composition needs at least one element");
    double sum = 0.0;
    for (const auto& [symbol, f] : fractions) {
        (void)t.get(symbol);
        if (!(f > 0)) throw std::invalid_argument("fraction of " + symbol + " must be > 0");
        sum += f;
    }
    const double scale = std::abs(sum - 100.0) <= 1e-3 * 100.0 ? 100.0 : 1.0;
    const char* convention = basis == FractionBasis::Atom ? "atomic (at.%)" : "weight (wt.%)";
    if (std::abs(sum - scale) > 1e-3 * scale)
        throw std::invalid_argument("the " + std::string(convention) + " fractions sum to " + std::to_string(sum) +
                                    ", not 1 (or 100)");
    if (!(densityGPerCm3 > 0)) throw std::invalid_argument("a composition needs its bulk density (> 0)");
    Material m;
    double atoms = 0.0;
    for (const auto& [symbol, f] : fractions) {
        const double a = basis == FractionBasis::Atom ? f : f / t.get(symbol).massAmu;
        m.components.push_back({symbol, a});
        atoms += a;
    }
    for (MaterialComponent& c : m.components) {
        c.atomFraction /= atoms;
        char b[32];
        std::snprintf(b, sizeof b, "%.4g", c.atomFraction);
        m.name += c.symbol + (m.components.size() == 1 ? "" : b);
    }
    m.densityGPerCm3 = densityGPerCm3;
    m.filmDensityGPerCm3 = filmDensityGPerCm3;
    m.source = "user composition";
    return m;
}

std::vector<std::string> MaterialLibrary::names() const {
    std::vector<std::string> out = ElementTable::builtin().targetSymbols();
    for (const auto& [alias, index] : aliases_) out.push_back(alias);
    return out;
}

}  // namespace magtwin
