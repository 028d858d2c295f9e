#include "boundary/elements/ElementTable.hpp"

#include "boundary/elements/BuiltinElementsCsv.hpp"
#include "boundary/util/Csv.hpp"
#include "boundary/util/PhysicalConstants.hpp"

#include <cmath>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace magtwin {

namespace {

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items) {
        if (!out.empty()) out += ", ";
        out += s;
    }
    return out;
}
}  // namespace

double Element::atomicDensityPerM3() const {
    if (!densityGPerCm3)
        throw std::invalid_argument("element " + symbol + " has no solid density in the element table");
    // rho [g/cm^3] * 1e6 cm^3/m^3 * N_A / M [g/mol]
    return *densityGPerCm3 * 1.0e6 * kAvogadroPerMol / massAmu;
}

double Element::meanAtomicSpacingAngstrom() const { return std::cbrt(1.0 / atomicDensityPerM3()) * 1.0e10; }

double Element::requireSurfaceBindingEv() const {
    if (!surfaceBindingEv)
        throw std::invalid_argument("element " + symbol +
                                    " has no surface binding energy U_s: it cannot be a sputter target");
    return *surfaceBindingEv;
}

ElementTable ElementTable::fromCsvText(const std::string& text, const std::string& sourceName) {
    CsvTable csv = CsvTable::parse(text, sourceName);
    const std::vector<std::string> required = {"symbol", "Z", "mass_amu",  "density_g_cm3",    "Us_eV",        "Q",
                                               "W",      "s", "yt_params", "work_function_eV", "ionization_eV"};
    for (const auto& col : required) csv.requireColumn(col);

    ElementTable table;
    for (std::size_t r = 0; r < csv.rowCount(); ++r) {
        Element e;
        e.symbol = csv.text(r, "symbol");
        e.Z = static_cast<int>(csv.number(r, "Z"));
        e.massAmu = csv.number(r, "mass_amu");
        e.densityGPerCm3 = csv.optionalNumber(r, "density_g_cm3");
        e.surfaceBindingEv = csv.optionalNumber(r, "Us_eV");
        e.workFunctionEv = csv.optionalNumber(r, "work_function_eV");
        e.ionizationEv = csv.optionalNumber(r, "ionization_eV");
        const std::string src = csv.text(r, "yt_params");
        if (src == "table" || src == "default") {
            e.yamamura.Q = csv.number(r, "Q");
            e.yamamura.W = csv.number(r, "W");
            e.yamamura.s = csv.number(r, "s");
            e.yamamura.source = src == "table" ? YamamuraParamSource::TableI : YamamuraParamSource::Recommended;
        } else if (!src.empty()) {
            throw std::invalid_argument(csv.where(r, "yt_params") + ": expected 'table', 'default' or empty, got '" +
                                        src + "'");
        }
        if (e.Z <= 0 || e.massAmu <= 0.0)
            throw std::invalid_argument(csv.where(r, "Z") + ": Z and mass_amu must be positive");
        if (table.find(e.symbol))
            throw std::invalid_argument(csv.where(r, "symbol") + ": duplicate element '" + e.symbol + "'");
        table.elements_.push_back(std::move(e));
    }
    return table;
}

ElementTable ElementTable::fromCsvFile(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::invalid_argument("cannot open element table '" + path + "'");
    std::stringstream ss;
    ss << in.rdbuf();
    return fromCsvText(ss.str(), path);
}

const ElementTable& ElementTable::builtin() {
    static const ElementTable table = fromCsvText(builtinElementsCsv(), "boundary/data/elements.csv");
    return table;
}

const Element* ElementTable::find(const std::string& symbol) const {
    for (const auto& e : elements_)
        if (e.symbol == symbol) return &e;
    return nullptr;
}

const Element& ElementTable::get(const std::string& symbol) const {
    if (const Element* e = find(symbol)) return *e;
    throw std::invalid_argument("unknown element '" + symbol + "'; known: " + join(symbols()));
}

std::vector<std::string> ElementTable::symbols() const {
    std::vector<std::string> out;
    for (const auto& e : elements_) out.push_back(e.symbol);
    return out;
}

std::vector<std::string> ElementTable::targetSymbols() const {
    std::vector<std::string> out;
    for (const auto& e : elements_)
        if (e.surfaceBindingEv && e.densityGPerCm3) out.push_back(e.symbol);
    return out;
}

}  // namespace magtwin
