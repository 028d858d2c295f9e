#include "boundary/materials/MaterialLibrary.hpp"

#include "boundary/elements/ElementTable.hpp"
#include "boundary/materials/BuiltinMaterialsCsv.hpp"
#include "boundary/materials/Composition.hpp"
#include "boundary/util/Csv.hpp"
#include "boundary/util/TextNumber.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <sstream>
#include <stdexcept>

namespace magtwin {

namespace {

/// The loose form of a name: lower case without '-', '_' and blanks ("Mo-Nb" -> "monb").
std::string normalized(const std::string& name) {
    std::string out;
    for (char ch : name)
        if (ch != '-' && ch != '_' && !std::isspace(static_cast<unsigned char>(ch)))
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return out;
}

std::size_t editDistance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = up;
        }
    }
    return row[b.size()];
}

std::vector<std::string> words(const std::string& text) {
    std::istringstream in(text);
    std::vector<std::string> out;
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

Material elementMaterial(const Element& e) {
    return Material{e.symbol, {{e.symbol, 1.0}}, *e.densityGPerCm3, std::nullopt, "boundary/data/elements.csv"};
}

}  // namespace

MaterialLibrary MaterialLibrary::fromCsvText(const std::string& text, const std::string& sourceName) {
    const CsvTable csv = CsvTable::parse(text, sourceName);
    for (const char* col : {"name", "aliases", "composition", "basis", "density_g_cm3", "film_density_g_cm3",
                            "work_function_eV", "source"})
        csv.requireColumn(col);
    MaterialLibrary lib;
    for (std::size_t r = 0; r < csv.rowCount(); ++r) {
        std::vector<std::pair<std::string, double>> amounts;
        for (const std::string& item : words(csv.text(r, "composition"))) {
            const std::size_t colon = item.find(':');
            const std::optional<double> amount =
                colon == std::string::npos ? std::nullopt : parseNumber(item.substr(colon + 1));
            if (!amount)
                throw std::invalid_argument(csv.where(r, "composition") + ": expected FORMULA:AMOUNT, got '" + item +
                                            "'");
            amounts.emplace_back(item.substr(0, colon), *amount);
        }
        MixedComposition mix;
        try {
            mix = mixConstituents(amounts, parseAmountBasis(csv.text(r, "basis")));
        } catch (const std::invalid_argument& e) {
            throw std::invalid_argument(csv.where(r, "composition") + ": " + e.what());
        }
        Material m;
        m.name = csv.text(r, "name");
        m.components = mix.components;
        m.densityGPerCm3 = csv.optionalNumber(r, "density_g_cm3").value_or(mix.idealDensityGPerCm3);
        if (!(m.densityGPerCm3 > 0.0))
            throw std::invalid_argument(csv.where(r, "density_g_cm3") + ": no density and none from the constituents");
        m.filmDensityGPerCm3 = csv.optionalNumber(r, "film_density_g_cm3");
        m.workFunctionEv = csv.optionalNumber(r, "work_function_eV");
        m.formationEnthalpyEvPerAtom = mix.formationEnthalpyEvPerAtom;
        m.source = "boundary/data/materials.csv [" + csv.text(r, "source") + "]: " + csv.text(r, "composition") + " " +
                   csv.text(r, "basis") + (csv.optionalNumber(r, "density_g_cm3") ? "" : ", ideal-mixture density");
        const std::size_t index = lib.compounds_.size();
        const std::string name = m.name;
        lib.compounds_.push_back(std::move(m));
        for (const std::string& alias : words(name + " " + csv.text(r, "aliases"))) {
            const std::optional<Material> other = lib.find(alias);
            if ((other && other->name != name) || ElementTable::builtin().find(alias))
                throw std::invalid_argument(csv.where(r, "aliases") + ": '" + alias + "' names another material");
            lib.aliases_.emplace_back(alias, index);
        }
    }
    return lib;
}

