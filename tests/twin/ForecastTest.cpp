// twin/forecast on its own (no command line):
//  - the logged recipe, worked by hand on the step detector's crafted log (StepDetectorTest):
//    a cathode's trim is its mean power in the newest deposition step, that step's energy over
//    its duration (DeliveredEnergy.hpp), over the tool file's power;
//  - the forecaster on a planar pair whose U rises over life (a narrow and a wide track, as
//    tests/cli/twin_forecast_command_test.sh): its crossing against a plain bisection of the
//    same model's U over the whole forecast range, and no crossing (nor trims) when the spec
//    is above U everywhere.
#include "tests/twin/TwinTestFiles.hpp"

#include "cli/deposit/DepositConfig.hpp"
#include "cli/twin/TwinToolFile.hpp"
#include "twin/forecast/LoggedRecipe.hpp"
#include "twin/forecast/UniformityForecast.hpp"
#include "twin/replay/DeliveredEnergy.hpp"
#include "twin/replay/ReplaySeries.hpp"
#include "twin/store/TwinStore.hpp"
#include "twin/sync/LogSync.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace magtwin;
using namespace magtwin::test;

TEST(LoggedRecipe, TheNewestDepositionStepsEnergyOverItsDurationWorkedByHand) {
    TempDir dir("forecast-recipe");
    auto store = openStore(dir.file("s.sqlite"));
    const std::int64_t tool = store->ensureTool("t");
    const LogFormat f = twoSourceFileFormat();
    {
        FileSync s(*store, tool, f, writeFile(dir.file("log.csv"), kTwoSourceLog));
        s.pump();
    }
    const ReplaySeries series(*store, tool);
    CathodeGroup a, b;
    a.name = "A", a.powerW = 100.0;
    b.name = "B", b.powerW = 200.0;
    const auto recipe = loggedRecipe({a, b}, store->steps(tool), series, EnergySeries(f, series));
    ASSERT_TRUE(recipe.has_value());
    // The newest deposition-type step is "deposition" of B at its one row, t = 1009 s (RF
    // switched from A to B). B's segments (StepDetectorTest's powers: B 200 W at 8.25 s, 290 W
    // at 9 s, 0 W at 10 s): 8.25 -> 9 s, (200 + 290) / 2 x 0.75 = 183.75 J, the source being on
    // at 9 s, and 9 -> 10 s, 290 / 2 x 1 = 145 J, B being off at 10 s: 328.75 J over 1.75 s =
    // 187.857142... W, trim 0.939285714... of the tool file's 200 W. (The step's one logged row
    // alone would say 290 W.) A is off in that step: trim 0.
    EXPECT_EQ(recipe->label, "deposition");
    EXPECT_DOUBLE_EQ(recipe->startTime, 1009.0);
    ASSERT_EQ(recipe->trims.size(), 2u);
    EXPECT_EQ(recipe->trims[0], 0.0);
    EXPECT_NEAR(recipe->trims[1], 328.75 / 1.75 / 200.0, 1e-12);
}

namespace {

// The narrow / wide planar pair of tests/cli/twin_forecast_command_test.sh on a coarse
// glass grid (20 mm) and target mesh (5 mm): the test compares the forecaster with its own
// model, not with a fine map.
const char* kPair = R"(tool: {name: forecast-pair}
substrates:
  - {name: plate, kind: glass, size_x: 300 mm, size_y: 200 mm, pitch: 20 mm, edge_exclusion: 10 mm,
     motion: {kind: static, time: 60 s}, spec: {uniformity_target: 3 %}}
cathodes:
  - {name: narrow, type: planar-rect, position: [-80 mm, 0 mm, 100 mm], length: 300 mm, width: 120 mm,
     target: {material: Mo, thickness: 6 mm},
     magnets: {racetrack: {straight_length: 200 mm, track_separation: 60 mm, turnaround_enhancement: 1.2,
               profile: {shape: gaussian, sigma: 4 mm}}},
     discharge: {voltage: 450 V, power: 3 kW}, mesh: {pitch: 5 mm}}
  - {name: wide, type: planar-rect, position: [80 mm, 0 mm, 100 mm], length: 300 mm, width: 120 mm,
     target: {material: Mo, thickness: 6 mm},
     magnets: {racetrack: {straight_length: 180 mm, track_separation: 60 mm, turnaround_enhancement: 1.2,
               profile: {shape: gaussian, sigma: 8 mm}}},
     discharge: {voltage: 450 V, power: 3 kW}, mesh: {pitch: 5 mm}}
)";

