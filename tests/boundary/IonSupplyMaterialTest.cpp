// gamma_SE and the ion supply for a target Material: elements bit for bit as before; compounds
// by Baragiola et al. (1979) eq. (5) with the compound's work function (IonSupply.hpp).
#include "boundary/elements/ElementTable.hpp"
#include "boundary/materials/MaterialLibrary.hpp"
#include "boundary/racetrack/IonSupply.hpp"

#include <gtest/gtest.h>

using namespace magtwin;

TEST(IonSupplyMaterial, ElementsUnchanged) {
    const ElementTable& t = ElementTable::builtin();
    const Element& ar = t.get("Ar");
    for (const std::string& s : t.targetSymbols()) {
        const Element& e = t.get(s);
        if (!e.workFunctionEv) continue;
        const Material m = MaterialLibrary::builtin().get(s);
        EXPECT_EQ(baragiolaSecondaryElectronYield(ar, e), baragiolaSecondaryElectronYield(ar, m)) << s;
        const DischargeOperatingPoint op{12000.0, 450.0, std::nullopt, std::nullopt};
        const IonSupply a = ionSupplyFrom(op, ar, e), b = ionSupplyFrom(op, ar, m);
        EXPECT_EQ(a.ionsPerSecond, b.ionsPerSecond) << s;
        EXPECT_EQ(a.secondaryElectronYield, b.secondaryElectronYield) << s;
    }
}

TEST(IonSupplyMaterial, CompoundsUseTheirWorkFunction) {
    const Element& ar = ElementTable::builtin().get("Ar");
    // ITO: measured 4.5 eV (materials.csv): 0.032 (0.78 * 15.760 - 9.0) = 0.1053696.
    EXPECT_NEAR(baragiolaSecondaryElectronYield(ar, MaterialLibrary::builtin().get("ITO")), 0.1053696, 1e-12);
    // TiN: no measured value typed; Ti's 4.33 eV (N has none): 0.1162496.
    EXPECT_NEAR(baragiolaSecondaryElectronYield(ar, MaterialLibrary::builtin().get("TiN")), 0.1162496, 1e-12);
    // MoNb: atom-fraction mean of Mo 4.60 and Nb 4.30 eV.
    const Material monb = MaterialLibrary::builtin().get("MoNb");
    const double phi = monb.fraction("Mo") * 4.60 + monb.fraction("Nb") * 4.30;
    EXPECT_NEAR(baragiolaSecondaryElectronYield(ar, monb), 0.032 * (0.78 * 15.760 - 2.0 * phi), 1e-12);
    // A given gamma_SE wins and the estimate is not needed.
    const DischargeOperatingPoint op{1000.0, 400.0, std::nullopt, 0.3};
    EXPECT_DOUBLE_EQ(ionSupplyFrom(op, ar, MaterialLibrary::builtin().get("ITO")).secondaryElectronYield, 0.3);
    EXPECT_THROW(ionSupplyFrom(DischargeOperatingPoint{1000.0, 0.0, std::nullopt, std::nullopt}, ar, monb),
                 std::invalid_argument);
}
