// The element table: the required elements are present with positive data,
// the derived atomic density matches handbook values, and errors name file and line.
#include "boundary/elements/ElementTable.hpp"

#include <gtest/gtest.h>

using namespace magtwin;

TEST(ElementTable, HasAllRequiredProjectilesAndTargets) {
    const auto& t = ElementTable::builtin();
    for (const char* ion : {"H", "He", "N", "O", "Ne", "Ar", "Kr", "Xe"}) {
        const auto& e = t.get(ion);
        EXPECT_GT(e.Z, 0);
        EXPECT_GT(e.massAmu, 0.0);
    }
    for (const char* tgt : {"Al", "Si", "Ti", "V",  "Cr", "Fe", "Co", "Ni", "Cu", "Zn", "Ga", "Ge", "Zr",
                            "Nb", "Mo", "Ru", "Ag", "In", "Sn", "Ta", "W",  "Pt", "Au", "Pb", "U"}) {
        const auto& e = t.get(tgt);
        ASSERT_TRUE(e.surfaceBindingEv) << tgt;
        ASSERT_TRUE(e.densityGPerCm3) << tgt;
        EXPECT_NE(e.yamamura.source, YamamuraParamSource::None) << tgt;
    }
}

TEST(ElementTable, PrimaryTableIValuesKeptWhereRustBcaDiffers) {
    // Yamamura & Tawara 1996 Table I: Cu Q = 1.00, W = 0.73 (RustBCA has 1.30 / 2.14).
    const auto& cu = ElementTable::builtin().get("Cu");
    EXPECT_DOUBLE_EQ(cu.yamamura.Q, 1.00);
    EXPECT_DOUBLE_EQ(cu.yamamura.W, 0.73);
    EXPECT_EQ(cu.yamamura.source, YamamuraParamSource::TableI);
    const auto& in = ElementTable::builtin().get("In");
    EXPECT_EQ(in.yamamura.source, YamamuraParamSource::Recommended);
    EXPECT_NEAR(in.yamamura.W, 0.35 * *in.surfaceBindingEv, 1e-3);  // Y&T fallback W = 0.35 Us
}

TEST(ElementTable, AtomicDensityMatchesHandbook) {
    // Cu: 8.49e28 atoms/m^3 (Kittel, Intro. Solid State Physics, Table 1.3: 8.45e22 cm^-3
    // at 4 K; 8.49e22 at room temperature from rho = 8.96 g/cm^3); 0.5 % covers both.
    EXPECT_NEAR(ElementTable::builtin().get("Cu").atomicDensityPerM3() / 8.49e28, 1.0, 0.005);
    // Cu mean spacing n^(-1/3) = 2.28 A, the R0 Yamamura 1983 lists for Cu.
    EXPECT_NEAR(ElementTable::builtin().get("Cu").meanAtomicSpacingAngstrom(), 2.28, 0.01);
}

TEST(ElementTable, UnknownSymbolListsKnownOnes) {
    try {
        ElementTable::builtin().get("Xx");
        FAIL();
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("Mo"), std::string::npos);
    }
}

TEST(ElementTable, ParseErrorNamesSourceLineAndColumn) {
    const std::string csv =
        "symbol,Z,mass_amu,density_g_cm3,Us_eV,Q,W,s,yt_params,work_function_eV,ionization_eV\n"
        "Cu,29,63.546,8.96,abc,1,0.73,2.5,table,4.65,7.7\n";
    try {
        ElementTable::fromCsvText(csv, "my.csv");
        FAIL();
    } catch (const std::invalid_argument& e) {
        const std::string msg = e.what();
        EXPECT_NE(msg.find("my.csv:2"), std::string::npos) << msg;
        EXPECT_NE(msg.find("Us_eV"), std::string::npos) << msg;
    }
}
