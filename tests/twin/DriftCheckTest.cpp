// DriftCheck: residuals against a calibrated prediction with its band, on hand-made
// intervals whose residuals are known exactly.
#include "twin/calibration/DriftCheck.hpp"

#include <gtest/gtest.h>

namespace magtwin {
namespace {

ReplayStep interval(double start, double predictedUncalibrated, double measured) {
    ReplayStep s;
    s.start = start;
    s.end = start + 30.0;
    StepSourcePrediction p;
    p.source = "c1";
    p.targetId = "T1";
    p.crystalMassRate = predictedUncalibrated;
    s.sources = {p};
    s.measuredMassRate = measured;
    return s;
}

TEST(DriftCheck, ARunOutsideTheBandIsOneFindingWithItsTimeAndLargestResidual) {
    // scale 2 +- 0.1: relative 1-sigma of the prediction 5 %, band = 15 % + 2 x 5 % = 25 %
    const std::vector<CalibrationParameter> cal{{"c1", "T1", 2.0, 0.1}};
    const double p = 1e-8;
    const std::vector<ReplayStep> steps{interval(0, p, 2 * p * 1.2), interval(100, p, 2 * p * 1.3),
                                        interval(200, p, 2 * p * 0.69), interval(300, p, 2 * p * 1.0)};
    const auto r = driftResiduals(steps, cal, {});
    ASSERT_EQ(r.size(), 4u);
    EXPECT_NEAR(r[0].residualPct, 20.0, 1e-9);
    EXPECT_NEAR(r[0].bandPct, 25.0, 1e-9);
    EXPECT_FALSE(r[0].outside);
    EXPECT_TRUE(r[1].outside);
    EXPECT_TRUE(r[2].outside);
    EXPECT_FALSE(r[3].outside);
    const auto f = driftFindings(steps, cal, {});
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].kind, "drift");
    EXPECT_DOUBLE_EQ(f[0].time, 100.0);
    EXPECT_NEAR(f[0].size, -31.0, 1e-9);
}

TEST(DriftCheck, UncalibratedSourcesAreNotJudged) {
    const std::vector<CalibrationParameter> cal{{"other", "T9", 2.0, 0.1}};
    EXPECT_TRUE(driftResiduals({interval(0, 1e-8, 5e-8)}, cal, {}).empty());
}

}  // namespace
}  // namespace magtwin
