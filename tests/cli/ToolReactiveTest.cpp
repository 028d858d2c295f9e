// The tool file's process.reactive (cli/tool): keys in the units their names state, converted
// once to SI; the target area defaults to the cathode's face.
#include "boundary/util/PhysicalConstants.hpp"
#include "cli/tool/ToolFile.hpp"

#include <gtest/gtest.h>

namespace magtwin {
namespace {

TEST(ToolReactive, ShippedChamberInSiWithTheFaceAsTargetArea) {
    const ToolFile tool = loadToolFile(MAGTWIN_SOURCE_DIR "/cases/tools/reactive_ti_n2.yaml");
    ASSERT_TRUE(tool.process.reactive.has_value());
    const ToolReactive& r = *tool.process.reactive;
    ASSERT_TRUE(r.pumpingSpeedM3PerS.has_value());
    EXPECT_DOUBLE_EQ(*r.pumpingSpeedM3PerS, 0.1);  // 100 L/s
    EXPECT_DOUBLE_EQ(r.collectorAreaM2, 0.2);      // 2000 cm^2
    EXPECT_DOUBLE_EQ(r.stickingTarget, 1.0);       // the schema's default
    EXPECT_DOUBLE_EQ(r.stickingCollector, 1.0);
    EXPECT_FALSE(r.targetAreaM2.has_value());
    // 3-inch target: pi (38.1 mm)^2 = 45.60 cm^2.
    EXPECT_NEAR(r.targetAreaM2For(tool.cathode("ti")), kPi * 0.0381 * 0.0381, 1e-15);
    EXPECT_NE(r.origin.find("reactive_ti_n2.yaml:"), std::string::npos) << r.origin;
}

TEST(ToolReactive, ExtensionKeysDefaultToBergsBasicModel) {
    const ToolReactive& r = *loadToolFile(MAGTWIN_SOURCE_DIR "/cases/tools/reactive_ti_n2.yaml").process.reactive;
    EXPECT_FALSE(r.implantation);
    EXPECT_FALSE(r.secondaryElectronCompound.has_value());
    EXPECT_DOUBLE_EQ(r.flowScale, 1.0);
    EXPECT_DOUBLE_EQ(r.substrateRateFactor, 1.0);
    EXPECT_EQ(r.redepositionFraction, 0.0);  // RSD's redeposition off: Berg's model
    // The Lee & Yang chamber sets them (values checked against their fit in
    // tests/validation/ReactiveLeeYangValidationTest.cpp).
    const ToolReactive& ly =
        *loadToolFile(MAGTWIN_SOURCE_DIR "/cases/tools/reactive_tin_lee_yang.yaml").process.reactive;
    EXPECT_TRUE(ly.implantation);
    EXPECT_DOUBLE_EQ(ly.flowScale, 0.000282495);
    EXPECT_DOUBLE_EQ(ly.collectorAreaM2, 0.3);        // 3000 cm^2
    EXPECT_FALSE(ly.pumpingSpeedM3PerS.has_value());  // set per run by --pressure
    EXPECT_EQ(ly.redepositionFraction, 0.0);          // fitted without it (docs/reactive.md)
}

TEST(ToolReactive, AbsentWhereNotGiven) {
    const ToolFile tool = loadToolFile(MAGTWIN_SOURCE_DIR "/cases/tools/wafer300_chamber.yaml");
    EXPECT_FALSE(tool.process.reactive.has_value());
}

}  // namespace
}  // namespace magtwin
