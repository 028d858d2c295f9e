// The materials library: names and aliases users write, wt% -> at% conversion checked against
// a hand calculation, ideal-mixture densities, heats of formation, and the errors of a custom
// composition (sum, convention, unknown element, missing density).
#include "boundary/elements/ElementTable.hpp"
#include "boundary/materials/Composition.hpp"
#include "boundary/materials/MaterialLibrary.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <stdexcept>
#include <string>

using namespace magtwin;

namespace {
std::string errorOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return "";
}
}  // namespace

TEST(MaterialLibrary, AcceptsTheNamesUsersWrite) {
    const MaterialLibrary& lib = MaterialLibrary::builtin();
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"ITO", "ITO"},    {"IGZO", "IGZO"},  {"MoNb", "MoNb"},      {"Mo-Nb", "MoNb"},    {"AlNd", "AlNd"},
        {"Al-Nd", "AlNd"}, {"AlCu", "AlCu"},  {"Al-Cu", "AlCu"},     {"AlSiCu", "AlSiCu"}, {"Al-Si-Cu", "AlSiCu"},
        {"TiN", "TiN"},    {"TaN", "TaN"},    {"AZO", "AZO"},        {"WTi", "WTi"},       {"W-Ti", "WTi"},
        {"CuMn", "CuMn"},  {"Cu-Mn", "CuMn"}, {"MoTi", "MoTi"},      {"Mo-Ti", "MoTi"},    {"ito", "ITO"},
        {"MO-NB", "MoNb"}, {"igzo", "IGZO"},  {"al_si_cu", "AlSiCu"}};
    for (const auto& [written, name] : cases) {
        const auto m = lib.find(written);
        ASSERT_TRUE(m) << written;
        EXPECT_EQ(m->name, name) << written;
        EXPECT_FALSE(m->isElement()) << written;
    }
    // Exact element symbols stay elements (Ti is titanium, not TiN), with the element table's density.
    EXPECT_EQ(lib.get("Ti").name, "Ti");
    EXPECT_TRUE(lib.get("Mo").isElement());
    EXPECT_DOUBLE_EQ(lib.get("Mo").densityGPerCm3, *ElementTable::builtin().get("Mo").densityGPerCm3);
    // O and N can be part of a target but are no target alone (no solid density).
    EXPECT_FALSE(lib.find("O"));
    EXPECT_FALSE(lib.find("N"));
    for (const char* n :
         {"ITO", "IGZO", "MoNb", "AlNd", "AlCu", "AlSiCu", "TiN", "TaN", "AZO", "WTi", "CuMn", "MoTi"}) {
        const auto names = lib.names();
        EXPECT_NE(std::find(names.begin(), names.end(), n), names.end()) << n;
    }
}

TEST(MaterialLibrary, UnknownNameSuggestsTheClosest) {
    const std::string e = errorOf([] { MaterialLibrary::builtin().get("ITOO"); });
    EXPECT_NE(e.find("'ITOO' is not a known target material (did you mean 'ITO'?)"), std::string::npos) << e;
    const std::string f = errorOf([] { MaterialLibrary::builtin().get("MoNbb"); });
    EXPECT_NE(f.find("did you mean 'MoNb'?"), std::string::npos) << f;
}

TEST(MaterialLibrary, ItoWeightToAtomFractionsMatchHandCalculation) {
    // In2O3:SnO2 = 90:10 wt%. By hand with CIAAW masses (In 114.818, Sn 118.71, O 15.999):
    // n(In2O3) = 90/277.633 = 0.324169, n(SnO2) = 10/150.708 = 0.0663535 mol;
    // atoms In 0.648338, Sn 0.0663535, O 1.105214 of 1.819905 ->
    // In 0.356248, Sn 0.036460, O 0.607292 (6 digits: tolerance 2e-6).
    const Material ito = MaterialLibrary::builtin().get("ITO");
    ASSERT_EQ(ito.components.size(), 3u);
    EXPECT_NEAR(ito.fraction("In"), 0.356248, 2e-6);
    EXPECT_NEAR(ito.fraction("Sn"), 0.036460, 2e-6);
    EXPECT_NEAR(ito.fraction("O"), 0.607292, 2e-6);
    // Ideal mixture of In2O3 (7.18) and SnO2 (6.95 g/cm^3): 1/(0.9/7.18 + 0.1/6.95) = 7.1565.
    EXPECT_NEAR(ito.densityGPerCm3, 1.0 / (0.9 / 7.18 + 0.1 / 6.95), 1e-12);
    // Heat of formation per atom: (0.324169 * 925.8 + 0.0663535 * 577.6) kJ / 1.819905 mol
    // / 96.4853 kJ/mol/eV = 1.927407 eV.
    EXPECT_NEAR(ito.formationEnthalpyEvPerAtom, 1.927407, 2e-6);
}

