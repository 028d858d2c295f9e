#include "boundary/materials/Composition.hpp"

#include "boundary/elements/ElementTable.hpp"
#include "boundary/materials/BuiltinMaterialsCsv.hpp"
#include "boundary/util/Csv.hpp"
#include "boundary/util/PhysicalConstants.hpp"

#include <cctype>
#include <cmath>
#include <stdexcept>

namespace magtwin {

namespace {

/// kJ/mol per eV/particle: e N_A / 1000.
constexpr double kKJPerMolPerEv = kElementaryCharge * kAvogadroPerMol / 1e3;

const std::vector<ConstituentData>& builtinConstituents() {
    static const std::vector<ConstituentData> table = [] {
        const CsvTable csv = CsvTable::parse(builtinConstituentsCsv(), "boundary/data/constituents.csv");
        for (const char* col : {"formula", "density_g_cm3", "formation_enthalpy_kJ_mol"}) csv.requireColumn(col);
        std::vector<ConstituentData> out;
        for (std::size_t r = 0; r < csv.rowCount(); ++r) {
            ConstituentData c{csv.text(r, "formula"), csv.number(r, "density_g_cm3"),
                              csv.number(r, "formation_enthalpy_kJ_mol")};
            parseFormula(c.formula);  // every symbol must be in the element table
            out.push_back(std::move(c));
        }
        return out;
    }();
    return table;
}

}  // namespace

AmountBasis parseAmountBasis(const std::string& text) {
    if (text == "wt") return AmountBasis::Weight;
    if (text == "mol") return AmountBasis::Mole;
    if (text == "at") return AmountBasis::Atom;
    throw std::invalid_argument("basis '" + text + "': expected wt, mol or at");
}

std::string amountBasisName(AmountBasis basis) {
    switch (basis) {
        case AmountBasis::Weight:
            return "wt";
        case AmountBasis::Mole:
            return "mol";
        case AmountBasis::Atom:
            return "at";
    }
    return "?";
}

std::vector<std::pair<std::string, double>> parseFormula(const std::string& formula) {
    const ElementTable& table = ElementTable::builtin();
    std::vector<std::pair<std::string, double>> out;
    std::size_t i = 0;
    if (formula.empty()) throw std::invalid_argument("empty chemical formula");
    while (i < formula.size()) {
        if (!std::isupper(static_cast<unsigned char>(formula[i])))
            throw std::invalid_argument("formula '" + formula + "': expected an element symbol at '" +
                                        formula.substr(i) + "'");
        std::string symbol(1, formula[i++]);
        while (i < formula.size() && std::islower(static_cast<unsigned char>(formula[i]))) symbol += formula[i++];
        std::size_t start = i;
        while (i < formula.size() && (std::isdigit(static_cast<unsigned char>(formula[i])) || formula[i] == '.')) ++i;
        double count = 1.0;
        if (i > start) {
            const std::optional<double> n = parseNumber(formula.substr(start, i - start));
            if (!n || !(*n > 0.0)) throw std::invalid_argument("formula '" + formula + "': bad count for " + symbol);
            count = *n;
        }
        if (!table.find(symbol))
            throw std::invalid_argument("formula '" + formula + "': unknown element '" + symbol + "'");
        bool merged = false;
        for (auto& [s, c] : out)
            if (s == symbol) c += count, merged = true;
        if (!merged) out.emplace_back(symbol, count);
    }
    return out;
}

double formulaMassAmu(const std::string& formula) {
    double m = 0.0;
    for (const auto& [symbol, count] : parseFormula(formula)) m += count * ElementTable::builtin().get(symbol).massAmu;
    return m;
}

ConstituentData constituentData(const std::string& formula) {
    for (const ConstituentData& c : builtinConstituents())
        if (c.formula == formula) return c;
    if (const Element* e = ElementTable::builtin().find(formula))
        return {e->symbol, e->densityGPerCm3.value_or(0.0), 0.0};
    std::string known;
    for (const ConstituentData& c : builtinConstituents()) known += (known.empty() ? "" : ", ") + c.formula;
    throw std::invalid_argument("constituent '" + formula + "' is neither an element nor a compound of " +
                                "boundary/data/constituents.csv (" + known + ")");
}

MixedComposition mixConstituents(const std::vector<std::pair<std::string, double>>& amounts, AmountBasis basis) {
    if (amounts.empty()) throw std::invalid_argument("a composition needs at least one constituent");
    MixedComposition mix;
    double totalAtoms = 0.0, totalMass = 0.0, volume = 0.0, enthalpyKJ = 0.0;
    bool densityKnown = true;
    std::vector<std::pair<std::string, double>> atoms;  // element -> atoms (per the amounts' unit)
    for (const auto& [formula, amount] : amounts) {
        if (!(amount > 0.0) || !std::isfinite(amount))
            throw std::invalid_argument("amount of " + formula + " must be positive, got " + std::to_string(amount));
        const std::vector<std::pair<std::string, double>> parts = parseFormula(formula);
        if (basis == AmountBasis::Atom && (parts.size() != 1 || parts.front().second != 1.0))
            throw std::invalid_argument("an at% composition takes elements only, got '" + formula + "'");
        const ConstituentData data = constituentData(formula);
        const double M = formulaMassAmu(formula);
        const double units = basis == AmountBasis::Weight ? amount / M : amount;  // formula units
        for (const auto& [symbol, count] : parts) {
            bool merged = false;
            for (auto& [s, n] : atoms)
                if (s == symbol) n += units * count, merged = true;
            if (!merged) atoms.emplace_back(symbol, units * count);
            totalAtoms += units * count;
        }
        totalMass += units * M;
        if (data.densityGPerCm3 > 0.0)
            volume += units * M / data.densityGPerCm3;
        else
            densityKnown = false;
        enthalpyKJ += units * data.formationEnthalpyKJPerMol;
    }
    for (const auto& [symbol, n] : atoms) mix.components.push_back({symbol, n / totalAtoms});
    mix.idealDensityGPerCm3 = densityKnown ? totalMass / volume : 0.0;
    mix.formationEnthalpyEvPerAtom = (0.0 - enthalpyKJ) / totalAtoms / kKJPerMolPerEv;  // +0 for alloys
    return mix;
}

}  // namespace magtwin