class ForecastPair : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        TempDir dir("forecast-pair");
        const TwinToolFile tf = loadTwinToolFile(writeFile(dir.file("pair.yaml"), kPair));
        c_ = new DepositCase(depositCaseFor(*tf.tool, ""));
        // both targets 30 kWh into their life, 3 kWh a day: every group at the axis' x
        usage_ = new std::vector<GroupUsage>{{30.0, 3.0, {"N1"}}, {30.0, 3.0, {"W1"}}};
        DepositCase high = *c_;
        high.uniformityTargetPct = 1000.0;
        unbounded_ = new ForecastResult(forecastUniformity(high, *usage_, std::nullopt, TransportMethod::Fast, {5}));
    }
    static void TearDownTestSuite() { delete c_, delete usage_, delete unbounded_; }
    static DepositCase* c_;
    static std::vector<GroupUsage>* usage_;
    static ForecastResult* unbounded_;  ///< spec 1000 %: U stays below it
};
DepositCase* ForecastPair::c_ = nullptr;
std::vector<GroupUsage>* ForecastPair::usage_ = nullptr;
ForecastResult* ForecastPair::unbounded_ = nullptr;

}  // namespace

TEST_F(ForecastPair, NoCrossingAndNoTrimsWhenUStaysBelowTheSpec) {
    const ForecastResult& r = *unbounded_;
    EXPECT_EQ(r.recipe, "configured");
    EXPECT_DOUBLE_EQ(r.xNow, 30.0);
    ASSERT_EQ(r.us.size(), 5u);
    for (double u : r.us) EXPECT_LT(u, 1000.0);
    EXPECT_FALSE(r.crossingKWh.has_value());
    EXPECT_TRUE(r.recommendedTrims.empty());
    EXPECT_FALSE(r.uAfterPct.has_value());
    // the forecast axis ends 0.5 % of the remaining life before the first end of life
    const double eol = std::min(r.eolKWh[0], r.eolKWh[1]);
    EXPECT_NEAR(r.xEnd, 30.0 + 0.995 * (eol - 30.0), 1e-9 * eol);
}

TEST_F(ForecastPair, CrossingMatchesABruteForceBisectionOfTheSameModel) {
    const ForecastResult& probe = *unbounded_;
    // U rises over life here (the narrow track's groove walls steepen faster): a spec half
    // way between U now and U at the end of the forecast is crossed once
    ASSERT_GT(probe.us.back(), probe.us.front());
    DepositCase c = *c_;
    c.uniformityTargetPct = 0.5 * (probe.us.front() + probe.us.back());
    const ForecastResult r = forecastUniformity(c, *usage_, std::nullopt, TransportMethod::Fast, {5});
    ASSERT_TRUE(r.crossingKWh.has_value());
    // brute force: the same model's U bisected over the whole range [now, end] to 1e-4 relative
    const ForecastModel model(c, *usage_, TransportMethod::Fast);
    double lo = r.xNow, hi = r.xEnd;
    ASSERT_LE(model.uniformityPct(lo, {}), c.uniformityTargetPct);
    ASSERT_GT(model.uniformityPct(hi, {}), c.uniformityTargetPct);
    while (hi - lo > 1e-4 * hi) {
        const double mid = 0.5 * (lo + hi);
        (model.uniformityPct(mid, {}) > c.uniformityTargetPct ? hi : lo) = mid;
    }
    // the forecaster bisects its first bracket to 0.1 % of x (its stated tolerance; the brute
    // force adds 0.01 %)
    std::cout << "crossing " << *r.crossingKWh << " kWh, brute force " << 0.5 * (lo + hi) << " kWh\n";
    EXPECT_NEAR(*r.crossingKWh, 0.5 * (lo + hi), 1.1e-3 * hi);
    // and its re-optimised trims at the end bring U down
    ASSERT_EQ(r.recommendedTrims.size(), 2u);
    ASSERT_TRUE(r.uAfterPct.has_value());
    EXPECT_LT(*r.uAfterPct, r.us.back());
}

TEST(BisectSpecCrossing, FindsTheCrossingOfAKnownFunction) {
    // u(x) = x^2 crosses 2 at sqrt(2); the bracket [1, 2] halves to 1e-9 x 2
    int calls = 0;
    const double x = bisectSpecCrossing([&](double v) { return ++calls, v * v; }, 2.0, 1.0, 2.0, 1.0, 4.0, 1e-9);
    EXPECT_NEAR(x, std::sqrt(2.0), 2e-9);
    EXPECT_LE(calls, 31);  // log2(1 / 1e-9) + 1 halvings
}