const MaterialLibrary& MaterialLibrary::builtin() {
    static const MaterialLibrary library = fromCsvText(builtinMaterialsCsv(), "boundary/data/materials.csv");
    return library;
}

std::optional<Material> MaterialLibrary::find(const std::string& name) const {
    const ElementTable& t = ElementTable::builtin();
    if (const Element* e = t.find(name); e && e->densityGPerCm3 && e->surfaceBindingEv) return elementMaterial(*e);
    for (const auto& [alias, index] : aliases_)
        if (alias == name) return compounds_[index];
    // Second pass: ignoring case, '-', '_' and blanks.
    const std::string loose = normalized(name);
    if (loose.empty()) return std::nullopt;
    for (const auto& [alias, index] : aliases_)
        if (normalized(alias) == loose) return compounds_[index];
    for (const std::string& symbol : t.targetSymbols())
        if (normalized(symbol) == loose) return elementMaterial(t.get(symbol));
    return std::nullopt;
}

Material MaterialLibrary::get(const std::string& name) const {
    if (auto m = find(name)) return *m;
    std::string known, best;
    std::size_t bestDistance = std::string::npos;
    const std::string loose = normalized(name);
    for (const std::string& n : names()) {
        known += (known.empty() ? "" : ", ") + n;
        const std::size_t d = editDistance(loose, normalized(n));
        if (d < bestDistance) bestDistance = d, best = n;
    }
    throw std::invalid_argument("'" + name + "' is not a known target material (did you mean '" + best +
                                "'?); known: " + known);
}

std::vector<std::string> MaterialLibrary::names() const {
    std::vector<std::string> out = ElementTable::builtin().targetSymbols();
    for (const auto& [alias, index] : aliases_) out.push_back(alias);
    return out;
}

Material customMaterial(const std::vector<std::pair<std::string, double>>& fractions, FractionBasis basis,
                        double densityGPerCm3, std::optional<double> filmDensityGPerCm3) {
    const std::string convention = basis == FractionBasis::Atom ? "atom fractions (at.%)" : "weight fractions (wt.%)";
    if (fractions.empty()) throw std::invalid_argument("composition is empty");
    double sum = 0.0;
    for (const auto& [symbol, f] : fractions) {
        const Element* e = ElementTable::builtin().find(symbol);
        if (!e) throw std::invalid_argument("composition: unknown element '" + symbol + "'");
        if (!e->surfaceBindingEv)
            throw std::invalid_argument("composition: " + symbol +
                                        " has no surface binding energy in the element table: it cannot be part "
                                        "of a target");
        if (!(f > 0.0) || !std::isfinite(f))
            throw std::invalid_argument("composition: fraction of " + symbol + " must be positive, got " +
                                        textNumber(f, 6));
        sum += f;
    }
    const bool ofOne = std::abs(sum - 1.0) <= 1e-3, ofHundred = std::abs(sum - 100.0) <= 1e-1;
    if (!ofOne && !ofHundred)
        throw std::invalid_argument("composition: " + convention + " sum to " + textNumber(sum, 6) +
                                    ", not 1 (or 100 %)");
    if (!(densityGPerCm3 > 0.0) || !std::isfinite(densityGPerCm3))
        throw std::invalid_argument("composition: a custom composition needs its density (g/cm^3)");
    if (filmDensityGPerCm3 && !(*filmDensityGPerCm3 > 0.0))
        throw std::invalid_argument("composition: film density must be positive");
    const MixedComposition mix =
        mixConstituents(fractions, basis == FractionBasis::Atom ? AmountBasis::Atom : AmountBasis::Weight);
    Material m;
    for (const MaterialComponent& c : mix.components) m.name += c.symbol + textNumber(c.atomFraction, 4);
    if (mix.components.size() == 1) m.name = mix.components.front().symbol;
    m.components = mix.components;
    m.densityGPerCm3 = densityGPerCm3;
    m.filmDensityGPerCm3 = filmDensityGPerCm3;
    m.source = "custom composition (" + convention + ")";
    return m;
}

}  // namespace magtwin