TEST(MaterialLibrary, MoleAndAtomBases) {
    // IGZO = In2O3:Ga2O3:ZnO 1:1:2 mol = InGaZnO4: In, Ga, Zn 1/7 each, O 4/7.
    const Material igzo = MaterialLibrary::builtin().get("IGZO");
    for (const char* s : {"In", "Ga", "Zn"}) EXPECT_NEAR(igzo.fraction(s), 1.0 / 7.0, 1e-14) << s;
    EXPECT_NEAR(igzo.fraction("O"), 4.0 / 7.0, 1e-14);
    const Material alnd = MaterialLibrary::builtin().get("AlNd");
    EXPECT_NEAR(alnd.fraction("Nd"), 0.02, 1e-15);
    EXPECT_EQ(alnd.formationEnthalpyEvPerAtom, 0.0);  // alloy: no heat of formation
    // TiN: -337.9 kJ/mol over 2 atoms = 1.75104 eV per atom (96.4853 kJ/mol per eV).
    EXPECT_NEAR(MaterialLibrary::builtin().get("TiN").formationEnthalpyEvPerAtom, 1.7510434, 1e-6);
}

TEST(MaterialLibrary, MoNbAlloyFromWeightPercent) {
    // Mo-10 wt% Nb: Mo 90/95.95 = 0.937990, Nb 10/92.90637 = 0.107635 -> Mo 0.897061, Nb 0.102939;
    // ideal density 100 / (90/10.22 + 10/8.57) = 10.02695 g/cm^3.
    const Material m = MaterialLibrary::builtin().get("Mo-Nb");
    EXPECT_NEAR(m.fraction("Mo"), 0.897061, 2e-6);
    EXPECT_NEAR(m.fraction("Nb"), 0.102939, 2e-6);
    EXPECT_NEAR(m.densityGPerCm3, 10.02695, 1e-5);
    EXPECT_FALSE(m.filmDensityGPerCm3);  // none typed: the film takes the target's density
    EXPECT_DOUBLE_EQ(m.filmMassDensityKgM3(), m.massDensityKgM3());
}

TEST(CustomMaterial, ConvertsAndNamesByFormula) {
    const Material m = customMaterial({{"Mo", 90}, {"Nb", 10}}, FractionBasis::Weight, 10.0);
    EXPECT_NEAR(m.fraction("Mo"), MaterialLibrary::builtin().get("MoNb").fraction("Mo"), 1e-14);
    EXPECT_EQ(m.densityGPerCm3, 10.0);
    const Material a = customMaterial({{"In", 0.4}, {"Sn", 0.05}, {"O", 0.55}}, FractionBasis::Atom, 7.1, 6.9);
    EXPECT_NEAR(a.fraction("O"), 0.55, 1e-15);
    EXPECT_EQ(*a.filmDensityGPerCm3, 6.9);
    EXPECT_EQ(a.name, "In0.4Sn0.05O0.55");
}

TEST(CustomMaterial, ErrorsNameTheProblem) {
    const std::string sum = errorOf([] { customMaterial({{"In", 0.4}, {"O", 0.5}}, FractionBasis::Atom, 7.0); });
    EXPECT_NE(sum.find("sum to 0.9"), std::string::npos) << sum;
    EXPECT_NE(sum.find("at.%"), std::string::npos) << sum;
    const std::string wsum = errorOf([] { customMaterial({{"Mo", 90}, {"Nb", 9}}, FractionBasis::Weight, 10.0); });
    EXPECT_NE(wsum.find("sum to 99"), std::string::npos) << wsum;
    EXPECT_NE(wsum.find("wt.%"), std::string::npos) << wsum;
    const std::string unknown = errorOf([] { customMaterial({{"Xx", 1.0}}, FractionBasis::Atom, 7.0); });
    EXPECT_NE(unknown.find("unknown element 'Xx'"), std::string::npos) << unknown;
    const std::string gas = errorOf([] { customMaterial({{"Ar", 0.1}, {"Mo", 0.9}}, FractionBasis::Atom, 7.0); });
    EXPECT_NE(gas.find("Ar has no surface binding energy"), std::string::npos) << gas;
    const std::string density = errorOf([] { customMaterial({{"Mo", 1.0}}, FractionBasis::Atom, 0.0); });
    EXPECT_NE(density.find("needs its density"), std::string::npos) << density;
    // 100 % is accepted as well as 1.
    EXPECT_NO_THROW(customMaterial({{"Mo", 50}, {"Ti", 50}}, FractionBasis::Atom, 7.0));
}

TEST(Composition, FormulaParsing) {
    const auto f = parseFormula("InGaZnO4");
    ASSERT_EQ(f.size(), 4u);
    EXPECT_EQ(f[3].first, "O");
    EXPECT_EQ(f[3].second, 4.0);
    EXPECT_THROW(parseFormula("In2Qq3"), std::invalid_argument);
    EXPECT_THROW(parseFormula("in2O3"), std::invalid_argument);
    EXPECT_NEAR(formulaMassAmu("In2O3"), 2 * 114.818 + 3 * 15.999, 1e-12);
    EXPECT_THROW(mixConstituents({{"In2O3", 1.0}}, AmountBasis::Atom), std::invalid_argument);
    EXPECT_THROW(constituentData("Cr2O3"), std::invalid_argument);  // not in constituents.csv
}
