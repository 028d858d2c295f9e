#include "twin/replay/MonitorReading.hpp"

#include "boundary/elements/ElementTable.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <stdexcept>

namespace magtwin {

double crystalMassRate(double displayedRateMS, const MonitorSettings& s) {
    if (!(s.densityKgM3 > 0.0) || !(s.tooling > 0.0))
        throw std::invalid_argument("crystal monitor: density and tooling must be > 0");
    return displayedRateMS * s.densityKgM3 / s.tooling;
}

double displayedRate(double crystalMassRateKgM2S, const MonitorSettings& s) {
    if (!(s.densityKgM3 > 0.0) || !(s.tooling > 0.0))
        throw std::invalid_argument("crystal monitor: density and tooling must be > 0");
    return crystalMassRateKgM2S / s.densityKgM3 * s.tooling;
}

std::string elementSymbolOfMaterial(const std::string& material) {
    // English names of the elements the project's table holds as targets (IUPAC names).
    static const std::map<std::string, std::string> names = {
        {"aluminium", "Al"}, {"aluminum", "Al"},  {"barium", "Ba"},     {"carbon", "C"},   {"chromium", "Cr"},
        {"cobalt", "Co"},    {"copper", "Cu"},    {"gold", "Au"},       {"hafnium", "Hf"}, {"indium", "In"},
        {"iron", "Fe"},      {"lanthanum", "La"}, {"molybdenum", "Mo"}, {"nickel", "Ni"},  {"niobium", "Nb"},
        {"palladium", "Pd"}, {"platinum", "Pt"},  {"silicon", "Si"},    {"silver", "Ag"},  {"strontium", "Sr"},
        {"tantalum", "Ta"},  {"tin", "Sn"},       {"titanium", "Ti"},   {"tungsten", "W"}, {"vanadium", "V"},
        {"yttrium", "Y"},    {"zinc", "Zn"},      {"zirconium", "Zr"}};
    std::string t = material;
    t.erase(t.begin(), std::find_if(t.begin(), t.end(), [](unsigned char c) { return !std::isspace(c); }));
    while (!t.empty() && std::isspace(static_cast<unsigned char>(t.back()))) t.pop_back();
    if (t.empty()) return "";
    if (ElementTable::builtin().find(t)) return t;
    std::string lower = t;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    const auto it = names.find(lower);
    if (it == names.end() || !ElementTable::builtin().find(it->second)) return "";
    return it->second;
}

}  // namespace magtwin
